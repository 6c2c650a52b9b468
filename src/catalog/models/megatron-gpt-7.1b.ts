import { megatronCoreNotes, megatronCoreSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-gpt-7.1b",
  name: "Megatron-Core GPT 7.1B",
  config: {
    architectures: ["GPTNeoXForCausalLM"],
    model_type: "gpt_neox",
    hidden_size: 4096,
    num_hidden_layers: 30,
    num_attention_heads: 32,
    intermediate_size: 16384,
    vocab_size: 131072,
    max_position_embeddings: 4096,
    rotary_pct: 1.0,
    use_parallel_residual: false,
    tie_word_embeddings: false,
  },
  publishedParameters: 7_100_000_000,
  notes: megatronCoreNotes,
  sources: megatronCoreSources,
} satisfies CatalogModel;
