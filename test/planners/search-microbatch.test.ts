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

describe("plans on fewer chips when the batch does not divide over the cluster", () => {
  it("Llama 3.1 8B, 8 sequences on 37 H100 (prime, more than its 32 layers): runs on the fastest smaller count, says how many are idle, suggests 37 sequences", () => {
    const r = planTrain({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 37 },
      precision: "bf16",
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 8192 },
    });
    // 36 chips only plan as PP9·CP4 with one replica (0.48 s a step); 32 plan as DP8·CP4 (0.24 s): the faster wins.
    expect(r.chipCount).toBe(32);
    expect(r.parallelism.tp * r.parallelism.pp * r.parallelism.dp * r.parallelism.cp).toBe(32);
    // 37 is prime and exceeds the layers, so every chip can only be used data-parallel: 37 sequences.
    expect(r.idle).toEqual({ clusterChips: 37, idleChips: 5, suggestedGlobalBatchTokens: 37 * 8192 });
  });

  it("uses every chip, with no idle note, when the batch divides", () => {
    const r = planTrain({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 8 },
      precision: "bf16",
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 8192 },
    });
    expect(r.chipCount).toBe(8);
    expect(r.idle).toBeUndefined();
  });
});
