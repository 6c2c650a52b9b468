// schemas/ is generated (npm run schemas) and checked in, so editors read it from a clone: it must be what
// the generator writes now. Every YAML example names its question's schema, and validates against it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { schemaDir, schemaFiles } from "../../scripts/schemas.ts";

describe("schemas/", () => {
  it("is current (run `npm run schemas` after changing a question's schema)", () => {
    const files = schemaFiles();
    expect(readdirSync(schemaDir).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(schemaDir, name), "utf8"), name).toBe(text);
  });

  it("every YAML example names an existing schema that accepts it", () => {
    const examples = readdirSync("examples").filter((f) => f.endsWith(".yaml"));
    expect(examples.length).toBeGreaterThan(5);
    for (const file of examples) {
      const text = readFileSync(join("examples", file), "utf8");
      const m = text.match(/^# yaml-language-server: \$schema=(\S+)\n/);
      expect(m, file).not.toBeNull();
      const path = join("examples", m?.[1] ?? "");
      expect(existsSync(path), path).toBe(true);
      const schema = z.fromJSONSchema(JSON.parse(readFileSync(path, "utf8")));
      const r = schema.safeParse(parse(text));
      expect(r.success ? [] : r.error.issues, file).toEqual([]);
    }
  });
});
