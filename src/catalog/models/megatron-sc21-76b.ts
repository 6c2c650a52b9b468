import { sc21Sources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-sc21-76b",
  name: "Megatron-LM SC21 GPT 76B",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 10240,
    n_head: 80,
    n_inner: 40960,
    n_layer: 60,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 76_100_000_000,
  notes: "GPT-style model of the SC21 weak-scaling study (Megatron-LM PTD-P).",
  sources: sc21Sources,
} satisfies CatalogModel;
