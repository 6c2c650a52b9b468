import { sc21Sources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-sc21-1.7b",
  name: "Megatron-LM SC21 GPT 1.7B",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 2304,
    n_head: 24,
    n_inner: 9216,
    n_layer: 24,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 1_700_000_000,
  notes: "GPT-style model of the SC21 weak-scaling study (Megatron-LM PTD-P).",
  sources: sc21Sources,
} satisfies CatalogModel;
