import { megatronCoreNotes, megatronCoreSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-gpt-1.7b",
  name: "Megatron-Core GPT 1.7B",
  config: {
    architectures: ["GPTNeoXForCausalLM"],
    model_type: "gpt_neox",
    hidden_size: 2048,
    num_hidden_layers: 24,
    num_attention_heads: 16,
    intermediate_size: 8192,
    vocab_size: 131072,
    max_position_embeddings: 4096,
    rotary_pct: 1.0,
    use_parallel_residual: false,
    tie_word_embeddings: false,
  },
  publishedParameters: 1_700_000_000,
  notes: megatronCoreNotes,
  sources: megatronCoreSources,
} satisfies CatalogModel;
