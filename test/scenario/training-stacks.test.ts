import { describe, expect, it } from "vitest";
import { calibration, chipGemmEfficiency, gemmBurstEfficiency, gemmEfficiency } from "../../src/catalog/calibration.ts";
import { DEFAULT_TRAINING_STACK, getTrainingStack, trainingStacks } from "../../src/catalog/training-stacks.ts";
import { InputError } from "../../src/errors.ts";
import { jobConstants } from "../../src/physics/job-constants.ts";
import type { TrainJob } from "../../src/physics/plan.ts";
import { gemmSeconds } from "../../src/physics/compute.ts";
import { remoteCopiesPerToken, simulateTrain } from "../../src/physics/train.ts";
import { searchPlans } from "../../src/planners/search.ts";
import { completePlan, planTrain } from "../../src/planners/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

const base = {
  model: "llama-3.1-70b",
  hardware: { chip: "h100-sxm", count: 64 },
  precision: "bf16" as const,
  training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 1048576 },
  parallelism: { tp: 8, pp: 1, dp: 8, cp: 1, zeroStage: 1 as const, microBatchSize: 1, recompute: "full" as const },
};

/** Qwen3-235B-A22B on 256 H100, the model zoo's EP32 plan (published 17.6 s with overlap, 19.7 s without): EP spans 4 nodes. */
const ep32 = {
  model: "qwen3-235b-a22b",
  hardware: { chip: "h100-sxm", count: 256 },
  precision: "bf16" as const,
  training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 8388608 },
  parallelism: { tp: 2, pp: 8, dp: 16, cp: 1, ep: 32, virtualStages: 4, microBatchSize: 1, zeroStage: 1 as const, offloadOptimizer: false },
};

describe("training software stacks (src/catalog/training-stacks.ts)", () => {
  it("every entry sources what it states, and the default is Megatron-Core 2025", () => {
    expect(DEFAULT_TRAINING_STACK).toBe("megatron-core-2025");
    for (const s of trainingStacks) {
      expect(s.sources.tensorParallelOverlap?.ref.length ?? 0).toBeGreaterThan(0);
      expect([2, 4]).toContain(s.gradientReduceBytesPerValue);
    }
  });

  it("a scenario without software assumes the default and says so in the output", () => {
    expect(resolveTrainScenario(base).job.software?.id).toBe("megatron-core-2025");
    expect(planTrain(base).software).toBe("megatron-core-2025");
    expect(planTrain({ ...base, software: "torchtitan" }).software).toBe("torchtitan");
  });

  it("the output states the attention kernel and the recipe flags in effect, and only those", () => {
    const plain = planTrain(base);
    expect(plain.attentionKernel).toBe("flash3");
    expect([plain.fp8Attention, plain.fullIterationCudaGraph, plain.pipelineSplitCountsEmbeddingAndLoss]).toEqual([undefined, undefined, undefined]);
    expect(planTrain({ ...base, software: "megatron-lm-2021" }).attentionKernel).toBe("unfused");
    const fp8 = planTrain({ ...base, precision: "fp8", options: { fp8Attention: true, fullIterationCudaGraph: true } });
    expect([fp8.fp8Attention, fp8.fullIterationCudaGraph]).toEqual([true, true]);
    // fp8 attention only runs in an fp8 or fp4 run: a bf16 run does not claim it.
    expect(planTrain({ ...base, options: { fp8Attention: true } }).fp8Attention).toBeUndefined();
  });

  it("a stack without TP overlap leaves all TP traffic exposed: 1 / (shared exposed share) times the overlapping stack's", () => {
    const mcore = planTrain(base).communicationSeconds.tensorParallel;
    const titan = planTrain({ ...base, software: "torchtitan" }).communicationSeconds.tensorParallel;
    const asyncTp = planTrain({ ...base, software: "torchtitan-async-tp" }).communicationSeconds.tensorParallel;
    const shared = resolveTrainScenario(base).job.tensorParallelExposedFraction;
    expect(titan).toBeCloseTo(mcore / shared, 9);
    expect(asyncTp).toBeCloseTo(mcore, 9);
  });

  it("PaLM's 2022 stack (pathways-2022) prices its TP collectives unoverlapped and its attention unfused; MaxText's overlaps them", () => {
    const tpu = { ...base, hardware: { chip: "tpu-v4", count: 64 } };
    const pathways = getTrainingStack("pathways-2022");
    expect([pathways.tensorParallelOverlap, pathways.attentionKernel]).toEqual([false, "unfused"]);
    expect(pathways.sources.tensorParallelOverlap?.estimate).toMatch(/after PaLM/);
    const shared = resolveTrainScenario(tpu).job.tensorParallelExposedFraction;
    const maxtext = planTrain({ ...tpu, software: "maxtext" }).communicationSeconds.tensorParallel;
    const palm = planTrain({ ...tpu, software: "pathways-2022" }).communicationSeconds.tensorParallel;
    expect(palm).toBeCloseTo(maxtext / shared, 9);
    expect(resolveTrainScenario({ ...tpu, software: "pathways-2022" }).job.attentionKernel).toBe("unfused");
  });

  it("fp32 gradient reduction doubles the reduce-scatter bytes; a stack without DP overlap hides none of it", () => {
    const plan = { ...base.parallelism, tp: 1, dp: 64, zeroStage: 1 as const };
    const mcore = planTrain({ ...base, parallelism: plan, software: "megatron-core-2025" }).communicationSeconds.dataParallel;
    const lm = planTrain({ ...base, parallelism: plan, software: "megatron-lm-2021" }).communicationSeconds.dataParallel;
    expect(lm).toBeGreaterThan(mcore);
    expect(getTrainingStack("megatron-lm-2021").attentionKernel).toBe("unfused");
    expect(resolveTrainScenario({ ...base, software: "megatron-lm-2021" }).job.attentionKernel).toBe("unfused");
    expect(resolveTrainScenario({ ...base, software: "megatron-lm-2021", options: { attentionKernel: "flash" } }).job.attentionKernel).toBe("flash");
  });

  it("attention kernels run at their measured rates: flash3 (cuDNN) 0.73 of H100 peak, FlashAttention-2 0.35 on H100 and 0.73 on A100", () => {
    const long = { ...base, training: { ...base.training, sequenceLength: 65536, globalBatchTokens: 524288 }, parallelism: { ...base.parallelism, tp: 8, dp: 1, cp: 8 } };
    expect(getTrainingStack("megatron-core-2025").attentionKernel).toBe("flash3");
    expect(getTrainingStack("torchtitan").attentionKernel).toBe("flash");
    const rate = (s: object) => resolveTrainScenario(s).job.hardware.rates.attentionEfficiency;
    // cuDNN SDPA benchmark (H200, long-sequence forward) and the FlashAttention-2 / -3 papers.
    expect(rate(long)).toBe(0.73);
    expect(rate({ ...long, options: { attentionKernel: "flash" } })).toBe(0.35);
    const a100 = { ...long, hardware: { chip: "a100-sxm-80gb", count: 64 } };
    expect(rate({ ...a100, options: { attentionKernel: "flash" } })).toBe(0.73);
    // A100 has no asynchronous tensor-core pipelines (FA3 needs Hopper): flash3 there is FA2's analogy, 0.84 of its 0.87 GEMM burst.
    expect(rate(a100)).toBeCloseTo(0.87 * 0.84, 12);
    // GB300 (Blackwell Ultra) measures its own 0.84; B200 the Blackwell 0.75.
    expect(rate({ ...long, hardware: { chip: "gb300", count: 64 } })).toBe(0.84);
    expect(rate({ ...long, hardware: { chip: "b200", count: 64 } })).toBe(0.75);
    // At 64k tokens the attention core dominates: flash3 is faster, by less than its 0.73 / 0.35 rate ratio.
    const fa2 = planTrain({ ...long, options: { attentionKernel: "flash" } }).stepTimeSeconds;
    const fa3 = planTrain(long).stepTimeSeconds;
    expect(fa3).toBeLessThan(fa2 / 1.2);
    expect(fa3).toBeGreaterThan((fa2 * 0.35) / 0.73);
  });

  it("a fused attention pass over k keys takes as long as k + 640 at the long-sequence rate; its backward runs at 0.77 of the forward's", () => {
    expect(calibration.attentionFixedKeys.value).toBe(640);
    expect(calibration.attentionBackwardRelativeRate.value.flash3).toBe(0.77);
    const rates = resolveTrainScenario(base).job.hardware.rates;
    expect(rates.attentionFixedKeys).toBe(640);
    expect(rates.attentionBackwardRelative).toBe(0.77);
    // The fixed cost is a number of keys added to every query row's pass: the step is linear in it (the exponential bound
    // does not bind for 128-dim heads on H100), so 1,001× the fixed keys adds 1,001× the time 640 of them add.
    // One H100, one micro-batch: no collectives, bubble or jitter hide or scale with the computation.
    const single = {
      ...base,
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 1 },
      parallelism: { tp: 1, pp: 1, dp: 1, cp: 1, zeroStage: 0 as const, microBatchSize: 1, recompute: "none" as const },
    };
    const step = (s: number, fixedKeys: number) => {
      const r = resolveTrainScenario({ ...single, training: { ...single.training, sequenceLength: s, globalBatchTokens: s } });
      const job = { ...r.job, hardware: { ...r.job.hardware, rates: { ...r.job.hardware.rates, attentionFixedKeys: fixedKeys } } };
      return simulateTrain(job, completePlan(job, r.fixed)).stepTimeSeconds;
    };
    for (const s of [2048, 8192]) {
      const withFixed = step(s, 640);
      const without = step(s, 0);
      expect(withFixed).toBeGreaterThan(without);
      expect((step(s, 640 * 1001) - without) / (withFixed - without)).toBeCloseTo(1001, 6);
    }
    // The added time is the same per query row at both lengths: 4× the tokens, 4× the added time.
    const perToken = (s: number) => (step(s, 640) - step(s, 0)) / s;
    expect(perToken(8192)).toBeCloseTo(perToken(2048), 9);
  });

  /** Llama 3.1 8B on 8 H100, micro-batch 1 of 8,192 tokens, one micro-batch per step, selective recompute, under `software`. */
  const selectiveOn = (software: string) => ({
    model: "llama-3.1-8b",
    software,
    hardware: { chip: "h100-sxm", count: 8 },
    precision: "bf16" as const,
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, zeroStage: 3 as const, microBatchSize: 1, recompute: "selective" as const },
  });
  /** The job and plan of a scenario, and the compute its stack's selective policy adds over recomputing the elementwise kernels only. */
  const policyExtra = (scenario: object, rates?: (r: TrainJob["hardware"]["rates"]) => TrainJob["hardware"]["rates"]) => {
    const resolved = resolveTrainScenario(scenario);
    const job = rates ? { ...resolved.job, hardware: { ...resolved.job.hardware, rates: rates(resolved.job.hardware.rates) } } : resolved.job;
    const plan = completePlan(resolved.job, resolved.fixed);
    const elementwiseOnly = { ...job, software: { ...job.software!, selectiveRecompute: "elementwise" as const } };
    const compute = (j: TrainJob) => simulateTrain(j, plan).breakdownSeconds.compute;
    return { job, extra: compute(job) - compute(elementwiseOnly), elementwiseCompute: compute(elementwiseOnly) };
  };

  it("torchtitan's op-level selective recompute re-runs every second matmul: k and o of the attention projections, up of the gated MLP", () => {
    const titan = selectiveOn("torchtitan");
    const { job, extra } = policyExtra(titan);
    expect(job.software?.selectiveRecompute).toBe("alternate-matmuls");
    // Attention projections q 4096, k 1024, v 1024, o 4096 wide (one GEMM of width 10,240): k + o = half of it. MLP gate,
    // up, down of 14,336 (one GEMM of width 43,008): up is a third. 32 layers.
    const r = job.hardware.rates;
    const perLayer = 0.5 * gemmSeconds(8192, 10240, 4096, r) + gemmSeconds(8192, 43008, 4096, r) / 3;
    expect(extra).toBeCloseTo(32 * perLayer, 9);
    expect(extra).toBeGreaterThan(0);
    // Megatron-Core's selective recompute is the elementwise kernels only; the output says which policy ran.
    expect(getTrainingStack("megatron-core-2025", "software").selectiveRecompute).toBe("elementwise");
    expect(planTrain(titan).selectiveRecompute).toBe("alternate-matmuls");
    expect(planTrain({ ...titan, software: "megatron-core-2025" }).selectiveRecompute).toBe("elementwise");
    expect(planTrain({ ...titan, parallelism: { ...titan.parallelism, recompute: "none" as const } }).selectiveRecompute).toBeUndefined();
  });

  it("MaxText's minimal remat (selective on the maxtext stack) re-runs the attention core too, and nothing else", () => {
    const maxtext = selectiveOn("maxtext");
    const { job, extra } = policyExtra(maxtext);
    expect(job.software?.selectiveRecompute).toBe("attention-core");
    // With the attention kernel (tensor work, exponentials, per-query fixed cost) made free the extra vanishes, and it is
    // less than half the attention's forward + backward time the step already holds.
    const free = (r: TrainJob["hardware"]["rates"]) => ({
      ...r,
      attentionFlopsPerSecond: r.attentionFlopsPerSecond * 1e9,
      attentionExponentialsPerSecond: (r.attentionExponentialsPerSecond ?? 1e12) * 1e9,
      attentionFixedKeys: 0,
    });
    const freeRun = policyExtra(maxtext, free);
    const attentionTotal = policyExtra(maxtext).elementwiseCompute - freeRun.elementwiseCompute;
    expect(extra).toBeGreaterThan(0);
    expect(freeRun.extra).toBeLessThan(extra / 1000);
    expect(extra).toBeLessThan(attentionTotal / 2);
    expect(planTrain(maxtext).selectiveRecompute).toBe("attention-core");
  });

  it("a full-iteration CUDA graph removes exactly the per-MoE-layer host cost: micro-batches × MoE layers × (fixed + per local expert × local experts)", () => {
    const moe = {
      model: "qwen3-30b-a3b",
      hardware: { chip: "gb200", count: 8 },
      precision: "fp8" as const,
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 512 * 4096 },
      parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, ep: 8, microBatchSize: 4, zeroStage: 1 as const, recompute: "none" as const },
    };
    const eager = planTrain(moe);
    const graphed = planTrain({ ...moe, options: { fullIterationCudaGraph: true } });
    // 512 sequences / (4 per micro-batch · dp 8) = 16 micro-batches; all 48 Qwen3-30B-A3B layers are MoE; EP8 of 128
    // experts leaves 16 on each rank, each with its own GEMM launches.
    expect(eager.microBatches).toBe(16);
    const perLayer = calibration.moeLayerOverheadSeconds.value + (128 / 8) * calibration.moeExpertOverheadSeconds.value;
    expect(eager.breakdownSeconds.compute - graphed.breakdownSeconds.compute).toBeCloseTo(16 * 48 * perLayer, 9);
    // At EP4 each rank holds 32 experts: the per-expert part doubles, the fixed part stays.
    const ep4 = { ...moe, parallelism: { ...moe.parallelism, ep: 4 } };
    const ep4Cost = planTrain(ep4).breakdownSeconds.compute - planTrain({ ...ep4, options: { fullIterationCudaGraph: true } }).breakdownSeconds.compute;
    expect(ep4Cost).toBeCloseTo(16 * 48 * (calibration.moeLayerOverheadSeconds.value + 32 * calibration.moeExpertOverheadSeconds.value), 9);
    // A dense model has no such cost: the graph changes nothing.
    expect(planTrain({ ...base, options: { fullIterationCudaGraph: true } }).stepTimeSeconds).toBe(planTrain(base).stepTimeSeconds);
  });

  it("fp8Attention runs the attention core 1.5× forward and 1.3× backward in fp8 runs (cuDNN benchmark), and changes nothing in a bf16 run", () => {
    const rates = (s: object) => resolveTrainScenario(s).job.hardware.rates;
    const fp8 = { ...base, precision: "fp8" as const };
    // H100 SXM: 989.4 TFLOP/s bf16 dense (hardware-facts.json); fp8 attention is 1.5× that, not the fp8 peak.
    expect(rates(fp8).attentionFlopsPerSecond).toBe(989.4e12);
    expect(rates({ ...fp8, options: { fp8Attention: true } }).attentionFlopsPerSecond).toBeCloseTo(1.5 * 989.4e12, 0);
    // Backward relative to the (faster) forward: 0.77 × 1.3 / 1.5.
    expect(rates({ ...fp8, options: { fp8Attention: true } }).attentionBackwardRelative).toBeCloseTo((0.77 * 1.3) / 1.5, 12);
    expect(rates({ ...base, options: { fp8Attention: true } })).toEqual(rates(base));
    const long = { ...fp8, training: { ...fp8.training, sequenceLength: 32768, globalBatchTokens: 524288 } };
    expect(planTrain({ ...long, options: { fp8Attention: true } }).stepTimeSeconds).toBeLessThan(planTrain(long).stepTimeSeconds);
  });

  it("an fp8 backward computes a sliding window's masked tiles: GPT-OSS's windowed layers cost a full causal backward under fp8 attention", () => {
    const oss = {
      model: "gpt-oss-120b",
      hardware: { chip: "gb200", count: 64 },
      precision: "fp8" as const,
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 1280 * 4096 },
      parallelism: { tp: 1, pp: 1, dp: 64, cp: 1, ep: 64, microBatchSize: 4, zeroStage: 1 as const, recompute: "none" as const },
    };
    const r = resolveTrainScenario({ ...oss, options: { fp8Attention: true } });
    expect(r.job.fp8Attention).toBe(true);
    const k = jobConstants(r.job);
    // 18 of 36 layers full causal over 4,096 tokens ((4,096 + 1) / 2 keys), 18 windowed at 128.
    expect(k.meanAttendedKeysUnwindowed).toBeCloseTo(4097 / 2, 9);
    expect(k.meanAttendedKeys).toBeCloseTo((4097 / 2 + (128 * 129) / 2 / 4096 + ((4096 - 128) * 128) / 4096) / 2, 9);
    expect(k.attentionLayerShare).toBe(1);
    // Turning the rule off (a bf16-style backward over the window) makes the same fp8 step faster.
    const plan = completePlan(r.job, r.fixed);
    const masked = simulateTrain(r.job, plan).stepTimeSeconds;
    const skipped = simulateTrain({ ...r.job, fp8Attention: false }, plan).stepTimeSeconds;
    expect(masked).toBeGreaterThan(skipped);
  });

  it("pipelineSplitCountsEmbeddingAndLoss admits PP 16 × VP 8 for 126 layers (128 slots), and names the rule when the slots do not divide", () => {
    const llama = {
      model: "llama-3.1-405b",
      hardware: { chip: "gb200", count: 256 },
      precision: "fp8" as const,
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 12582912 },
      parallelism: { tp: 4, pp: 16, dp: 4, cp: 1, virtualStages: 8, microBatchSize: 1, zeroStage: 1 as const, recompute: "none" as const },
    };
    expect(() => planTrain(llama)).toThrow(/pp·virtualStages <= 126 layers \(or set options.pipelineSplitCountsEmbeddingAndLoss: .*128 in all\)/);
    // Where the 128 slots do not divide either, the hint stays out.
    expect(() => planTrain({ ...llama, parallelism: { ...llama.parallelism, virtualStages: 9 } })).toThrow(/pp·virtualStages <= 126 layers$/m);
    const r = planTrain({ ...llama, options: { pipelineSplitCountsEmbeddingAndLoss: true } });
    expect(r.parallelism.virtualStages).toBe(8);
    expect(Number.isFinite(r.stepTimeSeconds)).toBe(true);
    expect(() => planTrain({ ...llama, parallelism: { ...llama.parallelism, virtualStages: 3 }, options: { pipelineSplitCountsEmbeddingAndLoss: true } })).toThrow(
      /dividing the 128 pipeline slots/,
    );
  });

  it("an unknown stack is a clear input error naming the field", () => {
    try {
      planTrain({ ...base, software: "megatron-cor" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues[0].path).toBe("software");
      expect((e as InputError).issues[0].suggestions).toContain("megatron-core-2025");
    }
  });

  it("options.expertAllToAllOverlap: false puts the whole all-to-all on the critical path (Megatron-Bridge's default), and the output says which", () => {
    // Qwen3-235B-A22B on 256 H100, the model zoo's EP32 plan (published 17.6 s with overlap, 19.7 s without).
    const moe = ep32;
    const on = planTrain(moe);
    const off = planTrain({ ...moe, options: { expertAllToAllOverlap: false } });
    expect(on.expertAllToAllOverlap).toBe(true); // megatron-core-2025's default
    expect(off.expertAllToAllOverlap).toBe(false);
    expect(off.stepTimeSeconds).toBeGreaterThan(on.stepTimeSeconds);
    // Overlapped: the exposed share e (calibration) plus the hidden rest run on (1 − s) of the SMs, s = 20/132:
    // e + (1 − e)·s/(1 − s) of the all-to-all, against all of it without overlap.
    const e = calibration.expertParallelExposedFraction.value;
    const share = 20 / 132;
    expect(on.communicationSeconds.expertParallel / off.communicationSeconds.expertParallel).toBeCloseTo(e + ((1 - e) * share) / (1 - share), 6);
    // A dense model states no all-to-all.
    expect(planTrain(base).expertAllToAllOverlap).toBeUndefined();
  });

  it("nemo-automodel (FSDP2 + DeepEP): the all-to-all unoverlapped but deduplicated, gradients reduced in fp32 — twice Megatron-Core's bf16 bytes", () => {
    const stack = getTrainingStack("nemo-automodel");
    expect([stack.expertAllToAllOverlap, stack.expertDispatcher, stack.gradientReduceBytesPerValue, stack.attentionKernel]).toEqual([false, "deduplicated", 4, "flash3"]);
    // Its all-to-all is Megatron-Core's with the overlap switched off (same dispatcher), all of it exposed.
    const auto = planTrain({ ...ep32, software: "nemo-automodel" });
    const off = planTrain({ ...ep32, options: { expertAllToAllOverlap: false } });
    expect(auto.expertAllToAllOverlap).toBe(false);
    expect(auto.communicationSeconds.expertParallel).toBeCloseTo(off.communicationSeconds.expertParallel, 9);
    // The job the planner prices reduces in the stack's format (fp32), Megatron-Core's in bf16.
    const job = (software: string) => resolveTrainScenario({ ...base, software, parallelism: { ...base.parallelism, zeroStage: 3 as const } }).job;
    expect(job("nemo-automodel").software?.gradientReduceBytesPerValue).toBe(4);
    expect(job("megatron-core-2025").software?.gradientReduceBytesPerValue).toBe(2);
  });

  it("expertGemmLaunch: a stack with one grouped-GEMM kernel pays no per-local-expert launch cost (16 experts × 48 layers × 16 micro-batches × 0.15 ms)", () => {
    // Qwen3-30B-A3B on 8 H100 (NeMo AutoModel's row): EP8 of 128 experts = 16 local experts, 48 MoE layers, 512 / (8 · 4) = 16 micro-batches.
    const qwen = {
      model: "qwen3-30b-a3b",
      hardware: { chip: "h100-sxm", count: 8 },
      precision: "bf16" as const,
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 512 * 4096 },
      parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, ep: 8, zeroStage: 1 as const, microBatchSize: 4, recompute: "none" as const, offloadActivations: false, offloadOptimizer: false },
    };
    const r = resolveTrainScenario(qwen);
    const plan = completePlan(r.job, r.fixed);
    const perExpert = simulateTrain(r.job, plan);
    const software = { ...(r.job.software ?? getTrainingStack("megatron-core-2025")), expertGemmLaunch: "grouped" as const };
    const grouped = simulateTrain({ ...r.job, software }, plan);
    expect(getTrainingStack("megatron-core-2025").expertGemmLaunch).toBe("per-expert");
    expect(["torchtitan", "nemo-automodel", "maxtext"].map((id) => getTrainingStack(id).expertGemmLaunch)).toEqual(["grouped", "grouped", "grouped"]);
    expect(perExpert.microBatches).toBe(16);
    expect(perExpert.breakdownSeconds.compute - grouped.breakdownSeconds.compute).toBeCloseTo(16 * 48 * 16 * calibration.moeExpertOverheadSeconds.value, 9);
  });

  it("a stack without a selective policy (nemo-automodel: whole-layer checkpointing) is searched over none and full only, and a fixed selective plan on it is refused", () => {
    const open = { ...base, parallelism: { offloadActivations: false, offloadOptimizer: false } };
    const levels = (software: string) => {
      const r = resolveTrainScenario({ ...open, software });
      return new Set(searchPlans(r.job, r.fixed, { top: 200 }).top.map((p) => p.parallelism.recompute));
    };
    expect(levels("megatron-core-2025").has("selective")).toBe(true);
    expect([...levels("nemo-automodel")].sort()).toEqual(["full", "none"]);
    const selective = { ...base, software: "nemo-automodel", parallelism: { ...base.parallelism, recompute: "selective" as const } };
    expect(() => resolveTrainScenario(selective)).toThrow(InputError);
    try {
      resolveTrainScenario(selective);
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual(["parallelism.recompute"]);
    }
  });

  it("remoteCopiesPerToken: one copy per remote expert with a plain all-to-all, one per remote domain reached when deduplicated (DeepEP, HybridEP)", () => {
    // 4 experts, top-2, over 2 domains of 2 experts: plain all-to-all sends 2·½ = 1 copy. Deduplicated, the other domain
    // receives nothing only if both picks are local, C(2,2)/C(4,2) = 1/6, so 1·(1 − 1/6) = 5/6 copy.
    const tiny = { numExperts: 4, expertsPerToken: 2 };
    expect(remoteCopiesPerToken(tiny, 2, "all-to-all")).toBeCloseTo(1, 12);
    expect(remoteCopiesPerToken(tiny, 2, "deduplicated")).toBeCloseTo(5 / 6, 12);
    expect(remoteCopiesPerToken(tiny, 1, "deduplicated")).toBe(0);
    // DeepSeek-V3: 256 experts, top-8, at most 4 of 8 routing groups. Over 8 nodes (a group per node) a token reaches 4
    // nodes, its own with chance 4/8, so 3.5 leave (DeepSeek-V3 §3.2.2: "at most 4 nodes"). Over 4 nodes (2 groups each) a
    // node is missed when all 4 groups fall in the other 6: C(6,4)/C(8,4) = 15/70, so 3·55/70 leave; plain: 8·¾ = 6.
    const dsv3 = { numExperts: 256, expertsPerToken: 8, routing: { routingGroups: 8, groupsPerToken: 4 } };
    expect(remoteCopiesPerToken(dsv3, 8, "deduplicated")).toBeCloseTo(3.5, 12);
    expect(remoteCopiesPerToken(dsv3, 4, "deduplicated")).toBeCloseTo((3 * 55) / 70, 12);
    expect(remoteCopiesPerToken(dsv3, 4, "all-to-all")).toBeCloseTo(6, 12);
  });

  it("options.expertDispatcher: a plain all-to-all costs more scale-out time than the stack's deduplicating dispatcher when EP spans nodes, and the output says which", () => {
    // Qwen3-235B-A22B (128 experts, top-8) on 256 H100, EP32 over 4 DGX nodes (ETP 1, folded): 6 remote copies per token
    // plain, 3·(1 − P₀) ≈ 2.72 deduplicated, so the exposed all-to-all (scale-out bound) shrinks about 2.2×.
    const moe = { ...ep32, options: { expertAllToAllOverlap: false } };
    const dedup = planTrain(moe);
    const plain = planTrain({ ...moe, options: { ...moe.options, expertDispatcher: "all-to-all" } });
    expect(dedup.expertDispatcher).toBe("deduplicated"); // megatron-core-2025's default
    expect(plain.expertDispatcher).toBe("all-to-all");
    const ratio = plain.communicationSeconds.expertParallel / dedup.communicationSeconds.expertParallel;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(6 / remoteCopiesPerToken({ numExperts: 128, expertsPerToken: 8 }, 4, "deduplicated"));
    // Inside one 8-GPU node the dispatcher does not matter: EP 4 over DP ranks at stride TP = 2.
    const inside = { ...moe, parallelism: { ...moe.parallelism, ep: 4 } };
    expect(planTrain({ ...inside, options: { ...moe.options, expertDispatcher: "all-to-all" } }).stepTimeSeconds).toBe(planTrain(inside).stepTimeSeconds);
  });
});

describe("fp4 training GEMMs (calibration.fp4RelativeEfficiency)", () => {
  it("run at the fp4 peak times the fp8 sustained efficiency times the fitted ratio, and only fp4 runs carry it", () => {
    const run = (precision: "fp8" | "fp4") =>
      resolveTrainScenario({ ...base, hardware: { chip: "gb200", count: 64 }, precision, parallelism: { tp: 2, pp: 4, dp: 8, cp: 1, virtualStages: 5, microBatchSize: 1 } }).job
        .hardware.rates;
    const fp8 = chipGemmEfficiency(gemmEfficiency.value, { id: "gb200", generation: "nvidia-blackwell" }).fp8;
    expect(run("fp8").gemmEfficiency).toBe(fp8);
    expect(run("fp4").gemmEfficiency).toBeCloseTo(fp8 * calibration.fp4RelativeEfficiency.value, 12);
    expect(calibration.fp4RelativeEfficiency.value).toBeLessThan(1); // the NVFP4 rows ask for it (fitted 0.6)
    // GB200's fp4 peak is twice its fp8 one (10 vs 5 PFLOP/s dense): the fp4 GEMM rate is 2 × 0.6 = 1.2× fp8's, not 2×.
    expect((run("fp4").gemmFlopsPerSecond * run("fp4").gemmEfficiency) / (run("fp8").gemmFlopsPerSecond * run("fp8").gemmEfficiency)).toBeCloseTo(
      2 * calibration.fp4RelativeEfficiency.value,
      12,
    );
  });
});

describe("per-chip GEMM maxima (calibration.chipGemmBurstEfficiency)", () => {
  const rates = (chip: string, precision: "bf16" | "fp8", count = 8) =>
    resolveTrainScenario({ ...base, hardware: { chip, count }, precision, parallelism: { tp: 1, pp: 1, dp: count, cp: 1, microBatchSize: 1 } }).job.hardware.rates;
  it("GB200 reaches its measured mamf share of its higher rated peak: 1,822 of 2,500 TFLOP/s against B200's 1,745 of 2,250", () => {
    const b200 = rates("b200", "bf16");
    const gb200 = rates("gb200", "bf16");
    // Same generation row; GB200 scaled by its own burst (0.73) over Blackwell's (0.78, B200's measurement).
    expect(b200.gemmEfficiency).toBe(gemmEfficiency.value["nvidia-blackwell"].bf16);
    expect(gb200.gemmEfficiency).toBeCloseTo((gemmEfficiency.value["nvidia-blackwell"].bf16 * 0.73) / 0.78, 12);
    // Rated 2,500 / 2,250 = 1.11×; sustained GEMM rate 1.11 × 0.73 / 0.78 = 1.04×, the measured 1,822 / 1,745.
    expect((gb200.gemmFlopsPerSecond * gb200.gemmEfficiency) / (b200.gemmFlopsPerSecond * b200.gemmEfficiency)).toBeCloseTo(1822 / 1745, 2);
    // fp8: GB200 measured 72% against B200's 76%.
    expect(rates("gb200", "fp8").gemmEfficiency).toBeCloseTo((gemmEfficiency.value["nvidia-blackwell"].fp8 * 0.72) / 0.76, 12);
    expect(gemmBurstEfficiency.value["nvidia-blackwell"]).toEqual({ bf16: 0.78, fp8: 0.76 });
  });
  it("a chip measured in one format scales the other by the same ratio (MI355X bf16 68% against CDNA 4's 60% estimate)", () => {
    const row = gemmEfficiency.value["amd-cdna4"];
    const mi355x = chipGemmEfficiency(gemmEfficiency.value, { id: "mi355x", generation: "amd-cdna4" });
    expect(mi355x.bf16).toBeCloseTo((row.bf16 * 0.68) / 0.6, 12);
    expect(mi355x.fp8).toBeCloseTo((row.fp8 * 0.68) / 0.6, 12);
    // A chip without its own measurement keeps its generation's row.
    expect(chipGemmEfficiency(gemmEfficiency.value, { id: "gb300", generation: "nvidia-blackwell" })).toBe(gemmEfficiency.value["nvidia-blackwell"]);
  });
});
