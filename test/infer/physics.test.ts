import { describe, expect, it } from "vitest";
import { getModelArchitecture } from "../../src/catalog/models.ts";
import type { Architecture } from "../../src/catalog/architecture.ts";
import { expectedExpertsTouched } from "../../src/physics/infer.ts";
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, kvTensorShards } from "../../src/physics/kv-cache.ts";
import { planInfer, planInferAtTpot } from "../../src/planners/infer.ts";

describe("KV cache", () => {
  it("GQA: 2·kv_heads·head_dim per layer (Llama 3.1 70B: 80 layers, 8 kv heads of 128)", () => {
    expect(kvCacheBytesPerToken(getModelArchitecture("llama-3.1-70b"), 2)).toBe(2 * 8 * 128 * 80 * 2);
  });
  it("MLA: the latent plus the rotary key (DeepSeek-V3: 512 + 64 per layer, 61 layers), not sharded by TP", () => {
    const arch = getModelArchitecture("deepseek-v3");
    expect(kvCacheBytesPerToken(arch, 1)).toBe((512 + 64) * 61);
    expect(kvTensorShards(arch, 8)).toBe(1);
  });
  it("sliding-window layers hold at most the window", () => {
    const base = getModelArchitecture("llama-3.1-8b");
    const windowed: Architecture = { ...base, slidingWindow: { windowTokens: 1024, layers: base.numLayers } };
    expect(kvCacheBytesPerSequence(windowed, 8192, 2)).toBe(kvCacheBytesPerSequence(base, 1024, 2));
    expect(kvCacheBytesPerSequence(windowed, 512, 2)).toBe(kvCacheBytesPerSequence(base, 512, 2));
  });
  it("GQA is replicated once TP exceeds the kv heads", () => {
    expect(kvTensorShards(getModelArchitecture("llama-3.1-70b"), 16)).toBe(8);
  });
});

describe("MoE experts touched", () => {
  it("is k at batch 1 and approaches E as the batch grows: E·(1−(1−k/E)^B)", () => {
    expect(expectedExpertsTouched(8, 2, 1)).toBeCloseTo(2, 10);
    expect(expectedExpertsTouched(256, 8, 1)).toBeCloseTo(8, 10);
    expect(expectedExpertsTouched(8, 2, 64)).toBeGreaterThan(7.99);
    expect(expectedExpertsTouched(256, 8, 16)).toBeLessThan(128);
  });
  it("makes single-stream Mixtral decode read ~2 of 8 experts per layer (faster than a dense 47B)", () => {
    const base = { model: "mixtral-8x7b", hardware: { chip: "h100-sxm", count: 1 }, precision: "fp8", parallelism: { tp: 1, pp: 1 } } as const;
    const one = planInfer({ ...base, workload: { inputTokens: 128, outputTokens: 128, concurrency: 1 } });
    const many = planInfer({ ...base, workload: { inputTokens: 128, outputTokens: 128, concurrency: 64 } });
    expect(one.decodeBreakdownSeconds.weightSeconds).toBeLessThan(0.5 * many.decodeBreakdownSeconds.weightSeconds);
  });
});

describe("memory and formats", () => {
  const llama8 = (precision: unknown, chip = "h100-sxm") =>
    planInfer({ model: "llama-3.1-8b", hardware: { chip, count: 1 }, precision, workload: { inputTokens: 1000, outputTokens: 1000, concurrency: 1 } });
  it("weights scale with the format's bytes, int4/fp4 including their group scales", () => {
    const bf16 = llama8("bf16").memoryBreakdownBytes.weightsBytes;
    expect(llama8("fp8").memoryBreakdownBytes.weightsBytes / bf16).toBeCloseTo(0.5, 6);
    expect(llama8("int4").memoryBreakdownBytes.weightsBytes / bf16).toBeCloseTo((0.5 + 2 / 128) / 2, 6);
    expect(llama8({ weights: "fp4", activations: "fp4" }, "b200").memoryBreakdownBytes.weightsBytes / bf16).toBeCloseTo((0.5 + 1 / 16) / 2, 6);
  });
  it("says by how much a model does not fit", () => {
    const r = planInfer({
      model: "llama-3.1-70b",
      hardware: { chip: "h100-sxm", count: 1 },
      precision: "bf16",
      workload: { inputTokens: 1000, outputTokens: 1000, concurrency: 1 },
    });
    expect(r.fits).toBe(false);
    expect(r.maxConcurrency).toBe(0);
    expect(r.reason).toMatch(/needs \d+\.\d GB per chip, NVIDIA H100 SXM5 80GB has 80 GB/);
  });
  it('concurrency "max" runs the largest batch that fits, and it fits', () => {
    const r = planInfer({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 1 },
      precision: "bf16",
      workload: { inputTokens: 1000, outputTokens: 1000, concurrency: "max" },
    });
    expect(r.fits).toBe(true);
    expect(r.concurrency).toBe(r.maxConcurrency);
    expect(r.memoryPerChipBytes).toBeLessThanOrEqual(80e9);
  });
  it("a request rate is served by Little's law: rps in = rps out when sustainable, TPOT grows with load", () => {
    const at = (rps: number) =>
      planInfer({ model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, precision: "fp8", workload: { inputTokens: 500, outputTokens: 200, requestsPerSecond: rps } });
    const low = at(1);
    const high = at(20);
    expect(low.sustainable && high.sustainable).toBe(true);
    expect(high.requestsPerSecond).toBeCloseTo(20, 6);
    expect(high.tpotSeconds).toBeGreaterThan(low.tpotSeconds);
    expect(at(1e6).sustainable).toBe(false);
  });
  it("tensor parallelism lowers TPOT for a 70B model (weights split, all-reduces added)", () => {
    const at = (tp: number) =>
      planInfer({
        model: "llama-3.1-70b",
        hardware: { chip: "h100-sxm", count: tp },
        precision: "fp8",
        parallelism: { tp, pp: 1 },
        workload: { inputTokens: 1000, outputTokens: 200, concurrency: 8 },
      });
    expect(at(4).tpotSeconds).toBeLessThan(at(2).tpotSeconds);
    expect(at(4).decodeBreakdownSeconds.communicationSeconds).toBeGreaterThan(0);
  });
});

describe("open-loop serving at a request rate", () => {
  const scenario = (rps: number) => ({
    model: "llama-3.1-8b",
    hardware: { chip: "h100-sxm", count: 1 },
    precision: "fp8",
    parallelism: { tp: 1, pp: 1 },
    workload: { inputTokens: 512, outputTokens: 256, requestsPerSecond: rps },
  });
  const cap = planInfer({ ...scenario(1), workload: { inputTokens: 512, outputTokens: 256, concurrency: "max" } }).requestsPerSecond;
  it("Little's law: running requests = rate × (TTFT + output·TPOT)", () => {
    const r = planInfer(scenario(cap * 0.5));
    expect(r.sustainable).toBe(true);
    expect(r.concurrency).toBeCloseTo(r.requestsPerSecond * (r.ttftSeconds + 256 * r.tpotSeconds), 1);
  });
  it("TTFT and TPOT grow with utilisation (M/D/1 admission wait) and stay finite past capacity", () => {
    const rs = [0.2, 0.6, 0.9, 0.98, 1.5].map((f) => planInfer(scenario(cap * f)));
    for (let i = 1; i < 4; i++) {
      expect(rs[i].ttftSeconds).toBeGreaterThan(rs[i - 1].ttftSeconds);
      expect(rs[i].tpotSeconds).toBeGreaterThanOrEqual(rs[i - 1].tpotSeconds);
    }
    expect(rs[4].sustainable).toBe(false);
    for (const r of rs) expect(Number.isFinite(r.ttftSeconds) && Number.isFinite(r.tpotSeconds)).toBe(true);
  });
});

describe("in-flight batching", () => {
  it("prompt tokens riding in a decode iteration share its GEMMs: free while weight-bound, paid at the GEMM rate once compute-bound", async () => {
    const { resolveInferScenario } = await import("../../src/scenario/infer.ts");
    const { decodeTickSeconds, prefillSeconds } = await import("../../src/physics/infer.ts");
    const { job } = resolveInferScenario({
      model: "llama-3.1-70b",
      hardware: { chip: "h200-sxm", count: 1 },
      precision: "fp8",
      workload: { inputTokens: 300, outputTokens: 300, concurrency: 1 },
    });
    const plan = { tp: 1, pp: 1, ep: 1, replicas: 1 };
    const alone = decodeTickSeconds(job, plan, 8, 450).weightSeconds;
    const withPrompt = decodeTickSeconds(job, plan, 8, 450, 64).weightSeconds;
    expect(withPrompt - alone).toBeLessThan(prefillSeconds(job, plan, 64).replicaWorkSeconds);
    const big = decodeTickSeconds(job, plan, 512, 450).weightSeconds;
    const bigWithPrompt = decodeTickSeconds(job, plan, 512, 450, 512).weightSeconds;
    expect(bigWithPrompt / big).toBeGreaterThan(1.6);
  });
});

describe("engine batch limit and throughput at a TPOT", () => {
  const base = {
    model: "llama-3.1-8b",
    hardware: { chip: "h100-sxm", count: 1 },
    precision: "fp8",
    parallelism: { tp: 1, pp: 1 },
    workload: { inputTokens: 1000, outputTokens: 1000, concurrency: "max" },
  } as const;
  it("serving.maxBatchSize caps the running batch (TRT-LLM max_batch_size / MLPerf gpu_batch_size)", () => {
    const free = planInfer(base, undefined, { simulate: false });
    const capped = planInfer({ ...base, serving: { maxBatchSize: 64 } }, undefined, { simulate: false });
    expect(free.maxConcurrency).toBeGreaterThan(64);
    expect(capped.maxConcurrency).toBe(64);
    expect(capped.outputTokensPerSecond).toBeLessThan(free.outputTokensPerSecond);
  });
  it("the operating point at a mean TPOT has that TPOT (bisection), and a looser TPOT never serves less", () => {
    const tight = planInferAtTpot(base, 0.015);
    const loose = planInferAtTpot(base, 0.03);
    expect(tight.tpotSeconds).toBeLessThanOrEqual(0.015 * (1 + 1e-9));
    expect(tight.tpotSeconds).toBeGreaterThan(0.015 * 0.99);
    expect(loose.outputTokensPerSecond).toBeGreaterThanOrEqual(tight.outputTokensPerSecond);
    // A TPOT above what the largest batch takes: the largest batch that fits.
    const max = planInfer(base, undefined, { simulate: false });
    expect(planInferAtTpot(base, 10).outputTokensPerSecond).toBeCloseTo(max.outputTokensPerSecond, 6);
  });
});
