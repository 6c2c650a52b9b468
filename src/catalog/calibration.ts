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
export const fittedGemmEfficiency: FittedGemmEfficiency = { ampere: 0.7, hopper: 0.6, hopper8: 0.55, tpu: 0.85 };

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
    value: 96,
    meaning: "Smallest GEMM dimension d at which efficiency is halved: shape factor = d / (d + this).",
    source: fitted("all strength-A rows (small-hidden rows constrain it)"),
  } satisfies Calibrated<number>,
  /** Half-efficiency dimension of the grouped expert GEMMs (MoE): larger than a single GEMM's. */
  groupedGemmHalfEfficiencyDim: {
    value: 1024,
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
    value: 0.0025,
    meaning:
      "Coefficient of variation of one rank's compute time per step (clock and thermal variation, OS noise, uneven data). Each step ends in collectives over all N ranks, which wait for the slowest: ≈ this × √(2 ln N) × compute is added (expected maximum of N normals). MegaScale §6.3 traces such stragglers at >10k GPUs.",
    source: fitted("all rows (8 to 16,384 chips; the largest runs constrain it)"),
  } satisfies Calibrated<number>,
  /** Flash-attention core throughput relative to the chip's GEMM efficiency. */
  attentionCoreRelativeEfficiency: {
    value: 0.5,
    meaning:
      'FlashAttention-2-class attention ("flash": FA2, PyTorch SDPA\'s flash backend, cuDNN before 9.1) forward+backward at this fraction of the large-GEMM rate; also every flash kernel on chips without the asynchronous Hopper/Blackwell kernels. FA2 reaches ~35% of H100 dense peak (FlashAttention-3 paper §1).',
    source: fitted("long-sequence rows (NeMo 24.03 long-sequence, torchtitan, Llama 3 405B)"),
  } satisfies Calibrated<number>,
  /**
   * Speed of warp-specialised, asynchronous flash attention (FlashAttention-3, cuDNN ≥ 9.1 fused attention, FA4 on
   * Blackwell) over FlashAttention-2, on Hopper and Blackwell.
   */
  asyncAttentionSpeedup: {
    value: 2,
    meaning:
      'A "flash3"-class attention core runs this many times the FlashAttention-2 rate (attentionCoreRelativeEfficiency) on Hopper and Blackwell; other chips run it at the FA2 rate. Such kernels overlap softmax with the tensor-core GEMMs and feed them asynchronously (TMA, WGMMA). Published: FA3 1.5-2.0× FA2 forward and 1.5-1.75× backward (Shah et al. 2024); cuDNN 9.1 631 and FA3 632 against 329 TFLOP/s for FA2-based SDPA, forward on H100 at 4,608 tokens, head dim 128 (pytorch/pytorch#142132). Fitted within that published 1.5-2.0 range only.',
    source: {
      ref: "Shah et al. 2024, 'FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision' (arXiv 2407.08608) §4.1; github.com/pytorch/pytorch/issues/142132 (Tritonbench on H100, 2024-12-05); fitted on all rows within the published range (docs/model.md §Calibration)",
      title: "FA3 and cuDNN fused attention run 1.5-2.0× FlashAttention-2 on H100",
      date: "2024-12",
    },
  } satisfies Calibrated<number>,
  /** Sustained efficiency of fp4 (NVFP4) training GEMMs relative to the same chip's fp8 GEMMs. */
  fp4RelativeEfficiency: {
    value: 0.6,
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
    value: 0.5,
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
  /** Fixed time per MoE layer per micro-batch (forward + backward): router, permute/unpermute, per-expert launches, quantisation. */
  moeLayerOverheadSeconds: {
    value: 3e-3,
    meaning:
      "Per-MoE-layer cost that does not scale with FLOPs: router top-k and aux-loss kernels, token permute/unpermute, per-expert kernel launches and host synchronisation for the dropless token counts, activation quantisation; it dominates fine-grained MoE (Megatron-Core MoE docs: CUDA graphs and permute fusion exist to remove it).",
    source: fitted("the MoE rows with small experts (Qwen3-30B-A3B, Qwen3-235B-A22B) and DeepSeek-V3"),
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

/** Generations with the asynchronous (TMA / WGMMA or tcgen05) tensor-core pipelines "flash3" kernels need. */
const asyncAttentionGenerations: ReadonlySet<ChipGeneration> = new Set(["nvidia-hopper", "nvidia-blackwell"]);

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
 * The attention core's efficiency relative to the chip's bf16 GEMM efficiency: the FlashAttention-2 rate, times the
 * asynchronous kernels' speed-up for "flash3" on Hopper and Blackwell. `relative` defaults to the catalog's
 * values; the refit (src/planners/refit.ts) passes candidates.
 */
export function attentionRelativeEfficiency(
  kernel: AttentionKernel,
  generation: ChipGeneration,
  relative: { flash: number; speedup: number } = { flash: calibration.attentionCoreRelativeEfficiency.value, speedup: calibration.asyncAttentionSpeedup.value },
): number {
  return kernel === "flash3" && asyncAttentionGenerations.has(generation) ? relative.flash * relative.speedup : relative.flash;
}
