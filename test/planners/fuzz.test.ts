import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chips } from "../../src/catalog/hardware.ts";
import { planTrain } from "../../src/planners/train.ts";
import { brokenTrainScenario, hostileConfigScenario, inferScenario, trainScenarioWith } from "../fuzz/arbitraries.ts";
import { checkInfer, checkTrain, nonFinite, type Outcome } from "../fuzz/invariants.ts";

// ≥ 2,000 cases per property; `npm run fuzz` runs a million (scripts/fuzz.ts).
const numRuns = 2000;

/** Run `check` over `arb`; every outcome is a result or an InputError, and no invariant breaks. Returns the share that reached a result. */
function property(arb: fc.Arbitrary<unknown>, check: (s: unknown) => Outcome, seed: number): number {
  let results = 0;
  let runs = 0;
  fc.assert(
    fc.property(arb, (s) => {
      const o = check(s);
      runs++;
      if (o.kind === "result") results++;
      expect(o.kind === "unexpected" ? o.error : "").toBe("");
      expect(o.breaks).toEqual([]);
    }),
    { numRuns, seed },
  );
  return results / runs;
}

describe("planners on generated scenarios (fast-check, 2,000 cases each)", () => {
  it("valid train scenarios: ≥ 50 % reach a plan; finite, MFU/HFU ≤ 1, a power cap never faster, 2× chips ≤ 2× speed", () => {
    const reached = property(trainScenarioWith(0.1), (s) => checkTrain(s), 10);
    console.log(`train: ${(reached * 100).toFixed(1)} % of ${numRuns} generated scenarios reached a plan`);
    expect(reached).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it("valid infer scenarios: ≥ 50 % reach a result; finite, fits false above maxConcurrency", () => {
    const reached = property(inferScenario, checkInfer, 11);
    console.log(`infer: ${(reached * 100).toFixed(1)} % of ${numRuns} generated scenarios reached a result`);
    expect(reached).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it("train scenarios with one field broken: an InputError naming the field, or a finite plan", () => {
    property(brokenTrainScenario, (s) => checkTrain(s, false), 12);
  }, 120_000);

  it("inline configs with hostile sizes (1e300 layers, NaN heads, …): an InputError, never a hang", () => {
    property(hostileConfigScenario, (s) => checkTrain(s, false), 13);
  }, 60_000);
});

describe("MFU and HFU ≤ 1 on every chip and training format", () => {
  const formats = ["bf16", "fp16", "fp8", "fp4"] as const;
  const cases = chips.flatMap((c) => formats.filter((f) => c.denseFlopsPerSecond[f] !== undefined).map((f) => [c.id, f] as const));
  it.each(cases)("%s in %s", (chip, precision) => {
    for (const recompute of ["none", "full"] as const) {
      const r = planTrain({
        model: "llama-3.1-8b",
        hardware: { chip, count: 8 },
        precision,
        training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8192 * 64 },
        parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, zeroStage: 3, microBatchSize: 1, recompute },
      });
      expect(nonFinite(r)).toEqual([]);
      expect(r.mfu).toBeGreaterThan(0);
      expect(r.mfu).toBeLessThanOrEqual(1);
      expect(r.hfu).toBeLessThanOrEqual(1);
    }
  });
});
