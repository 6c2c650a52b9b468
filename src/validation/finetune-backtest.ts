/**
 * The fine-tuning backtest: published fine-tuning memory figures and context limits through the same
 * finetune planner a user gets. Three kinds of row: `fits` (a published claim that a run fits a card),
 * `memory` (published peak memory per GPU), `maxContext` (the longest sequence a published setup fits).
 * Pure: rows and summary statistics; the faces print them.
 * @module
 */
import { planFinetune } from "../planners/finetune.ts";

export interface FinetuneCase {
  id: string;
  kind: "fits" | "memory" | "maxContext";
  scenario: Record<string, unknown>;
  /** fits: 1; memory: bytes per GPU; maxContext: tokens. */
  published: number;
  derivation: string;
  source: string;
}

const torchtuneReadme =
  "github.com/pytorch/torchtune README.md (2024-04), 'Finetuning resource requirements' table: peak memory per GPU (torch.cuda.max_memory_reserved), Llama-2-7B; configs recipes/configs/llama2/*.yaml";
const unslothReadme =
  "github.com/unslothai/unsloth README.md, context-length benchmarks: Llama 3.1 8B / Llama 3.3 70B Instruct, 4-bit QLoRA on all linear layers, rank 32, batch 1, 'Hugging Face + FA2' column";

/** LLaMA 65B, from huggyllama/llama-65b config.json (the model of the QLoRA paper's 48 GB claim). */
const llama65b = {
  _name_or_path: "llama-65b",
  model_type: "llama",
  hidden_size: 8192,
  num_hidden_layers: 80,
  num_attention_heads: 64,
  num_key_value_heads: 64,
  intermediate_size: 22016,
  vocab_size: 32000,
};

const unsloth8b = (chip: string, published: number, gb: number): FinetuneCase => ({
  id: `unsloth-hf-fa2-llama-3.1-8b-${gb}gb`,
  kind: "maxContext",
  scenario: {
    model: "llama-3.1-8b",
    hardware: { chip, count: 1 },
    method: "qlora",
    unfusedLoss: true,
    lora: { rank: 32, targetModules: "all-linear" },
    training: { microBatchSize: 1 },
  },
  published,
  derivation: `Longest padded sequence that fits a ${gb} GB card with Hugging Face + FlashAttention 2 (gradient checkpointing; transformers' loss upcasts the logits to fp32: unfusedLoss), read from the table; danlu: the longest sequenceLength whose plan fits ${chip}.`,
  source: unslothReadme,
});

export const finetuneCases: readonly FinetuneCase[] = [
  {
    id: "qlora-65b-one-48gb",
    kind: "fits",
    scenario: { model: llama65b, hardware: { chip: "l40s", count: 1 }, method: "qlora", lora: { rank: 64, targetModules: "all-linear" }, training: { sequenceLength: 512 } },
    published: 1,
    derivation:
      "QLoRA abstract: 'finetune a 65B parameter model on a single 48GB GPU' (NF4, double quantisation, paged optimizer, LoRA r = 64 on all linear layers, §4 / Appendix B); L40S stands for any 48 GB card.",
    source: "Dettmers et al. 2023, QLoRA, arXiv:2305.14314 (abstract, §3, Appendix B)",
  },
  {
    id: "torchtune-llama2-7b-qlora-1x4090",
    kind: "memory",
    scenario: {
      model: "llama-2-7b",
      hardware: { chip: "rtx-4090", count: 1 },
      method: "qlora",
      pureBf16: true,
      pagedOptimizer: false,
      lora: { rank: 8, targetModules: "all-linear" },
      training: { microBatchSize: 2, sequenceLength: 512 },
    },
    published: 9.29e9,
    derivation: "7B_qlora_single_device: rank 8 on q, k, v, output and the MLP, batch 2, bf16, activation checkpointing, Alpaca (unpacked; read at 512-token batches).",
    source: torchtuneReadme,
  },
  {
    id: "torchtune-llama2-7b-lora-1x4090",
    kind: "memory",
    scenario: {
      model: "llama-2-7b",
      hardware: { chip: "rtx-4090", count: 1 },
      method: "lora",
      pureBf16: true,
      lora: { rank: 8, targetModules: ["q_proj", "v_proj"] },
      training: { microBatchSize: 2, sequenceLength: 512 },
    },
    published: 17.18e9,
    derivation: "7B_lora_single_device: rank 8 on q_proj and v_proj, batch 2, bf16, activation checkpointing, Alpaca (read at 512-token batches).",
    source: torchtuneReadme,
  },
  {
    id: "torchtune-llama2-7b-lora-2x4090",
    kind: "memory",
    scenario: {
      model: "llama-2-7b",
      hardware: { chip: "rtx-4090", count: 2 },
      method: "lora",
      pureBf16: true,
      zeroStage: 3,
      lora: { rank: 8, targetModules: ["q_proj", "v_proj"] },
      training: { microBatchSize: 2, sequenceLength: 512 },
    },
    published: 14.17e9,
    derivation: "7B_lora with lora_finetune_distributed (FSDP shards the base and adapters over 2 cards), batch 2, bf16.",
    source: torchtuneReadme,
  },
  {
    id: "torchtune-llama2-7b-full-4x4090",
    kind: "memory",
    scenario: { model: "llama-2-7b", hardware: { chip: "rtx-4090", count: 4 }, method: "full", pureBf16: true, zeroStage: 3, training: { microBatchSize: 2, sequenceLength: 512 } },
    published: 12.01e9,
    derivation: "7B_full with full_finetune_distributed: FSDP over 4 cards, AdamW with bf16 states (no fp32 master), batch 2, activation checkpointing.",
    source: torchtuneReadme,
  },
  {
    id: "torchtune-llama2-7b-full-1x-48gb-low-memory",
    kind: "memory",
    scenario: {
      model: "llama-2-7b",
      hardware: { chip: "l40s", count: 1 },
      method: "full",
      pureBf16: true,
      optimizer: "adamw-8bit",
      pagedOptimizer: true,
      optimizerInBackward: true,
      training: { microBatchSize: 2, sequenceLength: 512 },
    },
    published: 15.97e9,
    derivation:
      "7B_full_single_device_low_memory on 1 × A6000 (48 GB; L40S stands in, memory does not depend on the card): bitsandbytes PagedAdamW8bit (states in unified memory, outside max_memory_reserved), bf16, optimizer_in_bwd (gradients freed layer by layer).",
    source: torchtuneReadme,
  },
  unsloth8b("rtx-4090", 5789, 24),
  unsloth8b("a100-sxm-40gb", 12264, 40),
  unsloth8b("l40s", 15502, 48),
  unsloth8b("a100-sxm-80gb", 28454, 80),
  {
    id: "unsloth-hf-fa2-llama-3.3-70b-80gb",
    kind: "maxContext",
    scenario: {
      model: "llama-3.1-70b",
      hardware: { chip: "a100-sxm-80gb", count: 1 },
      method: "qlora",
      unfusedLoss: true,
      lora: { rank: 32, targetModules: "all-linear" },
      training: { microBatchSize: 1 },
    },
    published: 6916,
    derivation: "Llama 3.3 70B (the Llama 3.1 70B architecture) on an 80 GB A100 with Hugging Face + FA2; danlu: the longest sequenceLength that fits.",
    source: unslothReadme,
  },
];

export interface FinetuneBacktestRow {
  id: string;
  kind: FinetuneCase["kind"];
  predicted: number;
  published: number;
  /** (predicted − published) / published; fits rows: 0 when the prediction agrees, −1 when it does not. */
  error: number;
  derivation: string;
  source: string;
}

export interface FinetuneBacktestSummary {
  rows: FinetuneBacktestRow[];
  memoryMape: number;
  maxContextMape: number;
  fitsAgree: number;
  fitsCount: number;
}

/** The longest sequence length (tokens) whose plan fits, by bisection; 0 when not even one token fits. */
export function longestFittingSequence(scenario: Record<string, unknown>): number {
  const training = (scenario.training as Record<string, unknown> | undefined) ?? {};
  const fits = (s: number) => planFinetune({ ...scenario, training: { ...training, sequenceLength: s } }).fits;
  let lo = 1;
  let hi = 1 << 20;
  if (!fits(lo)) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function runFinetuneBacktest(cases: readonly FinetuneCase[] = finetuneCases): FinetuneBacktestSummary {
  const rows = cases.map((c): FinetuneBacktestRow => {
    let predicted: number;
    if (c.kind === "fits") predicted = planFinetune(c.scenario).fits ? 1 : 0;
    else if (c.kind === "memory") predicted = planFinetune(c.scenario).memoryPerChipBytes;
    else predicted = longestFittingSequence(c.scenario);
    const error = c.kind === "fits" ? (predicted === c.published ? 0 : -1) : (predicted - c.published) / c.published;
    return { id: c.id, kind: c.kind, predicted, published: c.published, error, derivation: c.derivation, source: c.source };
  });
  const mape = (kind: FinetuneCase["kind"]) => {
    const r = rows.filter((x) => x.kind === kind);
    return r.length ? r.reduce((s, x) => s + Math.abs(x.error), 0) / r.length : 0;
  };
  const fits = rows.filter((r) => r.kind === "fits");
  return { rows, memoryMape: mape("memory"), maxContextMape: mape("maxContext"), fitsAgree: fits.filter((r) => r.error === 0).length, fitsCount: fits.length };
}
