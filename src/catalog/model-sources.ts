/**
 * Citations shared by the catalog model files (src/catalog/models/*.ts).
 * @module
 */
import type { Source } from "./schema.ts";

const crossChecked = "values as published; cross-checked against copies of this config in public GitHub code";

/** A model's Hugging Face config.json, at the date its repository published it. */
export function huggingFaceConfig(repo: string, date: string, omitted?: string): Source {
  return {
    ref: `https://huggingface.co/${repo}/blob/main/config.json`,
    title: `${repo} config.json (${crossChecked}${omitted ? `; ${omitted} omitted` : ""})`,
    date,
  };
}

/** The parameter count Hugging Face shows for a repository's safetensors weights. */
export function huggingFaceParameterCount(repo: string, parameters: number, date: string): Source {
  return {
    ref: `https://huggingface.co/${repo} (safetensors parameter count)`,
    title: `${repo}: ${parameters.toLocaleString("en-US")} parameters`,
    date,
  };
}

/** Narayanan et al. 2021 (SC21), Table 1: the weak-scaling GPT models. */
export const sc21Table1: Source = {
  ref: "Narayanan et al. 2021, 'Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM' (SC21, arXiv:2104.04473), Table 1; same table in the NVIDIA/Megatron-LM README",
  title: "GPT weak-scaling models on A100: parameters, attention heads, hidden size, layers; vocab 51,200, sequence 2048, 4h MLP",
  date: "2021-04",
};

/** SC21 head counts: the validation data leaves them null, so they rest on our reading of Table 1. */
export const sc21Heads: Source = {
  ...sc21Table1,
  estimate: "Head counts recalled from SC21 Table 1 (the validation data leaves them null); not re-read in this session. Heads do not change the parameter count.",
};

/** Korthikanti et al. 2022, Table 3: the sequence-parallel / selective-recompute GPT models. */
export const korthikantiTable3: Source = {
  ref: "Korthikanti et al. 2022, 'Reducing Activation Recomputation in Large Transformer Models' (MLSys 2023, arXiv:2205.05198), Table 3",
  title: "GPT models: attention heads, hidden size, layers; vocab 51,200, sequence 2048, 4h MLP",
  date: "2022-05",
};

/** The Megatron-Core weak-scaling table (H100), as transcribed in ../shared/validation/training-runs.json. */
export const megatronCoreTable: Source = {
  ref: "https://github.com/NVIDIA/Megatron-LM README 'Training Speed and Scalability', images/model_table.png (commit f2e5db402c), via ../shared/validation/training-runs.json",
  title: "Megatron-Core weak-scaling GPT models on H100: parameters, layers, hidden size, heads; vocab 131,072, sequence 4096",
  date: "2024-07",
};

export const megatronCoreEstimate: Source = {
  ...megatronCoreTable,
  estimate: "intermediate_size = 4h (FFN width not in the table); untied embeddings and rotary positions inferred from the published parameter counts.",
};

export const megatronCoreNotes =
  "Megatron-Core GPT weak-scaling benchmark model, expressed as a GPT-NeoX-style config (LayerNorm, GELU MLP, biases, rotary). " +
  "FFN width not published: 4h assumed (Megatron default). Untied embeddings: tied ones would make the 1.7B model 1.49B. " +
  "Rotary rather than learned positions: learned ones would make it 1.754B, which the table would round to 1.8B.";

/** `sources` of an SC21 model file. */
export const sc21Sources = { config: sc21Table1, publishedParameters: sc21Table1, "config.n_head": sc21Heads };
/** `sources` of a Korthikanti 2022 model file. */
export const korthikantiSources = { config: korthikantiTable3, publishedParameters: korthikantiTable3 };
/** `sources` of a Megatron-Core weak-scaling model file. */
export const megatronCoreSources = { config: megatronCoreEstimate, publishedParameters: megatronCoreTable };
