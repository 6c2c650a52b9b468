import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InputError } from "../../src/errors.ts";
import { planTrain } from "../../src/planners/train.ts";

/** Every number anywhere in a result must be finite. */
function assertFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

const anyValue = fc.oneof(fc.integer({ min: -10, max: 100000 }), fc.double({ noNaN: false }), fc.string({ maxLength: 6 }), fc.constant(null), fc.constant(undefined));

const scenarios = fc.record(
  {
    model: fc.oneof(fc.constantFrom("llama-3.1-8b", "llama-2-7b", "mixtral-8x7b", "qwen2.5-7b", "gpt-j-6b", "llama3", ""), anyValue),
    hardware: fc.oneof(
      fc.record({
        chip: fc.constantFrom("h100-sxm", "a100-sxm-80gb", "b200", "mi300x", "tpu-v5p", "gaudi3", "rtx-4090", "h10"),
        count: fc.oneof(fc.constantFrom(1, 8, 16, 64, 256), anyValue),
      }),
      anyValue,
    ),
    precision: fc.oneof(fc.constantFrom("bf16", "fp16", "fp8", "fp4"), anyValue),
    training: fc.record({
      tokens: fc.oneof(fc.constantFrom(1e12, "2T", "15.6T"), anyValue),
      sequenceLength: fc.oneof(fc.constantFrom(2048, 4096, 8192), anyValue),
      globalBatchTokens: fc.oneof(fc.constantFrom(1048576, 4194304, "4Mi"), anyValue),
    }),
    parallelism: fc.record(
      {
        tp: fc.oneof(fc.constantFrom(1, 2, 4, 8), anyValue),
        pp: fc.oneof(fc.constantFrom(1, 2, 4), anyValue),
        cp: fc.constantFrom(1, 2),
        zeroStage: fc.oneof(fc.constantFrom(0, 1, 2, 3), anyValue),
        recompute: fc.constantFrom("none", "selective", "full", "some"),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe("planTrain on arbitrary input", () => {
  test.prop([scenarios], { numRuns: 150 })("returns finite results or throws InputError — never anything else", (scenario) => {
    try {
      const result = planTrain(scenario);
      assertFinite(result);
      expect(result.tokensPerSecond).toBeGreaterThan(0);
      if (!result.fits) expect(result.reason).toMatch(/^needs \d+\.\d GB per chip, .+ has \d+ GB$/);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issues = (error as InputError).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.expected.length).toBeGreaterThan(0);
    }
  });
});

import { it } from "vitest";
import { chips } from "../../src/catalog/hardware.ts";

describe("every catalog chip", () => {
  it.each(chips.map((c) => c.id))("%s plans Llama 3.1 8B and Mixtral 8x7B on 64 chips, or says why not", (chip) => {
    for (const model of ["llama-3.1-8b", "mixtral-8x7b"]) {
      try {
        const r = planTrain({ model, hardware: { chip, count: 64 }, training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 } });
        assertFinite(r);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    }
  });
});
