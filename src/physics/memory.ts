/**
 * Memory per chip of a training plan, for the worst pipeline stage.
 * States: ZeRO (Rajbhandari et al. 2020) — weights, gradients, optimizer, each divided by the data-
 * parallel group its stage shards over. Activations: Korthikanti et al. 2022 (tensor + sequence
 * parallelism divide every stored activation by t), with flash attention (no s² scores are stored)
 * and the in-flight micro-batches of 1F1B / interleaved schedules (Narayanan et al. 2021).
 * @module
 */
import { expertDataParallel, expertTensorParallel, type ParallelPlan, type TrainJob } from "./plan.ts";
import { type JobConstants, jobConstants, storedActivationBytesPerToken } from "./job-constants.ts";
import { hostGradientBytesPerParameter, moduleOffloadBytesPerToken, offloadedActivations } from "./offload.ts";
import { replicatedKvParametersPerShard } from "./workload.ts";

export interface TrainMemoryBreakdown {
  weightsBytes: number;
  gradientsBytes: number;
  optimizerBytes: number;
  activationsBytes: number;
  /** Logits and loss buffers on the last stage; gathered layer weights under ZeRO-3. */
  buffersBytes: number;
  runtimeReserveBytes: number;
  totalBytes: number;
  /** Host memory per chip holding offloaded activations and optimizer state (present only when the plan offloads). */
  hostBytes?: number;
}

/** "needs 81.3 GB per chip, NVIDIA H100 SXM5 80GB has 80 GB" (no toFixed: it is on the search's hot path). */
export function memoryShortfall(needBytes: number, chipName: string, capacityBytes: number): string {
  const tenths = Math.round(needBytes / 1e8);
  return `needs ${Math.trunc(tenths / 10)}.${tenths % 10} GB per chip, ${chipName} has ${Math.round(capacityBytes / 1e9)} GB`;
}

/**
 * Layers held by the first, middle and last pipeline stages. Megatron allows an uneven split
 * (`--decoder-first/last-pipeline-num-layers`): middle stages take ⌈L/p⌉, first and last share the rest
 * (Llama 3 405B: 126 layers on 16 stages → 7, 8 × 14, 7). With `countsEmbeddingAndLoss` (Megatron-Core
 * --account-for-embedding-in-pipeline-split and --account-for-loss-in-pipeline-split) the embedding and the loss each
 * take one layer's slot: L + 2 slots split evenly, so the first and last stages hold one transformer layer fewer.
 */
export function stageLayers(numLayers: number, pp: number, countsEmbeddingAndLoss = false): { first: number; middle: number; last: number } {
  if (pp <= 1) return { first: numLayers, middle: numLayers, last: numLayers };
  if (countsEmbeddingAndLoss) {
    const slots = Math.ceil((numLayers + 2) / pp);
    const edge = Math.max(0, slots - 1);
    return { first: edge, middle: slots, last: Math.max(0, numLayers - (pp - 2) * slots - edge) };
  }
  const middle = Math.ceil(numLayers / pp);
  if (pp === 2) return { first: Math.floor(numLayers / 2), middle, last: Math.ceil(numLayers / 2) };
  const rest = numLayers - (pp - 2) * middle;
  if (rest < 2) return { first: middle, middle, last: middle };
  return { first: Math.floor(rest / 2), middle, last: Math.ceil(rest / 2) };
}

/** Micro-batches whose activations the first stage holds at the peak of the schedule. */
export function inFlightMicroBatches(plan: ParallelPlan, microBatches: number): number {
  const p = plan.pp;
  if (p <= 1) return 1;
  const interleave = plan.virtualStages > 1 ? 1 + (p - 1) / (p * plan.virtualStages) : 1;
  const inFlight = p * interleave;
  return inFlight < microBatches ? inFlight : microBatches;
}

/** Memory of the first and of the last pipeline stage; the larger decides `fits`. */
export function trainMemoryPerChip(job: TrainJob, plan: ParallelPlan): TrainMemoryBreakdown {
  const arch = job.arch;
  const k = jobConstants(job);
  const layers = stageLayers(arch.numLayers, plan.pp, job.pipelineSplitCountsEmbeddingAndLoss);
  const denseLayerCount = arch.numLayers - k.sparseLayers;
  const sequences = plan.microBatchSize;
  const tokensPerMicroBatch = (sequences * job.sequenceLength) / plan.cp;
  const microBatches = job.globalBatchTokens / (job.sequenceLength * plan.microBatchSize * plan.dp);
  // Parameters of one layer on one chip: replicated over DP (dense) and sharded over EP (experts).
  const h = arch.hiddenSize;
  const norms = 2 * h * arch.normParametersPerHidden;
  const replicatedKv = replicatedKvParametersPerShard(arch, plan.tp);
  const denseLayerDense = (k.attentionParameters + k.denseMlpParameters) / plan.tp + replicatedKv + norms;
  const moeLayerDense = (k.attentionParameters + k.sharedMlpParameters) / plan.tp + replicatedKv + norms + (arch.moe ? arch.moe.numExperts * h : 0);
  const moeLayerExpert = arch.moe ? (arch.moe.numExperts * k.expertMlpParameters) / (expertTensorParallel(plan) * plan.ep) : 0;
  const embeddingPerChip = (arch.vocabSize * arch.hiddenSize + arch.positionEmbeddings * arch.hiddenSize) / plan.tp;
  const headPerChip = arch.tiedEmbeddings && plan.pp > 1 ? (arch.vocabSize * arch.hiddenSize) / plan.tp : arch.tiedEmbeddings ? 0 : (arch.vocabSize * arch.hiddenSize) / plan.tp;
  const dpShards = plan.dp * plan.cp;
  const expertShards = Math.max(1, expertDataParallel(plan));
  // Unfused attention stores softmax input/output and dropout mask: 5·heads·s bytes per token (Korthikanti Eq. 2),
  // unless the attention core is recomputed (selective) or the whole layer is (full).
  const scores = job.attentionKernel === "unfused" && plan.recompute === "none" ? 5 * arch.attention.numHeads * job.sequenceLength : 0;
  const actDense = (storedActivationBytesPerToken(job, plan, k, false) + scores) / plan.tp;
  const actMoe = (storedActivationBytesPerToken(job, plan, k, true) + scores) / plan.tp;
  const inFlight = inFlightMicroBatches(plan, microBatches);
  // Fine-grained offload: the listed modules' inputs leave the device in every layer (per token, ÷tp).
  const moved = plan.offloadActivations && plan.offloadActivationModules ? moduleOffloadBytesPerToken(job, plan, k) : undefined;
  const movedDense = moved ? moved.dense / plan.tp : 0;
  const movedMoe = moved ? moved.moe / plan.tp : 0;

  const c: StageContext = {
    job,
    plan,
    denseLayerCount,
    tokensPerMicroBatch,
    denseLayerDense,
    moeLayerDense,
    moeLayerExpert,
    embeddingPerChip,
    headPerChip,
    dpShards,
    expertShards,
    actDense,
    actMoe,
    movedDense,
    movedMoe,
    k,
  };
  // Multi-token-prediction blocks (DeepSeek-V3 §2.2) sit after the decoder, on the last stage.
  const mtp = job.multiTokenPredictionLayers ?? 0;
  if (plan.pp <= 1) return stageMemory(c, arch.numLayers + mtp, 0, true, true, 1);
  // 1F1B: stage i holds p − i micro-batches, so the first stage or the second (a middle one) peaks.
  // Compare totals first and build the breakdown of the worst stage only (the search's hot path).
  const secondInFlight = (inFlight * (plan.pp - 1)) / plan.pp;
  const first = stageTotalBytes(c, layers.first, 0, true, false, inFlight);
  const second = plan.pp > 2 ? stageTotalBytes(c, layers.middle, layers.first, false, false, secondInFlight) : first;
  const last = stageTotalBytes(c, layers.last + mtp, arch.numLayers - layers.last, false, true, 1);
  if (last > first && last > second) return stageMemory(c, layers.last + mtp, arch.numLayers - layers.last, false, true, 1);
  return first >= second ? stageMemory(c, layers.first, 0, true, false, inFlight) : stageMemory(c, layers.middle, layers.first, false, false, secondInFlight);
}

/** Scratch for the parts of the last stage total computed (module-local; results are copied out at once). */
const parts = new Float64Array(6);

interface StageContext {
  job: TrainJob;
  plan: ParallelPlan;
  denseLayerCount: number;
  tokensPerMicroBatch: number;
  denseLayerDense: number;
  moeLayerDense: number;
  moeLayerExpert: number;
  embeddingPerChip: number;
  headPerChip: number;
  dpShards: number;
  expertShards: number;
  actDense: number;
  actMoe: number;
  /** Per token per layer, the part of actDense / actMoe that fine-grained offload moves to the host (0 without it). */
  movedDense: number;
  movedMoe: number;
  k: JobConstants;
}

/** Total memory of one pipeline stage holding `stageLayerCount` layers from `firstLayerIndex`, with `inFlightHere` micro-batches; its parts are left in `parts` (a module scratch: no allocation on the search's hot path). */
function stageTotalBytes(c: StageContext, stageLayerCount: number, firstLayerIndex: number, withEmbedding: boolean, withHead: boolean, inFlightHere: number): number {
  const { job, plan, k } = c;
  const arch = job.arch;
  const { denseLayerCount, tokensPerMicroBatch, denseLayerDense, moeLayerDense, moeLayerExpert, embeddingPerChip, headPerChip, dpShards, expertShards, actDense, actMoe } = c;
  // Dense layers come first (DeepSeek's first_k_dense_replace), so count how many of this stage's are dense.
  const denseHere = Math.max(0, Math.min(stageLayerCount, denseLayerCount - firstLayerIndex));
  const moeHere = stageLayerCount - denseHere;
  const denseParams = denseHere * denseLayerDense + moeHere * moeLayerDense + (withEmbedding ? embeddingPerChip : 0) + (withHead ? headPerChip : 0);
  const expertParams = moeHere * moeLayerExpert;
  const params = denseParams + expertParams;
  const weightShard = plan.zeroStage >= 3 ? denseParams / dpShards + expertParams / expertShards : params;
  const gradShard = plan.zeroStage >= 2 ? denseParams / dpShards + expertParams / expertShards : params;
  const optimizerShard = plan.zeroStage >= 1 ? denseParams / dpShards + expertParams / expertShards : params;
  const weightsBytes = weightShard * job.weightBytesPerParameter;
  const gradientsBytes = gradShard * job.gradientBytesPerParameter;
  let optimizerBytes = optimizerShard * job.optimizerBytesPerParameter;
  const storedPerMicroBatch = tokensPerMicroBatch * (denseHere * actDense + moeHere * actMoe);
  // One layer's full activations exist while it is recomputed for backward.
  const recomputeWorking = plan.recompute === "full" ? tokensPerMicroBatch * ((moeHere > 0 ? k.activationMoe.none : k.activationDense.none) / plan.tp) : 0;
  let activationsBytes = (storedPerMicroBatch + recomputeWorking) * inFlightHere;
  let hostBytes = 0;
  if (plan.offloadActivations && plan.offloadActivationModules) {
    // Fine-grained: only the modules' share of every layer moves (double-buffered like whole layers); the rest stays.
    const movingPerMicroBatch = c.tokensPerMicroBatch * (denseHere * c.movedDense + moeHere * c.movedMoe);
    const split = offloadedActivations(movingPerMicroBatch * inFlightHere, movingPerMicroBatch, stageLayerCount);
    activationsBytes = (storedPerMicroBatch - movingPerMicroBatch) * inFlightHere + split.deviceBytes + recomputeWorking;
    hostBytes += split.hostBytes;
  } else if (plan.offloadActivations) {
    // Offloaded (src/physics/offload.ts): the device keeps a double buffer of layers and the recompute working set.
    const split = offloadedActivations(storedPerMicroBatch * inFlightHere, storedPerMicroBatch, stageLayerCount, plan.offloadActivationLayers);
    activationsBytes = split.deviceBytes + recomputeWorking;
    hostBytes += split.hostBytes;
  }
  if (plan.offloadOptimizer) {
    // ZeRO-Offload: fp32 master weights, Adam moments and an fp32 gradient copy live on the host.
    hostBytes += optimizerBytes + optimizerShard * hostGradientBytesPerParameter;
    optimizerBytes = 0;
  }
  // fp32 logits and their gradient for the loss on the last stage; ZeRO-3 gathers two layers' weights.
  const logits = withHead ? tokensPerMicroBatch * (arch.vocabSize / plan.tp) * 4 * 2 : 0;
  const gathered = plan.zeroStage >= 3 ? 2 * (denseLayerDense + moeLayerExpert) * job.weightBytesPerParameter : 0;
  const buffersBytes = logits + gathered;
  const totalBytes = weightsBytes + gradientsBytes + optimizerBytes + activationsBytes + buffersBytes + job.runtimeReserveBytes;
  parts[0] = weightsBytes;
  parts[1] = gradientsBytes;
  parts[2] = optimizerBytes;
  parts[3] = activationsBytes;
  parts[4] = buffersBytes;
  parts[5] = hostBytes;
  return totalBytes;
}

/** Memory of one pipeline stage, by part. */
function stageMemory(c: StageContext, stageLayerCount: number, firstLayerIndex: number, withEmbedding: boolean, withHead: boolean, inFlightHere: number): TrainMemoryBreakdown {
  const totalBytes = stageTotalBytes(c, stageLayerCount, firstLayerIndex, withEmbedding, withHead, inFlightHere);
  return {
    weightsBytes: parts[0],
    gradientsBytes: parts[1],
    optimizerBytes: parts[2],
    activationsBytes: parts[3],
    buffersBytes: parts[4],
    runtimeReserveBytes: c.job.runtimeReserveBytes,
    totalBytes,
    ...(c.plan.offloadActivations || c.plan.offloadOptimizer ? { hostBytes: parts[5] } : {}),
  };
}
