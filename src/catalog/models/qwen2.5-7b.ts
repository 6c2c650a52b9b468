import { huggingFaceConfig } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "qwen2.5-7b",
  name: "Qwen2.5 7B",
  config: {
    architectures: ["Qwen2ForCausalLM"],
    attention_dropout: 0.0,
    bos_token_id: 151643,
    eos_token_id: 151643,
    hidden_act: "silu",
    hidden_size: 3584,
    initializer_range: 0.02,
    intermediate_size: 18944,
    max_position_embeddings: 131072,
    max_window_layers: 28,
    model_type: "qwen2",
    num_attention_heads: 28,
    num_hidden_layers: 28,
    num_key_value_heads: 4,
    rms_norm_eps: 1e-6,
    rope_theta: 1000000.0,
    sliding_window: 131072,
    tie_word_embeddings: false,
    torch_dtype: "bfloat16",
    use_cache: true,
    use_mrope: false,
    use_sliding_window: false,
    vocab_size: 152064,
  },
  publishedParameters: 7_610_000_000,
  sources: {
    config: huggingFaceConfig("Qwen/Qwen2.5-7B", "2024-09"),
    publishedParameters: {
      ref: "https://huggingface.co/Qwen/Qwen2.5-7B (model card: Number of Parameters)",
      title: "Qwen2.5-7B: 7.61B parameters",
      date: "2024-09",
    },
  },
} satisfies CatalogModel;
