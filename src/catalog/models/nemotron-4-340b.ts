import type { CatalogModel } from "../schema.ts";

const report = {
  ref: "https://arxiv.org/abs/2406.11704 (Nemotron-4 340B Technical Report, Table 1 and §2.1)",
  title: "Nemotron-4 340B: 96 layers, hidden 18432, 96 heads, 8 KV heads (GQA), FFN 73728 squared ReLU, vocab 256,000, 4,096 context, untied embeddings, no bias",
  date: "2024-06",
};

export default {
  id: "nemotron-4-340b",
  name: "Nemotron-4 340B",
  config: {
    architectures: ["NemotronForCausalLM"],
    model_type: "nemotron",
    hidden_act: "relu2",
    hidden_size: 18432,
    intermediate_size: 73728,
    num_hidden_layers: 96,
    num_attention_heads: 96,
    num_key_value_heads: 8,
    head_dim: 192,
    vocab_size: 256000,
    max_position_embeddings: 4096,
    attention_bias: false,
    mlp_bias: false,
    tie_word_embeddings: false,
  },
  publishedParameters: 341e9,
  notes: "Written as a transformers NemotronConfig (model_type nemotron) from the technical report; the Hugging Face release is a NeMo checkpoint.",
  sources: { config: report, publishedParameters: { ...report, title: "Nemotron-4 340B: 341B parameters (9.4B embedding, 331.6B non-embedding), Table 1" } },
} satisfies CatalogModel;
