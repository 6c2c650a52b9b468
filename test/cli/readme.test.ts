import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { examples, runCli } from "../../scripts/readme-examples.ts";

const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
const list = examples(readme);

describe("README examples are the CLI's real output (scripts/readme-examples.ts)", () => {
  it("has the examples the README promises: the default run, a bad input, build vs rent, compare", () => {
    expect(list.map((e) => e.args[0])).toEqual(["train", "train", "tco", "compare"]);
  });

  for (const example of list) {
    it(`danlu ${example.line.replace(/#.*$/, "").trim()}`, () => {
      const output = runCli(example.args);
      expect(`${output}\n`).toBe(example.shown);
      for (const line of output.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
    });
  }
});
