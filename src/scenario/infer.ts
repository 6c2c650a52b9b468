/**
 * The infer scenario of docs/contract.md's contract: schema (single source of truth for CLI and API) and its
 * resolution into an `InferJob` plus the plan fields the user fixed.
 * @module
 */
import { z } from "zod";
import { getChip, getFormat, referenceSystem } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Chip, System } from "../catalog/schema.ts";
import { InputError, type InputIssue } from "../errors.ts";
import type { Architecture } from "../catalog/architecture.ts";
import { inferCalibration, inferGemmEfficiency } from "../catalog/infer-calibration.ts";
import { type InferHardware, type InferJob, type InferPlan, chipsPerReplica } from "../physics/infer.ts";
import { attentionPeakFlops, collectIssues, HardwareInput, limits, ModelInput, parseScenario, resolveTrainHardware } from "./train.ts";

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
  })
  .strict();
export type InferParallelismInput = z.infer<typeof InferParallelismInput>;

export const InferWorkloadInput = z
  .object({
    inputTokens: positiveInt.max(limits.sequenceTokens * 64),
    outputTokens: positiveInt.max(limits.sequenceTokens * 64),
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
    precision: InferPrecisionInput.default("bf16"),
    parallelism: InferParallelismInput.default({}),
    workload: InferWorkloadInput,
    options: z
      .object({ usdPerChipHour: z.number().positive().max(limits.usdPerChipHour).optional() })
      .strict()
      .default({}),
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

export type Workload =
  | { kind: "concurrency"; inputTokens: number; outputTokens: number; concurrency: number | "max" }
  | { kind: "rate"; inputTokens: number; outputTokens: number; requestsPerSecond: number };

export interface ResolvedInfer {
  scenario: InferScenario;
  job: InferJob;
  chip: Chip;
  precision: InferPrecision;
  workload: Workload;
  fixed: InferParallelismInput;
}

/** Chip rates for a precision; undefined (or an InputError when `path` is given) if the chip lacks the activation format. */
export function inferHardware(
  chip: Chip,
  count: number,
  precision: InferPrecision,
  system: System | undefined,
  usdPerChipHour: number | undefined,
  path?: string,
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
    gemmHalfEfficiencyDim: inferCalibration.gemmHalfEfficiencyDim.value,
    fabric: base.fabric,
    usdPerChipHour: base.usdPerChipHour,
  };
}

export function inferFormats(precision: InferPrecision) {
  return {
    weightBytesPerParameter: getFormat(precision.weights).bytesPerValue,
    kvBytesPerValue: getFormat(precision.kvCache).bytesPerValue,
    activationBytesPerValue: 2,
  };
}

/** A chip's default system (see referenceSystem in the catalog). */
export function defaultSystem(chip: Chip): System | undefined {
  return referenceSystem(chip);
}

export function resolveInferScenario(input: unknown): ResolvedInfer {
  const scenario = parseScenario(InferScenario, input);
  const [arch, chip] = collectIssues<[Architecture, Chip]>(
    () => resolveModel(scenario.model, "model"),
    () => getChip(scenario.hardware.chip, "hardware.chip"),
  );
  const system = referenceSystem(chip, scenario.hardware.system, "hardware.system");
  const precision = expandPrecision(scenario.precision);
  const hardware = inferHardware(
    chip,
    scenario.hardware.count,
    precision,
    system,
    scenario.options.usdPerChipHour,
    typeof scenario.precision === "string" ? "precision" : "precision.activations",
  ) as InferHardware;
  const w = scenario.workload;
  if (w.concurrency !== undefined && w.requestsPerSecond !== undefined) {
    throw new InputError({
      path: "workload.requestsPerSecond",
      value: String(w.requestsPerSecond),
      expected: "either workload.concurrency or workload.requestsPerSecond, not both",
    });
  }
  const workload: Workload =
    w.requestsPerSecond !== undefined
      ? { kind: "rate", inputTokens: w.inputTokens, outputTokens: w.outputTokens, requestsPerSecond: w.requestsPerSecond }
      : { kind: "concurrency", inputTokens: w.inputTokens, outputTokens: w.outputTokens, concurrency: w.concurrency ?? "max" };
  if (arch.maxContextTokens > 0 && w.inputTokens + w.outputTokens > arch.maxContextTokens) {
    throw new InputError({
      path: "workload.inputTokens",
      value: String(w.inputTokens),
      expected: `inputTokens + outputTokens within the model's context (${arch.maxContextTokens} tokens)`,
    });
  }
  const job: InferJob = { arch, hardware, formats: inferFormats(precision), inputTokens: w.inputTokens, outputTokens: w.outputTokens };
  return { scenario, job, chip, precision, workload, fixed: scenario.parallelism };
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
  else if (arch.moe && arch.moe.numExperts % plan.ep !== 0)
    issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `a divisor of the ${arch.moe.numExperts} experts` });
  else if (plan.ep % plan.tp !== 0 && plan.tp % plan.ep !== 0)
    issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `a divisor or multiple of tp = ${plan.tp}` });
  const replica = chipsPerReplica(plan);
  if (issues.length === 0 && count % replica !== 0) {
    issues.push({ path: "parallelism", value: `max(tp, ep)·pp = ${replica}`, expected: `a divisor of hardware.count = ${count} (whole replicas)` });
  }
  return issues;
}
