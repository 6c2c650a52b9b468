import type { CatalogModel } from "../schema.ts";

export default {
  id: "gpt-3-175b",
  name: "GPT-3 175B",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 12288,
    n_head: 96,
    n_inner: 49152,
    n_layer: 96,
    n_positions: 2048,
    vocab_size: 50257,
  },
  publishedParameters: 175_000_000_000,
  notes: "Expressed as a GPT-2-style config (learned positions, LayerNorm, GELU 4h MLP, tied embeddings). GPT-3's alternating sparse attention is not modelled.",
  sources: {
    config: {
      ref: "Brown et al. 2020, 'Language Models are Few-Shot Learners' (arXiv:2005.14165), Table 2.1 and \u00a72.1",
      title: "GPT-3 175B: n_params 175.0B, n_layers 96, d_model 12288, n_heads 96, d_head 128, d_ff = 4 d_model, n_ctx 2048; GPT-2 BPE vocabulary (50257)",
      date: "2020-05",
    },
    publishedParameters: {
      ref: "Brown et al. 2020, 'Language Models are Few-Shot Learners' (arXiv:2005.14165), Table 2.1 and \u00a72.1",
      title: "GPT-3 175B: n_params 175.0B, n_layers 96, d_model 12288, n_heads 96, d_head 128, d_ff = 4 d_model, n_ctx 2048; GPT-2 BPE vocabulary (50257)",
      date: "2020-05",
    },
  },
} satisfies CatalogModel;
