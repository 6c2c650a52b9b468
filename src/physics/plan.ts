/**
 * A resolved training job: the architecture, the hardware as the physics sees it, the token budget,
 * and a fully specified parallel plan. Built once per scenario by src/scenario/train.ts; the physics
 * functions take these and nothing else.
 * @module
 */
import type { Architecture } from "../catalog/architecture.ts";
import type { AttentionKernel } from "../catalog/calibration.ts";
import type { TrainingStack } from "../catalog/training-stacks.ts";
import type { Fabric } from "./comm.ts";
import type { ComputeRates } from "./compute.ts";

export type Recompute = "none" | "selective" | "full";
export type TrainPrecision = "fp16" | "bf16" | "fp8" | "fp4";
export type ZeroStage = 0 | 1 | 2 | 3;

export interface ParallelPlan {
  /** Tensor parallel degree (with sequence parallelism when > 1). */
  tp: number;
  /** Pipeline stages. */
  pp: number;
  /** Data-parallel replicas. */
  dp: number;
  /** Context (sequence) parallel degree: ring attention over CP ranks. */
  cp: number;
  /** Expert parallel degree (MoE); carved out of dp × cp as Megatron does. */
  ep: number;
  /**
   * Expert tensor-parallel degree: tp (experts split like attention, Megatron's default) or 1 (the expert
   * grid folded over the TP ranks). Omitted: tp when ep divides dp·cp, else 1 (see expertTensorParallel).
   */
  etp?: number;
  /** 0 = plain DDP, 1 = optimizer state sharded (distributed optimizer), 2 = + gradients, 3 = + weights (FSDP). */
  zeroStage: ZeroStage;
  /** Sequences per micro-batch. */
  microBatchSize: number;
  /** Interleaved pipeline chunks per stage (Narayanan 2021 §2.2.2). */
  virtualStages: number;
  recompute: Recompute;
  /** Stored activations go to host memory after each layer's forward and come back before its backward (absent = false). */
  offloadActivations?: boolean;
  /**
   * With offloadActivations: how many of each pipeline stage's layers offload (Megatron-Core cpu_offloading_num_layers,
   * as NVIDIA's GB200/GB300 recipes set it); the others keep their activations on the device. Absent: every layer.
   */
  offloadActivationLayers?: number;
  /**
   * With offloadActivations: offload only these modules' inputs, in every layer (Megatron-Core fine-grained activation
   * offloading, --offload-modules; NVIDIA's GB200 Qwen3-235B recipe offloads expert_fc1 and moe_act). Absent: whole layers.
   */
  offloadActivationModules?: readonly OffloadModule[];
  /**
   * With recompute "selective": recompute exactly these modules (Megatron-Core --recompute-modules, TransformerConfig
   * recompute_modules) instead of the stack's selective policy. Absent: the stack's policy.
   */
  recomputeModules?: readonly RecomputeModule[];
  /** ZeRO-Offload: optimizer state and the Adam step live on the host; gradients go down, updated weights come back (absent = false). */
  offloadOptimizer?: boolean;
}

/** Megatron-Core's offloadable modules (docs/user-guide/features/fine_grained_activation_offloading.md): each offloads its input. */
export const offloadModules = ["attn_norm", "qkv_linear", "core_attn", "attn_proj", "mlp_norm", "expert_fc1", "moe_act", "fused_group_mlp"] as const;
export type OffloadModule = (typeof offloadModules)[number];

/**
 * Megatron-Core's recomputable modules (megatron/core/transformer/transformer_config.py, recompute_modules): layernorm
 * (the input and pre-MLP norms), moe_act (the expert activation), mla_up_proj (MLA's up projections and RoPE) discard
 * their outputs and recompute them; core_attn, mlp (the dense MLP), shared_experts and moe (the whole MoE layer, its
 * all-to-all included) keep only their inputs and run again in backward.
 */
export const recomputeModules = ["core_attn", "layernorm", "mla_up_proj", "mlp", "moe_act", "shared_experts", "moe"] as const;
export type RecomputeModule = (typeof recomputeModules)[number];

/** Host memory and the link to it, per accelerator, as the offload physics sees them (src/physics/offload.ts). */
export interface HostResources {
  /** Host memory available to one accelerator's offloaded state, bytes. */
  memoryBytes: number;
  /** Achievable accelerator-to-host bandwidth, one direction, bytes/s. */
  linkBytesPerSecond: number;
  /** Achievable host memory bandwidth for one accelerator's share of the host, bytes/s. */
  memoryBytesPerSecond: number;
}

/**
 * MoE parallel folding (Liu et al. 2025, arXiv 2504.14960): the expert layers have their own grid
 * ETP × EP × EDP over the same tp·dp·cp ranks as attention's TP × DP × CP. When EP divides dp·cp the
 * experts keep attention's TP (ETP = TP, Megatron's default); when it does not, EP folds over the TP
 * ranks too and experts run unsplit (ETP = 1), so EP may exceed dp·cp (the published Qwen3-235B plans).
 */
export function expertTensorParallel(plan: ParallelPlan): number {
  if (plan.etp !== undefined) return plan.etp;
  return (plan.dp * plan.cp) % plan.ep === 0 ? plan.tp : 1;
}

/** Expert data-parallel ranks: tp·dp·cp / (ETP·EP). */
export function expertDataParallel(plan: ParallelPlan): number {
  return (plan.tp * plan.dp * plan.cp) / (expertTensorParallel(plan) * plan.ep);
}

/** Whether the expert grid is folded over the TP ranks (experts unsplit while attention is split: ETP = 1 < TP). */
export function expertGridFolded(plan: ParallelPlan): boolean {
  return plan.tp > 1 && expertTensorParallel(plan) === 1;
}

/** Everything about the chips that the training physics reads, in SI units. */
export interface TrainHardware {
  chipId: string;
  chipName: string;
  chipCount: number;
  memoryBytes: number;
  /** Rates for the training precision's GEMMs. */
  rates: ComputeRates;
  /** Dense peak of the training precision: the denominator of MFU and HFU. */
  peakFlopsPerSecond: number;
  fabric: Fabric;
  /** Accelerator power at load (TDP), watts. */
  chipPowerWatts: number;
  /** Host, NIC, switch and storage power per chip, watts. */
  hostOverheadWattsPerChip: number;
  /** Facility power over IT power. */
  powerUsageEffectiveness: number;
  /** Rental price, USD per chip-hour, if known. */
  usdPerChipHour?: number;
  /** Host memory and link per chip; absent when the system states none (no offload then). */
  host?: HostResources;
}

export interface TrainJob {
  arch: Architecture;
  hardware: TrainHardware;
  precision: TrainPrecision;
  /** Total training tokens. */
  tokens: number;
  sequenceLength: number;
  globalBatchTokens: number;
  /** Bytes per activation value stored for backward (2 for bf16/fp16 activations, also under fp8 GEMMs). */
  activationBytesPerValue: number;
  /** Bytes per weight kept on the chip for compute (bf16 copy; fp8 training adds a cached fp8 copy). */
  weightBytesPerParameter: number;
  /** Bytes per gradient value (bf16 reduce, ZeRO paper's mixed-precision accounting). */
  gradientBytesPerParameter: number;
  /** Optimizer bytes per parameter: fp32 master + Adam m and v = 12. */
  optimizerBytesPerParameter: number;
  runtimeReserveBytes: number;
  /**
   * Attention kernel: "flash" (FlashAttention-2 class, Dao 2023: scores never stored, causal half computed),
   * "flash3" (the same algorithm as warp-specialised asynchronous kernels: FlashAttention-3, cuDNN ≥ 9.1; faster
   * on Hopper and Blackwell, which `hardware.rates.attentionEfficiency` carries) or "unfused" (pre-2022 Megatron:
   * full s×s scores materialised, masked, softmaxed and stored).
   */
  attentionKernel: AttentionKernel;
  /** The embedding and the loss each take a layer's slot in the pipeline split (Megatron-Core --account-for-embedding/loss-in-pipeline-split). */
  pipelineSplitCountsEmbeddingAndLoss?: boolean;
  /**
   * The attention core runs in fp8 (Transformer Engine fp8_dot_product_attention): its rates are in `hardware.rates`; its
   * backward also computes the tiles a sliding window masks (cuDNN 9.22 measured, calibration.fp8AttentionSpeedup).
   */
  fp8Attention?: boolean;
  /** The whole iteration runs as one CUDA graph: no per-MoE-layer host cost (launches, dropless token-count sync). */
  fullIterationCudaGraph?: boolean;
  /**
   * The training software stack (src/catalog/training-stacks.ts): which collectives it overlaps and in which
   * format it reduces gradients. Absent: Megatron-Core's behaviour with gradients reduced in their stored format.
   */
  software?: TrainingStack;
  /** Share of TP communication left exposed when the stack overlaps it (calibration.tensorParallelExposedFraction); 1 when it does not. */
  tensorParallelExposedFraction: number;
  microBatchOverheadSeconds: number;
  /**
   * Share of the weights that are trained (fine-tuning: LoRA adapters, unfrozen layers); 1 when absent.
   * A frozen weight still takes the backward data-gradient GEMM (backward through activations) but not the
   * weight-gradient GEMM, and the optimizer does not update it (src/planners/finetune.ts).
   */
  trainableShare?: number;
  /** GEMM half-efficiency dimension of the grouped expert GEMMs (calibration.groupedGemmHalfEfficiencyDim); absent: the dense GEMMs'. */
  groupedGemmHalfEfficiencyDim?: number;
  /** Share of the SMs an overlapped collective's kernels hold (all-to-all, data-parallel reduce/gather; calibration.communicationSmShare); absent: 0. */
  communicationSmShare?: number;
  /** Per-rank coefficient of variation of the step's compute (calibration.syncJitterCoefficient); absent: 0. */
  syncJitterCoefficient?: number;
  /** Multi-token-prediction depths trained with the model (DeepSeek-V3 §2.2: 1); absent or 0: none. */
  multiTokenPredictionLayers?: number;
  /** Share of the expert all-to-all left on the critical path (calibration.expertParallelExposedFraction). */
  expertParallelExposedFraction: number;
  /** Fixed seconds per MoE layer per micro-batch, forward + backward (calibration.moeLayerOverheadSeconds). */
  moeLayerOverheadSeconds: number;
  /** Seconds per local expert per MoE layer per micro-batch, forward + backward: its GEMM launches (calibration.moeExpertOverheadSeconds). */
  moeExpertOverheadSeconds: number;
}
