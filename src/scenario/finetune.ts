/**
 * The finetune scenario: schema (CLI, API, OpenAPI) and its resolution into a training job whose per-parameter
 * state bytes say what is trained (full, LoRA, QLoRA), what the base is stored in (bf16 or NF4) and which
 * optimizer holds which states. The physics of the step is the training physics (src/physics/train.ts) with
 * `trainableShare`: frozen weights still run forward and backward through activations, not weight gradients.
 * @module
 */
import { z } from "zod";
import type { Architecture } from "../catalog/architecture.ts";
import { calibration } from "../catalog/calibration.ts";
import { defaultLoraTargets, type LoraTarget, loraDefaults, loraTargetModules, nf4BytesPerWeight, type OptimizerId, optimizerIds, optimizers } from "../catalog/finetune.ts";
import { referenceSystem, resolveChip } from "../catalog/hardware.ts";
import type { Chip } from "../catalog/schema.ts";
import { resolveModel } from "../catalog/models.ts";
import { InputError, type InputIssue } from "../errors.ts";
import type { ParallelPlan, TrainJob, ZeroStage } from "../physics/plan.ts";
import { attentionParameters, moeLayers, parameterBreakdown } from "../physics/workload.ts";
import { collectIssues, HardwareInput, lookupSystemId, ModelInput, parseScenario, Quantity, resolveTrainHardware } from "./train.ts";

const positiveInt = z.number().int().positive();

export const FinetuneScenario = z
  .object({
    model: ModelInput,
    hardware: HardwareInput,
    /** full: every weight trained; lora: bf16 base + low-rank adapters; qlora: 4-bit NF4 base + adapters. */
    method: z.enum(["full", "lora", "qlora"]).default("lora"),
    lora: z
      .object({
        rank: positiveInt.default(loraDefaults.rank),
        alpha: z.number().positive().optional(),
        /** "all-linear" (every projection of every layer) or a list of projection names. */
        targetModules: z.union([z.literal("all-linear"), z.array(z.enum(loraTargetModules)).min(1)]).optional(),
      })
      .strict()
      .default({ rank: loraDefaults.rank }),
    /** QLoRA: double quantisation of the NF4 block constants (0.127 instead of 0.5 bit per weight). */
    doubleQuant: z.boolean().default(true),
    optimizer: z.enum(optimizerIds as [OptimizerId, ...OptimizerId[]]).default("adamw"),
    /** Pure bf16 training (torchtune's default): no fp32 master copy, optimizer states in bf16 (8-bit states unchanged). */
    pureBf16: z.boolean().default(false),
    /**
     * Optimizer step fused into the backward pass (PyTorch's optimizer-in-backward hooks; torchtune's
     * optimizer_in_bwd): each layer's gradients are applied and freed as soon as they exist. One chip only.
     */
    optimizerInBackward: z.boolean().default(false),
    /**
     * The loss materialises bf16 logits, an fp32 copy and its log-softmax (Hugging Face transformers' unfused
     * cross-entropy, `logits.float()`): 6 more bytes per vocabulary entry per token than fp32 logits + gradient.
     */
    unfusedLoss: z.boolean().default(false),
    /** Optimizer states in unified memory, paged to host RAM under pressure (QLoRA); default on for qlora. */
    pagedOptimizer: z.boolean().optional(),
    /** Full fine-tuning: the first N layers (and the embedding) are frozen. */
    frozenLayers: z.number().int().min(0).default(0),
    gradientCheckpointing: z.boolean().default(true),
    /** Sequence packing: samples concatenated to fill each sequence (no padding). */
    packing: z.boolean().default(true),
    precision: z.enum(["bf16", "fp16"]).default("bf16"),
    training: z
      .object({
        /** Token budget (samples × epochs × tokens per sample). */
        tokens: Quantity.default(1e8),
        sequenceLength: positiveInt.default(2048),
        /** Sequences per micro-batch per chip. */
        microBatchSize: positiveInt.default(1),
        gradientAccumulation: positiveInt.default(1),
        /** Mean real tokens per sample; without packing every sample is padded to sequenceLength. */
        meanSampleTokens: positiveInt.optional(),
      })
      .strict()
      .default({ tokens: 1e8, sequenceLength: 2048, microBatchSize: 1, gradientAccumulation: 1 }),
    /** Multi-chip: 0 = DDP, 1–2 = ZeRO, 3 = FSDP/ZeRO-3 (default 3 for full fine-tuning, 0 for adapters). */
    zeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    options: z.object({ usdPerChipHour: z.number().positive().optional() }).strict().default({}),
  })
  .strict();
export type FinetuneScenarioInput = z.input<typeof FinetuneScenario>;
export type FinetuneScenario = z.output<typeof FinetuneScenario>;

/** Parameters by role, for LoRA and freezing. */
export interface FinetuneParameters {
  total: number;
  /** Weights of the base that are trained (full) — 0 for adapters. */
  trainableBase: number;
  /** LoRA adapter parameters (A and B matrices), extra to the base. */
  adapters: number;
  /** Parameters of the base held in NF4 (qlora: every layer linear); the rest stays bf16. */
  quantized: number;
  /** Largest single linear weight (the dequantisation buffer holds one in bf16). */
  largestLinear: number;
}

export interface ResolvedFinetune {
  scenario: FinetuneScenario;
  job: TrainJob;
  plan: ParallelPlan;
  params: FinetuneParameters;
  targets: readonly LoraTarget[];
  /** Per-parameter bytes of the base and of a trained parameter (for the breakdown). */
  bytes: { baseWeight: number; trainedWeight: number; gradient: number; optimizer: number };
  pagedOptimizer: boolean;
  /** Real tokens per processed token (padding without packing). */
  usefulTokenFraction: number;
}

/** Input and output widths of each projection of one layer (dense or, for experts, one expert). */
export function projectionShapes(arch: Architecture, mlpWidth: number): Record<LoraTarget, [number, number]> {
  const h = arch.hiddenSize;
  const a = arch.attention;
  const q = a.kind === "gqa" ? a.numHeads * a.headDim : a.numHeads * (a.qkNopeHeadDim + a.qkRopeHeadDim);
  const kv = a.kind === "gqa" ? a.numKvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
  const out = a.kind === "gqa" ? q : a.numHeads * a.vHeadDim;
  return {
    q_proj: [h, q],
    k_proj: [h, kv],
    v_proj: [h, kv],
    o_proj: [out, h],
    gate_proj: [h, mlpWidth],
    up_proj: [h, mlpWidth],
    down_proj: [mlpWidth, h],
  };
}

/** LoRA parameters: r·(in + out) per adapted matrix (Hu et al. 2021), over every layer (and every expert). */
export function loraParameters(arch: Architecture, rank: number, targets: readonly LoraTarget[]): number {
  const sparse = moeLayers(arch);
  const dense = arch.numLayers - sparse;
  const perLayer = (width: number, mlpCopies: number, attention: boolean) => {
    const shapes = projectionShapes(arch, width);
    let sum = 0;
    for (const t of targets) {
      const isMlp = t === "gate_proj" || t === "up_proj" || t === "down_proj";
      if (isMlp && t === "gate_proj" && !arch.gatedMlp) continue;
      if (!isMlp && !attention) continue;
      const [i, o] = shapes[t];
      sum += rank * (i + o) * (isMlp ? mlpCopies : 1);
    }
    return sum;
  };
  let total = dense * perLayer(arch.intermediateSize, 1, true);
  const moe = arch.moe;
  if (moe && sparse > 0) {
    total += sparse * perLayer(moe.expertIntermediateSize, moe.numExperts, true);
    if (moe.numSharedExperts > 0) total += sparse * perLayer(moe.sharedIntermediateSize, moe.numSharedExperts, false);
  }
  return total;
}

function finetuneParameters(arch: Architecture, scenario: FinetuneScenario, targets: readonly LoraTarget[]): FinetuneParameters {
  const p = parameterBreakdown(arch);
  const linear = p.attention + p.denseMlp + p.routedExperts + p.sharedExperts;
  const moe = arch.moe;
  const widest = Math.max(arch.intermediateSize, moe?.expertIntermediateSize ?? 0, moe?.sharedIntermediateSize ?? 0);
  const largestLinear = Math.max(arch.hiddenSize * widest, attentionParameters(arch) / 2);
  const perLayer = (p.attention + p.denseMlp + p.routedExperts + p.sharedExperts + p.router + p.norms) / arch.numLayers;
  if (scenario.method === "full") {
    const frozen = Math.min(scenario.frozenLayers, arch.numLayers);
    const trainableBase = p.total - frozen * perLayer - (frozen > 0 ? p.embedding : 0);
    return { total: p.total, trainableBase, adapters: 0, quantized: 0, largestLinear };
  }
  const adapters = loraParameters(arch, scenario.lora.rank, targets);
  return { total: p.total, trainableBase: 0, adapters, quantized: scenario.method === "qlora" ? linear : 0, largestLinear };
}

/** Validate and resolve a finetune scenario. */
export function resolveFinetuneScenario(input: unknown): ResolvedFinetune {
  const scenario = parseScenario(FinetuneScenario, input);
  const [arch, chip] = collectIssues<[Architecture, Chip, unknown]>(
    () => resolveModel(scenario.model, "model"),
    () => resolveChip(scenario.hardware.chip, "hardware.chip"),
    () => lookupSystemId(scenario.hardware.system),
  );
  const system = referenceSystem(chip, scenario.hardware.system, "hardware.system");
  const hardware = resolveTrainHardware(
    chip,
    scenario.hardware.count,
    scenario.precision,
    system,
    { usdPerChipHour: scenario.options.usdPerChipHour },
    scenario.hardware.powerLimitWatts,
  );
  const issues: InputIssue[] = [];
  const t = scenario.training;
  if (scenario.frozenLayers > 0 && scenario.method !== "full") {
    issues.push({ path: "frozenLayers", value: String(scenario.frozenLayers), expected: "0 for lora and qlora (the whole base is frozen already)" });
  }
  if (scenario.frozenLayers >= arch.numLayers) issues.push({ path: "frozenLayers", value: String(scenario.frozenLayers), expected: `fewer than the ${arch.numLayers} layers` });
  if (t.meanSampleTokens !== undefined && t.meanSampleTokens > t.sequenceLength) {
    issues.push({ path: "training.meanSampleTokens", value: String(t.meanSampleTokens), expected: `at most training.sequenceLength (${t.sequenceLength})` });
  }
  if (scenario.optimizerInBackward && scenario.hardware.count > 1) {
    issues.push({ path: "optimizerInBackward", value: "true", expected: "false on more than one chip (gradients must be reduced across chips before the step)" });
  }
  if (t.sequenceLength > 1024 * 1024) issues.push({ path: "training.sequenceLength", value: String(t.sequenceLength), expected: "at most 1,048,576 tokens" });
  if (issues.length) throw new InputError(issues);
  const targets: readonly LoraTarget[] =
    scenario.lora.targetModules === "all-linear" ? loraTargetModules : (scenario.lora.targetModules ?? (scenario.method === "qlora" ? loraTargetModules : defaultLoraTargets));
  if (scenario.method !== "full") {
    const shapes = projectionShapes(arch, arch.moe?.expertIntermediateSize ?? arch.intermediateSize);
    const smallest = Math.min(...targets.map((t) => Math.min(...shapes[t])));
    if (2 * scenario.lora.rank > smallest) {
      throw new InputError({
        path: "lora.rank",
        value: String(scenario.lora.rank),
        expected: `at most ${Math.floor(smallest / 2)} (half the smallest adapted dimension, ${smallest}: a larger adapter holds more parameters than the matrix it adapts)`,
      });
    }
  }
  const params = finetuneParameters(arch, scenario, targets);
  const opt = optimizers[scenario.optimizer];
  const trained = params.trainableBase + params.adapters;
  const share = trained / params.total;
  const paged = scenario.pagedOptimizer ?? scenario.method === "qlora";
  // Per base parameter: the base copy, then the trained parameters' weights, gradients and optimizer states.
  const baseWeight = scenario.method === "qlora" ? (params.quantized * nf4BytesPerWeight(scenario.doubleQuant) + (params.total - params.quantized) * 2) / params.total : 2;
  const adapterWeight = (2 * params.adapters) / params.total;
  const gradient = 2 * share;
  const master = scenario.pureBf16 ? 0 : opt.masterBytesPerParameter;
  const state = scenario.pureBf16 && scenario.optimizer !== "adamw-8bit" ? opt.stateBytesPerParameter / 2 : opt.stateBytesPerParameter;
  const optimizer = (master + state) * share;
  const count = scenario.hardware.count;
  const zeroStage: ZeroStage = scenario.zeroStage ?? (count > 1 && scenario.method === "full" ? 3 : 0);
  const plan: ParallelPlan = {
    tp: 1,
    pp: 1,
    dp: count,
    cp: 1,
    ep: 1,
    zeroStage,
    microBatchSize: t.microBatchSize,
    virtualStages: 1,
    recompute: scenario.gradientCheckpointing ? "full" : "none",
  };
  const globalBatchTokens = t.sequenceLength * t.microBatchSize * count * t.gradientAccumulation;
  const job: TrainJob = {
    arch,
    hardware,
    precision: scenario.precision,
    tokens: t.tokens,
    sequenceLength: t.sequenceLength,
    globalBatchTokens,
    activationBytesPerValue: 2,
    weightBytesPerParameter: baseWeight + adapterWeight,
    gradientBytesPerParameter: scenario.optimizerInBackward ? 0 : gradient,
    optimizerBytesPerParameter: paged ? 0 : optimizer,
    runtimeReserveBytes: calibration.runtimeReserveBytes.value,
    attentionKernel: "flash",
    tensorParallelExposedFraction: calibration.tensorParallelExposedFraction.value,
    microBatchOverheadSeconds: calibration.microBatchOverheadSeconds.value,
    expertParallelExposedFraction: calibration.expertParallelExposedFraction.value,
    moeLayerOverheadSeconds: calibration.moeLayerOverheadSeconds.value,
    moeExpertOverheadSeconds: calibration.moeExpertOverheadSeconds.value,
    trainableShare: share,
  };
  const usefulTokenFraction = !scenario.packing && t.meanSampleTokens !== undefined ? t.meanSampleTokens / t.sequenceLength : 1;
  return {
    scenario,
    job,
    plan,
    params,
    targets,
    bytes: { baseWeight, trainedWeight: 2, gradient: 2, optimizer: master + state },
    pagedOptimizer: paged,
    usefulTokenFraction,
  };
}
