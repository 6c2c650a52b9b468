/**
 * The train scenario of docs/contract.md's contract: its schema (single source of truth for the CLI, the API
 * and the OpenAPI document), and its resolution into a `TrainJob` plus the part of the plan the user fixed.
 * @module
 */
import { z } from "zod";
import { calibration, gemmEfficiency } from "../catalog/calibration.ts";
import { facilityDefaults } from "../catalog/facility.ts";
import { chipById, getChip, networkById, referenceSystem, systems } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Chip, System } from "../catalog/schema.ts";
import { InputError, type InputIssue } from "../errors.ts";
import type { Architecture } from "../catalog/architecture.ts";
import type { ParallelPlan, TrainHardware, TrainJob, TrainPrecision } from "../physics/plan.ts";
import { parseQuantity } from "../units/parse.ts";
import { parseInput } from "./parse.ts";

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

/** Bound as people read it in a message: 1e7, 4194304. */
const shown = (n: number) => (Number.isInteger(Math.log10(n)) && n >= 1e5 ? n.toExponential().replace("e+", "e") : String(n));

/** A positive number up to `max`, or a string with an SI suffix ("15.6T", "16Mi"). */
export function quantityUpTo(max: number) {
  return z.union([z.number(), z.string().max(64)]).transform((value, ctx) => {
    const n = typeof value === "number" ? value : parseQuantity(value);
    if (n === undefined || !Number.isFinite(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: 'a positive number (e.g. 15.6e12 or "15.6T")' });
      return z.NEVER;
    }
    if (n > max) {
      ctx.addIssue({ code: "custom", message: `a positive number <= ${shown(max)}` });
      return z.NEVER;
    }
    return n;
  });
}

/** A positive number, or a string with an SI suffix ("15.6T", "16Mi"), at most 10¹⁶. */
export const Quantity = quantityUpTo(limits.tokens);

const positiveInt = z.number().int().positive();
/** A parallel degree: a positive integer no larger than the largest cluster. */
const degree = positiveInt.max(limits.chips);

/** A catalog id (chip, system, model): 1 to 256 characters. */
export const IdString = z.string().min(1).max(limits.idCharacters);

export const ModelInput = z.union([IdString, z.record(z.string().max(limits.idCharacters), z.unknown())]);

export const HardwareInput = z
  .object({
    /** Chip id from the catalog (`danlu catalog chips`). */
    chip: IdString,
    /** Number of chips (at most 10⁷). */
    count: positiveInt.max(limits.chips),
    /** Optional system id (node/rack) that sets the scale-up domain and host power. */
    system: IdString.optional(),
    /** Optional power cap per chip, watts (below TDP it lowers clocks: see calibration.clockPowerExponent). */
    powerLimitWatts: z.number().min(1).max(limits.chipWatts).optional(),
  })
  .strict();

export const ParallelismInput = z
  .object({
    tp: degree.optional(),
    pp: degree.optional(),
    dp: degree.optional(),
    cp: degree.optional(),
    ep: degree.optional(),
    zeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    microBatchSize: positiveInt.max(limits.microBatch).optional(),
    virtualStages: positiveInt.max(limits.virtualStages).optional(),
    recompute: z.enum(["none", "selective", "full"]).optional(),
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
    precision: TrainPrecisionInput.default("bf16"),
    training: z
      .object({
        tokens: Quantity,
        sequenceLength: positiveInt.max(limits.sequenceTokens),
        globalBatchTokens: quantityUpTo(limits.batchTokens),
      })
      .strict(),
    parallelism: ParallelismInput.default({}),
    /** Economics and facility overrides (extensions to the contract). */
    options: z
      .object({
        powerUsageEffectiveness: z.number().min(1).max(3).optional(),
        usdPerChipHour: z.number().positive().max(limits.usdPerChipHour).optional(),
        /** "flash" (default) or "unfused" (materialised s×s scores, as in Megatron before 2022). */
        attentionKernel: z.enum(["flash", "unfused"]).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type TrainScenarioInput = z.input<typeof TrainScenario>;
export type TrainScenario = z.output<typeof TrainScenario>;

export interface ResolvedTrain {
  scenario: TrainScenario;
  job: TrainJob;
  chip: Chip;
  system?: System;
  /** The plan fields the scenario fixed; the rest are searched or defaulted. */
  fixed: ParallelismInput;
}

const GB = 1e9;

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

function precisionRates(chip: Chip, precision: TrainPrecision, path: string) {
  const peak = chip.denseFlopsPerSecond[precision];
  if (peak === undefined) {
    const supported = (["fp16", "bf16", "fp8", "fp4"] as const).filter((p) => chip.denseFlopsPerSecond[p] !== undefined);
    throw new InputError({ path, value: JSON.stringify(precision), expected: `a precision ${chip.name} supports: ${supported.join(", ")}` });
  }
  const attentionPeak = attentionPeakFlops(chip, precision, peak);
  const efficiency = gemmEfficiency.value[chip.generation];
  const low = precision === "fp8" || precision === "fp4";
  return {
    peak,
    rates: {
      gemmFlopsPerSecond: peak,
      gemmEfficiency: low ? efficiency.fp8 : efficiency.bf16,
      attentionFlopsPerSecond: attentionPeak,
      attentionEfficiency: efficiency.bf16 * calibration.attentionCoreRelativeEfficiency.value,
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
  const { peak, rates: nominal } = precisionRates(chip, precision, "precision");
  // A power cap below TDP lowers the sustained clock, hence compute rates (not memory bandwidth).
  const chipPowerWatts = powerLimitWatts !== undefined && powerLimitWatts < chip.tdpWatts ? powerLimitWatts : chip.tdpWatts;
  const clock = (chipPowerWatts / chip.tdpWatts) ** calibration.clockPowerExponent.value;
  const rates = { ...nominal, gemmFlopsPerSecond: nominal.gemmFlopsPerSecond * clock, attentionFlopsPerSecond: nominal.attentionFlopsPerSecond * clock };
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

/** The catalog ids a raw scenario names (model, hardware.chip), checked even when the schema fails elsewhere. */
function idIssues(input: unknown): InputIssue[] {
  if (!input || typeof input !== "object") return [];
  const raw = input as { model?: unknown; hardware?: { chip?: unknown } };
  const issues: InputIssue[] = [];
  const check = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof InputError) issues.push(...error.issues);
      else throw error;
    }
  };
  if (typeof raw.model === "string" && raw.model.length <= limits.idCharacters) check(() => resolveModel(raw.model as string, "model"));
  const chip = raw.hardware && typeof raw.hardware === "object" ? raw.hardware.chip : undefined;
  if (typeof chip === "string" && chip.length <= limits.idCharacters) check(() => getChip(chip, "hardware.chip"));
  return issues;
}

/** Parse a scenario with `schema`; a failure also lists unknown catalog ids, so every problem shows at once. */
export function parseScenario<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const extra = idIssues(input).filter((i) => !error.issues.some((j) => j.path === i.path));
    throw extra.length ? new InputError([...error.issues, ...extra]) : error;
  }
}

/** Validate and resolve a train scenario (already-loaded model config objects only: no I/O here). */
export function resolveTrainScenario(input: unknown): ResolvedTrain {
  const scenario = parseScenario(TrainScenario, input);
  const [arch, chip] = collectIssues<[Architecture, Chip]>(
    () => resolveModel(scenario.model, "model"),
    () => getChip(scenario.hardware.chip, "hardware.chip"),
  );
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
  const hardware = resolveTrainHardware(chip, scenario.hardware.count, precision, system, scenario.options, scenario.hardware.powerLimitWatts);
  const { training } = scenario;
  const issues: InputIssue[] = [];
  if (training.sequenceLength > 4 * 1024 * 1024) issues.push({ path: "training.sequenceLength", value: String(training.sequenceLength), expected: "at most 4,194,304 tokens" });
  if (training.globalBatchTokens < training.sequenceLength) {
    issues.push({ path: "training.globalBatchTokens", value: String(training.globalBatchTokens), expected: `at least one sequence (${training.sequenceLength} tokens)` });
  }
  if (issues.length) throw new InputError(issues);
  const job: TrainJob = {
    arch,
    hardware,
    precision,
    tokens: training.tokens,
    sequenceLength: training.sequenceLength,
    globalBatchTokens: training.globalBatchTokens,
    ...stateBytes(precision),
    runtimeReserveBytes: calibration.runtimeReserveBytes.value,
    attentionKernel: scenario.options.attentionKernel ?? "flash",
    tensorParallelExposedFraction: calibration.tensorParallelExposedFraction.value,
    microBatchOverheadSeconds: calibration.microBatchOverheadSeconds.value,
  };
  return { scenario, job, chip, system, fixed: scenario.parallelism };
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
    });
  }
  if (heads % plan.tp !== 0) issues.push({ path: "parallelism.tp", value: String(plan.tp), expected: `a divisor of the ${heads} attention heads` });
  else if (kvHeads % plan.tp !== 0)
    issues.push({ path: "parallelism.tp", value: String(plan.tp), expected: `a divisor of the ${kvHeads} key/value heads (Megatron requires kv heads % tp == 0)` });
  if (plan.pp > arch.numLayers) issues.push({ path: "parallelism.pp", value: String(plan.pp), expected: `at most the ${arch.numLayers} layers` });
  if (plan.pp * plan.virtualStages > arch.numLayers) {
    issues.push({ path: "parallelism.virtualStages", value: String(plan.virtualStages), expected: `pp·virtualStages <= ${arch.numLayers} layers` });
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
  else if ((plan.dp * plan.cp) % plan.ep !== 0)
    issues.push({ path: "parallelism.ep", value: String(plan.ep), expected: `a divisor of dp·cp = ${plan.dp * plan.cp} (experts are sharded inside the data-parallel group)` });
  const perReplica = job.sequenceLength * plan.microBatchSize * plan.dp;
  const microBatches = job.globalBatchTokens / perReplica;
  if (!Number.isInteger(microBatches) || microBatches < 1) {
    issues.push({
      path: "training.globalBatchTokens",
      value: String(job.globalBatchTokens),
      expected: `a multiple of sequenceLength·microBatchSize·dp = ${perReplica} (whole micro-batches per replica)`,
    });
  }
  return issues;
}
