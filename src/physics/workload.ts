/**
 * The workload of one transformer: parameters, FLOPs per token and the tensors a token leaves behind.
 * Pure arithmetic on an `Architecture`; every term is named after the weight or op it counts.
 *
 * Sources: Megatron-LM parameter count (Narayanan et al. 2021, SC21, Eq. 2), FLOPs per token
 * (Kaplan et al. 2020 Table 1; Korthikanti et al. 2022 App. A; PaLM App. B for MFU), DeepSeek-V2 §2.1 (MLA).
 * @module
 */
import { type Architecture, type Attention, homogeneousLayers, type LayerKind, type StateSpaceMixer } from "../catalog/architecture.ts";
import type { OffloadModule, Recompute, RecomputeModule } from "./plan.ts";

export interface ParameterBreakdown {
  /** Input token embedding (plus learned position embedding, if any). */
  embedding: number;
  /** Output projection to the vocabulary (0 when tied to the input embedding). */
  outputHead: number;
  /** All attention projections of all layers (and Nemotron-NAS linear replacements). */
  attention: number;
  /** Mamba mixers of all state-space layers. */
  stateSpace: number;
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
export function attentionWidths(arch: Architecture, attention: Attention = arch.attention): { qk: number; v: number; heads: number } {
  const a = attention;
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

/** Parameters of one layer's attention block (projections, their biases, MLA's latent norms, q/k norms, sinks). */
export function attentionParameters(arch: Architecture, attention: Attention = arch.attention): number {
  const h = arch.hiddenSize;
  const a = attention;
  const sinks = arch.attentionSinks ? a.numHeads : 0;
  if (a.kind === "gqa") {
    const q = a.numHeads * a.headDim;
    const kv = a.numKvHeads * a.headDim;
    const weights = h * q + 2 * h * kv + q * h; // Wq, Wk, Wv, Wo
    const bias = arch.attentionBias ? q + 2 * kv + h : 0;
    const qkNorm = arch.qkNorm === "per-head" ? 2 * a.headDim : arch.qkNorm === "full" ? q + kv : 0;
    return weights + bias + qkNorm + sinks;
  }
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const q = a.qLoraRank > 0 ? h * a.qLoraRank + a.qLoraRank : h * a.numHeads * qHead;
  const kvDown = h * (a.kvLoraRank + a.qkRopeHeadDim) + a.kvLoraRank; // down-projection + latent RMSNorm
  const out = a.numHeads * a.vHeadDim * h;
  return q + kvDown + mlaUpProjectionParameters(a) + out + sinks;
}

/** MLA's up projections from the latents to the full heads: q_lora → heads·(d_nope + d_rope) (when queries are low-rank) and kv_lora → heads·(d_nope + d_v). */
export function mlaUpProjectionParameters(a: Extract<Attention, { kind: "mla" }>): number {
  return a.qLoraRank * a.numHeads * (a.qkNopeHeadDim + a.qkRopeHeadDim) + a.kvLoraRank * a.numHeads * (a.qkNopeHeadDim + a.vHeadDim);
}

/** Parameters of one MLP of hidden width `width` (gated: gate, up, down; plain: up, down). */
export function mlpParameters(arch: Architecture, width: number): number {
  const matrices = arch.gatedMlp ? 3 : 2;
  const bias = arch.mlpBias ? (matrices - 1) * width + arch.hiddenSize : 0;
  return matrices * arch.hiddenSize * width + bias;
}

/**
 * Parameters of one Mamba mixer. Mamba-1 (transformers MambaMixer): in_proj h→2d, depthwise conv d×K (+d),
 * x_proj d→(R+2N), dt_proj R→d (+d), A_log d×N, D d, out_proj d→h. Mamba-2 (Mamba2Mixer): in_proj
 * h→(2d + 2gN + heads), conv over d + 2gN channels, dt_bias, A_log and D per head, a gated RMSNorm d, out_proj d→h.
 */
export function stateSpaceParameters(arch: Architecture, ssm: StateSpaceMixer): number {
  const h = arch.hiddenSize;
  const d = ssm.innerSize;
  const n = ssm.stateSize;
  const projBias = ssm.projectionBias;
  if (ssm.version === 1) {
    const r = ssm.timeStepRank;
    const inProj = h * 2 * d + (projBias ? 2 * d : 0);
    const conv = d * ssm.convKernel + (ssm.convBias ? d : 0);
    const xProj = d * (r + 2 * n);
    const dtProj = r * d + d;
    const norms = ssm.innerNorms ? r + 2 * n : 0;
    return inProj + conv + xProj + dtProj + d * n + d + d * h + (projBias ? h : 0) + norms;
  }
  const convChannels = d + 2 * ssm.groups * n;
  const inWidth = 2 * d + 2 * ssm.groups * n + ssm.numHeads;
  const inProj = h * inWidth + (projBias ? inWidth : 0);
  const conv = convChannels * ssm.convKernel + (ssm.convBias ? convChannels : 0);
  return inProj + conv + 3 * ssm.numHeads + d + d * h + (projBias ? h : 0);
}

/**
 * Recurrent state one sequence keeps in one Mamba layer, in bytes: the SSM state (d·N values at the state's
 * format) plus the last K−1 conv inputs (bf16), independent of the context length.
 */
export function stateSpaceStateBytes(ssm: StateSpaceMixer): number {
  const convChannels = ssm.version === 1 ? ssm.innerSize : ssm.innerSize + 2 * ssm.groups * ssm.stateSize;
  return ssm.innerSize * ssm.stateSize * ssm.stateBytesPerValue + convChannels * (ssm.convKernel - 1) * 2;
}

/**
 * Forward FLOPs of one token's selective scan in one Mamba layer (projections are counted as weights):
 * per state element, discretise (ΔA, ΔB·x: 2), update h ← Āh + B̄x (3) and read y += C·h (2): 7·d·N.
 * Counted from Gu & Dao 2023 Alg. 2; the conv adds 2·K per channel.
 */
export function stateSpaceScanFlops(ssm: StateSpaceMixer): number {
  return 7 * ssm.innerSize * ssm.stateSize + 2 * ssm.convKernel * ssm.innerSize;
}

const layerCache = new WeakMap<Architecture, readonly LayerKind[]>();

/** The model's layers one by one: `arch.layers`, or the homogeneous stack the summary fields describe. */
export function layerKinds(arch: Architecture): readonly LayerKind[] {
  if (arch.layers) return arch.layers;
  const hit = layerCache.get(arch);
  if (hit) return hit;
  const layers = homogeneousLayers(arch);
  layerCache.set(arch, layers);
  return layers;
}

export function moeLayers(arch: Architecture): number {
  if (!arch.layers) return arch.moe ? arch.numLayers - arch.moe.denseLayers : 0;
  let n = 0;
  for (const layer of arch.layers) if (layer.ffn.kind === "moe") n++;
  return n;
}

const breakdownCache = new WeakMap<Architecture, ParameterBreakdown>();

/** Parameter count by component (Megatron SC21 Eq. 2, generalised to GQA, MLA, gated MLPs, MoE and Mamba), summed per layer. */
export function parameterBreakdown(arch: Architecture): ParameterBreakdown {
  const hit = breakdownCache.get(arch);
  if (hit) return hit;
  const p = computeBreakdown(arch);
  breakdownCache.set(arch, p);
  return p;
}

function computeBreakdown(arch: Architecture): ParameterBreakdown {
  const h = arch.hiddenSize;
  const moe = arch.moe;
  const embedding = arch.vocabSize * h + arch.positionEmbeddings * h;
  const outputHead = arch.tiedEmbeddings ? 0 : arch.vocabSize * h;
  let attention = 0;
  let stateSpace = 0;
  let denseMlp = 0;
  let routedExperts = 0;
  let sharedExperts = 0;
  let router = 0;
  let normVectors = 1; // the final norm
  let activeRouted = 0;
  const expert = moe ? mlpParameters(arch, moe.expertIntermediateSize) : 0;
  const shared = moe ? moe.numSharedExperts * mlpParameters(arch, moe.sharedIntermediateSize) : 0;
  for (const layer of layerKinds(arch)) {
    const m = layer.mixer;
    if (m.kind === "attention") attention += attentionParameters(arch, m.attention ?? arch.attention);
    else if (m.kind === "mamba") stateSpace += stateSpaceParameters(arch, m.ssm);
    else if (m.kind === "linear") attention += h * h;
    const f = layer.ffn;
    if (f.kind === "dense") denseMlp += mlpParameters(arch, f.intermediateSize);
    else if (f.kind === "linear") denseMlp += h * h;
    else if (f.kind === "moe" && moe) {
      routedExperts += moe.numExperts * expert;
      activeRouted += moe.expertsPerToken * expert;
      sharedExperts += shared;
      router += moe.numExperts * h + (arch.routerBias ? moe.numExperts : 0);
    }
    normVectors += layer.norms;
  }
  const norms = normVectors * h * arch.normParametersPerHidden;
  const total = embedding + outputHead + attention + stateSpace + denseMlp + routedExperts + sharedExperts + router + norms;
  const activePerToken = total - routedExperts + activeRouted;
  return Object.freeze({ embedding, outputHead, attention, stateSpace, denseMlp, routedExperts, sharedExperts, router, norms, total, activePerToken });
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

/**
 * Mean attended keys per query per layer, averaged over all layers: full and windowed attention layers
 * contribute their mean, layers without attention (Mamba, MLP-only, no-op) contribute 0.
 */
export function meanAttendedKeysPerLayer(arch: Architecture, sequenceTokens: number, ignoreWindows = false): number {
  let sum = 0;
  const layers = layerKinds(arch);
  for (const layer of layers) {
    if (layer.mixer.kind === "attention") sum += meanAttendedTokens(sequenceTokens, ignoreWindows ? undefined : layer.mixer.windowTokens);
  }
  return sum / layers.length;
}

/** Share of the layers whose token mixer is attention (1 for a plain transformer; Mamba and no-op layers excluded). */
export function attentionLayerShare(arch: Architecture): number {
  const layers = layerKinds(arch);
  let n = 0;
  for (const layer of layers) if (layer.mixer.kind === "attention") n++;
  return n / layers.length;
}

export interface ForwardFlopsPerToken {
  /** Matrix multiplies with weights: 2 FLOP per active weight (embedding lookup excluded). */
  attentionProjections: number;
  /** QKᵀ and AV: 2·heads·(d_qk + d_v)·(mean attended keys) per layer, causal mask counted. */
  attentionCore: number;
  /** Mamba layers: 2 FLOP per mixer weight plus the selective scan. */
  stateSpace: number;
  mlp: number;
  router: number;
  outputHead: number;
  total: number;
}

/**
 * Forward FLOPs for one token at position-averaged context in a causal sequence of `sequenceTokens`.
 * Training model FLOPs per token are 3× this (forward + backward); full recompute adds one forward.
 */
const flopsCache = new WeakMap<Architecture, Map<number, ForwardFlopsPerToken>>();

export function forwardFlopsPerToken(arch: Architecture, sequenceTokens: number): ForwardFlopsPerToken {
  let bySequence = flopsCache.get(arch);
  if (!bySequence) {
    bySequence = new Map();
    flopsCache.set(arch, bySequence);
  }
  const hit = bySequence.get(sequenceTokens);
  if (hit) return hit;
  const flops = Object.freeze(computeForwardFlops(arch, sequenceTokens));
  if (bySequence.size < 64) bySequence.set(sequenceTokens, flops);
  return flops;
}

function computeForwardFlops(arch: Architecture, sequenceTokens: number): ForwardFlopsPerToken {
  const p = parameterBreakdown(arch);
  const attentionProjections = 2 * p.attention; // biases add ~1e-4, left in
  let core = 0;
  let scan = 0;
  for (const layer of layerKinds(arch)) {
    const m = layer.mixer;
    if (m.kind === "attention") {
      const { qk, v, heads } = attentionWidths(arch, m.attention ?? arch.attention);
      core += 2 * heads * (qk + v) * meanAttendedTokens(sequenceTokens, m.windowTokens);
    } else if (m.kind === "mamba") scan += stateSpaceScanFlops(m.ssm);
  }
  const attentionCore = core;
  const stateSpace = 2 * p.stateSpace + scan;
  const moe = arch.moe;
  const sparseLayers = moeLayers(arch);
  const activeExperts = moe ? sparseLayers * moe.expertsPerToken * mlpParameters(arch, moe.expertIntermediateSize) + p.sharedExperts : 0;
  const mlp = 2 * (p.denseMlp + activeExperts);
  const router = moe ? 2 * sparseLayers * moe.numExperts * arch.hiddenSize : 0;
  const outputHead = 2 * arch.vocabSize * arch.hiddenSize;
  return {
    attentionProjections,
    attentionCore,
    stateSpace,
    mlp,
    router,
    outputHead,
    total: attentionProjections + attentionCore + stateSpace + mlp + router + outputHead,
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

/** What one token stores per layer for backward, tensor by tensor, in bytes before dividing by tp (not full recompute). */
interface StoredActivationParts {
  /** Residual stream into the attention norm and into the MLP norm. */
  attentionNormInput: number;
  mlpNormInput: number;
  /** Norm outputs into the QKV and first MLP GEMMs, in the saved-input format (recomputed under selective). */
  qkvInput: number;
  mlpInput: number;
  /** Q, K and V for the flash backward. */
  queryKeyValue: number;
  /** Attention output, and the output projection's quantized copy of it. */
  attentionOutput: number;
  /** First MLP GEMM output (gate and up). */
  mlpInner: number;
  /** Activation output, input of the down projection, in the saved-input format (recomputed under selective). */
  mlpActivated: number;
  /** Router logits (fp32). */
  routing: number;
}

function storedActivationParts(
  arch: Architecture,
  moeLayer: boolean,
  recompute: "none" | "selective",
  bytes: number,
  savedInputBytes: number,
  modules?: readonly RecomputeModule[],
): StoredActivationParts {
  if (recompute === "selective" && modules) return moduleStoredParts(arch, moeLayer, bytes, savedInputBytes, modules);
  const w = layerTensorWidths(arch, moeLayer);
  const gate = arch.gatedMlp ? 2 : 1;
  const kept = recompute === "none" ? savedInputBytes : 0; // selective recomputes the norms and the activation
  return {
    attentionNormInput: bytes * w.hidden,
    mlpNormInput: bytes * w.hidden,
    qkvInput: kept * w.hidden,
    mlpInput: kept * w.hidden,
    queryKeyValue: bytes * (w.query + w.keyValue),
    attentionOutput: bytes * w.attentionOutput + (savedInputBytes < bytes ? savedInputBytes * w.attentionOutput : 0),
    mlpInner: bytes * gate * w.mlpHidden,
    mlpActivated: kept * w.mlpHidden,
    routing: moeLayer && arch.moe ? arch.moe.numExperts * 2 : 0,
  };
}

/**
 * What a layer stores when exactly `modules` are recomputed (Megatron-Core recompute_modules): everything of the
 * no-recompute layer but what those modules free. layernorm frees the norm outputs; moe_act the routed experts'
 * activation output; mla_up_proj the full-head Q, K, V (the latents stay: q_lora + kv_lora + the shared rotary key);
 * mlp (dense layers) and moe (MoE layers) keep only their input, the pre-MLP norm output; shared_experts frees the
 * shared experts' share of the MLP's inner and activated tensors. core_attn frees nothing a fused kernel keeps.
 */
function moduleStoredParts(arch: Architecture, moeLayer: boolean, bytes: number, savedInputBytes: number, modules: readonly RecomputeModule[]): StoredActivationParts {
  const p = storedActivationParts(arch, moeLayer, "none", bytes, savedInputBytes);
  const has = (m: RecomputeModule) => modules.includes(m);
  const moe = moeLayer ? arch.moe : undefined;
  const gate = arch.gatedMlp ? 2 : 1;
  if (has("layernorm")) {
    p.qkvInput = 0;
    p.mlpInput = 0;
  }
  const a = arch.attention;
  if (has("mla_up_proj") && a.kind === "mla") p.queryKeyValue = Math.min(p.queryKeyValue, bytes * (a.qLoraRank + a.kvLoraRank + a.qkRopeHeadDim));
  if ((moe && has("moe")) || (!moe && has("mlp"))) {
    // The checkpoint keeps its input (the pre-MLP norm output, itself recomputed under layernorm) and nothing inside.
    p.mlpInner = 0;
    p.mlpActivated = 0;
    p.routing = 0;
  } else if (moe) {
    const shared = moe.numSharedExperts * moe.sharedIntermediateSize;
    const routed = moe.expertsPerToken * moe.expertIntermediateSize;
    if (has("moe_act")) p.mlpActivated -= savedInputBytes * routed;
    if (has("shared_experts")) {
      p.mlpInner -= bytes * gate * shared;
      p.mlpActivated -= savedInputBytes * shared;
    }
  }
  return p;
}

/**
 * Activation bytes one token leaves per layer for backward, before dividing by tp (flash attention). `savedInputBytes`:
 * bytes per value of the inputs the linear layers keep for their weight gradient — the 16-bit `bytes`, or the fp8/fp4
 * GEMM format where the stack keeps the quantized copy (Transformer Engine): the norm outputs and the down-projection
 * input are then stored quantized, and the output projection keeps a quantized copy of the attention output beside the
 * 16-bit one flash attention's backward needs.
 */
export function activationBytesPerTokenPerLayer(
  arch: Architecture,
  moeLayer: boolean,
  recompute: Recompute,
  bytes: number,
  savedInputBytes = bytes,
  modules?: readonly RecomputeModule[],
): number {
  if (recompute === "full") return bytes * layerTensorWidths(arch, moeLayer).hidden; // only the layer input is kept
  const p = storedActivationParts(arch, moeLayer, recompute, bytes, savedInputBytes, modules);
  return p.attentionNormInput + p.mlpNormInput + p.qkvInput + p.mlpInput + p.queryKeyValue + p.attentionOutput + p.mlpInner + p.mlpActivated + p.routing;
}

/**
 * Of activationBytesPerTokenPerLayer, the parts the listed modules' inputs are (Megatron-Core fine-grained activation
 * offloading: each module offloads its input), so never more than the layer stores. attn_norm / mlp_norm: the residual
 * stream into each norm; qkv_linear / expert_fc1: the norm outputs into the QKV and first MLP GEMMs (stored only without
 * recompute); core_attn: Q, K, V; attn_proj: the attention output; moe_act: the first expert GEMM's output;
 * fused_group_mlp: the whole expert MLP's. Full recompute keeps only the layer input, which no module offloads.
 */
export function moduleOffloadBytesPerTokenPerLayer(
  arch: Architecture,
  moeLayer: boolean,
  recompute: Recompute,
  bytes: number,
  savedInputBytes: number,
  modules: readonly OffloadModule[],
  recomputed?: readonly RecomputeModule[],
): number {
  if (recompute === "full") return 0;
  const p = storedActivationParts(arch, moeLayer, recompute, bytes, savedInputBytes, recomputed);
  const expert = moeLayer && arch.moe !== undefined;
  const part: Record<OffloadModule, number> = {
    attn_norm: p.attentionNormInput,
    mlp_norm: p.mlpNormInput,
    qkv_linear: p.qkvInput,
    core_attn: p.queryKeyValue,
    attn_proj: p.attentionOutput,
    expert_fc1: expert ? p.mlpInput : 0,
    moe_act: expert ? p.mlpInner : 0,
    fused_group_mlp: expert ? p.mlpInput + p.mlpInner + p.mlpActivated : 0,
  };
  let sum = 0;
  for (const m of modules) sum += part[m];
  return sum;
}
