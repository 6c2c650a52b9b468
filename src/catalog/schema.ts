/**
 * The catalog's single source of truth: zod schemas from which the TypeScript types are inferred.
 * Every number in an entry carries a source (a `sources` map from field path to citation);
 * `checkSourced` enforces it at load time and in tests.
 * @module
 */
import { z } from "zod";

/** A citation for one figure: where it was read, when, and — for figures no vendor published — why we estimate it. */
export const Source = z
  .object({
    /** URL, or `document + table/section`. */
    ref: z.string().min(3),
    /** Short human title of the source. */
    title: z.string().min(3),
    /** Date the source was published or read (YYYY or YYYY-MM or YYYY-MM-DD). */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    /** Present only when the figure is not published by the vendor: the reasoning behind the estimate. */
    estimate: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Field path (dot-separated, e.g. `denseFlopsPerSecond.bf16`) → citation. `"*"` covers any field not listed. */
export const Sources = z.record(z.string(), Source);
export type Sources = z.infer<typeof Sources>;

export const NumberFormatId = z.enum(["fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4"]);
export type NumberFormatId = z.infer<typeof NumberFormatId>;

/** Formats a chip can run matrix math in (int4 has no dense-FLOP/s figure in vendor tables, so it is weights-only). */
export const ComputeFormatId = z.enum(["fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8"]);
export type ComputeFormatId = z.infer<typeof ComputeFormatId>;

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

/** Chip generation: the unit at which achievable GEMM efficiency is calibrated (see calibration.ts). */
export const ChipGeneration = z.enum([
  "nvidia-ampere",
  "nvidia-hopper",
  "nvidia-blackwell",
  "nvidia-ada",
  "amd-cdna2",
  "amd-cdna3",
  "amd-cdna4",
  "google-tpu",
  "intel-gaudi",
  "microsoft-maia",
  "aws-trainium",
]);
export type ChipGeneration = z.infer<typeof ChipGeneration>;

export const Chip = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string(),
    vendor: z.string(),
    generation: ChipGeneration,
    releaseYear: z.number().int().min(2015).max(2030),
    use: z.enum(["training", "inference", "both"]),
    /** Usable device memory (HBM or GDDR), bytes. */
    memoryBytes: positive,
    memoryBytesPerSecond: positive,
    /** Dense (no sparsity) peak FLOP/s (int8: OP/s) per supported format; absent = unsupported. */
    denseFlopsPerSecond: z
      .object({
        fp32: positive.optional(),
        tf32: positive.optional(),
        bf16: positive.optional(),
        fp16: positive.optional(),
        fp8: positive.optional(),
        fp6: positive.optional(),
        fp4: positive.optional(),
        int8: positive.optional(),
      })
      .strict(),
    /**
     * Peak softmax exponentials per second (the special-function units' MUFU.EX2 rate, all SMs); absent = not modelled
     * (attention then runs at its tensor-core rate alone).
     */
    exponentialsPerSecond: positive.optional(),
    /** Thermal design / board power, watts. */
    tdpWatts: positive,
    /** Scale-up (NVLink, Infinity Fabric, ICI, ...) bandwidth per chip, ONE direction, bytes/s. */
    scaleUpBytesPerSecond: positive,
    /** Chips in one scale-up domain in the reference system (8 on HGX, 72 on NVL72). */
    scaleUpDomainChips: z.number().int().positive(),
    /** Scale-out (NIC) bandwidth per chip, one direction, bytes/s. */
    scaleOutBytesPerSecond: positive,
    /** Indicative rental price, USD per chip-hour (on-demand or marketplace; see source). */
    rentalUsdPerChipHour: positive.optional(),
    /** Indicative purchase price of one accelerator, USD. */
    purchaseUsd: positive.optional(),
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type Chip = z.infer<typeof Chip>;

export const System = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string(),
    chipId: z.string(),
    /** Accelerators per node / rack / slice. */
    chipsPerSystem: z.number().int().positive(),
    /** Chips sharing one scale-up domain inside the system. */
    scaleUpDomainChips: z.number().int().positive(),
    /** Network id used for scale-up inside the system. */
    scaleUpNetworkId: z.string(),
    /** Network id used between systems. */
    scaleOutNetworkId: z.string(),
    /** Whole-system power at load (chips + host + fans + NICs), watts. */
    systemPowerWatts: positive,
    /** Power of everything but the accelerators, per chip, watts (derived from the system figure). */
    hostOverheadWattsPerChip: nonNegative,
    cooling: z.enum(["air", "liquid"]),
    /** Host (CPU) memory of the whole system, bytes: where activations and optimizer state can be offloaded. Absent: unknown, no offload. */
    hostMemoryBytes: positive.optional(),
    /** Host (CPU) memory bandwidth of the whole system, bytes/s (what a host-side Adam step streams at). */
    hostMemoryBytesPerSecond: positive.optional(),
    /** Accelerator-to-host link per accelerator, ONE direction, bytes/s (PCIe, NVLink-C2C). */
    hostLinkBytesPerSecond: positive.optional(),
    purchaseUsd: positive.optional(),
    rackUnits: positive.optional(),
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type System = z.infer<typeof System>;

export const Network = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string(),
    kind: z.enum(["scale-up", "scale-out", "host"]),
    /** Per link/port, one direction, bytes/s. */
    linkBytesPerSecond: positive,
    /** End-to-end small-message latency of one hop through the fabric (NIC/port + switch), seconds. */
    latencySeconds: positive,
    /** Switch traversal latency, seconds (0 for switchless links). */
    switchLatencySeconds: nonNegative,
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type Network = z.infer<typeof Network>;

export const NumberFormat = z
  .object({
    id: NumberFormatId,
    name: z.string(),
    /** Storage bytes per value, including amortised block/group scales where the format needs them. */
    bytesPerValue: positive,
    /** Which compute format the chip's tensor cores use for it (int4 weights are dequantised to fp8/bf16). */
    computeAs: ComputeFormatId,
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type NumberFormat = z.infer<typeof NumberFormat>;

/**
 * A catalog model: a Hugging Face config.json (verbatim keys) plus its id and sources.
 * The architecture is derived from `config` by `parseHfConfig` (workload/hf-config.ts).
 */
export const CatalogModel = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string(),
    config: z.record(z.string(), z.unknown()),
    /** Published parameter count (total), for cross-checking the count derived from the config. */
    publishedParameters: positive.optional(),
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type CatalogModel = z.infer<typeof CatalogModel>;

/** Every numeric leaf of `entry` (outside `sources`) must have a citation under its path or `"*"`. */
export function unsourcedFields(entry: Record<string, unknown>): string[] {
  const sources = (entry.sources ?? {}) as Record<string, unknown>;
  if ("*" in sources) return [];
  const missing: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "number") {
      const covered = Object.keys(sources).some((key) => path === key || path.startsWith(`${key}.`));
      if (!covered) missing.push(path);
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  for (const [k, v] of Object.entries(entry)) if (k !== "sources" && k !== "config") walk(v, k);
  return missing;
}
