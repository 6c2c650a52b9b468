/**
 * Per-job constants of the training physics — parameter counts, widths, FLOPs and activation bytes
 * that do not depend on the plan — computed once per job and cached, so a plan evaluation does only
 * plan-dependent arithmetic (the search evaluates hundreds of thousands of plans per job).
 * @module
 */
import type { Recompute, TrainJob } from "./plan.ts";
import {
  activationBytesPerTokenPerLayer,
  attentionParameters,
  attentionWidths,
  forwardFlopsPerToken,
  type ForwardFlopsPerToken,
  type LayerTensorWidths,
  layerTensorWidths,
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
  /** Activation bytes per token per layer before dividing by tp, by recompute mode. */
  activationDense: Record<Recompute, number>;
  activationMoe: Record<Recompute, number>;
}

const cache = new WeakMap<TrainJob, JobConstants>();

export function jobConstants(job: TrainJob): JobConstants {
  const hit = cache.get(job);
  if (hit) return hit;
  const arch = job.arch;
  const moe = arch.moe;
  const { heads, qk, v } = attentionWidths(arch);
  const act = (moeLayer: boolean): Record<Recompute, number> => ({
    none: activationBytesPerTokenPerLayer(arch, moeLayer, "none", job.activationBytesPerValue),
    selective: activationBytesPerTokenPerLayer(arch, moeLayer, "selective", job.activationBytesPerValue),
    full: activationBytesPerTokenPerLayer(arch, moeLayer, "full", job.activationBytesPerValue),
  });
  const constants: JobConstants = {
    params: parameterBreakdown(arch),
    forward: forwardFlopsPerToken(arch, job.sequenceLength),
    sparseLayers: moeLayers(arch),
    attentionParameters: attentionParameters(arch),
    denseMlpParameters: mlpParameters(arch, arch.intermediateSize),
    expertMlpParameters: moe ? mlpParameters(arch, moe.expertIntermediateSize) : 0,
    sharedMlpParameters: moe ? moe.numSharedExperts * mlpParameters(arch, moe.sharedIntermediateSize) : 0,
    dense: layerTensorWidths(arch, false),
    moe: layerTensorWidths(arch, true),
    heads,
    qk,
    v,
    meanAttendedKeys: meanAttendedKeysPerLayer(arch, job.sequenceLength),
    activationDense: act(false),
    activationMoe: act(true),
  };
  cache.set(job, constants);
  return constants;
}
