/**
 * Writes schemas/<question>.json (the input: a scenario file's schema, for editors) and
 * schemas/<question>.result.json (the result) for every question of src/planners/questions.ts, and
 * schemas/prices.json (a --prices file).
 * `npm run schemas`; test/planners/schemas.test.ts fails when a checked-in file is not what this writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { questionSchemas } from "../src/planners/schema.ts";
import { PriceTable } from "../src/scenario/prices.ts";

export const schemaDir = resolve(import.meta.dirname, "../schemas");

/** File name → text, exactly as written. */
export function schemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const q of questionSchemas()) {
    files.set(`${q.id}.json`, `${JSON.stringify(q.input, null, 2)}\n`);
    files.set(`${q.id}.result.json`, `${JSON.stringify(q.output, null, 2)}\n`);
  }
  // A price table file (--prices FILE, examples/prices-cloud.yaml) is not a question's input, but editors check it too.
  files.set("prices.json", `${JSON.stringify({ ...z.toJSONSchema(PriceTable, { io: "input" }), title: "danlu price table" }, null, 2)}\n`);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(schemaDir, { recursive: true });
  const files = schemaFiles();
  for (const name of readdirSync(schemaDir)) if (!files.has(name)) rmSync(join(schemaDir, name));
  for (const [name, text] of files) writeFileSync(join(schemaDir, name), text);
  console.log(`wrote ${files.size} schemas to schemas/`);
}
