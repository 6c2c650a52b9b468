/**
 * The train scenario of docs/contract.md's contract: its schema (single source of truth for the CLI, the API
 * and the OpenAPI document), and its resolution into a `TrainJob` plus the part of the plan the user fixed.
 * @module
 */
import { z } from "zod";
import { type AttentionKernel, attentionEfficiencyOf, calibration, chipGemmEfficiency, gemmEfficiency, trainGemmEfficiency } from "../catalog/calibration.ts";
import { facilityDefaults } from "../catalog/facility.ts";
import { chipById, getChip, getSystem, networkById, referenceSystem, resolveChip, systems } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import { DEFAULT_TRAINING_STACK, expertDispatchers, getTrainingStack, type TrainingStack, trainingStacks } from "../catalog/training-stacks.ts";
import type { Chip, System } from "../catalog/schema.ts";
import { boundText, InputError, type InputIssue } from "../errors.ts";
import type { Architecture } from "../catalog/architecture.ts";
import type { ParallelPlan, TrainHardware, TrainJob, TrainPrecision } from "../physics/plan.ts";
import { offloadModules, recomputeModules } from "../physics/plan.ts";
import { parseQuantity } from "../units/parse.ts";
import { parseInput } from "./parse.ts";
import { offloadIssue } from "../physics/offload.ts";
import { checkPriceTable, PriceTable, rentalPrice } from "./prices.ts";

/**
 * Physical upper bounds of every count, size and rate a scenario takes: far above any real cluster or run,
 * low enough that the search and the arithmetic stay finite and fast. The bound is named in the error.
 */
export const limits = {
  /** Chips in one cluster (10⁷: ten times the largest announced build-outs). */
  chips: 1e7,
  /** Training tokens of one run. */
  tokens: 1e16,
  /** Tokens of one sequence (4 Mi). */
  sequenceTokens: 4 * 1024 * 1024,
  /** Tokens of one global batch. */
  batchTokens: 1e12,
  /** Characters of an id (chip, system, model). */
  idCharacters: 256,
  /** Watts of one chip's power cap. */
  chipWatts: 1e5,
  /** USD per chip-hour. */
  usdPerChipHour: 1e6,
  /** Sequences in one micro-batch. */
  microBatch: 1e6,
  /** Virtual pipeline stages (at most one per layer, and layers are ≤ 10⁴). */
  virtualStages: 1e4,
} as const;

/** A positive number up to `max`, or a string with an SI suffix ("15.6T", "16Mi"). */
export function quantityUpTo(max: number, meta?: { description: string; examples: unknown[] }) {
  const input = z.union([z.number(), z.string().max(64)]);
  return (meta ? input.meta(meta) : input).transform((value, ctx) => {
    const n = typeof value === "number" ? value : parseQuantity(value);
    if (n === undefined || !Number.isFinite(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: 'a positive number (e.g. 15.6e12 or "15.6T")' });
      return z.NEVER;
    }
    if (n > max) {
      ctx.addIssue({ code: "custom", message: `a positive number <= ${boundText(max)}` });
      return z.NEVER;
    }
    return n;
  });
}

/** A positive number, or a string with an SI suffix ("15.6T", "16Mi"), at most 10¹⁶. */
export const Quantity = quantityUpTo(limits.tokens);

/** Quantity with a description and examples that JSON Schema keeps (meta on the input side of the transform). */
export const documentedQuantity = (meta: { description: string; examples: unknown[] }, max: number = limits.tokens) => quantityUpTo(max, meta);

const positiveInt = z.number().int().positive();
/** A parallel degree: a positive integer no larger than the largest cluster. */
const degree = positiveInt.max(limits.chips);

/** A catalog id (chip, system, model): 1 to 256 characters. */
export const IdString = z.string().min(1).max(limits.idCharacters);

export const ModelInput = z.union([IdString, z.record(z.string().max(limits.idCharacters), z.unknown())]).meta({
  description: "A catalog model id (`danlu catalog models`) or a Hugging Face config.json object (the CLI also takes its path). Required.",
  examples: ["llama-3.1-405b", { model_type: "llama", hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32 }],
});

export const HardwareInput = z
  .object({
    /** Chip id from the catalog (`danlu catalog chips`), or an inline chip in the catalog's schema (figures marked as the user's). */
    chip: z.union([IdString, z.record(z.string().max(limits.idCharacters), z.unknown())]).meta({
      description: 'Chip id from the catalog (`danlu catalog chips`), or an inline chip in the catalog\'s schema (`{ base: "b300", memoryBytes: 576e9 }`). Required.',
      examples: ["h100-sxm"],
    }),
    /** Number of chips (at most 10⁷). */
    count: positiveInt.max(limits.chips).meta({ description: "Number of chips (at most 1e7). Required.", examples: [16384] }),
    /** Optional system id (node/rack) that sets the scale-up domain and host power. */
    system: IdString.optional().meta({ description: "System id (node or rack). Default: the chip's reference system.", examples: ["hgx-h100-8"] }),
    /** Optional power cap per chip, watts (below TDP it lowers clocks: see calibration.clockPowerExponent). */
    powerLimitWatts: z
      .number()
      .min(1)
      .max(limits.chipWatts)
      .optional()
      .meta({ description: "Power cap per chip, watts. Default: none (the chip's TDP).", examples: [500] }),
  })
  .strict()
  .meta({ description: "The chips: which, how many, in which system. Required.", examples: [{ chip: "h100-sxm", count: 16384 }] });

export const ParallelismInput = z
  .object({
    tp: degree.optional().meta({ description: "Tensor-parallel degree. Default: searched.", examples: [8] }),
    pp: degree.optional().meta({ description: "Pipeline stages. Default: searched.", examples: [16] }),
    dp: degree.optional().meta({ description: "Data-parallel degree. Default: searched (chips / tp·pp·cp).", examples: [128] }),
    cp: degree.optional().meta({ description: "Context-parallel degree. Default: searched.", examples: [1] }),
    ep: degree.optional().meta({ description: "Expert-parallel degree (MoE). Default: searched.", examples: [64] }),
    etp: degree
      .optional()
      .meta({ description: "Expert tensor-parallel degree (MoE): tp or 1 (expert grid folded over TP). Default: tp when ep divides dp·cp, else 1.", examples: [1] }),
    zeroStage: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .meta({ description: "ZeRO stage (0 = none, 1 optimizer, 2 + gradients, 3 + weights). Default: searched.", examples: [1] }),
    microBatchSize: positiveInt
      .max(limits.microBatch)
      .optional()
      .meta({ description: "Sequences per micro-batch. Default: searched (1, 2, 4, 8).", examples: [1] }),
    virtualStages: positiveInt
      .max(limits.virtualStages)
      .optional()
      .meta({ description: "Interleaved virtual stages per pipeline rank. Default: searched.", examples: [4] }),
    recompute: z
      .enum(["none", "selective", "full"])
      .optional()
      .meta({ description: "Activation recomputation. Default: searched (the least that fits).", examples: ["selective"] }),
    recomputeModules: z
      .array(z.enum(recomputeModules))
      .min(1)
      .max(recomputeModules.length)
      .optional()
      .meta({
        description:
          'Selective recompute of exactly these modules (Megatron-Core --recompute-granularity selective --recompute-modules; TransformerConfig recompute_modules): layernorm (the input and pre-MLP norms), moe_act (the routed experts\' activation), mla_up_proj (MLA\'s up projections; MLA models only) free their outputs and run again; core_attn (frees nothing a fused attention kernel keeps), mlp (the dense MLP), shared_experts and moe (the whole MoE layer, its all-to-all included) keep only their inputs and run again in backward. NVIDIA\'s recipes use e.g. ["layernorm", "moe_act"] (GPT-OSS-120B on GB200/B200/H100) and ["mla_up_proj", "mlp"] (DeepSeek-V3 on H100). Implies recompute selective. Default: the stack\'s selective policy.',
        examples: [["layernorm", "moe_act"]],
      }),
    offloadActivations: z
      .boolean()
      .optional()
      .meta({
        description:
          "Offload stored activations to host memory after each layer's forward, reload before backward (Megatron-Core activation offloading; NVLink-C2C on GB200/GB300). Needs a system with host memory. Default: searched where the system has host memory, else off.",
        examples: [true],
      }),
    offloadActivationLayers: positiveInt
      .max(limits.virtualStages)
      .optional()
      .meta({
        description:
          "With activation offload: how many of each pipeline stage's layers offload their activations (Megatron-Core cpu_offloading_num_layers; NVIDIA's GB200/GB300 Llama 3 70B recipes use 20-40 of 80); the rest keep them on the device. Implies offloadActivations. Default: all layers where offload is set; where the search turns offload on, the fewest that fit.",
        examples: [20],
      }),
    offloadActivationModules: z
      .array(z.enum(offloadModules))
      .min(1)
      .max(offloadModules.length)
      .optional()
      .meta({
        description:
          "Fine-grained activation offload: only these modules' inputs go to host memory, in every layer (Megatron-Core --fine-grained-activation-offloading --offload-modules; NVIDIA's GB200 Qwen3-235B MXFP8 recipe offloads expert_fc1 and moe_act). attn_norm / mlp_norm: the residual stream into each norm; qkv_linear / expert_fc1: the norm outputs into the QKV and first expert GEMMs (stored only without recompute); core_attn: Q, K, V; attn_proj: the attention output (needs core_attn); moe_act: the first expert GEMM's output; fused_group_mlp: the whole expert MLP's (not with expert_fc1 or moe_act). Implies offloadActivations; not with offloadActivationLayers (Megatron-Core: fine-grained offloading cannot run with cpu_offloading). Default: whole layers.",
        examples: [["expert_fc1", "moe_act"]],
      }),
    offloadOptimizer: z
      .boolean()
      .optional()
      .meta({
        description:
          "ZeRO-Offload: optimizer state and the Adam step on the host (needs zeroStage >= 1 and a system with host memory). Default: searched where the system has host memory, else off.",
        examples: [false],
      }),
  })
  .strict();
export type ParallelismInput = z.infer<typeof ParallelismInput>;

/** "auto": danlu tries bf16 and fp8 (where the chip has fp8) and keeps the faster plan that fits. */
export const TrainPrecisionInput = z.enum(["fp16", "bf16", "fp8", "fp4", "auto"]);

/** Precisions "auto" tries, in order. */
export const autoTrainPrecisions = ["bf16", "fp8"] as const;

export const TrainScenario = z
  .object({
    model: ModelInput,
    hardware: HardwareInput,
    precision: TrainPrecisionInput.default("bf16").meta({ description: 'Training precision; "auto" tries bf16 and fp8 and keeps the faster. Default bf16.', examples: ["fp8"] }),
    training: z
      .object({
        tokens: Quantity.meta({ description: "Training tokens: a number or a string with an SI suffix (at most 1e16). Required.", examples: ["15.6T", 15.6e12] }),
        sequenceLength: positiveInt.max(limits.sequenceTokens).meta({ description: "Sequence length, tokens. Required.", examples: [8192] }),
        globalBatchTokens: quantityUpTo(limits.batchTokens).meta({
          description: "Global batch, tokens per optimizer step (at most 1e12). Required.",
          examples: ["16Mi", 16777216],
        }),
        multiTokenPredictionLayers: z
          .number()
          .int()
          .min(0)
          .max(16)
          .optional()
          .meta({
            description:
              "Multi-token-prediction depths trained with the model (DeepSeek-V3 §2.2 trains 1: one more block, a projection and the output head again, on the last pipeline stage). Default 0.",
            examples: [1],
          }),
      })
      .strict()
      .meta({ description: "The run: tokens, sequence length, batch. Required." }),
    software: IdString.default(DEFAULT_TRAINING_STACK).meta({
      description: `Training software stack (src/catalog/training-stacks.ts): what it overlaps, its gradient-reduce format, its attention kernel. One of ${trainingStacks.map((t) => t.id).join(", ")}. Default ${DEFAULT_TRAINING_STACK}.`,
      examples: ["torchtitan"],
    }),
    parallelism: ParallelismInput.default({}).meta({
      description: "Parallel plan fields to fix; the rest are searched. Default {} (all searched).",
      examples: [{ tp: 8, pp: 16 }],
    }),
    /** Economics and facility overrides (extensions to the contract). */
    options: z
      .object({
        powerUsageEffectiveness: z
          .number()
          .min(1)
          .max(3)
          .optional()
          .meta({ description: "Facility PUE. Default: the catalog's 1.3 (src/catalog/facility.ts).", examples: [1.1] }),
        usdPerChipHour: z
          .number()
          .positive()
          .max(limits.usdPerChipHour)
          .optional()
          .meta({ description: "Rental price, USD per chip-hour. Default: the chip's catalog price.", examples: [2.99] }),
        /** "flash3", "flash" or "unfused" (materialised s×s scores, as in Megatron before 2022); default: the software stack's. */
        attentionKernel: z
          .enum(["flash3", "flash", "unfused"])
          .optional()
          .meta({
            description:
              'Attention kernel: "flash3" = warp-specialised asynchronous flash attention (FlashAttention-3, cuDNN ≥ 9.1 fused attention; faster on Hopper and Blackwell only), "flash" = FlashAttention-2 class, "unfused" materialises s×s scores (Megatron before 2022). Default: the software stack\'s.',
            examples: ["flash"],
          }),
        /** Megatron-Core --account-for-embedding-in-pipeline-split and --account-for-loss-in-pipeline-split. */
        pipelineSplitCountsEmbeddingAndLoss: z
          .boolean()
          .optional()
          .meta({
            description:
              "Count the embedding and the loss as one layer each when splitting the model over pipeline stages (Megatron-Core --account-for-embedding-in-pipeline-split and --account-for-loss-in-pipeline-split; Megatron-Bridge's Llama 3.1 405B recipe sets both): the first and last stages hold one transformer layer fewer, and pp·virtualStages must divide layers + 2. Default: false.",
            examples: [true],
          }),
        /** Transformer Engine fp8_dot_product_attention: the attention core in fp8 (fp8 and fp4 runs only). */
        fp8Attention: z
          .boolean()
          .optional()
          .meta({
            description:
              "Run the attention core (QKᵀ and AV) in fp8, as Transformer Engine's fp8_dot_product_attention does (Megatron-Bridge fp8_dot_product_attention=True): the forward 1.5× and the backward 1.3× the 16-bit kernel (cuDNN benchmark; calibration.fp8AttentionSpeedup), and the backward of a sliding-window layer computes its masked tiles too. Only for fp8 and fp4 runs; otherwise the attention core stays at the 16-bit rate. Default: false.",
            examples: [true],
          }),
        /** Megatron-Core --cuda-graph-impl full_iteration: the whole forward-backward replayed as one CUDA graph. */
        fullIterationCudaGraph: z
          .boolean()
          .optional()
          .meta({
            description:
              'Capture the whole forward-backward iteration as one CUDA graph (Megatron-Core --cuda-graph-impl full_iteration, Megatron-Bridge cuda_graph_impl="full_iteration"). The host then launches nothing per layer and cannot wait on the dropless token counts, so the per-MoE-layer host cost (calibration.moeLayerOverheadSeconds and moeExpertOverheadSeconds per local expert) is gone. Default: false.',
            examples: [true],
          }),
        /** Megatron-Core --overlap-moe-expert-parallel-comm (Megatron-Bridge moe_a2a_overlap); default: the software stack's. */
        expertAllToAllOverlap: z
          .boolean()
          .optional()
          .meta({
            description:
              "Overlap the MoE all-to-all with another micro-batch's computation (Megatron-Core --overlap-moe-expert-parallel-comm, Megatron-Bridge moe_a2a_overlap; off by default in Megatron-Bridge's performance recipes). false puts dispatch and combine on the critical path. Default: the software stack's.",
            examples: [false],
          }),
        /** Megatron-Core --moe-token-dispatcher-type flex (DeepEP/HybridEP) vs alltoall; default: the software stack's. */
        expertDispatcher: z
          .enum(expertDispatchers)
          .optional()
          .meta({
            description:
              'How the MoE dispatcher crosses the scale-out network when an expert-parallel group spans several scale-up domains: "deduplicated" sends a token once to each other domain it is routed to and forwards it over NVLink there (DeepEP, HybridEP: Megatron-Core --moe-token-dispatcher-type flex); "all-to-all" sends one copy per routed expert (Megatron-Core alltoall, NCCL all-to-all). Default: the software stack\'s.',
            examples: ["all-to-all"],
          }),
      })
      .strict()
      .default({})
      .meta({ description: "Economics and facility overrides. Default {}.", examples: [{ powerUsageEffectiveness: 1.1 }] }),
    /** A price table (chip id → rental and purchase prices) over the catalog's defaults; options.usdPerChipHour wins over it. */
    prices: PriceTable.optional().meta({
      description: "A price table (chip id → rental and purchase prices) over the catalog's defaults. Default: the catalog's RunPod on-demand basis.",
      examples: [{ "h100-sxm": { rentalUsdPerChipHour: 2.5 } }],
    }),
  })
  .strict();
export type TrainScenarioInput = z.input<typeof TrainScenario>;
/** The stack a scenario without `software` assumes (src/catalog/training-stacks.ts). */
export { DEFAULT_TRAINING_STACK };
export type TrainScenario = z.output<typeof TrainScenario>;

export interface ResolvedTrain {
  scenario: TrainScenario;
  job: TrainJob;
  chip: Chip;
  system?: System;
  /** The plan fields the scenario fixed; the rest are searched or defaulted. */
  fixed: ParallelismInput;
}

/**
 * Peak FLOP/s of the attention core (QKᵀ, softmax·V): it runs in the run's own 16-bit format — fp16 in an
 * fp16 run, bf16 in a bf16 run — and in bf16 (else fp16) under fp8/fp4 GEMMs (Transformer Engine and
 * FlashAttention keep attention in 16 bits). Costing an fp16 run's attention at the bf16 peak made
 * Gaudi 3 (bf16 1,678 TFLOP/s, fp16 459) report an MFU above 1.
 */
export function attentionPeakFlops(chip: Chip, format: string, fallback: number): number {
  const d = chip.denseFlopsPerSecond;
  if (format === "fp16" || format === "bf16") return d[format] ?? fallback;
  return d.bf16 ?? d.fp16 ?? fallback;
}

function precisionRates(chip: Chip, precision: TrainPrecision, path: string, attentionKernel: AttentionKernel, fp8Attention = false) {
  const peak = chip.denseFlopsPerSecond[precision];
  if (peak === undefined) {
    const supported = (["fp16", "bf16", "fp8", "fp4"] as const).filter((p) => chip.denseFlopsPerSecond[p] !== undefined);
    throw new InputError({ path, value: JSON.stringify(precision), expected: `a precision ${chip.name} supports: ${supported.join(", ")}` });
  }
  const efficiency = chipGemmEfficiency(gemmEfficiency.value, chip);
  const low = precision === "fp8" || precision === "fp4";
  // FP8 attention (Transformer Engine fp8_dot_product_attention) runs the attention core faster than its 16-bit kernel, by the
  // measured forward and backward speed-ups (not the fp8 peak's 2×).
  const fp8 = fp8Attention && low && chip.denseFlopsPerSecond.fp8 !== undefined;
  const speedup = calibration.fp8AttentionSpeedup.value;
  const attentionPeak = attentionPeakFlops(chip, precision, peak) * (fp8 ? speedup.forward : 1);
  const backward = attentionKernel === "unfused" ? undefined : calibration.attentionBackwardRelativeRate.value[attentionKernel] * (fp8 ? speedup.backward / speedup.forward : 1);
  return {
    peak,
    rates: {
      gemmFlopsPerSecond: peak,
      gemmEfficiency: trainGemmEfficiency(efficiency, precision),
      attentionFlopsPerSecond: attentionPeak,
      attentionEfficiency: attentionEfficiencyOf(attentionKernel, chip),
      ...(chip.exponentialsPerSecond !== undefined ? { attentionExponentialsPerSecond: chip.exponentialsPerSecond } : {}),
      ...(backward === undefined ? {} : { attentionBackwardRelative: backward, attentionFixedKeys: calibration.attentionFixedKeys.value }),
      gemmOperandBytes: precision === "fp8" ? 1 : precision === "fp4" ? 0.5 : 2,
      memoryBytesPerSecond: chip.memoryBytesPerSecond,
      memoryEfficiency: calibration.memoryBandwidthEfficiency.value,
      gemmHalfEfficiencyDim: calibration.gemmHalfEfficiencyDim.value,
    },
  };
}

/** Median host overhead per chip over the catalog's systems, as a fraction of chip TDP (fallback for chips without one). */
function hostOverheadFraction(): number {
  const ratios = systems
    .map((s) => {
      const c = chipById.get(s.chipId);
      return c ? s.hostOverheadWattsPerChip / c.tdpWatts : undefined;
    })
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  return ratios.length ? ratios[Math.floor(ratios.length / 2)] : 0.3;
}

export function resolveTrainHardware(
  chip: Chip,
  count: number,
  precision: TrainPrecision,
  system: System | undefined,
  options: TrainScenario["options"],
  powerLimitWatts?: number,
): TrainHardware {
  const { peak, rates: nominal } = precisionRates(chip, precision, "precision", options.attentionKernel ?? "flash", options.fp8Attention ?? false);
  // A power cap below TDP lowers the sustained clock, hence compute rates (not memory bandwidth).
  const chipPowerWatts = powerLimitWatts !== undefined && powerLimitWatts < chip.tdpWatts ? powerLimitWatts : chip.tdpWatts;
  const clock = (chipPowerWatts / chip.tdpWatts) ** calibration.clockPowerExponent.value;
  const rates = {
    ...nominal,
    gemmFlopsPerSecond: nominal.gemmFlopsPerSecond * clock,
    attentionFlopsPerSecond: nominal.attentionFlopsPerSecond * clock,
    ...(nominal.attentionExponentialsPerSecond !== undefined ? { attentionExponentialsPerSecond: nominal.attentionExponentialsPerSecond * clock } : {}),
  };
  const domain = Math.min(system?.scaleUpDomainChips ?? chip.scaleUpDomainChips, count);
  const up = system ? networkById.get(system.scaleUpNetworkId) : undefined;
  const out = system ? networkById.get(system.scaleOutNetworkId) : undefined;
  const efficiency = calibration.collectiveEfficiency.value;
  return {
    chipId: chip.id,
    chipName: chip.name,
    chipCount: count,
    memoryBytes: chip.memoryBytes,
    rates,
    peakFlopsPerSecond: peak,
    fabric: {
      scaleUpBytesPerSecond: chip.scaleUpBytesPerSecond * efficiency,
      scaleOutBytesPerSecond: chip.scaleOutBytesPerSecond * efficiency,
      scaleUpLatencySeconds: up?.latencySeconds ?? networkById.get("nvlink4")?.latencySeconds ?? 2e-6,
      scaleOutLatencySeconds: out?.latencySeconds ?? networkById.get("ib-ndr-400")?.latencySeconds ?? 5e-6,
      scaleUpDomainChips: domain,
    },
    chipPowerWatts,
    hostOverheadWattsPerChip: system?.hostOverheadWattsPerChip ?? chip.tdpWatts * hostOverheadFraction(),
    powerUsageEffectiveness: options.powerUsageEffectiveness ?? facilityDefaults.powerUsageEffectiveness,
    usdPerChipHour: options.usdPerChipHour ?? chip.rentalUsdPerChipHour,
    ...(system ? hostResources(system) : {}),
  };
}

/** Host memory and host link per chip (src/physics/offload.ts), when the system states all three figures. */
function hostResources(system: System): { host?: TrainHardware["host"] } {
  const { hostMemoryBytes, hostMemoryBytesPerSecond, hostLinkBytesPerSecond, chipsPerSystem } = system;
  if (hostMemoryBytes === undefined || hostMemoryBytesPerSecond === undefined || hostLinkBytesPerSecond === undefined) return {};
  const memoryBytesPerSecond = (hostMemoryBytesPerSecond / chipsPerSystem) * calibration.memoryBandwidthEfficiency.value;
  return {
    host: {
      memoryBytes: (hostMemoryBytes / chipsPerSystem) * calibration.hostMemoryUsableFraction.value,
      // Down- and up-going copies both stream through the host's DRAM: the link runs at most at half the chip's share of it.
      linkBytesPerSecond: Math.min(hostLinkBytesPerSecond * calibration.collectiveEfficiency.value, memoryBytesPerSecond / 2),
      memoryBytesPerSecond,
    },
  };
}

/** Bytes per weight, gradient and optimizer value for a training precision (ZeRO paper's mixed precision). */
export function stateBytes(precision: TrainPrecision): {
  weightBytesPerParameter: number;
  gradientBytesPerParameter: number;
  optimizerBytesPerParameter: number;
  activationBytesPerValue: number;
} {
  // fp8/fp4 training keeps bf16 weights and caches a low-precision copy for the GEMMs (Transformer Engine).
  const cached = precision === "fp8" ? 1 : precision === "fp4" ? 0.5 : 0;
  return { weightBytesPerParameter: 2 + cached, gradientBytesPerParameter: 2, optimizerBytesPerParameter: 12, activationBytesPerValue: 2 };
}

/** Runs each lookup and throws one InputError with every lookup's issues (so one typo never hides another). */
export function collectIssues<T extends unknown[]>(...lookups: { [K in keyof T]: () => T[K] }): T {
  const issues: InputIssue[] = [];
  const values = lookups.map((lookup) => {
    try {
      return lookup();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  });
  if (issues.length) throw new InputError(issues);
  return values as T;
}

/** Looks up a catalog id at a path, throwing InputError with suggestions when it is unknown. */
export type IdLookup = (id: string, path: string) => unknown;

/**
 * The catalog ids a raw scenario names (model, hardware.chip, hardware.system, and software when `software` says how
 * to look it up), checked even when the schema fails elsewhere, so a malformed field and an unknown id show together.
 */
function idIssues(input: unknown, software?: IdLookup): InputIssue[] {
  if (!input || typeof input !== "object") return [];
  const raw = input as { model?: unknown; software?: unknown; hardware?: { chip?: unknown; system?: unknown } };
  const issues: InputIssue[] = [];
  const check = (value: unknown, run: (id: string) => unknown) => {
    if (typeof value !== "string" || value.length > limits.idCharacters) return;
    try {
      run(value);
    } catch (error) {
      if (error instanceof InputError) issues.push(...error.issues);
      else throw error;
    }
  };
  check(raw.model, (id) => resolveModel(id, "model"));
  const hardware = raw.hardware && typeof raw.hardware === "object" ? raw.hardware : undefined;
  check(hardware?.chip, (id) => getChip(id, "hardware.chip"));
  check(hardware?.system, (id) => getSystem(id, "hardware.system"));
  if (software) check(raw.software, (id) => software(id, "software"));
  return issues;
}

/** A scenario's system id looked up with the other catalog ids (absent: none); whether it holds the chip is checked once the chip is known. */
export function lookupSystemId(id: string | undefined): unknown {
  return id === undefined ? undefined : getSystem(id, "hardware.system");
}

/** Parse a scenario with `schema`; a failure also lists unknown catalog ids, so every problem shows at once. */
export function parseScenario<S extends z.ZodType>(schema: S, input: unknown, software?: IdLookup): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const extra = idIssues(input, software).filter((i) => !error.issues.some((j) => j.path === i.path));
    throw extra.length ? new InputError([...error.issues, ...extra]) : error;
  }
}

/** A stack without a selective policy (selectiveRecompute "none") runs only "none" or "full", and no recompute modules. */
function stackRecomputeIssues(parallelism: ParallelismInput, stack: TrainingStack): InputIssue[] {
  if (stack.selectiveRecompute !== "none") return [];
  const issues: InputIssue[] = [];
  if (parallelism.recompute === "selective")
    issues.push({
      path: "parallelism.recompute",
      value: '"selective"',
      expected: `"none" or "full": the ${stack.id} stack checkpoints whole layers or nothing (no selective recompute)`,
    });
  if (parallelism.recomputeModules)
    issues.push({
      path: "parallelism.recomputeModules",
      value: JSON.stringify(parallelism.recomputeModules),
      expected: `absent: the ${stack.id} stack has no selective recompute`,
    });
  return issues;
}

/** Megatron-Core's own checks on recompute_modules (TransformerConfig.__post_init__): selective granularity, MLA for mla_up_proj, MoE for the MoE modules. */
function recomputeModuleIssues(parallelism: ParallelismInput, arch: Architecture): InputIssue[] {
  const recomputed = parallelism.recomputeModules;
  if (!recomputed) return [];
  const issues: InputIssue[] = [];
  const value = JSON.stringify(recomputed);
  const path = "parallelism.recomputeModules";
  if (parallelism.recompute !== undefined && parallelism.recompute !== "selective")
    issues.push({ path, value, expected: `absent with recompute "${parallelism.recompute}" (the modules refine selective recompute)` });
  if (recomputed.includes("mla_up_proj") && arch.attention.kind !== "mla") issues.push({ path, value, expected: "mla_up_proj only on a multi-latent-attention model" });
  const moeOnly = recomputed.filter((m) => m === "moe" || m === "moe_act" || m === "shared_experts");
  if (moeOnly.length && !arch.moe) issues.push({ path, value, expected: `${moeOnly.join(", ")} only on a model with MoE layers` });
  if (new Set(recomputed).size !== recomputed.length) issues.push({ path, value, expected: "each module once" });
  return issues;
}

/** Validate and resolve a train scenario (already-loaded model config objects only: no I/O here). */
export function resolveTrainScenario(input: unknown): ResolvedTrain {
  const scenario = parseScenario(TrainScenario, input, getTrainingStack);
  const [arch, chip, stack] = collectIssues<[Architecture, Chip, ReturnType<typeof getTrainingStack>, unknown]>(
    // The checks that need only the model run with the lookups, so they show with an unknown chip or stack.
    () => {
      const model = resolveModel(scenario.model, "model");
      const problems = recomputeModuleIssues(scenario.parallelism, model);
      if (problems.length) throw new InputError(problems);
      return model;
    },
    () => resolveChip(scenario.hardware.chip, "hardware.chip"),
    () => {
      const stack = getTrainingStack(scenario.software, "software");
      const problems = stackRecomputeIssues(scenario.parallelism, stack);
      if (problems.length) throw new InputError(problems);
      return stack;
    },
    () => lookupSystemId(scenario.hardware.system),
  );
  // options.expertAllToAllOverlap overrides the stack's default (a run flag in Megatron-Core, not a property of the stack).
  // options.expertDispatcher likewise (a run flag: --moe-token-dispatcher-type).
  const { expertAllToAllOverlap: a2a, expertDispatcher: dispatcher } = scenario.options;
  const software =
    a2a === undefined && dispatcher === undefined
      ? stack
      : { ...stack, ...(a2a !== undefined ? { expertAllToAllOverlap: a2a } : {}), ...(dispatcher !== undefined ? { expertDispatcher: dispatcher } : {}) };
  if (scenario.precision === "auto") {
    throw new InputError({ path: "precision", value: '"auto"', expected: 'a concrete precision here (planTrain resolves "auto" by trying bf16 and fp8)' });
  }
  const precision: TrainPrecision = scenario.precision;
  const system = referenceSystem(chip, scenario.hardware.system, "hardware.system");
  const cap = scenario.hardware.powerLimitWatts;
  // The clock–power law (calibration.clockPowerExponent) is a model of moderate caps; far below TDP it would
  // extrapolate clocks towards zero (and 5e-324 W to a NaN step).
  if (cap !== undefined && cap < 0.25 * chip.tdpWatts)
    throw new InputError({
      path: "hardware.powerLimitWatts",
      value: String(cap),
      expected: `at least a quarter of ${chip.name}'s ${chip.tdpWatts} W TDP (${0.25 * chip.tdpWatts} W)`,
    });
  checkPriceTable(scenario.prices);
  // The attention kernel sets the attention core's rate ("flash3" is faster only on chips with its asynchronous pipelines).
  const attentionKernel = scenario.options.attentionKernel ?? software.attentionKernel;
  const options = { ...scenario.options, attentionKernel, usdPerChipHour: scenario.options.usdPerChipHour ?? rentalPrice(chip, scenario.prices) };
  const hardware = resolveTrainHardware(chip, scenario.hardware.count, precision, system, options, scenario.hardware.powerLimitWatts);
  const { training } = scenario;
  const issues: InputIssue[] = [];
  if (training.sequenceLength > 4 * 1024 * 1024) issues.push({ path: "training.sequenceLength", value: String(training.sequenceLength), expected: "at most 4,194,304 tokens" });
  if (training.globalBatchTokens < training.sequenceLength) {
    issues.push({ path: "training.globalBatchTokens", value: String(training.globalBatchTokens), expected: `at least one sequence (${training.sequenceLength} tokens)` });
  }
  const parallelism = scenario.parallelism;
  if (parallelism.offloadActivationLayers !== undefined && parallelism.offloadActivations === false) {
    issues.push({
      path: "parallelism.offloadActivationLayers",
      value: String(parallelism.offloadActivationLayers),
      expected: "absent when offloadActivations is false (a layer count says how many layers offload)",
    });
  }
  const modules = parallelism.offloadActivationModules;
  if (modules) {
    // Megatron-Core's own checks (TransformerConfig.__post_init__, fine_grained_activation_offloading).
    const value = JSON.stringify(modules);
    const path = "parallelism.offloadActivationModules";
    if (parallelism.offloadActivations === false) issues.push({ path, value, expected: "absent when offloadActivations is false (the modules say what offloads)" });
    if (parallelism.offloadActivationLayers !== undefined)
      issues.push({ path, value, expected: "not together with offloadActivationLayers (Megatron-Core: fine-grained activation offloading cannot run with cpu_offloading)" });
    if (modules.includes("attn_proj") && !modules.includes("core_attn"))
      issues.push({ path, value, expected: "core_attn with attn_proj (Megatron-Core offloads the attention output only with its inputs)" });
    if (modules.includes("fused_group_mlp") && (modules.includes("expert_fc1") || modules.includes("moe_act")))
      issues.push({ path, value, expected: "fused_group_mlp alone, without expert_fc1 or moe_act (it offloads the whole fused expert MLP)" });
    if (new Set(modules).size !== modules.length) issues.push({ path, value, expected: "each module once" });
  }
  const recomputed = parallelism.recomputeModules;
  if (issues.length) throw new InputError(issues);
  const job: TrainJob = {
    arch,
    hardware,
    precision,
    tokens: training.tokens,
    sequenceLength: training.sequenceLength,
    globalBatchTokens: training.globalBatchTokens,
    ...(training.multiTokenPredictionLayers ? { multiTokenPredictionLayers: training.multiTokenPredictionLayers } : {}),
    ...stateBytes(precision),
    runtimeReserveBytes: calibration.runtimeReserveBytes.value,
    attentionKernel,
    ...(scenario.options.fullIterationCudaGraph ? { fullIterationCudaGraph: true } : {}),
    ...(scenario.options.fp8Attention && (precision === "fp8" || precision === "fp4") ? { fp8Attention: true } : {}),
    ...(scenario.options.pipelineSplitCountsEmbeddingAndLoss ? { pipelineSplitCountsEmbeddingAndLoss: true } : {}),
    software,
    tensorParallelExposedFraction: calibration.tensorParallelExposedFraction.value,
    microBatchOverheadSeconds: calibration.microBatchOverheadSeconds.value,
    expertParallelExposedFraction: calibration.expertParallelExposedFraction.value,
    moeLayerOverheadSeconds: calibration.moeLayerOverheadSeconds.value,
    moeExpertOverheadSeconds: calibration.moeExpertOverheadSeconds.value,
    groupedGemmHalfEfficiencyDim: calibration.groupedGemmHalfEfficiencyDim.value,
    syncJitterCoefficient: calibration.syncJitterCoefficient.value,
    communicationSmShare: calibration.communicationSmShare.value,
  };
  // A layer count or a module list implies offload.
  const offloadFixed = parallelism.offloadActivationLayers !== undefined || modules ? { ...parallelism, offloadActivations: true } : parallelism;
  const fixed: ParallelismInput = recomputed ? { ...offloadFixed, recompute: "selective" } : offloadFixed;
  return { scenario, job, chip, system, fixed };
}

/**
 * Check a complete plan against the job's constraints; returns the first violated one as an issue list
 * (empty when valid). Used for user-fixed plans and, in the planner, to reject candidates.
 */
export function planIssues(job: TrainJob, plan: ParallelPlan): InputIssue[] {
  const arch = job.arch;
  const issues: InputIssue[] = [];
  const chips = plan.tp * plan.pp * plan.dp * plan.cp;
  const heads = arch.attention.numHeads;
  const kvHeads = arch.attention.kind === "gqa" ? arch.attention.numKvHeads : heads;
  if (chips !== job.hardware.chipCount) {
    issues.push({
      path: "parallelism",
      value: `tp·pp·dp·cp = ${plan.tp}·${plan.pp}·${plan.dp}·${plan.cp} = ${chips}`,
      expected: `a plan that uses exactly hardware.count = ${job.hardware.chipCount} chips${chips > job.hardware.chipCount ? " (the plan needs more chips than the cluster has)" : ""}`,
      code: "plan-chip-count",
      params: { count: String(job.hardware.chipCount), used: String(chips) },
    });
  }
  if (heads % plan.tp !== 0)
    issues.push({ path: "parallelism.tp", value: String(plan.tp), expected: `a divisor of the ${heads} attention heads`, code: "tp-heads", params: { heads: String(heads) } });
  else if (kvHeads % plan.tp !== 0 && plan.tp % kvHeads !== 0)
    issues.push({
      path: "parallelism.tp",
      value: String(plan.tp),
      expected: `a divisor or a multiple of the ${kvHeads} key/value heads (a multiple replicates whole K/V heads across the TP shards)`,
    });
  if (plan.pp > arch.numLayers)
    issues.push({
      path: "parallelism.pp",
      value: String(plan.pp),
      expected: `at most the ${arch.numLayers} layers`,
      code: "pp-layers",
      params: { layers: String(arch.numLayers) },
    });
  if (job.pipelineSplitCountsEmbeddingAndLoss && plan.pp > 1) {
    // Megatron-Core asserts an even split of the L + 2 slots over the pp·v model chunks.
    const slots = arch.numLayers + 2;
    if (slots % (plan.pp * plan.virtualStages) !== 0)
      issues.push({
        path: "parallelism.virtualStages",
        value: String(plan.virtualStages),
        expected: `pp·virtualStages dividing the ${slots} pipeline slots (${arch.numLayers} layers + embedding + loss, options.pipelineSplitCountsEmbeddingAndLoss)`,
      });
  } else if (plan.pp * plan.virtualStages > arch.numLayers) {
    // Megatron-Bridge's Llama 3.1 405B recipe runs PP 16 × VP 8 over 126 layers by counting the embedding and the
    // loss as pipeline slots: say so where that would admit the plan.
    const slots = arch.numLayers + 2;
    const hint =
      slots % (plan.pp * plan.virtualStages) === 0 ? ` (or set options.pipelineSplitCountsEmbeddingAndLoss: the embedding and the loss as pipeline slots, ${slots} in all)` : "";
    issues.push({ path: "parallelism.virtualStages", value: String(plan.virtualStages), expected: `pp·virtualStages <= ${arch.numLayers} layers${hint}` });
  }
  if (plan.virtualStages > 1 && plan.pp === 1)
    issues.push({ path: "parallelism.virtualStages", value: String(plan.virtualStages), expected: "1 when pp = 1 (interleaving needs a pipeline)" });
  if (job.sequenceLength % (2 * plan.cp) !== 0 && plan.cp > 1) {
    issues.push({
      path: "parallelism.cp",
      value: String(plan.cp),
      expected: `a degree with sequenceLength (${job.sequenceLength}) divisible by 2·cp (load-balanced ring attention)`,
    });
  }
  const experts = arch.moe?.numExperts ?? 1;
  if (plan.ep > 1 && !arch.moe) issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: "1 for a dense model (no experts)" });
  else if (experts % plan.ep !== 0) issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `a divisor of the ${experts} experts` });
  else if ((plan.tp * plan.dp * plan.cp) % plan.ep !== 0)
    issues.push({
      path: "parallelism.ep",
      value: String(plan.ep),
      expected: `a divisor of tp·dp·cp = ${plan.tp * plan.dp * plan.cp} (the expert grid ETP·EP·EDP folds over attention's TP·DP·CP ranks)`,
    });
  if (plan.etp !== undefined && plan.etp !== 1 && plan.etp !== plan.tp)
    issues.push({ path: "parallelism.etp", value: String(plan.etp), expected: `1 or tp = ${plan.tp} (experts split like attention, or unsplit)` });
  else if (plan.etp !== undefined && plan.etp > 1 && (plan.dp * plan.cp) % plan.ep !== 0)
    issues.push({
      path: "parallelism.etp",
      value: String(plan.etp),
      expected: `1 when ep = ${plan.ep} does not divide dp·cp = ${plan.dp * plan.cp} (the expert grid then folds over the TP ranks)`,
    });
  const offload = offloadIssue(job, plan);
  if (offload)
    issues.push({
      path:
        plan.offloadOptimizer && job.hardware.host ? "parallelism.offloadOptimizer" : plan.offloadActivations ? "parallelism.offloadActivations" : "parallelism.offloadOptimizer",
      value: "true",
      expected: `false: ${offload}`,
    });
  const perReplica = job.sequenceLength * plan.microBatchSize * plan.dp;
  const microBatches = job.globalBatchTokens / perReplica;
  if (!Number.isInteger(microBatches) || microBatches < 1) {
    issues.push({
      path: "training.globalBatchTokens",
      value: String(job.globalBatchTokens),
      expected: `a multiple of sequenceLength·microBatchSize·dp = ${perReplica} (whole micro-batches per replica)`,
    });
  } else if (plan.virtualStages > 1 && plan.pp > 1 && microBatches % plan.pp !== 0) {
    // The search rejects these too: Megatron's interleaved schedule needs micro-batches in multiples of pp.
    issues.push({
      path: "parallelism.virtualStages",
      value: String(plan.virtualStages),
      expected: `1, or micro-batches per step (${microBatches}) a multiple of pp = ${plan.pp} (Megatron's interleaved schedule)`,
    });
  }
  return issues;
}
