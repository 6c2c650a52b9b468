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
import { type Fabric, allToAllSeconds, membersPerDomain, p2pSeconds, ringCollectiveSeconds } from "./comm.ts";
import { type InferParameters, defaultInferParameters } from "../catalog/infer-calibration.ts";
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, kvLayerTokens, kvTensorShards } from "./kv-cache.ts";
import { forwardFlopsPerToken, mlpParameters, moeLayers, parameterBreakdown } from "./workload.ts";

/** Bytes per value of each tensor class, and the GEMM rate of the activation format. */
export interface InferFormats {
  weightBytesPerParameter: number;
  kvBytesPerValue: number;
  /** Bytes of activations moved by collectives (bf16 unless the engine communicates in fp8). */
  activationBytesPerValue: number;
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
  const expertWeights = ((s.expertParams * s.numExperts * s.moeLayerCount) / replicaChips) * formats.weightBytesPerParameter;
  const weightsBytes = denseWeights + expertWeights;
  // Paged KV: at steady state a running sequence holds its current context, input + output/2 on average.
  const context = job.inputTokens + job.outputTokens / 2;
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
  const kvPoolBytes = hardware.memoryBytes - weightsBytes - activationsBytes - runtimeReserveBytes;
  return { weightsBytes, kvCachePerSequenceBytes, activationsBytes, runtimeReserveBytes, kvPoolBytes };
}

/** Largest number of sequences (whole deployment) whose KV cache fits at the workload's context. */
export function maxConcurrency(job: InferJob, plan: InferPlan): number {
  const m = inferMemory(job, plan);
  const c = jobParameters(job);
  if (m.kvPoolBytes <= 0 || m.kvCachePerSequenceBytes <= 0) return 0;
  const perReplica = Math.floor(m.kvPoolBytes / m.kvCachePerSequenceBytes);
  return Math.min(perReplica, c.maxBatchSequences * attentionGroups(plan)) * plan.replicas;
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
export function decodeTickSeconds(job: InferJob, plan: InferPlan, sequences: number, contextTokens: number, prefillTokens = 0): StepBreakdown {
  const { arch, hardware: hw, formats } = job;
  const c = jobParameters(job);
  const s = shares(arch);
  const groups = attentionGroups(plan);
  const replicaChips = chipsPerReplica(plan);
  const perGroup = sequences / groups;
  // Chunked-prefill tokens riding in this iteration join the same GEMMs (m = decode + prefill tokens).
  const prefillPerGroup = prefillTokens / groups;
  const tokens = sequences + prefillTokens;
  const tokensPerGroup = perGroup + prefillPerGroup;
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
  const expertTime = expertBytes > 0 ? roofline(expertBytes / weightBandwidth, expertFlops, rate * widthShape(widths.expert, c), tokensPerExpert, c) : 0;
  // KV cache: each sequence's cache, read once per iteration; attention FLOPs against it.
  const kvBytes = (perGroup * kvCacheBytesPerSequence(arch, contextTokens, formats.kvBytesPerValue)) / plan.pp / kvTensorShards(arch, plan.tp);
  const attnFlops = (perGroup * decodeAttentionFlopsPerKey(arch) * kvLayerTokens(arch, contextTokens)) / plan.pp / plan.tp;
  const attnRate = hw.attentionFlopsPerSecond * hw.attentionEfficiency;
  // Prefill tokens' causal attention over their own prompt (the prompt length is the workload's input).
  const prefillAttnFlops = prefillPerGroup > 0 ? (prefillPerGroup * forwardFlopsPerToken(arch, job.inputTokens).attentionCore) / plan.pp / plan.tp : 0;
  const contextAttnRate = (hw.contextAttentionFlopsPerSecond ?? hw.attentionFlopsPerSecond) * hw.attentionEfficiency;
  const kvCacheSeconds = Math.max(kvBytes / (bandwidth * c.kvCacheBandwidthEfficiency), attnFlops / attnRate) + prefillAttnFlops / contextAttnRate;
  // Communication: 2 all-reduces per layer over TP, 2 all-to-alls per MoE layer over EP, 1 p2p per stage.
  const f = hw.fabric;
  const actBytes = tokensPerGroup * arch.hiddenSize * formats.activationBytesPerValue;
  const tpLocal = membersPerDomain(plan.tp, 1, f.scaleUpDomainChips);
  const tpSeconds = 2 * layers * ringCollectiveSeconds(2, actBytes, plan.tp, tpLocal, f);
  const epN = Math.max(plan.ep, 1);
  const epLocal = membersPerDomain(epN, 1, f.scaleUpDomainChips);
  const epSeconds = epN > 1 ? 2 * moeLayersHere * allToAllSeconds(actBytes * s.expertsPerToken, epN, epLocal, f) : 0;
  const ppSeconds = plan.pp > 1 ? p2pSeconds(actBytes, replicaChips > f.scaleUpDomainChips, f) : 0;
  const communicationSeconds = (tpSeconds + epSeconds + ppSeconds) * c.communicationExposedFraction;
  const overheadSeconds =
    (c.stepOverheadSeconds * (job.hostOverheadScale ?? 1)) / plan.pp +
    c.perLayerOverheadSeconds * layers +
    (plan.ep > 1 ? c.expertParallelLayerOverheadSeconds * moeLayersHere : 0);
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
  const linearFlops = tokens * (fwd.total - fwd.attentionCore);
  const attnFlops = tokens * fwd.attentionCore;
  const rate = hw.gemmFlopsPerSecond * hw.gemmEfficiency * c.sustainedGemmFraction * c.prefillRelativeEfficiency * shape(tokens, c) * widthShape(gemmWidths(arch, plan).dense, c);
  const attnRate = (hw.contextAttentionFlopsPerSecond ?? hw.attentionFlopsPerSecond) * hw.attentionEfficiency;
  const replicaChips = chipsPerReplica(plan);
  // Latency: one request's prefill runs on its attention group's tp chips per stage (experts spread over the replica).
  const denseShare = (s.denseParams - s.embeddingParams) / Math.max(s.denseParams - s.embeddingParams + s.expertParams * s.numExperts * s.moeLayerCount, 1);
  const linearLatency = (linearFlops * denseShare) / (plan.tp * rate) + (linearFlops * (1 - denseShare)) / ((replicaChips / plan.pp) * rate);
  const weightsFloor = (inferMemory(job, plan).weightsBytes * plan.pp) / (hw.memoryBytesPerSecond * c.decodeWeightBandwidthEfficiency);
  const f = hw.fabric;
  const actBytes = tokens * arch.hiddenSize * formats.activationBytesPerValue;
  const tpLocal = membersPerDomain(plan.tp, 1, f.scaleUpDomainChips);
  const comm =
    2 * arch.numLayers * ringCollectiveSeconds(2, actBytes, plan.tp, tpLocal, f) +
    (plan.ep > 1 ? 2 * s.moeLayerCount * allToAllSeconds(actBytes * s.expertsPerToken, plan.ep, membersPerDomain(plan.ep, 1, f.scaleUpDomainChips), f) : 0);
  const latencySeconds = Math.max(linearLatency + attnFlops / (plan.tp * attnRate), weightsFloor) + comm;
  const replicaWorkSeconds = linearFlops / (replicaChips * rate) + attnFlops / (replicaChips * attnRate) + comm / attentionGroups(plan);
  return { latencySeconds, replicaWorkSeconds };
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
export function steadyState(job: InferJob, plan: InferPlan, sequences: number): SteadyState {
  const b = Math.max(sequences, 1e-9);
  const meanContext = job.inputTokens + job.outputTokens / 2;
  const prefill = prefillSeconds(job, plan, job.inputTokens);
  // Each iteration also runs the prefills of the other requests that replace finished ones ((b−1)/outputTokens per iteration).
  // In-flight batching (TRT-LLM) / chunked prefill (vLLM, Sarathi-Serve): their prompt tokens run in the same
  // forward pass as the decode tokens, so the linear layers see one GEMM of m = decode + prefill tokens.
  const prefillRequests = Math.max(b - 1, 0) / job.outputTokens;
  const tick = decodeTickSeconds(job, plan, b / plan.pp, meanContext, (prefillRequests * job.inputTokens) / plan.pp);
  const iteration = plan.pp * tick.totalSeconds;
  const tpotSeconds = iteration;
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
