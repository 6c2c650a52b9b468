/**
 * The engine's shared, physically meaningful efficiency parameters — the only knobs the backtest may
 * turn. Each says what it is, its value, and where that value came from: a measurement, or the
 * validation rows it was fitted on (never a per-run correction). docs/model.md explains each in use.
 * @module
 */
import type { ChipGeneration, Source } from "./schema.ts";

export interface Calibrated<T> {
  value: T;
  /** What the number means physically. */
  meaning: string;
  source: Source;
}

const mlEngineeringMatmul: Source = {
  ref: "github.com/stas00/ml-engineering @744d01e : compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table",
  title:
    "ml-engineering 'Maximum Achievable Matmul FLOPS' comparison table (mamf-finder sweeps, BF16 and FP8): A100 SXM 86.9%, H100 80.3% / 70.9%, B200 77.6% / 76.3%, MI300X 51.4%, Gaudi 2 96.9%",
  date: "2026-08",
};

const fitted = (rows: string): Source => ({
  ref: "src/validation/data/training-runs.json (rows with strength A and a full parallel plan)",
  title: `Fitted by coordinate descent on mean |log throughput error| over ${rows}; see docs/model.md §Calibration`,
  date: "2026-12",
});

/**
 * Burst maximum of a large GEMM as a fraction of dense peak (mamf-finder), per generation: the
 * measured starting point. Generations without a measurement are estimates by analogy.
 */
export const gemmBurstEfficiency: Calibrated<Record<ChipGeneration, { bf16: number; fp8: number }>> = {
  value: {
    "nvidia-ampere": { bf16: 0.87, fp8: 0.87 },
    "nvidia-hopper": { bf16: 0.8, fp8: 0.71 },
    "nvidia-blackwell": { bf16: 0.78, fp8: 0.76 },
    "nvidia-ada": { bf16: 0.75, fp8: 0.7 },
    "amd-cdna2": { bf16: 0.55, fp8: 0.55 },
    "amd-cdna3": { bf16: 0.55, fp8: 0.5 },
    "amd-cdna4": { bf16: 0.6, fp8: 0.55 },
    "google-tpu": { bf16: 0.8, fp8: 0.75 },
    "intel-gaudi": { bf16: 0.9, fp8: 0.8 },
    "microsoft-maia": { bf16: 0.6, fp8: 0.6 },
    "aws-trainium": { bf16: 0.7, fp8: 0.65 },
  },
  meaning:
    "Burst fraction of dense peak reached by a large, well-shaped GEMM (mamf-finder). fp8 covers fp8/fp6/fp4/int8. A100 87% (86.9%: the table at the cited commit; 77% was quoted here before), H100 80%/71%, B200 78%/76% are measured; Ada, TPU, Maia, Trainium and CDNA2/3/4 are estimates by analogy with the nearest measured generation (chips measured on their own: chipGemmBurstEfficiency).",
  source: mlEngineeringMatmul,
};

/**
 * Burst maxima measured on individual chips (mamf-finder, the same ml-engineering table), where a chip's differs from
 * its generation's row of gemmBurstEfficiency. A GB200 runs its Blackwell dies at a higher rated peak than an HGX B200
 * (2,500 against 2,250 TFLOP/s bf16) but reaches 1,822 TFLOP/s (73%) against the B200's 1,745 (78%): the rated 11% is
 * 4% measured. A format not measured on the chip takes its generation's value scaled by the measured format's ratio.
 */
export const chipGemmBurstEfficiency: Calibrated<Readonly<Record<string, { bf16?: number; fp8?: number }>>> = {
  value: {
    "h200-sxm": { fp8: 0.73 },
    b300: { bf16: 0.786, fp8: 0.745 },
    gb200: { bf16: 0.73, fp8: 0.72 },
    mi300x: { bf16: 0.51 },
    mi325x: { bf16: 0.6 },
    mi355x: { bf16: 0.68 },
    gaudi2: { bf16: 0.97 },
    gaudi3: { bf16: 0.74 },
  },
  meaning:
    "Burst fraction of dense peak a large, well-shaped GEMM reaches on this chip (mamf-finder): H200 FP8 1,453 TFLOP/s (73%), B300 BF16 1,769 (78.6%) and FP8 3,353 (74.5%), GB200 BF16 1,822 (73%) and FP8 3,616 (72%), " +
    "MI300X BF16 668 (51%, ROCm 6.3), MI325X 785 (60%), MI355X 1,565 (68%), Gaudi 2 419 (97%), Gaudi 3 1,243 (74%). The chip's sustained training efficiency is its " +
    "generation's times chip burst / generation burst (chipGemmEfficiency).",
  source: { ...mlEngineeringMatmul, title: "ml-engineering 'Maximum Achievable Matmul FLOPS' comparison table, per chip (BF16 and FP8 tables at 744d01e)" },
};

/** A chip's burst maxima: its own measurement where there is one, else its generation's (one format measured: the other scaled by its ratio). */
function chipBurstEfficiency(chip: { id: string; generation: ChipGeneration }): { bf16: number; fp8: number } {
  const generation = gemmBurstEfficiency.value[chip.generation];
  const measured = chipGemmBurstEfficiency.value[chip.id];
  if (!measured) return generation;
  const ratio = measured.bf16 !== undefined ? measured.bf16 / generation.bf16 : (measured.fp8 ?? generation.fp8) / generation.fp8;
  return { bf16: measured.bf16 ?? generation.bf16 * ratio, fp8: measured.fp8 ?? generation.fp8 * ratio };
}

/**
 * Sustained GEMM efficiency of one chip from its generation's row of a gemmEfficiencyTable: the row times the chip's
 * burst maximum over its generation's (1 for a chip without its own mamf measurement).
 */
export function chipGemmEfficiency(table: Record<ChipGeneration, { bf16: number; fp8: number }>, chip: { id: string; generation: ChipGeneration }): { bf16: number; fp8: number } {
  const row = table[chip.generation];
  if (!chipGemmBurstEfficiency.value[chip.id]) return row;
  const generation = gemmBurstEfficiency.value[chip.generation];
  const burst = chipBurstEfficiency(chip);
  return { bf16: (row.bf16 * burst.bf16) / generation.bf16, fp8: (row.fp8 * burst.fp8) / generation.fp8 };
}

/** The fitted sustained GEMM efficiencies from which every generation's value follows (see gemmEfficiencyTable). */
export interface FittedGemmEfficiency {
  /** Ampere bf16/fp16 sustained fraction of dense peak. */
  ampere: number;
  /** Hopper bf16 sustained fraction of dense peak. */
  hopper: number;
  /** Hopper fp8 sustained fraction of fp8 dense peak. */
  hopper8: number;
  /**
   * TPU bf16 sustained fraction of dense peak, fitted on published MaxText rows (XLA runs collectives on
   * DMA engines, so the GPU sustained/burst ratio does not carry over). Absent: the analogy estimate.
   */
  tpu?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Sustained GEMM efficiency of every generation from the three fitted values: Ampere and Hopper as fitted,
 * Blackwell = Hopper × the B200/H100 burst ratio (0.78/0.80), every other generation = its burst value × the
 * mean sustained/burst ratio of the fitted generations (Ampere, Hopper bf16). Pure, so the
 * cross-validation refit (src/planners/refit.ts) derives the table exactly as the catalog does.
 */
export function gemmEfficiencyTable(fit: FittedGemmEfficiency): Record<ChipGeneration, { bf16: number; fp8: number }> {
  const burst = gemmBurstEfficiency.value;
  const sustainedOverBurst = (fit.ampere / burst["nvidia-ampere"].bf16 + fit.hopper / burst["nvidia-hopper"].bf16) / 2;
  const estimated = (gen: ChipGeneration) => ({ bf16: round2(burst[gen].bf16 * sustainedOverBurst), fp8: round2(burst[gen].fp8 * sustainedOverBurst) });
  const blackwell = burst["nvidia-blackwell"].bf16 / burst["nvidia-hopper"].bf16;
  const blackwell8 = burst["nvidia-blackwell"].fp8 / burst["nvidia-hopper"].fp8;
  return {
    "nvidia-ampere": { bf16: fit.ampere, fp8: fit.ampere },
    "nvidia-hopper": { bf16: fit.hopper, fp8: fit.hopper8 },
    "nvidia-blackwell": { bf16: round2(fit.hopper * blackwell), fp8: round2(fit.hopper8 * blackwell8) },
    "nvidia-ada": estimated("nvidia-ada"),
    "amd-cdna2": estimated("amd-cdna2"),
    "amd-cdna3": estimated("amd-cdna3"),
    "amd-cdna4": estimated("amd-cdna4"),
    "google-tpu": fit.tpu === undefined ? estimated("google-tpu") : { bf16: fit.tpu, fp8: round2((fit.tpu * burst["google-tpu"].fp8) / burst["google-tpu"].bf16) },
    "intel-gaudi": estimated("intel-gaudi"),
    "microsoft-maia": estimated("microsoft-maia"),
    "aws-trainium": estimated("aws-trainium"),
  };
}

/** The TPU value gemmEfficiencyTable takes when no MaxText row informs it (the prior of the cross-validation). */
export function tpuAnalogyEfficiency(fit: FittedGemmEfficiency): number {
  return gemmEfficiencyTable({ ampere: fit.ampere, hopper: fit.hopper, hopper8: fit.hopper8 })["google-tpu"].bf16;
}

/** The fitted values (scripts/calibrate.ts, all full-plan training rows). */
export const fittedGemmEfficiency: FittedGemmEfficiency = { ampere: 0.7, hopper: 0.55, hopper8: 0.45, tpu: 0.8 };

/**
 * Sustained GEMM efficiency in training, per generation: what the step-time model uses. Fitted on the
 * backtest for Ampere and Hopper; Blackwell = Hopper × the B200/H100 burst ratio (0.78/0.80), checked
 * by the B200/GB200 rows; every other generation = its burst value × the mean sustained/burst ratio of the
 * fitted generations (an estimate until a published run of that chip is in the backtest).
 */
export const gemmEfficiency: Calibrated<Record<ChipGeneration, { bf16: number; fp8: number }>> = {
  value: gemmEfficiencyTable(fittedGemmEfficiency),
  meaning: "Sustained fraction of dense peak a training job's GEMMs reach (clocks under the power cap, SMs shared with communication kernels): below the mamf burst maximum.",
  source: {
    ref: "src/validation/data/training-runs.json (H100 and A100 rows with a full plan); scripts/calibrate.ts",
    title: "Fitted on the training backtest (Hopper, Ampere); other generations scaled from gemmBurstEfficiency",
    date: "2026-12",
  },
};

export const calibration = {
  /** GEMM dimension at which shape efficiency falls to half (wave quantisation and tile under-fill). */
  gemmHalfEfficiencyDim: {
    value: 64,
    meaning: "Smallest GEMM dimension d at which efficiency is halved: shape factor = d / (d + this).",
    source: fitted("all strength-A rows (small-hidden rows constrain it)"),
  } satisfies Calibrated<number>,
  /** Half-efficiency dimension of the grouped expert GEMMs (MoE): larger than a single GEMM's. */
  groupedGemmHalfEfficiencyDim: {
    value: 128,
    meaning:
      "Grouped expert GEMMs (one problem per local expert: tokens-per-expert × expert width × hidden) reach half their large-GEMM efficiency when their smallest dimension is this: every expert pays its own tail tiles and pipeline fill, and each expert segment is padded to the M block (DeepGEMM README, contiguous layout), so fine-grained MoE (small experts, few tokens per expert) runs below the dense GEMMs.",
    source: fitted("the MoE rows (fine-grained Qwen3-30B-A3B and Qwen3-235B-A22B, DeepSeek-V3, GPT-OSS)"),
  } satisfies Calibrated<number>,
  /** Share of SMs the expert all-to-all kernels hold while they overlap computation. */
  communicationSmShare: {
    value: 20 / 132,
    meaning:
      "While an overlapped all-to-all runs, its communication kernels hold this share of the SMs and the computation it hides runs on the rest (DeepEP dispatch/combine: 20 of H800's 132 SMs saturate NVLink and IB).",
    source: {
      ref: "DeepSeek-AI, 'DeepSeek-V3 Technical Report' (arXiv 2412.19437) §3.2.2; github.com/deepseek-ai/DeepEP README (Buffer.set_num_sms(24) on H800)",
      title: "Only 20 SMs suffice to fully utilise the IB and NVLink bandwidth of the cross-node all-to-all",
      date: "2024-12",
      estimate: "Measured on H800 (132 SMs); the same share is assumed on other GPUs (DeepEP's SM count is set per job, not published per chip).",
    },
  } satisfies Calibrated<number>,
  /** Per-rank variation of step compute that synchronising collectives wait on. */
  syncJitterCoefficient: {
    value: 0,
    meaning:
      "Coefficient of variation of one rank's compute time per step (clock and thermal variation, OS noise, uneven data). Each step ends in collectives over all N ranks, which wait for the slowest: ≈ this × √(2 ln N) × compute is added (expected maximum of N normals). MegaScale §6.3 traces such stragglers at >10k GPUs.",
    source: fitted("all rows (8 to 16,384 chips; the largest runs constrain it)"),
  } satisfies Calibrated<number>,
  /** Fixed time per query row of a tiled attention kernel, in keys' worth of its per-key work. */
  attentionFixedKeys: {
    value: 640,
    meaning:
      "A fused attention kernel spends, per query row, the time of about this many keys besides the keys it attends (loading the Q tile, the softmax epilogue, writing O and the log-sum-exp; in the backward the dQ/dK/dV reductions): a pass over k keys takes as long as k + 640 at the long-sequence rate. So a 4,096-token causal sequence (2,048 keys on average) runs at 0.76 of that rate, a 2,048-token one at 0.62, and a 128-token sliding window at 0.17. Measured, not fitted: the mean of ten fits of 1/rate = (1 + k0/k)/R to cuDNN 9.22 (GB200, GB300) and 9.19 (H200) forward and backward bf16 training benchmarks at 2,048-16,384 tokens (Llama 3.1 GQA and DeepSeek-V3 MLA shapes), k0 between 494 and 746. The same cost is assumed for FlashAttention-2-class kernels (an estimate).",
    source: {
      ref: "github.com/NVIDIA/cudnn-frontend @3929da2 : benchmark/sdpa_benchmark_training/results/{llama3.1,dsv3}/{gb200,gb300}/*_20260424_*.csv and results/h200_919_only_cudnn/llama3.1_20260227_034703.csv",
      title: "cuDNN SDPA training benchmark: forward and backward TFLOP/s by sequence length (causal, top-left), bf16/fp8/mxfp8, GB200, GB300, H200",
      date: "2026-04",
    },
  } satisfies Calibrated<number>,
  /** The attention backward's rate relative to the forward's, per kernel class. */
  attentionBackwardRelativeRate: {
    value: { flash3: 0.77, flash: 0.86 } as const,
    meaning:
      'The backward of a fused attention kernel (five GEMMs, the recomputed softmax, the dQ reduction) runs at this fraction of the forward\'s long-sequence rate. "flash3" (cuDNN fused attention, FlashAttention-3/4): 0.77, the mean of five cuDNN bf16 fits (GB200 0.81 and 0.68, GB300 0.81 and 0.68, H200 0.88; Llama 3.1 and DeepSeek-V3 shapes). "flash" (FlashAttention-2): 63% / 73% of A100 peak backward / forward = 0.86 (Dao 2023).',
    source: {
      ref: "github.com/NVIDIA/cudnn-frontend @3929da2 : benchmark/sdpa_benchmark_training/results (see attentionFixedKeys); Dao 2023, 'FlashAttention-2' (arXiv 2307.08691) abstract",
      title: "cuDNN SDPA training benchmark (2026-04); FlashAttention-2: 'up to 73% of the theoretical maximum FLOPs/s' forward, 63% backward on A100",
      date: "2026-04",
    },
  },
  /** Speed of an fp8 attention core over the same kernel in bf16 (Transformer Engine fp8_dot_product_attention). */
  fp8AttentionSpeedup: {
    value: { forward: 1.5, backward: 1.3 } as const,
    meaning:
      "fp8 attention (cuDNN fused attention with fp8 Q, K, V, Transformer Engine fp8_dot_product_attention) runs its forward 1.5× and its backward 1.3× the bf16 kernel at 4,096 tokens — not the 2× of the fp8 tensor-core peak, since the softmax, its exponentials and the scaling stay as they were. Means of the cuDNN benchmark at 4,096 tokens: forward GB200 1.28 / 1.49, GB300 1.49 / 1.75, H200 1.45; backward GB200 1.03 / 1.60, GB300 1.12 / 1.73, H200 0.99 (Llama 3.1 / DeepSeek-V3 shapes). The fp8 backward of a sliding-window layer computes its masked tiles too: at window 128 its time grows with the square of the sequence (1.7, 6.2, 23, 90 ms from 4,096 to 32,768 tokens on GB200), so danlu prices it at the full causal size.",
    source: {
      ref: "github.com/NVIDIA/cudnn-frontend @3929da2 : benchmark/sdpa_benchmark_training/results/{llama3.1,dsv3,gpt_oss}/{gb200,gb300}/*_20260424_*.csv, results/h200_919_only_cudnn/llama3.1_20260227_034703.csv",
      title: "cuDNN 9.22 SDPA training benchmark: bf16 vs fp8 forward/backward TFLOP/s; GPT-OSS sliding window (128) fp8 backward",
      date: "2026-04",
    },
  },
  /** Sustained efficiency of fp4 (NVFP4) training GEMMs relative to the same chip's fp8 GEMMs. */
  fp4RelativeEfficiency: {
    value: 0.7,
    meaning:
      "An fp4 training GEMM reaches this fraction of the sustained efficiency (fraction of its own dense peak) that the chip's fp8 GEMMs reach. NVFP4 (Transformer Engine's NVFP4BlockScaling recipe, all three GEMMs of a linear layer in fp4) scales every 16-element block by an E4M3 factor under a per-tensor fp32 scale, 2D-scales the weights and applies a random Hadamard transform to the wgrad inputs (NVIDIA, arXiv 2509.25149 §3-4), so at twice (B200, GB200) to three times (GB300) the fp8 peak its GEMMs are shorter and their fixed costs weigh more. Fitted on the Blackwell NVFP4 rows; other chips' fp4 assume the same ratio (an estimate).",
    source: fitted("the NVFP4 rows (Megatron-Bridge 26.04.01 and 26.06: Llama 3 70B and Llama 3.1 405B on GB200 and GB300)"),
  } satisfies Calibrated<number>,
  /** Fraction of peak HBM bandwidth memory-bound kernels sustain. */
  memoryBandwidthEfficiency: {
    value: 0.8,
    meaning: "Elementwise, normalisation and optimizer kernels stream at this fraction of peak HBM bandwidth (STREAM-like).",
    source: {
      ref: "github.com/stas00/ml-engineering : compute/accelerator/README.md (memory bandwidth measurements)",
      title: "Measured HBM copy bandwidth is typically 75-90% of peak",
      date: "2026-08",
    },
  } satisfies Calibrated<number>,
  /** Fraction of link bandwidth NCCL-style collectives achieve (bus bandwidth over line rate). */
  collectiveEfficiency: {
    value: 0.8,
    meaning: "Ring collectives reach ~80% of unidirectional line rate (NCCL busbw on NVLink and IB).",
    source: {
      ref: "https://github.com/NVIDIA/nccl/issues/1264 ; hardware-facts.md caveat 6",
      title: "NCCL ring all-reduce busbw ~360-370 GB/s of 450 GB/s on HGX H100; NCCL collectives ~80% of unidirectional",
      date: "2024",
    },
  } satisfies Calibrated<number>,
  /** Share of a system's host memory one job may fill with offloaded state. */
  hostMemoryUsableFraction: {
    value: 0.75,
    meaning:
      "Host (CPU) memory left for offloaded activations and optimizer state after the OS, the data loader, pinned staging buffers and checkpoint staging: three quarters of the system's DRAM.",
    source: {
      ref: "https://www.deepspeed.ai/tutorials/zero-offload/ ; https://docs.nvidia.com/megatron-core/developer-guide/latest/user-guide/features/fine_grained_activation_offloading.html",
      title: "ZeRO-Offload tutorial and Megatron-Core activation offloading guide (host memory must hold the offloaded state beside the rest of the job)",
      date: "2026-12",
      estimate: "No source states a usable share; a quarter is kept for the OS, data loading, pinned buffers and checkpoints.",
    },
  } satisfies Calibrated<number>,
  /** Share of tensor-parallel communication left on the critical path. */
  tensorParallelExposedFraction: {
    value: 0.1,
    meaning:
      "TP all-gather/reduce-scatter time not hidden behind GEMMs by a stack that overlaps it (Megatron --tp-comm-overlap, torchtitan Async TP, MegaScale, XLA collective matmul: src/catalog/training-stacks.ts). A stack that does not overlap TP leaves all of it exposed.",
    source: fitted("the rows with TP 2-8 on overlapping stacks (Megatron-Core, NeMo, Megatron-Bridge, Llama 3, MegaScale, MaxText, torchtitan Async TP)"),
  } satisfies Calibrated<number>,
  /** Fixed time per micro-batch per pipeline stage: kernel launches, Python, synchronisation. */
  microBatchOverheadSeconds: {
    value: 0,
    meaning: "Host-side and launch latency per micro-batch per stage not hidden by the GPU queue.",
    source: fitted("small-model rows (1.7B, 7B) where it is visible"),
  } satisfies Calibrated<number>,
  /** Share of the MoE token all-to-all (dispatch + combine, forward + backward) left on the critical path. */
  expertParallelExposedFraction: {
    value: 0.75,
    meaning:
      "Expert all-to-all time not hidden behind computation. Megatron-Core runs dispatch and combine on the compute stream unless --overlap-moe-expert-parallel-comm (1F1B A2A overlap) is set, and even then hides only part of it; DeepSeek's DualPipe hides nearly all of it.",
    source: fitted("the MoE rows (Megatron-Bridge DeepSeek-V3, Qwen3, Kimi K2; Megatron-Core MoE model zoo)"),
  } satisfies Calibrated<number>,
  /** Fixed time per MoE layer per micro-batch (forward + backward): router, permute/unpermute, host sync, quantisation. */
  moeLayerOverheadSeconds: {
    value: 1.5e-3,
    meaning:
      "Per-MoE-layer cost that does not scale with FLOPs or with the number of local experts: router top-k and aux-loss kernels, token permute/unpermute, the host synchronisation for the dropless token counts, activation quantisation; it dominates fine-grained MoE (Megatron-Core MoE docs: CUDA graphs and permute fusion exist to remove it). The per-expert launches are moeExpertOverheadSeconds.",
    source: fitted("the MoE rows with small experts (Qwen3-30B-A3B, Qwen3-235B-A22B) and DeepSeek-V3"),
  } satisfies Calibrated<number>,
  /** Time per local expert per MoE layer per micro-batch (forward + backward): one launch of each expert GEMM. */
  moeExpertOverheadSeconds: {
    value: 1.5e-4,
    meaning:
      "Per-local-expert host cost of an MoE layer without a full-iteration CUDA graph: Transformer Engine's grouped linear (multi_stream_cublas_gemm) launches one cuBLAS GEMM per local expert (fc1 and fc2 forward, their dgrad and wgrad backward: six per expert), each with its own configuration and stream hand-off, so a rank holding 16 experts (EP8 of 128) pays eight times what one holding 2 (EP64) pays. A full-iteration graph replays the launches and removes it.",
    source: {
      ...fitted("the MoE rows (Qwen3-30B-A3B at EP8 with 16 local experts against Qwen3-235B-A22B and GPT-OSS at EP32/EP64 with 2-4; DeepSeek-V3)"),
      ref: "github.com/NVIDIA/TransformerEngine transformer_engine/common/gemm/cublaslt_gemm.cu multi_stream_cublas_gemm (one nvte_cublas_gemm_v2 per GEMM of the group); fitted on src/validation/data/training-runs.json",
    },
  } satisfies Calibrated<number>,
  /** How sustained clock (and so FLOP/s) scales with a power cap below TDP: f ∝ P^exponent. */
  clockPowerExponent: {
    value: 1 / 3,
    meaning:
      "Dynamic CMOS power P ∝ C·V²·f with voltage roughly proportional to frequency under DVFS, so P ∝ f³ and f ∝ P^(1/3); a 700 W chip capped at 500 W runs its GEMMs ~11% slower. Memory bandwidth is not scaled (HBM has its own clock).",
    source: {
      ref: "Weste & Harris, CMOS VLSI Design (4th ed.), §5.1 dynamic power; DVFS V–f scaling",
      title: "Dynamic power of CMOS logic, P = α·C·V²·f",
      date: "2010",
      estimate: "GPU vendors publish no power–clock curve; the cube law is the textbook first-order model and is checked by the torchtitan rows run at a 500 W cap.",
    },
  } satisfies Calibrated<number>,
  /** Memory the runtime takes besides tensors: CUDA context, NCCL buffers, allocator fragmentation. */
  runtimeReserveBytes: {
    value: 4e9,
    meaning: "CUDA/ROCm context (~0.5 GB), NCCL buffers (~1 GB), cuBLAS workspace and caching-allocator fragmentation.",
    source: {
      ref: "PyTorch CUDA caching allocator notes; NCCL env docs (NCCL_BUFFSIZE 4 MB × channels × peers)",
      title: "Typical non-tensor GPU memory of a large training job",
      date: "2025",
      estimate: "No single published figure; 3-5 GB is what nvidia-smi shows beyond allocated tensors in Megatron runs.",
    },
  } satisfies Calibrated<number>,
} as const;

/** Attention kernels a training job can run (src/catalog/training-stacks.ts says which each stack runs). */
export type AttentionKernel = "unfused" | "flash" | "flash3";

/**
 * Sustained GEMM efficiency of a training precision from its generation's row of gemmEfficiency: bf16/fp16 take
 * the bf16 value, fp8 the fp8 one, fp4 the fp8 one times fp4RelativeEfficiency. `fp4Relative` defaults to the
 * catalog's value; the refit (src/planners/refit.ts) passes candidates.
 */
export function trainGemmEfficiency(efficiency: { bf16: number; fp8: number }, precision: string, fp4Relative = calibration.fp4RelativeEfficiency.value): number {
  if (precision === "fp4") return efficiency.fp8 * fp4Relative;
  return precision === "fp8" ? efficiency.fp8 : efficiency.bf16;
}

/**
 * Long-sequence forward rate of the attention kernels, as a fraction of the chip's 16-bit dense peak, measured (not fitted):
 * the kernel's own benchmark, used as it is (the shorter-sequence, backward and fp8 rates follow from attentionFixedKeys,
 * attentionBackwardRelativeRate and fp8AttentionSpeedup).
 */
export const attentionKernelEfficiency: Calibrated<{
  flash3: Partial<Record<ChipGeneration, number>>;
  flash3Chips: Readonly<Record<string, number>>;
  flash: Partial<Record<ChipGeneration, number>>;
  analogyOfGemmBurst: number;
}> = {
  value: {
    flash3: { "nvidia-hopper": 0.73, "nvidia-blackwell": 0.75 },
    flash3Chips: { b300: 0.84, gb300: 0.84 },
    flash: { "nvidia-ampere": 0.73, "nvidia-hopper": 0.35, "nvidia-blackwell": 0.35 },
    analogyOfGemmBurst: 0.84,
  },
  meaning:
    '"flash3" (cuDNN fused attention from 9.1, FlashAttention-3, FlashAttention-4): the long-sequence forward rate R of fits 1/rate = (1 + attentionFixedKeys/k)/R to cuDNN\'s SDPA training benchmark at 2,048-16,384 tokens, bf16: H200 0.73 (Llama 3.1 shape, cuDNN 9.19), GB200 0.75 (Llama 3.1 0.745, DeepSeek-V3 0.747; cuDNN 9.22), GB300 0.84 (0.831, 0.849); B200 and B300 take their rack siblings\' value (an estimate: same dies). "flash" (FlashAttention-2 class): A100 0.73 ("up to 73% of the theoretical maximum FLOPs/s", FlashAttention-2 abstract); Hopper 0.35 ("FlashAttention-2 achieves only 35% utilization on H100", FlashAttention-3 §1), Blackwell the same (an estimate: the same code). Any other chip or kernel: its measured GEMM burst efficiency (chipGemmBurstEfficiency, gemmBurstEfficiency) × 0.84, FlashAttention-2\'s 73% over A100\'s 87% GEMM burst (an estimate by analogy). Replaces the two fitted attention knobs (an FA2-class efficiency relative to the GEMMs, 0.5, and a flash3 speed-up over it, 2.0).',
  source: {
    ref: "github.com/NVIDIA/cudnn-frontend @3929da2 : benchmark/sdpa_benchmark_training/results (llama3.1, dsv3 on gb200/gb300, 2026-04-24; h200_919_only_cudnn, 2026-02-27); Dao 2023 (arXiv 2307.08691) abstract; Shah et al. 2024 (arXiv 2407.08608) §1",
    title: "cuDNN SDPA training benchmark; FlashAttention-2 on A100; FlashAttention-2 on H100 (FlashAttention-3 paper)",
    date: "2026-04",
  },
};

/**
 * Long-sequence forward efficiency of `kernel` on `chip` (fraction of its 16-bit dense peak; attentionKernelEfficiency). The
 * unfused path prices its batched GEMMs and score traffic directly and takes the analogy value only where a rate is asked.
 */
export function attentionEfficiencyOf(kernel: AttentionKernel, chip: { id: string; generation: ChipGeneration }): number {
  const t = attentionKernelEfficiency.value;
  const measured = kernel === "flash3" ? (t.flash3Chips[chip.id] ?? t.flash3[chip.generation]) : kernel === "flash" ? t.flash[chip.generation] : undefined;
  return measured ?? chipBurstEfficiency(chip).bf16 * t.analogyOfGemmBurst;
}
