import { describe, expect, it } from "vitest";
import { issueText } from "../../src/faces/web/issues.ts";
import { trainScenario, defaults } from "../../src/faces/web/state.ts";
import { InputError } from "../../src/errors.ts";
import { planTrain } from "../../src/planners/train.ts";

const issuesOf = (scenario: unknown) => {
  try {
    planTrain(scenario);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("no error");
};

describe("engine errors carry message ids the web translates", () => {
  it("a bad quantity, an unknown chip and a plan that misses the chip count read in Chinese", () => {
    const tokens = issuesOf(trainScenario({ ...defaults, tokens: "lots" }));
    expect(tokens[0].code).toBe("quantity");
    expect(issueText(tokens[0], "zh")).toBe('training.tokens = "lots": 应为 正数（例如 15.6e12 或 "15.6T"）');
    expect(issueText(tokens[0], "en")).toBe('training.tokens = "lots": expected a positive number (e.g. 15.6e12 or "15.6T")');
    const chip = issuesOf(trainScenario({ ...defaults, chip: "h10" }));
    expect(chip[0].code).toBe("unknown-id");
    expect(issueText(chip[0], "zh")).toMatch(/^hardware\.chip = "h10": 应为 已知的芯片 id（您是否想输入：.*h100-sxm/);
    const count = issuesOf(trainScenario({ ...defaults, count: 1000 }));
    expect(count[0].code).toBe("plan-chip-count");
    expect(issueText(count[0], "zh")).toContain("恰好使用 hardware.count = 1000 块芯片");
  });

  it("an issue without a known id falls back to the engine's English", () => {
    expect(issueText({ path: "x", expected: "something new" }, "zh")).toBe("x: 应为 something new");
  });
});
