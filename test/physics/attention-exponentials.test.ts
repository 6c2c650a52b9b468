import { describe, expect, it } from "vitest";
import { chipById } from "../../src/catalog/hardware.ts";
import { softmaxExponentialSeconds } from "../../src/physics/compute.ts";
import { type InferJob, prefillSeconds } from "../../src/physics/infer.ts";
import type { TrainJob } from "../../src/physics/plan.ts";
import { simulateTrain } from "../../src/physics/train.ts";
import { completePlan } from "../../src/planners/train.ts";
import { resolveInferScenario } from "../../src/scenario/infer.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

const resolve = (model: string, chip: string) => {
  const r = resolveTrainScenario({
    model,
    hardware: { chip, count: 64 },
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4096 * 512 },
    parallelism: { tp: 1, pp: 1, dp: 64, cp: 1, ...(model.startsWith("gpt-oss") ? { ep: 8 } : {}), microBatchSize: 1, recompute: "none" },
  });
  return { job: r.job, plan: completePlan(r.job, r.fixed) };
};
/** The same job with the chip's exponential rate removed: attention at its tensor-core rate alone. */
const withoutExponentials = (job: TrainJob): TrainJob => {
  const { attentionExponentialsPerSecond: _, ...rates } = job.hardware.rates;
  return { ...job, hardware: { ...job.hardware, rates } };
};

describe("softmax exponentials (FlashAttention-4 §2; Blackwell Ultra's doubled SFU)", () => {
  it("takes one exponential per score at the chip's rate, and nothing where the chip states none", () => {
    const r = resolve("llama-3.1-70b", "b200").job.hardware.rates;
    expect(softmaxExponentialSeconds(4.394e12, r)).toBeCloseTo(1, 9);
    expect(softmaxExponentialSeconds(1e12, withoutExponentials(resolve("llama-3.1-70b", "b200").job).hardware.rates)).toBe(0);
  });

  it("derives the catalog rates (4 significant digits) from 16 (Blackwell Ultra: 32) per clock per SM at the BF16 peak's SM-clock product", () => {
    const rate = (id: string) => chipById.get(id)?.exponentialsPerSecond ?? 0;
    // 2,250 TFLOP/s / 8,192 BF16 FLOP per clock per SM × 16.
    expect(rate("b200") / ((2.25e15 / 8192) * 16)).toBeCloseTo(1, 3);
    // 989.4 TFLOP/s / 4,096 × 16 on Hopper.
    expect(rate("h100-sxm") / ((989.4e12 / 4096) * 16)).toBeCloseTo(1, 3);
    // Same BF16 peak, twice the exponentials.
    expect(rate("b300") / rate("b200")).toBeCloseTo(2, 3);
    expect(rate("gb300") / rate("gb200")).toBeCloseTo(2, 3);
  });

  it("slows 64-dim heads on B200, where 256 FLOP per score outrun 16 exponentials per clock once attention exceeds 50% of peak", () => {
    const { job, plan } = resolve("gpt-oss-120b", "b200");
    // 2 (d_qk + d_v) = 256 FLOP per score: exponential-bound iff efficiency > 256 × 4.394e12 / 2.25e15 = 0.5.
    expect(job.hardware.rates.attentionEfficiency).toBeGreaterThan(0.5);
    const bound = simulateTrain(job, plan).stepTimeSeconds;
    const free = simulateTrain(withoutExponentials(job), plan).stepTimeSeconds;
    expect(bound).toBeGreaterThan(free);
  });

  it("leaves 128-dim heads on B200 and 64-dim heads on B300 and H100 at their tensor-core rate", () => {
    // 512 FLOP per score would need efficiency > 1 on B200; B300 doubles the rate and H100 has 2.25x fewer FLOP/s: threshold 1.
    for (const [model, chip] of [
      ["llama-3.1-70b", "b200"],
      ["gpt-oss-120b", "b300"],
      ["gpt-oss-120b", "h100-sxm"],
    ] as const) {
      const { job, plan } = resolve(model, chip);
      expect(simulateTrain(job, plan).stepTimeSeconds).toBe(simulateTrain(withoutExponentials(job), plan).stepTimeSeconds);
    }
  });
});

describe("softmax exponentials in serving's prefill", () => {
  const infer = (model: string, chip: string, precision: string) =>
    resolveInferScenario({ model, hardware: { chip, count: 8 }, precision, workload: { inputTokens: 8192, outputTokens: 256, concurrency: 1 } }).job;
  const uncapped = (job: InferJob): InferJob => {
    const { attentionExponentialsPerSecond: _, ...hardware } = job.hardware;
    return { ...job, hardware };
  };
  const plan = { tp: 8, pp: 1, ep: 8, replicas: 1 };
  it("caps TensorRT-LLM's fp8 context attention with 64-dim heads on B200 (4.5 PF × 0.45 > 4.394e12/s × 256 FLOP)", () => {
    const job = infer("gpt-oss-120b", "b200", "fp8");
    expect(job.hardware.contextAttentionFlopsPerSecond).toBe(4.5e15);
    expect(prefillSeconds(job, plan, 8192).latencySeconds).toBeGreaterThan(prefillSeconds(uncapped(job), plan, 8192).latencySeconds);
  });
  it("leaves bf16 context attention (2.25 PF × 0.45 < 1.125 PF) and 128-dim heads untouched", () => {
    for (const job of [infer("gpt-oss-120b", "b200", "bf16"), infer("llama-3.1-70b", "b200", "fp8")]) {
      const p = job.arch.moe ? plan : { tp: 8, pp: 1, ep: 1, replicas: 1 };
      expect(prefillSeconds(job, p, 8192).latencySeconds).toBe(prefillSeconds(uncapped(job), p, 8192).latencySeconds);
    }
  });
});
