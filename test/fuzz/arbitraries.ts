/**
 * fast-check arbitraries that reach the planners: valid train and infer scenarios most of the time (catalog
 * models and chips, chip counts with whole plans, batches that split into whole micro-batches), and
 * targeted invalid ones (one field broken at a time, hostile sizes, wrong types). Shared by the property
 * tests (npm test) and the fuzzer (npm run fuzz).
 */
import fc from "fast-check";
import { chips } from "../../src/catalog/hardware.ts";
import { catalogModels } from "../../src/catalog/models.ts";

export const modelIds = catalogModels.map((m) => m.id);
/** Models small enough to plan quickly on a few chips (search cost grows with layers and divisors). */
export const quickModelIds = [
  "llama-3.1-8b",
  "llama-2-7b",
  "llama-2-13b",
  "qwen2.5-7b",
  "gpt-j-6b",
  "mixtral-8x7b",
  "megatron-gpt-1.7b",
  "llama-3.1-70b",
  "deepseek-v3",
  "llama-3.1-405b",
];
export const trainingChipIds = chips.filter((c) => c.denseFlopsPerSecond.bf16 !== undefined || c.denseFlopsPerSecond.fp16 !== undefined).map((c) => c.id);
export const chipIds = chips.map((c) => c.id);
export const tdpWatts: ReadonlyMap<string, number> = new Map(chips.map((c) => [c.id, c.tdpWatts]));

const pow2 = (min: number, max: number) => fc.integer({ min, max }).map((e) => 2 ** e);

export interface FixedPlan {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  zeroStage?: 0 | 1 | 2 | 3;
  microBatchSize?: number;
  recompute?: "none" | "selective" | "full";
}

export interface TrainCase {
  model: string;
  hardware: { chip: string; count: number; powerLimitWatts?: number };
  precision: "bf16" | "fp16" | "fp8" | "fp4" | "auto";
  training: { tokens: number; sequenceLength: number; globalBatchTokens: number };
  parallelism: Partial<FixedPlan>;
}

/**
 * A valid train scenario, its plan fully fixed (fast: one simulation) or, with probability `searchShare`,
 * left to the search (on ≤ 64 chips).
 */
export const trainScenarioWith = (searchShare: number): fc.Arbitrary<TrainCase> =>
  fc
    .record({
      model: fc.constantFrom(...quickModelIds),
      chip: fc.constantFrom(...trainingChipIds),
      precision: fc.constantFrom("bf16", "bf16", "fp8", "fp16", "auto", "fp4"),
      tp: pow2(0, 3),
      pp: pow2(0, 3),
      dp: pow2(0, 6),
      odd: fc.constantFrom(1, 1, 1, 3),
      sequenceLength: pow2(10, 14),
      microBatchSize: pow2(0, 2),
      microBatches: pow2(0, 5),
      tokens: fc.double({ min: 1e9, max: 1e14, noNaN: true }),
      fixed: fc.double({ min: 0, max: 1, noNaN: true }),
      zeroStage: fc.constantFrom(0, 1, 2, 3),
      recompute: fc.constantFrom("none", "selective", "full"),
    })
    .map((r): TrainCase => {
      const dp = r.dp * r.odd;
      const count = r.tp * r.pp * dp;
      const globalBatchTokens = r.sequenceLength * r.microBatchSize * dp * r.microBatches;
      const search = r.fixed < searchShare && count <= 64;
      const parallelism: Partial<FixedPlan> = search
        ? {}
        : { tp: r.tp, pp: r.pp, dp, cp: 1, zeroStage: r.zeroStage as 0 | 1 | 2 | 3, microBatchSize: r.microBatchSize, recompute: r.recompute as "none" };
      return {
        model: r.model,
        hardware: { chip: r.chip, count },
        precision: r.precision as TrainCase["precision"],
        training: { tokens: Math.round(r.tokens), sequenceLength: r.sequenceLength, globalBatchTokens },
        parallelism,
      };
    });

export const trainScenario = trainScenarioWith(0.25);

export interface InferCase {
  model: string;
  hardware: { chip: string; count: number };
  precision: string;
  parallelism: { tp?: number; pp?: number };
  workload: { inputTokens: number; outputTokens: number; concurrency?: number | "max"; requestsPerSecond?: number };
}

/** A valid infer scenario (fixed or searched plan; concurrency, "max" or a request rate). */
export const inferScenario: fc.Arbitrary<InferCase> = fc
  .record({
    model: fc.constantFrom(...quickModelIds),
    chip: fc.constantFrom(...chipIds),
    precision: fc.constantFrom("bf16", "fp8", "int4", "fp16", "fp4", "int8"),
    tp: pow2(0, 3),
    replicas: fc.constantFrom(1, 1, 2, 3),
    // Mostly within every catalog model's context (GPT-J: 2,048), sometimes up to 32K.
    inputTokens: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 1500 }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 32768 }), weight: 1 }),
    outputTokens: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 500 }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 4096 }), weight: 1 }),
    load: fc.oneof(fc.integer({ min: 1, max: 2048 }), fc.constant("max" as const), fc.double({ min: 0.01, max: 500, noNaN: true })),
    fixed: fc.boolean(),
  })
  .map(
    (r): InferCase => ({
      model: r.model,
      hardware: { chip: r.chip, count: r.tp * r.replicas },
      precision: r.precision,
      parallelism: r.fixed ? { tp: r.tp, pp: 1 } : {},
      workload: {
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        ...(typeof r.load === "number" && !Number.isInteger(r.load) ? { requestsPerSecond: r.load } : { concurrency: r.load }),
      },
    }),
  );

/** Values no field should accept. */
export const hostileValue = fc.oneof(
  fc.constantFrom(0, -1, -5, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 963761198400, 2 ** 53 + 2, 0.5, 1e-300, "", "0x10", "1e999", "NaN", "∞", null, true, [], {}),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double(),
);

/** Paths of the train scenario to break, one at a time. */
const trainPaths = [
  ["model"],
  ["hardware"],
  ["hardware", "chip"],
  ["hardware", "count"],
  ["hardware", "powerLimitWatts"],
  ["precision"],
  ["training"],
  ["training", "tokens"],
  ["training", "sequenceLength"],
  ["training", "globalBatchTokens"],
  ["parallelism", "tp"],
  ["parallelism", "pp"],
  ["parallelism", "dp"],
  ["parallelism", "ep"],
  ["parallelism", "microBatchSize"],
  ["parallelism", "virtualStages"],
  ["parallelism", "zeroStage"],
  ["options", "usdPerChipHour"],
  ["unknownKey"],
] as const;

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[path[path.length - 1]];
  else node[path[path.length - 1]] = value;
  return copy;
}

/** A valid train scenario with one field replaced by a hostile value or removed. */
export const brokenTrainScenarioWith = (searchShare: number): fc.Arbitrary<unknown> =>
  fc
    .tuple(trainScenarioWith(searchShare), fc.constantFrom(...trainPaths), fc.oneof(hostileValue, fc.constant(undefined)))
    .map(([s, path, value]) => setPath(s as unknown as Record<string, unknown>, path, value));

export const brokenTrainScenario = brokenTrainScenarioWith(0.25);

/** Inline Hugging Face configs with hostile sizes (the 1e300-layer attack and its kin). */
export const hostileConfigScenario: fc.Arbitrary<unknown> = fc
  .record({
    key: fc.constantFrom("num_hidden_layers", "hidden_size", "num_attention_heads", "num_key_value_heads", "intermediate_size", "vocab_size", "max_position_embeddings"),
    value: hostileValue,
  })
  .map(({ key, value }) => ({
    model: {
      model_type: "llama",
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      intermediate_size: 14336,
      vocab_size: 128256,
      [key]: value,
    },
    hardware: { chip: "h100-sxm", count: 8 },
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 },
    parallelism: { tp: 8, pp: 1, dp: 1, cp: 1 },
  }));
