import { korthikantiSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-korthikanti-530b",
  name: "Megatron-LM GPT 530B (Korthikanti 2022)",
  config: {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    n_embd: 20480,
    n_head: 128,
    n_inner: 81920,
    n_layer: 105,
    n_positions: 2048,
    vocab_size: 51200,
  },
  publishedParameters: 530_000_000_000,
  notes: "GPT-style model of the sequence-parallel / selective-recompute study.",
  sources: korthikantiSources,
} satisfies CatalogModel;
