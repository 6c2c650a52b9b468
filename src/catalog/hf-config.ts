/**
 * Hugging Face `config.json` → resolved {@link Architecture}. Pure: no file I/O (the faces read files).
 *
 * Policy: keys that set a size (hidden width, layers, heads, vocabulary, MLP widths, MLA ranks, expert counts)
 * are REQUIRED and never taken from the transformers class defaults, because a silently defaulted width
 * would give a wrong plan. Keys that only switch a feature (biases, tying, sliding window, context length)
 * fall back to the transformers default of that `model_type` (transformers `configuration_<type>.py`).
 *
 * Supported `model_type`s: llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, deepseek_v2,
 * deepseek_v3, gpt2, gptj, gpt_neox. Without `model_type`, `architectures` (e.g. `LlamaForCausalLM`) names it;
 * without either, the keys decide (`n_embd`/`n_layer`/`n_head` → gpt2, `kv_lora_rank` → deepseek_v3,
 * `num_local_experts` → mixtral, `num_experts` → qwen2_moe/qwen3_moe, Llama-style keys such as `hidden_size` → llama).
 * @module
 */
import { InputError, nearestIds } from "../errors.ts";
import type { Architecture, Attention, MixtureOfExperts } from "./architecture.ts";

export const supportedModelTypes = [
  "llama",
  "mistral",
  "mixtral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "deepseek_v2",
  "deepseek_v3",
  "gpt2",
  "gptj",
  "gpt_neox",
  "nemotron",
] as const;
export type ModelType = (typeof supportedModelTypes)[number];

/** transformers class names (`architectures[0]`) → model_type. */
const modelTypeByArchitecture: Readonly<Record<string, ModelType>> = {
  LlamaForCausalLM: "llama",
  LlamaModel: "llama",
  MistralForCausalLM: "mistral",
  MixtralForCausalLM: "mixtral",
  Qwen2ForCausalLM: "qwen2",
  Qwen2MoeForCausalLM: "qwen2_moe",
  Qwen3ForCausalLM: "qwen3",
  Qwen3MoeForCausalLM: "qwen3_moe",
  DeepseekV2ForCausalLM: "deepseek_v2",
  DeepseekV3ForCausalLM: "deepseek_v3",
  GPT2LMHeadModel: "gpt2",
  GPT2Model: "gpt2",
  GPTJForCausalLM: "gptj",
  GPTNeoXForCausalLM: "gpt_neox",
  NemotronForCausalLM: "nemotron",
};

/** transformers default of `max_position_embeddings` per model_type (used only when the key is absent). */
const defaultMaxPositions: Readonly<Record<ModelType, number>> = {
  llama: 2048,
  mistral: 4096 * 32,
  mixtral: 4096 * 32,
  qwen2: 32768,
  qwen2_moe: 32768,
  qwen3: 32768,
  qwen3_moe: 32768,
  deepseek_v2: 2048,
  deepseek_v3: 4096,
  gpt2: 1024,
  gptj: 2048,
  gpt_neox: 2048,
  nemotron: 4096,
};

type Config = Record<string, unknown>;

/**
 * Physical upper bounds on config sizes: far above any published model, low enough that the search and the
 * arithmetic stay finite and fast (a 1e300-layer config is rejected here, not looped over).
 */
const configKeyMaxima: Readonly<Record<string, number>> = {
  num_hidden_layers: 1e4,
  n_layer: 1e4,
  hidden_size: 1e6,
  n_embd: 1e6,
  num_local_experts: 1e5,
  num_experts: 1e5,
  n_routed_experts: 1e5,
  n_shared_experts: 1e5,
  num_experts_per_tok: 1e5,
  n_group: 1e5,
  topk_group: 1e5,
  max_position_embeddings: 1e8,
  n_positions: 1e8,
  n_ctx: 1e8,
  sliding_window: 1e8,
};

/** Largest accepted value of an integer config key (default 1e7: widths, heads, vocabulary, ranks). */
export function configKeyMaximum(key: string): number {
  return configKeyMaxima[key] ?? 1e7;
}

/** Typed access to config keys; every failure is an InputError naming `${path}.${key}`. */
class Reader {
  constructor(
    readonly config: Config,
    readonly path: string,
    readonly family: string,
  ) {}

  private has(key: string): boolean {
    return this.config[key] !== undefined && this.config[key] !== null;
  }

  private fail(key: string, expected: string, value?: unknown): never {
    throw new InputError({
      path: `${this.path}.${key}`,
      ...(value === undefined ? {} : { value: JSON.stringify(value) }),
      expected,
    });
  }

  private integer(key: string, min: number): number {
    const value = this.config[key];
    const max = configKeyMaximum(key);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(key, `${min > 0 ? "a positive integer" : "a non-negative integer"} <= ${max.toExponential().replace("e+", "e")}`, value);
    }
    return value;
  }

  /** A required size: absent or null is an error. */
  size(key: string): number {
    if (!this.has(key)) this.fail(key, `a positive integer (required for model_type ${this.family})`);
    return this.integer(key, 1);
  }

  /** The first present key of `keys` (aliases such as n_positions / n_ctx), required. */
  sizeOf(keys: readonly string[]): number {
    const key = keys.find((k) => this.has(k));
    if (key === undefined) this.fail(keys[0], `a positive integer (required for model_type ${this.family})`);
    return this.integer(key, 1);
  }

  /** Optional positive integer: absent or null → `fallback`. */
  optionalSize(key: string, fallback: number): number {
    return this.has(key) ? this.integer(key, 1) : fallback;
  }

  /** Optional non-negative integer: absent or null → `fallback`. */
  optionalCount(key: string, fallback: number): number {
    return this.has(key) ? this.integer(key, 0) : fallback;
  }

  /** Present (maybe null) non-negative integer; absent is an error, null → 0. */
  nullableCount(key: string, nullMeans: string): number {
    if (!(key in this.config)) {
      this.fail(key, `a non-negative integer or null (${nullMeans}); required for model_type ${this.family}`);
    }
    return this.config[key] === null ? 0 : this.integer(key, 0);
  }

  flag(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.config[key];
    if (typeof value !== "boolean") this.fail(key, "true or false", value);
    return value;
  }

  integerList(key: string): number[] {
    if (!this.has(key)) return [];
    const value = this.config[key];
    if (!Array.isArray(value) || value.length > 1e4 || !value.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1e4)) {
      this.fail(key, "a list of at most 1e4 layer indices (integers from 0 to 9999)", value);
    }
    return value as number[];
  }
}

/** Which model_type the config describes (explicit, from `architectures`, or guessed from its keys). */
export function resolveModelType(config: Config, path = "model"): ModelType {
  const given = config.model_type;
  if (given !== undefined && given !== null) {
    if (typeof given === "string" && (supportedModelTypes as readonly string[]).includes(given)) return given as ModelType;
    throw new InputError({
      path: `${path}.model_type`,
      value: JSON.stringify(given),
      expected: `one of the supported model types: ${supportedModelTypes.join(", ")}`,
      suggestions: typeof given === "string" ? nearestIds(given, supportedModelTypes) : undefined,
    });
  }
  const architectures = config.architectures;
  if (architectures !== undefined && architectures !== null) {
    const names = Array.isArray(architectures) ? architectures : [architectures];
    for (const name of names) {
      if (typeof name === "string" && name in modelTypeByArchitecture) return modelTypeByArchitecture[name];
    }
    const first = typeof names[0] === "string" ? names[0] : "";
    throw new InputError({
      path: `${path}.architectures`,
      value: JSON.stringify(architectures),
      expected: `a supported architecture (${Object.keys(modelTypeByArchitecture).join(", ")}) or a model_type`,
      suggestions: nearestIds(first, Object.keys(modelTypeByArchitecture)),
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
  const family = resolveModelType(config, path);
  const r = new Reader(config, path, family);
  return family === "gpt2" || family === "gptj" || family === "gpt_neox" ? parseGptStyle(r, id, family) : parseLlamaLike(r, id, family);
}

/** Head width: `head_dim` when given, else hidden / heads (which must divide). */
function headDimOf(r: Reader, hiddenSize: number, numHeads: number, headKey: string): number {
  const explicit = r.optionalSize("head_dim", 0);
  if (explicit > 0) return explicit;
  if (hiddenSize % numHeads !== 0) {
    throw new InputError({
      path: `${r.path}.${headKey}`,
      value: String(numHeads),
      expected: "a divisor of the hidden size (or give head_dim)",
    });
  }
  return hiddenSize / numHeads;
}

function gqa(r: Reader, hiddenSize: number, numHeads: number): Attention {
  const numKvHeads = r.optionalSize("num_key_value_heads", numHeads);
  if (numHeads % numKvHeads !== 0) {
    throw new InputError({
      path: `${r.path}.num_key_value_heads`,
      value: String(numKvHeads),
      expected: `a divisor of num_attention_heads (${numHeads})`,
    });
  }
  return { kind: "gqa", numHeads, numKvHeads, headDim: headDimOf(r, hiddenSize, numHeads, "num_attention_heads") };
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

/** Number of layers i in [0, numLayers) for which `isSparse(i)` holds. */
function countLayers(numLayers: number, isSparse: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < numLayers; i++) if (isSparse(i)) n++;
  return n;
}

/** llama, mistral, mixtral, qwen2(_moe), qwen3(_moe), deepseek_v2/v3: RMSNorm, SwiGLU, rotary, no learned positions; nemotron: LayerNorm, squared ReLU. */
function parseLlamaLike(r: Reader, id: string, family: ModelType): Architecture {
  const hiddenSize = r.size("hidden_size");
  const numLayers = r.size("num_hidden_layers");
  const numHeads = r.size("num_attention_heads");
  const vocabSize = r.size("vocab_size");
  const intermediateSize = r.size("intermediate_size");
  const isDeepseek = family === "deepseek_v2" || family === "deepseek_v3";
  const isQwen = family.startsWith("qwen");

  let attention: Attention;
  if (isDeepseek) {
    attention = {
      kind: "mla",
      numHeads,
      qLoraRank: r.nullableCount("q_lora_rank", "null = queries projected directly"),
      kvLoraRank: r.size("kv_lora_rank"),
      qkNopeHeadDim: r.size("qk_nope_head_dim"),
      qkRopeHeadDim: r.size("qk_rope_head_dim"),
      vHeadDim: r.size("v_head_dim"),
    };
  } else {
    attention = gqa(r, hiddenSize, numHeads);
  }

  let moe: MixtureOfExperts | undefined;
  if (family === "mixtral") {
    const numExperts = r.size("num_local_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "num_local_experts");
    moe = {
      numExperts,
      expertsPerToken,
      expertIntermediateSize: intermediateSize,
      numSharedExperts: 0,
      sharedIntermediateSize: 0,
      denseLayers: 0,
    };
  } else if (family === "qwen2_moe" || family === "qwen3_moe") {
    const numExperts = r.size("num_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "num_experts");
    const expertIntermediateSize = r.size("moe_intermediate_size");
    const step = r.optionalSize("decoder_sparse_step", 1);
    const mlpOnly = new Set(r.integerList("mlp_only_layers"));
    // transformers Qwen2MoeDecoderLayer: sparse iff not in mlp_only_layers and (i + 1) % decoder_sparse_step == 0.
    const sparse = countLayers(numLayers, (i) => !mlpOnly.has(i) && (i + 1) % step === 0);
    const sharedWidth = family === "qwen2_moe" ? r.optionalCount("shared_expert_intermediate_size", 0) : 0;
    moe = {
      numExperts,
      expertsPerToken,
      expertIntermediateSize,
      numSharedExperts: sharedWidth > 0 ? 1 : 0,
      sharedIntermediateSize: sharedWidth,
      // Dense layers need not lead here (mlp_only_layers may be anywhere); only their number matters to the physics.
      denseLayers: numLayers - sparse,
    };
  } else if (isDeepseek && r.optionalCount("n_routed_experts", 0) > 0) {
    const numExperts = r.size("n_routed_experts");
    const expertsPerToken = r.size("num_experts_per_tok");
    checkExperts(r, numExperts, expertsPerToken, "n_routed_experts");
    const expertIntermediateSize = r.size("moe_intermediate_size");
    const firstDense = r.optionalCount("first_k_dense_replace", 0);
    const frequency = r.optionalSize("moe_layer_freq", 1);
    // transformers DeepseekV3DecoderLayer: MoE iff layer >= first_k_dense_replace and layer % moe_layer_freq == 0.
    const sparse = countLayers(numLayers, (i) => i >= firstDense && i % frequency === 0);
    const numSharedExperts = r.optionalCount("n_shared_experts", 0);
    moe = {
      numExperts,
      expertsPerToken,
      expertIntermediateSize,
      numSharedExperts,
      sharedIntermediateSize: numSharedExperts > 0 ? expertIntermediateSize : 0,
      denseLayers: numLayers - sparse,
    };
    const groups = r.optionalCount("n_group", 0);
    const groupsPerToken = r.optionalCount("topk_group", 0);
    if (groups > 1 && groupsPerToken > 0 && groupsPerToken < groups) moe.routing = { routingGroups: groups, groupsPerToken };
  }

  let slidingWindow: Architecture["slidingWindow"];
  if (family === "mistral" || family === "mixtral") {
    // transformers MistralConfig defaults sliding_window to 4096, MixtralConfig to None; null = full attention.
    const key = "sliding_window";
    const window = key in r.config ? r.optionalSize(key, 0) : family === "mistral" ? 4096 : 0;
    if (window > 0) slidingWindow = { windowTokens: window, layers: numLayers };
  } else if (isQwen && r.flag("use_sliding_window", false)) {
    // Qwen2/Qwen3: the first max_window_layers layers use full attention, the rest the window.
    const window = r.optionalSize("sliding_window", 4096);
    const fullLayers = r.optionalCount("max_window_layers", 28);
    const layers = Math.max(0, numLayers - fullLayers);
    if (layers > 0) slidingWindow = { windowTokens: window, layers };
  }

  const attentionBias =
    family === "qwen2" || family === "qwen2_moe"
      ? true // Qwen2 always has q/k/v biases (o_proj none)
      : family === "mistral" || family === "mixtral"
        ? false
        : r.flag("attention_bias", false);

  return {
    id,
    family,
    hiddenSize,
    numLayers,
    vocabSize,
    intermediateSize,
    // Nemotron-4 uses a squared-ReLU MLP (two matrices) and LayerNorm with a bias.
    gatedMlp: family !== "nemotron",
    attention,
    ...(moe ? { moe } : {}),
    tiedEmbeddings: r.flag("tie_word_embeddings", false),
    positionEmbeddings: 0,
    attentionBias,
    mlpBias: family === "llama" ? r.flag("mlp_bias", false) : false,
    normParametersPerHidden: family === "nemotron" ? 2 : 1,
    ...(slidingWindow ? { slidingWindow } : {}),
    maxContextTokens: r.optionalSize("max_position_embeddings", defaultMaxPositions[family]),
  };
}

/**
 * The GELU/LayerNorm families, which differ only in key names and a few switches:
 * - gpt2 (and GPT-3 / Megatron GPT written as GPT-2): learned positions, biases everywhere, tied embeddings;
 * - gptj: rotary, bias-free attention projections but MLP biases, untied;
 * - gpt_neox: rotary, biases (attention_bias, default true), untied, explicit intermediate_size.
 */
function parseGptStyle(r: Reader, id: string, family: "gpt2" | "gptj" | "gpt_neox"): Architecture {
  const neox = family === "gpt_neox";
  const hiddenKey = neox ? "hidden_size" : "n_embd";
  const headsKey = neox ? "num_attention_heads" : "n_head";
  const hiddenSize = r.size(hiddenKey);
  const numHeads = r.size(headsKey);
  const learnedPositions = family === "gpt2" ? r.sizeOf(["n_positions", "n_ctx"]) : 0;
  const contextKey = neox ? "max_position_embeddings" : "n_positions";
  return {
    id,
    family,
    hiddenSize,
    numLayers: r.size(neox ? "num_hidden_layers" : "n_layer"),
    vocabSize: r.size("vocab_size"),
    intermediateSize: neox ? r.size("intermediate_size") : r.optionalSize("n_inner", 4 * hiddenSize),
    gatedMlp: false,
    attention: { kind: "gqa", numHeads, numKvHeads: numHeads, headDim: headDimOf(r, hiddenSize, numHeads, headsKey) },
    tiedEmbeddings: r.flag("tie_word_embeddings", family === "gpt2"),
    positionEmbeddings: learnedPositions,
    attentionBias: family === "gptj" ? false : r.flag("attention_bias", true),
    mlpBias: true,
    normParametersPerHidden: 2,
    maxContextTokens: learnedPositions || r.optionalSize(contextKey, defaultMaxPositions[family]),
  };
}
