/**
 * Time of one training step and what follows from it: step time = compute + exposed communication +
 * pipeline bubble + other (optimizer, per-micro-batch overhead), for the bottleneck pipeline stage.
 * Sources: Narayanan et al. 2021 (1F1B, interleaving, bubble (p−1)/(v·m)); Korthikanti et al. 2022
 * (sequence parallelism: 4 all-gathers/reduce-scatters per layer forward, 4 backward); ZeRO
 * (Rajbhandari 2020) and Megatron's distributed optimizer for DP traffic; Liu et al. 2023 (ring attention);
 * Lepikhin et al. 2020 (GShard all-to-all). Equations in docs/model.md.
 * @module
 */
import { membersPerDomain, p2pSeconds, ringCollectiveSeconds } from "./comm.ts";
import { attentionCoreSeconds, gemmSeconds, softmaxExponentialSeconds, streamSeconds } from "./compute.ts";
import { memoryShortfall, stageLayers, trainMemoryPerChip, type TrainMemoryBreakdown } from "./memory.ts";
import { expertDataParallel, expertGridFolded, expertTensorParallel, type ParallelPlan, type TrainJob } from "./plan.ts";
import { type JobConstants, jobConstants } from "./job-constants.ts";
import { mlaUpProjectionParameters, replicatedKvParametersPerShard } from "./workload.ts";
import type { ExpertDispatcher } from "../catalog/training-stacks.ts";
import { activationOffloadExposure, hostShortfall, offloadedActivationBytesPerMicroBatch, optimizerOffloadSeconds } from "./offload.ts";

export interface TrainBreakdownSeconds {
  compute: number;
  exposedCommunication: number;
  pipelineBubble: number;
  other: number;
}

export interface CommunicationSeconds {
  /** Tensor-parallel all-gather/reduce-scatter, exposed share, per step. */
  tensorParallel: number;
  contextParallel: number;
  expertParallel: number;
  pipelineParallel: number;
  dataParallel: number;
  /** Activation offload to host memory: transfer time not hidden behind the stage's computation (0 without offload). */
  hostOffload: number;
}

export interface TrainResult {
  fits: boolean;
  parallelism: ParallelPlan;
  memoryPerChipBytes: number;
  memoryCapacityBytes: number;
  memoryBreakdownBytes: TrainMemoryBreakdown;
  /** Why the plan does not fit, when it does not. */
  reason?: string;
  microBatches: number;
  stepTimeSeconds: number;
  breakdownSeconds: TrainBreakdownSeconds;
  communicationSeconds: CommunicationSeconds;
  tokensPerSecond: number;
  tokensPerSecondPerChip: number;
  /** Model FLOPs (forward + backward, causal attention counted, no recompute) per token. */
  modelFlopsPerToken: number;
  modelFlopsPerSecondPerChip: number;
  hardwareFlopsPerSecondPerChip: number;
  mfu: number;
  hfu: number;
  wallClockDays: number;
  chipHours: number;
  energyMegawattHours: number;
  /** Facility power while training (chips at TDP + host overhead, × PUE), megawatts. */
  facilityMegawatts: number;
  costUsd?: number;
}

/**
 * Expected copies of one token that cross the scale-out network in one all-to-all, when the EP group spans
 * `domains` scale-up domains and the experts are spread evenly over them (balanced routing).
 * - "all-to-all" (NCCL all-to-all, Megatron-Core's alltoall dispatcher): one copy per routed expert in another
 *   domain, k·(D−1)/D; node-limited routing (DeepSeek `topk_group`) does not shrink it, the copies only bunch.
 * - "deduplicated" (DeepEP, HybridEP): one copy per other domain the token reaches, (D−1)·(1 − P₀) with P₀ the
 *   chance that a given domain holds none of its picks — drawing k of E experts, or with node-limited routing
 *   `groupsPerToken` of `routingGroups` groups, without replacement (hypergeometric). DeepSeek-V3 §3.2.2: "tokens
 *   will first be transmitted via IB to the GPUs with the same in-node index on their target nodes … forwarded
 *   via NVLink"; with M of G groups over G nodes this is M·(G−1)/G.
 */
export function remoteCopiesPerToken(
  moe: { numExperts: number; expertsPerToken: number; routing?: { routingGroups: number; groupsPerToken: number } },
  domains: number,
  dispatcher: ExpertDispatcher,
): number {
  if (domains <= 1) return 0;
  if (dispatcher === "all-to-all") return (moe.expertsPerToken * (domains - 1)) / domains;
  const units = moe.routing ? moe.routing.routingGroups : moe.numExperts;
  const picks = moe.routing ? Math.min(moe.routing.groupsPerToken, moe.expertsPerToken) : moe.expertsPerToken;
  const elsewhere = units - units / domains;
  let none = 1;
  for (let i = 0; i < picks && none > 0; i++) none *= Math.max(0, elsewhere - i) / (units - i);
  return (domains - 1) * (1 - none);
}

/** Seconds for one micro-batch through one layer: forward, backward, recompute, and its exposed communication. */
interface LayerTimes {
  forwardSeconds: number;
  backwardSeconds: number;
  recomputeSeconds: number;
  tensorParallelSeconds: number;
  contextParallelSeconds: number;
  expertParallelSeconds: number;
  /** Communication (ring attention, expert all-to-all) hidden under this layer's computation: that compute cannot hide anything else. */
  hiddenSeconds: number;
}

function layerTimes(job: TrainJob, plan: ParallelPlan, moeLayer: boolean, tokens: number, k: JobConstants): LayerTimes {
  const arch = job.arch;
  const r = job.hardware.rates;
  const f = job.hardware.fabric;
  const h = arch.hiddenSize;
  const t = plan.tp;
  const widths = moeLayer ? k.moe : k.dense;
  // Attention projections as one equivalent GEMM of width (projection parameters / h) / t.
  // With TP > KV heads each shard also computes its replicated K/V heads (⌈kv/tp⌉ per shard).
  let forward = gemmSeconds(tokens, (k.attentionParameters / t + replicatedKvParametersPerShard(arch, t)) / h, h, r);
  const attentionGemm = forward;
  const moe = arch.moe;
  // Per-MoE-layer host cost: a fixed part (router, permute, the host sync on dropless token counts) and one per local
  // expert (its GEMM launches: Transformer Engine's grouped linear issues one cuBLAS GEMM per expert; none on a stack
  // with one grouped kernel, TrainingStack.expertGemmLaunch); a third forward,
  // two thirds backward. A full-iteration CUDA graph launches nothing per layer and cannot sync with the host, so it is gone.
  let moeOverhead = 0;
  let sharedGemm = 0;
  if (moeLayer && moe) {
    // Expert GEMMs on the expert grid: ETP = TP (tokens gathered over TP, width split) or, folded, ETP = 1
    // (each rank dispatches its own sequence-parallel share, experts unsplit). Same FLOPs, other shapes.
    const etp = expertTensorParallel(plan);
    const localExperts = moe.numExperts / plan.ep;
    // A stack that runs all local experts in one grouped-GEMM kernel per projection pays no per-expert launches.
    const perExpertLaunches = job.software?.expertGemmLaunch === "grouped" ? 0 : localExperts;
    if (!job.fullIterationCudaGraph) moeOverhead = job.moeLayerOverheadSeconds + job.moeExpertOverheadSeconds * perExpertLaunches;
    const tokensPerExpert = ((tokens * etp) / t) * ((moe.expertsPerToken * plan.ep) / moe.numExperts);
    // Grouped GEMM: each local expert is its own problem (up/gate: tokens × g·I by h; down: tokens × h by I),
    // with its own tail tiles and pipeline fill, so efficiency falls with tokens per expert and expert width
    // faster than one large GEMM's (calibration.groupedGemmHalfEfficiencyDim).
    const grouped = job.groupedGemmHalfEfficiencyDim === undefined ? r : { ...r, gemmHalfEfficiencyDim: job.groupedGemmHalfEfficiencyDim };
    const width = moe.expertIntermediateSize / etp;
    forward += localExperts * (gemmSeconds(tokensPerExpert, (arch.gatedMlp ? 2 : 1) * width, h, grouped) + gemmSeconds(tokensPerExpert, h, width, grouped));
    if (moe.numSharedExperts > 0) {
      sharedGemm = gemmSeconds(tokens, k.sharedMlpParameters / h / t, h, r);
      forward += sharedGemm;
    }
    forward += gemmSeconds(tokens, moe.numExperts, h, r);
  } else {
    forward += gemmSeconds(tokens, k.denseMlpParameters / h / t, h, r);
  }
  const gemmForward = forward;
  // Attention core: queries on this CP rank attend over the whole causal sequence.
  const { qk, v, heads } = k;
  const s = job.sequenceLength;
  let attentionForward: number;
  let attentionBackward: number;
  if (job.attentionKernel !== "unfused") {
    // Tensor-core time, or the softmax exponentials' where those take longer (one per score, forward; the backward
    // recomputes P once more against 2.5× the forward's matrix work, at its own rate). Each query row also pays a fixed
    // cost worth `attentionFixedKeys` keys at the tensor rate (loading Q, the softmax epilogue, writing O and the
    // log-sum-exp), outside that overlap, so short sequences and sliding windows run below the long-sequence rate. An fp8
    // backward computes the masked tiles of a sliding window too.
    const flopsPerKey = (2 * tokens * heads * (qk + v)) / t;
    const backwardRate = r.attentionBackwardRelative ?? 1;
    const fixed = attentionCoreSeconds(flopsPerKey * (r.attentionFixedKeys ?? 0) * k.attentionLayerShare, r);
    const backwardKeys = job.fp8Attention ? k.meanAttendedKeysUnwindowed : k.meanAttendedKeys;
    const tensor = attentionCoreSeconds(flopsPerKey * k.meanAttendedKeys, r);
    const tensorBackward = (2.5 * attentionCoreSeconds(flopsPerKey * backwardKeys, r)) / backwardRate;
    const exponentials = softmaxExponentialSeconds((tokens * heads * k.meanAttendedKeys) / t, r);
    const exponentialsBackward = backwardKeys === k.meanAttendedKeys ? exponentials : softmaxExponentialSeconds((tokens * heads * backwardKeys) / t, r);
    attentionForward = (tensor > exponentials ? tensor : exponentials) + fixed;
    attentionBackward = (tensorBackward > exponentialsBackward ? tensorBackward : exponentialsBackward) + (2.5 * fixed) / backwardRate;
  } else {
    // Unfused: QKᵀ and AV as batched GEMMs over the full (unmasked) s×s, plus the scale-mask-softmax-
    // dropout kernels streaming the scores: ~9 bytes per score forward (write, read, softmax, mask, dropout).
    const sequences = tokens / s;
    const headsLocal = heads / t;
    const gemms = sequences * headsLocal * (gemmSeconds(s, s, qk, r) + gemmSeconds(s, v, s, r));
    attentionForward = gemms + streamSeconds(sequences * headsLocal * s * s * 9, r);
    attentionBackward = 2.5 * attentionForward;
  }
  forward += attentionForward;
  // Memory-bound kernels: norms, residual adds, rotary, activation function (bytes per token, forward).
  const gate = arch.gatedMlp ? 2 : 1;
  // fp8/fp4 GEMMs first cast their inputs (read 2 B, write the low-precision copy, amax): four GEMM inputs per layer.
  const castBytes = r.gemmOperandBytes < 2 ? (2 + r.gemmOperandBytes) * (2 * h + widths.attentionOutput + widths.mlpHidden) : 0;
  // MoE layers permute each token's top-k copies into expert order and back (read + write, dispatch and combine).
  const permuteBytes = moeLayer && moe ? 4 * moe.expertsPerToken * h * job.activationBytesPerValue : 0;
  const elementwiseBytes = job.activationBytesPerValue * (10 * h + (gate + 1) * widths.mlpHidden + 2 * (widths.query + widths.keyValue)) + castBytes + permuteBytes;
  const elementwiseForward = streamSeconds((tokens * elementwiseBytes) / t, r);
  forward += elementwiseForward;
  // Backward: dgrad + wgrad GEMMs (2×), flash-attention backward (2.5× forward's tensor work), elementwise (2×).
  // Frozen weights (fine-tuning) skip the wgrad GEMM but still take dgrad: backward through activations.
  const wgrad = job.trainableShare ?? 1;
  const backward = (1 + wgrad) * gemmForward + attentionBackward + 2 * elementwiseForward;
  // Selective recompute re-runs the elementwise kernels, and beyond them what the stack's policy names: torchtitan's
  // op-level policy every second matmul of the block (k and o of q, k, v, o; then up of gate, up, down — or down of a
  // two-matrix MLP), by their share of the FLOPs; MaxText's minimal policy the attention core (it keeps only the weight
  // matmuls' outputs).
  let recompute = 0;
  const modules = plan.recompute === "selective" ? plan.recomputeModules : undefined;
  if (plan.recompute === "full") recompute = forward;
  else if (modules) {
    // Megatron-Core recompute_modules: each module's forward runs again in backward (the norms and the activation as
    // elementwise streams, the rest at their GEMM and attention times).
    const stream = (valuesPerToken: number) => streamSeconds((tokens * valuesPerToken * job.activationBytesPerValue) / t, r);
    const routed = moeLayer && moe ? moe.expertsPerToken * moe.expertIntermediateSize : 0;
    const sharedWidth = moeLayer && moe ? moe.numSharedExperts * moe.sharedIntermediateSize : 0;
    const mlpGemm = gemmForward - attentionGemm;
    const a = arch.attention;
    for (const m of modules) {
      if (m === "layernorm") recompute += stream(4 * h);
      else if (m === "core_attn") recompute += attentionForward;
      else if (m === "mla_up_proj" && a.kind === "mla") recompute += (attentionGemm * mlaUpProjectionParameters(a)) / k.attentionParameters;
      else if (m === "mlp" && !(moeLayer && moe)) recompute += mlpGemm + stream((gate + 1) * widths.mlpHidden);
      else if (m === "moe_act" && routed > 0 && !modules.includes("moe")) recompute += stream((gate + 1) * routed);
      else if (m === "shared_experts" && sharedWidth > 0 && !modules.includes("moe")) recompute += sharedGemm + stream((gate + 1) * sharedWidth);
      else if (m === "moe" && moeLayer && moe) recompute += mlpGemm + stream((gate + 1) * widths.mlpHidden) + streamSeconds((tokens * permuteBytes) / t, r) + moeOverhead / 3;
    }
  } else if (plan.recompute === "selective") {
    recompute = elementwiseForward;
    const policy = job.software?.selectiveRecompute;
    if (policy === "alternate-matmuls") {
      const attentionShare = (widths.keyValue / 2 + widths.attentionOutput) / (widths.query + widths.keyValue + widths.attentionOutput);
      recompute += attentionGemm * attentionShare + (gemmForward - attentionGemm) * (arch.gatedMlp ? 1 / 3 : 1 / 2);
    } else if (policy === "attention-core") recompute += attentionForward;
  }
  // Sequence-parallel TP: per layer 2 all-gathers + 2 reduce-scatters forward and the same backward.
  let tensorParallel = 0;
  if (t > 1) {
    const local = membersPerDomain(t, 1, f.scaleUpDomainChips);
    const bytes = tokens * h * job.activationBytesPerValue;
    const collectives = plan.recompute === "full" ? 12 : 8;
    // A stack that overlaps TP communication (Megatron --tp-comm-overlap, async TP, XLA collective matmul)
    // leaves the shared exposed share on the critical path; one that does not leaves all of it.
    const exposedShare = job.software === undefined || job.software.tensorParallelOverlap ? job.tensorParallelExposedFraction : 1;
    tensorParallel = collectives * ringCollectiveSeconds(1, bytes, t, local, f) * exposedShare;
  }
  // Ring attention: K and V blocks pass around the CP ring, overlapped with the attention core.
  let contextParallel = 0;
  let hidden = 0;
  if (plan.cp > 1) {
    const local = membersPerDomain(plan.cp, t, f.scaleUpDomainChips);
    const kvBytes = (tokens * widths.keyValue * job.activationBytesPerValue) / t;
    const hop = p2pSeconds(kvBytes, local < plan.cp, f) * (plan.cp - 1);
    const exposedForward = hop > attentionForward ? hop - attentionForward : 0;
    const exposedBackward = 2 * hop > 2.5 * attentionForward ? 2 * hop - 2.5 * attentionForward : 0;
    contextParallel = exposedForward + exposedBackward;
    hidden += 3 * hop - contextParallel;
  }
  // MoE: dispatch and combine all-to-all, forward and backward. Tokens are dispatched in the GEMM
  // format under fp8 (DeepSeek-V3 §3.3.2); node-limited routing caps the copies that leave the domain.
  // The all-to-all overlaps the layer's computation of another micro-batch (DeepSeek DualPipe,
  // Megatron-Core MoE a2a overlap), so only what exceeds that computation is exposed.
  let expertParallel = 0;
  if (moeLayer && moe && plan.ep > 1) {
    // Folded, EP ranks are adjacent (stride 1). Otherwise the EP group spans data-parallel ranks (stride tp·cp)
    // when ep divides dp, else it folds over the context-parallel ranks too (stride tp).
    const local = membersPerDomain(plan.ep, expertGridFolded(plan) ? 1 : plan.dp % plan.ep === 0 ? t * plan.cp : t, f.scaleUpDomainChips);
    // Dispatch travels in the GEMM format under fp8 (DeepSeek-V3 §3.3.2); combine and both backward
    // all-to-alls carry bf16 activations or gradients ("the combine stage keeps BF16").
    const dispatchBytes = r.gemmOperandBytes < job.activationBytesPerValue ? r.gemmOperandBytes : job.activationBytesPerValue;
    const domains = plan.ep / local;
    // Copies of a token that leave its scale-up domain: one per routed expert elsewhere with a plain all-to-all;
    // one per other domain it reaches with a deduplicating dispatcher (DeepEP, HybridEP: sent once over the
    // scale-out network, then forwarded over NVLink; DeepSeek-V3 §3.2.2).
    const leaving = remoteCopiesPerToken(moe, domains, job.software?.expertDispatcher ?? "deduplicated");
    const allToAll = (bytesPerValue: number) => {
      const perToken = (h * bytesPerValue) / t;
      const inside = (tokens * moe.expertsPerToken * perToken * (local - 1)) / plan.ep / f.scaleUpBytesPerSecond;
      const outside = local < plan.ep ? (tokens * leaving * perToken) / f.scaleOutBytesPerSecond + f.scaleOutLatencySeconds : 0;
      return inside > outside ? inside : outside;
    };
    // Recomputing the whole MoE layer (recompute_modules "moe") runs its forward dispatch and combine again.
    const again = modules?.includes("moe") ? allToAll(dispatchBytes) + allToAll(job.activationBytesPerValue) : 0;
    const total = allToAll(dispatchBytes) + 3 * allToAll(job.activationBytesPerValue) + again;
    // Only a share overlaps another micro-batch's computation (1F1B A2A overlap, DualPipe); the rest is exposed.
    const overlappable = forward + backward;
    const exposedShare = job.software === undefined || job.software.expertAllToAllOverlap ? job.expertParallelExposedFraction : 1;
    const exposed = total * exposedShare;
    const overlapped = total - exposed;
    const spill = overlapped > overlappable ? overlapped - overlappable : 0;
    // While the all-to-all runs under computation its kernels hold SMs (DeepEP: 20 of H800's 132, DeepSeek-V3
    // §3.2.2), so the computation it hides runs on the rest: share/(1 − share) longer over the hidden time.
    const smShare = job.communicationSmShare ?? 0;
    expertParallel = exposed + spill + ((overlapped - spill) * smShare) / (1 - smShare);
    hidden += overlapped - spill;
  }
  return {
    forwardSeconds: forward + moeOverhead / 3,
    backwardSeconds: backward + (2 * moeOverhead) / 3,
    recomputeSeconds: plan.recompute === "full" ? recompute + moeOverhead / 3 : recompute,
    tensorParallelSeconds: tensorParallel,
    contextParallelSeconds: contextParallel,
    expertParallelSeconds: expertParallel,
    hiddenSeconds: hidden,
  };
}

/** No activation offload: nothing waits for the host link (shared, so the search's hot path allocates nothing). */
const noOffload = { downSeconds: 0, upSeconds: 0 } as const;

/** Predict one training step of `job` under `plan`, and the run it implies. */
export function simulateTrain(job: TrainJob, plan: ParallelPlan): TrainResult {
  const arch = job.arch;
  const hw = job.hardware;
  const f = hw.fabric;
  const r = hw.rates;
  const chips = plan.tp * plan.pp * plan.dp * plan.cp;
  const microBatches = job.globalBatchTokens / (job.sequenceLength * plan.microBatchSize * plan.dp);
  const tokens = (plan.microBatchSize * job.sequenceLength) / plan.cp;

  const memory = trainMemoryPerChip(job, plan);
  const hostFits = memory.hostBytes === undefined || (hw.host !== undefined && memory.hostBytes <= hw.host.memoryBytes);
  const fits = memory.totalBytes <= hw.memoryBytes && hostFits;

  const k = jobConstants(job);
  const sparse = k.sparseLayers;
  const dense = layerTimes(job, plan, false, tokens, k);
  const moe = sparse > 0 ? layerTimes(job, plan, true, tokens, k) : dense;
  const layers = stageLayers(arch.numLayers, plan.pp, job.pipelineSplitCountsEmbeddingAndLoss);
  // The bottleneck stage: a middle stage, or the last with the output head. Layers of the bottleneck are
  // counted as MoE in proportion to the model's MoE share.
  const sparseShare = sparse / arch.numLayers;
  const denseShare = 1 - sparseShare;
  const layerCompute =
    denseShare * (dense.forwardSeconds + dense.backwardSeconds + dense.recomputeSeconds) + sparseShare * (moe.forwardSeconds + moe.backwardSeconds + moe.recomputeSeconds);
  const layerTp = denseShare * dense.tensorParallelSeconds + sparseShare * moe.tensorParallelSeconds;
  const layerCp = denseShare * dense.contextParallelSeconds + sparseShare * moe.contextParallelSeconds;
  const layerEp = denseShare * dense.expertParallelSeconds + sparseShare * moe.expertParallelSeconds;
  const layerComm = layerTp + layerCp + layerEp;
  const h = arch.hiddenSize;
  const headForward = gemmSeconds(tokens, arch.vocabSize / plan.tp, h, r) + streamSeconds((tokens * arch.vocabSize * 4 * 3) / plan.tp, r);
  const headCompute = (2 + (job.trainableShare ?? 1)) * headForward;
  // Multi-token prediction (DeepSeek-V3 §2.2): each depth is one more transformer block (an MoE block when the
  // model has experts), a projection of [h; embedding] (2h → h) and another pass through the shared output head,
  // all on the last pipeline stage (Megatron-Core puts the MTP block after the decoder, on the last stage).
  const mtp = job.multiTokenPredictionLayers ?? 0;
  const mtpLayer = sparse > 0 ? moe : dense;
  const mtpProjection = (2 + (job.trainableShare ?? 1)) * gemmSeconds(tokens, h / plan.tp, 2 * h, r);
  const mtpCompute = mtp * (mtpLayer.forwardSeconds + mtpLayer.backwardSeconds + mtpLayer.recomputeSeconds + mtpProjection + headCompute);
  const middleCompute = layers.middle * layerCompute;
  const lastCompute = layers.last * layerCompute + headCompute + mtpCompute;
  const stageCompute = plan.pp <= 1 ? layers.middle * layerCompute + headCompute + mtpCompute : middleCompute > lastCompute ? middleCompute : lastCompute;
  const lastLayers = layers.last + mtp;
  const stageLayersMax = plan.pp <= 1 ? arch.numLayers + mtp : layers.middle > lastLayers ? layers.middle : lastLayers;
  const stageComm = stageLayersMax * layerComm;
  const tensorParallelPerMb = stageLayersMax * layerTp;
  const contextParallelPerMb = stageLayersMax * layerCp;
  const expertParallelPerMb = stageLayersMax * layerEp;
  // Compute that already hides ring-attention and all-to-all traffic is not there again for the gradient
  // and parameter collectives (else a slower chip would hide more and step faster).
  const layerHidden = denseShare * dense.hiddenSeconds + sparseShare * moe.hiddenSeconds;
  const stageFree = Math.max(0, stageCompute - stageLayersMax * layerHidden);

  // Pipeline: activations (sequence-parallel shards) to the next stage forward, gradients back.
  let pipelineParallel = 0;
  if (plan.pp > 1) {
    const bytes = (tokens * h * job.activationBytesPerValue) / plan.tp;
    const across = plan.tp * plan.cp * plan.dp >= f.scaleUpDomainChips;
    pipelineParallel = microBatches * plan.virtualStages * 2 * p2pSeconds(bytes, across, f);
  }

  // Data parallel: gradient reduce-scatter (all-reduce for ZeRO-0) overlapped with the last micro-batch's
  // backward, parameter all-gather with the next step's first forward; ZeRO-3 gathers every micro-batch.
  const params = k.params;
  const expertParams = params.routedExperts;
  const denseParams = params.total - expertParams;
  const denseParamsPerChip = denseParams / (plan.tp * plan.pp);
  const expertParamsPerChip = expertParams / (expertTensorParallel(plan) * plan.pp * plan.ep);
  const dpRanks = plan.dp * plan.cp;
  const expertDpRanks = expertDataParallel(plan);
  const dpLocal = membersPerDomain(dpRanks, plan.tp, f.scaleUpDomainChips);
  const expertDpLocal = membersPerDomain(expertDpRanks, expertTensorParallel(plan) * plan.ep, f.scaleUpDomainChips);
  // Gradients travel in the stack's reduce format (fp32 for torchtitan's FSDP2 and DeepSpeed's bf16 optimizer),
  // parameters in their 16-bit compute copy.
  const reduceBytes = job.software?.gradientReduceBytesPerValue ?? job.gradientBytesPerParameter;
  const gatherBytes = job.software ? 2 : job.gradientBytesPerParameter;
  const collective = (bytesPerValue: number) =>
    ringCollectiveSeconds(1, denseParamsPerChip * bytesPerValue, dpRanks, dpLocal, f) +
    ringCollectiveSeconds(1, expertParamsPerChip * bytesPerValue, expertDpRanks, expertDpLocal, f);
  const reduceScatterSeconds = collective(reduceBytes);
  const allGatherSeconds = reduceBytes === gatherBytes ? reduceScatterSeconds : collective(gatherBytes);
  // Activation offload: each micro-batch's stored activations down during its forward, back during its backward.
  // Where the host link outlasts the computation the stage waits for it; the network collectives below overlap
  // that wait too (they use another link), so it widens their window.
  const offload =
    plan.offloadActivations && hw.host
      ? activationOffloadExposure(offloadedActivationBytesPerMicroBatch(job, plan, k, stageLayersMax), stageCompute / 3, (2 * stageCompute) / 3, hw.host)
      : noOffload;
  const hostOffload = microBatches * (offload.downSeconds + offload.upSeconds);
  // A stack without DP overlap (Megatron-LM 2021, DeepSpeed's pipeline engine) reduces after the flush: nothing hides it.
  const overlapDp = job.software === undefined || job.software.dataParallelOverlap;
  const stageBackward = overlapDp ? (stageFree * 2) / 3 + offload.upSeconds : 0;
  const stageForward = overlapDp ? stageFree / 3 + offload.downSeconds : 0;
  let dataParallel = 0;
  let dataParallelHidden = 0;
  if (plan.zeroStage === 0) {
    const allReduce = reduceScatterSeconds + allGatherSeconds; // ring all-reduce = reduce-scatter + all-gather
    dataParallel = allReduce > stageBackward ? allReduce - stageBackward : 0;
    dataParallelHidden = allReduce - dataParallel;
  } else if (plan.zeroStage <= 2) {
    // ZeRO-1 reduces the accumulated gradients once per step; ZeRO-2 keeps only a gradient shard, so it
    // reduce-scatters after every micro-batch's backward (ZeRO paper §5.2; DeepSpeed stage 2).
    const reduceScatter = reduceScatterSeconds;
    const allGather = allGatherSeconds;
    const reductions = plan.zeroStage === 2 ? microBatches : 1;
    dataParallel = reductions * (reduceScatter > stageBackward ? reduceScatter - stageBackward : 0) + (allGather > stageForward ? allGather - stageForward : 0);
    dataParallelHidden = reductions * reduceScatter + allGather - dataParallel;
  } else {
    // ZeRO-3 / FSDP: parameters gathered for forward and again for backward, gradients reduce-scattered, every micro-batch.
    const perMicroBatch = 2 * allGatherSeconds + reduceScatterSeconds;
    const hide = overlapDp ? stageForward + stageBackward : 0;
    dataParallel = microBatches * (perMicroBatch > hide ? perMicroBatch - hide : 0);
    dataParallelHidden = microBatches * perMicroBatch - dataParallel;
  }
  // The collectives it hides are kernels too (NCCL runs one CTA per channel), so the computation under them runs on
  // the remaining SMs: share/(1 − share) longer over the hidden time that lies under computation (not under a wait
  // for the host link, where the SMs idle), as for the overlapped all-to-all.
  const smShare = job.communicationSmShare ?? 0;
  if (smShare > 0 && dataParallelHidden > 0) {
    const underCompute = stageFree / (stageFree + offload.downSeconds + offload.upSeconds);
    dataParallel += (dataParallelHidden * underCompute * smShare) / (1 - smShare);
  }

  // Optimizer: read gradients, read and write fp32 master, m and v, write weights (memory-bound).
  // The distributed optimizer shards dense state over DP·CP and expert state over the expert DP ranks.
  const optimizerParams = plan.zeroStage >= 1 ? denseParamsPerChip / dpRanks + expertParamsPerChip / expertDpRanks : denseParamsPerChip + expertParamsPerChip;
  const weightWriteBytes = job.weightBytesPerParameter * (job.trainableShare ?? 1);
  // ZeRO-Offload runs the step on the host instead (src/physics/offload.ts).
  const optimizerSeconds =
    plan.offloadOptimizer && hw.host
      ? optimizerOffloadSeconds(optimizerParams, job, hw.host)
      : streamSeconds(optimizerParams * (job.gradientBytesPerParameter + 2 * job.optimizerBytesPerParameter + weightWriteBytes), r);
  const overheadSeconds = microBatches * plan.virtualStages * job.microBatchOverheadSeconds;

  const compute = microBatches * stageCompute;
  const perMicroBatchComm = stageComm;
  const exposedCommunication = microBatches * perMicroBatchComm + pipelineParallel + dataParallel + hostOffload;
  const pipelineBubble = ((plan.pp - 1) / plan.virtualStages) * (stageCompute + perMicroBatchComm);
  // Synchronisation jitter: every step ends in collectives over all ranks, so it waits for the slowest. With a
  // per-rank coefficient of variation c of the compute, the expected maximum of N ranks is ≈ c·√(2 ln N) above the
  // mean (extreme value of N normals; stragglers, MegaScale §6.3).
  const jitterCoefficient = job.syncJitterCoefficient ?? 0;
  const jitter = jitterCoefficient > 0 && chips > 1 ? jitterCoefficient * Math.sqrt(2 * Math.log(chips)) * (compute + pipelineBubble) : 0;
  const other = optimizerSeconds + overheadSeconds + jitter;
  const stepTimeSeconds = compute + exposedCommunication + pipelineBubble + other;

  const tokensPerSecond = job.globalBatchTokens / stepTimeSeconds;
  const tokensPerSecondPerChip = tokensPerSecond / chips;
  const forwardFlops = k.forward;
  // An MTP depth: a mean layer's FLOPs, the 2h → h projection and the output head again (DeepSeek-V3 §2.2).
  const mtpFlops = mtp * ((forwardFlops.total - forwardFlops.outputHead) / arch.numLayers + 4 * h * h + forwardFlops.outputHead);
  const modelFlopsPerToken = 3 * (forwardFlops.total + mtpFlops);
  // Full recompute repeats every layer forward (not the head); selective recomputes only memory-bound ops.
  const recomputeFlopsPerToken = plan.recompute === "full" ? forwardFlops.total - forwardFlops.outputHead + mtpFlops - mtp * forwardFlops.outputHead : 0;
  const modelFlopsPerSecondPerChip = tokensPerSecondPerChip * modelFlopsPerToken;
  const hardwareFlopsPerSecondPerChip = tokensPerSecondPerChip * (modelFlopsPerToken + recomputeFlopsPerToken);
  const wallSeconds = job.tokens / tokensPerSecond;
  const chipHours = (chips * wallSeconds) / 3600;
  const facilityWatts = chips * (hw.chipPowerWatts + hw.hostOverheadWattsPerChip) * hw.powerUsageEffectiveness;
  const result: TrainResult = {
    fits,
    parallelism: plan,
    memoryPerChipBytes: memory.totalBytes,
    memoryCapacityBytes: hw.memoryBytes,
    memoryBreakdownBytes: memory,
    microBatches,
    stepTimeSeconds,
    breakdownSeconds: { compute, exposedCommunication, pipelineBubble, other },
    communicationSeconds: {
      tensorParallel: microBatches * tensorParallelPerMb,
      contextParallel: microBatches * contextParallelPerMb,
      expertParallel: microBatches * expertParallelPerMb,
      pipelineParallel,
      dataParallel,
      hostOffload,
    },
    tokensPerSecond,
    tokensPerSecondPerChip,
    modelFlopsPerToken,
    modelFlopsPerSecondPerChip,
    hardwareFlopsPerSecondPerChip,
    mfu: modelFlopsPerSecondPerChip / hw.peakFlopsPerSecond,
    hfu: hardwareFlopsPerSecondPerChip / hw.peakFlopsPerSecond,
    wallClockDays: wallSeconds / 86400,
    chipHours,
    energyMegawattHours: (facilityWatts * wallSeconds) / 3.6e9,
    facilityMegawatts: facilityWatts / 1e6,
    costUsd: hw.usdPerChipHour === undefined ? undefined : chipHours * hw.usdPerChipHour,
    reason: fits
      ? undefined
      : memory.totalBytes > hw.memoryBytes
        ? memoryShortfall(memory.totalBytes, hw.chipName, hw.memoryBytes)
        : hostShortfall(memory.hostBytes ?? 0, hw.host?.memoryBytes ?? 0),
  };
  return result;
}
