/**
 * Per-job constants of the training physics — parameter counts, widths, FLOPs and activation bytes
 * that do not depend on the plan — computed once per job and cached, so a plan evaluation does only
 * plan-dependent arithmetic (the search evaluates hundreds of thousands of plans per job).
 * @module
 */
import type { ParallelPlan, Recompute, RecomputeModule, TrainJob } from "./plan.ts";
import {
  activationBytesPerTokenPerLayer,
  attentionParameters,
  attentionWidths,
  forwardFlopsPerToken,
  type ForwardFlopsPerToken,
  type LayerTensorWidths,
  layerTensorWidths,
  attentionLayerShare,
  meanAttendedKeysPerLayer,
  mlpParameters,
  moeLayers,
  type ParameterBreakdown,
  parameterBreakdown,
} from "./workload.ts";

export interface JobConstants {
  params: ParameterBreakdown;
  forward: ForwardFlopsPerToken;
  sparseLayers: number;
  attentionParameters: number;
  denseMlpParameters: number;
  expertMlpParameters: number;
  sharedMlpParameters: number;
  dense: LayerTensorWidths;
  moe: LayerTensorWidths;
  /** Attention core widths (heads, d_qk, d_v). */
  heads: number;
  qk: number;
  v: number;
  /** Mean keys a query attends, averaged over full-attention and sliding-window layers. */
  meanAttendedKeys: number;
  /** The same with every sliding window ignored (each attention layer at its full causal mean). */
  meanAttendedKeysUnwindowed: number;
  /** Share of the layers that run attention (the per-query fixed cost of the attention kernel is paid in those). */
  attentionLayerShare: number;
  /** Activation bytes per token per layer before dividing by tp, by recompute mode. */
  activationDense: Record<Recompute, number>;
  activationMoe: Record<Recompute, number>;
  /** Bytes per value of a linear layer's saved input (the GEMM format where the stack keeps it quantized, else the activation format). */
  savedInputBytes: number;
}

const cache = new WeakMap<TrainJob, JobConstants>();
/**
 * The constants depend only on the architecture, the sequence length, the activation format and the saved-input format, so jobs that share
 * those (the refit re-times one job under thousands of candidate rates, each a new TrainJob) share one entry.
 */
const byArchitecture = new WeakMap<TrainJob["arch"], Map<string, JobConstants>>();

export function jobConstants(job: TrainJob): JobConstants {
  const hit = cache.get(job);
  if (hit) return hit;
  const arch = job.arch;
  // Linear layers keep their fp8/fp4 input for backward where the stack does (Transformer Engine; the default stack).
  const gemmBytes = job.hardware.rates.gemmOperandBytes;
  const savedInputBytes = (job.software === undefined || job.software.quantizedSavedInputs) && gemmBytes < job.activationBytesPerValue ? gemmBytes : job.activationBytesPerValue;
  const key = `${job.sequenceLength}|${job.activationBytesPerValue}|${savedInputBytes}`;
  let shared = byArchitecture.get(arch);
  const found = shared?.get(key);
  if (found) return found;
  if (!shared) {
    shared = new Map();
    byArchitecture.set(arch, shared);
  }
  const moe = arch.moe;
  const { heads, qk, v } = attentionWidths(arch);
  const act = (moeLayer: boolean): Record<Recompute, number> => ({
    none: activationBytesPerTokenPerLayer(arch, moeLayer, "none", job.activationBytesPerValue, savedInputBytes),
    selective: activationBytesPerTokenPerLayer(arch, moeLayer, "selective", job.activationBytesPerValue, savedInputBytes),
    full: activationBytesPerTokenPerLayer(arch, moeLayer, "full", job.activationBytesPerValue),
  });
  const params = parameterBreakdown(arch);
  const sparseLayers = moeLayers(arch);
  // Per-layer figures are means over the layer list, so L·attention + dense·mlp sums to the model's
  // own per-layer total for heterogeneous stacks (Mamba mixers count with attention, as the token mixer).
  const denseLayers = arch.numLayers - sparseLayers;
  const constants: JobConstants = {
    params,
    forward: forwardFlopsPerToken(arch, job.sequenceLength),
    sparseLayers,
    attentionParameters: arch.layers ? (params.attention + params.stateSpace) / arch.numLayers : attentionParameters(arch),
    denseMlpParameters: arch.layers ? (denseLayers > 0 ? params.denseMlp / denseLayers : 0) : mlpParameters(arch, arch.intermediateSize),
    expertMlpParameters: moe ? mlpParameters(arch, moe.expertIntermediateSize) : 0,
    sharedMlpParameters: moe ? moe.numSharedExperts * mlpParameters(arch, moe.sharedIntermediateSize) : 0,
    dense: layerTensorWidths(arch, false),
    moe: layerTensorWidths(arch, true),
    heads,
    qk,
    v,
    meanAttendedKeys: meanAttendedKeysPerLayer(arch, job.sequenceLength),
    meanAttendedKeysUnwindowed: meanAttendedKeysPerLayer(arch, job.sequenceLength, true),
    attentionLayerShare: attentionLayerShare(arch),
    activationDense: act(false),
    activationMoe: act(true),
    savedInputBytes,
  };
  cache.set(job, constants);
  shared.set(key, constants);
  return constants;
}

/**
 * Activation bytes per token per layer (before ÷tp) that a plan stores: the job's constant for its recompute mode, or,
 * with Megatron-Core recompute_modules under selective recompute, what exactly those modules leave.
 */
export function storedActivationBytesPerToken(job: TrainJob, plan: ParallelPlan, k: JobConstants, moeLayer: boolean): number {
  const modules = plan.recompute === "selective" ? plan.recomputeModules : undefined;
  if (!modules) return (moeLayer ? k.activationMoe : k.activationDense)[plan.recompute];
  // Cached per module list on the job's constants (the search prices the same list for every candidate plan).
  let byList = moduleActivationCache.get(k);
  if (!byList) moduleActivationCache.set(k, (byList = new WeakMap()));
  // Keyed by the list itself: a scenario's list or the search's level, one object for every candidate plan.
  let bytes = byList.get(modules);
  if (!bytes) {
    const at = (moe: boolean) => activationBytesPerTokenPerLayer(job.arch, moe, "selective", job.activationBytesPerValue, k.savedInputBytes, modules);
    bytes = { dense: at(false), moe: at(true) };
    byList.set(modules, bytes);
  }
  return moeLayer ? bytes.moe : bytes.dense;
}

const moduleActivationCache = new WeakMap<JobConstants, WeakMap<readonly RecomputeModule[], { dense: number; moe: number }>>();
