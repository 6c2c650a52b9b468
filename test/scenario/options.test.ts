// Every option of these questions' input schemas says what it means, its default (or that it is required),
// and gives an example: editors show this from schemas/ as a YAML file is written, and clients read it in
// the OpenAPI document.
import { describe, expect, it } from "vitest";
import { inputJsonSchema } from "../../src/index.ts";

type Schema = { description?: string; examples?: unknown[]; properties?: Record<string, Schema>; anyOf?: Schema[] };

/** Every property below the top level, by dotted path (through anyOf branches that are objects). */
function options(schema: Schema, prefix = ""): Array<[string, Schema]> {
  const found: Array<[string, Schema]> = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    found.push([path, child]);
    found.push(...options(child, path));
    for (const branch of child.anyOf ?? []) found.push(...options(branch, path));
  }
  return found;
}

describe.each(["train", "search", "deadline", "compare", "capacity", "forecast"])("%s input", (id) => {
  it("documents each option's default (or that it is required) and an example", () => {
    const all = options(inputJsonSchema(id) as Schema);
    expect(all.length).toBeGreaterThan(3);
    const undocumented = all.filter(([, s]) => !/\b(Default|Required)\b/.test(s.description ?? ""));
    expect(undocumented.map(([p]) => p)).toEqual([]);
    const noExample = all.filter(([path, s]) => !s.examples?.length && !/\.training$/.test(path) && path !== "training");
    expect(noExample.map(([p]) => p)).toEqual([]);
  });
});
