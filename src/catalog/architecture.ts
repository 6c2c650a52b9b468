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
}
