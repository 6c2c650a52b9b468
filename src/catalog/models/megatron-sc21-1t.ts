import { sc21Sources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-sc21-1t",
  name: "Megatron-LM SC21 GPT 1T",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 25600,
    n_head: 160,
    n_inner: 102400,
    n_layer: 128,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 1_008_000_000_000,
  notes: "GPT-style model of the SC21 weak-scaling study (Megatron-LM PTD-P).",
  sources: sc21Sources,
} satisfies CatalogModel;
