import type { CatalogModel } from "../schema.ts";

export default {
  id: "qwen3-32b",
  name: "Qwen3 32B",
  config: {
    architectures: ["Qwen3ForCausalLM"],
    attention_bias: false,
    attention_dropout: 0.0,
    bos_token_id: 151643,
    eos_token_id: 151645,
    head_dim: 128,
    hidden_act: "silu",
    hidden_size: 5120,
    initializer_range: 0.02,
    intermediate_size: 25600,
    max_position_embeddings: 40960,
    max_window_layers: 64,
    model_type: "qwen3",
    num_attention_heads: 64,
    num_hidden_layers: 64,
    num_key_value_heads: 8,
    rms_norm_eps: 1e-6,
    rope_scaling: null,
    rope_theta: 1000000,
    sliding_window: null,
    tie_word_embeddings: false,
    torch_dtype: "bfloat16",
    transformers_version: "4.51.0",
    use_cache: true,
    use_sliding_window: false,
    vocab_size: 151936,
  },
  publishedParameters: 32_800_000_000,
  sources: {
    config: {
      ref: "https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json",
      title:
        "Qwen/Qwen3-32B config.json, as copied in GitHub ai-dynamo/aiconfigurator @095f58a51c4ca8e61b66ec108d86f223f8d559ce : aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-32B_config.json",
      date: "2025-04",
    },
    publishedParameters: {
      ref: "https://huggingface.co/Qwen/Qwen3-32B (model card, Model Overview)",
      title: "Qwen3-32B: Number of Parameters 32.8B",
      date: "2025-04",
    },
  },
} satisfies CatalogModel;
