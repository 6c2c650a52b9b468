/**
 * State-space and hybrid families: Mamba / Falcon-Mamba (selective scan, Gu & Dao 2023), Mamba-2 (SSD, Dao &
 * Gu 2024), Jamba (Mamba + attention + MoE, Lieber et al. 2024) and Nemotron-H (Mamba-2 + attention + MLP/MoE
 * blocks by `hybrid_override_pattern`). Key names and defaults from transformers `configuration_<type>.py`
 * and NVIDIA's `configuration_nemotron_h.py`.
 * @module
 */
import type { Architecture, Attention, LayerKind, MixtureOfExperts, StateSpaceMixer } from "../architecture.ts";
import { gqa, windowSummary } from "./common.ts";
import type { Reader } from "./reader.ts";

function stateBytes(r: Reader): number {
  const dtype = r.optionalString("mamba_ssm_cache_dtype", "bfloat16");
  return dtype === "float32" ? 4 : 2;
}

/** Mamba-1 mixer (mamba, falcon_mamba, jamba): d_inner = expand·h, Δ rank `time_step_rank` ("auto" = ⌈h/16⌉). */
function mamba1(
  r: Reader,
  hiddenSize: number,
  keys: { state: string; conv: string; rank: string; expand: string; convBias: string; projBias: string },
  innerNorms: boolean,
): StateSpaceMixer {
  const expand = r.optionalNumber(keys.expand, 2);
  const innerSize = Math.round(expand * hiddenSize);
  const rankValue = r.config[keys.rank];
  const timeStepRank = rankValue === undefined || rankValue === null || rankValue === "auto" ? Math.ceil(hiddenSize / 16) : r.size(keys.rank);
  return {
    version: 1,
    innerSize,
    stateSize: r.size(keys.state),
    convKernel: r.size(keys.conv),
    numHeads: 0,
    groups: 1,
    timeStepRank,
    convBias: r.flag(keys.convBias, true),
    projectionBias: r.flag(keys.projBias, false),
    innerNorms,
    stateBytesPerValue: stateBytes(r),
  };
}

function ssmBase(r: Reader, id: string, family: string, hiddenSize: number, numLayers: number, layers: LayerKind[], tiedDefault: boolean, maxPositions: number): Architecture {
  const firstAttention = layers.find((l) => l.mixer.kind === "attention");
  const attention: Attention =
    firstAttention && firstAttention.mixer.kind === "attention" && firstAttention.mixer.attention
      ? firstAttention.mixer.attention
      : { kind: "gqa", numHeads: 1, numKvHeads: 1, headDim: hiddenSize };
  const slidingWindow = windowSummary(layers);
  return {
    id,
    family,
    hiddenSize,
    numLayers,
    vocabSize: r.size("vocab_size"),
    intermediateSize: 0,
    gatedMlp: false,
    attention,
    tiedEmbeddings: r.flag("tie_word_embeddings", tiedDefault),
    positionEmbeddings: 0,
    attentionBias: false,
    mlpBias: false,
    normParametersPerHidden: 1,
    ...(slidingWindow ? { slidingWindow } : {}),
    maxContextTokens: r.optionalSize("max_position_embeddings", maxPositions),
    layers,
  };
}

/** mamba and falcon_mamba: every layer one Mamba mixer behind one RMSNorm; tied embeddings by default. */
export function parseFalconMamba(r: Reader, id: string, family: "mamba" | "falcon_mamba", maxPositions: number): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const ssm = mamba1(r, hiddenSize, { state: "state_size", conv: "conv_kernel", rank: "time_step_rank", expand: "expand", convBias: "use_conv_bias", projBias: "use_bias" }, false);
  const layers: LayerKind[] = Array.from({ length: numLayers }, () => ({ mixer: { kind: "mamba", ssm }, ffn: { kind: "none" }, norms: 1 }));
  return ssmBase(r, id, family, hiddenSize, numLayers, layers, true, maxPositions);
}

/** mamba2: Mamba-2 mixers (num_heads × head_dim = expand·h, n_groups B/C groups), one RMSNorm each. */
export function parseMamba2(r: Reader, id: string, maxPositions: number): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const numHeads = r.size("num_heads");
  const headDim = r.size("head_dim");
  const ssm: StateSpaceMixer = {
    version: 2,
    innerSize: numHeads * headDim,
    stateSize: r.size("state_size"),
    convKernel: r.optionalSize("conv_kernel", 4),
    numHeads,
    groups: r.optionalSize("n_groups", 1),
    timeStepRank: 0,
    convBias: r.flag("use_conv_bias", true),
    projectionBias: r.flag("use_bias", false),
    innerNorms: false,
    stateBytesPerValue: stateBytes(r),
  };
  const layers: LayerKind[] = Array.from({ length: numLayers }, () => ({ mixer: { kind: "mamba", ssm }, ffn: { kind: "none" }, norms: 1 }));
  return ssmBase(r, id, "mamba2", hiddenSize, numLayers, layers, false, maxPositions);
}

/**
 * Jamba: attention every `attn_layer_period` layers from `attn_layer_offset` (else Mamba with Δ/B/C RMSNorms),
 * MoE every `expert_layer_period` from `expert_layer_offset` (else a dense SwiGLU MLP); two norms per layer.
 */
export function parseJamba(r: Reader, id: string, maxPositions: number): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const numHeads = r.size("num_attention_heads");
  const attention = gqa(r, hiddenSize, numHeads);
  const intermediateSize = r.size("intermediate_size");
  const ssm = mamba1(
    r,
    hiddenSize,
    { state: "mamba_d_state", conv: "mamba_d_conv", rank: "mamba_dt_rank", expand: "mamba_expand", convBias: "mamba_conv_bias", projBias: "mamba_proj_bias" },
    true,
  );
  const attnPeriod = r.optionalSize("attn_layer_period", 8);
  const attnOffset = r.optionalCount("attn_layer_offset", 4);
  const expertPeriod = r.optionalSize("expert_layer_period", 2);
  const expertOffset = r.optionalCount("expert_layer_offset", 1);
  const numExperts = r.optionalSize("num_experts", 16);
  const layers: LayerKind[] = [];
  for (let i = 0; i < numLayers; i++) {
    const isAttention = i % attnPeriod === attnOffset;
    const isMoe = numExperts > 1 && i % expertPeriod === expertOffset;
    layers.push({
      mixer: isAttention ? { kind: "attention" } : { kind: "mamba", ssm },
      ffn: isMoe ? { kind: "moe" } : { kind: "dense", intermediateSize },
      norms: 2,
    });
  }
  const moeCount = layers.filter((l) => l.ffn.kind === "moe").length;
  const moe: MixtureOfExperts | undefined =
    moeCount > 0
      ? {
          numExperts,
          expertsPerToken: r.optionalSize("num_experts_per_tok", 2),
          expertIntermediateSize: intermediateSize,
          numSharedExperts: 0,
          sharedIntermediateSize: 0,
          denseLayers: numLayers - moeCount,
        }
      : undefined;
  const base = ssmBase(r, id, "jamba", hiddenSize, numLayers, layers, false, maxPositions);
  return { ...base, attention, intermediateSize, gatedMlp: true, ...(moe ? { moe } : {}) };
}

/**
 * Nemotron-H: one block per character of `hybrid_override_pattern` — M Mamba-2, * attention, - MLP (squared
 * ReLU, two matrices), E MoE (routed experts of `moe_intermediate_size`, shared expert of
 * `moe_shared_expert_intermediate_size`) — each behind one RMSNorm.
 */
export function parseNemotronH(r: Reader, id: string, maxPositions: number): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const pattern = r.optionalString("hybrid_override_pattern", "");
  if (pattern.length !== numLayers || /[^M*\-E]/.test(pattern)) {
    r.fail("hybrid_override_pattern", `a string of ${numLayers} block codes (M Mamba-2, * attention, - MLP, E MoE)`, pattern);
  }
  const numHeads = r.size("num_attention_heads");
  const attention = gqa(r, hiddenSize, numHeads, "num_key_value_heads", r.has("attention_head_dim") ? "attention_head_dim" : "head_dim");
  const mambaHeads = r.size("mamba_num_heads");
  const ssm: StateSpaceMixer = {
    version: 2,
    innerSize: mambaHeads * r.size("mamba_head_dim"),
    stateSize: r.size("ssm_state_size"),
    convKernel: r.optionalSize("conv_kernel", 4),
    numHeads: mambaHeads,
    groups: r.optionalSize("n_groups", 8),
    timeStepRank: 0,
    convBias: r.flag("use_conv_bias", true),
    projectionBias: r.flag("use_bias", false),
    innerNorms: false,
    stateBytesPerValue: stateBytes(r),
  };
  const intermediateSize = pattern.includes("-") ? r.size("intermediate_size") : r.optionalCount("intermediate_size", 0);
  const layers: LayerKind[] = [...pattern].map((code) =>
    code === "M"
      ? { mixer: { kind: "mamba", ssm }, ffn: { kind: "none" }, norms: 1 }
      : code === "*"
        ? { mixer: { kind: "attention" }, ffn: { kind: "none" }, norms: 1 }
        : code === "-"
          ? { mixer: { kind: "none" }, ffn: { kind: "dense", intermediateSize }, norms: 1 }
          : { mixer: { kind: "none" }, ffn: { kind: "moe" }, norms: 1 },
  );
  const moeCount = layers.filter((l) => l.ffn.kind === "moe").length;
  let moe: MixtureOfExperts | undefined;
  if (moeCount > 0) {
    const shared = r.optionalCount("n_shared_experts", 0);
    moe = {
      numExperts: r.size("n_routed_experts"),
      expertsPerToken: r.size("num_experts_per_tok"),
      expertIntermediateSize: r.size("moe_intermediate_size"),
      numSharedExperts: shared,
      sharedIntermediateSize: shared > 0 ? r.size("moe_shared_expert_intermediate_size") : 0,
      denseLayers: numLayers - moeCount,
    };
  }
  const base = ssmBase(r, id, "nemotron_h", hiddenSize, numLayers, layers, false, maxPositions);
  return {
    ...base,
    attention,
    intermediateSize,
    attentionBias: r.flag("attention_bias", false),
    mlpBias: r.flag("mlp_bias", false),
    ...(moe ? { moe, routerBias: true } : {}),
  };
}
