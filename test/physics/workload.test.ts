import { describe, expect, it } from "vitest";
import { getModelArchitecture } from "../../src/catalog/models.ts";
import type { Architecture } from "../../src/catalog/architecture.ts";
import { forwardFlopsPerToken, kvCacheValuesPerTokenPerLayer, meanAttendedTokens, parameterBreakdown, sixNFlopsPerToken } from "../../src/physics/workload.ts";

/** A toy model small enough to count by hand. */
const toy: Architecture = {
  id: "toy",
  family: "gpt2",
  hiddenSize: 1024,
  numLayers: 2,
  vocabSize: 1000,
  intermediateSize: 4096,
  gatedMlp: false,
  attention: { kind: "gqa", numHeads: 8, numKvHeads: 8, headDim: 128 },
  tiedEmbeddings: true,
  positionEmbeddings: 0,
  attentionBias: false,
  mlpBias: false,
  normParametersPerHidden: 1,
  maxContextTokens: 4,
};

describe("parameters", () => {
  it("counts the toy model by hand", () => {
    const p = parameterBreakdown(toy);
    expect(p.attention).toBe(2 * 4 * 1024 * 1024); // Wq, Wk, Wv, Wo per layer
    expect(p.denseMlp).toBe(2 * 2 * 1024 * 4096);
    expect(p.embedding).toBe(1000 * 1024);
    expect(p.outputHead).toBe(0); // tied
    expect(p.norms).toBe((2 * 2 + 1) * 1024);
    expect(p.total).toBe(8_388_608 + 16_777_216 + 1_024_000 + 5_120);
  });

  it.each([
    ["llama-2-70b", 68_976_648_192, 1e-9],
    ["llama-3.1-405b", 405.85e9, 0.002],
    ["mixtral-8x7b", 46.7e9, 0.01],
    ["deepseek-v3", 671e9, 0.01],
  ])("%s has %d parameters", (id, expected, tolerance) => {
    const total = parameterBreakdown(getModelArchitecture(id)).total;
    expect(Math.abs(total - expected) / expected).toBeLessThanOrEqual(tolerance);
  });

  it("counts only the routed experts a token uses as active (Mixtral 8x7B ≈ 12.9B, DeepSeek-V3 ≈ 37B)", () => {
    expect(parameterBreakdown(getModelArchitecture("mixtral-8x7b")).activePerToken / 1e9).toBeCloseTo(12.9, 0);
    expect(parameterBreakdown(getModelArchitecture("deepseek-v3")).activePerToken / 1e9).toBeCloseTo(37.6, 0);
  });
});

describe("FLOPs per token", () => {
  it("counts the toy forward pass by hand, causal attention included", () => {
    const f = forwardFlopsPerToken(toy, 4);
    expect(f.attentionProjections).toBe(2 * 2 * 4 * 1024 * 1024);
    expect(f.mlp).toBe(2 * 2 * 2 * 1024 * 4096);
    expect(f.outputHead).toBe(2 * 1000 * 1024);
    // 2 layers · 2 · heads · (d_qk + d_v) · mean keys ((1+2+3+4)/4 = 2.5)
    expect(f.attentionCore).toBe(2 * 2 * 8 * 256 * 2.5);
    expect(f.total).toBe(16_777_216 + 33_554_432 + 2_048_000 + 20_480);
  });

  it("is close to 6N plus attention for Llama 3.1 405B at 8k (training = 3 × forward)", () => {
    const arch = getModelArchitecture("llama-3.1-405b");
    const train = 3 * forwardFlopsPerToken(arch, 8192).total;
    const sixN = sixNFlopsPerToken(arch);
    const attention = 6 * 126 * 128 * 128 * (8193 / 2) * 2; // 3 × 2·L·heads·(dqk+dv)·mean keys
    expect(train).toBeCloseTo(sixN + attention, -9);
  });

  it("averages attended keys for causal and windowed attention", () => {
    expect(meanAttendedTokens(4)).toBe(2.5);
    expect(meanAttendedTokens(8192)).toBe(4096.5);
    // window 2 over 4 tokens: keys 1,2,2,2 → 1.75
    expect(meanAttendedTokens(4, 2)).toBe(1.75);
  });

  it("keeps a compressed latent in the MLA KV cache (DeepSeek-V3: 512 + 64 values per layer)", () => {
    expect(kvCacheValuesPerTokenPerLayer(getModelArchitecture("deepseek-v3"))).toBe(576);
    expect(kvCacheValuesPerTokenPerLayer(getModelArchitecture("llama-3.1-70b"))).toBe(2 * 8 * 128);
  });
});
