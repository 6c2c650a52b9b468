import { huggingFaceConfig } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "mixtral-8x22b",
  name: "Mixtral 8x22B",
  config: {
    architectures: ["MixtralForCausalLM"],
    attention_dropout: 0.0,
    bos_token_id: 1,
    eos_token_id: 2,
    hidden_act: "silu",
    hidden_size: 6144,
    initializer_range: 0.02,
    intermediate_size: 16384,
    max_position_embeddings: 65536,
    model_type: "mixtral",
    num_attention_heads: 48,
    num_experts_per_tok: 2,
    num_hidden_layers: 56,
    num_key_value_heads: 8,
    num_local_experts: 8,
    output_router_logits: false,
    rms_norm_eps: 1e-5,
    rope_theta: 1000000.0,
    router_aux_loss_coef: 0.001,
    sliding_window: null,
    tie_word_embeddings: false,
    torch_dtype: "bfloat16",
    use_cache: true,
    vocab_size: 32000,
  },
  publishedParameters: 141_000_000_000,
  sources: {
    config: huggingFaceConfig("mistralai/Mixtral-8x22B-v0.1", "2024-04"),
    publishedParameters: {
      ref: "https://mistral.ai/news/mixtral-8x22b/",
      title: "Cheaper, Better, Faster, Stronger (Mixtral 8x22B): 141B total parameters, 39B active",
      date: "2024-04",
    },
  },
} satisfies CatalogModel;
