import { huggingFaceConfig, huggingFaceParameterCount } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "llama-2-7b",
  name: "Llama 2 7B",
  config: {
    architectures: ["LlamaForCausalLM"],
    bos_token_id: 1,
    eos_token_id: 2,
    hidden_act: "silu",
    hidden_size: 4096,
    initializer_range: 0.02,
    intermediate_size: 11008,
    max_position_embeddings: 4096,
    model_type: "llama",
    num_attention_heads: 32,
    num_hidden_layers: 32,
    num_key_value_heads: 32,
    pretraining_tp: 1,
    rms_norm_eps: 1e-5,
    rope_scaling: null,
    tie_word_embeddings: false,
    torch_dtype: "float16",
    use_cache: true,
    vocab_size: 32000,
  },
  publishedParameters: 6_738_415_616,
  sources: {
    config: huggingFaceConfig("meta-llama/Llama-2-7b-hf", "2023-07"),
    publishedParameters: huggingFaceParameterCount("meta-llama/Llama-2-7b-hf", 6_738_415_616, "2023-07"),
  },
} satisfies CatalogModel;
