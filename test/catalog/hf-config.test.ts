import { describe, expect, it } from "vitest";
import { parseHfConfig, resolveModelType, supportedModelTypes } from "../../src/catalog/hf-config.ts";
import { InputError } from "../../src/errors.ts";

const minimalLlama = {
  hidden_size: 4096,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  intermediate_size: 11008,
  vocab_size: 32000,
};

/** The InputError `fn` throws (fails the test if it throws anything else or nothing). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

describe("parseHfConfig: llama family", () => {
  it("parses an inline minimal llama config without model_type", () => {
    const arch = parseHfConfig(minimalLlama, "inline");
    expect(arch).toMatchObject({
      id: "inline",
      family: "llama",
      hiddenSize: 4096,
      numLayers: 32,
      vocabSize: 32000,
      intermediateSize: 11008,
      gatedMlp: true,
      attention: { kind: "gqa", numHeads: 32, numKvHeads: 32, headDim: 128 },
      tiedEmbeddings: false,
      positionEmbeddings: 0,
      attentionBias: false,
      mlpBias: false,
      normParametersPerHidden: 1,
      maxContextTokens: 2048,
    });
    expect(arch.moe).toBeUndefined();
    expect(arch.slidingWindow).toBeUndefined();
  });

  it("uses head_dim when given and num_key_value_heads for GQA", () => {
    const arch = parseHfConfig({ ...minimalLlama, head_dim: 64, num_key_value_heads: 8 }, "x");
    expect(arch.attention).toEqual({ kind: "gqa", numHeads: 32, numKvHeads: 8, headDim: 64 });
  });

  it("treats null head_dim and null num_key_value_heads as absent", () => {
    const arch = parseHfConfig({ ...minimalLlama, head_dim: null, num_key_value_heads: null }, "x");
    expect(arch.attention).toEqual({ kind: "gqa", numHeads: 32, numKvHeads: 32, headDim: 128 });
  });

  it("reads tie_word_embeddings, attention_bias, mlp_bias and max_position_embeddings", () => {
    const arch = parseHfConfig({ ...minimalLlama, tie_word_embeddings: true, attention_bias: true, mlp_bias: true, max_position_embeddings: 8192 }, "x");
    expect(arch).toMatchObject({ tiedEmbeddings: true, attentionBias: true, mlpBias: true, maxContextTokens: 8192 });
  });

  it.each([
    ["LlamaForCausalLM", "llama"],
    ["MistralForCausalLM", "mistral"],
    ["Qwen2ForCausalLM", "qwen2"],
    ["Qwen3ForCausalLM", "qwen3"],
    ["GPTNeoXForCausalLM", "gpt_neox"],
  ])("guesses model_type from architectures %s", (architecture, family) => {
    expect(resolveModelType({ ...minimalLlama, architectures: [architecture] })).toBe(family);
  });

  it.each([
    [{ n_embd: 768 }, "gpt2"],
    [{ kv_lora_rank: 512 }, "deepseek_v3"],
    [{ num_local_experts: 8 }, "mixtral"],
    [{ num_experts: 60, shared_expert_intermediate_size: 5632 }, "qwen2_moe"],
    [{ num_experts: 128 }, "qwen3_moe"],
    [{ hidden_size: 1 }, "llama"],
  ])("guesses model_type from keys %o", (config, family) => {
    expect(resolveModelType(config)).toBe(family);
  });
});

describe("parseHfConfig: errors", () => {
  it.each(["hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size", "vocab_size"])("a missing %s throws an InputError naming model.<key>", (key) => {
    const config: Record<string, unknown> = { model_type: "llama", ...minimalLlama };
    delete config[key];
    const error = inputError(() => parseHfConfig(config, "x"));
    expect(error.issues[0].path).toBe(`model.${key}`);
    expect(error.message).toContain(`model.${key}`);
  });

  it("names the key under the caller's path", () => {
    const { hidden_size: _, ...config } = minimalLlama;
    const error = inputError(() => parseHfConfig(config, "x", "scenario.model"));
    expect(error.message).toContain("scenario.model.hidden_size");
  });

  it.each([
    ["hidden_size", "4096"],
    ["num_hidden_layers", 32.5],
    ["vocab_size", -1],
    ["num_key_value_heads", true],
    ["tie_word_embeddings", "yes"],
  ])("a wrong type for %s throws an InputError naming it", (key, value) => {
    const error = inputError(() => parseHfConfig({ ...minimalLlama, [key]: value }, "x"));
    expect(error.issues[0].path).toBe(`model.${key}`);
    expect(error.issues[0].value).toBe(JSON.stringify(value));
  });

  it("kv heads that do not divide the heads are rejected", () => {
    const error = inputError(() => parseHfConfig({ ...minimalLlama, num_key_value_heads: 5 }, "x"));
    expect(error.issues[0].path).toBe("model.num_key_value_heads");
  });

  it("heads that do not divide hidden_size need head_dim", () => {
    const config = { ...minimalLlama, num_attention_heads: 30 };
    expect(inputError(() => parseHfConfig(config, "x")).issues[0].path).toBe("model.num_attention_heads");
    expect(parseHfConfig({ ...config, head_dim: 128 }, "x").attention).toMatchObject({ headDim: 128 });
  });

  it("an unknown model_type lists the supported ones and never suggests a family by spelling", () => {
    // Issue 14: "did you mean" by edit distance sent starcoder2 users to another family (+41% parameters).
    const error = inputError(() => parseHfConfig({ ...minimalLlama, model_type: "lama" }, "x"));
    expect(error.issues[0].path).toBe("model.model_type");
    for (const type of supportedModelTypes) expect(error.message).toContain(type);
    expect(error.issues[0].suggestions).toBeUndefined();
    expect(error.message).not.toContain("did you mean");
  });

  it("an unknown model_type whose architectures names a supported class is read as that class (kimi_k2)", () => {
    const config = { ...minimalLlama, model_type: "my_llama_fork", architectures: ["LlamaForCausalLM"] };
    expect(parseHfConfig(config, "x").family).toBe("llama");
  });

  it("an unknown architectures entry is an error naming architectures", () => {
    const error = inputError(() => parseHfConfig({ ...minimalLlama, architectures: ["FooForCausalLM"] }, "x"));
    expect(error.issues[0].path).toBe("model.architectures");
  });

  it("a config with no recognisable keys is an error", () => {
    expect(inputError(() => parseHfConfig({}, "x")).issues[0].path).toBe("model.model_type");
  });

  it("MoE configs need their expert keys", () => {
    const mixtral = { ...minimalLlama, model_type: "mixtral", num_local_experts: 8 };
    expect(inputError(() => parseHfConfig(mixtral, "x")).issues[0].path).toBe("model.num_experts_per_tok");
    const tooMany = { ...mixtral, num_experts_per_tok: 9 };
    expect(inputError(() => parseHfConfig(tooMany, "x")).issues[0].path).toBe("model.num_experts_per_tok");
  });

  it("DeepSeek configs need the MLA ranks; q_lora_rank may be null but not absent", () => {
    const base = {
      ...minimalLlama,
      model_type: "deepseek_v2",
      q_lora_rank: null,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
    };
    expect(parseHfConfig(base, "x").attention).toMatchObject({ kind: "mla", qLoraRank: 0 });
    const { q_lora_rank: _, ...noQ } = base;
    expect(inputError(() => parseHfConfig(noQ, "x")).issues[0].path).toBe("model.q_lora_rank");
    const { kv_lora_rank: __, ...noKv } = base;
    expect(inputError(() => parseHfConfig(noKv, "x")).message).toContain("model.kv_lora_rank");
  });
});

describe("parseHfConfig: families", () => {
  it("mixtral: experts of intermediate_size width, top-k", () => {
    const arch = parseHfConfig({ ...minimalLlama, model_type: "mixtral", num_local_experts: 8, num_experts_per_tok: 2, num_key_value_heads: 8 }, "x");
    expect(arch.moe).toEqual({
      numExperts: 8,
      expertsPerToken: 2,
      expertIntermediateSize: 11008,
      numSharedExperts: 0,
      sharedIntermediateSize: 0,
      denseLayers: 0,
    });
  });

  it("mistral: a non-null sliding_window windows every layer; null means full attention", () => {
    const mistral = { ...minimalLlama, model_type: "mistral", sliding_window: 4096 };
    expect(parseHfConfig(mistral, "x").slidingWindow).toEqual({ windowTokens: 4096, layers: 32 });
    expect(parseHfConfig({ ...mistral, sliding_window: null }, "x").slidingWindow).toBeUndefined();
  });

  it("qwen2: q/k/v biases; the sliding window applies only above max_window_layers when enabled", () => {
    const qwen = { ...minimalLlama, model_type: "qwen2", sliding_window: 4096, max_window_layers: 28 };
    const off = parseHfConfig({ ...qwen, use_sliding_window: false }, "x");
    expect(off.attentionBias).toBe(true);
    expect(off.slidingWindow).toBeUndefined();
    expect(parseHfConfig({ ...qwen, use_sliding_window: true }, "x").slidingWindow).toEqual({
      windowTokens: 4096,
      layers: 4,
    });
  });

  it("qwen2_moe: one shared expert, mlp_only_layers and decoder_sparse_step make dense layers", () => {
    const base = {
      ...minimalLlama,
      model_type: "qwen2_moe",
      num_experts: 60,
      num_experts_per_tok: 4,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
    };
    expect(parseHfConfig(base, "x").moe).toEqual({
      numExperts: 60,
      expertsPerToken: 4,
      expertIntermediateSize: 1408,
      numSharedExperts: 1,
      sharedIntermediateSize: 5632,
      denseLayers: 0,
    });
    expect(parseHfConfig({ ...base, mlp_only_layers: [0, 5] }, "x").moe?.denseLayers).toBe(2);
    expect(parseHfConfig({ ...base, decoder_sparse_step: 2 }, "x").moe?.denseLayers).toBe(16);
  });

  it("qwen3_moe: no shared expert, head_dim from the config", () => {
    const arch = parseHfConfig(
      {
        ...minimalLlama,
        model_type: "qwen3_moe",
        head_dim: 128,
        num_key_value_heads: 4,
        num_experts: 128,
        num_experts_per_tok: 8,
        moe_intermediate_size: 768,
      },
      "x",
    );
    expect(arch.attentionBias).toBe(false);
    expect(arch.attention).toEqual({ kind: "gqa", numHeads: 32, numKvHeads: 4, headDim: 128 });
    expect(arch.moe).toMatchObject({ numExperts: 128, expertsPerToken: 8, numSharedExperts: 0, denseLayers: 0 });
  });

  it("deepseek without n_routed_experts is dense MLA", () => {
    const arch = parseHfConfig(
      {
        ...minimalLlama,
        model_type: "deepseek_v2",
        q_lora_rank: 1536,
        kv_lora_rank: 512,
        qk_nope_head_dim: 128,
        qk_rope_head_dim: 64,
        v_head_dim: 128,
        n_routed_experts: null,
      },
      "x",
    );
    expect(arch.moe).toBeUndefined();
    expect(arch.attention).toEqual({
      kind: "mla",
      numHeads: 32,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
  });

  it("gpt2: n_* keys, learned positions, LayerNorm, biases, tied, n_inner defaults to 4h", () => {
    const arch = parseHfConfig({ model_type: "gpt2", n_embd: 768, n_layer: 12, n_head: 12, n_positions: 1024, n_inner: null, vocab_size: 50257 }, "gpt2");
    expect(arch).toEqual({
      id: "gpt2",
      family: "gpt2",
      hiddenSize: 768,
      numLayers: 12,
      vocabSize: 50257,
      intermediateSize: 3072,
      gatedMlp: false,
      attention: { kind: "gqa", numHeads: 12, numKvHeads: 12, headDim: 64 },
      tiedEmbeddings: true,
      positionEmbeddings: 1024,
      attentionBias: true,
      mlpBias: true,
      normParametersPerHidden: 2,
      maxContextTokens: 1024,
    });
  });

  it("gpt2: n_positions is required (n_ctx accepted)", () => {
    const config = { model_type: "gpt2", n_embd: 768, n_layer: 12, n_head: 12, vocab_size: 50257 };
    expect(inputError(() => parseHfConfig(config, "x")).issues[0].path).toBe("model.n_positions");
    expect(parseHfConfig({ ...config, n_ctx: 2048 }, "x").positionEmbeddings).toBe(2048);
  });

  it("gptj: rotary, no attention bias, MLP bias, untied", () => {
    const arch = parseHfConfig({ model_type: "gptj", n_embd: 4096, n_layer: 28, n_head: 16, n_positions: 2048, vocab_size: 50400 }, "x");
    expect(arch).toMatchObject({
      intermediateSize: 16384,
      positionEmbeddings: 0,
      attentionBias: false,
      mlpBias: true,
      tiedEmbeddings: false,
      normParametersPerHidden: 2,
      gatedMlp: false,
      maxContextTokens: 2048,
    });
  });

  it("gpt_neox: intermediate_size, biases, LayerNorm, untied", () => {
    const arch = parseHfConfig(
      {
        model_type: "gpt_neox",
        hidden_size: 6144,
        num_hidden_layers: 44,
        num_attention_heads: 64,
        intermediate_size: 24576,
        vocab_size: 50432,
        max_position_embeddings: 2048,
      },
      "gpt-neox-20b",
    );
    expect(arch).toMatchObject({
      family: "gpt_neox",
      intermediateSize: 24576,
      attention: { kind: "gqa", numHeads: 64, numKvHeads: 64, headDim: 96 },
      positionEmbeddings: 0,
      attentionBias: true,
      mlpBias: true,
      tiedEmbeddings: false,
      normParametersPerHidden: 2,
      gatedMlp: false,
    });
  });
});

describe("nemotron (squared-ReLU MLP, LayerNorm with bias)", () => {
  it("parses Nemotron-4 340B to a non-gated MLP and 341.0B parameters (report: 341B)", async () => {
    const { getModelArchitecture } = await import("../../src/catalog/models.ts");
    const { parameterCount } = await import("../../src/physics/workload.ts");
    const arch = getModelArchitecture("nemotron-4-340b");
    expect(arch.gatedMlp).toBe(false);
    expect(arch.normParametersPerHidden).toBe(2);
    expect(arch.attention).toEqual({ kind: "gqa", numHeads: 96, numKvHeads: 8, headDim: 192 });
    // 96 · (2·18432² + 2·18432·1536 + 2·18432·73728 + 4·18432) + 2·256000·18432 + 2·18432
    const perLayer = 2 * 18432 * 18432 + 2 * 18432 * 1536 + 2 * 18432 * 73728 + 4 * 18432;
    expect(parameterCount(arch)).toBe(96 * perLayer + 2 * 256000 * 18432 + 2 * 18432);
  });
});
