import { huggingFaceConfig } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "gpt-j-6b",
  name: "GPT-J 6B",
  config: {
    activation_function: "gelu_new",
    architectures: ["GPTJForCausalLM"],
    attn_pdrop: 0.0,
    bos_token_id: 50256,
    embd_pdrop: 0.0,
    eos_token_id: 50256,
    initializer_range: 0.02,
    layer_norm_epsilon: 1e-5,
    model_type: "gptj",
    n_embd: 4096,
    n_head: 16,
    n_inner: null,
    n_layer: 28,
    n_positions: 2048,
    resid_pdrop: 0.0,
    rotary: true,
    rotary_dim: 64,
    scale_attn_weights: true,
    tie_word_embeddings: false,
    tokenizer_class: "GPT2Tokenizer",
    use_cache: true,
    vocab_size: 50400,
  },
  publishedParameters: 6_053_381_344,
  notes: "GPTJForCausalLM's lm_head carries a bias (vocab_size values), which the Architecture does not model (50,400 parameters).",
  sources: {
    config: huggingFaceConfig("EleutherAI/gpt-j-6b", "2021-06", "task_specific_params"),
    publishedParameters: {
      ref: "https://huggingface.co/EleutherAI/gpt-j-6b (model card, hyperparameter table: n_parameters)",
      title: "GPT-J 6B: 6,053,381,344 parameters",
      date: "2021-06",
    },
  },
} satisfies CatalogModel;
