import { describe, expect, it } from "vitest";
import { resolveModel } from "../../src/catalog/models.ts";
import { planTrain } from "../../src/planners/train.ts";
import { replicatedKvParametersPerShard } from "../../src/physics/workload.ts";

// PaLM 540B's shape (Chowdhery et al. 2022, Table 1): multi-query attention, one K/V head of 256.
const palm = {
  model_type: "llama",
  hidden_size: 18432,
  intermediate_size: 73728,
  num_hidden_layers: 118,
  num_attention_heads: 48,
  num_key_value_heads: 1,
  head_dim: 256,
  vocab_size: 256000,
  tie_word_embeddings: true,
};

describe("K/V replication when TP exceeds the KV heads (Pope et al. 2022 §3.3)", () => {
  it("each of 12 shards holds the whole K/V head: 2·18432·256 parameters instead of 1/12 of them", () => {
    const arch = resolveModel(palm, "model");
    // 2·h·d_head = 9,437,184 per head; each shard holds ⌈1/12⌉ = 1 head, i.e. 11/12 of it beyond its 1/12 share.
    expect(replicatedKvParametersPerShard(arch, 12)).toBeCloseTo((9_437_184 * 11) / 12, 3);
    expect(replicatedKvParametersPerShard(arch, 1)).toBe(0);
  });

  it("no replication where TP divides the KV heads (Llama 3.1 70B, 8 KV heads, TP 8)", () => {
    expect(replicatedKvParametersPerShard(resolveModel("llama-3.1-70b", "model"), 8)).toBe(0);
  });

  it("plans PaLM 540B's published TP 12 on 6,144 TPU v4 instead of refusing it", () => {
    const r = planTrain({
      model: palm,
      hardware: { chip: "tpu-v4", count: 6144 },
      precision: "bf16",
      training: { tokens: 780e9, sequenceLength: 2048, globalBatchTokens: 4194304 },
      parallelism: { tp: 12, pp: 1, dp: 512, cp: 1, zeroStage: 3, recompute: "full" },
    });
    expect(r.parallelism.tp).toBe(12);
    expect(Number.isFinite(r.tokensPerSecondPerChip)).toBe(true);
  });

  it("still refuses a TP that neither divides nor is a multiple of the KV heads (48 heads, 8 KV heads, TP 12)", () => {
    expect(() =>
      planTrain({
        model: { ...palm, num_key_value_heads: 8 },
        hardware: { chip: "tpu-v4", count: 6144 },
        precision: "bf16",
        training: { tokens: 780e9, sequenceLength: 2048, globalBatchTokens: 4194304 },
        parallelism: { tp: 12, pp: 1, dp: 512, cp: 1, zeroStage: 3, recompute: "full" },
      }),
    ).toThrow(/key\/value heads/);
  });
});
