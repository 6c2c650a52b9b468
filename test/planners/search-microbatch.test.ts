import { describe, expect, it } from "vitest";
import { searchPlans } from "../../src/planners/search.ts";
import { planTrain } from "../../src/planners/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

describe("search over every micro-batch that divides the per-replica batch", () => {
  it("tries micro-batch 3 when each of 8 replicas holds 3 sequences (not only 1, 2, 4, 8)", () => {
    const r = resolveTrainScenario({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 8 },
      precision: "bf16",
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 3 * 8192 },
      parallelism: { tp: 1, pp: 1, cp: 1, dp: 8, zeroStage: 3, recompute: "full" },
    });
    const report = searchPlans(r.job, r.fixed, { top: 10 });
    const sizes = new Set(report.top.map((p) => p.parallelism.microBatchSize));
    // Per replica 24,576 tokens = 3 sequences: the divisors are 1 and 3; 2, 4 and 8 leave a fraction of a micro-batch.
    expect([...sizes].sort()).toEqual([1, 3]);
  });
});

describe("fixed interleaved plans the search would reject", () => {
  it("refuses interleaving with one micro-batch per step (no pipeline to interleave)", () => {
    expect(() =>
      planTrain({
        model: "llama-3.1-405b",
        hardware: { chip: "h100-sxm", count: 16384 },
        precision: "bf16",
        training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 128 * 8192 },
        parallelism: { tp: 8, pp: 16, dp: 128, cp: 1, virtualStages: 2, microBatchSize: 1 },
      }),
    ).toThrow(/multiple of pp/);
  });
});
