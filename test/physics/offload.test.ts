import { describe, expect, it } from "vitest";
import { calibration } from "../../src/catalog/calibration.ts";
import { systemById } from "../../src/catalog/hardware.ts";
import { trainMemoryPerChip } from "../../src/physics/memory.ts";
import { activationOffloadExposedSeconds, offloadedActivations, optimizerOffloadSeconds } from "../../src/physics/offload.ts";
import { simulateTrain } from "../../src/physics/train.ts";
import { moduleOffloadBytesPerTokenPerLayer } from "../../src/physics/workload.ts";
import { formatPlan } from "../../src/units/format.ts";
import { planTrain } from "../../src/planners/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

const host = { memoryBytes: 100e9, linkBytesPerSecond: 100e9, memoryBytesPerSecond: 200e9 };

describe("offload physics (src/physics/offload.ts)", () => {
  it("keeps a double buffer of two layers on the device, the rest of the stored activations on the host", () => {
    // 10 layers, 5 GB per micro-batch (0.5 GB a layer), 4 micro-batches in flight = 20 GB stored: 1 GB stays.
    expect(offloadedActivations(20e9, 5e9, 10)).toEqual({ deviceBytes: 1e9, hostBytes: 19e9 });
    // One layer: nothing smaller than the whole micro-batch can stay.
    expect(offloadedActivations(3e9, 3e9, 1)).toEqual({ deviceBytes: 3e9, hostBytes: 0 });
  });

  it("exposes only the transfer longer than the pass it overlaps, down in forward and up in backward", () => {
    // 10 GB per micro-batch at 100 GB/s = 0.1 s each way; forward 0.05 s, backward 0.2 s: 0.05 s exposed per micro-batch.
    expect(activationOffloadExposedSeconds(10e9, 8, 0.05, 0.2, host)).toBeCloseTo(8 * 0.05, 12);
    expect(activationOffloadExposedSeconds(10e9, 8, 0.1, 0.2, host)).toBe(0);
  });

  it("prices the host Adam step: gradients down, Adam at host DRAM bandwidth, weights up", () => {
    const job = resolveTrainScenario({
      model: "llama-3.1-8b",
      hardware: { chip: "gb200", count: 72 },
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 72 * 8192 },
    }).job;
    // 1e9 parameters: 2 GB of bf16 gradients down (0.02 s), (4 + 2·12 + 2) = 30 GB through host DRAM (0.15 s), 2 GB of weights up (0.02 s).
    expect(optimizerOffloadSeconds(1e9, job, host)).toBeCloseTo(0.02 + 0.15 + 0.02, 12);
  });

  it("reads host memory and the NVLink-C2C link of GB200 NVL72 from the catalog, per GPU", () => {
    const system = systemById.get("gb200-nvl72");
    expect(system?.hostMemoryBytes).toBe(36 * 480e9);
    const job = resolveTrainScenario({
      model: "llama-3.1-8b",
      hardware: { chip: "gb200", count: 72 },
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 72 * 8192 },
    }).job;
    const h = job.hardware.host;
    expect(h?.memoryBytes).toBeCloseTo((36 * 480e9 * calibration.hostMemoryUsableFraction.value) / 72, 0);
    // 225 GB/s per GPU per direction × 0.8, capped at half the GPU's share of Grace DRAM (250 GB/s × 0.8 / 2 = 100 GB/s).
    expect(h?.linkBytesPerSecond).toBeCloseTo(Math.min(225e9 * 0.8, (250e9 * 0.8) / 2), 0);
    // A system that states no host memory has no host: offload is refused there.
    expect(
      resolveTrainScenario({ model: "llama-3.1-8b", hardware: { chip: "mi300x", count: 8 }, training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 8192 } }).job
        .hardware.host,
    ).toBeUndefined();
  });
});

describe("offload in memory and step time", () => {
  const scenario = {
    model: "llama-3.1-70b",
    hardware: { chip: "gb200", count: 72 },
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 72 * 8192 },
  };
  const plan = { tp: 8, pp: 1, dp: 9, cp: 1, ep: 1, zeroStage: 1 as const, microBatchSize: 1, virtualStages: 1, recompute: "none" as const };

  it("moves stored activations and optimizer state to the host, leaving the rest of the device memory as it was", () => {
    const { job } = resolveTrainScenario(scenario);
    const on = trainMemoryPerChip(job, { ...plan, offloadActivations: true, offloadOptimizer: true });
    const off = trainMemoryPerChip(job, plan);
    expect(off.hostBytes).toBeUndefined();
    expect(on.weightsBytes).toBe(off.weightsBytes);
    expect(on.optimizerBytes).toBe(0);
    // 80 layers on one stage, one micro-batch: 2 of 80 layers stay.
    expect(on.activationsBytes).toBeCloseTo((off.activationsBytes * 2) / 80, 0);
    // Host: the other 78 layers, the optimizer state and a 4-byte fp32 gradient per optimizer parameter (12 B of state each).
    expect(on.hostBytes).toBeCloseTo((off.activationsBytes * 78) / 80 + off.optimizerBytes * (1 + 4 / 12), 0);
  });

  it("never makes a plan faster, and exposes transfer on a slow host link", () => {
    const { job } = resolveTrainScenario(scenario);
    const base = simulateTrain(job, plan);
    const act = simulateTrain(job, { ...plan, offloadActivations: true });
    const opt = simulateTrain(job, { ...plan, offloadOptimizer: true });
    expect(act.stepTimeSeconds).toBeGreaterThanOrEqual(base.stepTimeSeconds);
    expect(opt.stepTimeSeconds).toBeGreaterThan(base.stepTimeSeconds);
    const slow = { ...job, hardware: { ...job.hardware, host: { ...job.hardware.host!, linkBytesPerSecond: 1e9 } } };
    const exposed = simulateTrain(slow, { ...plan, offloadActivations: true });
    expect(exposed.communicationSeconds.hostOffload).toBeGreaterThan(0);
    // Step = base + exposed transfer + the change in the SMs the DP collectives take (less of them lies under computation now).
    const dpChange = exposed.communicationSeconds.dataParallel - base.communicationSeconds.dataParallel;
    expect(dpChange).toBeLessThanOrEqual(0);
    expect(exposed.stepTimeSeconds).toBeCloseTo(base.stepTimeSeconds + exposed.communicationSeconds.hostOffload + dpChange, 9);
  });

  it("refuses a fixed offload plan on a system without host memory, naming the field", () => {
    expect(() => planTrain({ ...scenario, hardware: { chip: "mi300x", count: 72 }, parallelism: { ...plan, offloadActivations: true } })).toThrow(
      /parallelism\.offloadActivations.*no host memory/,
    );
    expect(() => planTrain({ ...scenario, parallelism: { ...plan, zeroStage: 0, offloadOptimizer: true } })).toThrow(/offloadOptimizer.*zeroStage 1/);
  });

  it("a power cap never speeds an offload-bound plan: the data-parallel reduction also overlaps the wait for the host link", () => {
    // Found by `npm run fuzz` (1,000,000 scenarios, seed 1): Llama 3.1 8B on 128 H100, fp8, recompute fixed to
    // none, so the search offloads activations over PCIe (12 s of transfer against 0.9 s of compute). Slower
    // clocks hid more transfer one-for-one but also hid more of the all-reduce, which overlapped compute only.
    const s = {
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 128 },
      precision: "fp8" as const,
      training: { tokens: 1e9, sequenceLength: 1024, globalBatchTokens: 2097152 },
      parallelism: { tp: 2, pp: 1, dp: 64, cp: 1, zeroStage: 0 as const, microBatchSize: 4, recompute: "none" as const },
    };
    const free = planTrain(s);
    const capped = planTrain({ ...s, hardware: { ...s.hardware, powerLimitWatts: 420 } });
    expect(free.parallelism.offloadActivations).toBe(true);
    expect(capped.parallelism.offloadActivations).toBe(true);
    // Transfer-bound: compute + exposed transfer is the transfer itself, so the cap only adds what it slows elsewhere.
    expect(capped.stepTimeSeconds).toBeGreaterThanOrEqual(free.stepTimeSeconds);
    // The all-reduce fits inside the backward's wait for the host link: exposed, only the SMs it takes from the
    // computation it overlaps (communicationSmShare), none of it under the wait.
    const r = resolveTrainScenario(s);
    expect(simulateTrain({ ...r.job, communicationSmShare: 0 }, free.parallelism).communicationSeconds.dataParallel).toBe(0);
    expect(free.communicationSeconds.dataParallel).toBeGreaterThan(0);
    expect(free.communicationSeconds.dataParallel).toBeLessThan(0.01 * free.stepTimeSeconds);
  });

  it("offloads only some layers when asked: the others keep their activations on the device (cpu_offloading_num_layers)", () => {
    // 10 layers, 4 of them offloading: 8 GB of the 20 GB move, less the two-layer double buffer (1 GB) that stays.
    expect(offloadedActivations(20e9, 5e9, 10, 4)).toEqual({ deviceBytes: 13e9, hostBytes: 7e9 });
    // As many layers as the stage holds, or more: every layer, as with no count.
    expect(offloadedActivations(20e9, 5e9, 10, 10)).toEqual(offloadedActivations(20e9, 5e9, 10));
    expect(offloadedActivations(20e9, 5e9, 10, 50)).toEqual(offloadedActivations(20e9, 5e9, 10));
  });

  it("searches the fewest layers that fit, as NVIDIA's Llama 3 70B GB200 recipe offloads 40 of 80", () => {
    const s = {
      model: "llama-3.1-70b",
      hardware: { chip: "gb200", count: 64, system: "gb200-nvl72" },
      precision: "fp8" as const,
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 2097152 },
      parallelism: { tp: 1, pp: 1, dp: 64, cp: 1, zeroStage: 3 as const, microBatchSize: 2, recompute: "none" as const },
    };
    const plan = planTrain(s).parallelism;
    expect(plan.offloadActivations).toBe(true);
    const layers = plan.offloadActivationLayers ?? 0;
    expect(layers).toBeGreaterThan(0);
    expect(layers).toBeLessThan(80);
    const job = resolveTrainScenario(s).job;
    expect(trainMemoryPerChip(job, plan).totalBytes).toBeLessThanOrEqual(job.hardware.memoryBytes);
    expect(trainMemoryPerChip(job, { ...plan, offloadActivationLayers: layers - 1 }).totalBytes).toBeGreaterThan(job.hardware.memoryBytes);
    // Fewer layers over the host link: no slower than offloading all 80.
    const all = simulateTrain(job, { ...plan, offloadActivationLayers: undefined }).stepTimeSeconds;
    expect(simulateTrain(job, plan).stepTimeSeconds).toBeLessThanOrEqual(all);
  });

  it("rejects a layer count with offload turned off, and a count alone turns it on", () => {
    const s = {
      model: "llama-3.1-8b",
      hardware: { chip: "gb200", count: 8, system: "gb200-nvl72" },
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 8192 },
    };
    expect(() => resolveTrainScenario({ ...s, parallelism: { offloadActivations: false, offloadActivationLayers: 4 } })).toThrow(/offloadActivationLayers/);
    expect(resolveTrainScenario({ ...s, parallelism: { offloadActivationLayers: 4 } }).fixed.offloadActivations).toBe(true);
  });

  it("fine-grained offload moves the listed modules' inputs, by hand for a Qwen3-235B MoE layer (Megatron-Core --offload-modules)", () => {
    const arch = resolveTrainScenario({
      model: "qwen3-235b-a22b",
      hardware: { chip: "gb200", count: 8 },
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 8 * 4096 },
    }).job.arch;
    // moe_act offloads the first expert GEMM's output: top-8 copies of gate + up (2 · 1,536) in bf16 = 8 · 3,072 · 2 B.
    expect(moduleOffloadBytesPerTokenPerLayer(arch, true, "selective", 2, 2, ["moe_act"])).toBe(8 * 3072 * 2);
    // expert_fc1's input (the norm output, 4,096 wide) is stored only without recompute: then 4,096 B in fp8 saved inputs.
    expect(moduleOffloadBytesPerTokenPerLayer(arch, true, "selective", 2, 1, ["expert_fc1"])).toBe(0);
    expect(moduleOffloadBytesPerTokenPerLayer(arch, true, "none", 2, 1, ["expert_fc1"])).toBe(4096);
    // core_attn: Q (64 heads · 128) plus K and V (2 · 4 heads · 128) in bf16; a dense layer has no expert modules.
    expect(moduleOffloadBytesPerTokenPerLayer(arch, false, "none", 2, 2, ["core_attn", "moe_act"])).toBe(2 * (8192 + 1024));
    // Full recompute keeps only the layer input, which no module offloads.
    expect(moduleOffloadBytesPerTokenPerLayer(arch, true, "full", 2, 2, ["moe_act", "core_attn"])).toBe(0);
  });

  it("fine-grained offload keeps the rest of each layer on the device, is priced on the host link, and says so in the plan label", () => {
    const s = {
      model: "qwen3-235b-a22b",
      hardware: { chip: "gb200", count: 256, system: "gb200-nvl72" },
      precision: "fp8" as const,
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 12582912 },
      parallelism: { tp: 1, pp: 4, dp: 64, cp: 1, ep: 64, virtualStages: 6, microBatchSize: 3, zeroStage: 1 as const, recompute: "selective" as const },
    };
    const none = planTrain({ ...s, parallelism: { ...s.parallelism, offloadActivations: false } });
    const modules = planTrain({ ...s, parallelism: { ...s.parallelism, offloadActivationModules: ["moe_act"] } });
    // Whole layers, every one of a stage's 24 (94 layers over PP 4).
    const whole = planTrain({ ...s, parallelism: { ...s.parallelism, offloadActivations: true, offloadActivationLayers: 24 } });
    expect(modules.parallelism.offloadActivations).toBe(true);
    // Device activations fall, by less than whole-layer offload of every layer; host memory holds the moved part.
    expect(modules.memoryBreakdownBytes.activationsBytes).toBeLessThan(none.memoryBreakdownBytes.activationsBytes);
    expect(modules.memoryBreakdownBytes.hostBytes ?? 0).toBeGreaterThan(0);
    // Less over the host link than every whole layer: less exposed transfer.
    expect(modules.communicationSeconds.hostOffload).toBeLessThan(whole.communicationSeconds.hostOffload);
    expect(formatPlan(modules.parallelism)).toContain("act[moe_act]→host");
  });

  it("refuses module lists Megatron-Core refuses, naming the field", () => {
    const s = {
      model: "qwen3-30b-a3b",
      hardware: { chip: "gb200", count: 8, system: "gb200-nvl72" },
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 8 * 4096 },
    };
    const bad = (parallelism: object) => () => resolveTrainScenario({ ...s, parallelism });
    expect(bad({ offloadActivationModules: ["attn_proj"] })).toThrow(/core_attn with attn_proj/);
    expect(bad({ offloadActivationModules: ["fused_group_mlp", "moe_act"] })).toThrow(/fused_group_mlp alone/);
    expect(bad({ offloadActivationModules: ["moe_act"], offloadActivationLayers: 4 })).toThrow(/cpu_offloading/);
    expect(bad({ offloadActivationModules: ["moe_act"], offloadActivations: false })).toThrow(/offloadActivationModules/);
    expect(bad({ offloadActivationModules: ["moe_actt"] })).toThrow(/offloadActivationModules/);
    expect(resolveTrainScenario({ ...s, parallelism: { offloadActivationModules: ["moe_act"] } }).fixed.offloadActivations).toBe(true);
  });
});
