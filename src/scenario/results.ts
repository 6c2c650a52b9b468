/**
 * Result schemas: what each question answers, as zod schemas for the OpenAPI document, the checked-in
 * JSON Schemas and a test that checks them against real outputs. Objects are open (a planner may add a
 * field before its schema names it); the fields named are required with their types. Over HTTP every
 * non-finite number is sent as null, so fields that can be unbounded (break-even months) are nullable.
 * @module
 */
import { z } from "zod";

const n = z.number();
const nullableNumber = z.number().nullable();
const numbers = <K extends string>(...names: K[]) => z.looseObject(Object.fromEntries(names.map((k) => [k, n])) as Record<K, typeof n>);

const source = z.looseObject({ ref: z.string().optional(), title: z.string().optional(), date: z.string().optional(), estimate: z.string().optional() });
const assumption = z.looseObject({ name: z.string(), value: z.union([n, z.string()]), source: source.optional() });

export const TrainParallelismResult = z.looseObject({
  tp: n,
  pp: n,
  dp: n,
  cp: n,
  ep: n,
  etp: n.optional(),
  zeroStage: n,
  microBatchSize: n,
  virtualStages: n,
  recompute: z.enum(["none", "selective", "full"]),
  recomputeModules: z
    .array(z.string())
    .optional()
    .meta({ description: "Selective recompute of exactly these Megatron-Core modules (parallelism.recomputeModules), when the scenario names them." }),
});

/** The timing of one plan (what the search ranks). */
const planTiming = {
  fits: z.boolean(),
  reason: z.string().optional(),
  parallelism: TrainParallelismResult,
  memoryPerChipBytes: n,
  memoryCapacityBytes: n,
  memoryBreakdownBytes: numbers("weightsBytes", "gradientsBytes", "optimizerBytes", "activationsBytes", "buffersBytes", "runtimeReserveBytes", "totalBytes"),
  microBatches: n,
  stepTimeSeconds: nullableNumber,
  breakdownSeconds: z.looseObject({ compute: nullableNumber, exposedCommunication: nullableNumber, pipelineBubble: nullableNumber, other: nullableNumber }),
  tokensPerSecond: nullableNumber,
  tokensPerSecondPerChip: nullableNumber,
  modelFlopsPerSecondPerChip: nullableNumber,
  mfu: nullableNumber,
  wallClockDays: nullableNumber,
  chipHours: nullableNumber,
  energyMegawattHours: nullableNumber,
  costUsd: nullableNumber.optional(),
};

export const TrainResultSchema = z.looseObject({
  model: z.string(),
  chip: z.string(),
  chipCount: n,
  precision: z.string(),
  software: z.string().optional().meta({ description: "The training software stack assumed (src/catalog/training-stacks.ts)." }),
  totalParameters: n,
  activeParameters: n,
  ...planTiming,
  goodput: nullableNumber.optional(),
  wallClockDaysWithGoodput: nullableNumber.optional(),
  search: z
    .looseObject({
      evaluated: n,
      considered: n,
      rejectedByReason: z.record(z.string(), n),
      top: z.array(z.looseObject({ parallelism: TrainParallelismResult, stepTimeSeconds: n, mfu: n, memoryPerChipBytes: n })),
    })
    .optional(),
});

const inferPrecision = z.looseObject({ weights: z.string(), activations: z.string(), kvCache: z.string() });
const inferParallelism = numbers("tp", "pp", "ep", "replicas");

export const InferResultSchema = z.looseObject({
  model: z.string(),
  chip: z.string(),
  chipCount: n,
  precision: inferPrecision,
  fits: z.boolean(),
  parallelism: inferParallelism,
  memoryPerChipBytes: n,
  memoryCapacityBytes: n,
  memoryBreakdownBytes: numbers("weightsBytes", "kvCacheBytes", "activationsBytes", "runtimeReserveBytes"),
  kvCacheBytesPerToken: n,
  maxConcurrency: n,
  ttftSeconds: nullableNumber,
  tpotSeconds: nullableNumber,
  outputTokensPerSecond: nullableNumber,
  outputTokensPerSecondPerChip: nullableNumber,
  requestsPerSecond: nullableNumber,
  usdPerMillionOutputTokens: nullableNumber.optional(),
});

export const SloResultSchema = z.looseObject({
  model: z.string(),
  requestsPerSecond: n,
  inputTokens: n,
  outputTokens: n,
  ttftTargetSeconds: n,
  tpotTargetSeconds: n,
  setups: z.array(
    z.looseObject({
      chip: z.string(),
      chipName: z.string(),
      chipCount: n,
      precision: inferPrecision,
      parallelism: inferParallelism,
      concurrencyPerReplica: n,
      ttftSeconds: n,
      tpotSeconds: n,
      outputTokensPerSecond: n,
      usdPerHour: n,
      usdPerMillionOutputTokens: n,
    }),
  ),
  infeasible: z.array(z.looseObject({ chip: z.string(), reason: z.string() })),
  /** With a request mix (issue 12 §6): each class on its cheapest chip kind, the whole mix's price. */
  mix: z
    .looseObject({
      classes: z.array(
        z.looseObject({
          name: z.string(),
          share: n,
          requestsPerSecond: n,
          inputTokens: n,
          outputTokens: n,
          ttftTargetSeconds: n,
          tpotTargetSeconds: n,
          setup: z.looseObject({ chip: z.string(), chipCount: n, usdPerHour: n }).optional(),
        }),
      ),
      chips: z.array(z.string()),
      usdPerHour: n,
      usdPerMillionOutputTokens: n,
      singleChip: z.looseObject({ chip: z.string(), usdPerHour: n, usdPerMillionOutputTokens: n }).optional(),
    })
    .optional(),
});

export const PowerResultSchema = z.looseObject({
  chip: z.string(),
  count: n,
  system: z.string().optional(),
  chipWatts: n,
  hostOverheadWattsPerChip: n,
  powerUsageEffectiveness: n,
  chipsPerRack: n,
  electricityUsdPerKilowattHour: n,
  usdPerHour: n,
  acceleratorWatts: n,
  itWatts: n,
  facilityWatts: n,
  facilityMegawatts: n,
  racks: n,
  kilowattsPerRack: n,
  cooling: z.string(),
  assumptions: z.array(assumption),
});

export const TcoResultSchema = z.looseObject({
  chip: z.string(),
  count: n,
  years: n,
  utilization: n,
  power: PowerResultSchema,
  perChip: z.looseObject({
    lifeHours: n,
    busyHours: n,
    ownedPerChipUsd: z.record(z.string(), n),
    ownedTotalPerChipUsd: n,
    ownedUsdPerChipHour: n,
    upfrontPerChipUsd: n,
    rentedOnDemandUsdPerChipHour: nullableNumber.optional(),
    rentedCommittedUsdPerChipHour: nullableNumber.optional(),
    breakEvenUtilizationOnDemand: nullableNumber.optional(),
    breakEvenUtilizationCommitted: nullableNumber.optional(),
    breakEvenMonthsOnDemand: nullableNumber.optional(),
    breakEvenMonthsCommitted: nullableNumber.optional(),
  }),
  cluster: z.looseObject({ ownedTotalUsd: n, upfrontUsd: n, rentedOnDemandPerYearUsd: nullableNumber.optional() }),
  checks: z.array(z.looseObject({ rule: z.string(), expected: z.string(), measured: nullableNumber, holds: z.boolean() })),
  assumptions: z.array(assumption),
});

export const ReliabilityResultSchema = z.looseObject({
  model: z.string(),
  chip: z.string(),
  chips: n,
  interruptionsPerHour: n,
  byComponentPerHour: z.record(z.string(), n),
  mtbfSeconds: n,
  checkpointBytes: n,
  checkpointWriteSeconds: n,
  optimalIntervalSeconds: n,
  intervalSeconds: n,
  restartSeconds: n,
  goodput: n,
  wasteFractions: numbers("checkpoint", "lostWork", "restart"),
  idealDays: n,
  expectedDays: n,
  expectedInterruptions: n,
  monteCarlo: numbers("trials", "seed", "p50Days", "p90Days", "meanDays", "meanInterruptions"),
  window: z.looseObject({ days: n, expectedInterruptions: n }),
});

const rankedPlan = z.looseObject({ ...planTiming, precision: z.enum(["fp16", "bf16", "fp8", "fp4"]) });

export const SearchResultSchema = z.looseObject({
  objective: z.enum(["fastest", "cheapest", "energy"]),
  considered: n,
  memoryChecked: n,
  evaluated: n,
  prunedDominated: n,
  rejectedByReason: z.record(z.string(), n),
  best: rankedPlan.optional(),
  top: z.array(rankedPlan),
});

export const DeadlineResultSchema = z.looseObject({
  /** False when no chip count up to maxChips meets the deadline. */
  met: z.boolean(),
  deadlineDays: n,
  chips: n.optional(),
  best: rankedPlan.optional(),
  fewerChips: n.optional(),
  fewerChipsDays: n.optional(),
  tried: n.optional(),
});

export const CompareResultSchema = z.array(
  z.looseObject({
    chip: z.string(),
    name: z.string(),
    runs: z.boolean(),
    reason: z.string().optional(),
    parallelism: z.string().optional(),
    days: n.optional(),
    idealDays: n.optional(),
    goodput: n.optional(),
    chipHours: n.optional(),
    mfu: n.optional(),
    megawattHours: n.optional(),
    facilityMegawatts: n.optional(),
    ownedUsd: n.optional(),
    rentedUsd: n.optional(),
  }),
);

const capacityAnswer = z.looseObject({ params: n, activeParams: n, hiddenSize: n, numLayers: n, numExperts: n.optional() }).optional();

export const CapacityResultSchema = z.looseObject({
  contextTokens: n,
  moeActiveRatio: n,
  rows: z.array(
    z.looseObject({
      chip: z.string(),
      memoryBytes: n,
      scope: z.string(),
      chips: n,
      trainDense: capacityAnswer,
      trainMoe: capacityAnswer,
      serveDense: capacityAnswer,
      serveMoe: capacityAnswer,
    }),
  ),
});

export const ForecastResultSchema = z.looseObject({
  baseYear: n,
  baseline: z.looseObject({ description: z.string(), costUsd: n, days: n, megawattHours: n }),
  trends: z.array(
    z.looseObject({
      metric: z.string(),
      label: z.string(),
      points: n,
      slopePerYear: n,
      intercept: n,
      doublingYears: nullableNumber.optional(),
      halvingYears: nullableNumber.optional(),
      annualFactor: n,
      rSquared: nullableNumber,
      chips: z.array(z.string()),
    }),
  ),
  projections: z.array(numbers("year", "costUsd", "days", "megawattHours", "modelScale")),
  lecture: z.array(z.looseObject({ claim: z.string(), lectureFactorPerYear: n, fittedFactorPerYear: n, metric: z.string(), rSquared: nullableNumber })),
});

/** The model question (issue 14): what a model is. */
export const ModelResultSchema = z.looseObject({ totalParameters: n, activeParameters: n });

/** Fine-tuning (issue 15). */
export const FinetuneResultSchema = z.looseObject({
  fits: z.boolean(),
  memoryPerChipBytes: n,
  totalParameters: n,
  trainableParameters: n,
  trainableFraction: n,
  stepTimeSeconds: n,
  tokensPerSecond: n,
  wallClockDays: n,
});

/** One RL post-training step (issue 15). */
export const RlResultSchema = z.looseObject({
  stepTimeSeconds: n,
  breakdownSeconds: numbers("rollout", "reference", "reward", "training", "weightSync"),
  shares: numbers("rollout", "reference", "reward", "training", "weightSync"),
});

/** The compute-optimal answer for a budget (issue 15). */
export const ScaleResultSchema = z.looseObject({ parameters: n, tokens: n, computeFlops: n, predictedLoss: n });
