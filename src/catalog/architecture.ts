/**
 * The resolved architecture of a decoder-only transformer: what the physics reads.
 * Built from a Hugging Face config by `parseHfConfig` (src/catalog/hf-config.ts).
 * @module
 */

/** Attention projections. GQA covers MHA (kv heads = heads) and MQA (kv heads = 1). */
export type Attention =
  | {
      kind: "gqa";
      numHeads: number;
      numKvHeads: number;
      headDim: number;
    }
  | {
      /** Multi-head latent attention (DeepSeek-V2/V3): the KV cache holds a compressed latent. */
      kind: "mla";
      numHeads: number;
      /** 0 when queries are projected directly (no low-rank query path). */
      qLoraRank: number;
      kvLoraRank: number;
      qkNopeHeadDim: number;
      qkRopeHeadDim: number;
      vHeadDim: number;
    };

export interface MixtureOfExperts {
  numExperts: number;
  expertsPerToken: number;
  /** Hidden width of one routed expert's MLP. */
  expertIntermediateSize: number;
  numSharedExperts: number;
  /** Hidden width of one shared expert's MLP. */
  sharedIntermediateSize: number;
  /** Leading layers that use a dense MLP of `intermediateSize` instead of experts (DeepSeek `first_k_dense_replace`). */
  denseLayers: number;
  /**
   * Device/node-limited routing (DeepSeek-V2/V3 `n_group`, `topk_group`): experts are split into
   * `routingGroups` groups and a token may use at most `groupsPerToken` of them, so it crosses the
   * scale-out network at most that many times. Absent: unrestricted routing.
   */
  routing?: { routingGroups: number; groupsPerToken: number };
}

export interface Architecture {
  /** Catalog id or a name derived from the config. */
  id: string;
  family: string;
  hiddenSize: number;
  numLayers: number;
  vocabSize: number;
  /** Dense MLP width (for MoE models: the width of the dense leading layers, if any). */
  intermediateSize: number;
  /** Gated MLPs (SwiGLU/GeGLU) have three matrices, plain (GELU) two. */
  gatedMlp: boolean;
  attention: Attention;
  moe?: MixtureOfExperts;
  /** Input and output embeddings share one matrix. */
  tiedEmbeddings: boolean;
  /** Learned absolute position embeddings (GPT-2/GPT-3 style): extra maxPositions × hidden parameters. */
  positionEmbeddings: number;
  /** Biases on the attention projections (qkv) and elsewhere are counted in parameters; negligible in FLOPs. */
  attentionBias: boolean;
  mlpBias: boolean;
  /** LayerNorm has weight and bias (2h); RMSNorm weight only (h). */
  normParametersPerHidden: 1 | 2;
  /** Sliding-window attention: window in tokens, and how many of the layers use it (rest are global). */
  slidingWindow?: { windowTokens: number; layers: number };
  maxContextTokens: number;
  /**
   * The layers one by one, when they differ (hybrid attention/Mamba stacks, interleaved dense/MoE FFNs,
   * sliding/full/chunked attention patterns, per-layer heterogeneous blocks). Absent: every layer is
   * `attention` (windowed as `slidingWindow` says) with a dense FFN, or an MoE one after `moe.denseLayers`.
   * Parameters, FLOPs and KV cache are summed over this list (src/physics/workload.ts `layerKinds`).
   */
  layers?: readonly LayerKind[];
  /** Per-head (Qwen3, Gemma 3, GLM-4.5) or full-width (OLMo 2, MiniMax-M2) RMSNorm on queries and keys. */
  qkNorm?: "per-head" | "full";
  /** Learned per-head attention-sink logits (GPT-OSS): one value per head per attention layer. */
  attentionSinks?: boolean;
  /** The router has a bias (GPT-OSS) or a score-correction bias (DeepSeek-V3, GLM-4.5, MiniMax-M2): E values per MoE layer. */
  routerBias?: boolean;
  /** Extra transformer layers outside `numLayers` that the checkpoint ships (multi-token prediction), not counted in parameters. */
  multiTokenPredictionLayers?: number;
  /** A vision encoder the checkpoint ships beside the language model (counted apart). */
  vision?: VisionTower;
  /** The checkpoint's own weight format, read from `quantization_config` (absent: the config's dtype, bf16/fp16). */
  nativeWeights?: NativeWeightFormat;
}

/** Selective state-space mixer (Mamba: Gu & Dao 2023; Mamba-2: Dao & Gu 2024). */
export interface StateSpaceMixer {
  /** 1 = Mamba (selective scan, per-channel state); 2 = Mamba-2 (SSD, per-head scalar decay, grouped B/C). */
  version: 1 | 2;
  /** Inner width d_inner = expand × hidden (Mamba-2: heads × head_dim). */
  innerSize: number;
  /** State size N per channel (Mamba) or per head dimension (Mamba-2). */
  stateSize: number;
  convKernel: number;
  /** Mamba-2 heads (Mamba: 0). */
  numHeads: number;
  /** Mamba-2 B/C groups (Mamba: 1). */
  groups: number;
  /** Mamba: rank of the Δ projection (Mamba-2: 0). */
  timeStepRank: number;
  convBias: boolean;
  projectionBias: boolean;
  /** Learned RMSNorm weights on Δ, B and C (Jamba). */
  innerNorms: boolean;
  /** Bytes per value of the recurrent state the server keeps (fp32 when `mamba_ssm_cache_dtype` says so). */
  stateBytesPerValue: number;
}

export type LayerMixer =
  | {
      kind: "attention";
      /** This layer's attention (absent: the architecture's `attention`). */
      attention?: Attention;
      /** Sliding window (or chunk, Llama 4) in tokens: the layer attends to and caches at most this many keys. */
      windowTokens?: number;
    }
  | { kind: "mamba"; ssm: StateSpaceMixer }
  /** A single hidden × hidden matrix in place of attention (Nemotron-NAS `replace_with_linear`). */
  | { kind: "linear" }
  | { kind: "none" };

export type LayerFfn =
  | { kind: "dense"; intermediateSize: number }
  | { kind: "moe" }
  /** A single hidden × hidden matrix in place of the MLP (Nemotron-NAS). */
  | { kind: "linear" }
  | { kind: "none" };

export interface LayerKind {
  mixer: LayerMixer;
  ffn: LayerFfn;
  /** Hidden-width norms in this layer (pre-norm transformer: 2; Gemma 2/3: 4; a Nemotron-H block: 1). */
  norms: number;
}

export interface VisionTower {
  /** The encoder family as the config names it (siglip_vision_model, pixtral, qwen3_vl, ...). */
  modelType: string;
  /** Encoder plus the projector into the language model. */
  parameters: number;
  /** Patches (tokens) the encoder runs for one image at `imageSizePixels` square. */
  patchesPerImage: number;
  imageSizePixels: number;
  /** Forward FLOPs for one image at that resolution (2 per weight per patch plus the attention core). */
  flopsPerImage: number;
}

/** A checkpoint's native weight format, from `quantization_config`. */
export interface NativeWeightFormat {
  /** Format id in the catalog (src/catalog/formats.ts): fp8, mxfp4, int4, ... */
  format: string;
  /** What the config said, for the answer's notes: "fp8 e4m3, 128×128 blocks". */
  description: string;
  /** Which weights are stored in that format; the rest (embeddings, output head, norms, router) stay bf16. */
  scope: "linear-layers" | "routed-experts";
}

/**
 * The layer list the summary fields describe when `layers` is absent: `numLayers` attention layers with two
 * norms each, the last `slidingWindow.layers` of them windowed, the last `numLayers − moe.denseLayers` MoE.
 */
export function homogeneousLayers(arch: Architecture): LayerKind[] {
  const L = arch.numLayers;
  const sparse = arch.moe ? L - arch.moe.denseLayers : 0;
  const windowed = arch.slidingWindow?.layers ?? 0;
  const layers: LayerKind[] = [];
  for (let i = 0; i < L; i++) {
    const w = i >= L - windowed ? arch.slidingWindow?.windowTokens : undefined;
    layers.push({
      mixer: w === undefined ? { kind: "attention" } : { kind: "attention", windowTokens: w },
      ffn: i >= L - sparse ? { kind: "moe" } : { kind: "dense", intermediateSize: arch.intermediateSize },
      norms: 2,
    });
  }
  return layers;
}

/** Drop `layers` when it only repeats what the summary fields say (same layers, in any order). */
export function compactLayers(arch: Architecture): Architecture {
  if (!arch.layers) return arch;
  const key = (layers: readonly LayerKind[]) =>
    layers
      .map((l) => JSON.stringify(l))
      .sort()
      .join("|");
  if (key(arch.layers) !== key(homogeneousLayers(arch))) return arch;
  const { layers: _, ...rest } = arch;
  return rest;
}
