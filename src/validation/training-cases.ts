/**
 * The training backtest: each published run of data/training-runs.json (copied verbatim from
 * shared/validation with its sources) as a danlu scenario, and the published figure to compare.
 * Plan fields the source does not publish are left out, so danlu fills them as it would for a user.
 * Compared on tokens per second per chip where possible (independent of FLOP conventions; see
 * data/README.md). Rows that cannot be expressed are listed in `skippedRows` with the reason.
 * @module
 */
import type { RecomputeModule } from "../physics/plan.ts";
import { DEFAULT_TRAINING_STACK, type TrainScenarioInput } from "../scenario/train.ts";
import rows from "./data/training-runs.json" with { type: "json" };

export interface TrainingCase {
  rowId: string;
  /**
   * "throughput": per-chip tokens/s of a run with a full parallel plan (strength A).
   * "partial": per-chip tokens/s of a run whose plan is only partly published; danlu picks the rest, so
   * it predicts what the best plan would reach — an upper bound for runs on older or simpler stacks.
   * "aggregate": total chip-hours of a model release.
   */
  kind: "throughput" | "partial" | "aggregate";
  scenario: TrainScenarioInput;
  /** Published tokens/s per chip (throughput) or chip-hours (aggregate). */
  published: number;
  /** How `published` was read or converted from the row. */
  derivation: string;
  /**
   * The publication the row comes from (a paper, a vendor performance table, a benchmark round): the unit
   * left out together by the leave-one-source-out cross-validation (data/training-runs.json `source_family`).
   */
  sourceFamily: string;
}

/** A case before its source family is read from its row. */
type CaseInput = Omit<TrainingCase, "sourceFamily">;

type Row = (typeof rows)[number];
const rowById = new Map<string, Row>((rows as Row[]).map((r) => [r.id, r]));

export function trainingRow(id: string): Row {
  const row = rowById.get(id);
  if (!row) throw new Error(`validation row ${id} missing from training-runs.json`);
  return row;
}

function perChip(id: string): number {
  const row = trainingRow(id) as Row & { derived?: { tokens_per_s_per_gpu?: number } | null };
  const measured = row.measured.tokens_per_s_per_gpu;
  const derived = row.derived?.tokens_per_s_per_gpu;
  const value = measured ?? derived;
  if (typeof value !== "number") throw new Error(`row ${id} has no tokens/s per GPU`);
  return value;
}

/** A row whose published figure is its tokens/s per GPU (measured or derived). */
function measured(rowId: string, kind: "throughput" | "partial", derivation: string, scenario: TrainScenarioInput): CaseInput {
  return { rowId, kind, scenario, published: perChip(rowId), derivation };
}

const megatronCoreNote = "derived.tokens_per_s_per_gpu (published TFLOP/s over Megatron-Core FLOPs per token)";
const sc21Note = "derived.tokens_per_s_per_gpu (published TFLOP/s over SC21 Eq. 3, which counts full recompute)";

/** PaLM-convention model FLOPs per token for Llama 3 405B: 6N + 12·L·h·s (no causal discount). */
const llama405bPalmFlopsPerToken = 6 * 405.85e9 + 12 * 126 * 16384 * 8192;

const megatronWeak = (id: string, model: string, count: number, tp: number, pp: number, batchTokens: number): CaseInput => ({
  rowId: id,
  kind: "throughput",
  scenario: {
    model,
    hardware: { chip: "h100-sxm", count },
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: batchTokens },
    parallelism: { tp, pp, dp: count / (tp * pp), cp: 1 },
  },
  published: perChip(id),
  derivation: megatronCoreNote,
});

const sc21 = (id: string, model: string, count: number, tp: number, pp: number, batchTokens: number): CaseInput => ({
  rowId: id,
  kind: "throughput",
  scenario: {
    model,
    hardware: { chip: "a100-sxm-80gb", count },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: batchTokens },
    parallelism: { tp, pp, dp: count / (tp * pp), cp: 1, recompute: "full" },
    software: "megatron-lm-2021",
  },
  published: perChip(id),
  derivation: sc21Note,
});

const megascaleModel = { model_type: "gpt2", n_embd: 12288, n_layer: 96, n_head: 128, n_positions: 2048, vocab_size: 64000 };

/** NeMo's GPT-3 5B and 20B (nemo/collections/llm/gpt/model/base.py GPTConfig5B / GPTConfig20B): GPT-2-style, GeLU 4h MLP, GPT-2 BPE vocabulary. */
const nemoGpt3 = (name: string, layers: number, hidden: number, heads: number) => ({
  model_type: "gpt2",
  _name_or_path: name,
  n_embd: hidden,
  n_head: heads,
  n_inner: 4 * hidden,
  n_layer: layers,
  n_positions: 2048,
  vocab_size: 50257,
});
const nemoGpt3_5b = nemoGpt3("nemo-gpt3-5b", 24, 4096, 32);
const nemoGpt3_20b = nemoGpt3("nemo-gpt3-20b", 44, 6144, 48);
/** NeMo's Nemotron-3 8B and Nemotron 22B (nemo/collections/llm/gpt/model/nemotron.py Nemotron3Config8B / Nemotron4Config22B): squared-ReLU 4h MLP, MHA, vocab 256,000, untied. */
const nemoNemotron = (name: string, layers: number, hidden: number, heads: number) => ({
  architectures: ["NemotronForCausalLM"],
  model_type: "nemotron",
  _name_or_path: name,
  hidden_act: "relu2",
  hidden_size: hidden,
  intermediate_size: 4 * hidden,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  num_key_value_heads: heads,
  head_dim: 128,
  vocab_size: 256000,
  max_position_embeddings: 4096,
  tie_word_embeddings: false,
});
const nemoNemotron8b = nemoNemotron("nemo-nemotron3-8b", 32, 4096, 32);
const nemoNemotron22b = nemoNemotron("nemo-nemotron-22b", 40, 6144, 48);

/** A row of NeMo 24.07's H100 FP8 table: the published plan, ZeRO-1 (distributed optimizer), no recompute. */
const nemo2407 = (
  id: string,
  model: TrainScenarioInput["model"],
  count: number,
  sequenceLength: number,
  batchTokens: number,
  tp: number,
  pp: number,
  cp: number,
  microBatchSize: number,
  virtualStages?: number,
): CaseInput =>
  measured(id, "throughput", "measured.tokens_per_s_per_gpu", {
    model,
    hardware: { chip: "h100-sxm", count },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength, globalBatchTokens: batchTokens },
    parallelism: { tp, pp, dp: count / (tp * pp * cp), cp, microBatchSize, ...(virtualStages === undefined ? {} : { virtualStages }), recompute: "none", zeroStage: 1 },
  });

const throughputInputs: CaseInput[] = [
  megatronWeak("megatron-h100-weak-1.7b", "megatron-gpt-1.7b", 48, 1, 1, 786432),
  megatronWeak("megatron-h100-weak-7.1b", "megatron-gpt-7.1b", 96, 2, 1, 786432),
  megatronWeak("megatron-h100-weak-32b", "megatron-gpt-32b", 384, 8, 1, 786432),
  megatronWeak("megatron-h100-weak-70b", "megatron-gpt-70b", 768, 8, 2, 1572864),
  megatronWeak("megatron-h100-weak-177b", "megatron-gpt-177b", 2304, 8, 6, 4718592),
  megatronWeak("megatron-h100-weak-314b", "megatron-gpt-314b", 3072, 8, 8, 6291456),
  sc21("megatron-sc21-a100-1.7b", "megatron-sc21-1.7b", 32, 1, 1, 1048576),
  sc21("megatron-sc21-a100-7.5b", "megatron-sc21-7.5b", 128, 4, 1, 1048576),
  sc21("megatron-sc21-a100-76b", "megatron-sc21-76b", 1024, 8, 4, 3670016),
  sc21("megatron-sc21-a100-145.6b", "megatron-sc21-145.6b", 1536, 8, 8, 4718592),
  sc21("megatron-sc21-a100-1t", "megatron-sc21-1t", 3072, 8, 64, 6291456),
  measured("korthikanti-a100-22b", "throughput", "derived.tokens_per_s_per_gpu (GBS·2048 / step / GPUs)", {
    model: "megatron-korthikanti-22b",
    hardware: { chip: "a100-sxm-80gb", count: 8 },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: 8192 * 4 },
    parallelism: { tp: 8, pp: 1, dp: 1, cp: 1, microBatchSize: 4, recompute: "selective" },
    software: "megatron-lm-2021",
  }),
  measured("korthikanti-a100-530b", "throughput", "derived.tokens_per_s_per_gpu (GBS·2048 / step / GPUs)", {
    model: "megatron-korthikanti-530b",
    hardware: { chip: "a100-sxm-80gb", count: 280 },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: 573440 },
    parallelism: { tp: 8, pp: 35, dp: 1, cp: 1, microBatchSize: 1, virtualStages: 3, recompute: "selective" },
    software: "megatron-lm-2021",
  }),
  measured("korthikanti-a100-1t", "throughput", "derived.tokens_per_s_per_gpu (GBS·2048 / step / GPUs)", {
    model: "megatron-korthikanti-1t",
    hardware: { chip: "a100-sxm-80gb", count: 512 },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: 1048576 },
    parallelism: { tp: 8, pp: 64, dp: 1, cp: 1, microBatchSize: 1, recompute: "selective" },
    software: "megatron-lm-2021",
  }),
  ...[
    ["llama3-405b-8192gpu-cp1", 8192, 64, 430],
    ["llama3-405b-16384gpu-cp1", 16384, 128, 400],
  ].map(
    ([id, count, dp, tflops]): CaseInput => ({
      rowId: id as string,
      kind: "throughput",
      scenario: {
        model: "llama-3.1-405b",
        hardware: { chip: "h100-sxm", count: count as number },
        precision: "bf16",
        training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
        parallelism: { tp: 8, pp: 16, dp: dp as number, cp: 1, recompute: "none" },
      },
      published: ((tflops as number) * 1e12) / llama405bPalmFlopsPerToken,
      derivation: `${tflops} TFLOP/s per GPU over PaLM-convention 6N + 12·L·h·s = ${(llama405bPalmFlopsPerToken / 1e12).toFixed(3)} TFLOP per token`,
    }),
  ),
  ...[
    ["megascale-175b-megatron-lm-256gpu", 256, 4, 1572864],
    ["megascale-175b-megascale-256gpu", 256, 4, 1572864],
    ["megascale-175b-megascale-12288gpu", 12288, 192, 12582912],
  ].map(
    ([id, count, dp, batch]): CaseInput => ({
      rowId: id as string,
      kind: "throughput",
      scenario: {
        model: megascaleModel,
        hardware: { chip: "a100-sxm-80gb", count: count as number },
        precision: "bf16",
        training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: batch as number },
        parallelism: { tp: 8, pp: 8, dp: dp as number, cp: 1, virtualStages: 2 },
        // MegaScale's own stack, and the Megatron-LM of 2023 it was compared with (FlashAttention on, no TP/DP overlap: MegaScale §3.2, §6.1).
        ...((id as string).includes("megatron-lm") ? { software: "megatron-lm-2021", options: { attentionKernel: "flash" as const } } : { software: "megascale" }),
      },
      published: perChip(id as string),
      derivation: "derived.tokens_per_s_per_gpu (published tokens/s over GPUs)",
    }),
  ),
  measured("torchtitan-llama31-8b-128gpu-bf16", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-8b",
    software: "torchtitan",
    hardware: { chip: "h100-sxm", count: 128, powerLimitWatts: 500 }, // torchtitan: "500 W power limit"
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 256 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 128, cp: 1, zeroStage: 3, microBatchSize: 2, recompute: "selective" },
  }),
  measured("torchtitan-llama31-8b-128gpu-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-8b",
    software: "torchtitan",
    hardware: { chip: "h100-sxm", count: 128, powerLimitWatts: 500 }, // torchtitan: "500 W power limit"
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 256 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 128, cp: 1, zeroStage: 3, microBatchSize: 2, recompute: "selective" },
  }),
  measured("torchtitan-llama3-70b-64xa100", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-70b",
    software: "torchtitan",
    hardware: { chip: "a100-sxm-80gb", count: 64 },
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 64 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 64, cp: 1, zeroStage: 3, microBatchSize: 1, recompute: "full" },
  }),
  // The NeMo 24.07 table has no FSDP column: its recipes shard the optimizer state with Megatron's distributed optimizer
  // (NeMo 2.0 llm/recipes/optim/adam.py, distributed_fused_adam_with_cosine_annealing: use_distributed_optimizer=True),
  // so the three rows are ZeRO-1, as the Megatron-Bridge rows without Megatron-FSDP are.
  nemo2407("nemo2407-llama3-70b-64xh100-fp8", "llama-3.1-70b", 64, 8192, 1048576, 4, 4, 2, 1, 5),
  nemo2407("nemo2407-llama2-70b-64xh100-fp8", "llama-2-70b", 64, 4096, 524288, 4, 4, 1, 1, 20),
  nemo2407("nemo2407-nemotron-340b-128xh100-fp8", "nemotron-4-340b", 128, 4096, 131072, 8, 8, 1, 1, 12),
  // The rest of the same NeMo 24.07 table (every pre-training row; same recipe conventions).
  nemo2407("nemo2407-gpt3-5b-64xh100-fp8", nemoGpt3_5b, 64, 2048, 4194304, 1, 1, 1, 4),
  nemo2407("nemo2407-gpt3-20b-64xh100-fp8", nemoGpt3_20b, 64, 2048, 524288, 2, 1, 1, 2),
  nemo2407("nemo2407-gpt3-175b-128xh100-fp8", "gpt-3-175b", 128, 2048, 524288, 4, 8, 1, 1, 6),
  nemo2407("nemo2407-gpt3-175b-512xh100-fp8", "gpt-3-175b", 512, 2048, 4194304, 4, 8, 1, 2, 6),
  nemo2407("nemo2407-llama2-7b-8xh100-fp8", "llama-2-7b", 8, 4096, 524288, 1, 1, 1, 1),
  nemo2407("nemo2407-llama2-13b-16xh100-fp8", "llama-2-13b", 16, 4096, 524288, 1, 4, 1, 1, 10),
  nemo2407("nemo2407-nemotron3-8b-64xh100-fp8", nemoNemotron8b, 64, 4096, 1048576, 2, 1, 1, 4),
  nemo2407("nemo2407-nemotron-22b-64xh100-fp8", nemoNemotron22b, 64, 4096, 1048576, 2, 4, 1, 2, 10),
  nemo2407("nemo2407-llama3-8b-8xh100-fp8", "llama-3.1-8b", 8, 8192, 1048576, 1, 1, 2, 1),
  measured("mbridge2509-llama31-405b-1024xh100-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-405b",
    hardware: { chip: "h100-sxm", count: 1024 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 4194304 },
    parallelism: { tp: 8, pp: 8, dp: 8, cp: 2, microBatchSize: 1, virtualStages: 8, recompute: "none", zeroStage: 1 },
  }),
  measured("mbridge2509-llama31-405b-128xb200-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-405b",
    hardware: { chip: "b200", count: 128 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 524288 },
    parallelism: { tp: 4, pp: 8, dp: 2, cp: 2, microBatchSize: 1, virtualStages: 8, recompute: "none", zeroStage: 1 },
  }),
];

/** Rows with a partial plan: danlu chooses what the source does not say. */
const partialInputs: CaseInput[] = [
  measured(
    "olmo-core-7b-h100-bf16",
    "partial",
    "measured.tokens_per_s_per_gpu (OLMo-core README, FSDP, micro-batch 2); the script's default 1 node × 8 GPUs assumed; llama2_7B shape",
    {
      model: "llama-2-7b",
      hardware: { chip: "h100-sxm", count: 8 },
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 },
      parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, zeroStage: 3, microBatchSize: 2 },
      // OLMo-core (2024-09): PyTorch FSDP with fp32 reduce and torch.compile, FlashAttention-2 or SDPA — torchtitan's stack.
      software: "torchtitan",
    },
  ),
  measured("dgxc-llama31-405b-128xgb200-bf16-example", "partial", "derived.tokens_per_s_per_gpu (DGX Cloud benchmarking README worked example, BF16)", {
    model: "llama-3.1-405b",
    hardware: { chip: "gb200", count: 128 },
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 524288 },
    parallelism: { tp: 4, pp: 8, dp: 2, cp: 2, microBatchSize: 1, virtualStages: 8 },
  }),
  measured("llama1-65b", "partial", "measured.tokens_per_s_per_gpu (LLaMA paper §2.4: 380 tokens/s/GPU on 2,048 A100 80GB); plan not published", {
    // LLaMA 65B (Touvron et al. 2023, Table 2): dim 8192, 64 heads, 80 layers, SwiGLU 22016, vocab 32000.
    model: { model_type: "llama", _name_or_path: "llama-65b", hidden_size: 8192, intermediate_size: 22016, num_hidden_layers: 80, num_attention_heads: 64, vocab_size: 32000 },
    hardware: { chip: "a100-sxm-80gb", count: 2048 },
    training: { tokens: 1.4e12, sequenceLength: 2048, globalBatchTokens: 4194304 },
    parallelism: { recompute: "selective" },
  }),
  measured(
    "bloomberggpt-50b",
    "partial",
    "derived.tokens_per_s_per_gpu (4.19M tokens per 32.5 s step on 512 A100 40GB, SageMaker ZeRO-3 + activation checkpointing); plan not published",
    {
      // BloombergGPT (Wu et al. 2023, §3): 70 layers, hidden 7680, 40 heads, vocab 131,072, ALiBi.
      model: { model_type: "gpt2", _name_or_path: "bloomberggpt-50b", n_embd: 7680, n_layer: 70, n_head: 40, n_positions: 2048, vocab_size: 131072 },
      hardware: { chip: "a100-sxm-40gb", count: 512 },
      training: { tokens: 569e9, sequenceLength: 2048, globalBatchTokens: 4194304 },
      parallelism: { recompute: "full" },
    },
  ),
];

/**
 * Aggregate rows: total GPU-hours a model card reports for a whole release. The chip count and plan
 * are not published; the count below is an assumption stated in `derivation`, and danlu picks the plan.
 */
const aggregate = (
  id: string,
  model: string,
  chip: string,
  count: number,
  sequenceLength: number,
  batchTokens: number,
  assumption: string,
  precision: "bf16" | "fp8" = "bf16",
  parallelism: TrainScenarioInput["parallelism"] = {},
): CaseInput => {
  const row = trainingRow(id) as Row & { measured: { gpu_hours?: number | null; tokens_trained?: number | null; other?: unknown } };
  const other = row.measured.other as { pretraining_gpu_hours?: number } | undefined;
  const gpuHours = other?.pretraining_gpu_hours ?? row.measured.gpu_hours;
  const tokens = row.measured.tokens_trained;
  if (typeof gpuHours !== "number" || typeof tokens !== "number") throw new Error(`row ${id} lacks GPU-hours or tokens`);
  return {
    rowId: id,
    kind: "aggregate",
    scenario: { model, hardware: { chip, count }, precision, training: { tokens, sequenceLength, globalBatchTokens: batchTokens }, parallelism },
    published: gpuHours,
    derivation: `published GPU-hours for ${tokens / 1e12}T tokens; ${assumption}`,
  };
};

const aggregateInputs: CaseInput[] = [
  aggregate("llama2-7b-gpuhours", "llama-2-7b", "a100-sxm-80gb", 2048, 4096, 4194304, "2,048 A100 and a 4M-token batch assumed (Llama 2 paper: 4M tokens, 4k context)"),
  aggregate("llama2-13b-gpuhours", "llama-2-13b", "a100-sxm-80gb", 2048, 4096, 4194304, "2,048 A100 and a 4M-token batch assumed"),
  aggregate("llama3-8b-gpuhours", "llama-3.1-8b", "h100-sxm", 2048, 8192, 16777216, "2,048 H100, 8k context, 16M-token batch assumed (Llama 3.1 8B shares Llama 3 8B's shape)"),
  aggregate("llama3-70b-gpuhours", "llama-3.1-70b", "h100-sxm", 4096, 8192, 16777216, "4,096 H100, 8k context, 16M-token batch assumed"),
  aggregate("llama31-8b-gpuhours", "llama-3.1-8b", "h100-sxm", 2048, 8192, 16777216, "2,048 H100, 8k context, 16M-token batch assumed"),
  aggregate("llama31-405b-gpuhours", "llama-3.1-405b", "h100-sxm", 16384, 8192, 16777216, "the published 16,384 H100 plan TP8·PP16·DP128", "bf16", {
    tp: 8,
    pp: 16,
    dp: 128,
    cp: 1,
  }),
  // DeepSeek-V3 §3.2.3 recomputes RMSNorm and the MLA up-projections in backward instead of storing them ("selective";
  // danlu's selective recomputes the norms and the activation function, not the up-projections, so it prices this
  // plan slightly over the H800's 80 GB).
  aggregate("deepseek-v3-671b", "deepseek-v3", "h800-sxm", 2048, 4096, 62914560, "2,048 H800, FP8, the published PP16·EP64 (no TP); pre-training hours only (2.664M)", "fp8", {
    tp: 1,
    pp: 16,
    ep: 64,
    cp: 1,
    recompute: "selective",
  }),
];

/** Shorthand for the 2025-26 rows below: a full published plan, the rest (recompute, ZeRO, micro-batch where absent) searched. */
const run = (
  id: string,
  derivation: string,
  model: TrainScenarioInput["model"],
  chip: string,
  count: number,
  precision: "bf16" | "fp8" | "fp4",
  sequenceLength: number,
  globalBatchTokens: number,
  parallelism: TrainScenarioInput["parallelism"],
  options?: TrainScenarioInput["options"],
): CaseInput =>
  measured(id, "throughput", derivation, {
    model,
    hardware: { chip, count },
    precision,
    training: { tokens: 1e12, sequenceLength, globalBatchTokens },
    parallelism,
    ...(options ? { options } : {}),
  });

/** The run also trains DeepSeek-V3's multi-token-prediction module (depth 1, DeepSeek-V3 §2.2). */
const withMtp = (c: CaseInput): CaseInput => ({ ...c, scenario: { ...c.scenario, training: { ...c.scenario.training, multiTokenPredictionLayers: 1 } } });

const mbridgeNote = "measured.tokens_per_s_per_gpu (published tokens/s per GPU; no FLOP convention involved)";
const mbridgeMoeNote = `${mbridgeNote}; NVIDIA's MoE benchmarks force-balance expert load (optimistic vs real routing)`;
const modelZooNote =
  "derived.tokens_per_s_per_gpu (GBS·seq / published step time / GPUs, or published TFLOP/s over the Megatron-Core formula with the 0.5 causal discount, as the row says); expert load force-balanced";
const torchtitanNote = "measured.tokens_per_s_per_gpu (torchtitan WPS per GPU)";
const maxtextNote =
  "derived.tokens_per_s_per_gpu (published TFLOP/s per chip over MaxText's 6·(N_matmul + emb·V) + 12·L·q·s FLOPs per token, no causal discount; the discounted reading differs by 1-2% at s = 2048)";

/** The MaxText synthetic dense models (base.yml scaled by get_individual_scales): SwiGLU, MHA, head_dim 128, vocab 32,000. */
const maxtextModel = (name: string, layers: number, hidden: number, heads: number, ffn: number) => ({
  model_type: "llama",
  _name_or_path: name,
  hidden_size: hidden,
  intermediate_size: ffn,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  num_key_value_heads: heads,
  head_dim: 128,
  vocab_size: 32000,
});
const maxtext32b = maxtextModel("maxtext-32b", 32, 8192, 64, 28672);

/**
 * PaLM 540B (Chowdhery et al. 2022, Table 1): 118 layers, d_model 18,432, 48 heads of 256, multi-query
 * attention (one K/V head), SwiGLU d_ff 73,728, vocab 256,000, shared input/output embedding. The
 * parallel attention+MLP block is modelled as sequential (same FLOPs).
 */
const palmModel = {
  model_type: "llama",
  _name_or_path: "palm-540b",
  hidden_size: 18432,
  intermediate_size: 73728,
  num_hidden_layers: 118,
  num_attention_heads: 48,
  num_key_value_heads: 1,
  head_dim: 256,
  vocab_size: 256000,
  tie_word_embeddings: true,
};

/** BLOOM 176B (BigScience 2022, Table 1): 70 layers, hidden 14,336, 112 heads, 4h GeLU MLP, vocab 250,880 (padded), ALiBi. */
const bloomModel = { model_type: "gpt2", _name_or_path: "bloom-176b", n_embd: 14336, n_layer: 70, n_head: 112, n_positions: 2048, vocab_size: 250880 };
/** 156 TFLOP/s per GPU over Megatron-DeepSpeed's 96·l·h²·(1 + s/6h + V/16lh) FLOPs per token (full-recompute factor 4). */
const bloomFlopsPerToken = 96 * 70 * 14336 ** 2 * (1 + 2048 / (6 * 14336) + 250880 / (16 * 70 * 14336));

/** A Megatron-Core plan with the distributed optimizer (ZeRO-1), as the Megatron-Bridge tables print it. */
const megatronPlan = (
  tp: number,
  pp: number,
  dp: number,
  cp: number,
  ep: number | undefined,
  microBatchSize: number,
  virtualStages?: number,
): TrainScenarioInput["parallelism"] => ({
  tp,
  pp,
  dp,
  cp,
  ...(ep === undefined ? {} : { ep }),
  ...(virtualStages === undefined ? {} : { virtualStages }),
  microBatchSize,
  zeroStage: 1,
});
/** A fully sharded data-parallel plan (ZeRO-3 / FSDP, no TP or PP) without recompute; `extra` adds what else it sets. */
const fsdpPlan = (dp: number, microBatchSize: number, extra: TrainScenarioInput["parallelism"] = {}): TrainScenarioInput["parallelism"] => ({
  tp: 1,
  pp: 1,
  dp,
  cp: 1,
  zeroStage: 3,
  microBatchSize,
  recompute: "none",
  ...extra,
});
/** Llama 3 70B on 64 GB200/GB300 under Megatron-FSDP (v0.2.0 recipes: MBS 2, no recompute, `layers` of 80 offloaded). */
const llama70bFsdp = (layers: number) => fsdpPlan(64, 2, { offloadActivations: true, offloadActivationLayers: layers });

const recentInputs: CaseInput[] = [
  // Megatron-Bridge / NeMo 25.09-26.06 performance summaries (dense).
  // Recompute of the two 25.11 Llama3-70B rows from v0.2.0's scripts/performance/configs/llama3/workload_base_configs.py
  // (the 25.11 release; llama3_70b_pretrain_config sets recompute_granularity None): GB300_FP8_CS (TP1, PP1, MBS 2,
  // Megatron-FSDP; the table ran GBS 256 over the config's 128) names no recompute and offloads 20 of 80 layers'
  // activations; H100_FP8_CS (TP4, PP8, VP5, MBS 1, GBS 128) names neither.
  run("mb2511-llama3-70b-64xgb300-fp8cs-fsdp", mbridgeNote, "llama-3.1-70b", "gb300", 64, "fp8", 8192, 2097152, llama70bFsdp(20)),
  run("mb2511-llama3-8b-8xh100-fp8cs-fsdp", mbridgeNote, "llama-3.1-8b", "h100-sxm", 8, "fp8", 8192, 1048576, { tp: 1, pp: 1, dp: 8, cp: 1, zeroStage: 3, microBatchSize: 1 }),
  run("mb2511-llama31-405b-256xgb300-fp8cs-cp2", mbridgeNote, "llama-3.1-405b", "gb300", 256, "fp8", 8192, 12582912, {
    tp: 2,
    pp: 8,
    dp: 8,
    cp: 2,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2511-llama3-70b-64xh100-fp8cs", mbridgeNote, "llama-3.1-70b", "h100-sxm", 64, "fp8", 8192, 1048576, {
    tp: 4,
    pp: 8,
    dp: 2,
    cp: 1,
    virtualStages: 5,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none",
  }),
  run("mb2606-llama31-405b-256xgb300-nvfp4", mbridgeNote, "llama-3.1-405b", "gb300", 256, "fp4", 8192, 12582912, {
    tp: 4,
    pp: 8,
    dp: 8,
    cp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2606-llama31-405b-1024xh100-fp8-cp2", mbridgeNote, "llama-3.1-405b", "h100-sxm", 1024, "fp8", 8192, 12582912, {
    tp: 8,
    pp: 8,
    dp: 8,
    cp: 2,
    virtualStages: 8,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  // More of the 26.06 LLAMA3.1_405B table. Recompute and activation offload as the Megatron-Bridge v0.5.0 recipe
  // for the plan states (scripts/performance/configs/llama/llama31_workload_base_configs.py, *_V2; the
  // llama31_405b_pretrain_config recipe sets recompute_granularity None): none of them recomputes or offloads. The GB200
  // MXFP8 and NVFP4 rows (PP 16 × VP 8: 128 chunks for 126 layers + embedding + loss) are below.
  run("mb2606-llama31-405b-256xgb300-fp8", mbridgeNote, "llama-3.1-405b", "gb300", 256, "fp8", 8192, 12582912, {
    tp: 4,
    pp: 8,
    dp: 8,
    cp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none", // GB300_FP8_CS_V2: cpu_offloading_num_layers None, no recompute override
  }),
  run("mb2606-llama31-405b-256xgb300-mxfp8-cp2", mbridgeNote, "llama-3.1-405b", "gb300", 256, "fp8", 8192, 12582912, {
    tp: 2,
    pp: 8,
    dp: 8,
    cp: 2,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none", // GB300_FP8_MX_V2: no recompute or offload override
  }),
  run("mb2606-llama31-405b-256xgb200-fp8", mbridgeNote, "llama-3.1-405b", "gb200", 256, "fp8", 8192, 12582912, {
    tp: 4,
    pp: 16,
    dp: 4,
    cp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none", // GB200_FP8_CS_V2: cpu_offloading_num_layers None, no recompute override
  }),
  run("mb2606-llama31-405b-256xgb200-mxfp8", mbridgeNote, "llama-3.1-405b", "gb200", 256, "fp8", 8192, 12582912, {
    tp: 4,
    pp: 16,
    dp: 4,
    cp: 1,
    virtualStages: 8,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none", // GB200_FP8_MX_V2 (PP16, CP1) over V1 (TP4, VP8): no recompute override
  }),
  run("mb2606-llama31-405b-256xgb200-nvfp4", mbridgeNote, "llama-3.1-405b", "gb200", 256, "fp4", 8192, 12582912, {
    tp: 4,
    pp: 16,
    dp: 4,
    cp: 1,
    virtualStages: 8,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none", // GB200_NVFP4_V2 sets recompute_num_layers None
  }),
  // Megatron-Bridge / NeMo performance summaries (MoE).
  run("mb2511-dsv3-256xgb300-bf16", mbridgeMoeNote, "deepseek-v3", "gb300", 256, "bf16", 4096, 16777216, {
    tp: 1,
    pp: 2,
    dp: 128,
    cp: 1,
    ep: 32,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2511-dsv3-256xgb300-fp8mx", mbridgeMoeNote, "deepseek-v3", "gb300", 256, "fp8", 4096, 16777216, {
    tp: 1,
    pp: 2,
    dp: 128,
    cp: 1,
    ep: 32,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2511-dsv3-256xgb200-bf16", mbridgeMoeNote, "deepseek-v3", "gb200", 256, "bf16", 4096, 16777216, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 64,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  withMtp(
    run(
      "mb2511-dsv3-256xb200-fp8mx-mtp",
      `${mbridgeMoeNote}; the run trains the multi-token-prediction layer (depth 1, training.multiTokenPredictionLayers)`,
      "deepseek-v3",
      "b200",
      256,
      "fp8",
      4096,
      8388608,
      { tp: 1, pp: 16, dp: 16, cp: 1, ep: 8, virtualStages: 1, microBatchSize: 1, zeroStage: 1 },
    ),
  ),
  run("mb2511-qwen3-235b-256xgb300-bf16", mbridgeMoeNote, "qwen3-235b-a22b", "gb300", 256, "bf16", 4096, 33554432, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 16,
    virtualStages: 12,
    microBatchSize: 2,
    zeroStage: 1,
  }),
  run("mb2511-qwen3-235b-256xgb200-bf16", mbridgeMoeNote, "qwen3-235b-a22b", "gb200", 256, "bf16", 4096, 33554432, {
    tp: 1,
    pp: 8,
    dp: 32,
    cp: 1,
    ep: 32,
    virtualStages: 3,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2511-qwen3-235b-64xb200-fp8mx", mbridgeMoeNote, "qwen3-235b-a22b", "b200", 64, "fp8", 4096, 4194304, {
    tp: 1,
    pp: 8,
    dp: 8,
    cp: 1,
    ep: 8,
    virtualStages: 2,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  // GPT-OSS-120B (gpt_oss: alternating 128-token sliding window, attention sinks): parsed since issue 14.
  run("mb2511-gptoss-120b-64xgb200-bf16", mbridgeMoeNote, "gpt-oss-120b", "gb200", 64, "bf16", 8192, 10485760, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    ep: 64,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2511-gptoss-120b-64xh100-bf16", mbridgeMoeNote, "gpt-oss-120b", "h100-sxm", 64, "bf16", 4096, 2097152, {
    tp: 1,
    pp: 4,
    dp: 16,
    cp: 1,
    ep: 8,
    microBatchSize: 4,
    zeroStage: 1,
  }),
  run("mb2511-qwen3-30b-8xgb200-fp8mx", mbridgeMoeNote, "qwen3-30b-a3b", "gb200", 8, "fp8", 4096, 2097152, { tp: 1, pp: 1, dp: 8, cp: 1, ep: 8, microBatchSize: 4, zeroStage: 1 }),
  run("mb2511-qwen3-30b-16xh100-fp8cs", mbridgeMoeNote, "qwen3-30b-a3b", "h100-sxm", 16, "fp8", 4096, 2097152, {
    tp: 1,
    pp: 2,
    dp: 8,
    cp: 1,
    ep: 8,
    virtualStages: 24,
    microBatchSize: 2,
    zeroStage: 1,
  }),
  // The rest of the 25.11 table (the models danlu has), added 2026-12-04 unfitted: the published plan only; the
  // recipes' options where v0.2.0's scripts/performance/configs name them for the same plan (Llama 3 70B GB200 FP8-CS:
  // Megatron-FSDP, MBS 2, no recompute, cpu_offloading_num_layers 40; the MoE rows: no all-to-all overlap, below).
  run("mb2511-llama3-8b-8xgb300-fp8cs", mbridgeNote, "llama-3.1-8b", "gb300", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("mb2511-llama3-8b-8xgb200-fp8cs", mbridgeNote, "llama-3.1-8b", "gb200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("mb2511-llama3-8b-8xb200-fp8cs", mbridgeNote, "llama-3.1-8b", "b200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("mb2511-llama3-70b-64xgb200-fp8cs-fsdp", mbridgeNote, "llama-3.1-70b", "gb200", 64, "fp8", 8192, 2097152, llama70bFsdp(40)),
  run("mb2511-llama31-405b-256xgb200-fp8cs", mbridgeNote, "llama-3.1-405b", "gb200", 256, "fp8", 8192, 12582912, megatronPlan(4, 16, 4, 1, undefined, 1, 4)),
  run("mb2511-llama31-405b-128xb200-fp8cs-cp2", mbridgeNote, "llama-3.1-405b", "b200", 128, "fp8", 8192, 524288, megatronPlan(4, 8, 2, 2, undefined, 1, 8)),
  run("mb2511-llama31-405b-1024xh100-fp8cs-cp2", mbridgeNote, "llama-3.1-405b", "h100-sxm", 1024, "fp8", 8192, 4194304, megatronPlan(8, 8, 8, 2, undefined, 1, 8)),
  run("mb2511-dsv3-256xgb200-fp8mx", mbridgeMoeNote, "deepseek-v3", "gb200", 256, "fp8", 4096, 16777216, megatronPlan(1, 8, 32, 1, 32, 1, 4)),
  run("mb2511-gptoss-120b-64xgb300-bf16", mbridgeMoeNote, "gpt-oss-120b", "gb300", 64, "bf16", 8192, 10485760, megatronPlan(1, 1, 64, 1, 64, 2)),
  run("mb2511-gptoss-120b-64xb200-bf16", mbridgeMoeNote, "gpt-oss-120b", "b200", 64, "bf16", 4096, 2097152, megatronPlan(1, 1, 64, 1, 8, 4)),
  run("mb2511-qwen3-30b-8xgb300-fp8mx", mbridgeMoeNote, "qwen3-30b-a3b", "gb300", 8, "fp8", 4096, 2097152, megatronPlan(1, 1, 8, 1, 8, 4)),
  run("mb2511-qwen3-30b-8xb200-fp8mx", mbridgeMoeNote, "qwen3-30b-a3b", "b200", 8, "fp8", 4096, 2097152, megatronPlan(1, 1, 8, 1, 8, 1)),
  // The rest of the 25.09 table (the models danlu has), added 2026-12-04 unfitted: the published plan only (its table
  // has no precision column: FP8 with current scaling, the MXFP8 runs in parentheses). A2A_1F1B only on H100 (below).
  run("mb2509-llama3-8b-8xgb200-fp8", mbridgeNote, "llama-3.1-8b", "gb200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("mb2509-llama3-70b-64xgb200-fp8-fsdp", mbridgeNote, "llama-3.1-70b", "gb200", 64, "fp8", 8192, 1048576, { tp: 1, pp: 1, dp: 64, cp: 1, microBatchSize: 2, zeroStage: 3 }),
  run("mb2509-llama31-405b-128xgb200-fp8-fsdp", mbridgeNote, "llama-3.1-405b", "gb200", 128, "fp8", 8192, 524288, { tp: 2, pp: 1, dp: 64, cp: 1, microBatchSize: 1, zeroStage: 3 }),
  run("mb2509-dsv3-256xgb200-fp8-tokendrop", mbridgeMoeNote, "deepseek-v3", "gb200", 256, "fp8", 4096, 8388608, megatronPlan(1, 4, 64, 1, 64, 1, 4)),
  run("mb2509-qwen3-30b-8xgb200-fp8-tokendrop", mbridgeMoeNote, "qwen3-30b-a3b", "gb200", 8, "fp8", 4096, 2097152, megatronPlan(1, 1, 8, 1, 8, 4)),
  run("mb2509-llama3-8b-8xb200-fp8", mbridgeNote, "llama-3.1-8b", "b200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("mb2509-dsv3-256xb200-fp8-tokendrop", mbridgeMoeNote, "deepseek-v3", "b200", 256, "fp8", 4096, 8388608, megatronPlan(1, 16, 16, 1, 8, 1, 1)),
  run("mb2509-qwen3-30b-8xb200-fp8-tokendrop", mbridgeMoeNote, "qwen3-30b-a3b", "b200", 8, "fp8", 4096, 2097152, megatronPlan(1, 1, 8, 1, 8, 1)),
  run("mb2509-qwen3-235b-64xb200-fp8-tokendrop", mbridgeMoeNote, "qwen3-235b-a22b", "b200", 64, "fp8", 4096, 4194304, megatronPlan(1, 8, 8, 1, 8, 1, 2)),
  run("mb2509-llama3-8b-8xh100-fp8-fsdp", mbridgeNote, "llama-3.1-8b", "h100-sxm", 8, "fp8", 8192, 1048576, { tp: 1, pp: 1, dp: 8, cp: 1, zeroStage: 3, microBatchSize: 1 }),
  run("mb2509-llama3-70b-64xh100-fp8", mbridgeNote, "llama-3.1-70b", "h100-sxm", 64, "fp8", 8192, 1048576, megatronPlan(4, 8, 2, 1, undefined, 1, 5)),
  run("mb2509-qwen3-30b-16xh100-fp8-tokendrop", mbridgeMoeNote, "qwen3-30b-a3b", "h100-sxm", 16, "fp8", 4096, 2097152, megatronPlan(1, 2, 8, 1, 8, 2, 24)),
  run("mb2509-qwen3-235b-256xh100-fp8-tokendrop", mbridgeMoeNote, "qwen3-235b-a22b", "h100-sxm", 256, "fp8", 4096, 8388608, megatronPlan(2, 8, 16, 1, 32, 1, 4)),
  // Megatron-Bridge's MoE communication-overlap skill card (skills/nemo-mbridge-perf-moe-comm-overlap/card.yaml): one plan,
  // HybridEP, TE graphs over the router and preprocess, with and without --overlap-moe-expert-parallel-comm (options below).
  ...(["mbskill-qwen3-30b-16xh100-bf16-hybridep", "mbskill-qwen3-30b-16xh100-bf16-hybridep-epoverlap"] as const).map((id) =>
    measured(id, "throughput", `derived.tokens_per_s_per_gpu (GBS·seq / published step time / GPUs); ${mbridgeMoeNote}`, {
      model: "qwen3-30b-a3b",
      hardware: { chip: "h100-sxm", count: 16 },
      precision: "bf16",
      training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 },
      parallelism: { ...megatronPlan(1, 1, 16, 1, 16, 1), recompute: "none" },
    }),
  ),
  run("mb2509-dsv3-1024xh100-fp8-dropless", mbridgeMoeNote, "deepseek-v3", "h100-sxm", 1024, "fp8", 4096, 33554432, {
    tp: 2,
    pp: 8,
    dp: 64,
    cp: 1,
    ep: 64,
    etp: 1, // Megatron-Bridge scripts/performance/configs/deepseek/deepseek_workload_base_configs.py: BASE_DEEPSEEK_V3_CONFIG expert_tensor_parallel_size=1
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mb2606-kimi-k2-256xgb300-mxfp8", `${mbridgeMoeNote}; the run uses the Muon optimizer, danlu prices Adam's optimizer step`, "kimi-k2", "gb300", 256, "fp8", 4096, 16777216, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 64,
    virtualStages: 4,
    microBatchSize: 2,
    recomputeModules: ["mla_up_proj"],
  }),
  run("mb2606-dsv3-256xb300-mxfp8", mbridgeMoeNote, "deepseek-v3", "b300", 256, "fp8", 4096, 16777216, {
    tp: 1,
    pp: 8,
    dp: 32,
    cp: 1,
    ep: 8,
    microBatchSize: 2,
    recomputeModules: ["mla_up_proj"],
  }),
  run("mb2606-dsv3-256xgb300-mxfp8-gbs15360", mbridgeMoeNote, "deepseek-v3", "gb300", 256, "fp8", 4096, 62914560, {
    tp: 1,
    pp: 2,
    dp: 128,
    cp: 1,
    ep: 32,
    virtualStages: 8,
    microBatchSize: 1,
  }),
  // More of the 26.06 MoE tables. Recompute as the v0.5.0 recipe for the plan states: none for Qwen3 (set_qwen3_common_configs),
  // GPT-OSS (recipe recompute_granularity None; GB200 recompute_modules []) and DeepSeek-V3 GB300 (recompute_modules []);
  // DeepSeek-V3 GB200 (GB200_FP8_MX_V1) and B300 (B300_V2) and Kimi K2 GB300 (KIMI_K2_PRETRAIN_CONFIG_GB300, also at v0.4.2)
  // recompute only the MLA up-projection: recompute_modules ["mla_up_proj"], stated as parallelism.recomputeModules.
  run("mb2606-dsv3-256xgb300-mxfp8", mbridgeMoeNote, "deepseek-v3", "gb300", 256, "fp8", 4096, 16777216, {
    tp: 1,
    pp: 2,
    dp: 128,
    cp: 1,
    ep: 32,
    virtualStages: 8,
    microBatchSize: 1,
    recompute: "none",
  }),
  run("mb2606-dsv3-256xgb200-mxfp8", mbridgeMoeNote, "deepseek-v3", "gb200", 256, "fp8", 4096, 16777216, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 64,
    virtualStages: 4,
    microBatchSize: 1,
    recomputeModules: ["mla_up_proj"],
  }),
  run("mb2606-gptoss-120b-64xgb300-mxfp8", mbridgeMoeNote, "gpt-oss-120b", "gb300", 64, "fp8", 4096, 5242880, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    ep: 16,
    microBatchSize: 4,
    recompute: "none",
  }),
  run("mb2606-gptoss-120b-64xgb200-mxfp8", mbridgeMoeNote, "gpt-oss-120b", "gb200", 64, "fp8", 4096, 5242880, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    ep: 64,
    microBatchSize: 4,
    recompute: "none",
  }),
  run("mb2606-gptoss-120b-64xb300-mxfp8", mbridgeMoeNote, "gpt-oss-120b", "b300", 64, "fp8", 4096, 5242880, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    ep: 8,
    microBatchSize: 4,
    recompute: "none",
  }),
  run("mb2606-qwen3-30b-8xgb300-mxfp8", mbridgeMoeNote, "qwen3-30b-a3b", "gb300", 8, "fp8", 4096, 2097152, {
    tp: 1,
    pp: 1,
    dp: 8,
    cp: 1,
    ep: 8,
    microBatchSize: 8,
    recompute: "none",
  }),
  run("mb2606-qwen3-30b-8xgb200-mxfp8", mbridgeMoeNote, "qwen3-30b-a3b", "gb200", 8, "fp8", 4096, 2097152, {
    tp: 1,
    pp: 1,
    dp: 8,
    cp: 1,
    ep: 8,
    microBatchSize: 4,
    recompute: "none",
  }),
  run("mb2606-qwen3-30b-8xb300-mxfp8", mbridgeMoeNote, "qwen3-30b-a3b", "b300", 8, "fp8", 4096, 2097152, {
    tp: 1,
    pp: 1,
    dp: 8,
    cp: 1,
    ep: 8,
    microBatchSize: 8,
    recompute: "none",
  }),
  run("mb2606-qwen3-30b-16xh100-fp8", mbridgeMoeNote, "qwen3-30b-a3b", "h100-sxm", 16, "fp8", 4096, 4194304, {
    tp: 1,
    pp: 1,
    dp: 16,
    cp: 1,
    ep: 16,
    microBatchSize: 1,
    recompute: "none",
  }),
  run("mb2606-qwen3-235b-256xgb300-mxfp8", mbridgeMoeNote, "qwen3-235b-a22b", "gb300", 256, "fp8", 4096, 33554432, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 32,
    virtualStages: 12,
    microBatchSize: 2,
    recompute: "none",
  }),
  run("mb2606-qwen3-235b-256xgb200-mxfp8", mbridgeMoeNote, "qwen3-235b-a22b", "gb200", 256, "fp8", 4096, 33554432, {
    tp: 1,
    pp: 8,
    dp: 32,
    cp: 1,
    ep: 32,
    virtualStages: 3,
    microBatchSize: 1,
    recompute: "none",
  }),
  // Megatron-Core MoE model zoo (Qwen3-235B).
  run("mz-qwen3-235b-256xh100-bf16-cp8-128k", modelZooNote, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 131072, 33554432, {
    tp: 4,
    pp: 8,
    dp: 1,
    cp: 8,
    ep: 8,
    etp: 1, // the model zoo's Qwen3-235B-A22B.yaml sets --expert-tensor-parallel-size 1 (github.com/yanring/Megatron-MoE-ModelZoo model_configs/benchmarking)
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-256xh100-bf16-cp2-32k", modelZooNote, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 32768, 8388608, {
    tp: 4,
    pp: 8,
    dp: 4,
    cp: 2,
    ep: 8,
    etp: 1, // the model zoo's Qwen3-235B-A22B.yaml sets --expert-tensor-parallel-size 1 (github.com/yanring/Megatron-MoE-ModelZoo model_configs/benchmarking)
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-256xgb200-bf16", modelZooNote, "qwen3-235b-a22b", "gb200", 256, "bf16", 4096, 33554432, {
    tp: 1,
    pp: 8,
    dp: 32,
    cp: 1,
    ep: 8,
    virtualStages: 1,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  // Folded expert grids (EP > dp·cp: experts run with ETP = 1 over the TP ranks; arXiv 2504.14960).
  run("mb2511-qwen3-235b-256xh100-fp8cs", mbridgeMoeNote, "qwen3-235b-a22b", "h100-sxm", 256, "fp8", 4096, 8388608, {
    tp: 2,
    pp: 8,
    dp: 16,
    cp: 1,
    ep: 32,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run(
    "mb2509-qwen3-235b-64xgb200-tokendrop",
    `${mbridgeMoeNote}; token-drop routing (capacity factor) executes fewer expert FLOPs than danlu's dropless model`,
    "qwen3-235b-a22b",
    "gb200",
    64,
    "fp8",
    4096,
    4194304,
    { tp: 2, pp: 1, dp: 32, cp: 1, ep: 64, microBatchSize: 1, zeroStage: 1 },
  ),
  run("mz-qwen3-235b-256xh100-bf16-ep32-1f1b", `${modelZooNote}; 1F1B all-to-all overlap on`, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 4096, 8388608, {
    tp: 2,
    pp: 8,
    dp: 16,
    cp: 1,
    ep: 32,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-128xgb200-mxfp8-cp4-128k", modelZooNote, "qwen3-235b-a22b", "gb200", 128, "fp8", 131072, 134217728, {
    tp: 4,
    pp: 4,
    dp: 2,
    cp: 4,
    ep: 32,
    virtualStages: 12,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  // More of the model zoo's Qwen3-235B table (read 2026-12-02 at e865051; ETP 1 from its Qwen3-235B-A22B.yaml).
  run("mz-qwen3-235b-256xh100-bf16-ep32-noovl", `${modelZooNote}; the EP32 plan without the 1F1B all-to-all overlap`, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 4096, 8388608, {
    tp: 2,
    pp: 8,
    dp: 16,
    cp: 1,
    ep: 32,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-256xh100-bf16-ep8-fsdp", `${modelZooNote}; Megatron-FSDP`, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 4096, 8388608, {
    tp: 2,
    pp: 1,
    dp: 128,
    cp: 1,
    ep: 8,
    etp: 1,
    microBatchSize: 4,
    zeroStage: 3,
    recompute: "full",
  }),
  run("mz-qwen3-235b-256xh100-bf16-tp4-ep8-pp8", modelZooNote, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 4096, 8388608, {
    tp: 4,
    pp: 8,
    dp: 8,
    cp: 1,
    ep: 8,
    etp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
    recompute: "none",
  }),
  run("mz-qwen3-235b-256xh100-bf16-cp1-16k", modelZooNote, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 16384, 4194304, {
    tp: 4,
    pp: 8,
    dp: 8,
    cp: 1,
    ep: 8,
    etp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-256xh100-bf16-cp4-64k", modelZooNote, "qwen3-235b-a22b", "h100-sxm", 256, "bf16", 65536, 16777216, {
    tp: 4,
    pp: 8,
    dp: 2,
    cp: 4,
    ep: 8,
    etp: 1,
    virtualStages: 4,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  run(
    "mz-qwen3-235b-256xgb200-mxfp8-offload",
    `${modelZooNote}; fine-grained activation offloading of expert_fc1 and moe_act (the row: required; run_gb200_235b.sh: --fine-grained-activation-offloading --offload-modules expert_fc1 moe_act)`,
    "qwen3-235b-a22b",
    "gb200",
    256,
    "fp8",
    4096,
    12582912,
    {
      tp: 1,
      pp: 4,
      dp: 64,
      cp: 1,
      ep: 64,
      virtualStages: 6,
      microBatchSize: 3,
      zeroStage: 1,
      recompute: "selective",
      offloadActivations: true,
      offloadActivationModules: ["expert_fc1", "moe_act"],
    },
  ),
  run("mz-qwen3-235b-256xgb300-mxfp8", modelZooNote, "qwen3-235b-a22b", "gb300", 256, "fp8", 4096, 33554432, {
    tp: 1,
    pp: 4,
    dp: 64,
    cp: 1,
    ep: 32,
    microBatchSize: 2,
    zeroStage: 1,
  }),
  run("mz-qwen3-235b-128xgb300-mxfp8-cp4-128k", modelZooNote, "qwen3-235b-a22b", "gb300", 128, "fp8", 131072, 134217728, {
    tp: 4,
    pp: 4,
    dp: 2,
    cp: 4,
    ep: 32,
    virtualStages: 12,
    microBatchSize: 1,
    zeroStage: 1,
  }),
  // Megatron-Core DeepSeek-V3 on GB200 optimisation study (the optimised end state).
  run(
    "mcore-dsv3-256xgb200-mxfp8-final",
    "derived.tokens_per_s_per_gpu (published 970 TFLOP/s per GPU over the 249.74 GFLOP/token implied by the Megatron-Bridge 25.11 DeepSeek-V3 rows)",
    "deepseek-v3",
    "gb200",
    256,
    "fp8",
    4096,
    8388608,
    { tp: 1, pp: 8, dp: 32, cp: 1, ep: 32, virtualStages: 4, microBatchSize: 1, zeroStage: 1 },
  ),
  // NeMo 24.03 long-sequence tables (batch not published: one sequence per replica per micro-batch and 8 micro-batches assumed).
  ...(
    [
      ["nemo-ls-llama2-7b-32k-32xh100-cp2", 32, 32768, 2, 8, 2],
      ["nemo-ls-llama2-7b-128k-128xh100-cp4", 128, 131072, 4, 8, 4],
      ["nemo-ls-llama2-7b-1024k-1024xh100-cp32", 1024, 1048576, 8, 4, 32],
    ] as const
  ).map(([id, count, seq, tp, dp, cp]) =>
    run(
      id,
      "derived.tokens_per_s_per_gpu (published TFLOP/s over NeMo's llama2 FLOPs per token without causal discount); batch not published, 8 sequences per replica assumed (PP 1: the batch only sets how often the DP reduction is paid)",
      "llama-2-7b",
      "h100-sxm",
      count,
      "fp8",
      seq,
      seq * dp * 8,
      { tp, pp: 1, dp, cp, microBatchSize: 1 },
    ),
  ),
  // MaxText performance tables (TPU v5p, v5e).
  run("maxtext-32b-64xv5p-bf16", maxtextNote, maxtext32b, "tpu-v5p", 64, "bf16", 2048, 917504, { tp: 4, pp: 1, dp: 16, cp: 1, zeroStage: 3, recompute: "selective" }),
  run("maxtext-128b-256xv5p-bf16", maxtextNote, maxtextModel("maxtext-128b", 64, 8192, 128, 57344), "tpu-v5p", 256, "bf16", 2048, 524288, {
    tp: 8,
    pp: 1,
    dp: 32,
    cp: 1,
    zeroStage: 3,
    recompute: "selective",
  }),
  run("maxtext-1024b-2048xv5p-bf16", maxtextNote, maxtextModel("maxtext-1024b", 128, 16384, 256, 114688), "tpu-v5p", 2048, "bf16", 2048, 8388608, {
    tp: 8,
    pp: 1,
    dp: 256,
    cp: 1,
    zeroStage: 3,
    recompute: "full",
  }),
  run("maxtext-32b-256xv5e-bf16", maxtextNote, maxtext32b, "tpu-v5e", 256, "bf16", 2048, 2097152, { tp: 1, pp: 1, dp: 256, cp: 1, zeroStage: 3, recompute: "full" }),
  run("maxtext-32b-8192xv5e-bf16-32slices", maxtextNote, maxtext32b, "tpu-v5e", 8192, "bf16", 2048, 67108864, { tp: 1, pp: 1, dp: 8192, cp: 1, zeroStage: 3, recompute: "full" }),
  // torchtitan benchmarks.
  run("torchtitan-llama3-8b-64xa100-sac-op", `${torchtitanNote}; Llama 3 8B has Llama 3.1 8B's shape`, "llama-3.1-8b", "a100-sxm-80gb", 64, "bf16", 8192, 524288, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 1,
    recompute: "selective",
  }),
  run("torchtitan-llama2-13b-64xa100-noac", torchtitanNote, "llama-2-13b", "a100-sxm-80gb", 64, "bf16", 4096, 524288, fsdpPlan(64, 2)),
  run("torchtitan-llama31-405b-128xh100-bf16", `${torchtitanNote}; the doc's H100s have 94 GB, priced as H100 SXM`, "llama-3.1-405b", "h100-sxm", 128, "bf16", 8192, 262144, {
    tp: 8,
    pp: 1,
    dp: 16,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 2,
    recompute: "full",
  }),
  run("torchtitan-llama31-405b-128xh100-fp8-asynctp", `${torchtitanNote}; the doc's H100s have 94 GB, priced as H100 SXM`, "llama-3.1-405b", "h100-sxm", 128, "fp8", 8192, 262144, {
    tp: 8,
    pp: 1,
    dp: 16,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 2,
    recompute: "full",
  }),
  // The benchmark runs torchtitan/models/llama3/train_configs/llama3_8b.toml at e7c0cae (2025-06-11): activation_checkpoint
  // mode "selective", selective_ac_option "op".
  run("torchtitan-llama31-8b-64xh200-fp8-fsdp", torchtitanNote, "llama-3.1-8b", "h200-sxm", 64, "fp8", 8192, 1048576, {
    tp: 1,
    pp: 1,
    dp: 64,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 2,
    recompute: "selective",
  }),
  // Papers and reports.
  run(
    "palm-540b-6144xtpuv4",
    "derived.tokens_per_s_per_gpu (238.3K tokens/s over 6,144 TPU v4 chips; consistent with the published 46.2% MFU under PaLM's 6N + 12·L·H·Q·T); TP 12 > 1 K/V head: each shard replicates the K/V head",
    palmModel,
    "tpu-v4",
    6144,
    "bf16",
    2048,
    4194304,
    { tp: 12, pp: 1, dp: 512, cp: 1, zeroStage: 3, recompute: "full" }, // the paper rematerialises (HFU 57.8% vs MFU 46.2%)
  ),
  {
    rowId: "bloom-176b-384xa100",
    kind: "throughput",
    scenario: {
      model: bloomModel,
      hardware: { chip: "a100-sxm-80gb", count: 384 },
      precision: "bf16",
      training: { tokens: 366e9, sequenceLength: 2048, globalBatchTokens: 4194304 },
      parallelism: { tp: 4, pp: 12, dp: 8, cp: 1, zeroStage: 1, recompute: "full" },
      software: "megatron-lm-2021",
    },
    published: 156e12 / bloomFlopsPerToken,
    derivation: `156 TFLOP/s per GPU over Megatron-DeepSpeed's 96·l·h²·(1+s/6h+V/16lh) = ${(bloomFlopsPerToken / 1e12).toFixed(4)} TFLOP per token (counts full recompute)`,
  },
  run(
    "nemotron4-340b-6144xh100",
    "derived.tokens_per_s_per_gpu (2304 × 4096 tokens per published 8.0 s iteration on 6,144 GPUs)",
    "nemotron-4-340b",
    "h100-sxm",
    6144,
    "bf16",
    4096,
    9437184,
    {
      tp: 8,
      pp: 12,
      dp: 64,
      cp: 1,
      zeroStage: 1,
    },
  ),
  run(
    "dgxc-nemotron4-340b-128xh100-bf16",
    "derived.tokens_per_s_per_gpu (32 × 4096 tokens per published 4.77 s step on 128 GPUs)",
    "nemotron-4-340b",
    "h100-sxm",
    128,
    "bf16",
    4096,
    131072,
    {
      tp: 8,
      pp: 8,
      dp: 2,
      cp: 1,
      virtualStages: 12,
      microBatchSize: 1,
      zeroStage: 1,
    },
  ),
  run("dgxc-maxtext-llama3-70b-128xh100-bf16", "measured.tokens_per_s_per_gpu (published log line; MaxText/JAX on GPU)", "llama-3.1-70b", "h100-sxm", 128, "bf16", 8192, 2097152, {
    tp: 1,
    pp: 1,
    dp: 128,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 2,
  }),
  // AMD's MLPerf Training v5.1 llama31_8b submission on one 8 × MI355X node (NeMo 2.3 + Megatron-Core + ROCm Transformer
  // Engine, FP8): config_MI355X_1x8x1_8b.sh TP 1, PP 1, CP 1, MBS 2, GBS 32 (gradient accumulation 2, as the log states).
  // Recompute and the optimizer's sharding are not stated, so danlu chooses them.
  run(
    "mlperf51-amd-llama31-8b-8xmi355x-fp8",
    "derived.tokens_per_s_per_gpu (MLPerf tracked_stats samples/s, median of result_0's steady-state blocks, × 8192 / 8 GPUs; no FLOP convention involved)",
    "llama-3.1-8b",
    "mi355x",
    8,
    "fp8",
    8192,
    262144,
    { tp: 1, pp: 1, dp: 8, cp: 1, microBatchSize: 2 },
  ),
];

/**
 * Megatron-Bridge 26.04.01 pre-training tables (docs/performance-summary-archive.md at 067f987df): every row of a model danlu
 * has (Nemotron 3 hybrid-Mamba tables left out), added 2026-12-03 unfitted with the published plan only; the 405B recipe's
 * embedding/loss pipeline split, which Bridge's llama31_405b_pretrain_config sets in every release since v0.2.0, is read.
 * Each scenario is read from its data row (plan, batch, sequence, chips, precision); only the catalog ids are named here.
 * The MoE rows' recipe options (the fourth entry) are read from v0.4.2's scripts/performance/configs/{deepseek,gpt_oss,qwen,kimi}/
 * *_workload_base_configs.py, the release whose docs/performance-summary.md first carries the 26.04.01 table: each row's
 * published plan (PP, VP, EP, micro-batch, global batch) matches exactly one config there. `a2a` is the config's
 * moe_a2a_overlap (WorkloadBaseConfig's default False unless set); `recompute` is "none" where the config names no
 * recompute_modules, else the config's recompute_modules as `modules` (Megatron-Core --recompute-modules: GPT-OSS-120B
 * GB200/B200/H100 ["layernorm", "moe_act"]; DeepSeek-V3 *_V2: GB300 and B300 ["mla_up_proj"], GB200 ["mlp"], B200 MXFP8
 * ["mla_up_proj", "mlp"]). None of these configs captures the full iteration
 * (their CUDA graphs are Transformer Engine's per-module graphs: attention, router, preprocess) or sets fp8 attention.
 * The dense rows' options come from v0.4.2's llama3_ and llama31_workload_base_configs.py (*_V2: GBS 256 for 70B, 1536
 * for 405B), where each row's plan again matches exactly one config, and the llama3_70b / llama31_405b_pretrain_config
 * recipes set recompute_granularity None: no dense row recomputes. The two Megatron-FSDP rows (70B GB300 and GB200
 * FP8_CS_V2) offload the activations of 20 and 40 of the 80 layers to host memory (cpu_offloading_num_layers), which
 * `offloadLayers` states.
 */
interface Mbridge260401Recipe {
  /** moe_a2a_overlap (MoE rows only). */
  a2a?: boolean;
  recompute?: "none" | "selective";
  /** recompute_modules: selective recompute of exactly these modules. */
  modules?: RecomputeModule[];
  /** cpu_offloading_num_layers: layers per stage whose activations go to host memory. */
  offloadLayers?: number;
}

const mbridge260401Recipes: [string, string, string, Mbridge260401Recipe?][] = [
  ["mb260401-llama3-70b-64xgb300-fp8", "llama-3.1-70b", "gb300", { recompute: "none", offloadLayers: 20 }],
  ["mb260401-llama3-70b-64xgb300-mxfp8", "llama-3.1-70b", "gb300", { recompute: "none" }],
  ["mb260401-llama3-70b-64xgb300-nvfp4", "llama-3.1-70b", "gb300", { recompute: "none" }],
  ["mb260401-llama3-70b-64xgb200-fp8", "llama-3.1-70b", "gb200", { recompute: "none", offloadLayers: 40 }],
  ["mb260401-llama3-70b-64xgb200-mxfp8", "llama-3.1-70b", "gb200", { recompute: "none" }],
  ["mb260401-llama3-70b-64xgb200-nvfp4", "llama-3.1-70b", "gb200", { recompute: "none" }],
  ["mb260401-llama3-70b-64xh100-fp8", "llama-3.1-70b", "h100-sxm", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb300-fp8", "llama-3.1-405b", "gb300", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb300-mxfp8", "llama-3.1-405b", "gb300", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb300-nvfp4", "llama-3.1-405b", "gb300", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb200-fp8", "llama-3.1-405b", "gb200", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb200-mxfp8", "llama-3.1-405b", "gb200", { recompute: "none" }],
  ["mb260401-llama31-405b-256xgb200-nvfp4", "llama-3.1-405b", "gb200", { recompute: "none" }],
  ["mb260401-llama31-405b-1024xh100-fp8", "llama-3.1-405b", "h100-sxm", { recompute: "none" }],
  ["mb260401-dsv3-256xgb300-mxfp8", "deepseek-v3", "gb300", { a2a: false, modules: ["mla_up_proj"] }],
  ["mb260401-dsv3-256xgb200-mxfp8", "deepseek-v3", "gb200", { a2a: false, modules: ["mlp"] }],
  ["mb260401-dsv3-256xb300-mxfp8", "deepseek-v3", "b300", { a2a: false, modules: ["mla_up_proj"] }],
  ["mb260401-dsv3-256xb200-mxfp8", "deepseek-v3", "b200", { a2a: true, modules: ["mla_up_proj", "mlp"] }],
  ["mb260401-gptoss-120b-64xgb300-bf16", "gpt-oss-120b", "gb300", { a2a: false, recompute: "none" }],
  ["mb260401-gptoss-120b-64xgb200-bf16", "gpt-oss-120b", "gb200", { a2a: true, modules: ["layernorm", "moe_act"] }],
  ["mb260401-gptoss-120b-64xb300-bf16", "gpt-oss-120b", "b300", { a2a: false, recompute: "none" }],
  ["mb260401-gptoss-120b-64xb200-bf16", "gpt-oss-120b", "b200", { a2a: false, modules: ["layernorm", "moe_act"] }],
  ["mb260401-gptoss-120b-64xh100-bf16", "gpt-oss-120b", "h100-sxm", { a2a: false, modules: ["layernorm", "moe_act"] }],
  ["mb260401-qwen3-30b-8xgb300-mxfp8", "qwen3-30b-a3b", "gb300", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-30b-8xgb200-mxfp8", "qwen3-30b-a3b", "gb200", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-30b-8xb300-mxfp8", "qwen3-30b-a3b", "b300", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-30b-8xb200-mxfp8", "qwen3-30b-a3b", "b200", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-30b-16xh100-fp8", "qwen3-30b-a3b", "h100-sxm", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-235b-256xgb300-mxfp8", "qwen3-235b-a22b", "gb300", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-235b-256xgb200-mxfp8", "qwen3-235b-a22b", "gb200", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-235b-256xb300-mxfp8", "qwen3-235b-a22b", "b300", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-235b-256xb200-mxfp8", "qwen3-235b-a22b", "b200", { a2a: false, recompute: "none" }],
  ["mb260401-qwen3-235b-256xh100-fp8", "qwen3-235b-a22b", "h100-sxm", { a2a: true, recompute: "none" }],
  ["mb260401-kimi-k2-256xgb300-mxfp8", "kimi-k2", "gb300", { a2a: false, modules: ["mla_up_proj"] }],
];

const mbridge260401Inputs: CaseInput[] = mbridge260401Recipes.map(([id, model, chip, recipe]) => {
  const row = trainingRow(id);
  const p = row.parallelism;
  const precision = row.precision === "NVFP4" ? "fp4" : row.precision === "BF16" ? "bf16" : "fp8";
  const note = model === "kimi-k2" ? `${mbridgeMoeNote}; the run uses the Muon optimizer, danlu prices Adam's optimizer step` : p.ep ? mbridgeMoeNote : mbridgeNote;
  return run(id, note, model, chip, row.hardware.count as number, precision, row.architecture.seq_len as number, p.global_batch_tokens as number, {
    tp: p.tp as number,
    pp: p.pp as number,
    dp: p.dp as number,
    cp: p.cp as number,
    ...(p.ep ? { ep: p.ep } : {}),
    ...(p.vp ? { virtualStages: p.vp } : {}),
    microBatchSize: p.micro_batch as number,
    zeroStage: p.zero_fsdp ? 3 : 1, // the table's FSDP column: Megatron-FSDP, else the distributed optimizer
    ...(recipe?.recompute ? { recompute: recipe.recompute } : {}),
    ...(recipe?.modules ? { recomputeModules: recipe.modules } : {}),
    ...(recipe?.offloadLayers ? { offloadActivations: true, offloadActivationLayers: recipe.offloadLayers } : {}),
  });
});

/** The all-to-all overlap of the 26.04.01 MoE rows, as their v0.4.2 configs set it (see mbridge260401Inputs). */
const mbridge260401AllToAllOverlap: Record<string, boolean> = Object.fromEntries(
  mbridge260401Recipes.flatMap(([id, , , recipe]) => (recipe?.a2a === undefined ? [] : [[id, recipe.a2a]])),
);

/**
 * Megatron-Bridge 26.08 pre-training tables (docs/performance-summary.md at 067f987df): every row of a model danlu has
 * (DeepSeek-V4 Flash and the Nemotron 3 hybrid-Mamba tables left out), added 2026-12-03 unfitted. Each reruns the 26.06
 * row's published plan and batch on the same system, so each takes that row's scenario; the published figure is 26.08's.
 * The recipe options, read from the v0.6.0 perf recipes (src/megatron/bridge/perf_recipes/{deepseek,gpt_oss,qwen}/
 * {gb200,gb300}/*.py), are the maps' below: all-to-all overlap, full-iteration CUDA graphs, fp8 attention but on DeepSeek-V3
 * GB200; no recompute but DeepSeek-V3 GB200's mla_up_proj (danlu chooses there, as for its 26.06 row).
 */
const mbridge2608Inputs: CaseInput[] = (
  [
    ["mb2608-dsv3-256xgb300-mxfp8", "mb2606-dsv3-256xgb300-mxfp8"],
    ["mb2608-dsv3-256xgb200-mxfp8", "mb2606-dsv3-256xgb200-mxfp8"],
    ["mb2608-gptoss-120b-64xgb300-mxfp8", "mb2606-gptoss-120b-64xgb300-mxfp8"],
    ["mb2608-gptoss-120b-64xgb200-mxfp8", "mb2606-gptoss-120b-64xgb200-mxfp8"],
    ["mb2608-qwen3-30b-8xgb300-mxfp8", "mb2606-qwen3-30b-8xgb300-mxfp8"],
    ["mb2608-qwen3-30b-8xgb200-mxfp8", "mb2606-qwen3-30b-8xgb200-mxfp8"],
    ["mb2608-qwen3-235b-256xgb300-mxfp8", "mb2606-qwen3-235b-256xgb300-mxfp8"],
    ["mb2608-qwen3-235b-256xgb200-mxfp8", "mb2606-qwen3-235b-256xgb200-mxfp8"],
  ] as const
).map(([id, of]) => {
  const earlier = recentInputs.find((c) => c.rowId === of);
  if (!earlier) throw new Error(`validation case ${of} missing`);
  return measured(id, "throughput", mbridgeMoeNote, earlier.scenario);
});

/**
 * Whether each MoE row's recipe overlapped the expert all-to-all with another micro-batch's computation
 * (Megatron-Core --overlap-moe-expert-parallel-comm; options.expertAllToAllOverlap). Read from the published
 * recipes, not fitted:
 * - Megatron-Bridge 25.11: scripts/performance/configs/{deepseek,qwen3,gpt_oss}/workload_base_configs.py at
 *   tag v0.2.0 (2025-11-26); `moe_a2a_overlap` defaults to False (scripts/performance/utils/utils.py) and is
 *   set True only for DeepSeek-V3 H100, Qwen3-235B H100 and B200, and Qwen3-30B H100.
 * - Megatron-Bridge 25.09: scripts/performance/run_script.py at cac49dcd7 (2025-09-27): A2A_1F1B only on H100.
 * - Megatron-Bridge 26.06: deepseek_workload_base_configs.py / kimi_workload_base_configs.py at tag v0.5.0
 *   (2026-06-16): DeepSeek-V3 GB300 FP8-MX V1 True; DeepSeek-V3 B300 V2 and Kimi K2 GB300 False. The other
 *   26.06 rows from the config whose plan matches the row (deepseek_, gpt_oss_, qwen3_workload_base_configs.py):
 *   every GB300/GB200 MXFP8 config and Qwen3-30B B300 MXFP8 set True; GPT-OSS B300 (default) and Qwen3-30B H100 False.
 * - Megatron-MoE model zoo (yanring/Megatron-MoE-ModelZoo best_practice/qwen3/readme.md at e865051): the
 *   long-context, GB200 BF16 and GB300 commands set A2A_OVERLAP=0, the GB200 MXFP8 one 1; the H100 EP32 row
 *   is the "+1f1b overlap" one, its pair without it and the intra-node rows keep sbatch_benchmarking.sh's 0.
 *   DeepSeek-V3 GB200 study: best-practice/DeepSeekV3/run_gb200.sh at c700259 leaves A2A_OVERLAP at its
 *   default 0 (sbatch_benchmarking.sh).
 */
const expertAllToAllOverlapOfRow: Record<string, boolean> = {
  "mb2509-dsv3-1024xh100-fp8-dropless": true,
  "mb2509-qwen3-235b-64xgb200-tokendrop": false,
  "mbskill-qwen3-30b-16xh100-bf16-hybridep": false,
  "mbskill-qwen3-30b-16xh100-bf16-hybridep-epoverlap": true,
  "mb2509-dsv3-256xgb200-fp8-tokendrop": false,
  "mb2509-qwen3-30b-8xgb200-fp8-tokendrop": false,
  "mb2509-dsv3-256xb200-fp8-tokendrop": false,
  "mb2509-qwen3-30b-8xb200-fp8-tokendrop": false,
  "mb2509-qwen3-235b-64xb200-fp8-tokendrop": false,
  "mb2509-qwen3-30b-16xh100-fp8-tokendrop": true,
  "mb2509-qwen3-235b-256xh100-fp8-tokendrop": true,
  "mb2511-dsv3-256xgb300-bf16": false,
  "mb2511-dsv3-256xgb300-fp8mx": false,
  "mb2511-dsv3-256xgb200-bf16": false,
  "mb2511-dsv3-256xb200-fp8mx-mtp": false,
  "mb2511-qwen3-235b-256xgb300-bf16": false,
  "mb2511-qwen3-235b-256xgb200-bf16": false,
  "mb2511-qwen3-235b-64xb200-fp8mx": true,
  "mb2511-qwen3-235b-256xh100-fp8cs": true,
  "mb2511-gptoss-120b-64xgb200-bf16": false,
  "mb2511-gptoss-120b-64xh100-bf16": false,
  "mb2511-qwen3-30b-8xgb200-fp8mx": false,
  "mb2511-qwen3-30b-16xh100-fp8cs": true,
  "mb2511-dsv3-256xgb200-fp8mx": false,
  "mb2511-gptoss-120b-64xgb300-bf16": false,
  "mb2511-gptoss-120b-64xb200-bf16": false,
  "mb2511-qwen3-30b-8xgb300-fp8mx": false,
  "mb2511-qwen3-30b-8xb200-fp8mx": false,
  "mb2606-kimi-k2-256xgb300-mxfp8": false,
  "mb2606-dsv3-256xb300-mxfp8": false,
  "mb2606-dsv3-256xgb300-mxfp8-gbs15360": true,
  "mb2606-dsv3-256xgb300-mxfp8": true, // DEEPSEEK_V3_PRETRAIN_CONFIG_GB300_FP8_MX_V2
  "mb2606-dsv3-256xgb200-mxfp8": true, // DEEPSEEK_V3_PRETRAIN_CONFIG_GB200_FP8_MX_V2
  "mb2606-gptoss-120b-64xgb300-mxfp8": true, // gpt_oss_workload_base_configs.py GPT_OSS_120B_PRETRAIN_CONFIG_GB300_FP8_MX_V2
  "mb2606-gptoss-120b-64xgb200-mxfp8": true, // GPT_OSS_120B_PRETRAIN_CONFIG_GB200_FP8_MX_V2
  "mb2606-gptoss-120b-64xb300-mxfp8": false, // GPT_OSS_120B_PRETRAIN_CONFIG_B300_FP8_MX_V2 (= B300_BF16_V2) does not set it: the default False
  "mb2606-qwen3-30b-8xgb300-mxfp8": true, // qwen3_workload_base_configs.py QWEN3_30B_A3B_PRETRAIN_CONFIG_GB300_FP8_MX_V1
  "mb2606-qwen3-30b-8xgb200-mxfp8": true, // QWEN3_30B_A3B_PRETRAIN_CONFIG_GB200_FP8_MX_V1
  "mb2606-qwen3-30b-8xb300-mxfp8": true, // QWEN3_30B_A3B_PRETRAIN_CONFIG_B300_FP8_MX_V1
  "mb2606-qwen3-30b-16xh100-fp8": false, // QWEN3_30B_A3B_PRETRAIN_CONFIG_H100_FP8_CS_V1
  "mb2606-qwen3-235b-256xgb300-mxfp8": true, // QWEN3_235B_A22B_PRETRAIN_CONFIG_GB300_FP8_MX_V2
  "mb2606-qwen3-235b-256xgb200-mxfp8": true, // QWEN3_235B_A22B_PRETRAIN_CONFIG_GB200_FP8_MX_V2
  "mz-qwen3-235b-256xh100-bf16-cp8-128k": false,
  "mz-qwen3-235b-256xh100-bf16-cp2-32k": false,
  "mz-qwen3-235b-256xgb200-bf16": false,
  "mz-qwen3-235b-256xh100-bf16-ep32-1f1b": true,
  "mz-qwen3-235b-128xgb200-mxfp8-cp4-128k": false,
  "mcore-dsv3-256xgb200-mxfp8-final": false,
  "mz-qwen3-235b-256xh100-bf16-ep32-noovl": false,
  "mz-qwen3-235b-256xh100-bf16-ep8-fsdp": false,
  "mz-qwen3-235b-256xh100-bf16-tp4-ep8-pp8": false,
  "mz-qwen3-235b-256xh100-bf16-cp1-16k": false,
  "mz-qwen3-235b-256xh100-bf16-cp4-64k": false,
  "mz-qwen3-235b-256xgb200-mxfp8-offload": true,
  "mz-qwen3-235b-256xgb300-mxfp8": false,
  "mz-qwen3-235b-128xgb300-mxfp8-cp4-128k": false,
  // Megatron-Bridge 26.08 (v0.6.0 perf recipes): overlap_moe_expert_parallel_comm=True in _enable_deepseek_full_iteration_mxfp8
  // (deepseek/common.py), _apply_gpt_oss_120b_full_iter_fp8mx_configs (gpt_oss/common.py) and _enable_hybridep_full_iteration_mxfp8
  // (qwen/common.py), which every 26.08 row's recipe calls.
  ...Object.fromEntries(mbridge2608Inputs.map((c) => [c.rowId, true])),
  // Megatron-Bridge 26.04.01 (v0.4.2 configs): see mbridge260401Inputs.
  ...mbridge260401AllToAllOverlap,
};

/**
 * The MoE dispatcher of the rows whose expert-parallel group spans scale-up domains (where it matters;
 * options.expertDispatcher), read from the published recipes, not fitted. The default stack's is
 * "deduplicated" (DeepEP/HybridEP), which the other cross-domain rows use: Megatron-Bridge 25.09 DeepSeek-V3 H100
 * (scripts/performance/run_script.py at cac49dcd7: enable_deepep on H100), 26.06 Qwen3-30B-A3B H100
 * (QWEN3_30B_A3B_PRETRAIN_CONFIG_H100_FP8_CS_V1: moe_flex_dispatcher_backend "hybridep") and the model zoo's
 * H100 EP32 pair (DeepEP, the table's dispatcher column).
 */
const expertDispatcherOfRow: Record<string, "all-to-all"> = {
  // v0.2.0 QWEN3_235B_A22B_H100_FP8_CS_BASE_CONFIG names no flex backend, so the Qwen3 MoE provider's
  // moe_token_dispatcher_type "alltoall" stays (src/megatron/bridge/models/qwen/qwen_provider.py).
  "mb2511-qwen3-235b-256xh100-fp8cs": "all-to-all",
};

/**
 * The software stack of the rows built with `run` (src/catalog/training-stacks.ts); rows built above name theirs in
 * the scenario. Every other row ran on Megatron-Core / NeMo / Megatron-Bridge (2024-26), or, for the Llama 3
 * paper, on Meta's in-house stack whose published features (TP and DP overlap, flash attention; Llama 3 paper
 * §3.3.2) are megatron-core-2025's.
 */
const stackOfRow: Record<string, string> = {
  "automodel-dsv3-256xh100-bf16": "nemo-automodel",
  "automodel-dsv3-1024xh100-bf16": "nemo-automodel",
  "automodel-kimi-k2-256xh100-bf16": "nemo-automodel",
  "automodel-qwen3-30b-8xh100-bf16": "nemo-automodel",
  "maxtext-32b-64xv5p-bf16": "maxtext",
  "maxtext-128b-256xv5p-bf16": "maxtext",
  "maxtext-1024b-2048xv5p-bf16": "maxtext",
  "maxtext-32b-256xv5e-bf16": "maxtext",
  "maxtext-32b-8192xv5e-bf16-32slices": "maxtext",
  "palm-540b-6144xtpuv4": "pathways-2022", // PaLM: JAX + XLA SPMD on Pathways, before collective matmul
  "dgxc-maxtext-llama3-70b-128xh100-bf16": "maxtext",
  "torchtitan-llama3-8b-64xa100-sac-op": "torchtitan",
  "torchtitan-llama2-13b-64xa100-noac": "torchtitan",
  "torchtitan-llama31-405b-128xh100-bf16": "torchtitan",
  "torchtitan-llama31-405b-128xh100-fp8-asynctp": "torchtitan-async-tp",
  "torchtitan-llama31-8b-64xh200-fp8-fsdp": "torchtitan",
};

/**
 * Rows on a Megatron-Core-like stack that ran before the asynchronous attention kernels existed, so their attention
 * is priced at the FlashAttention-2 rate ("flash") rather than the stack's "flash3" (src/catalog/training-stacks.ts).
 * FlashAttention-3 appeared 2024-07 (arXiv 2407.08608) and cuDNN's fused attention is measured at its speed from 9.1
 * (pytorch/pytorch#142132). Both rows below are dated estimates: neither source names its attention kernel.
 */
const attentionKernelOfRow: Record<string, "flash"> = {
  // NeMo 24.03.01 container (2024-04): Transformer Engine 1.4 with cuDNN 9.0, before both.
  "nemo-ls-llama2-7b-32k-32xh100-cp2": "flash",
  "nemo-ls-llama2-7b-128k-128xh100-cp4": "flash",
  "nemo-ls-llama2-7b-1024k-1024xh100-cp32": "flash",
  // Llama 3 405B pre-training (Meta's stack, 2024-01 to 2024-06; Llama 3 paper §3.3): before FlashAttention-3.
  "llama3-405b-8192gpu-cp1": "flash",
  "llama3-405b-16384gpu-cp1": "flash",
};

/**
 * Rows whose Megatron-Bridge recipe captures the full iteration as one CUDA graph (cuda_graph_impl="full_iteration" in
 * scripts/performance/configs/*_workload_base_configs.py at v0.5.0, the 26.06 container's recipes: the *_FP8_MX configs of
 * DeepSeek-V3 GB300/GB200, Qwen3-235B-A22B GB300/GB200, Qwen3-30B-A3B GB300/GB200/B300 and GPT-OSS-120B GB300/GB200).
 */
const fullIterationCudaGraphRows = new Set([
  "mb2606-dsv3-256xgb300-mxfp8",
  "mb2606-dsv3-256xgb300-mxfp8-gbs15360",
  "mb2606-dsv3-256xgb200-mxfp8",
  "mb2606-qwen3-235b-256xgb300-mxfp8",
  "mb2606-qwen3-235b-256xgb200-mxfp8",
  "mb2606-qwen3-30b-8xgb300-mxfp8",
  "mb2606-qwen3-30b-8xgb200-mxfp8",
  "mb2606-qwen3-30b-8xb300-mxfp8",
  "mb2606-gptoss-120b-64xgb300-mxfp8",
  "mb2606-gptoss-120b-64xgb200-mxfp8",
  // 26.08: the same helpers at v0.6.0 set cuda_graph_impl = "full_iteration" for every row.
  ...mbridge2608Inputs.map((c) => c.rowId),
]);

/** Of those, the recipes that also set fp8_dot_product_attention=True (all but DeepSeek-V3 GB200's, in 26.06 and 26.08). */
const fp8AttentionRows = new Set([...fullIterationCudaGraphRows].filter((id) => !id.endsWith("-dsv3-256xgb200-mxfp8")));

/**
 * Megatron-Bridge's Llama 3.1 405B pre-training recipe counts the embedding and the loss as pipeline layers
 * (llama31_405b_pretrain_config: account_for_embedding_in_pipeline_split and account_for_loss_in_pipeline_split True,
 * src/megatron/bridge/recipes/llama/llama3.py at v0.2.0, v0.4.0/v0.4.1 and v0.5.0: the 25.11, 26.04.x and 26.06 containers).
 */
const countsEmbeddingAndLoss = (rowId: string) =>
  ["mb2511-llama31-405b-", "mb260401-llama31-405b-", "mb2606-llama31-405b-"].some((p) => rowId.startsWith(p)) || nemoPipelined405b.has(rowId);
/** NeMo 2.0's llama31_405b recipe sets both too (nemo/collections/llm/recipes/llama31_405b.py at v2.2.0-v2.4.0): its pipelined rows. */
const nemoPipelined405b = new Set(["nemo2502-llama31-405b-128xb200-fp8", "nemo2504-llama31-405b-128xgb200-fp8", "nemo2507-llama31-405b-128xgb200-fp8-alt"]);

/** Every case with its source family and its software stack named (the default stack written out). */
const withFamily = (cases: CaseInput[]): TrainingCase[] =>
  cases.map((c) => {
    const row = trainingRow(c.rowId) as Row & { source_family?: string };
    const software = c.scenario.software ?? stackOfRow[c.rowId] ?? DEFAULT_TRAINING_STACK;
    // What the row's recipe states beyond its plan (the maps and sets above).
    const a2a = expertAllToAllOverlapOfRow[c.rowId];
    const kernel = attentionKernelOfRow[c.rowId];
    const stated: NonNullable<TrainScenarioInput["options"]> = {
      ...(a2a === undefined ? {} : { expertAllToAllOverlap: a2a }),
      ...(expertDispatcherOfRow[c.rowId] ? { expertDispatcher: expertDispatcherOfRow[c.rowId] } : {}),
      ...(kernel === undefined ? {} : { attentionKernel: kernel }),
      ...(fullIterationCudaGraphRows.has(c.rowId) ? { fullIterationCudaGraph: true } : {}),
      ...(fp8AttentionRows.has(c.rowId) ? { fp8Attention: true } : {}),
      ...(countsEmbeddingAndLoss(c.rowId) ? { pipelineSplitCountsEmbeddingAndLoss: true } : {}),
    };
    const options = Object.keys(stated).length ? { ...c.scenario.options, ...stated } : c.scenario.options;
    return { ...c, scenario: { ...c.scenario, software, ...(options ? { options } : {}) }, sourceFamily: row.source_family ?? c.rowId };
  });

/**
 * NeMo 2.0 performance summaries (containers 25.02, 25.04, 25.07; docs.nvidia.com, the stored pages hold the first
 * system table of each: DGX-B200 and one DGX-H100 row for 25.02, DGX-GB200 for 25.04 and 25.07). FP8 per-tensor
 * current scaling; tokens/s per GPU as published. Plan settings beyond the table (FSDP, activation offload) from
 * NVIDIA/NeMo's scripts/performance recommended_model_configs/*.csv at the release's tag (v2.2.0, v2.3.0, v2.4.0);
 * CUDA graphs of dense layers (cuda_graphs = 1 there) are not modelled. The 25.07 table prints a second figure in
 * parentheses for some rows (a second configuration of the same workload, read as its own row "-alt"; the 25.07
 * Llama 3.1 405B FSDP row offloads 95 layers' activations, activation_offload_layers in the v2.4.0 CSV).
 */
const nemo25Inputs: CaseInput[] = [
  run("nemo2502-gpt3-175b-512xb200-fp8", mbridgeNote, "gpt-3-175b", "b200", 512, "fp8", 2048, 4194304, megatronPlan(4, 4, 32, 1, undefined, 2, 6)),
  run("nemo2502-llama3-8b-8xb200-fp8", mbridgeNote, "llama-3.1-8b", "b200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("nemo2502-llama3-70b-64xb200-fp8", mbridgeNote, "llama-3.1-70b", "b200", 64, "fp8", 8192, 1048576, megatronPlan(2, 4, 4, 2, undefined, 1, 5)),
  run("nemo2502-llama31-405b-128xb200-fp8", mbridgeNote, "llama-3.1-405b", "b200", 128, "fp8", 8192, 524288, megatronPlan(4, 8, 2, 2, undefined, 1, 8)),
  run("nemo2502-nemotron4-15b-64xb200-fp8", mbridgeNote, "nemotron-4-15b", "b200", 64, "fp8", 4096, 1048576, megatronPlan(1, 1, 64, 1, undefined, 2)),
  run("nemo2502-nemotron4-340b-128xb200-fp8", mbridgeNote, "nemotron-4-340b", "b200", 128, "fp8", 4096, 131072, megatronPlan(8, 4, 4, 1, undefined, 1, 12)),
  run("nemo2502-mixtral-8x7b-64xb200-fp8", mbridgeMoeNote, "mixtral-8x7b", "b200", 64, "fp8", 4096, 1048576, megatronPlan(1, 1, 64, 1, 8, 2)),
  run("nemo2502-mixtral-8x22b-256xb200-fp8", mbridgeMoeNote, "mixtral-8x22b", "b200", 256, "fp8", 65536, 4194304, megatronPlan(2, 4, 4, 8, 8, 1, 14)),
  run("nemo2502-gpt3-175b-512xh100-fp8", mbridgeNote, "gpt-3-175b", "h100-sxm", 512, "fp8", 2048, 4194304, megatronPlan(4, 8, 16, 1, undefined, 2, 6)),
  run("nemo2504-gpt3-175b-128xgb200-fp8", mbridgeNote, "gpt-3-175b", "gb200", 128, "fp8", 2048, 524288, megatronPlan(4, 4, 8, 1, undefined, 2, 12)),
  run("nemo2504-llama3-8b-8xgb200-fp8", mbridgeNote, "llama-3.1-8b", "gb200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("nemo2504-llama3-70b-64xgb200-fp8", mbridgeNote, "llama-3.1-70b", "gb200", 64, "fp8", 8192, 1048576, fsdpPlan(64, 1)),
  run("nemo2504-llama31-405b-128xgb200-fp8", mbridgeNote, "llama-3.1-405b", "gb200", 128, "fp8", 8192, 524288, megatronPlan(4, 8, 2, 2, undefined, 1, 8)),
  run("nemo2504-nemotron4-15b-64xgb200-fp8", mbridgeNote, "nemotron-4-15b", "gb200", 64, "fp8", 4096, 1048576, megatronPlan(1, 1, 64, 1, undefined, 2)),
  run("nemo2504-nemotron4-340b-128xgb200-fp8", mbridgeNote, "nemotron-4-340b", "gb200", 128, "fp8", 4096, 131072, megatronPlan(8, 4, 4, 1, undefined, 1, 12)),
  run("nemo2504-mixtral-8x7b-64xgb200-fp8", mbridgeMoeNote, "mixtral-8x7b", "gb200", 64, "fp8", 4096, 1048576, megatronPlan(1, 1, 64, 1, 8, 2)),
  run("nemo2504-mixtral-8x22b-256xgb200-fp8", mbridgeMoeNote, "mixtral-8x22b", "gb200", 256, "fp8", 65536, 4194304, megatronPlan(2, 4, 4, 8, 8, 1, 14)),
  run("nemo2507-llama3-8b-8xgb200-fp8", mbridgeNote, "llama-3.1-8b", "gb200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("nemo2507-llama3-8b-8xgb200-fp8-alt", mbridgeNote, "llama-3.1-8b", "gb200", 8, "fp8", 8192, 1048576, megatronPlan(1, 1, 8, 1, undefined, 2)),
  run("nemo2507-llama3-70b-64xgb200-fp8", mbridgeNote, "llama-3.1-70b", "gb200", 64, "fp8", 8192, 1048576, fsdpPlan(64, 1)),
  run("nemo2507-llama3-70b-64xgb200-fp8-alt", mbridgeNote, "llama-3.1-70b", "gb200", 64, "fp8", 8192, 1048576, megatronPlan(2, 4, 4, 2, undefined, 1, 5)),
  run("nemo2507-llama31-405b-128xgb200-fp8", mbridgeNote, "llama-3.1-405b", "gb200", 128, "fp8", 8192, 524288, {
    tp: 2,
    pp: 1,
    dp: 64,
    cp: 1,
    zeroStage: 3,
    microBatchSize: 1,
    recompute: "none",
    offloadActivations: true,
    offloadActivationLayers: 95,
  }),
  run("nemo2507-llama31-405b-128xgb200-fp8-alt", mbridgeNote, "llama-3.1-405b", "gb200", 128, "fp8", 8192, 524288, megatronPlan(4, 8, 2, 2, undefined, 1, 8)),
  run("nemo2507-llama4-scout-64xgb200-fp8", mbridgeMoeNote, "llama-4-scout", "gb200", 64, "fp8", 8192, 8388608, megatronPlan(1, 1, 64, 1, 16, 1)),
  run("nemo2507-llama4-scout-64xgb200-fp8-alt", mbridgeMoeNote, "llama-4-scout", "gb200", 64, "fp8", 8192, 8388608, megatronPlan(1, 1, 64, 1, 16, 1)),
];

/**
 * NeMo AutoModel's pre-training table (docs/performance-summary.md at 5e55eca63, 2025-10; the Qwen3 row as fixed in
 * 183923403): DGX-H100, BF16, PyTorch FSDP2 with Transformer Engine layers and DeepEP, on the `nemo-automodel` stack.
 * Every row's config (examples/benchmark/configs/*_te_deepep.yaml at that commit) sets activation_checkpointing: full
 * recompute. The two GPT-OSS rows are left out: the table prints no EP and their configs (PP2 EP16 GBS 256 for 120B)
 * do not match the table's plan (PP1, GBS 512).
 */
const automodelPlan = (pp: number, dp: number, ep: number, microBatchSize: number, virtualStages?: number): TrainScenarioInput["parallelism"] => ({
  tp: 1,
  pp,
  dp,
  cp: 1,
  ep,
  zeroStage: 3,
  microBatchSize,
  ...(virtualStages === undefined ? {} : { virtualStages }),
  recompute: "full",
});
const automodelInputs: CaseInput[] = [
  run("automodel-dsv3-256xh100-bf16", mbridgeMoeNote, "deepseek-v3", "h100-sxm", 256, "bf16", 4096, 512 * 4096, automodelPlan(4, 64, 64, 1, 8)),
  run("automodel-dsv3-1024xh100-bf16", mbridgeMoeNote, "deepseek-v3", "h100-sxm", 1024, "bf16", 4096, 8192 * 4096, automodelPlan(4, 256, 64, 1, 8)),
  run("automodel-kimi-k2-256xh100-bf16", mbridgeMoeNote, "kimi-k2", "h100-sxm", 256, "bf16", 4096, 512 * 4096, automodelPlan(8, 32, 32, 1, 4)),
  run("automodel-qwen3-30b-8xh100-bf16", mbridgeMoeNote, "qwen3-30b-a3b", "h100-sxm", 8, "bf16", 4096, 512 * 4096, automodelPlan(1, 8, 8, 4)),
];

/**
 * A published plan that lists its layout did not offload: no run in data/training-runs.json names ZeRO-Offload,
 * and where the source states its recompute policy it stated how it fit memory, so activation offload is off
 * too. Where recompute is not stated (some Megatron-Bridge rows), danlu chooses between recompute and
 * activation offload as it would for a user — which is what NVIDIA's GB200/GB300 recipes do.
 */
const asPublished = (c: CaseInput): CaseInput => {
  const p = c.scenario.parallelism ?? {};
  const offload = { offloadOptimizer: p.offloadOptimizer ?? false, ...(p.recompute !== undefined ? { offloadActivations: p.offloadActivations ?? false } : {}) };
  return { ...c, scenario: { ...c.scenario, parallelism: { ...p, ...offload } } };
};

/** Rows with a full published plan and a per-chip throughput: the fitted and cross-validated set. */
export const trainingCases: TrainingCase[] = withFamily(
  [...throughputInputs, ...recentInputs, ...mbridge260401Inputs, ...mbridge2608Inputs, ...nemo25Inputs, ...automodelInputs].map(asPublished),
);
/** Rows with a partial plan: danlu chooses what the source does not say. */
export const partialCases: TrainingCase[] = withFamily(partialInputs);
/** Aggregate rows (release GPU-hours). */
export const aggregateCases: TrainingCase[] = withFamily(aggregateInputs);

export const skippedRows: Record<string, string> = {
  "megatron-h100-strong-177b": "strong-scaling figure without per-point plan or throughput",
  "mpt-bench-7b-8xh100-bf16": "architecture not given in the row",
  "mpt-bench-70b-64xa100-bf16": "architecture not given in the row",
  "mcore-dsv3-256xgb200-mxfp8-baseline":
    "the deliberately unoptimised starting point of an optimisation study (same plan reaches 1.96× more in its final row, which is in the backtest); danlu prices the current stack",
  "mz-qwen3-235b-256xh100-bf16-a2a-pp32":
    "PP 32 × 3 virtual stages = 96 chunks for 94 layers: Megatron's custom pipeline layout (embedding and loss as chunks) is not modelled; danlu requires pp·virtualStages ≤ layers",
  "llama4-behemoth-32kgpu-fp8": "strength C: one headline TFLOP/s, no plan, no batch, no architecture",
};
