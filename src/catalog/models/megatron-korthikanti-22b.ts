import { korthikantiSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-korthikanti-22b",
  name: "Megatron-LM GPT 22B (Korthikanti 2022)",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 6144,
    n_head: 64,
    n_inner: 24576,
    n_layer: 48,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 22_000_000_000,
  notes: "GPT-style model of the sequence-parallel / selective-recompute study.",
  sources: korthikantiSources,
} satisfies CatalogModel;
