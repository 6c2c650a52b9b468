import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { nf4BytesPerWeight } from "../../src/catalog/finetune.ts";
import { planFinetune } from "../../src/planners/finetune.ts";
import { parameterBreakdown } from "../../src/physics/workload.ts";
import { getModelArchitecture } from "../../src/catalog/models.ts";

const qlora70b = { model: "llama-2-70b", hardware: { chip: "l40s", count: 1 }, method: "qlora", lora: { rank: 64 }, training: { sequenceLength: 512 } };

describe("finetune: the issue's done-when cases", () => {
  it("70B QLoRA rank 64 at 512 tokens fits one 48 GB L40S (30–48 GB); full fine-tuning does not", () => {
    const q = planFinetune(qlora70b);
    expect(q.fits).toBe(true);
    expect(q.memoryPerChipBytes).toBeGreaterThan(30e9);
    expect(q.memoryPerChipBytes).toBeLessThanOrEqual(48e9);
    const full = planFinetune({ ...qlora70b, method: "full" });
    expect(full.fits).toBe(false);
    expect(full.reason).toMatch(/needs .* GB per chip/);
  });

  it("8B LoRA fits one RTX 4090; full AdamW does not", () => {
    const base = { model: "llama-3.1-8b", hardware: { chip: "rtx-4090", count: 1 }, training: { sequenceLength: 512 } };
    expect(planFinetune({ ...base, method: "lora" }).fits).toBe(true);
    const full = planFinetune({ ...base, method: "full", optimizer: "adamw" });
    expect(full.fits).toBe(false);
    // 16 B per parameter (bf16 weight and gradient, fp32 master, m, v) alone exceed 24 GB.
    expect(full.memoryBreakdownBytes.optimizerBytes).toBeCloseTo(12 * full.totalParameters, -5);
  });

  it("reports the trainable fraction of a LoRA, derived by hand: r·(in+out) per adapted matrix", () => {
    const r = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "rtx-4090", count: 1 }, method: "lora", lora: { rank: 8 } });
    // Llama 3.1 8B: h = 4096, 32 heads × 128, 8 kv heads × 128 = 1024, 32 layers; PEFT default targets q_proj, v_proj.
    const perLayer = 8 * (4096 + 4096) + 8 * (4096 + 1024);
    expect(r.trainableParameters).toBe(32 * perLayer);
    expect(r.trainableFraction).toBeCloseTo((32 * perLayer) / r.totalParameters, 12);
    expect(r.trainableFraction).toBeGreaterThan(0);
    expect(r.trainableFraction).toBeLessThan(0.001);
    const all = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "rtx-4090", count: 1 }, method: "lora", lora: { rank: 16, targetModules: "all-linear" } });
    const mlp = 16 * 3 * (4096 + 14336);
    expect(all.adapterParameters).toBe(32 * (16 * (4096 + 4096) * 2 + 16 * (4096 + 1024) * 2 + mlp));
  });
});

describe("finetune: memory by part", () => {
  it("NF4 with double quantisation stores 4 + 0.127 bits per weight (QLoRA §3)", () => {
    expect(nf4BytesPerWeight(true) * 8).toBeCloseTo(4 + 8 / 64 + 32 / (64 * 256), 12);
    expect(nf4BytesPerWeight(false) * 8).toBeCloseTo(4.5, 12);
  });

  it("QLoRA's base is NF4 for every layer linear and bf16 for the embeddings, head and norms", () => {
    const p = parameterBreakdown(getModelArchitecture("llama-2-70b"));
    const linear = p.attention + p.denseMlp;
    const r = planFinetune(qlora70b);
    // (relative: the memory physics leaves out the final norm's h weights)
    expect(r.memoryBreakdownBytes.baseWeightsBytes / (linear * nf4BytesPerWeight(true) + (p.total - linear) * 2)).toBeCloseTo(1, 6);
    expect(r.memoryBreakdownBytes.optimizerBytes).toBe(0); // paged by default for qlora
    // 828M adapters × (4 B master + 8 B m, v) live in unified memory and page to the host.
    expect(r.hostOptimizerBytes / (r.adapterParameters * 12)).toBeCloseTo(1, 5);
    const notPaged = planFinetune({ ...qlora70b, pagedOptimizer: false });
    expect(notPaged.memoryBreakdownBytes.optimizerBytes / (r.adapterParameters * 12)).toBeCloseTo(1, 5);
  });

  it("optimizer state bytes per trained parameter: adamw 12, adamw-8bit 6, sgd and muon 8, adafactor 4 (with the fp32 master)", () => {
    const base = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, method: "full" };
    const per = (optimizer: string) => {
      const r = planFinetune({ ...base, optimizer });
      return r.memoryBreakdownBytes.optimizerBytes / r.totalParameters;
    };
    expect(per("adamw")).toBeCloseTo(12, 4);
    expect(per("adamw-8bit")).toBeCloseTo(6, 4);
    expect(per("sgd")).toBeCloseTo(8, 4);
    expect(per("muon")).toBeCloseTo(8, 4);
    expect(per("adafactor")).toBeCloseTo(4, 4);
    const pure = planFinetune({ ...base, optimizer: "adamw", pureBf16: true });
    expect(pure.memoryBreakdownBytes.optimizerBytes / pure.totalParameters).toBeCloseTo(4, 4);
  });

  it("FSDP (ZeRO-3) over N chips divides weights, gradients and optimizer by N", () => {
    const one = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, method: "full", zeroStage: 3 });
    const eight = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 8 }, method: "full" });
    expect(eight.parallelism.zeroStage).toBe(3);
    expect(eight.memoryBreakdownBytes.optimizerBytes).toBeCloseTo(one.memoryBreakdownBytes.optimizerBytes / 8, -3);
    expect(eight.memoryBreakdownBytes.baseWeightsBytes).toBeCloseTo(one.memoryBreakdownBytes.baseWeightsBytes / 8, -3);
  });

  it("frozen layers shrink the trained parameters, not the stored base", () => {
    const full = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, method: "full" });
    const frozen = planFinetune({ model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, method: "full", frozenLayers: 16 });
    expect(frozen.trainableParameters).toBeLessThan(full.trainableParameters * 0.6);
    expect(frozen.memoryBreakdownBytes.baseWeightsBytes).toBeCloseTo(full.memoryBreakdownBytes.baseWeightsBytes, -3);
    expect(frozen.memoryBreakdownBytes.optimizerBytes).toBeLessThan(full.memoryBreakdownBytes.optimizerBytes * 0.6);
  });
});

describe("finetune: framework memory options", () => {
  const one = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, method: "full", training: { sequenceLength: 1024 } };
  it("optimizer in backward keeps one layer's gradients instead of all of them", () => {
    const a = planFinetune(one);
    const b = planFinetune({ ...one, optimizerInBackward: true });
    expect(b.memoryBreakdownBytes.gradientsBytes).toBeCloseTo(a.memoryBreakdownBytes.gradientsBytes / 32, -3);
    expect(a.memoryPerChipBytes - b.memoryPerChipBytes).toBeCloseTo(a.memoryBreakdownBytes.gradientsBytes * (31 / 32), -3);
    expect(() => planFinetune({ ...one, hardware: { chip: "h100-sxm", count: 2 }, optimizerInBackward: true })).toThrow(InputError);
  });
  it("an unfused loss adds 6 bytes per vocabulary entry per token (bf16 logits + fp32 log-softmax)", () => {
    const a = planFinetune(one);
    const b = planFinetune({ ...one, unfusedLoss: true });
    expect(b.memoryPerChipBytes - a.memoryPerChipBytes).toBeCloseTo(1024 * 128256 * 6, -2);
  });
});

describe("finetune: time", () => {
  const base = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, training: { sequenceLength: 4096 } };
  it("the frozen base still runs forward, recompute and backward-through-activations: LoRA compute is ~3/4 of full", () => {
    const full = planFinetune({ ...base, method: "full" });
    const lora = planFinetune({ ...base, method: "lora" });
    // GEMMs: full = forward + recompute + dgrad + wgrad = 4 passes, LoRA = 3; attention and elementwise do not change.
    const ratio = lora.breakdownSeconds.compute / full.breakdownSeconds.compute;
    expect(ratio).toBeGreaterThan(0.74);
    expect(ratio).toBeLessThan(0.85);
  });

  it("QLoRA pays for dequantising each 4-bit weight before each GEMM pass", () => {
    const lora = planFinetune({ ...base, method: "lora" });
    const q = planFinetune({ ...base, method: "qlora", lora: { targetModules: ["q_proj", "v_proj"] } });
    expect(q.breakdownSeconds.dequantization).toBeGreaterThan(0);
    expect(lora.breakdownSeconds.dequantization).toBe(0);
    expect(q.stepTimeSeconds).toBeGreaterThan(lora.stepTimeSeconds);
  });

  it("time and cost follow the token budget; without packing, padding stretches them", () => {
    const a = planFinetune({ ...base, method: "lora", training: { tokens: 1e8, sequenceLength: 4096 } });
    const b = planFinetune({ ...base, method: "lora", training: { tokens: 2e8, sequenceLength: 4096 } });
    expect(b.wallClockDays / a.wallClockDays).toBeCloseTo(2, 9);
    expect(a.wallClockDays).toBeCloseTo(1e8 / a.tokensPerSecond / 86400, 9);
    const padded = planFinetune({ ...base, method: "lora", packing: false, training: { tokens: 1e8, sequenceLength: 4096, meanSampleTokens: 1024 } });
    expect(padded.wallClockDays / a.wallClockDays).toBeCloseTo(4, 6);
    if (a.costUsd !== undefined) expect(a.costUsd).toBeGreaterThan(0);
  });

  it("bad input is an InputError naming the field", () => {
    expect(() => planFinetune({ ...base, optimizer: "adam" })).toThrow(InputError);
    // Llama 3.1 8B's k/v projections are 1024 wide: a rank above 512 holds more than the matrix it adapts.
    expect(() => planFinetune({ ...base, method: "lora", lora: { rank: 513 } })).toThrow(/lora\.rank/);
    expect(planFinetune({ ...base, method: "lora", lora: { rank: 512 } }).trainableFraction).toBeLessThan(1);
    try {
      planFinetune({ ...base, method: "lora", frozenLayers: 3 });
    } catch (e) {
      expect((e as InputError).issues[0].path).toBe("frozenLayers");
    }
  });
});
