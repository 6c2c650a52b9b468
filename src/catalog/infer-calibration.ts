/**
 * Efficiency parameters of the inference model — the only knobs the inference backtest may turn.
 * Same {value, meaning, source} shape as src/catalog/calibration.ts. Fitted values name the rows of
 * src/validation/data/inference-runs.json they were fitted on (one value for all rows, never per row).
 * @module
 */
import type { Calibrated } from "./calibration.ts";
import type { ChipGeneration, Source } from "./schema.ts";

const fitted = (rows: string): Source => ({
  ref: "src/validation/data/inference-runs.json",
  title: `Refitted on all scored rows of the inference backtest (least mean |log error|, the bounded coordinate search of src/validation/infer-cv.ts, run by scripts/calibrate-infer.ts); the rows that constrain it most: ${rows}`,
  date: "2026-12",
});

/**
 * Large-GEMM achievable fraction of dense peak for inference kernels (TRT-LLM/vLLM use the vendor GEMM
 * libraries directly, without training's optimizer and recompute): the mamf-finder measurements where they
 * exist (Hopper BF16 ~80%, FP8 ~71%; A100 ~87%; B200 ~78% / FP8 ~76%; MI300X ~51-60%), analogy elsewhere. Kept apart from
 * src/catalog/calibration.ts, whose values are fitted to training runs.
 */
export const inferGemmEfficiency: Calibrated<Record<ChipGeneration, { bf16: number; fp8: number; fp4: number }>> = {
  value: {
    "nvidia-ampere": { bf16: 0.87, fp8: 0.87, fp4: 0.5 },
    "nvidia-hopper": { bf16: 0.8, fp8: 0.71, fp4: 0.5 },
    "nvidia-blackwell": { bf16: 0.78, fp8: 0.76, fp4: 0.45 },
    "nvidia-ada": { bf16: 0.75, fp8: 0.7, fp4: 0.5 },
    "amd-cdna2": { bf16: 0.55, fp8: 0.55, fp4: 0.4 },
    "amd-cdna3": { bf16: 0.5, fp8: 0.42, fp4: 0.4 },
    "amd-cdna4": { bf16: 0.6, fp8: 0.5, fp4: 0.4 },
    "google-tpu": { bf16: 0.8, fp8: 0.75, fp4: 0.5 },
    "intel-gaudi": { bf16: 0.9, fp8: 0.8, fp4: 0.5 },
    "microsoft-maia": { bf16: 0.6, fp8: 0.6, fp4: 0.5 },
    "aws-trainium": { bf16: 0.7, fp8: 0.65, fp4: 0.5 },
  },
  meaning:
    "Fraction of dense peak a large, well-shaped GEMM reaches (mamf-finder); fp8 covers fp8/int8. FP4 (Blackwell NVFP4) and the CDNA3 values are FITTED: " +
    "fp4 (0.45) on mlperf41-b200x1-l2-70b-offline and trtllm-l33-70b-b200-tp1-fp4 (block-scaled FP4 GEMMs reach ~half the FP4 peak in 2024-25 kernels); " +
    "CDNA3 fp8 (0.42) on mlperf41-mi300x1/mi300x8-l2-70b-offline (vLLM ROCm fork, 2024; refitted on the same two rows, 2026-12, after the backtest took the engines' batch limits and scored MLPerf Server at its TPOT: 0.36 left them 9-13% slow). The fp4 value was refitted on its rows after prompt tokens joined the decode GEMMs. CDNA3 fp8 is not refitted per cross-validation fold: the v5.0 MI325X Server row (same CDNA3 compute, 2025 software) is predicted with it and stays ~25% slow, like the NVIDIA v5.0 rows (software a year newer than the v4.1 rows every fit sees).",
  source: {
    ref: "github.com/stas00/ml-engineering @744d01e : compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table",
    title: "ml-engineering 'Maximum Achievable Matmul FLOPS' table: A100 SXM 86.9% (77% was quoted here before), H100 ~80% BF16 / 71% FP8, B200 ~78%, MI300X ~51-60%",
    date: "2026-08",
    estimate:
      "Generations without a mamf figure (Ada, TPU, Maia, Trainium, CDNA2/4) by analogy with the nearest measured one; Blackwell fp8 is B200's measured 76% (70% by analogy before).",
  },
};

export const inferCalibration = {
  /** GEMM dimension at which shape efficiency halves (decode GEMMs have m = batch tokens). */
  gemmHalfEfficiencyDim: {
    value: 24.5,
    meaning: "Token count m at which a GEMM's efficiency is halved: shape factor = m / (m + this).",
    source: fitted("gptj bs64, llama70b bs512 (trtllm-blog rows)"),
  } satisfies Calibrated<number>,
  /** GEMM output width per shard at which efficiency halves (narrow TP shards and fine experts). */
  gemmHalfEfficiencyWidth: {
    value: 700,
    meaning:
      "Output dimension n per shard at which a GEMM's efficiency is halved: width factor = n / (n + this). A shard narrower than a few output tiles " +
      "(CUTLASS/cuBLAS tiles are 128-256 wide) leaves SMs idle in the last wave, which is why TP8 serving of a 70B model or fine-grained experts run below the large-GEMM rate.",
    source: fitted("all rows (trtllm-perf-overview TP1-TP8 sweeps of Llama 3.1 70B and Mixtral constrain it)"),
  } satisfies Calibrated<number>,
  /** Sustained over burst GEMM rate for long compute-bound iterations. */
  sustainedGemmFraction: {
    value: 0.86,
    meaning:
      "The GEMM efficiencies of inferGemmEfficiency are burst maxima (mamf-finder: short, repeated GEMMs). A serving iteration that is compute-bound for " +
      "tens of ms at a time (prefill, large-batch decode) runs at the power-capped sustained clock, this fraction of the burst rate.",
    source: fitted("all rows (compute-bound offline and prefill-heavy rows constrain it; memory-bound single-stream rows are unaffected)"),
  } satisfies Calibrated<number>,
  /** Flash/paged attention rate as a fraction of the 16-bit dense peak. */
  attentionEfficiency: {
    value: 0.45,
    meaning: "FlashAttention/FlashInfer forward reaches ~40-60% of the BF16 dense peak (FA2 ~50% on A100, FA3 ~40-75% on H100).",
    source: {
      ref: "Dao 2023 (FlashAttention-2 §4: 50-73% of A100 peak fwd); Shah et al. 2024 (FlashAttention-3: up to 75% of H100)",
      title: "FlashAttention forward efficiency",
      date: "2024",
      estimate: "Lower end, for decode's short queries and paged blocks.",
    },
  } satisfies Calibrated<number>,
  /** Fraction of peak HBM bandwidth that decode's weight streaming reaches. */
  decodeWeightBandwidthEfficiency: {
    value: 0.82,
    meaning: "Decode GEMV/skinny-GEMM kernels stream weights at this fraction of peak memory bandwidth.",
    source: fitted("llamacpp-rtx4090-llama7b-f16-bs1 (822 GB/s of 1008 = 0.815), ft-13b-a100-40gb-bs1, trtllm-blog-gptj-h100-bs1"),
  } satisfies Calibrated<number>,
  /** Fraction of peak HBM bandwidth that paged attention reaches reading the KV cache. */
  kvCacheBandwidthEfficiency: {
    value: 0.78,
    meaning: "Paged/flash decode attention reads the KV cache at this fraction of peak bandwidth (scattered blocks, softmax).",
    source: fitted("large-batch offline rows: mlperf50-h200x8/h100x8 offline, trtllm-l31-8b-h100, trtllm-l33-70b-h200"),
  } satisfies Calibrated<number>,
  /** Fixed time per decode iteration: scheduler, sampling, launch gaps between layers. */
  stepOverheadSeconds: {
    value: 1.1e-3,
    meaning: "Host-side scheduling, sampling and detokenisation per decode iteration, not hidden by CUDA graphs.",
    source: fitted("single-stream rows (trtllm-blog-gptj-h100-bs1, ft-13b-a100-40gb-bs1)"),
  } satisfies Calibrated<number>,
  perLayerOverheadSeconds: {
    value: 34e-6,
    meaning: "Kernel-launch and synchronisation gaps per transformer layer per decode iteration.",
    source: fitted("single-stream rows (trtllm-blog-gptj-h100-bs1, ft-13b-a100-40gb-bs1, llamacpp-rtx4090)"),
  } satisfies Calibrated<number>,
  /** Prefill GEMMs relative to the large-GEMM efficiency of src/catalog/calibration.ts. */
  prefillRelativeEfficiency: {
    value: 0.7,
    meaning:
      "A standalone prefill (the TTFT path: one request's prompt, ragged lengths) reaches this fraction of the large-GEMM rate. Prompt tokens " +
      "that ride in a decode iteration (in-flight batching) share the decode GEMMs and their rate instead.",
    source: fitted("rows with short outputs where prefill dominates (MLPerf llama2-70b offline/server)"),
  } satisfies Calibrated<number>,
  /** Per MoE layer per decode iteration when experts are sharded (ep > 1): routing, token permutation, grouped-GEMM launches and the EP barrier. */
  expertParallelLayerOverheadSeconds: {
    value: 0.47e-3,
    meaning:
      "Fixed time per MoE layer per decode iteration under expert parallelism with attention data-parallelism: router top-k, permute/unpermute, " +
      "grouped-GEMM launch and the straggler wait at each layer's all-to-all (load imbalance across ranks).",
    source: fitted("trtllm-dsr1-h200x8-maxtput, trtllm-dsr1-b200x8-maxtput (only EP rows: weakly constrained)"),
  } satisfies Calibrated<number>,
  /** Share of the shorter of (weight streaming, GEMM math) hidden under the longer in a decode iteration. */
  decodeComputeMemoryOverlap: {
    value: 0,
    meaning:
      "A decode iteration's time for the linear layers is max(weight stream, math) + (1 − this)·min(weight stream, math at full GEMM rate): " +
      "the iteration is ~10 dependent kernels per layer (GEMMs, norms, quantise, attention), each with its own pipeline fill and drain, so the " +
      "weight stream of one is not hidden under the math of another. 1 = ideal roofline; 0 = no overlap. Single-stream rows are unaffected (math ≈ 0).",
    source: fitted(
      "all rows (log-error): the MLPerf Server rows imply TPOT(N) ≈ one weight read + N·marginal (H200 v4.1: 123 ms at N≈453 with v5.0 Offline capacity 15 req/s/GPU ⇒ intercept ≈ 20 ms ≈ 70 GB ÷ 3.9 TB/s; B200×1: 131.5 ms at N≈1422, Offline 41 req/s ⇒ ≈ 5 ms ≈ 39 GB ÷ 6.6 TB/s)",
    ),
  } satisfies Calibrated<number>,
  /** Memory kept back from the KV cache. */
  runtimeReserveFraction: {
    value: 0.06,
    meaning: "Fraction of device memory the serving engine keeps out of the KV pool (vLLM gpu_memory_utilization 0.9, TRT-LLM kv fraction 0.9-0.95 of free memory).",
    source: {
      ref: "vLLM engine args (gpu_memory_utilization default 0.9); TRT-LLM KvCacheConfig free_gpu_memory_fraction 0.9",
      title: "Engine defaults for the memory left out of the KV cache",
      date: "2025",
      estimate: "Between the two engines' defaults; plus a fixed CUDA context/NCCL reserve below.",
    },
  } satisfies Calibrated<number>,
  runtimeReserveBytes: {
    value: 1.0e9,
    meaning: "CUDA/ROCm context, NCCL and cuBLAS workspaces.",
    source: {
      ref: "nvidia-smi on an idle CUDA context (~0.5 GB) plus NCCL buffers",
      title: "Typical non-tensor GPU memory of a serving process",
      date: "2025",
      estimate: "0.5 GB context + ~0.5 GB communication and GEMM workspaces.",
    },
  } satisfies Calibrated<number>,
  /** Tokens of one prefill chunk: sets the activation workspace. */
  prefillChunkTokens: {
    value: 2048,
    meaning: "Tokens per scheduler iteration in chunked prefill (vLLM max_num_batched_tokens, TRT-LLM max_num_tokens).",
    source: {
      ref: "vLLM/TRT-LLM defaults; MLPerf v5.0 NVIDIA configs use max_num_tokens 1024-1536",
      title: "Chunked-prefill token budgets",
      date: "2025",
    },
  } satisfies Calibrated<number>,
  /** Largest decode batch one attention group schedules. */
  maxBatchSequences: {
    value: 2048,
    meaning: "Largest running batch an engine keeps per attention group (TRT-LLM max_batch_size 2048 in MLPerf configs).",
    source: {
      ref: "src/validation/data/inference-runs.json row mlperf50-h200x8-l2-70b-offline (gpu_batch_size 2048)",
      title: "MLPerf v5.0 NVIDIA H200 llama2-70b Offline config",
      date: "2025",
    },
  } satisfies Calibrated<number>,
  /** Share of TP/EP communication on the critical path during decode. */
  communicationExposedFraction: {
    value: 1,
    meaning: "Decode all-reduces and all-to-alls sit between dependent kernels: fully exposed.",
    source: {
      ref: "TRT-LLM custom all-reduce; DeepSeek-V3 report §3.4 (two-batch overlap is the exception)",
      title: "Decode collectives are on the critical path",
      date: "2025",
    },
  } satisfies Calibrated<number>,
} as const;

/** The inference calibration as plain numbers (what the physics reads). */
export type InferParameters = { [K in keyof typeof inferCalibration]: number };

export const defaultInferParameters: InferParameters = Object.fromEntries(Object.entries(inferCalibration).map(([k, v]) => [k, v.value])) as InferParameters;

/**
 * The shared parameters the inference backtest's cross-validation refits per fold (each a physical rate or
 * time, bounded to its physically plausible range). Everything else (memory reserves, chunk sizes, batch caps)
 * is an engine setting taken from its source, not fitted.
 */
export const fittedInferParameters: ReadonlyArray<{ id: keyof InferParameters; min: number; max: number }> = [
  { id: "decodeWeightBandwidthEfficiency", min: 0.6, max: 0.95 },
  { id: "kvCacheBandwidthEfficiency", min: 0.4, max: 0.95 },
  { id: "stepOverheadSeconds", min: 0.2e-3, max: 5e-3 },
  { id: "perLayerOverheadSeconds", min: 2e-6, max: 60e-6 },
  { id: "decodeComputeMemoryOverlap", min: 0, max: 1 },
  { id: "prefillRelativeEfficiency", min: 0.7, max: 1 },
  { id: "gemmHalfEfficiencyDim", min: 16, max: 256 },
  { id: "gemmHalfEfficiencyWidth", min: 8, max: 2048 },
  { id: "sustainedGemmFraction", min: 0.7, max: 1 },
  { id: "expertParallelLayerOverheadSeconds", min: 0.05e-3, max: 2e-3 },
];
