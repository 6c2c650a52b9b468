import { describe, expect, it } from "vitest";
import { planTrain } from "../../src/planners/train.ts";

/** The Megatron-Bridge 25.11 DeepSeek-V3 w/ MTP plan (256 B200, PP16, EP8). */
const dsv3 = {
  model: "deepseek-v3",
  hardware: { chip: "b200", count: 256 },
  precision: "fp8" as const,
  training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 8388608 },
  parallelism: { tp: 1, pp: 16, dp: 16, cp: 1, ep: 8, virtualStages: 1, microBatchSize: 1, zeroStage: 1 as const, recompute: "none" as const },
};

describe("multi-token prediction (DeepSeek-V3 §2.2)", () => {
  const without = planTrain(dsv3);
  const withMtp = planTrain({ ...dsv3, training: { ...dsv3.training, multiTokenPredictionLayers: 1 } });

  it("adds a block, a 2h→h projection and the output head to the model FLOPs: 3·(L̄ + 4h² + 2·V·h) per token", () => {
    // V = 129,280, h = 7,168: the head alone is 2·V·h = 1.853 GFLOP forward per token.
    const extra = withMtp.modelFlopsPerToken - without.modelFlopsPerToken;
    expect(extra).toBeGreaterThan(3 * (2 * 129280 * 7168 + 4 * 7168 * 7168));
    expect(extra / without.modelFlopsPerToken).toBeLessThan(0.15);
  });

  it("puts it on the last pipeline stage: with PP16 (3 layers there) that stage becomes the bottleneck and the step slows", () => {
    expect(withMtp.stepTimeSeconds).toBeGreaterThan(1.2 * without.stepTimeSeconds);
    expect(withMtp.memoryPerChipBytes).toBeGreaterThanOrEqual(without.memoryPerChipBytes);
    expect(withMtp.mfu).toBeLessThanOrEqual(1);
  });

  it("defaults to no MTP", () => {
    expect(planTrain(dsv3).modelFlopsPerToken).toBe(without.modelFlopsPerToken);
  });
});
