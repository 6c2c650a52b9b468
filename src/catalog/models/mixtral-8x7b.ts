import { huggingFaceConfig } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "mixtral-8x7b",
  name: "Mixtral 8x7B",
  config: {
    architectures: ["MixtralForCausalLM"],
    attention_dropout: 0.0,
    bos_token_id: 1,
    eos_token_id: 2,
    hidden_act: "silu",
    hidden_size: 4096,
    initializer_range: 0.02,
    intermediate_size: 14336,
    max_position_embeddings: 32768,
    model_type: "mixtral",
    num_attention_heads: 32,
    num_experts_per_tok: 2,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    num_local_experts: 8,
    output_router_logits: false,
    rms_norm_eps: 1e-5,
    rope_theta: 1000000.0,
    router_aux_loss_coef: 0.02,
    sliding_window: null,
    tie_word_embeddings: false,
    torch_dtype: "bfloat16",
    use_cache: true,
    vocab_size: 32000,
  },
  publishedParameters: 46_700_000_000,
  sources: {
    config: huggingFaceConfig("mistralai/Mixtral-8x7B-v0.1", "2023-12"),
    publishedParameters: {
      ref: "https://mistral.ai/news/mixtral-of-experts/",
      title: "Mixtral of experts: 46.7B total parameters, 12.9B used per token",
      date: "2023-12",
    },
  },
} satisfies CatalogModel;
