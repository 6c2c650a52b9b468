import { huggingFaceConfig, huggingFaceParameterCount } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "llama-3.1-8b",
  name: "Llama 3.1 8B",
  config: {
    architectures: ["LlamaForCausalLM"],
    attention_bias: false,
    attention_dropout: 0.0,
    bos_token_id: 128000,
    eos_token_id: 128001,
    hidden_act: "silu",
    hidden_size: 4096,
    initializer_range: 0.02,
    intermediate_size: 14336,
    max_position_embeddings: 131072,
    mlp_bias: false,
    model_type: "llama",
    num_attention_heads: 32,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    pretraining_tp: 1,
    rms_norm_eps: 1e-5,
    rope_scaling: {
      factor: 8.0,
      high_freq_factor: 4.0,
      low_freq_factor: 1.0,
      original_max_position_embeddings: 8192,
      rope_type: "llama3",
    },
    rope_theta: 500000.0,
    tie_word_embeddings: false,
    torch_dtype: "bfloat16",
    use_cache: true,
    vocab_size: 128256,
  },
  publishedParameters: 8_030_261_248,
  sources: {
    config: huggingFaceConfig("meta-llama/Llama-3.1-8B", "2024-07"),
    publishedParameters: huggingFaceParameterCount("meta-llama/Llama-3.1-8B", 8_030_261_248, "2024-07"),
  },
} satisfies CatalogModel;
