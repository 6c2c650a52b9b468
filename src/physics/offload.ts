/**
 * Offload to host memory, as plan options: activations (Megatron-Core fine-grained activation offloading,
 * Transformer Engine CPU offload — what NVIDIA's GB200/GB300 recipes use instead of recomputation, the
 * transfer running over NVLink-C2C) and the optimizer (ZeRO-Offload, Ren et al. 2021: fp32 master weights,
 * Adam moments and the Adam step on the host, bf16 gradients down and updated weights up over PCIe or C2C).
 * Memory: what leaves the device and what the host must hold. Time: the transfer over the host link against
 * the computation it overlaps; only the part of a transfer longer than that computation is exposed.
 * Equations in docs/model.md (§ Offload).
 * @module
 */
import type { HostResources, ParallelPlan, TrainJob } from "./plan.ts";
import { type JobConstants, storedActivationBytesPerToken } from "./job-constants.ts";
import { moduleOffloadBytesPerTokenPerLayer } from "./workload.ts";

/**
 * Layers of one micro-batch whose stored activations stay on the device while offload runs: the layer being
 * computed and the one being copied out (forward) or prefetched (backward) — double buffering.
 */
export const residentOffloadLayers = 2;

/** Bytes of fp32 gradient the host keeps per offloaded parameter (ZeRO-Offload upcasts the bf16 gradient for Adam). */
export const hostGradientBytesPerParameter = 4;

/** Share of a stage's `stageLayerCount` layers whose activations offload: `offloadedLayers` of them (absent: all). */
export function offloadedLayerShare(stageLayerCount: number, offloadedLayers?: number): number {
  if (offloadedLayers === undefined || stageLayerCount <= 0 || offloadedLayers >= stageLayerCount) return 1;
  return offloadedLayers / stageLayerCount;
}

/**
 * Device and host share of a stage's stored activations under activation offload: `storedBytes` over all
 * in-flight micro-batches, `perMicroBatchBytes` for one micro-batch through the stage's `stageLayerCount` layers,
 * of which `offloadedLayers` offload (absent: all; the others stay on the device).
 */
export function offloadedActivations(
  storedBytes: number,
  perMicroBatchBytes: number,
  stageLayerCount: number,
  offloadedLayers?: number,
): { deviceBytes: number; hostBytes: number } {
  const layers = stageLayerCount > 0 ? stageLayerCount : 1;
  const moving = offloadedLayers === undefined || offloadedLayers >= layers ? layers : offloadedLayers;
  const offloadable = (storedBytes * moving) / layers;
  const resident = (perMicroBatchBytes * (residentOffloadLayers < moving ? residentOffloadLayers : moving)) / layers;
  const kept = resident < offloadable ? resident : offloadable;
  return { deviceBytes: storedBytes - offloadable + kept, hostBytes: offloadable - kept };
}

/** Stored activation bytes of one micro-batch through `stageLayerCount` layers (MoE layers in the model's proportion). */
export function storedActivationBytesPerMicroBatch(job: TrainJob, plan: ParallelPlan, k: JobConstants, stageLayerCount: number): number {
  const arch = job.arch;
  const tokens = (plan.microBatchSize * job.sequenceLength) / plan.cp;
  const scores = job.attentionKernel === "unfused" && plan.recompute === "none" ? 5 * arch.attention.numHeads * job.sequenceLength : 0;
  const sparseShare = k.sparseLayers / arch.numLayers;
  const perToken =
    ((1 - sparseShare) * (storedActivationBytesPerToken(job, plan, k, false) + scores) + sparseShare * (storedActivationBytesPerToken(job, plan, k, true) + scores)) / plan.tp;
  return tokens * stageLayerCount * perToken;
}

/**
 * Offloaded activation bytes per token per layer (before ÷tp) of the listed modules, dense and MoE layers
 * (moduleOffloadBytesPerTokenPerLayer at the plan's recompute mode).
 */
export function moduleOffloadBytesPerToken(job: TrainJob, plan: ParallelPlan, k: JobConstants): { dense: number; moe: number } {
  const modules = plan.offloadActivationModules ?? [];
  const at = (moeLayer: boolean) =>
    moduleOffloadBytesPerTokenPerLayer(job.arch, moeLayer, plan.recompute, job.activationBytesPerValue, k.savedInputBytes, modules, plan.recomputeModules);
  return { dense: at(false), moe: k.sparseLayers > 0 ? at(true) : 0 };
}

/**
 * Bytes one micro-batch moves to the host through `stageLayerCount` layers: whole layers (`offloadActivationLayers` of
 * them, absent: all) or, with `offloadActivationModules`, those modules' inputs in every layer.
 */
export function offloadedActivationBytesPerMicroBatch(job: TrainJob, plan: ParallelPlan, k: JobConstants, stageLayerCount: number): number {
  if (!plan.offloadActivationModules) return storedActivationBytesPerMicroBatch(job, plan, k, stageLayerCount) * offloadedLayerShare(stageLayerCount, plan.offloadActivationLayers);
  const tokens = (plan.microBatchSize * job.sequenceLength) / plan.cp;
  const sparseShare = k.sparseLayers / job.arch.numLayers;
  const m = moduleOffloadBytesPerToken(job, plan, k);
  return (tokens * stageLayerCount * ((1 - sparseShare) * m.dense + sparseShare * m.moe)) / plan.tp;
}

/**
 * Exposed seconds per step of activation offload: each micro-batch's stored activations go down during its
 * forward and come back during its backward (the directions are independent on a full-duplex link), each
 * hidden behind that pass's computation of the stage.
 */
export function activationOffloadExposedSeconds(
  perMicroBatchBytes: number,
  microBatches: number,
  forwardSecondsPerMicroBatch: number,
  backwardSecondsPerMicroBatch: number,
  host: HostResources,
): number {
  const e = activationOffloadExposure(perMicroBatchBytes, forwardSecondsPerMicroBatch, backwardSecondsPerMicroBatch, host);
  return microBatches * (e.downSeconds + e.upSeconds);
}

/**
 * Per micro-batch: how long the transfer down (during forward) and back (during backward) outlasts the
 * computation it runs under. While it does, the stage's forward and backward last that much longer, and
 * the network collectives that overlap them (the data-parallel reduction) have that much more time.
 */
export function activationOffloadExposure(
  perMicroBatchBytes: number,
  forwardSecondsPerMicroBatch: number,
  backwardSecondsPerMicroBatch: number,
  host: HostResources,
): { downSeconds: number; upSeconds: number } {
  const transfer = perMicroBatchBytes / host.linkBytesPerSecond;
  return {
    downSeconds: transfer > forwardSecondsPerMicroBatch ? transfer - forwardSecondsPerMicroBatch : 0,
    upSeconds: transfer > backwardSecondsPerMicroBatch ? transfer - backwardSecondsPerMicroBatch : 0,
  };
}

/**
 * Seconds per step of the host optimizer step (ZeRO-Offload §4): the gradient shard goes down, the host Adam
 * streams gradient, master weights and moments at the host's memory bandwidth, and the updated weights come
 * back before the next forward. All three are counted on the critical path: DeepSpeed overlaps part of the
 * gradient copy with the last backward, but a fixed overlap window would let a larger data-parallel degree
 * (a smaller shard) hide more than its share of the time, so the step is priced as an upper bound.
 */
export function optimizerOffloadSeconds(shardParameters: number, job: TrainJob, host: HostResources): number {
  const gradientsDown = (shardParameters * job.gradientBytesPerParameter) / host.linkBytesPerSecond;
  const adam = (shardParameters * (hostGradientBytesPerParameter + 2 * job.optimizerBytesPerParameter + job.weightBytesPerParameter)) / host.memoryBytesPerSecond;
  const weightsUp = (shardParameters * job.weightBytesPerParameter) / host.linkBytesPerSecond;
  return gradientsDown + adam + weightsUp;
}

/** "needs 1,210 GB of host memory per chip, the system leaves 180 GB" (no toFixed: the search's hot path). */
export function hostShortfall(needBytes: number, capacityBytes: number): string {
  return `offload needs ${Math.round(needBytes / 1e9)} GB of host memory per chip, the system leaves ${Math.round(capacityBytes / 1e9)} GB`;
}

/** Why a plan's offload options cannot run on this hardware, or undefined when they can. */
export function offloadIssue(job: TrainJob, plan: ParallelPlan): string | undefined {
  if (!plan.offloadActivations && !plan.offloadOptimizer) return undefined;
  if (!job.hardware.host) return "the system states no host memory or host link (offload needs both)";
  if (plan.offloadOptimizer && plan.zeroStage < 1) return "optimizer offload shards the optimizer over data-parallel ranks (ZeRO-Offload): zeroStage 1 or more";
  return undefined;
}
