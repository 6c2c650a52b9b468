import { sc21Sources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-sc21-145.6b",
  name: "Megatron-LM SC21 GPT 145.6B",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 12288,
    n_head: 96,
    n_inner: 49152,
    n_layer: 80,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 145_600_000_000,
  notes: "GPT-style model of the SC21 weak-scaling study (Megatron-LM PTD-P).",
  sources: sc21Sources,
} satisfies CatalogModel;
