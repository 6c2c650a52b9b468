/**
 * Hugging Face `config.json` → resolved {@link Architecture}. Pure: no file I/O (the faces read files).
 *
 * Policy: keys that set a size (hidden width, layers, heads, vocabulary, MLP widths, MLA ranks, expert counts,
 * SSM widths) are REQUIRED and never taken from the transformers class defaults, because a silently defaulted
 * width would give a wrong plan. Keys that only switch a feature (biases, tying, sliding window, context length)
 * fall back to the transformers default of that `model_type` (transformers `configuration_<type>.py`).
 *
 * Multimodal wrappers (a `text_config` beside a `vision_config`: Gemma 3, Llama 4, Qwen3-VL, Mistral 3) are
 * unwrapped: the language model is parsed from `text_config`, the vision tower counted apart (./hf/vision.ts).
 * A `model_type` danlu does not know is still read when its `architectures` names a supported class
 * (Kimi K2: `kimi_k2` with `DeepseekV3ForCausalLM`). Without `model_type` or `architectures` the keys decide
 * (`n_embd`/`n_layer`/`n_head` → gpt2, `kv_lora_rank` → deepseek_v3, `num_local_experts` → mixtral,
 * `num_experts` → qwen2_moe/qwen3_moe, Llama-style keys such as `hidden_size` → llama).
 * @module
 */
import { InputError } from "../errors.ts";
import { type Architecture, type Attention, compactLayers, type LayerKind, type MixtureOfExperts } from "./architecture.ts";
import { gqa, headDimOf, windowSummary } from "./hf/common.ts";
import { nativeWeightsOf } from "./hf/quantization.ts";
import { type Config, objectAt, Reader } from "./hf/reader.ts";
import { parseFalconMamba, parseJamba, parseMamba2, parseNemotronH } from "./hf/ssm.ts";
import { parseVisionTower } from "./hf/vision.ts";

/** Every model_type read, by family (README "Supported models" lists the same). */
export const supportedModelTypes = [
  "llama",
  "llama4",
  "llama4_text",
  "mistral",
  "ministral",
  "ministral3",
  "mixtral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "qwen3_vl_text",
  "qwen3_vl_moe_text",
  "deepseek_v2",
  "deepseek_v3",
  "kimi_k2",
  "glm4_moe",
  "minimax_m2",
  "gpt_oss",
  "gemma",
  "gemma2",
  "gemma3",
  "gemma3_text",
  "phi3",
  "olmo2",
  "cohere",
  "starcoder2",
  "gpt_bigcode",
  "gpt2",
  "gptj",
  "gpt_neox",
  "falcon",
  "RefinedWeb",
  "RefinedWebModel",
  "nemotron",
  "nemotron-nas",
  "nemotron_h",
  "mamba",
  "falcon_mamba",
  "mamba2",
  "jamba",
] as const;

/** The families the parser distinguishes (aliases resolved). */
export type ModelType =
  | "llama"
  | "llama4"
  | "mistral"
  | "mixtral"
  | "qwen2"
  | "qwen2_moe"
  | "qwen3"
  | "qwen3_moe"
  | "deepseek_v2"
  | "deepseek_v3"
  | "glm4_moe"
  | "minimax_m2"
  | "gpt_oss"
  | "gemma"
  | "gemma2"
  | "gemma3"
  | "phi3"
  | "olmo2"
  | "cohere"
  | "starcoder2"
  | "gpt_bigcode"
  | "gpt2"
  | "gptj"
  | "gpt_neox"
  | "falcon"
  | "nemotron"
  | "nemotron-nas"
  | "nemotron_h"
  | "mamba"
  | "falcon_mamba"
  | "mamba2"
  | "jamba";

/** model_type spellings that name the same family. */
const aliases: Readonly<Record<string, ModelType>> = {
  llama4_text: "llama4",
  ministral: "mistral",
  ministral3: "mistral",
  qwen3_vl_text: "qwen3",
  qwen3_vl_moe_text: "qwen3_moe",
  kimi_k2: "deepseek_v3",
  gemma3_text: "gemma3",
  RefinedWeb: "falcon",
  RefinedWebModel: "falcon",
};

/** transformers class names (`architectures[0]`) → model_type. */
const modelTypeByArchitecture: Readonly<Record<string, ModelType>> = {
  LlamaForCausalLM: "llama",
  LlamaModel: "llama",
  Llama4ForCausalLM: "llama4",
  Llama4ForConditionalGeneration: "llama4",
  MistralForCausalLM: "mistral",
  Ministral3ForCausalLM: "mistral",
  MixtralForCausalLM: "mixtral",
  Qwen2ForCausalLM: "qwen2",
  Qwen2MoeForCausalLM: "qwen2_moe",
  Qwen3ForCausalLM: "qwen3",
  Qwen3MoeForCausalLM: "qwen3_moe",
  DeepseekV2ForCausalLM: "deepseek_v2",
  DeepseekV3ForCausalLM: "deepseek_v3",
  Glm4MoeForCausalLM: "glm4_moe",
  MiniMaxM2ForCausalLM: "minimax_m2",
  GptOssForCausalLM: "gpt_oss",
  GemmaForCausalLM: "gemma",
  Gemma2ForCausalLM: "gemma2",
  Gemma3ForCausalLM: "gemma3",
  Phi3ForCausalLM: "phi3",
  Olmo2ForCausalLM: "olmo2",
  CohereForCausalLM: "cohere",
  Starcoder2ForCausalLM: "starcoder2",
  GPTBigCodeForCausalLM: "gpt_bigcode",
  GPT2LMHeadModel: "gpt2",
  GPT2Model: "gpt2",
  GPTJForCausalLM: "gptj",
  GPTNeoXForCausalLM: "gpt_neox",
  FalconForCausalLM: "falcon",
  RWForCausalLM: "falcon",
  NemotronForCausalLM: "nemotron",
  DeciLMForCausalLM: "nemotron-nas",
  NemotronHForCausalLM: "nemotron_h",
  MambaForCausalLM: "mamba",
  FalconMambaForCausalLM: "falcon_mamba",
  Mamba2ForCausalLM: "mamba2",
  JambaForCausalLM: "jamba",
};

/** transformers default of `max_position_embeddings` per model_type (used only when the key is absent). */
const defaultMaxPositions: Readonly<Record<ModelType, number>> = {
  llama: 2048,
  llama4: 4096 * 32,
  mistral: 4096 * 32,
  mixtral: 4096 * 32,
  qwen2: 32768,
  qwen2_moe: 32768,
  qwen3: 32768,
  qwen3_moe: 32768,
  deepseek_v2: 2048,
  deepseek_v3: 4096,
  glm4_moe: 131072,
  minimax_m2: 196608,
  gpt_oss: 131072,
  gemma: 8192,
  gemma2: 8192,
  gemma3: 131072,
  phi3: 4096,
  olmo2: 2048,
  cohere: 8192,
  starcoder2: 4096,
  gpt_bigcode: 1024,
  gpt2: 1024,
  gptj: 2048,
  gpt_neox: 2048,
  falcon: 2048,
  nemotron: 4096,
  "nemotron-nas": 2048,
  nemotron_h: 4096,
  // State-space models have no positional limit; the planner still needs a bound for its checks.
  mamba: 1 << 20,
  falcon_mamba: 1 << 20,
  mamba2: 1 << 20,
  jamba: 262144,
};

function canonical(type: string): ModelType | undefined {
  if (type in aliases) return aliases[type];
  return (supportedModelTypes as readonly string[]).includes(type) ? (type as ModelType) : undefined;
}

/** Which family the config describes (explicit, from `architectures`, or guessed from its keys). */
export function resolveModelType(config: Config, path = "model"): ModelType {
  const given = config.model_type;
  const architectures = config.architectures;
  const names = architectures === undefined || architectures === null ? [] : Array.isArray(architectures) ? architectures : [architectures];
  const byClass = names.map((name) => (typeof name === "string" ? modelTypeByArchitecture[name] : undefined)).find((t) => t !== undefined);
  if (given !== undefined && given !== null) {
    const type = typeof given === "string" ? canonical(given) : undefined;
    if (type) return type;
    // An unknown model_type whose class is a supported one (kimi_k2 → DeepseekV3ForCausalLM).
    if (byClass) return byClass;
    throw new InputError({
      path: `${path}.model_type`,
      value: JSON.stringify(given),
      expected: `one of the supported model types: ${supportedModelTypes.join(", ")} (or an architectures entry naming a supported class)`,
    });
  }
  if (byClass) return byClass;
  if (names.length > 0) {
    throw new InputError({
      path: `${path}.architectures`,
      value: JSON.stringify(architectures),
      expected: `a supported architecture (${Object.keys(modelTypeByArchitecture).join(", ")}) or a model_type`,
    });
  }
  if (["n_embd", "n_layer", "n_head"].some((key) => key in config)) return "gpt2";
  if ("kv_lora_rank" in config) return "deepseek_v3";
  if ("num_local_experts" in config) return "mixtral";
  if ("num_experts" in config) return "shared_expert_intermediate_size" in config ? "qwen2_moe" : "qwen3_moe";
  if (["hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size"].some((key) => key in config)) {
    return "llama";
  }
  throw new InputError({
    path: `${path}.model_type`,
    expected: `a model_type (one of ${supportedModelTypes.join(", ")}) or Hugging Face config keys such as hidden_size`,
  });
}

/**
 * Convert a Hugging Face config.json object into the resolved architecture.
 * @param config the parsed config.json
 * @param id the id the architecture will carry (catalog id or a name derived from the file)
 * @param path dotted path of the config in the user's input, for error messages (`model.hidden_size`)
 */
export function parseHfConfig(config: Record<string, unknown>, id: string, path = "model"): Architecture {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new InputError({ path, value: JSON.stringify(config), expected: "a Hugging Face config object" });
  }
  const text = objectAt(config, "text_config", path);
  if (text) {
    // Multimodal wrapper: the language model lives in text_config; tying and quantization may sit outside it.
    const inner: Config = { ...text };
    for (const key of ["tie_word_embeddings", "quantization_config"]) if (inner[key] === undefined && config[key] !== undefined) inner[key] = config[key];
    if (inner.model_type === undefined && inner.architectures === undefined) {
      inner.model_type = config.model_type;
      inner.architectures = config.architectures;
    }
    const arch = parseTextModel(inner, id, `${path}.text_config`);
    const vision = objectAt(config, "vision_config", path);
    return vision ? { ...arch, vision: parseVisionTower(vision, arch.hiddenSize, `${path}.vision_config`, config) } : arch;
  }
  return parseTextModel(config, id, path);
}

function parseTextModel(config: Config, id: string, path: string): Architecture {
  const family = resolveModelType(config, path);
  const r = new Reader(config, path, family);
  let arch: Architecture;
  switch (family) {
    case "gpt2":
    case "gptj":
    case "gpt_neox":
    case "gpt_bigcode":
      arch = parseGptStyle(r, id, family);
      break;
    case "falcon":
      arch = parseFalcon(r, id);
      break;
    case "nemotron-nas":
      arch = parseNemotronNas(r, id);
      break;
    case "nemotron_h":
      arch = parseNemotronH(r, id, defaultMaxPositions.nemotron_h);
      break;
    case "mamba":
    case "falcon_mamba":
      arch = parseFalconMamba(r, id, family, defaultMaxPositions[family]);
      break;
    case "mamba2":
      arch = parseMamba2(r, id, defaultMaxPositions.mamba2);
      break;
    case "jamba":
      arch = parseJamba(r, id, defaultMaxPositions.jamba);
      break;
    default:
      arch = parseLlamaLike(r, id, family);
  }
  arch = compactLayers(arch);
  const native = nativeWeightsOf(objectAt(config, "quantization_config", path), `${path}.quantization_config`);
  return native ? { ...arch, nativeWeights: native } : arch;
}

function checkExperts(r: Reader, numExperts: number, expertsPerToken: number, expertsKey: string): void {
  if (expertsPerToken > numExperts) {
    throw new InputError({
      path: `${r.path}.num_experts_per_tok`,
      value: String(expertsPerToken),
      expected: `at most ${expertsKey} (${numExperts})`,
    });
  }
}

/** The attention/FFN layer list of a transformer: `window(i)` tokens (undefined = full), `sparse(i)` = MoE FFN. */
export function transformerLayers(numLayers: number, window: (i: number) => number | undefined, sparse: (i: number) => boolean, denseWidth: number, norms: number): LayerKind[] {
  const layers: LayerKind[] = [];
  for (let i = 0; i < numLayers; i++) {
    const w = window(i);
    layers.push({
      mixer: w === undefined ? { kind: "attention" } : { kind: "attention", windowTokens: w },
      ffn: sparse(i) ? { kind: "moe" } : { kind: "dense", intermediateSize: denseWidth },
      norms,
    });
  }
  return layers;
}

/** Sliding-window layers from `layer_types` (Gemma 3, GPT-OSS): "sliding_attention" vs "full_attention". */
function layerTypesWindow(r: Reader, numLayers: number, window: number, fallback: (i: number) => boolean): (i: number) => number | undefined {
  const types = r.stringList("layer_types");
  if (types && types.length !== numLayers) r.fail("layer_types", `a list of ${numLayers} layer types (num_hidden_layers)`, types.length);
  return (i) => ((types ? types[i] === "sliding_attention" : fallback(i)) ? window : undefined);
}

/**
 * The RMSNorm/rotary decoder families: llama, mistral, mixtral, qwen2(_moe), qwen3(_moe), deepseek_v2/v3 (MLA),
 * glm4_moe, minimax_m2, gpt_oss, llama4, gemma/gemma2/gemma3, phi3, olmo2, cohere, starcoder2 and nemotron (the
 * last two with LayerNorm and a non-gated MLP).
 */
function parseLlamaLike(r: Reader, id: string, family: ModelType): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const numHeads = r.size("num_attention_heads");
  const vocabSize = r.size("vocab_size");
  const isDeepseek = family === "deepseek_v2" || family === "deepseek_v3";
  const isQwen = family.startsWith("qwen");
  const isGemma = family === "gemma" || family === "gemma2" || family === "gemma3";
  // Families whose FFNs are all experts: intermediate_size is the expert width.
  const allExperts = family === "gpt_oss" || family === "minimax_m2";
  const intermediateSize = allExperts ? 0 : r.size(family === "llama4" && r.has("intermediate_size_mlp") ? "intermediate_size_mlp" : "intermediate_size");

  const attention: Attention = isDeepseek
    ? {
        kind: "mla",
        numHeads,
        qLoraRank: r.nullableCount("q_lora_rank", "null = queries projected directly"),
        kvLoraRank: r.size("kv_lora_rank"),
        qkNopeHeadDim: r.size("qk_nope_head_dim"),
        qkRopeHeadDim: r.size("qk_rope_head_dim"),
        vHeadDim: r.size("v_head_dim"),
      }
    : gqa(r, hiddenSize, numHeads);

  let moe: MixtureOfExperts | undefined;
  let sparse: (i: number) => boolean = () => false;
  if (family === "mixtral" || family === "gpt_oss" || family === "minimax_m2") {
    const numExperts = r.size("num_local_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "num_local_experts");
    moe = { numExperts, expertsPerToken, expertIntermediateSize: r.size("intermediate_size"), numSharedExperts: 0, sharedIntermediateSize: 0, denseLayers: 0 };
    if (family === "minimax_m2" && r.optionalCount("shared_intermediate_size", 0) > 0) {
      moe.numSharedExperts = 1;
      moe.sharedIntermediateSize = r.optionalCount("shared_intermediate_size", 0);
    }
    sparse = () => true;
  } else if (family === "llama4") {
    const numExperts = r.size("num_local_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "num_local_experts");
    const expertWidth = r.size("intermediate_size");
    // transformers Llama4TextConfig: moe_layers default = every interleave_moe_layer_step-th layer (step−1, 2·step−1, …).
    const step = r.optionalSize("interleave_moe_layer_step", 1);
    const listed = r.integerList("moe_layers");
    const moeSet = new Set(listed.length > 0 ? listed : Array.from({ length: numLayers }, (_, i) => i).filter((i) => (i + 1) % step === 0));
    sparse = (i) => moeSet.has(i);
    moe = { numExperts, expertsPerToken, expertIntermediateSize: expertWidth, numSharedExperts: 1, sharedIntermediateSize: expertWidth, denseLayers: numLayers - moeSet.size };
  } else if (family === "qwen2_moe" || family === "qwen3_moe") {
    const numExperts = r.size("num_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "num_experts");
    const expertIntermediateSize = r.size("moe_intermediate_size");
    const step = r.optionalSize("decoder_sparse_step", 1);
    const mlpOnly = new Set(r.integerList("mlp_only_layers"));
    // transformers Qwen2MoeDecoderLayer: sparse iff not in mlp_only_layers and (i + 1) % decoder_sparse_step == 0.
    sparse = (i) => !mlpOnly.has(i) && (i + 1) % step === 0;
    const sharedWidth = family === "qwen2_moe" ? r.optionalCount("shared_expert_intermediate_size", 0) : 0;
    moe = {
      numExperts,
      expertsPerToken,
      expertIntermediateSize,
      numSharedExperts: sharedWidth > 0 ? 1 : 0,
      sharedIntermediateSize: sharedWidth,
      denseLayers: numLayers - countLayers(numLayers, sparse),
    };
  } else if ((isDeepseek || family === "glm4_moe") && r.optionalCount("n_routed_experts", 0) > 0) {
    const numExperts = r.size("n_routed_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "n_routed_experts");
    const expertIntermediateSize = r.size("moe_intermediate_size");
    const firstDense = r.optionalCount("first_k_dense_replace", 0);
    const frequency = r.optionalSize("moe_layer_freq", 1);
    // transformers DeepseekV3DecoderLayer: MoE iff layer >= first_k_dense_replace and layer % moe_layer_freq == 0.
    sparse = (i) => i >= firstDense && i % frequency === 0;
    const numSharedExperts = r.optionalCount("n_shared_experts", 0);
    moe = {
      numExperts,
      expertsPerToken,
      expertIntermediateSize,
      numSharedExperts,
      sharedIntermediateSize: numSharedExperts > 0 ? expertIntermediateSize : 0,
      denseLayers: numLayers - countLayers(numLayers, sparse),
    };
    const groups = r.optionalCount("n_group", 0);
    const groupsPerToken = r.optionalCount("topk_group", 0);
    if (groups > 1 && groupsPerToken > 0 && groupsPerToken < groups) moe.routing = { routingGroups: groups, groupsPerToken };
  }

  const maxContextTokens = r.optionalSize("max_position_embeddings", defaultMaxPositions[family]);
  let window: (i: number) => number | undefined = () => undefined;
  if (family === "mistral" || family === "mixtral") {
    // transformers MistralConfig defaults sliding_window to 4096, MixtralConfig to None; null = full attention.
    const w = "sliding_window" in r.config ? r.optionalSize("sliding_window", 0) : family === "mistral" ? 4096 : 0;
    if (w > 0) window = () => w;
  } else if (isQwen && r.flag("use_sliding_window", false)) {
    // Qwen2/Qwen3: the first max_window_layers layers use full attention, the rest the window.
    const w = r.optionalSize("sliding_window", 4096);
    const fullLayers = r.optionalCount("max_window_layers", 28);
    window = (i) => (i >= fullLayers ? w : undefined);
  } else if (family === "gemma2") {
    // transformers Gemma2DecoderLayer: even layers slide (is_sliding = not layer_idx % 2).
    const w = r.optionalSize("sliding_window", 4096);
    window = layerTypesWindow(r, numLayers, w, (i) => i % 2 === 0);
  } else if (family === "gemma3") {
    // Gemma 3: five local layers per global one (sliding_window_pattern 6: layer i global iff (i+1) % 6 == 0).
    const w = r.optionalSize("sliding_window", 4096);
    const pattern = r.optionalSize("sliding_window_pattern", r.optionalSize("_sliding_window_pattern", 6));
    window = layerTypesWindow(r, numLayers, w, (i) => (i + 1) % pattern !== 0);
  } else if (family === "gpt_oss") {
    const w = r.optionalSize("sliding_window", 128);
    window = layerTypesWindow(r, numLayers, w, (i) => i % 2 === 0);
  } else if (family === "llama4") {
    // Llama 4: chunked local attention in three of four layers; every 4th (no_rope_layers) attends globally.
    const chunk = r.optionalSize("attention_chunk_size", 8192);
    const noRope = r.integerList("no_rope_layers");
    window = noRope.length === numLayers ? (i) => (noRope[i] ? chunk : undefined) : (i) => ((i + 1) % 4 !== 0 ? chunk : undefined);
  } else if (family === "starcoder2" || family === "phi3" || family === "cohere") {
    const w = r.optionalSize("sliding_window", 0);
    if (w > 0 && w < maxContextTokens) window = () => w;
  }

  // Norm vectors per layer: Gemma 2/3 add post-attention and post-FFN norms (4); OLMo 2 moves both after the
  // sublayer (2); Cohere's parallel block has one.
  const normsPerLayer = family === "gemma2" || family === "gemma3" ? 4 : family === "cohere" ? 1 : 2;
  const layers = transformerLayers(numLayers, window, sparse, intermediateSize, normsPerLayer);

  const attentionBias =
    family === "qwen2" || family === "qwen2_moe"
      ? true // Qwen2 always has q/k/v biases (o_proj none)
      : family === "mistral" || family === "mixtral"
        ? false
        : family === "starcoder2"
          ? r.flag("use_bias", true)
          : r.flag("attention_bias", family === "gpt_oss");
  const layerNorm = family === "nemotron" || family === "starcoder2";
  const qkNorm: Architecture["qkNorm"] =
    family === "qwen3" || family === "qwen3_moe" || family === "gemma3"
      ? "per-head"
      : family === "glm4_moe" && r.flag("use_qk_norm", false)
        ? "per-head"
        : family === "olmo2" || (family === "minimax_m2" && r.flag("use_qk_norm", true))
          ? "full"
          : family === "cohere" && r.flag("use_qk_norm", false)
            ? "full"
            : undefined;
  const slidingWindow = windowSummary(layers);
  const mtp = r.optionalCount("num_nextn_predict_layers", 0);

  return {
    id,
    family,
    hiddenSize,
    numLayers,
    vocabSize,
    intermediateSize,
    // Nemotron-4 (squared ReLU) and StarCoder2 (GELU) have two-matrix MLPs.
    gatedMlp: family !== "nemotron" && family !== "starcoder2",
    attention,
    ...(moe ? { moe } : {}),
    // Gemma, Cohere and StarCoder2 tie the output head to the embedding by default.
    tiedEmbeddings: r.flag("tie_word_embeddings", isGemma || family === "cohere" || family === "starcoder2"),
    positionEmbeddings: 0,
    attentionBias,
    mlpBias: family === "llama" ? r.flag("mlp_bias", false) : family === "starcoder2" ? r.flag("use_bias", true) : family === "gpt_oss",
    normParametersPerHidden: layerNorm ? 2 : 1,
    ...(slidingWindow ? { slidingWindow } : {}),
    maxContextTokens,
    layers,
    ...(qkNorm ? { qkNorm } : {}),
    ...(family === "gpt_oss" ? { attentionSinks: true, routerBias: true } : {}),
    ...(moe && (family === "deepseek_v3" || family === "glm4_moe" || (family === "minimax_m2" && r.flag("use_routing_bias", false))) ? { routerBias: true } : {}),
    ...(mtp > 0 ? { multiTokenPredictionLayers: mtp } : {}),
  };
}

/** Number of layers i in [0, numLayers) for which `isSparse(i)` holds. */
function countLayers(numLayers: number, isSparse: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < numLayers; i++) if (isSparse(i)) n++;
  return n;
}

/**
 * The GELU/LayerNorm families, which differ only in key names and a few switches:
 * - gpt2 (and GPT-3 / Megatron GPT written as GPT-2): learned positions, biases everywhere, tied embeddings;
 * - gpt_bigcode (SantaCoder, StarCoder 1): gpt2 with multi-query attention (`multi_query`, default true);
 * - gptj: rotary, bias-free attention projections but MLP biases, untied;
 * - gpt_neox: rotary, biases (attention_bias, default true), untied, explicit intermediate_size.
 */
function parseGptStyle(r: Reader, id: string, family: "gpt2" | "gptj" | "gpt_neox" | "gpt_bigcode"): Architecture {
  const neox = family === "gpt_neox";
  const hiddenKey = neox ? "hidden_size" : "n_embd";
  const headsKey = neox ? "num_attention_heads" : "n_head";
  const hiddenSize = r.size(hiddenKey);
  const numHeads = r.size(headsKey);
  const learned = family === "gpt2" || family === "gpt_bigcode";
  const learnedPositions = learned ? r.sizeOf(["n_positions", "n_ctx"]) : 0;
  const contextKey = neox ? "max_position_embeddings" : "n_positions";
  const numLayers = r.size(neox ? "num_hidden_layers" : "n_layer");
  const intermediateSize = neox ? r.size("intermediate_size") : r.optionalSize("n_inner", 4 * hiddenSize);
  const numKvHeads = family === "gpt_bigcode" && r.flag("multi_query", true) ? 1 : numHeads;
  return {
    id,
    family,
    hiddenSize,
    numLayers,
    vocabSize: r.size("vocab_size"),
    intermediateSize,
    gatedMlp: false,
    attention: { kind: "gqa", numHeads, numKvHeads, headDim: headDimOf(r, hiddenSize, numHeads, headsKey) },
    tiedEmbeddings: r.flag("tie_word_embeddings", learned),
    positionEmbeddings: learnedPositions,
    attentionBias: family === "gptj" ? false : r.flag("attention_bias", true),
    mlpBias: true,
    normParametersPerHidden: 2,
    maxContextTokens: learnedPositions || r.optionalSize(contextKey, defaultMaxPositions[family]),
  };
}

/**
 * Falcon (and its first release, `RefinedWeb`/`RefinedWebModel` with n_head/n_head_kv/n_layer keys): parallel
 * attention and MLP, LayerNorm, GELU MLP of 4h (ffn_hidden_size), no biases (`bias`), tied embeddings.
 * `new_decoder_architecture` (Falcon 40B/180B): `num_kv_heads` groups and two LayerNorms per layer;
 * otherwise multi-query (one kv head) with one LayerNorm.
 */
function parseFalcon(r: Reader, id: string): Architecture {
  const rw = r.config.model_type === "RefinedWeb" || r.config.model_type === "RefinedWebModel";
  const hiddenSize = r.size("hidden_size");
  const headsKey = r.has("n_head") ? "n_head" : "num_attention_heads";
  const numHeads = r.size(headsKey);
  const numLayers = r.size(r.has("n_layer") ? "n_layer" : "num_hidden_layers");
  // transformers convert: RefinedWeb (40B) = new decoder architecture, RefinedWebModel (7B) = the old one.
  const newDecoder = r.flag("new_decoder_architecture", r.config.model_type === "RefinedWeb");
  const kvKey = rw || r.has("n_head_kv") ? "n_head_kv" : "num_kv_heads";
  const numKvHeads = newDecoder ? r.optionalSize(kvKey, numHeads) : r.flag("multi_query", true) ? 1 : numHeads;
  const parallel = r.flag("parallel_attn", true);
  const intermediateSize = r.optionalSize("ffn_hidden_size", 4 * hiddenSize);
  const bias = r.flag("bias", false);
  return {
    id,
    family: "falcon",
    hiddenSize,
    numLayers,
    vocabSize: r.size("vocab_size"),
    intermediateSize,
    gatedMlp: false,
    attention: { kind: "gqa", numHeads, numKvHeads, headDim: headDimOf(r, hiddenSize, numHeads, headsKey) },
    tiedEmbeddings: r.flag("tie_word_embeddings", true),
    positionEmbeddings: 0,
    attentionBias: bias,
    mlpBias: bias,
    normParametersPerHidden: 2,
    maxContextTokens: r.optionalSize("max_position_embeddings", defaultMaxPositions.falcon),
    layers: transformerLayers(
      numLayers,
      () => undefined,
      () => false,
      intermediateSize,
      newDecoder || !parallel ? 2 : 1,
    ),
  };
}

/**
 * Nemotron-NAS (DeciLM: Llama-3.1/3.3-Nemotron Nano/Super/Ultra): every block has its own attention
 * (`n_heads_in_group` → kv heads = heads / n_heads_in_group, or `no_op`, or `replace_with_linear`) and FFN
 * (`ffn_mult` → width, or `no_op`/`replace_with_linear`). Width from DeciLM `_ffn_mult_to_intermediate_size`:
 * round_up(int(2·ffn_mult·h/3), 256).
 */
function parseNemotronNas(r: Reader, id: string): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numHeads = r.size("num_attention_heads");
  const vocabSize = r.size("vocab_size");
  const blocks = r.config.block_configs;
  if (!Array.isArray(blocks) || blocks.length === 0) r.fail("block_configs", "a list of per-layer block configs (attention, ffn)", blocks);
  const numLayers = r.optionalSize("num_hidden_layers", blocks.length);
  if (blocks.length !== numLayers) r.fail("block_configs", `${numLayers} block configs (num_hidden_layers)`, blocks.length);
  const headDim = headDimOf(r, hiddenSize, numHeads, "num_attention_heads");
  const layers: LayerKind[] = [];
  let representative: Attention | undefined;
  let widest = 0;
  blocks.forEach((block, i) => {
    const b = new Reader((block ?? {}) as Config, `${r.path}.block_configs[${i}]`, "nemotron-nas");
    const att = new Reader(objectAt(b.config, "attention", b.path) ?? {}, `${b.path}.attention`, "nemotron-nas");
    const ffn = new Reader(objectAt(b.config, "ffn", b.path) ?? {}, `${b.path}.ffn`, "nemotron-nas");
    let mixer: LayerKind["mixer"];
    if (att.flag("no_op", false)) mixer = { kind: "none" };
    else if (att.flag("replace_with_linear", false)) mixer = { kind: "linear" };
    else {
      const group = att.size("n_heads_in_group");
      if (numHeads % group !== 0) att.fail("n_heads_in_group", `a divisor of num_attention_heads (${numHeads})`, group);
      const attention: Attention = { kind: "gqa", numHeads, numKvHeads: numHeads / group, headDim };
      representative ??= attention;
      const w = att.optionalSize("window_length", 0);
      mixer = w > 0 ? { kind: "attention", attention, windowTokens: w } : { kind: "attention", attention };
    }
    let layerFfn: LayerKind["ffn"];
    if (ffn.flag("no_op", false)) layerFfn = { kind: "none" };
    else if (ffn.flag("replace_with_linear", false)) layerFfn = { kind: "linear" };
    else {
      const mult = ffn.optionalNumber("ffn_mult", Number.NaN);
      if (!(mult > 0)) ffn.fail("ffn_mult", "a positive number (the FFN width multiplier)", ffn.config.ffn_mult ?? null);
      const raw = Math.trunc((2 * mult * hiddenSize) / 3);
      const width = raw % 256 === 0 ? raw : raw + 256 - (raw % 256);
      widest = Math.max(widest, width);
      layerFfn = { kind: "dense", intermediateSize: width };
    }
    // input_layernorm only before a real attention, post_attention_layernorm only before a real FFN.
    layers.push({ mixer, ffn: layerFfn, norms: (mixer.kind === "none" ? 0 : 1) + (layerFfn.kind === "none" ? 0 : 1) });
  });
  const slidingWindow = windowSummary(layers);
  return {
    id,
    family: "nemotron-nas",
    hiddenSize,
    numLayers,
    vocabSize,
    intermediateSize: widest,
    gatedMlp: true,
    attention: representative ?? { kind: "gqa", numHeads, numKvHeads: numHeads, headDim },
    tiedEmbeddings: r.flag("tie_word_embeddings", false),
    positionEmbeddings: 0,
    attentionBias: r.flag("attention_bias", false),
    mlpBias: r.flag("mlp_bias", false),
    normParametersPerHidden: 1,
    ...(slidingWindow ? { slidingWindow } : {}),
    maxContextTokens: r.optionalSize("max_position_embeddings", defaultMaxPositions["nemotron-nas"]),
    layers,
  };
}
