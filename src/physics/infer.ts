/**
 * Inference physics: per-chip memory of a serving plan, prefill and decode iteration times on the
 * chip roofline, and the continuous-batching steady state (Little's law: running sequences =
 * request rate × output tokens × time per output token).
 *
 * Decode is bound by bytes read per iteration — weights once (for MoE: only the experts the batch
 * touches, E·(1−(1−k/E)^B) of E per layer) plus each sequence's KV cache — over memory bandwidth;
 * prefill by FLOPs (attention quadratic in length). TP adds two all-reduces per layer, EP two
 * all-to-alls per MoE layer, PP one point-to-point per stage. Sources: docs/contract.md "Facts to build on";
 * Pope et al. 2022 "Efficiently Scaling Transformer Inference"; Kwon et al. 2023 (vLLM, paged KV);
 * Agrawal et al. 2024 (Sarathi-Serve, chunked prefill); DeepSeek-V3 report §3.4 (EP serving).
 * @module
 */
import type { Architecture } from "../catalog/architecture.ts";
import { type Fabric, membersPerDomain, p2pSeconds, ringCollectiveSeconds } from "./comm.ts";
import { exponentialCappedRate } from "./compute.ts";
import { type InferParameters, defaultInferParameters } from "../catalog/infer-calibration.ts";
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, kvLayerTokens, kvTensorShards } from "./kv-cache.ts";
import type { SimStepModel } from "./serving-sim.ts";
import { attentionWidths, forwardFlopsPerToken, mlpParameters, moeLayers, parameterBreakdown } from "./workload.ts";

/** Bytes per value of each tensor class, and the GEMM rate of the activation format. */
export interface InferFormats {
  weightBytesPerParameter: number;
  kvBytesPerValue: number;
  /** Bytes of activations moved by collectives (bf16 unless the engine communicates in fp8). */
  activationBytesPerValue: number;
  /** Bytes per value of the GEMM activation format (1 for fp8/int8, 0.5 for fp4). */
  gemmBytesPerValue?: number;
}

export interface InferHardware {
  chipId: string;
  chipName: string;
  chipCount: number;
  memoryBytes: number;
  memoryBytesPerSecond: number;
  /** Dense peak FLOP/s of the GEMM format and its large-GEMM efficiency. */
  gemmFlopsPerSecond: number;
  gemmEfficiency: number;
  /** Attention core (flash/paged attention) rate: 16-bit peak × efficiency. */
  attentionFlopsPerSecond: number;
  attentionEfficiency: number;
  /** Prefill (context) attention rate: the FP8 peak where the engine runs FP8 context attention on an FP8 cache, else attentionFlopsPerSecond. */
  contextAttentionFlopsPerSecond?: number;
  /** Peak softmax exponentials per second (chip.exponentialsPerSecond); absent: attention at its FLOP rate alone. */
  attentionExponentialsPerSecond?: number;
  gemmHalfEfficiencyDim: number;
  fabric: Fabric;
  usdPerChipHour?: number;
}

/** A serving plan. One replica spans max(tp, ep)·pp chips; with ep > tp attention runs data-parallel (ep/tp groups). */
export interface InferPlan {
  tp: number;
  pp: number;
  ep: number;
  replicas: number;
}

export interface InferJob {
  arch: Architecture;
  hardware: InferHardware;
  formats: InferFormats;
  inputTokens: number;
  outputTokens: number;
  /** Calibration to use (the catalog's when absent; the backtest's cross-validation passes each fold's refit). */
  parameters?: InferParameters;
  /** The serving engine's per-iteration host time relative to the fitted one (src/catalog/serving-engines.ts; 1 when absent). */
  hostOverheadScale?: number;
  /** How the engine sizes its KV pool (src/catalog/serving-engines.ts); absent: the calibration's runtime reserve. */
  kvMemory?: { of: "free" | "total"; fraction: number };
  /** Share of input tokens served from the prefix cache (prefill skips them; decode still reads them). */
  prefixCacheHitRate?: number;
  /**
   * The engine's largest running batch per replica (TensorRT-LLM max_batch_size, vLLM max_num_seqs, MLPerf
   * gpu_batch_size) when the deployment sets one; absent: the calibration's maxBatchSequences per attention group.
   */
  maxBatchSequences?: number;
  /** Engine features of expert-parallel MoE serving (src/catalog/serving-engines.ts). */
  expertParallel?: { fp8Dispatch: boolean; twoBatchOverlap: boolean };
  /** Speculative decoding: γ drafts per verify step, acceptance α; the draft model's job for method "draft". */
  speculative?: { method: "draft" | "mtp" | "eagle" | "ngram"; draftTokens: number; acceptanceRate: number; draftJob?: InferJob };
}

/**
 * Expected tokens per verify step with γ drafts each accepted with probability α (Leviathan, Kalai, Matias 2023):
 * (1 − α^(γ+1)) / (1 − α) — the accepted prefix plus the verifier's own token.
 */
export function acceptedTokensPerStep(acceptanceRate: number, draftTokens: number): number {
  const a = Math.min(Math.max(acceptanceRate, 0), 0.999999);
  return (1 - a ** (draftTokens + 1)) / (1 - a);
}

/** The calibration a job runs under. */
export function jobParameters(job: Pick<InferJob, "parameters">): InferParameters {
  return job.parameters ?? defaultInferParameters;
}

export function chipsPerReplica(plan: Pick<InferPlan, "tp" | "pp" | "ep">): number {
  return Math.max(plan.tp, plan.ep) * plan.pp;
}

export function attentionGroups(plan: Pick<InferPlan, "tp" | "ep">): number {
  return plan.ep > plan.tp ? plan.ep / plan.tp : 1;
}

export interface InferMemory {
  weightsBytes: number;
  /** Per running sequence at the workload's mean context (input + output/2; paged cache), per chip. */
  kvCachePerSequenceBytes: number;
  activationsBytes: number;
  runtimeReserveBytes: number;
  /** Memory left for KV cache. */
  kvPoolBytes: number;
}

interface Shares {
  /** Weights every token reads: attention, norms, embeddings, dense MLP, shared experts, router. */
  denseParams: number;
  /** Parameters of one routed expert of one layer. */
  expertParams: number;
  moeLayerCount: number;
  numExperts: number;
  expertsPerToken: number;
  embeddingParams: number;
}

function shares(arch: Architecture): Shares {
  const p = parameterBreakdown(arch);
  const moe = arch.moe;
  return {
    denseParams: p.total - p.routedExperts,
    expertParams: moe ? mlpParameters(arch, moe.expertIntermediateSize) : 0,
    moeLayerCount: moeLayers(arch),
    numExperts: moe?.numExperts ?? 0,
    expertsPerToken: moe?.expertsPerToken ?? 0,
    embeddingParams: p.embedding,
  };
}

/** Bytes per value of the EP dispatch and combine: DeepEP-style engines dispatch FP8 when the activations are 8-bit. */
function epFormatBytes(job: InferJob): { dispatch: number; combine: number } {
  const act = job.formats.activationBytesPerValue;
  return job.expertParallel?.fp8Dispatch && job.formats.gemmBytesPerValue !== undefined && job.formats.gemmBytesPerValue <= 1
    ? { dispatch: 1, combine: act }
    : { dispatch: act, combine: act };
}

/**
 * One MoE layer's dispatch + combine for `tokens` tokens of one rank over an EP group of n (local of them in its
 * scale-up domain). DeepEP-style engines (fp8Dispatch) send one copy of a token per destination node over RDMA
 * and forward it inside the node over NVLink (DeepEP README, "NVLink forwarding"), so the cross-node bytes scale
 * with the distinct remote nodes a token's k experts land on, D·(1 − (1 − 1/D)^k)·(D − 1)/D of D nodes, not with k.
 */
export function expertAllToAllSeconds(job: InferJob, tokens: number, n: number, local: number): number {
  const s = shares(job.arch);
  if (n <= 1 || tokens <= 0 || s.expertsPerToken <= 0) return 0;
  const f = job.hardware.fabric;
  const bytes = epFormatBytes(job);
  const k = s.expertsPerToken;
  const perCopy = tokens * job.arch.hiddenSize;
  const one = (bytesPerValue: number) => {
    const volume = perCopy * k * bytesPerValue;
    const inside = (volume * (local - 1)) / n / f.scaleUpBytesPerSecond + (local > 1 ? f.scaleUpLatencySeconds : 0);
    if (local >= n) return inside;
    const nodes = n / local;
    const remoteCopies = job.expertParallel?.fp8Dispatch ? nodes * (1 - (1 - 1 / nodes) ** k) * ((nodes - 1) / nodes) : (k * (n - local)) / n;
    const outside = (perCopy * remoteCopies * bytesPerValue) / f.scaleOutBytesPerSecond + f.scaleOutLatencySeconds;
    return Math.max(inside, outside);
  };
  return one(bytes.dispatch) + one(bytes.combine);
}

/**
 * Expert-load balance β = mean/max routed tokens per EP rank (≤ 1): the slowest rank sets each MoE layer's time, so
 * expert compute and the all-to-all scale by 1/β. Gaussian extreme value over G ranks, β ≈ 1/(1 + CV·√(2 ln G)),
 * with CV = multinomial sampling noise 1/√(tokens per rank) plus the popularity skew EPLB leaves: 0.067, from
 * SGLang's prefill with default EPLB vs a simulated perfect balance, 50,302 vs 59,337 tokens/s per node at EP32
 * (β ≈ 0.85; lmsys.org/blog/2025-05-05-large-scale-ep, ablation).
 */
export function expertBalance(ep: number, tokensPerRank: number): number {
  if (ep <= 1) return 1;
  const sampling = tokensPerRank > 0 ? 1 / Math.sqrt(tokensPerRank) : 1;
  return 1 / (1 + (sampling + EPLB_RESIDUAL_SKEW) * Math.sqrt(2 * Math.log(ep)));
}
const EPLB_RESIDUAL_SKEW = 0.067;
/** Compute slowdown while DeepEP normal kernels run: 132 / (132 − 20) SMs (DeepSeek-V3 report §3.2.2). */
const COMM_SM_SLOWDOWN = 132 / 112;

/** Expert slots over an EP group: ⌈E/ep⌉·ep (the E routed experts plus EPLB's redundant copies when ep does not divide E). */
export function expertSlots(numExperts: number, ep: number): number {
  if (numExperts <= 0) return 0;
  const e = Math.max(ep, 1);
  return Math.ceil(numExperts / e) * e;
}

/** Expected distinct experts a batch of `tokens` touches in one layer: E·(1−(1−k/E)^B) (uniform routing). */
export function expectedExpertsTouched(numExperts: number, expertsPerToken: number, tokens: number): number {
  if (numExperts <= 0 || tokens <= 0) return 0;
  return numExperts * (1 - (1 - expertsPerToken / numExperts) ** tokens);
}

export function inferMemory(job: InferJob, plan: InferPlan): InferMemory {
  const { arch, hardware, formats } = job;
  const c = jobParameters(job);
  const s = shares(arch);
  const replicaChips = chipsPerReplica(plan);
  const denseWeights = (s.denseParams / (plan.tp * plan.pp)) * formats.weightBytesPerParameter;
  // EP that does not divide the experts holds ⌈E/ep⌉ slots per rank, the spare ones redundant copies (EPLB).
  const expertWeights = ((s.expertParams * expertSlots(s.numExperts, plan.ep) * s.moeLayerCount) / replicaChips) * formats.weightBytesPerParameter;
  const weightsBytes = denseWeights + expertWeights;
  // Paged KV: at steady state a running sequence holds its current context, input + output/2 on average.
  // Prefix caching: the cached share of the prompt is held once (pinned, shared by reference) — below — not per sequence.
  const hit = job.prefixCacheHitRate ?? 0;
  const context = job.inputTokens * (1 - hit) + job.outputTokens / 2;
  const kvCachePerSequenceBytes = kvCacheBytesPerSequence(arch, context, formats.kvBytesPerValue) / plan.pp / kvTensorShards(arch, plan.tp) / attentionGroups(plan);
  // Prefill chunk workspace: residual, qkv, MLP hidden (sharded by tp) and fp32 logits of the chunk's last tokens.
  const chunk = c.prefillChunkTokens;
  const mlpWidth = arch.moe ? arch.moe.expertIntermediateSize * arch.moe.expertsPerToken : arch.intermediateSize;
  const activationsBytes = chunk * (4 * arch.hiddenSize + (3 * mlpWidth) / plan.tp) * 2 + 256 * (arch.vocabSize / plan.tp) * 4;
  // The engine's KV-pool rule: a fraction of the memory left free (TensorRT-LLM) or of the device (vLLM, SGLang).
  const rule = job.kvMemory;
  const free = hardware.memoryBytes - weightsBytes - activationsBytes - c.runtimeReserveBytes;
  const runtimeReserveBytes =
    rule === undefined
      ? c.runtimeReserveBytes + c.runtimeReserveFraction * hardware.memoryBytes
      : rule.of === "free"
        ? c.runtimeReserveBytes + (1 - rule.fraction) * Math.max(free, 0)
        : Math.max(c.runtimeReserveBytes, (1 - rule.fraction) * hardware.memoryBytes);
  const pinnedPrefixBytes = hit > 0 ? kvCacheBytesPerSequence(arch, job.inputTokens * hit, formats.kvBytesPerValue) / plan.pp / kvTensorShards(arch, plan.tp) : 0;
  const kvPoolBytes = hardware.memoryBytes - weightsBytes - activationsBytes - runtimeReserveBytes - pinnedPrefixBytes;
  return { weightsBytes, kvCachePerSequenceBytes, activationsBytes, runtimeReserveBytes, kvPoolBytes };
}

/** Largest number of sequences (whole deployment) whose KV cache fits at the workload's context. */
export function maxConcurrency(job: InferJob, plan: InferPlan): number {
  const m = inferMemory(job, plan);
  if (m.kvPoolBytes <= 0 || m.kvCachePerSequenceBytes <= 0) return 0;
  const perReplica = Math.floor(m.kvPoolBytes / m.kvCachePerSequenceBytes);
  return Math.min(perReplica, batchLimit(job, plan)) * plan.replicas;
}

/** Largest running batch the engine schedules per replica: the deployment's max batch size, else the calibration's per attention group. */
export function batchLimit(job: InferJob, plan: InferPlan): number {
  return job.maxBatchSequences ?? jobParameters(job).maxBatchSequences * attentionGroups(plan);
}

/**
 * Attention-core FLOPs per cached key per layer in decode: 2·heads·(d_qk + d_v); MLA decodes in the
 * absorbed form (DeepSeek-V2 §2.1.3), attending over the latent: d_qk = kv_lora + rope, d_v = kv_lora.
 */
export function decodeAttentionFlopsPerKey(arch: Architecture): number {
  const a = arch.attention;
  if (a.kind === "mla") return 2 * a.numHeads * (a.kvLoraRank + a.qkRopeHeadDim + a.kvLoraRank);
  return 2 * a.numHeads * (a.headDim + a.headDim);
}

/** FLOPs per attention score in prefill: QKᵀ and AV, 2·(d_qk + d_v). */
function prefillFlopsPerScore(arch: Architecture): number {
  const { qk, v } = attentionWidths(arch);
  return 2 * (qk + v);
}

/** Time of a kernel that streams `memorySeconds` of bytes and computes `computeSeconds`: the longer of the two plus the un-overlapped share of the shorter. */
function roofline(memorySeconds: number, flops: number, rate: number, m: number, c: InferParameters): number {
  const compute = flops / (rate * shape(Math.max(m, 1e-9), c));
  return Math.max(memorySeconds, compute) + (1 - c.decodeComputeMemoryOverlap) * Math.min(memorySeconds, flops / rate);
}

function shape(m: number, c: InferParameters): number {
  return m / (m + c.gemmHalfEfficiencyDim);
}

/**
 * Width factor of a GEMM whose output dimension per shard is `n`: narrow shards (large TP, fine experts) fill fewer
 * output tiles per SM wave (wave quantisation, CUTLASS tile 128-256 wide), n / (n + gemmHalfEfficiencyWidth).
 */
function widthShape(n: number, c: InferParameters): number {
  return n / (n + c.gemmHalfEfficiencyWidth);
}

/** Output widths per shard of the dense and the expert GEMMs (MLP-dominated; attention-only dense part for MoE). */
function gemmWidths(arch: Architecture, plan: InferPlan): { dense: number; expert: number } {
  const replicaChips = chipsPerReplica(plan);
  const expertTp = Math.max(1, replicaChips / (plan.pp * Math.max(plan.ep, 1)));
  return {
    dense: (arch.moe ? arch.hiddenSize : arch.intermediateSize) / plan.tp,
    expert: arch.moe ? arch.moe.expertIntermediateSize / expertTp : 0,
  };
}

export interface StepBreakdown {
  weightSeconds: number;
  kvCacheSeconds: number;
  communicationSeconds: number;
  overheadSeconds: number;
  totalSeconds: number;
}

/**
 * One decode iteration of one pipeline stage for `sequences` running sequences (of one replica) at a
 * mean context of `contextTokens`.
 */
export function decodeTickSeconds(job: InferJob, plan: InferPlan, sequences: number, contextTokens: number, prefillTokens = 0, queriesPerSequence = 1): StepBreakdown {
  const { arch, hardware: hw, formats } = job;
  const c = jobParameters(job);
  const s = shares(arch);
  const groups = attentionGroups(plan);
  const replicaChips = chipsPerReplica(plan);
  const perGroup = sequences / groups;
  // Chunked-prefill tokens riding in this iteration join the same GEMMs (m = decode + prefill tokens).
  const prefillPerGroup = prefillTokens / groups;
  // A speculative verify step scores γ+1 tokens per sequence in one pass (the GEMMs see them all; the cache is read once).
  const tokens = sequences * queriesPerSequence + prefillTokens;
  const tokensPerGroup = perGroup * queriesPerSequence + prefillPerGroup;
  const layers = arch.numLayers / plan.pp;
  const moeLayersHere = s.moeLayerCount / plan.pp;
  const bandwidth = hw.memoryBytesPerSecond;
  // Weights: dense part once per iteration; experts only those the batch touches.
  const denseBytes = ((s.denseParams - s.embeddingParams) / (plan.tp * plan.pp)) * formats.weightBytesPerParameter;
  const touched = expectedExpertsTouched(s.numExperts, s.expertsPerToken, tokens);
  const expertBytes = ((touched * s.expertParams * moeLayersHere) / (replicaChips / plan.pp)) * formats.weightBytesPerParameter;
  const denseFlops = (2 * tokensPerGroup * (s.denseParams - s.embeddingParams)) / (plan.tp * plan.pp);
  const expertFlops = (2 * tokens * s.expertsPerToken * s.expertParams * moeLayersHere) / (replicaChips / plan.pp);
  // Long compute-bound iterations run at the sustained, not the burst, GEMM rate (clocks fall under a full load).
  const rate = hw.gemmFlopsPerSecond * hw.gemmEfficiency * c.sustainedGemmFraction;
  const widths = gemmWidths(arch, plan);
  const weightBandwidth = bandwidth * c.decodeWeightBandwidthEfficiency;
  const denseTime = roofline(denseBytes / weightBandwidth, denseFlops, rate * widthShape(widths.dense, c), tokensPerGroup, c);
  const tokensPerExpert = touched > 0 ? (tokens * s.expertsPerToken) / touched : 0;
  const balance = expertBalance(plan.ep, (tokens * s.expertsPerToken) / Math.max(plan.ep, 1));
  const expertTime = expertBytes > 0 ? roofline(expertBytes / weightBandwidth, expertFlops, rate * widthShape(widths.expert, c), tokensPerExpert, c) / balance : 0;
  // KV cache: each sequence's cache, read once per iteration; attention FLOPs against it.
  const kvBytes = (perGroup * kvCacheBytesPerSequence(arch, contextTokens, formats.kvBytesPerValue)) / plan.pp / kvTensorShards(arch, plan.tp);
  const attnFlops = (queriesPerSequence * perGroup * decodeAttentionFlopsPerKey(arch) * kvLayerTokens(arch, contextTokens)) / plan.pp / plan.tp;
  const attnRate = exponentialCappedRate(
    hw.attentionFlopsPerSecond * hw.attentionEfficiency,
    hw.attentionExponentialsPerSecond,
    decodeAttentionFlopsPerKey(arch) / arch.attention.numHeads,
  );
  // Prefill tokens' causal attention over their own prompt (the prompt length is the workload's input).
  // With a prefix hit h the new tokens sit at positions hL..L: they attend (1+h)× the keys of an average prompt token.
  const hitFactor = 1 + (job.prefixCacheHitRate ?? 0);
  const prefillAttnFlops = prefillPerGroup > 0 ? (hitFactor * prefillPerGroup * forwardFlopsPerToken(arch, job.inputTokens).attentionCore) / plan.pp / plan.tp : 0;
  const contextAttnRate = exponentialCappedRate(
    (hw.contextAttentionFlopsPerSecond ?? hw.attentionFlopsPerSecond) * hw.attentionEfficiency,
    hw.attentionExponentialsPerSecond,
    prefillFlopsPerScore(arch),
  );
  const kvCacheSeconds = Math.max(kvBytes / (bandwidth * c.kvCacheBandwidthEfficiency), attnFlops / attnRate) + prefillAttnFlops / contextAttnRate;
  // Communication: 2 all-reduces per layer over TP, 2 all-to-alls per MoE layer over EP, 1 p2p per stage.
  const f = hw.fabric;
  const actBytes = tokensPerGroup * arch.hiddenSize * formats.activationBytesPerValue;
  const tpLocal = membersPerDomain(plan.tp, 1, f.scaleUpDomainChips);
  const tpSeconds = 2 * layers * ringCollectiveSeconds(2, actBytes, plan.tp, tpLocal, f);
  const epN = Math.max(plan.ep, 1);
  const epLocal = membersPerDomain(epN, 1, f.scaleUpDomainChips);
  // Dispatch + combine: both in the activation-transfer format, or (DeepEP) dispatch FP8 and combine BF16.
  const epSeconds = epN > 1 ? (moeLayersHere * expertAllToAllSeconds(job, tokensPerGroup, epN, epLocal)) / balance : 0;
  const ppSeconds = plan.pp > 1 ? p2pSeconds(actBytes, replicaChips > f.scaleUpDomainChips, f) : 0;
  // Two-batch overlap (DeepSeek-V3 §3.4; SGLang): with the batch split in two, one half's all-to-all runs under the
  // other half's compute, so the EP traffic costs only what exceeds the MoE compute — when each half still has
  // enough tokens (SGLang: +25.5% at 256 tokens/device, −27% at 32: below 64 tokens per group it is off).
  const tbo = epN > 1 && job.expertParallel?.twoBatchOverlap === true && tokensPerGroup >= 64;
  const hiddenEp = tbo ? Math.min(epSeconds, expertTime + denseTime) : 0;
  const communicationSeconds = (tpSeconds + epSeconds - hiddenEp + ppSeconds) * c.communicationExposedFraction;
  const overheadSeconds =
    (c.stepOverheadSeconds * (job.hostOverheadScale ?? 1)) / plan.pp +
    c.perLayerOverheadSeconds * layers +
    // The per-MoE-layer EP time is the straggler wait of attention data-parallel ranks meeting at each layer's
    // all-to-all with different batches (its fitted rows all run DP attention, tp < ep); with TP attention every
    // rank holds the same tokens and meets in lockstep (TRT-LLM min-latency DeepSeek-R1: TP8 attention, EP MoE).
    (plan.ep > 1 && attentionGroups(plan) > 1 ? c.expertParallelLayerOverheadSeconds * moeLayersHere : 0);
  const weightSeconds = denseTime + expertTime;
  return {
    weightSeconds,
    kvCacheSeconds,
    communicationSeconds,
    overheadSeconds,
    totalSeconds: weightSeconds + kvCacheSeconds + communicationSeconds + overheadSeconds,
  };
}

/** Prefill of one request of `tokens` on one attention group: latency (TTFT part) and replica-seconds of work. */
export function prefillSeconds(job: InferJob, plan: InferPlan, tokens: number): { latencySeconds: number; replicaWorkSeconds: number } {
  const { arch, hardware: hw, formats } = job;
  const c = jobParameters(job);
  const s = shares(arch);
  const fwd = forwardFlopsPerToken(arch, tokens);
  // Prefix caching (SGLang RadixAttention, vLLM APC): the cached share h skips its linear layers, and the new
  // queries attend over the whole prompt, (L² − (hL)²)/L² = 1 − h² of the causal attention.
  const hit = job.prefixCacheHitRate ?? 0;
  const linearFlops = tokens * (1 - hit) * (fwd.total - fwd.attentionCore);
  const attnFlops = tokens * (1 - hit * hit) * fwd.attentionCore;
  const rate = hw.gemmFlopsPerSecond * hw.gemmEfficiency * c.sustainedGemmFraction * c.prefillRelativeEfficiency * shape(tokens, c) * widthShape(gemmWidths(arch, plan).dense, c);
  const attnRate = exponentialCappedRate(
    (hw.contextAttentionFlopsPerSecond ?? hw.attentionFlopsPerSecond) * hw.attentionEfficiency,
    hw.attentionExponentialsPerSecond,
    prefillFlopsPerScore(arch),
  );
  const replicaChips = chipsPerReplica(plan);
  // Latency: one request's prefill runs on its attention group's tp chips per stage (experts spread over the replica).
  const denseShare = (s.denseParams - s.embeddingParams) / Math.max(s.denseParams - s.embeddingParams + s.expertParams * s.numExperts * s.moeLayerCount, 1);
  const linearLatency = (linearFlops * denseShare) / (plan.tp * rate) + (linearFlops * (1 - denseShare)) / ((replicaChips / plan.pp) * rate);
  const weightsFloor = (inferMemory(job, plan).weightsBytes * plan.pp) / (hw.memoryBytesPerSecond * c.decodeWeightBandwidthEfficiency);
  const f = hw.fabric;
  const actBytes = tokens * (1 - hit) * arch.hiddenSize * formats.activationBytesPerValue;
  const tpLocal = membersPerDomain(plan.tp, 1, f.scaleUpDomainChips);
  const tpComm = 2 * arch.numLayers * ringCollectiveSeconds(2, actBytes, plan.tp, tpLocal, f);
  // The slowest EP rank sets the MoE layers' pace (prompts from every attention group route together).
  const balance = expertBalance(plan.ep, (tokens * (1 - hit) * attentionGroups(plan) * s.expertsPerToken) / Math.max(plan.ep, 1));
  const epComm = plan.ep > 1 ? (s.moeLayerCount * expertAllToAllSeconds(job, tokens * (1 - hit), plan.ep, membersPerDomain(plan.ep, 1, f.scaleUpDomainChips))) / balance : 0;
  const compute = (linearFlops * (denseShare + (1 - denseShare) / balance)) / (replicaChips * rate) + attnFlops / (replicaChips * attnRate);
  // Two-batch overlap hides the all-to-all under the other micro-batch's compute (prefill: SGLang +27-35%), but the
  // normal-mode dispatch/combine kernels hold 20 of H800's 132 SMs meanwhile (DeepSeek-V3 report §3.2.2), so the
  // overlapped compute runs 132/112 slower: per group, time = max(comm, compute·132/112) instead of comm + compute.
  const groupCompute = compute * attentionGroups(plan);
  const tbo = job.expertParallel?.twoBatchOverlap === true && plan.ep > 1;
  const epExposed = tbo ? Math.max(epComm, groupCompute * COMM_SM_SLOWDOWN) - groupCompute : epComm;
  const comm = tpComm + epExposed;
  const latencySeconds = Math.max(linearLatency + attnFlops / (plan.tp * attnRate), weightsFloor) + comm;
  const replicaWorkSeconds = compute + comm / attentionGroups(plan);
  return { latencySeconds, replicaWorkSeconds };
}

/**
 * Time to propose γ draft tokens for `sequences` running sequences: γ decode steps of the draft model on the same
 * chips (method "draft"); for MTP/EAGLE γ passes of one extra decoder layer plus the LM head (DeepSeek-V3 §2.2 MTP
 * module; EAGLE's one-layer head), priced as one layer of the target's own decode tick plus the embedding read;
 * n-gram lookup runs on the host (no GPU time).
 */
export function draftSeconds(job: InferJob, plan: InferPlan, sequences: number, contextTokens: number): number {
  const spec = job.speculative;
  if (!spec || spec.method === "ngram") return 0;
  if (spec.method === "draft" && spec.draftJob) {
    const draftPlan = { tp: plan.tp, pp: 1, ep: 1, replicas: plan.replicas };
    return spec.draftTokens * decodeTickSeconds(spec.draftJob, draftPlan, sequences, contextTokens).totalSeconds;
  }
  const tick = decodeTickSeconds(job, plan, sequences / plan.pp, contextTokens);
  const c = jobParameters(job);
  const s = shares(job.arch);
  const perLayer = (plan.pp * (tick.weightSeconds + tick.kvCacheSeconds + tick.communicationSeconds)) / job.arch.numLayers;
  const lmHead = ((s.embeddingParams / 2 / plan.tp) * job.formats.weightBytesPerParameter) / (job.hardware.memoryBytesPerSecond * c.decodeWeightBandwidthEfficiency);
  return spec.draftTokens * (perLayer + lmHead + c.perLayerOverheadSeconds);
}

export interface SteadyState {
  /** Running sequences per replica. */
  sequencesPerReplica: number;
  tpotSeconds: number;
  ttftSeconds: number;
  outputTokensPerSecond: number;
  requestsPerSecond: number;
  decode: StepBreakdown;
  prefillLatencySeconds: number;
}

/**
 * Continuous batching with `sequences` running per replica: each iteration every stage runs its decode tick, and
 * the prompts of the requests that replace finished ones (sequences / outputTokens per iteration) ride in the same
 * forward pass (in-flight batching / chunked prefill: one GEMM of m = decode + prompt tokens).
 */
export function steadyState(job: InferJob, plan: InferPlan, sequences: number, options: { decodeOnly?: boolean } = {}): SteadyState {
  const b = Math.max(sequences, 1e-9);
  const meanContext = job.inputTokens + job.outputTokens / 2;
  const prefill = prefillSeconds(job, plan, job.inputTokens);
  // Each iteration also runs the prefills of the other requests that replace finished ones ((b−1)/outputTokens per iteration).
  // In-flight batching (TRT-LLM) / chunked prefill (vLLM, Sarathi-Serve): their prompt tokens run in the same
  // forward pass as the decode tokens, so the linear layers see one GEMM of m = decode + prefill tokens.
  const spec = job.speculative;
  const perStep = spec ? acceptedTokensPerStep(spec.acceptanceRate, spec.draftTokens) : 1;
  // A disaggregated decode pool runs no prompts: its iterations carry decode tokens only.
  const prefillRequests = options.decodeOnly ? 0 : (Math.max(b - 1, 0) * perStep) / job.outputTokens;
  const newTokens = job.inputTokens * (1 - (job.prefixCacheHitRate ?? 0));
  const tick = decodeTickSeconds(job, plan, b / plan.pp, meanContext, (prefillRequests * newTokens) / plan.pp, spec ? spec.draftTokens + 1 : 1);
  const iteration = plan.pp * tick.totalSeconds + (spec ? draftSeconds(job, plan, b, meanContext) : 0);
  // With speculation each iteration emits the accepted tokens plus the verifier's own: TPOT = iteration / τ.
  const tpotSeconds = iteration / perStep;
  // A new request's prefill runs in the next iteration, alongside the decodes of the others (mean wait: half an
  // iteration, then the iteration that carries it). With no other request in flight (concurrency 1, or a light
  // Poisson load) nothing is running: the prompt starts at once and TTFT is the prefill alone (issue 9 §2). The
  // chance that another request is running is 1 − e^(−(b−1)) for b running sequences (Poisson occupancy).
  const busy = 1 - Math.exp(-Math.max(b - 1, 0));
  const ttftSeconds = prefill.latencySeconds + busy * (iteration + tpotSeconds / 2);
  // Little's law: b requests each in the system for ttft + outputTokens·tpot.
  const requestsPerReplica = b / (ttftSeconds + job.outputTokens * tpotSeconds);
  const requestsPerSecond = requestsPerReplica * plan.replicas;
  return {
    sequencesPerReplica: b,
    tpotSeconds,
    ttftSeconds,
    outputTokensPerSecond: requestsPerSecond * job.outputTokens,
    requestsPerSecond,
    decode: tick,
    prefillLatencySeconds: prefill.latencySeconds,
  };
}

/**
 * Running sequences per replica that serve `requestsPerSecond` (whole deployment) at steady state:
 * the smallest b with b / tpot(b) ≥ rate · outputTokens / replicas (bisection; throughput grows with b).
 * Returns `maxSequences` (and sustainable = false) when even that is too slow.
 */
export function sequencesForRate(job: InferJob, plan: InferPlan, requestsPerSecond: number, maxSequences: number): { sequences: number; sustainable: boolean } {
  const need = (requestsPerSecond * job.outputTokens) / plan.replicas;
  const rate = (b: number) => steadyState(job, plan, b).outputTokensPerSecond / plan.replicas;
  if (maxSequences <= 0) return { sequences: 0, sustainable: false };
  if (rate(maxSequences) < need) return { sequences: maxSequences, sustainable: false };
  let lo = 0;
  let hi = maxSequences;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (rate(mid) >= need) hi = mid;
    else lo = mid;
  }
  return { sequences: hi, sustainable: true };
}

export interface RateSteadyState extends SteadyState {
  /** False when the rate exceeds what `maxSequences` running sequences per replica can serve (results at saturation). */
  sustainable: boolean;
  /** Offered load over capacity (requests/s ÷ requests/s at the largest batch), per replica, in [0, 1). */
  utilisation: number;
  /** Mean wait before a request's prefill starts (M/D/1), included in ttftSeconds. */
  queueSeconds: number;
}

/** Utilisation above which the queue is treated as saturated (keeps the M/D/1 wait finite). */
const MAX_UTILISATION = 0.995;

/**
 * Open-loop (Poisson) serving at `requestsPerSecond` for the whole deployment. Continuous batching: every
 * iteration decodes the running batch and prefills (chunked) the prompts that arrived during the previous
 * one, so TPOT is the iteration time including its prefill share (steadyState). The running batch is the
 * fixed point of Little's law, N = λ·(TTFT(N) + outputTokens·TPOT(N)), solved by bisection on
 * [0, maxSequences]; TTFT adds the M/D/1 waiting time of the admission queue, ρ·D / (2(1−ρ)), with
 * ρ = λ / capacity (capacity = request rate at maxSequences) and D = the time a request's prefill occupies
 * the prefill path (its own prefill latency plus one iteration). Sources: Little 1961; Kleinman 1975
 * (Pollaczek–Khinchine mean wait, M/D/1); Agrawal et al. 2024 (Sarathi-Serve: stall-free chunked prefill).
 */
export function rateSteadyState(job: InferJob, plan: InferPlan, requestsPerSecond: number, maxSequences: number): RateSteadyState {
  const lambda = Math.max(requestsPerSecond, 0) / plan.replicas;
  const top = Math.max(maxSequences, 1e-9);
  const atTop = steadyState(job, plan, top);
  const capacity = atTop.requestsPerSecond / plan.replicas;
  const rho = capacity > 0 ? Math.min(lambda / capacity, MAX_UTILISATION) : MAX_UTILISATION;
  const queueAt = (s: SteadyState) => (rho * (s.prefillLatencySeconds + s.tpotSeconds)) / (2 * (1 - rho));
  // Little's law residual: running sequences minus λ·(time each request holds a slot); increasing in N while sustainable.
  const residual = (n: number) => {
    const s = steadyState(job, plan, n);
    return n - lambda * (s.ttftSeconds + queueAt(s) + job.outputTokens * s.tpotSeconds);
  };
  const sustainable = maxSequences > 0 && lambda < capacity && residual(top) >= 0;
  let n = top;
  if (sustainable) {
    let lo = 0;
    let hi = top;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (residual(mid) >= 0) hi = mid;
      else lo = mid;
    }
    n = hi;
  }
  const s = steadyState(job, plan, n);
  const queueSeconds = queueAt(s);
  const ttftSeconds = s.ttftSeconds + queueSeconds;
  const served = sustainable ? lambda * plan.replicas : s.requestsPerSecond;
  return {
    ...s,
    ttftSeconds,
    requestsPerSecond: served,
    outputTokensPerSecond: served * job.outputTokens,
    sustainable,
    utilisation: rho,
    queueSeconds,
  };
}

export { kvCacheBytesPerToken };

/**
 * The iteration-time model the serving simulation runs on (src/physics/serving-sim.ts), tabulated from this file's
 * decode tick: the linear layers, communication and overheads of an iteration carrying m tokens (geometric grid,
 * 8 points per octave, interpolated), the KV read per cached token, and the causal attention per (prefill token ×
 * key). One replica; pipeline stages in series as in steadyState.
 */
export function servingStepModel(job: InferJob, plan: InferPlan, maxTokens: number): SimStepModel {
  const pp = plan.pp;
  const grid: number[] = [];
  const top = Math.max(2, maxTokens);
  const points = Math.ceil(Math.log2(top) * 8) + 1;
  for (let i = 0; i < points; i++) {
    const m = 2 ** (i / 8);
    grid.push(pp * decodeTickSeconds(job, plan, m / pp, 0, 0).totalSeconds);
  }
  const linearSeconds = (m: number) => {
    if (m <= 1) return grid[0];
    const x = Math.log2(m) * 8;
    const i = Math.floor(x);
    if (i + 1 >= grid.length) return grid[grid.length - 1] * (m / 2 ** ((grid.length - 1) / 8));
    return grid[i] + (x - i) * (grid[i + 1] - grid[i]);
  };
  const ref = 4096;
  const kvSecondsPerToken = (pp * decodeTickSeconds(job, plan, 1 / pp, ref, 0).kvCacheSeconds) / ref;
  // Attention of one prefill token over `keys` keys: the tick's prefill-attention share at the workload's prompt.
  const L = Math.max(job.inputTokens, 1);
  const noHit = { ...job, prefixCacheHitRate: undefined };
  const withPrefill = decodeTickSeconds(noHit, plan, 0, 0, 1024 / pp).kvCacheSeconds * pp;
  const prefillAttentionSecondsPerTokenKey = withPrefill / 1024 / (L / 2);
  const spec = job.speculative;
  const d1 = spec ? draftSeconds(job, plan, 1, job.inputTokens + job.outputTokens / 2) : 0;
  const d64 = spec ? draftSeconds(job, plan, 64, job.inputTokens + job.outputTokens / 2) : 0;
  const draft = (b: number) => Math.max(0, d1 + ((d64 - d1) * (b - 1)) / 63);
  return { linearSeconds, kvSecondsPerToken, prefillAttentionSecondsPerTokenKey, draftSeconds: draft };
}

/**
 * KV-cache transfer from a prefill to a decode pool (disaggregated serving: DistServe, Splitwise, Mooncake, NIXL):
 * bytes = KV bytes per token × new prompt tokens; each of the prefill replica's tp ranks sends its shard over its own
 * link — scale-up (NVLink) when both pools sit in one scale-up domain, else scale-out (RDMA) — plus one latency per
 * layer's message. Layer-wise streaming hides it behind the prefill: exposed = max(T/L, T − prefill·(L−1)/L)
 * (Splitwise §4; the SGLang/Mooncake layer-wise transfer).
 */
export function kvTransferSeconds(
  job: InferJob,
  prefillPlan: InferPlan,
  prefillLatencySeconds: number,
  sameScaleUpDomain: boolean,
): { totalSeconds: number; exposedSeconds: number; bytes: number } {
  const tokens = job.inputTokens * (1 - (job.prefixCacheHitRate ?? 0));
  const bytes = kvCacheBytesPerToken(job.arch, job.formats.kvBytesPerValue) * tokens;
  const f = job.hardware.fabric;
  const senders = Math.max(1, prefillPlan.tp) * prefillPlan.pp;
  const bandwidth = (sameScaleUpDomain ? f.scaleUpBytesPerSecond : f.scaleOutBytesPerSecond) * senders;
  const latency = (sameScaleUpDomain ? f.scaleUpLatencySeconds : f.scaleOutLatencySeconds) * job.arch.numLayers;
  const totalSeconds = bytes / bandwidth + latency;
  const L = job.arch.numLayers;
  const exposedSeconds = Math.max(totalSeconds / L, totalSeconds - (prefillLatencySeconds * (L - 1)) / L);
  return { totalSeconds, exposedSeconds, bytes };
}

/** Requests per second one prefill replica sustains when prompts are batched back to back (its replica-seconds per request). */
export function prefillCapacity(job: InferJob, plan: InferPlan): number {
  const work = prefillSeconds(job, plan, job.inputTokens).replicaWorkSeconds;
  const c = jobParameters(job);
  // Plus one iteration's fixed host time per batch of prompts filling the token budget.
  const perRequestOverhead = (c.stepOverheadSeconds * (job.hostOverheadScale ?? 1) * job.inputTokens) / c.prefillChunkTokens / attentionGroups(plan);
  return 1 / (work + perRequestOverhead);
}
