/**
 * `danlu schema <question>`: the JSON Schema (draft 2020-12) of a question's input, for editors (YAML
 * autocompletion with `# yaml-language-server: $schema=…`) and clients; `--result` prints the result's.
 * @module
 */
import type { CAC } from "cac";
import { InputError } from "../../../errors.ts";
import { inputJsonSchema, outputJsonSchema } from "../../../planners/schema.ts";
import { questions } from "../../../planners/questions.ts";
import { guard, type Output, toJson } from "../io.ts";

export function register(cli: CAC, out: Output): void {
  cli
    .command("schema <question>", "JSON Schema of a question's input, for editors and clients")
    .option("--result", "Print the schema of the question's result instead")
    .example("danlu schema train > train.schema.json")
    .example("danlu schema infer --result")
    .action((id: string, flags: { result?: boolean }) =>
      guard(() => {
        if (typeof id !== "string" || !id) throw new InputError({ path: "question", expected: `one of ${questions.map((q) => q.id).join(", ")}` });
        out.write(toJson(flags.result ? outputJsonSchema(id) : inputJsonSchema(id)));
      }, out),
    );
}
