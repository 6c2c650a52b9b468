/**
 * The workload of one transformer: parameters, FLOPs per token and the tensors a token leaves behind.
 * Pure arithmetic on an `Architecture`; every term is named after the weight or op it counts.
 *
 * Sources: Megatron-LM parameter count (Narayanan et al. 2021, SC21, Eq. 2), FLOPs per token
 * (Kaplan et al. 2020 Table 1; Korthikanti et al. 2022 App. A; PaLM App. B for MFU), DeepSeek-V2 §2.1 (MLA).
 * @module
 */
import type { Recompute } from "./plan.ts";
import type { Architecture } from "../catalog/architecture.ts";

export interface ParameterBreakdown {
  /** Input token embedding (plus learned position embedding, if any). */
  embedding: number;
  /** Output projection to the vocabulary (0 when tied to the input embedding). */
  outputHead: number;
  /** All attention projections of all layers. */
  attention: number;
  /** Dense MLPs (dense layers; shared experts count under `sharedExperts`). */
  denseMlp: number;
  /** Routed experts, all of them. */
  routedExperts: number;
  sharedExperts: number;
  router: number;
  norms: number;
  total: number;
  /** Parameters one token touches: routed experts counted `expertsPerToken` times instead of all. */
  activePerToken: number;
}

/** Query/key/value/output widths of one attention layer. */
export function attentionWidths(arch: Architecture): { qk: number; v: number; heads: number } {
  const a = arch.attention;
  if (a.kind === "gqa") return { qk: a.headDim, v: a.headDim, heads: a.numHeads };
  return { qk: a.qkNopeHeadDim + a.qkRopeHeadDim, v: a.vHeadDim, heads: a.numHeads };
}

/**
 * K/V projection parameters each TP shard holds beyond attentionParameters / tp, when TP exceeds the
 * KV heads (multi-query and narrow GQA): each shard keeps ⌈kv/tp⌉ whole heads, replicated (Pope et al.
 * 2022, "Efficiently Scaling Transformer Inference" §3.3). Zero when tp divides the KV heads.
 */
export function replicatedKvParametersPerShard(arch: Architecture, tp: number): number {
  const a = arch.attention;
  if (a.kind !== "gqa" || a.numKvHeads % tp === 0) return 0;
  const perHead = 2 * arch.hiddenSize * a.headDim + (arch.attentionBias ? 2 * a.headDim : 0);
  return perHead * (Math.ceil(a.numKvHeads / tp) - a.numKvHeads / tp);
}

/** Parameters of one layer's attention block (projections, their biases, MLA's latent norms). */
export function attentionParameters(arch: Architecture): number {
  const h = arch.hiddenSize;
  const a = arch.attention;
  if (a.kind === "gqa") {
    const q = a.numHeads * a.headDim;
    const kv = a.numKvHeads * a.headDim;
    const weights = h * q + 2 * h * kv + q * h; // Wq, Wk, Wv, Wo
    const bias = arch.attentionBias ? q + 2 * kv + h : 0;
    return weights + bias;
  }
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const q = a.qLoraRank > 0 ? h * a.qLoraRank + a.qLoraRank + a.qLoraRank * a.numHeads * qHead : h * a.numHeads * qHead;
  const kvDown = h * (a.kvLoraRank + a.qkRopeHeadDim) + a.kvLoraRank; // down-projection + latent RMSNorm
  const kvUp = a.kvLoraRank * a.numHeads * (a.qkNopeHeadDim + a.vHeadDim);
  const out = a.numHeads * a.vHeadDim * h;
  return q + kvDown + kvUp + out;
}

/** Parameters of one MLP of hidden width `width` (gated: gate, up, down; plain: up, down). */
export function mlpParameters(arch: Architecture, width: number): number {
  const matrices = arch.gatedMlp ? 3 : 2;
  const bias = arch.mlpBias ? (matrices - 1) * width + arch.hiddenSize : 0;
  return matrices * arch.hiddenSize * width + bias;
}

export function moeLayers(arch: Architecture): number {
  return arch.moe ? arch.numLayers - arch.moe.denseLayers : 0;
}

/** Parameter count by component (Megatron SC21 Eq. 2, generalised to GQA, MLA, gated MLPs and MoE). */
export function parameterBreakdown(arch: Architecture): ParameterBreakdown {
  const h = arch.hiddenSize;
  const L = arch.numLayers;
  const sparseLayers = moeLayers(arch);
  const denseLayers = L - sparseLayers;
  const embedding = arch.vocabSize * h + arch.positionEmbeddings * h;
  const outputHead = arch.tiedEmbeddings ? 0 : arch.vocabSize * h;
  const attention = L * attentionParameters(arch);
  const denseMlp = denseLayers * mlpParameters(arch, arch.intermediateSize);
  const moe = arch.moe;
  const routedExperts = moe ? sparseLayers * moe.numExperts * mlpParameters(arch, moe.expertIntermediateSize) : 0;
  const sharedExperts = moe ? sparseLayers * moe.numSharedExperts * mlpParameters(arch, moe.sharedIntermediateSize) : 0;
  const router = moe ? sparseLayers * moe.numExperts * h : 0;
  const norms = (2 * L + 1) * h * arch.normParametersPerHidden;
  const total = embedding + outputHead + attention + denseMlp + routedExperts + sharedExperts + router + norms;
  const activeRouted = moe ? sparseLayers * moe.expertsPerToken * mlpParameters(arch, moe.expertIntermediateSize) : 0;
  const activePerToken = total - routedExperts + activeRouted;
  return { embedding, outputHead, attention, denseMlp, routedExperts, sharedExperts, router, norms, total, activePerToken };
}

export function parameterCount(arch: Architecture): number {
  return parameterBreakdown(arch).total;
}

/**
 * Mean number of keys a query attends to in a causal sequence of `sequenceTokens`, optionally windowed.
 * Causal: (s+1)/2. Window w < s: (w(w+1)/2 + (s−w)·w)/s.
 */
export function meanAttendedTokens(sequenceTokens: number, windowTokens = Number.POSITIVE_INFINITY): number {
  const s = sequenceTokens;
  const w = Math.min(windowTokens, s);
  return (w * (w + 1)) / 2 / s + ((s - w) * w) / s;
}

/** Mean attended keys per query, averaged over the model's full-attention and sliding-window layers. */
export function meanAttendedKeysPerLayer(arch: Architecture, sequenceTokens: number): number {
  const windowed = arch.slidingWindow?.layers ?? 0;
  const window = arch.slidingWindow?.windowTokens ?? Number.POSITIVE_INFINITY;
  const L = arch.numLayers;
  return ((L - windowed) * meanAttendedTokens(sequenceTokens) + windowed * meanAttendedTokens(sequenceTokens, window)) / L;
}

export interface ForwardFlopsPerToken {
  /** Matrix multiplies with weights: 2 FLOP per active weight (embedding lookup excluded). */
  attentionProjections: number;
  /** QKᵀ and AV: 2·heads·(d_qk + d_v)·(mean attended keys) per layer, causal mask counted. */
  attentionCore: number;
  mlp: number;
  router: number;
  outputHead: number;
  total: number;
}

/**
 * Forward FLOPs for one token at position-averaged context in a causal sequence of `sequenceTokens`.
 * Training model FLOPs per token are 3× this (forward + backward); full recompute adds one forward.
 */
export function forwardFlopsPerToken(arch: Architecture, sequenceTokens: number): ForwardFlopsPerToken {
  const L = arch.numLayers;
  const { qk, v, heads } = attentionWidths(arch);
  const attentionProjections = 2 * L * attentionParameters(arch); // biases add ~1e-4, left in
  const attentionCore = L * 2 * heads * (qk + v) * meanAttendedKeysPerLayer(arch, sequenceTokens);
  const moe = arch.moe;
  const sparseLayers = moeLayers(arch);
  const denseMlp = (L - sparseLayers) * mlpParameters(arch, arch.intermediateSize);
  const activeExperts = moe
    ? sparseLayers * (moe.expertsPerToken * mlpParameters(arch, moe.expertIntermediateSize) + moe.numSharedExperts * mlpParameters(arch, moe.sharedIntermediateSize))
    : 0;
  const mlp = 2 * (denseMlp + activeExperts);
  const router = moe ? 2 * sparseLayers * moe.numExperts * arch.hiddenSize : 0;
  const outputHead = 2 * arch.vocabSize * arch.hiddenSize;
  return {
    attentionProjections,
    attentionCore,
    mlp,
    router,
    outputHead,
    total: attentionProjections + attentionCore + mlp + router + outputHead,
  };
}

/** The simple 6·N estimate of training FLOPs per token (Kaplan 2020), N = active parameters without embeddings. */
export function sixNFlopsPerToken(arch: Architecture): number {
  const p = parameterBreakdown(arch);
  return 6 * (p.activePerToken - p.embedding);
}

/** Widths, per token, of the tensors one layer produces: used by memory and communication models. */
export interface LayerTensorWidths {
  hidden: number;
  /** Query width (heads × d_qk). */
  query: number;
  /** Key + value width as computed (for MLA: the up-projected keys and values). */
  keyValue: number;
  /** Attention output width before the output projection (heads × d_v). */
  attentionOutput: number;
  /** MLP hidden width a token passes through (for MoE: top-k experts + shared experts). */
  mlpHidden: number;
}

export function layerTensorWidths(arch: Architecture, moeLayer: boolean): LayerTensorWidths {
  const { qk, v, heads } = attentionWidths(arch);
  const a = arch.attention;
  const keyValue = a.kind === "gqa" ? 2 * a.numKvHeads * a.headDim : heads * (qk + v);
  const moe = arch.moe;
  const mlpHidden = moeLayer && moe ? moe.expertsPerToken * moe.expertIntermediateSize + moe.numSharedExperts * moe.sharedIntermediateSize : arch.intermediateSize;
  return { hidden: arch.hiddenSize, query: heads * qk, keyValue, attentionOutput: heads * v, mlpHidden };
}

/**
 * Values of KV cache one token keeps per layer (multiply by the cache format's bytes).
 * GQA: 2·kv_heads·head_dim. MLA: the compressed latent plus the shared rotary key (DeepSeek-V2 §2.1.2).
 */
export function kvCacheValuesPerTokenPerLayer(arch: Architecture): number {
  const a = arch.attention;
  if (a.kind === "gqa") return 2 * a.numKvHeads * a.headDim;
  return a.kvLoraRank + a.qkRopeHeadDim;
}

/** Activation bytes one token leaves per layer for backward, before dividing by tp (flash attention). */
export function activationBytesPerTokenPerLayer(arch: Architecture, moeLayer: boolean, recompute: Recompute, bytes: number): number {
  const w = layerTensorWidths(arch, moeLayer);
  if (recompute === "full") return bytes * w.hidden; // only the layer input is kept
  const gate = arch.gatedMlp ? 2 : 1;
  const norms = 2 * w.hidden; // inputs of the two norms (residual stream)
  const normOutputs = 2 * w.hidden; // inputs of the QKV and first MLP GEMMs
  const attention = w.query + w.keyValue + w.attentionOutput; // Q, K, V and O for the flash backward
  const mlpInner = gate * w.mlpHidden; // first GEMM output (gate and up)
  const mlpActivated = w.mlpHidden; // activation output, input of the down projection
  const routing = moeLayer && arch.moe ? arch.moe.numExperts * 2 : 0; // router logits (fp32)
  if (recompute === "selective") return bytes * (norms + attention + mlpInner) + routing; // norms and activation recomputed
  return bytes * (norms + normOutputs + attention + mlpInner + mlpActivated) + routing;
}
