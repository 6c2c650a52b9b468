/**
 * Inverse questions of size: the largest dense model (and the largest MoE at a given active/total ratio)
 * that a chip, a scale-up domain (node or rack) or N chips can train, and can serve at a given context.
 * Memory decides the upper bound, so these are memory questions:
 *  - trainable: some plan (any TP/PP/CP/DP/EP factorisation, ZeRO-3 or -2, full recompute, one sequence
 *    per micro-batch) fits `trainMemoryPerChip` — the search's least-memory corner;
 *  - servable: weights + the KV cache of one sequence at the context + the runtime reserve fit in the
 *    chips' memory, weights and cache sharded evenly (tensor parallel).
 * Models come from a Llama-3-shaped family (head 128, 8 KV heads, layers ≈ hidden/128, MLP 3.5 × hidden,
 * vocabulary 128,256: 4,096 → 32 layers (8B), 16,384 → 128 layers (≈405B)), searched by hidden size.
 * @module
 */
import { calibration } from "../catalog/calibration.ts";
import { getChip } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Architecture } from "../catalog/architecture.ts";
import { trainMemoryPerChip } from "../physics/memory.ts";
import type { ParallelPlan, TrainPrecision } from "../physics/plan.ts";
import { kvCacheBytesPerToken } from "../physics/kv-cache.ts";
import { parameterBreakdown } from "../physics/workload.ts";
import { planIssues, resolveTrainScenario } from "../scenario/train.ts";
import { divisors } from "./search.ts";

/** DeepSeek-V3's active/total parameter ratio (37B of 671B), the default MoE shape. */
export const defaultMoeActiveRatio = 37 / 671;
const hiddenStep = 16;
const maxHiddenSteps = 16_384; // hidden 262,144: far beyond any memory in the catalog

export type ModelKind = "dense" | "moe";

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Hugging Face config of the family member with this hidden size (dense, or MoE at `activeRatio`). */
export function familyConfig(hidden: number, kind: ModelKind = "dense", activeRatio = defaultMoeActiveRatio, numLayers?: number): Record<string, unknown> {
  const heads = Math.max(1, Math.round(hidden / 128));
  const kvHeads = gcd(heads, 8);
  const layers = numLayers ?? Math.max(1, Math.round(hidden / 128));
  const mlp = Math.max(hiddenStep, Math.round((3.5 * hidden) / hiddenStep) * hiddenStep);
  const base = {
    hidden_size: hidden,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    head_dim: 128,
    vocab_size: 128256,
    max_position_embeddings: 131072,
    tie_word_embeddings: false,
  };
  if (kind === "dense") return { model_type: "llama", ...base, intermediate_size: mlp };
  // Fine-grained experts: top-8 of E experts of width mlp/8, so the active MLP equals the dense one;
  // E follows from the ratio: (A + 8m) / (A + E·m) = ratio per layer (A attention, m one expert).
  const k = 8;
  const expertWidth = Math.max(hiddenStep, Math.round(mlp / k / hiddenStep) * hiddenStep);
  const attention = 2 * hidden * heads * 128 + 2 * hidden * kvHeads * 128;
  const expert = 3 * hidden * expertWidth;
  const experts = Math.max(k, Math.round(((attention + k * expert) / activeRatio - attention) / expert / k) * k);
  return { model_type: "mixtral", ...base, intermediate_size: expertWidth, num_local_experts: experts, num_experts_per_tok: k };
}

export function familyArchitecture(hidden: number, kind: ModelKind = "dense", activeRatio = defaultMoeActiveRatio, numLayers?: number): Architecture {
  return resolveModel(familyConfig(hidden, kind, activeRatio, numLayers), "model");
}

export interface CapacityAnswer {
  /** Total parameters of the largest family member that fits. */
  params: number;
  activeParams: number;
  hiddenSize: number;
  numLayers: number;
  numExperts?: number;
}

/**
 * Largest family member for which `fits` holds (fits assumed monotone in size); undefined if none does.
 * A first binary search over hidden size (layers follow it), then a second one keeping the layer count
 * found and widening only, which removes most of the step a layer adds (≈ 1/L of the model).
 */
function largest(kind: ModelKind, ratio: number, fits: (arch: Architecture) => boolean): CapacityAnswer | undefined {
  const search = (lo: number, hi: number, make: (steps: number) => Architecture, seed?: Architecture) => {
    let best = seed;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const arch = make(mid);
      if (fits(arch)) {
        lo = mid;
        best = arch;
      } else hi = mid;
    }
    return best;
  };
  const first = search(0, maxHiddenSteps + 1, (steps) => familyArchitecture(steps * hiddenStep, kind, ratio));
  if (!first) return undefined;
  const start = first.hiddenSize / hiddenStep;
  const wide = search(start, start + 256 / hiddenStep + 1, (steps) => familyArchitecture(steps * hiddenStep, kind, ratio, first.numLayers), first) ?? first;
  const best = parameterBreakdown(wide).total >= parameterBreakdown(first).total ? wide : first;
  const p = parameterBreakdown(best);
  return { params: p.total, activeParams: p.activePerToken, hiddenSize: best.hiddenSize, numLayers: best.numLayers, numExperts: best.moe?.numExperts };
}

export interface ServeOptions {
  contextTokens: number;
  /** Bytes per weight (2 for bf16, 1 for fp8, 0.5 for fp4). */
  weightBytesPerParameter?: number;
  /** Bytes per KV-cache value. */
  kvBytesPerValue?: number;
  /** Concurrent sequences at that context (default 1). */
  sequences?: number;
  kind?: ModelKind;
  moeActiveRatio?: number;
}

/** Bytes a served model needs in all: weights + KV cache of the sequences at the context. */
export function servingBytes(arch: Architecture, options: ServeOptions): number {
  const weights = parameterBreakdown(arch).total * (options.weightBytesPerParameter ?? 2);
  const kvPerToken = kvCacheBytesPerToken(arch, options.kvBytesPerValue ?? options.weightBytesPerParameter ?? 2);
  return weights + kvPerToken * options.contextTokens * (options.sequences ?? 1);
}

/** Largest model `chips` chips of `chipId` can serve at the context (memory only). */
export function largestServable(chipId: string, chips: number, options: ServeOptions): CapacityAnswer | undefined {
  const chip = getChip(chipId);
  const usable = chips * (chip.memoryBytes - calibration.runtimeReserveBytes.value);
  return largest(options.kind ?? "dense", options.moeActiveRatio ?? defaultMoeActiveRatio, (arch) => servingBytes(arch, options) <= usable);
}

export interface TrainCapacityOptions {
  contextTokens: number;
  precision?: TrainPrecision;
  kind?: ModelKind;
  moeActiveRatio?: number;
}

/** Whether any plan of the least-memory corner fits `chips` chips (ZeRO-3/2, full recompute, one sequence). */
export function anyTrainPlanFits(arch: Architecture, chipId: string, chips: number, contextTokens: number, precision: TrainPrecision = "bf16"): boolean {
  const { job } = resolveTrainScenario({
    model: "llama-3.1-8b",
    hardware: { chip: chipId, count: chips },
    precision,
    training: { tokens: 1e12, sequenceLength: contextTokens, globalBatchTokens: contextTokens * chips },
  });
  job.arch = arch;
  const ds = divisors(chips);
  const eps = arch.moe ? divisors(arch.moe.numExperts) : [1];
  for (const tp of ds)
    for (const pp of ds) {
      if (chips % (tp * pp) !== 0 || pp > arch.numLayers) continue;
      for (const cp of ds) {
        if (chips % (tp * pp * cp) !== 0) continue;
        const dp = chips / (tp * pp * cp);
        for (const ep of eps) {
          for (const zeroStage of [3, 2] as const) {
            const plan: ParallelPlan = { tp, pp, dp, cp, ep, zeroStage, microBatchSize: 1, virtualStages: 1, recompute: "full" };
            if (planIssues(job, plan).length) break;
            if (trainMemoryPerChip(job, plan).totalBytes <= job.hardware.memoryBytes) return true;
          }
        }
      }
    }
  return false;
}

/** Largest model `chips` chips of `chipId` can train at the context; undefined if even the smallest does not fit. */
export function largestTrainable(chipId: string, chips: number, options: TrainCapacityOptions): CapacityAnswer | undefined {
  return largest(options.kind ?? "dense", options.moeActiveRatio ?? defaultMoeActiveRatio, (arch) =>
    anyTrainPlanFits(arch, chipId, chips, options.contextTokens, options.precision ?? "bf16"),
  );
}

export interface CapacityRow {
  chip: string;
  memoryBytes: number;
  scope: string;
  chips: number;
  trainDense?: CapacityAnswer;
  trainMoe?: CapacityAnswer;
  serveDense?: CapacityAnswer;
  serveMoe?: CapacityAnswer;
}

export interface CapacityOptions {
  contextTokens: number;
  /** Scopes: "chip", "domain" (the chip's scale-up domain: node or rack), or a chip count. */
  scopes: Array<"chip" | "domain" | number>;
  trainPrecision?: TrainPrecision;
  serveWeightBytesPerParameter?: number;
  moeActiveRatio?: number;
}

/** One row per chip and scope. Chips without the training precision get no train answers. */
export function capacityRows(chipIds: readonly string[], options: CapacityOptions): CapacityRow[] {
  const rows: CapacityRow[] = [];
  for (const id of chipIds) {
    const chip = getChip(id);
    for (const scope of options.scopes) {
      const chips = scope === "chip" ? 1 : scope === "domain" ? chip.scaleUpDomainChips : scope;
      const label = scope === "chip" ? "1 chip" : scope === "domain" ? `scale-up domain (${chips})` : `${chips} chips`;
      const precision = options.trainPrecision ?? "bf16";
      const canTrain = chip.denseFlopsPerSecond[precision] !== undefined;
      const ratio = options.moeActiveRatio ?? defaultMoeActiveRatio;
      const serve = { contextTokens: options.contextTokens, weightBytesPerParameter: options.serveWeightBytesPerParameter ?? 2, moeActiveRatio: ratio };
      const train = { contextTokens: options.contextTokens, precision, moeActiveRatio: ratio };
      rows.push({
        chip: id,
        memoryBytes: chip.memoryBytes,
        scope: label,
        chips,
        trainDense: canTrain ? largestTrainable(id, chips, { ...train, kind: "dense" }) : undefined,
        trainMoe: canTrain ? largestTrainable(id, chips, { ...train, kind: "moe" }) : undefined,
        serveDense: largestServable(id, chips, { ...serve, kind: "dense" }),
        serveMoe: largestServable(id, chips, { ...serve, kind: "moe" }),
      });
    }
  }
  return rows;
}
