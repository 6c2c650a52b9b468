/**
 * The training backtest: each published run of data/training-runs.json (copied verbatim from
 * shared/validation with its sources) as a danlu scenario, and the published figure to compare.
 * Plan fields the source does not publish are left out, so danlu fills them as it would for a user.
 * Compared on tokens per second per chip where possible (independent of FLOP conventions; see
 * data/README.md). Rows that cannot be expressed are listed in `skippedRows` with the reason.
 * @module
 */
import type { TrainScenarioInput } from "../scenario/train.ts";
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
    options: { attentionKernel: "unfused" },
  },
  published: perChip(id),
  derivation: sc21Note,
});

const megascaleModel = { model_type: "gpt2", n_embd: 12288, n_layer: 96, n_head: 128, n_positions: 2048, vocab_size: 64000 };

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
    options: { attentionKernel: "unfused" },
  }),
  measured("korthikanti-a100-530b", "throughput", "derived.tokens_per_s_per_gpu (GBS·2048 / step / GPUs)", {
    model: "megatron-korthikanti-530b",
    hardware: { chip: "a100-sxm-80gb", count: 280 },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: 573440 },
    parallelism: { tp: 8, pp: 35, dp: 1, cp: 1, microBatchSize: 1, virtualStages: 3, recompute: "selective" },
    options: { attentionKernel: "unfused" },
  }),
  measured("korthikanti-a100-1t", "throughput", "derived.tokens_per_s_per_gpu (GBS·2048 / step / GPUs)", {
    model: "megatron-korthikanti-1t",
    hardware: { chip: "a100-sxm-80gb", count: 512 },
    precision: "fp16",
    training: { tokens: 300e9, sequenceLength: 2048, globalBatchTokens: 1048576 },
    parallelism: { tp: 8, pp: 64, dp: 1, cp: 1, microBatchSize: 1, recompute: "selective" },
    options: { attentionKernel: "unfused" },
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
      },
      published: perChip(id as string),
      derivation: "derived.tokens_per_s_per_gpu (published tokens/s over GPUs)",
    }),
  ),
  measured("torchtitan-llama31-8b-128gpu-bf16", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-8b",
    hardware: { chip: "h100-sxm", count: 128, powerLimitWatts: 500 }, // torchtitan: "500 W power limit"
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 256 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 128, cp: 1, zeroStage: 3, microBatchSize: 2, recompute: "selective" },
  }),
  measured("torchtitan-llama31-8b-128gpu-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-8b",
    hardware: { chip: "h100-sxm", count: 128, powerLimitWatts: 500 }, // torchtitan: "500 W power limit"
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 256 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 128, cp: 1, zeroStage: 3, microBatchSize: 2, recompute: "selective" },
  }),
  measured("torchtitan-llama3-70b-64xa100", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-70b",
    hardware: { chip: "a100-sxm-80gb", count: 64 },
    precision: "bf16",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 64 * 8192 },
    parallelism: { tp: 1, pp: 1, dp: 64, cp: 1, zeroStage: 3, microBatchSize: 1, recompute: "full" },
  }),
  measured("nemo2407-llama3-70b-64xh100-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-3.1-70b",
    hardware: { chip: "h100-sxm", count: 64 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 1048576 },
    parallelism: { tp: 4, pp: 4, dp: 2, cp: 2, microBatchSize: 1, virtualStages: 5, recompute: "none" },
  }),
  measured("nemo2407-llama2-70b-64xh100-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "llama-2-70b",
    hardware: { chip: "h100-sxm", count: 64 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 524288 },
    parallelism: { tp: 4, pp: 4, dp: 4, cp: 1, microBatchSize: 1, virtualStages: 20, recompute: "none" },
  }),
  measured("nemo2407-nemotron-340b-128xh100-fp8", "throughput", "measured.tokens_per_s_per_gpu", {
    model: "nemotron-4-340b",
    hardware: { chip: "h100-sxm", count: 128 },
    precision: "fp8",
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 131072 },
    parallelism: { tp: 8, pp: 8, dp: 2, cp: 1, microBatchSize: 1, virtualStages: 12, recompute: "none" },
  }),
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
  aggregate("deepseek-v3-671b", "deepseek-v3", "h800-sxm", 2048, 4096, 62914560, "2,048 H800, FP8, the published PP16·EP64 (no TP); pre-training hours only (2.664M)", "fp8", {
    tp: 1,
    pp: 16,
    ep: 64,
    cp: 1,
  }),
];

const withFamily = (cases: CaseInput[]): TrainingCase[] =>
  cases.map((c) => {
    const row = trainingRow(c.rowId) as Row & { source_family?: string };
    return { ...c, sourceFamily: row.source_family ?? c.rowId };
  });

/** Rows with a full published plan and a per-chip throughput: the fitted and cross-validated set. */
export const trainingCases: TrainingCase[] = withFamily(throughputInputs);
/** Rows with a partial plan: danlu chooses what the source does not say. */
export const partialCases: TrainingCase[] = withFamily(partialInputs);
/** Aggregate rows (release GPU-hours). */
export const aggregateCases: TrainingCase[] = withFamily(aggregateInputs);

export const skippedRows: Record<string, string> = {
  "megatron-h100-strong-177b": "strong-scaling figure without per-point plan or throughput",
  "mpt-bench-7b-8xh100-bf16": "architecture not given in the row",
  "mpt-bench-70b-64xa100-bf16": "architecture not given in the row",
};
