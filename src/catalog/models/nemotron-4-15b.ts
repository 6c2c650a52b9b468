import type { CatalogModel } from "../schema.ts";

const report = {
  ref: "https://arxiv.org/abs/2402.16819 (Nemotron-4 15B Technical Report, Table 1 and §2); NVIDIA/NeMo nemo/collections/llm/gpt/model/nemotron.py Nemotron4Config15B (v2.3.0)",
  title:
    "Nemotron-4 15B: 32 layers, hidden 6144, 48 heads, 8 KV heads (GQA), FFN 24576 squared ReLU, vocab 256,000, 4,096 context, untied embeddings, no bias (NeMo's Nemotron4Config15B: num_layers 32, hidden_size 6144, ffn_hidden_size 24576, num_attention_heads 48, num_query_groups 8)",
  date: "2024-02",
};

export default {
  id: "nemotron-4-15b",
  name: "Nemotron-4 15B",
  config: {
    architectures: ["NemotronForCausalLM"],
    model_type: "nemotron",
    hidden_act: "relu2",
    hidden_size: 6144,
    intermediate_size: 24576,
    num_hidden_layers: 32,
    num_attention_heads: 48,
    num_key_value_heads: 8,
    head_dim: 128,
    vocab_size: 256000,
    max_position_embeddings: 4096,
    attention_bias: false,
    mlp_bias: false,
    tie_word_embeddings: false,
  },
  publishedParameters: 15.7e9,
  notes: "Written as a transformers NemotronConfig (model_type nemotron) from the technical report and NeMo's config class; the Hugging Face release is a NeMo checkpoint.",
  sources: {
    config: report,
    publishedParameters: { ...report, title: "Nemotron-4 15B: 3.2B embedding and 12.5B non-embedding parameters (§2)" },
  },
} satisfies CatalogModel;
