/**
 * The inference backtest: rows of data/inference-runs.json (copied from shared/validation with their
 * sources) as danlu infer scenarios, with the published output throughput and/or mean TPOT.
 * Assumptions the rows do not publish are stated per case (`assumptions`); plan fields the source does
 * not publish are left out so danlu searches them as it would for a user. Rows that cannot be expressed
 * are listed in `skippedInferenceRows` with the reason.
 * @module
 */
import type { InferScenarioInput } from "../scenario/infer.ts";
import rows from "./data/inference-runs.json" with { type: "json" };

/** What a row exercises (its error is reported apart): plain serving or one of the issue-12 mechanisms. */
export type InferenceFeature = "baseline" | "percentile" | "speculative" | "prefix-cache" | "disaggregated" | "wide-ep";

export interface InferenceCase {
  rowId: string;
  /**
   * The publication a row comes from (a paper, a vendor's table at one version, a benchmark round): the unit
   * the cross-validation leaves out, since rows of one source share its hidden settings.
   */
  sourceFamily: string;
  feature: InferenceFeature;
  scenario: InferScenarioInput;
  /** Published total output tokens/s (offline or fixed-concurrency rows: a prediction, not an input). */
  publishedOutputTokensPerSecond?: number;
  /** Published mean time per output token, seconds. */
  publishedTpotSeconds?: number;
  /**
   * A latency-bounded row (MLPerf Server): the published output throughput is scored at this mean TPOT (the
   * row's own), i.e. the most tokens/s danlu's engine serves while its mean TPOT stays within it. Not a scored TPOT.
   */
  atTpotSeconds?: number;
  assumptions: string;
}

/** A case before its source family is attached (from the row's `source_family`, or FAMILY_BY_PREFIX for the first rows). */
type CaseDef = Omit<InferenceCase, "sourceFamily" | "feature"> & { feature?: InferenceFeature };

type Row = (typeof rows)[number] & { source_family?: string; feature?: string };
const rowById = new Map<string, Row>((rows as Row[]).map((r) => [r.id, r]));

/** Source families of the rows that predate the `source_family` field (one publication each). */
const FAMILY_BY_PREFIX: Array<[string, string]> = [
  ["mlperf41-", "mlperf-inference-v4.1"],
  ["mlperf50-", "mlperf-inference-v5.0"],
  ["trtllm-l3", "trtllm-perf-overview-1.0"],
  ["trtllm-qwen3", "trtllm-perf-overview-1.0"],
  ["trtllm-blog-gptj", "trtllm-blog-h100-vs-a100"],
  ["trtllm-blog-h200", "trtllm-blog-h200-launch"],
  ["trtllm-dsr1-h200x8-maxtput", "trtllm-blog-dsr1-best-perf"],
  ["trtllm-dsr1-b200x8-maxtput", "trtllm-blog-dsr1-best-perf"],
  ["llamacpp-", "llamacpp-pr4766"],
  ["ft-13b-", "kipply-fastertransformer"],
];

export function sourceFamilyOf(rowId: string): string {
  const row = inferenceRow(rowId);
  if (row.source_family) return row.source_family;
  const hit = FAMILY_BY_PREFIX.find(([prefix]) => rowId.startsWith(prefix));
  if (!hit) throw new Error(`validation row ${rowId} has no source family`);
  return hit[1];
}

export function inferenceRow(id: string): Row {
  const row = rowById.get(id);
  if (!row) throw new Error(`validation row ${id} missing from inference-runs.json`);
  return row;
}

const metric = (id: string, key: "output_tok_s_total" | "tpot_ms_mean" | "requests_s"): number => {
  const v = inferenceRow(id).metrics[key];
  if (typeof v !== "number") throw new Error(`row ${id} has no ${key}`);
  return v;
};

/**
 * MLPerf llama2-70b (OpenOrca): mean output = tokens/s ÷ samples/s of the row; mean input ASSUMED (see ORCA_NOTE).
 * Searched for the dataset's input-length statistics (2026-11): mlcommons/inference language/llama2-70b/README.md
 * (commit 00bf8346) states only the processing — processorca.py --seqlen_limit=1024 (inputs and outputs ≤ 1024
 * tokens), 24,576 samples sampled equally from the COT/NIV/FLAN/T0 sub-sets — and the FP16 reference's
 * "Tokens per sample: 294.45" (output); AMD's v4.1 blog repeats "up to 1,024 input and output tokens". No source
 * found publishes the mean input, so the assumption stays. Latency limits (information only, not fitted):
 * Server TTFT ≤ 2 s, TPOT ≤ 200 ms (p99, the rows' log test parameters); interactive TTFT ≤ 450 ms, TPOT ≤ 40 ms
 * (same README, "llama2-70b-interactive"; AMD "Reproducing ... MLPerf Inference v5.1" blog).
 */
const ORCA_INPUT = 300;
const orcaOutput = (id: string) => Math.round(metric(id, "output_tok_s_total") / metric(id, "requests_s"));
const ORCA_NOTE =
  "MLPerf llama2-70b OpenOrca: mean input ASSUMED 300 tokens (not in the row nor in the MLCommons README, which gives only the ≤1024-token filter; physics bounds it: at 870 the mlperf50 H100 row would need more than the FP8 dense peak); mean output = tokens/s ÷ samples/s of the row.";

/**
 * NVIDIA's MLPerf harness configurations (closed/NVIDIA/configs/llama2-70b/{Offline,Server}/__init__.py of
 * mlcommons/inference_results_v4.1 @a2f5d66d and inference_results_v5.0 @6069beb2): the TensorRT-LLM layout of one
 * engine instance and its gpu_batch_size, the largest running batch the instance schedules. v4.1 Offline H100_SXM_80GB_TP2x4:
 * tensor_parallelism 2, gpu_batch_size 896; v4.1 Server H100_SXM_80GB_TP2x4: TP2, 1024; v4.1 Server H200_SXM_141GBx8: TP1, 896;
 * v5.0 Offline H100_SXM_80GB_PP2x4: TP1 PP2, 1024; v5.0 Offline H200_SXM_141GBx8: TP1, 2048. The v5.0 Server and the
 * v4.1 B200 preview configurations are not in the stored snapshots: those rows keep the searched plan and the default limit.
 */
const NVIDIA_MLPERF_CONFIG = {
  "mlperf41-h100x8-l2-70b-offline": { parallelism: { tp: 2, pp: 1 }, maxBatchSize: 896 },
  "mlperf41-h100x8-l2-70b-server": { parallelism: { tp: 2, pp: 1 }, maxBatchSize: 1024 },
  "mlperf41-h200x8-l2-70b-server": { parallelism: { tp: 1, pp: 1 }, maxBatchSize: 896 },
  "mlperf50-h100x8-l2-70b-offline": { parallelism: { tp: 1, pp: 2 }, maxBatchSize: 1024 },
  "mlperf50-h200x8-l2-70b-offline": { parallelism: { tp: 1, pp: 1 }, maxBatchSize: 2048 },
} as const satisfies Record<string, { parallelism: { tp: number; pp: number }; maxBatchSize: number }>;

function nvidiaConfig(id: string): Partial<InferScenarioInput> {
  const c = (NVIDIA_MLPERF_CONFIG as Record<string, { parallelism: { tp: number; pp: number }; maxBatchSize: number }>)[id];
  return c ? { parallelism: c.parallelism, serving: { maxBatchSize: c.maxBatchSize } } : {};
}
const CONFIG_NOTE = "Layout and gpu_batch_size (the engine's running-batch limit) from NVIDIA's MLPerf harness configuration where it is published (NVIDIA_MLPERF_CONFIG).";

function mlperfOffline(id: string, model: string, chip: string, count: number, precision: InferScenarioInput["precision"], extra: Partial<InferScenarioInput> = {}): CaseDef {
  return {
    rowId: id,
    scenario: {
      model,
      hardware: { chip, count },
      precision,
      workload: { inputTokens: ORCA_INPUT, outputTokens: orcaOutput(id), concurrency: "max" },
      ...nvidiaConfig(id),
      ...extra,
    },
    publishedOutputTokensPerSecond: metric(id, "output_tok_s_total"),
    assumptions: `${ORCA_NOTE} Offline = largest batch that fits (up to the engine's batch limit). ${id in NVIDIA_MLPERF_CONFIG ? CONFIG_NOTE : ""}`.trim(),
  };
}

/**
 * MLPerf Server (mlcommons/inference docs, "Server" scenario): LoadGen sends Poisson queries at a target rate and the
 * result is the highest rate whose latencies meet the bounds (llama2-70b: TTFT ≤ 2 s, TPOT ≤ 200 ms at p99;
 * interactive ≤ 450 ms / 40 ms). The submitter tunes the rate up to that bound, so the rows run within ~1% of capacity
 * (v5.0 H100: Server 31,106 tok/s vs Offline 31,307): there TPOT at the achieved rate is ill conditioned (a 1%
 * capacity error moves it between the iteration time at the Little's-law batch and at the batch limit: 2× on the
 * v4.1 H200 row). The row is scored as what it measures, the throughput at its latency: output tokens/s at the row's
 * mean TPOT.
 */
const SERVER_NOTE =
  "MLPerf Server: output throughput scored at the row's mean TPOT (the most tokens/s whose steady-state mean TPOT stays within it), not TPOT at the achieved rate (ill conditioned within ~1% of capacity).";

function mlperfServer(id: string, chip: string, count: number, precision: InferScenarioInput["precision"], parallelism?: { tp: number; pp: number }, software?: string): CaseDef {
  return {
    rowId: id,
    scenario: {
      ...(software ? { software } : {}),
      model: "llama-2-70b",
      hardware: { chip, count },
      precision,
      ...(parallelism ? { parallelism } : {}),
      workload: { inputTokens: ORCA_INPUT, outputTokens: orcaOutput(id), requestsPerSecond: metric(id, "requests_s") },
      ...nvidiaConfig(id),
    },
    publishedOutputTokensPerSecond: metric(id, "output_tok_s_total"),
    atTpotSeconds: metric(id, "tpot_ms_mean") / 1000,
    assumptions: `${ORCA_NOTE} ${SERVER_NOTE} ${id in NVIDIA_MLPERF_CONFIG ? CONFIG_NOTE : ""}`.trim(),
  };
}

const fp8 = { weights: "fp8", activations: "fp8", kvCache: "fp8" } as const;
const fp4 = { weights: "fp4", activations: "fp4", kvCache: "fp8" } as const;

/** FasterTransformer 'test-13b' (kipply): GPT-style, 40 layers, d 5120, 40 heads, 4x MLP, vocab 50272. */
const kipply13b = {
  _name_or_path: "kipply-test-13b",
  architectures: ["GPT2LMHeadModel"],
  model_type: "gpt2",
  n_embd: 5120,
  n_head: 40,
  n_inner: 20480,
  n_layer: 40,
  n_positions: 2048,
  vocab_size: 50272,
};

/** Qwen3-235B-A22B (Hugging Face config.json keys; the row's arch notes: 94 MoE layers, 4 KV heads of 128, expert width 1536). */
const qwen3_235b = {
  _name_or_path: "qwen3-235b-a22b",
  architectures: ["Qwen3MoeForCausalLM"],
  model_type: "qwen3_moe",
  hidden_size: 4096,
  intermediate_size: 12288,
  moe_intermediate_size: 1536,
  num_hidden_layers: 94,
  num_attention_heads: 64,
  num_key_value_heads: 4,
  head_dim: 128,
  num_experts: 128,
  num_experts_per_tok: 8,
  vocab_size: 151936,
  max_position_embeddings: 40960,
  tie_word_embeddings: false,
};

const publishedCases: CaseDef[] = [
  mlperfOffline("mlperf41-h100x8-l2-70b-offline", "llama-2-70b", "h100-sxm", 8, fp8),
  // Server layouts and batch limits: NVIDIA's v4.1 Server configs (NVIDIA_MLPERF_CONFIG: H100 TP2 instances, H200 TP1).
  mlperfServer("mlperf41-h100x8-l2-70b-server", "h100-sxm", 8, fp8),
  mlperfServer("mlperf41-h200x8-l2-70b-server", "h200-sxm", 8, fp8),
  mlperfOffline("mlperf41-b200x1-l2-70b-offline", "llama-2-70b", "b200", 1, fp4),
  mlperfServer("mlperf41-b200x1-l2-70b-server", "b200", 1, fp4),
  // AMD's MLPerf llama2-70b submissions run its vLLM fork.
  mlperfOffline("mlperf41-mi300x8-l2-70b-offline", "llama-2-70b", "mi300x", 8, fp8, { software: "vllm" }),
  mlperfOffline("mlperf41-mi300x1-l2-70b-offline", "llama-2-70b", "mi300x", 1, fp8, { software: "vllm" }),
  mlperfOffline("mlperf50-h100x8-l2-70b-offline", "llama-2-70b", "h100-sxm", 8, fp8),
  mlperfOffline("mlperf50-h200x8-l2-70b-offline", "llama-2-70b", "h200-sxm", 8, fp8),
  mlperfServer("mlperf50-b200x8-l2-70b-interactive-server", "b200", 8, fp4),
  mlperfServer("mlperf50-h200x8-l2-70b-interactive-server", "h200-sxm", 8, fp8),
  ...(
    [
      ["trtllm-l31-8b-h100-tp1-fp8", "llama-3.1-8b", "h100-sxm", 1, 1, fp8],
      ["trtllm-l33-70b-h200-tp1-fp8", "llama-3.1-70b", "h200-sxm", 1, 1, fp8],
      ["trtllm-l33-70b-b200-tp1-fp4", "llama-3.1-70b", "b200", 1, 1, fp4],
      ["trtllm-l31-405b-h100-tp8-fp8", "llama-3.1-405b", "h100-sxm", 8, 8, fp8],
    ] as const
  ).map(
    ([id, model, chip, count, tp, precision]): CaseDef => ({
      rowId: id,
      scenario: { model, hardware: { chip, count }, precision, parallelism: { tp, pp: 1 }, workload: { inputTokens: 1000, outputTokens: 1000, concurrency: "max" } },
      publishedOutputTokensPerSecond: metric(id, "output_tok_s_total"),
      assumptions: "trtllm-bench max throughput, fixed 1000/1000; KV cache in the compute format (fp8); Llama 3.3 70B has Llama 3.1 70B's architecture.",
    }),
  ),
  {
    rowId: "trtllm-qwen3-235b-h200-tp8-fp8",
    scenario: {
      model: qwen3_235b,
      hardware: { chip: "h200-sxm", count: 8 },
      precision: "fp8",
      parallelism: { tp: 1, pp: 1, ep: 8 },
      workload: { inputTokens: 1000, outputTokens: 1000, concurrency: "max" },
    },
    publishedOutputTokensPerSecond: metric("trtllm-qwen3-235b-h200-tp8-fp8", "output_tok_s_total"),
    assumptions:
      "Run options per the doc: attention DP + EP (modelled as attention TP1 × 8 groups, experts EP8; exact ep_size not stated); Qwen3-235B-A22B config (Qwen/Qwen3-235B-A22B config.json) inline.",
  },
  {
    rowId: "trtllm-blog-gptj-h100-bs64",
    scenario: {
      model: "gpt-j-6b",
      hardware: { chip: "h100-sxm", count: 1 },
      precision: fp8,
      parallelism: { tp: 1, pp: 1 },
      workload: { inputTokens: 128, outputTokens: 128, concurrency: 64 },
    },
    publishedOutputTokensPerSecond: metric("trtllm-blog-gptj-h100-bs64", "output_tok_s_total"),
    assumptions: "Static batch of 64 modelled as 64 running sequences.",
  },
  {
    rowId: "trtllm-blog-gptj-h100-bs1",
    scenario: {
      model: "gpt-j-6b",
      hardware: { chip: "h100-sxm", count: 1 },
      precision: fp8,
      parallelism: { tp: 1, pp: 1 },
      workload: { inputTokens: 128, outputTokens: 128, concurrency: 1 },
    },
    publishedTpotSeconds: 1 / 185,
    assumptions: "Batch-1 latency; TPOT = 1/185 s as derived in the row; output length 128 assumed.",
  },
  {
    rowId: "trtllm-blog-h200-llama70b-tp1",
    scenario: {
      model: "llama-2-70b",
      hardware: { chip: "h200-sxm", count: 1 },
      precision: fp8,
      parallelism: { tp: 1, pp: 1 },
      workload: { inputTokens: 128, outputTokens: 128, concurrency: 512 },
    },
    publishedOutputTokensPerSecond: metric("trtllm-blog-h200-llama70b-tp1", "output_tok_s_total"),
    assumptions: "Static batch 512 of 128/128 modelled as 512 running sequences; Llama 2 70B (implied by the blog's date).",
  },
  {
    rowId: "trtllm-dsr1-h200x8-maxtput",
    scenario: {
      model: "deepseek-v3",
      hardware: { chip: "h200-sxm", count: 8 },
      precision: { weights: "fp8", activations: "fp8", kvCache: "bf16" },
      parallelism: { tp: 1, pp: 1, ep: 8 },
      workload: { inputTokens: 1024, outputTokens: 2048, concurrency: 1024 },
    },
    publishedOutputTokensPerSecond: metric("trtllm-dsr1-h200x8-maxtput", "output_tok_s_total"),
    publishedTpotSeconds: 1 / 11.35,
    assumptions: "TRT-LLM 'TP8 EP8 + attention DP' = attention TP1 on 8 data-parallel groups, experts EP8; BF16 MLA cache on Hopper; TPOT = 1 / per-user 11.35 tok/s.",
  },
  {
    rowId: "trtllm-dsr1-b200x8-maxtput",
    scenario: {
      model: "deepseek-v3",
      hardware: { chip: "b200", count: 8 },
      precision: { weights: "fp4", activations: "fp4", kvCache: "bf16" },
      parallelism: { tp: 1, pp: 1, ep: 8 },
      workload: { inputTokens: 1024, outputTokens: 2048, concurrency: 3072 },
    },
    publishedOutputTokensPerSecond: metric("trtllm-dsr1-b200x8-maxtput", "output_tok_s_total"),
    publishedTpotSeconds: 1 / 11.93,
    assumptions: "As the H200 row; FP4 weights (nvidia/DeepSeek-R1-FP4) with a 16-bit cache as the row states; TPOT = 1 / per-user 11.93 tok/s.",
  },
  {
    rowId: "llamacpp-rtx4090-llama7b-f16-bs1",
    scenario: { model: "llama-2-7b", hardware: { chip: "rtx-4090", count: 1 }, precision: "fp16", workload: { inputTokens: 1, outputTokens: 128, concurrency: 1 } },
    publishedTpotSeconds: metric("llamacpp-rtx4090-llama7b-f16-bs1", "tpot_ms_mean") / 1000,
    assumptions: "llama-bench tg128 from an empty context; LLaMA 7B has Llama 2 7B's architecture.",
  },
  {
    rowId: "ft-13b-a100-40gb-bs1",
    scenario: { model: kipply13b, hardware: { chip: "a100-sxm-40gb", count: 1 }, precision: "fp16", workload: { inputTokens: 512, outputTokens: 10, concurrency: 1 } },
    publishedTpotSeconds: metric("ft-13b-a100-40gb-bs1", "tpot_ms_mean") / 1000,
    assumptions: "kipply's 'test-13b' as a GPT-2-style config (40 layers, d 5120, 40 heads, 4x MLP, vocab 50272).",
  },
];

const MODEL_BY_KEY: Record<string, string> = {
  l31_8b: "llama-3.1-8b",
  l31_70b: "llama-3.1-70b",
  l33_70b: "llama-3.1-70b",
  l31_405b: "llama-3.1-405b",
  mixtral: "mixtral-8x7b",
  mixtral8x22b: "mixtral-8x22b",
};
const CHIP_BY_KEY: Record<string, string> = { h100: "h100-sxm", h200: "h200-sxm", a100: "a100-sxm-80gb", b200: "b200", gb200: "gb200" };

/**
 * TensorRT-LLM Performance Overview throughput tables (trtllm-bench, infinite rate, fixed 1000/1000): v0.17
 * (commit 258c7540) and v1.0 (commit 00f37686). Ids read `<family>-<model>-<chip>-tp<n>-<format>`.
 */
function trtllmThroughput(id: string): CaseDef {
  const m = /^trtllm(?:017|-po)-(\w+?)-(\w+?)-tp(\d+)-(fp8|fp16|fp4)$/.exec(id);
  if (!m) throw new Error(`unparsed id ${id}`);
  const [, modelKey, chipKey, tp, format] = m;
  const precision = format === "fp8" ? fp8 : format === "fp4" ? fp4 : "fp16";
  return {
    rowId: id,
    scenario: {
      model: MODEL_BY_KEY[modelKey],
      hardware: { chip: CHIP_BY_KEY[chipKey], count: Number(tp) },
      precision,
      parallelism: { tp: Number(tp), pp: 1 },
      workload: { inputTokens: 1000, outputTokens: 1000, concurrency: "max" },
    },
    publishedOutputTokensPerSecond: metric(id, "output_tok_s_total"),
    assumptions:
      "trtllm-bench max throughput, fixed 1000/1000 (stdev 0); FP8 runs put the KV cache in FP8 (the doc says so), FP4 runs keep an FP8 cache; Llama 3.3 70B has Llama 3.1 70B's architecture.",
  };
}

/**
 * TensorRT-LLM v0.14 online-serving table (Triton backend, 500 requests, BF16, fixed ISL/OSL): at a finite QPS the
 * row is served at its achieved request rate and its mean ITL is scored as TPOT; at infinite QPS (all 500 at once)
 * the output throughput is scored at the largest batch that fits.
 */
function trtllmServing(id: string): CaseDef {
  const m = /^trtllm014-serve-(\w+?)-(\w+?)-tp(\d+)-(\d+)-(\d+)-qps(\d+|inf)$/.exec(id);
  if (!m) throw new Error(`unparsed id ${id}`);
  const [, modelKey, chipKey, tp, isl, osl] = m;
  const base = { model: MODEL_BY_KEY[modelKey], hardware: { chip: CHIP_BY_KEY[chipKey], count: Number(tp) }, precision: "bf16" as const, parallelism: { tp: Number(tp), pp: 1 } };
  return {
    rowId: id,
    scenario: { ...base, workload: { inputTokens: Number(isl), outputTokens: Number(osl), requestsPerSecond: metric(id, "requests_s") } },
    publishedTpotSeconds: metric(id, "tpot_ms_mean") / 1000,
    assumptions: "Poisson arrivals assumed (not stated) at the achieved request rate; the table's mean ITL scored as TPOT; BF16 throughout.",
  };
}

const newRowIds = (rows as Row[]).map((r) => r.id);

const grownCases: CaseDef[] = [
  ...newRowIds.filter((id) => id.startsWith("trtllm017-") || id.startsWith("trtllm-po-")).map(trtllmThroughput),
  ...newRowIds.filter((id) => id.startsWith("trtllm014-serve-") && !id.endsWith("-qpsinf")).map(trtllmServing),
  mlperfServer("mlperf50-h100x8-l2-70b-server", "h100-sxm", 8, fp8, { tp: 1, pp: 2 }),
  mlperfServer("mlperf50-b200x8-l2-70b-server", "b200", 8, fp4),
  mlperfServer("mlperf50-mi325x8-l2-70b-server", "mi325x", 8, fp8, undefined, "vllm"),
];

/** α whose expected tokens per verify step (1 − α^(γ+1)) / (1 − α) equals a published acceptance length τ (bisection). */
function acceptanceForLength(tau: number, draftTokens: number): number {
  let lo = 0;
  let hi = 0.999;
  for (let i = 0; i < 60; i++) {
    const a = (lo + hi) / 2;
    if ((1 - a ** (draftTokens + 1)) / (1 - a) < tau) lo = a;
    else hi = a;
  }
  return (lo + hi) / 2;
}

/**
 * TensorRT-LLM tech blog 1 (DeepSeek-R1 min-latency on 8 B200, TP8 attention, MoE EP4×TP2, batch 1, 1k/2k): MTP depth
 * 0-5 with the published mean accepted tokens per step τ, turned into the i.i.d. acceptance α that gives the same τ.
 * Scored as speed-ups over the depth-0 row (test/infer/serving.test.ts), not in the absolute backtest: at batch 1 the
 * model's per-MoE-layer EP time (fitted on the large-batch attention-DP rows) makes the absolute TPOT about 4× too slow.
 */
const MTP_TAU: Record<number, number> = { 0: 1, 1: 1.92, 2: 2.58, 3: 2.82, 4: 2.99, 5: 3.01 };
export const speculativeCases: readonly CaseDef[] = [0, 1, 2, 3, 4, 5].map((depth) => ({
  rowId: `trtllm-dsr1-b200x8-bs1-mtp${depth}`,
  scenario: {
    model: "deepseek-v3",
    hardware: { chip: "b200", count: 8 },
    precision: { weights: "fp4", activations: "fp4", kvCache: "bf16" },
    parallelism: { tp: 8, pp: 1, ep: 4 },
    workload: { inputTokens: 1024, outputTokens: 2048, concurrency: 1 },
    ...(depth > 0 ? { serving: { speculative: { method: "mtp", draftTokens: depth, acceptanceRate: acceptanceForLength(MTP_TAU[depth], depth) } } } : {}),
  },
  publishedTpotSeconds: metric(`trtllm-dsr1-b200x8-bs1-mtp${depth}`, "tpot_ms_mean") / 1000,
  assumptions:
    "Batch 1, TPOT = 1/TPS per user as the blog tabulates; FP4 MoE and dense FFN (BF16 attention and KV); MTP acceptance α solved from the published mean accepted tokens per step; the blog's EP4×TP2 MoE modelled as TP8 attention with EP4.",
}));

export const inferenceCases: readonly InferenceCase[] = [...publishedCases, ...grownCases, ...speculativeCases.map((c) => ({ ...c, feature: "speculative" as const }))].map(
  (c) => ({
    ...c,
    sourceFamily: sourceFamilyOf(c.rowId),
    feature: c.feature ?? (inferenceRow(c.rowId).feature as InferenceFeature | undefined) ?? "baseline",
  }),
);

const FINITE_RUN =
  "500 requests offered at once: a finite run whose duration is set by ramp-up and drain (the 202/214 and 467/256 rows of one model serve the same ~16 req/s), not the steady-state capacity danlu predicts";

export const skippedInferenceRows: Record<string, string> = {
  ...Object.fromEntries(newRowIds.filter((id) => id.startsWith("trtllm014-serve-") && id.endsWith("-qpsinf")).map((id) => [id, FINITE_RUN])),
  "mlperf41-h100x8-mixtral-offline": "Mixtral MLPerf dataset input lengths (mixed OpenOrca/GSM8K/MBXP) not in the row",
  "mlperf50-b200x8-mixtral-offline": "same dataset as above; input lengths unknown",
  "mlperf41-h100x8-gptj-offline": "CNN/DailyMail input length distribution not in the row",
  "mlperf40-gaudi2x8-l2-70b-server": "precision not stated",
  "mlperf40-h200x8-l2-70b-server": "precision not verified (assumed FP8 in the row); kept out pending config",
  "mlperf50-h200x8-405b-offline": "long-context inputs of the 405B dataset, mean not in the row",
  "mlperf50-b200x8-405b-offline": "as above",
  "mlperf50-b200x8-405b-server": "as above",
  "mlperf50-gb200nvl72-405b-server": "as above",
  "deepseek-prod-prefill-h800": "prefill-only production figure with cache hits",
  "sglang-dsv3-decode-h100-ep72": "decode-only with prefill disaggregated (prefill assumed free)",
  "vllm-mi300x8-l31-405b-sharegpt": "ShareGPT length distribution; only requests/s published",
};
