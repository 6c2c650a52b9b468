import { megatronCoreNotes, megatronCoreSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";

export default {
  id: "megatron-gpt-177b",
  name: "Megatron-Core GPT 177B",
  config: {
    architectures: ["GPTNeoXForCausalLM"],
    model_type: "gpt_neox",
    hidden_size: 12288,
    num_hidden_layers: 96,
    num_attention_heads: 96,
    intermediate_size: 49152,
    vocab_size: 131072,
    max_position_embeddings: 4096,
    rotary_pct: 1.0,
    use_parallel_residual: false,
    tie_word_embeddings: false,
  },
  publishedParameters: 177_000_000_000,
  notes: megatronCoreNotes,
  sources: megatronCoreSources,
} satisfies CatalogModel;
