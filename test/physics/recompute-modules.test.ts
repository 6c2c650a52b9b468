import { describe, expect, it } from "vitest";
import { getModelArchitecture } from "../../src/catalog/models.ts";
import { activationBytesPerTokenPerLayer } from "../../src/physics/workload.ts";
import { planTrain } from "../../src/planners/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";
import { InputError } from "../../src/errors.ts";

const bf16 = 2;

describe("Megatron-Core recompute modules (--recompute-modules): what each frees", () => {
  const llama = getModelArchitecture("llama-3.1-8b"); // h 4096, ffn 14336, gated; 32 q heads, 8 kv heads of 128
  const none = activationBytesPerTokenPerLayer(llama, false, "none", bf16);
  it("layernorm frees the two norm outputs (the QKV and first MLP GEMMs' inputs): 2 · h values", () => {
    expect(none - activationBytesPerTokenPerLayer(llama, false, "selective", bf16, bf16, ["layernorm"])).toBe(bf16 * 2 * 4096);
  });
  it("mlp (a dense layer) keeps only its input: frees the gate+up output and the activation output, 3 · ffn values", () => {
    expect(none - activationBytesPerTokenPerLayer(llama, false, "selective", bf16, bf16, ["mlp"])).toBe(bf16 * (2 * 14336 + 14336));
  });
  it("core_attn frees nothing a fused attention kernel keeps", () => {
    expect(activationBytesPerTokenPerLayer(llama, false, "selective", bf16, bf16, ["core_attn"])).toBe(none);
  });
  const dsv3 = getModelArchitecture("deepseek-v3"); // MLA: 128 heads, q_lora 1536, kv_lora 512, rope 64, nope 128, v 128
  it("mla_up_proj keeps the latents (q_lora + kv_lora + the shared rotary key) instead of the full-head Q, K, V", () => {
    const full = activationBytesPerTokenPerLayer(dsv3, true, "none", bf16);
    const up = activationBytesPerTokenPerLayer(dsv3, true, "selective", bf16, bf16, ["mla_up_proj"]);
    // Q: 128 · (128 + 64); K and V: 128 · (192 + 128) (layerTensorWidths: heads · (d_qk + d_v)).
    expect(full - up).toBe(bf16 * (128 * 192 + 128 * 320 - (1536 + 512 + 64)));
  });
  it("moe_act frees the routed experts' activation output (top-8 · 2,048) but not the shared expert's", () => {
    const full = activationBytesPerTokenPerLayer(dsv3, true, "none", bf16);
    expect(full - activationBytesPerTokenPerLayer(dsv3, true, "selective", bf16, bf16, ["moe_act"])).toBe(bf16 * 8 * 2048);
    expect(full - activationBytesPerTokenPerLayer(dsv3, true, "selective", bf16, bf16, ["shared_experts"])).toBe(bf16 * 3 * 2048);
  });
});

describe("recompute modules in a plan", () => {
  const scenario = (recomputeModules?: string[], recompute?: string) => ({
    model: "deepseek-v3",
    hardware: { chip: "h100-sxm", count: 1024 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 33554432 },
    parallelism: {
      tp: 2,
      pp: 8,
      ep: 64,
      virtualStages: 4,
      microBatchSize: 1,
      offloadActivations: false,
      offloadOptimizer: false,
      ...(recompute ? { recompute } : {}),
      ...(recomputeModules ? { recomputeModules } : {}),
    },
  });
  const none = planTrain(scenario(undefined, "none"));
  const recipe = planTrain(scenario(["mla_up_proj", "mlp"])); // DeepSeek-V3's H100 recipe
  const layer = planTrain(scenario(["moe"]));
  const act = planTrain(scenario(["moe_act"]));
  it("imply selective recompute, state the modules, and trade memory for time as Megatron-Core's DeepSeek-V3 H100 recipe does", () => {
    expect(recipe.parallelism.recompute).toBe("selective");
    expect(recipe.parallelism.recomputeModules).toEqual(["mla_up_proj", "mlp"]);
    expect(recipe.selectiveRecompute).toBeUndefined();
    expect(recipe.memoryBreakdownBytes.activationsBytes).toBeLessThan(0.8 * none.memoryBreakdownBytes.activationsBytes);
    expect(recipe.stepTimeSeconds).toBeGreaterThan(none.stepTimeSeconds);
    expect(recipe.stepTimeSeconds).toBeLessThan(1.05 * none.stepTimeSeconds);
  });
  it("recomputing the whole MoE layer frees more than its activation alone and runs its all-to-all again", () => {
    expect(layer.memoryBreakdownBytes.activationsBytes).toBeLessThan(act.memoryBreakdownBytes.activationsBytes);
    expect(act.memoryBreakdownBytes.activationsBytes).toBeLessThan(none.memoryBreakdownBytes.activationsBytes);
    expect(layer.stepTimeSeconds).toBeGreaterThan(act.stepTimeSeconds);
    expect(act.stepTimeSeconds).toBeGreaterThan(none.stepTimeSeconds);
    expect(layer.communicationSeconds.expertParallel).toBeGreaterThan(none.communicationSeconds.expertParallel);
    expect(recipe.communicationSeconds.expertParallel).toBeCloseTo(none.communicationSeconds.expertParallel, 9);
  });
  it("refuse what Megatron-Core refuses, every problem at once", () => {
    let issues: { path: string; expected: string }[] = [];
    try {
      resolveTrainScenario({ ...scenario(["mla_up_proj", "moe", "moe"], "full"), model: "llama-3.1-8b" });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      issues = (e as InputError).issues;
    }
    expect(issues.map((i) => i.expected)).toEqual([
      'absent with recompute "full" (the modules refine selective recompute)',
      "mla_up_proj only on a multi-latent-attention model",
      "moe, moe only on a model with MoE layers",
      "each module once",
    ]);
    // With an unknown stack too: the module checks need only the model, so they come back with the id lookups.
    try {
      resolveTrainScenario({ ...scenario(["mla_up_proj"]), model: "llama-3.1-8b", software: "torchtitn" });
    } catch (e) {
      issues = (e as InputError).issues;
    }
    expect(issues.map((i) => i.path).sort()).toEqual(["parallelism.recomputeModules", "software"]);
  });
});

describe("the plan search tries MLA's up-projection recompute before the elementwise policy (Megatron-Core stack)", () => {
  const base = {
    model: "deepseek-v3",
    hardware: { chip: "h100-sxm", count: 1024 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 33554432 },
  };
  const layout = { tp: 2, pp: 8, dp: 64, cp: 1, ep: 64, virtualStages: 4, microBatchSize: 2, offloadActivations: false, offloadOptimizer: false };
  it("where it alone fits: DeepSeek-V3 at TP2 PP8 VP4 EP64 MBS 2 on 80 GB holds 109 GB without recompute, 100 GB with the elementwise policy", () => {
    const searched = planTrain({ ...base, parallelism: layout });
    const selective = planTrain({ ...base, parallelism: { ...layout, recompute: "selective" } });
    const none = planTrain({ ...base, parallelism: { ...layout, recompute: "none" } });
    expect([none.fits, selective.fits, searched.fits]).toEqual([false, false, true]);
    expect(searched.parallelism.recomputeModules).toEqual(["mla_up_proj"]);
    expect(searched.memoryPerChipBytes).toBeLessThan(80e9);
    // A few GEMMs again cost less than every elementwise kernel again.
    expect(searched.stepTimeSeconds).toBeLessThan(selective.stepTimeSeconds);
    expect(searched.stepTimeSeconds).toBeGreaterThan(none.stepTimeSeconds);
  });
  it("not on a stack without Megatron-Core's modules", () => {
    const tt = planTrain({ ...base, software: "torchtitan", parallelism: layout });
    expect(tt.parallelism.recomputeModules).toBeUndefined();
  });
});
