import { sc21Sources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-sc21-7.5b",
  name: "Megatron-LM SC21 GPT 7.5B",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 4096,
    n_head: 32,
    n_inner: 16384,
    n_layer: 36,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 7_500_000_000,
  notes: "GPT-style model of the SC21 weak-scaling study (Megatron-LM PTD-P).",
  sources: sc21Sources,
} satisfies CatalogModel;
