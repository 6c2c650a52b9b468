/**
 * `danlu start`: the main job on its built-in default (npm start).
 * @module
 */
import type { CAC } from "cac";
import { planTrain } from "../../../planners/train.ts";
import { guard, type Output, toJson } from "../io.ts";
import { defaultTrainScenario, renderTrain } from "./train.ts";

export function register(cli: CAC, out: Output): void {
  cli
    .command("start", "The plan for the built-in default (Llama 3.1 405B on 16,384 H100)")
    .option("--json", "Print the Train result as JSON")
    .example("danlu start")
    .example("danlu start --json")
    .action((flags: { json?: boolean }) =>
      guard(() => {
        const result = planTrain(structuredClone(defaultTrainScenario));
        out.write(flags.json ? toJson(result) : renderTrain(result, defaultTrainScenario));
      }, out),
    );
}
