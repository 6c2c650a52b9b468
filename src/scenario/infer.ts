/**
 * The infer scenario of docs/contract.md's contract: schema (single source of truth for CLI and API) and its
 * resolution into an `InferJob` plus the plan fields the user fixed.
 * @module
 */
import { z } from "zod";
import { getFormat, referenceSystem, resolveChip } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Chip, System } from "../catalog/schema.ts";
import { InputError, type InputIssue } from "../errors.ts";
import type { Architecture } from "../catalog/architecture.ts";
import { inferCalibration, inferGemmEfficiency } from "../catalog/infer-calibration.ts";
import { type InferHardware, type InferJob, type InferPlan, chipsPerReplica } from "../physics/infer.ts";
import { parameterBreakdown } from "../physics/workload.ts";
import { DEFAULT_SERVING_ENGINE, type ServingEngine, getServingEngine } from "../catalog/serving-engines.ts";
import { checkPriceTable, PriceTable, rentalPrice } from "./prices.ts";
import { attentionPeakFlops, collectIssues, HardwareInput, limits, lookupSystemId, ModelInput, parseScenario, resolveTrainHardware } from "./train.ts";

const positiveInt = z.number().int().positive();

export const WeightFormat = z.enum(["fp16", "bf16", "fp8", "int8", "int4", "fp4"]);
export const ActivationFormat = z.enum(["fp16", "bf16", "fp8", "int8", "fp4"]);
export const KvCacheFormat = z.enum(["fp16", "bf16", "fp8", "int8", "fp4"]);
export type WeightFormat = z.infer<typeof WeightFormat>;
export type ActivationFormat = z.infer<typeof ActivationFormat>;
export type KvCacheFormat = z.infer<typeof KvCacheFormat>;

export const InferPrecisionInput = z.union([
  WeightFormat,
  z
    .object({
      weights: WeightFormat,
      activations: ActivationFormat.optional(),
      kvCache: KvCacheFormat.optional(),
    })
    .strict(),
]);

export const InferParallelismInput = z
  .object({
    tp: positiveInt.max(limits.chips).optional(),
    pp: positiveInt.max(limits.chips).optional(),
    ep: positiveInt.max(limits.chips).optional(),
    /** Data-parallel attention replicas inside a replica (DP-attention; with ep for wide-EP MoE): dp·tp = max(tp, ep). */
    dp: positiveInt.max(limits.chips).optional(),
  })
  .strict();
export type InferParallelismInput = z.infer<typeof InferParallelismInput>;

/** A length: a number (every request alike) or its mean and distribution (issue 12). */
export const LengthInput = z.union([
  positiveInt.max(limits.sequenceTokens * 64),
  z
    .object({
      mean: z
        .number()
        .finite()
        .positive()
        .max(limits.sequenceTokens * 64),
      distribution: z.enum(["fixed", "exponential", "lognormal"]).default("fixed"),
      /** Lognormal shape σ (of the log); default 0.8 (ShareGPT-like spread). */
      sigma: z.number().finite().positive().max(3).optional(),
    })
    .strict(),
]);
export type LengthInput = z.input<typeof LengthInput>;

/** A resolved length distribution. */
export interface LengthSpec {
  mean: number;
  distribution: "fixed" | "exponential" | "lognormal";
  sigma: number;
}

export function lengthSpec(x: z.output<typeof LengthInput>): LengthSpec {
  if (typeof x === "number") return { mean: x, distribution: "fixed", sigma: 0 };
  return { mean: x.mean, distribution: x.distribution, sigma: x.sigma ?? 0.8 };
}

/** Speculative decoding (Leviathan et al. 2023): γ draft tokens per verify step, each accepted with probability α. */
export const SpeculativeInput = z
  .object({
    method: z.enum(["draft", "mtp", "eagle", "ngram"]),
    draftTokens: positiveInt.max(16),
    acceptanceRate: z.number().finite().min(0).max(0.99),
    /** Draft model (catalog id or config) for method "draft". */
    draftModel: ModelInput.optional(),
  })
  .strict();
export type SpeculativeInput = z.infer<typeof SpeculativeInput>;

const PoolInput = z
  .object({
    chips: positiveInt.max(limits.chips),
    tp: positiveInt.max(limits.chips).optional(),
    pp: positiveInt.max(limits.chips).optional(),
    dp: positiveInt.max(limits.chips).optional(),
    ep: positiveInt.max(limits.chips).optional(),
  })
  .strict();

export const ServingInput = z
  .object({
    speculative: SpeculativeInput.optional(),
    /** Separate prefill and decode pools: true = searched split of hardware.count, or the two pools. */
    disaggregated: z.union([z.boolean(), z.object({ prefill: PoolInput, decode: PoolInput }).strict()]).optional(),
    /**
     * The engine's largest running batch per replica (TensorRT-LLM max_batch_size, vLLM max_num_seqs, SGLang
     * max_running_requests, MLPerf gpu_batch_size); absent: the KV pool and the engine's default limit decide.
     */
    maxBatchSize: positiveInt.max(1e6).optional(),
    /** Simulated requests for the latency percentiles (seeded discrete-event simulation). */
    simulatedRequests: positiveInt.min(50).max(20000).default(2000),
    seed: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 31 - 1)
      .default(1),
  })
  .strict();

export const InferWorkloadInput = z
  .object({
    inputTokens: LengthInput,
    outputTokens: LengthInput,
    /** Share of input tokens served from the prefix cache (their prefill is skipped; decode still reads them). */
    prefixCacheHitRate: z.number().finite().min(0).max(0.99).optional(),
    /** Running requests across the deployment, or "max": the largest batch that fits (offline throughput). */
    concurrency: z.union([positiveInt.max(1e9), z.literal("max")]).optional(),
    /** Arrival rate across the deployment (instead of concurrency). */
    requestsPerSecond: z.number().finite().positive().max(1e9).optional(),
  })
  .strict();

export const InferScenario = z
  .object({
    model: ModelInput,
    hardware: HardwareInput,
    /** Absent: the checkpoint's own format (quantization_config) where it has one, else bf16. */
    precision: InferPrecisionInput.optional(),
    parallelism: InferParallelismInput.default({}),
    workload: InferWorkloadInput,
    serving: ServingInput.default({ simulatedRequests: 2000, seed: 1 }),
    /** Latency targets for goodput (requests meeting both at the percentile). */
    slo: z
      .object({
        ttftSeconds: z.number().finite().positive().optional(),
        tpotSeconds: z.number().finite().positive().optional(),
        percentile: z.number().min(50).max(99.9).default(99),
      })
      .strict()
      .optional(),
    /** Serving engine (src/catalog/serving-engines.ts): trtllm (default), vllm, sglang. */
    software: z.string().max(limits.idCharacters).default(DEFAULT_SERVING_ENGINE),
    options: z
      .object({ usdPerChipHour: z.number().positive().max(limits.usdPerChipHour).optional() })
      .strict()
      .default({}),
    /** A price table (chip id → rental and purchase prices) over the catalog's defaults. */
    prices: PriceTable.optional(),
  })
  .strict();
export type InferScenarioInput = z.input<typeof InferScenario>;
export type InferScenario = z.output<typeof InferScenario>;

export interface InferPrecision {
  weights: WeightFormat;
  activations: ActivationFormat;
  kvCache: KvCacheFormat;
}

/** One string sets all three: int4 is weight-only (bf16 activations and cache), fp4 keeps an fp8 cache. */
export function expandPrecision(p: z.output<typeof InferPrecisionInput>): InferPrecision {
  if (typeof p === "string") {
    return {
      weights: p,
      activations: p === "int4" ? "bf16" : p,
      kvCache: p === "int4" ? "bf16" : p === "fp4" ? "fp8" : p,
    };
  }
  const activations = p.activations ?? (p.weights === "int4" ? "bf16" : p.weights === "fp4" ? "fp4" : p.weights);
  return { weights: p.weights, activations, kvCache: p.kvCache ?? (activations === "fp4" ? "fp8" : activations) };
}

interface WorkloadShape {
  inputTokens: number;
  outputTokens: number;
  inputLength: LengthSpec;
  outputLength: LengthSpec;
  prefixCacheHitRate: number;
}
export type Workload = (WorkloadShape & { kind: "concurrency"; concurrency: number | "max" }) | (WorkloadShape & { kind: "rate"; requestsPerSecond: number });

export interface ResolvedInfer {
  scenario: InferScenario;
  engine: ServingEngine;
  job: InferJob;
  chip: Chip;
  precision: InferPrecision;
  workload: Workload;
  fixed: InferParallelismInput;
  /** Set when the precision was not given and the checkpoint's own format was used (its description). */
  nativeWeights?: string;
}

/** Chip rates for a precision; undefined (or an InputError when `path` is given) if the chip lacks the activation format. */
export function inferHardware(
  chip: Chip,
  count: number,
  precision: InferPrecision,
  system: System | undefined,
  usdPerChipHour: number | undefined,
  path?: string,
  engine: ServingEngine = getServingEngine(DEFAULT_SERVING_ENGINE),
): InferHardware | undefined {
  const peak = chip.denseFlopsPerSecond[precision.activations];
  if (peak === undefined) {
    if (path === undefined) return undefined;
    const supported = (["fp16", "bf16", "fp8", "int8", "fp4"] as const).filter((p) => chip.denseFlopsPerSecond[p] !== undefined);
    throw new InputError({ path, value: JSON.stringify(precision.activations), expected: `an activation format ${chip.name} computes in: ${supported.join(", ")}` });
  }
  const sixteen = chip.denseFlopsPerSecond.bf16 ? "bf16" : chip.denseFlopsPerSecond.fp16 ? "fp16" : undefined;
  const base = resolveTrainHardware(chip, count, sixteen ?? "bf16", system, { usdPerChipHour });
  const eff = inferGemmEfficiency.value[chip.generation];
  const gemmEff = precision.activations === "fp4" ? eff.fp4 : precision.activations === "fp8" || precision.activations === "int8" ? eff.fp8 : eff.bf16;
  const attentionPeak = attentionPeakFlops(chip, precision.activations, peak);
  const fp8Peak = chip.denseFlopsPerSecond.fp8;
  const fp8Context = engine.fp8ContextAttention && precision.kvCache === "fp8" && fp8Peak !== undefined;
  return {
    chipId: chip.id,
    chipName: chip.name,
    chipCount: count,
    memoryBytes: chip.memoryBytes,
    memoryBytesPerSecond: chip.memoryBytesPerSecond,
    gemmFlopsPerSecond: peak,
    gemmEfficiency: gemmEff,
    attentionFlopsPerSecond: attentionPeak,
    attentionEfficiency: inferCalibration.attentionEfficiency.value,
    ...(fp8Context ? { contextAttentionFlopsPerSecond: fp8Peak } : {}),
    ...(chip.exponentialsPerSecond !== undefined ? { attentionExponentialsPerSecond: chip.exponentialsPerSecond } : {}),
    gemmHalfEfficiencyDim: inferCalibration.gemmHalfEfficiencyDim.value,
    fabric: base.fabric,
    usdPerChipHour: base.usdPerChipHour,
  };
}

/**
 * Bytes per parameter of a checkpoint stored in its native format: the quantized scope (linear layers, or only
 * the routed experts for GPT-OSS's MXFP4) at that format, embeddings, head, norms and router at bf16.
 */
export function nativeWeightBytesPerParameter(arch: Architecture): number | undefined {
  const native = arch.nativeWeights;
  if (!native) return undefined;
  const p = parameterBreakdown(arch);
  const quantized = native.scope === "routed-experts" ? p.routedExperts : p.total - p.embedding - p.outputHead - p.norms - p.router;
  const bytes = native.format === "fp4" ? mxfp4BytesPerValue : getFormat(native.format).bytesPerValue;
  return (quantized * bytes + (p.total - quantized) * 2) / p.total;
}

/** OCP MXFP4: 4-bit E2M1 values with one E8M0 scale byte per 32 = 0.5 + 1/32 bytes (the catalog's fp4 is NVFP4). */
const mxfp4BytesPerValue = 0.5 + 1 / 32;

/**
 * The precision a checkpoint runs at by default: its native weight format; activations in that format where
 * the chip computes in it (else bf16, weight-only as vLLM's Marlin kernels run FP8/MXFP4/int4 on older chips);
 * the KV cache in bf16 (vLLM's kv_cache_dtype "auto" = the model dtype).
 */
export function nativeInferPrecision(arch: Architecture, chip: Chip): InferPrecision | undefined {
  const format = arch.nativeWeights?.format;
  if (format !== "fp8" && format !== "fp4" && format !== "int4" && format !== "int8") return undefined;
  const sixteen = chip.denseFlopsPerSecond.bf16 !== undefined ? "bf16" : "fp16";
  const activations = format !== "int4" && chip.denseFlopsPerSecond[format] !== undefined ? format : sixteen;
  return { weights: format, activations, kvCache: sixteen };
}

export function inferFormats(precision: InferPrecision, weightBytesPerParameter?: number) {
  return {
    weightBytesPerParameter: weightBytesPerParameter ?? getFormat(precision.weights).bytesPerValue,
    kvBytesPerValue: getFormat(precision.kvCache).bytesPerValue,
    activationBytesPerValue: 2,
    gemmBytesPerValue: getFormat(precision.activations).bytesPerValue,
  };
}

/** A chip's default system (see referenceSystem in the catalog). */
export function defaultSystem(chip: Chip): System | undefined {
  return referenceSystem(chip);
}

export function resolveInferScenario(input: unknown): ResolvedInfer {
  const scenario = parseScenario(InferScenario, input, getServingEngine);
  const [arch, chip] = collectIssues<[Architecture, Chip, unknown, unknown]>(
    () => resolveModel(scenario.model, "model"),
    () => resolveChip(scenario.hardware.chip, "hardware.chip"),
    () => getServingEngine(scenario.software, "software"),
    () => lookupSystemId(scenario.hardware.system),
  );
  const system = referenceSystem(chip, scenario.hardware.system, "hardware.system");
  checkPriceTable(scenario.prices);
  const native = scenario.precision === undefined ? nativeInferPrecision(arch, chip) : undefined;
  const precision = native ?? expandPrecision(scenario.precision ?? "bf16");
  const engine = getServingEngine(scenario.software, "software");
  const hardware = inferHardware(
    chip,
    scenario.hardware.count,
    precision,
    system,
    scenario.options.usdPerChipHour ?? rentalPrice(chip, scenario.prices),
    typeof scenario.precision === "object" ? "precision.activations" : "precision",
    engine,
  ) as InferHardware;
  const w = scenario.workload;
  if (w.concurrency !== undefined && w.requestsPerSecond !== undefined) {
    throw new InputError({
      path: "workload.requestsPerSecond",
      value: String(w.requestsPerSecond),
      expected: "either workload.concurrency or workload.requestsPerSecond, not both",
    });
  }
  const inputLength = lengthSpec(w.inputTokens);
  const outputLength = lengthSpec(w.outputTokens);
  const shape = {
    inputTokens: Math.max(1, Math.round(inputLength.mean)),
    outputTokens: Math.max(1, Math.round(outputLength.mean)),
    inputLength,
    outputLength,
    prefixCacheHitRate: w.prefixCacheHitRate ?? 0,
  };
  const workload: Workload =
    w.requestsPerSecond !== undefined ? { ...shape, kind: "rate", requestsPerSecond: w.requestsPerSecond } : { ...shape, kind: "concurrency", concurrency: w.concurrency ?? "max" };
  if (arch.maxContextTokens > 0 && shape.inputTokens + shape.outputTokens > arch.maxContextTokens) {
    throw new InputError({
      path: "workload.inputTokens",
      value: String(shape.inputTokens),
      expected: `inputTokens + outputTokens within the model's context (${arch.maxContextTokens} tokens)`,
    });
  }
  const job: InferJob = {
    arch,
    hardware,
    formats: inferFormats(precision, native ? nativeWeightBytesPerParameter(arch) : undefined),
    inputTokens: shape.inputTokens,
    outputTokens: shape.outputTokens,
    ...(shape.prefixCacheHitRate > 0 ? { prefixCacheHitRate: shape.prefixCacheHitRate } : {}),
    ...(scenario.serving.maxBatchSize !== undefined ? { maxBatchSequences: scenario.serving.maxBatchSize } : {}),
    hostOverheadScale: engine.hostOverheadScale,
    kvMemory: engine.kvMemory,
    expertParallel: { fp8Dispatch: engine.fp8Dispatch, twoBatchOverlap: engine.twoBatchOverlap },
  };
  const spec = scenario.serving.speculative;
  if (spec) {
    if (spec.method === "draft" && spec.draftModel === undefined)
      throw new InputError({ path: "serving.speculative.draftModel", expected: 'a draft model (catalog id or config) for method "draft"' });
    const draftJob: InferJob | undefined =
      spec.method === "draft" && spec.draftModel !== undefined
        ? { ...job, arch: resolveModel(spec.draftModel, "serving.speculative.draftModel"), speculative: undefined, prefixCacheHitRate: undefined }
        : undefined;
    job.speculative = { method: spec.method, draftTokens: spec.draftTokens, acceptanceRate: spec.acceptanceRate, ...(draftJob ? { draftJob } : {}) };
  }
  return {
    scenario,
    engine,
    job,
    chip,
    precision,
    workload,
    fixed: scenario.parallelism,
    ...(native && arch.nativeWeights ? { nativeWeights: arch.nativeWeights.description } : {}),
  };
}

/** Constraint violations of a plan (empty when valid). */
export function inferPlanIssues(arch: Architecture, count: number, plan: Omit<InferPlan, "replicas">): InputIssue[] {
  const issues: InputIssue[] = [];
  const heads = arch.attention.numHeads;
  const kvHeads = arch.attention.kind === "gqa" ? arch.attention.numKvHeads : heads;
  if (heads % plan.tp !== 0) issues.push({ path: "parallelism.tp", value: String(plan.tp), expected: `a divisor of the ${heads} attention heads` });
  else if (kvHeads % plan.tp !== 0 && plan.tp % kvHeads !== 0)
    issues.push({ path: "parallelism.tp", value: String(plan.tp), expected: `a divisor or multiple of the ${kvHeads} key/value heads` });
  if (plan.pp > arch.numLayers) issues.push({ path: "parallelism.pp", value: String(plan.pp), expected: `at most the ${arch.numLayers} layers` });
  if (plan.ep > 1 && !arch.moe) issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: "1 for a dense model (no experts)" });
  else if (arch.moe && plan.ep > arch.moe.numExperts) issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `at most the ${arch.moe.numExperts} experts` });
  else if (plan.ep % plan.tp !== 0 && plan.tp % plan.ep !== 0)
    issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `a divisor or multiple of tp = ${plan.tp}` });
  const replica = chipsPerReplica(plan);
  if (issues.length === 0 && count % replica !== 0) {
    issues.push({ path: "parallelism", value: `max(tp, ep)·pp = ${replica}`, expected: `a divisor of hardware.count = ${count} (whole replicas)` });
  }
  return issues;
}
