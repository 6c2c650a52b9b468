/**
 * Training software stacks as sourced data (issue 9 §2, "the software stack as sourced data, not one fitted
 * average"): what each framework overlaps, in which format it reduces gradients, which attention kernel it
 * runs. The physics (src/physics/train.ts) reads these instead of one fitted tensor-parallel exposed share
 * averaged over two software eras. The one remaining fitted number is shared and physical: the share of
 * tensor-parallel communication left exposed *when a stack overlaps it* (calibration.tensorParallelExposedFraction),
 * and likewise for the expert all-to-all (calibration.expertParallelExposedFraction). A stack that does not
 * overlap a collective leaves all of it on the critical path. Default: megatron-core-2025.
 * The serving engines live in src/catalog/serving-engines.ts (same shape).
 * @module
 */
import { lookup } from "../errors.ts";
import type { AttentionKernel } from "./calibration.ts";
import type { Source } from "./schema.ts";

/**
 * How the MoE dispatcher moves tokens between scale-up domains: "deduplicated" sends a token once to each other
 * domain it is routed to and forwards it inside over NVLink (DeepEP, HybridEP); "all-to-all" sends one copy per
 * routed expert (NCCL all-to-all: Megatron-Core's alltoall dispatcher, torchtitan, GShard-style).
 */
export type ExpertDispatcher = "deduplicated" | "all-to-all";
export const expertDispatchers = ["deduplicated", "all-to-all"] as const satisfies readonly ExpertDispatcher[];

/** How the local experts' GEMMs are launched (TrainingStack.expertGemmLaunch). */
export type ExpertGemmLaunch = "per-expert" | "grouped";

export interface TrainingStack {
  id: string;
  name: string;
  /** Tensor-parallel all-gather/reduce-scatter overlapped with the GEMMs (Megatron --tp-comm-overlap, async TP, fused collective GEMMs). */
  tensorParallelOverlap: boolean;
  /** Data-parallel gradient reduction (and parameter all-gather) overlapped with backward (forward) compute. */
  dataParallelOverlap: boolean;
  /** Bytes per value of the gradient reduction on the wire (2 = bf16/fp16, 4 = fp32). */
  gradientReduceBytesPerValue: 2 | 4;
  /**
   * Attention kernel: "flash3" (warp-specialised asynchronous flash attention on Hopper/Blackwell: FA3, cuDNN ≥ 9.1
   * fused attention), "flash" (FlashAttention-2 class) or "unfused" (s×s scores materialised).
   */
  attentionKernel: AttentionKernel;
  /** Expert all-to-all overlapped with another micro-batch's compute (1F1B A2A overlap, DualPipe). */
  expertAllToAllOverlap: boolean;
  /** How the expert all-to-all crosses the scale-out network (only matters when an EP group spans domains). */
  expertDispatcher: ExpertDispatcher;
  /**
   * How a rank's local experts' GEMMs are launched: "per-expert" (one GEMM launch per local expert and projection:
   * Transformer Engine's grouped linear, multi_stream_cublas_gemm), which pays calibration.moeExpertOverheadSeconds per
   * local expert; "grouped" (one grouped-GEMM kernel per projection for all local experts: CUTLASS grouped_gemm's gmm,
   * torch._grouped_mm, MaxText's megablox), which does not.
   */
  expertGemmLaunch: ExpertGemmLaunch;
  /**
   * Under fp8/fp4 GEMMs, each linear layer keeps its quantized input for the weight gradient instead of the 16-bit one
   * (Transformer Engine); false: the 16-bit input is kept and re-cast in backward (torchao float8).
   */
  quantizedSavedInputs: boolean;
  /**
   * What "selective" recompute recomputes: "elementwise" (Korthikanti et al. 2022: the memory-bound kernels, every GEMM
   * output kept; Megatron-Core) or "alternate-matmuls" (torchtitan's op-level selective checkpointing: of each block's
   * matmuls in call order — q, k, v, o, gate, up, down — every second one is recomputed, k, o and up, besides the
   * elementwise kernels) or "attention-core" (MaxText's remat_policy "minimal", jax.checkpoint_policies
   * checkpoint_dots_with_no_batch_dims: only the weight matmuls are saved, so the attention core — QKᵀ and AV are dots
   * with batch dimensions, splash attention a kernel call — runs again with the elementwise kernels) or "none" (the stack has
   * no selective policy: it checkpoints whole layers or nothing, so a plan recomputes "none" or "full").
   */
  selectiveRecompute: SelectiveRecompute;
  sources: Partial<
    Record<
      | "tensorParallelOverlap"
      | "dataParallelOverlap"
      | "gradientReduceBytesPerValue"
      | "attentionKernel"
      | "expertAllToAllOverlap"
      | "expertDispatcher"
      | "expertGemmLaunch"
      | "quantizedSavedInputs"
      | "selectiveRecompute",
      Source
    >
  >;
}

/** What a stack's selective activation recompute recomputes (TrainingStack.selectiveRecompute). */
export type SelectiveRecompute = "elementwise" | "alternate-matmuls" | "attention-core" | "none";

const maxtextMinimalRemat: Source = {
  ref: 'github.com/AI-Hypercomputer/maxtext MaxText/layers/decoders.py (remat_policy == "minimal": policy = jax.checkpoint_policies.checkpoint_dots_with_no_batch_dims)',
  title: "MaxText's minimal rematerialisation saves the dots without batch dimensions (the weight matmuls) and recomputes the rest",
  date: "2025",
};

const torchtitanOpSac: Source = {
  ref: 'github.com/pytorch/torchtitan torchtitan/parallelisms/parallelize_llama.py at 582fe7d (2024) and torchtitan/distributed/activation_checkpoint.py at 8a6c9fe (2025-08): _apply_ac_to_transformer_block, selective_ac_option = "op" (the llama3_8b.toml default)',
  title: 'Op-level selective activation checkpointing "saves output of all compute ops, except every second mm"',
  date: "2025-08",
};

const mcoreDdpConfig: Source = {
  ref: "github.com/NVIDIA/Megatron-LM megatron/core/distributed/distributed_data_parallel_config.py (grad_reduce_in_fp32 = False, overlap_grad_reduce, overlap_param_gather)",
  title: "Megatron-Core DistributedDataParallelConfig: gradients reduced in bf16 unless grad_reduce_in_fp32; reduce-scatter overlapped with backward, all-gather with forward",
  date: "2024",
};

const torchaoFloat8Saves: Source = {
  ref: "github.com/pytorch/ao torchao/float8/float8_linear.py (matmul_with_hp_or_float8_args.forward: ctx.save_for_backward(input_hp, weight_hp_t))",
  title: "torchao float8 training (torchtitan's fp8) saves the high-precision input and weight and re-casts them in backward",
  date: "2025",
};

export const trainingStacks: readonly TrainingStack[] = [
  {
    id: "megatron-core-2025",
    name: "Megatron-Core / NeMo / Megatron-Bridge (2024-26)",
    tensorParallelOverlap: true,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 2,
    attentionKernel: "flash3",
    expertAllToAllOverlap: true,
    expertDispatcher: "deduplicated",
    expertGemmLaunch: "per-expert",
    quantizedSavedInputs: true,
    selectiveRecompute: "elementwise",
    sources: {
      expertGemmLaunch: {
        ref: "github.com/NVIDIA/TransformerEngine transformer_engine/common/gemm/cublaslt_gemm.cu multi_stream_cublas_gemm (one nvte_cublas_gemm_v2 per GEMM of the group), called by transformer_engine/pytorch/module/grouped_linear.py (Megatron-Core TEGroupedMLP)",
        title: "Transformer Engine's grouped linear issues one cuBLAS GEMM per local expert",
        date: "2025",
      },
      selectiveRecompute: {
        ref: "Korthikanti et al. 2022, 'Reducing Activation Recomputation in Large Transformer Models' (arXiv 2205.05198) §4.2; Megatron-Core --recompute-granularity selective",
        title: "Selective activation recomputation re-runs the cheap, memory-heavy operations and keeps every GEMM output",
        date: "2022",
      },
      tensorParallelOverlap: {
        ref: "https://docs.nvidia.com/nemo-framework/user-guide/latest/nemotoolkit/features/optimizations/communication_overlap.html ; Megatron-Bridge docs/training/communication-overlap.md",
        title: "Tensor-parallel communication overlap (Transformer Engine userbuffers): AG/RS split in chunks and pipelined with the GEMMs (tp_comm_overlap)",
        date: "2025",
      },
      dataParallelOverlap: mcoreDdpConfig,
      gradientReduceBytesPerValue: mcoreDdpConfig,
      attentionKernel: {
        ref: "github.com/NVIDIA/TransformerEngine transformer_engine/pytorch/attention.py (v1.4, 2024-03: 'Select FusedAttention on sm90 … for performance'; v1.8+: 'give FusedAttention preference on Hopper+'), with cuDNN ≥ 9.1 in the NeMo 24.07+ containers; github.com/pytorch/pytorch/issues/142132 (cuDNN 9.1 SDPA 631 TFLOP/s = FA3 632 on H100)",
        title: "Transformer Engine runs cuDNN fused attention on Hopper and later; from cuDNN 9.1 it is as fast as FlashAttention-3",
        date: "2024-12",
      },
      expertAllToAllOverlap: {
        ref: "https://github.com/NVIDIA/Megatron-LM/tree/main/megatron/core/transformer/moe (README: --overlap-moe-expert-parallel-comm, 1F1B A2A overlap; --moe-token-dispatcher-type flex / DeepEP)",
        title: "Megatron-Core MoE: expert-parallel all-to-all overlapped with another micro-batch's computation",
        date: "2025",
      },
      quantizedSavedInputs: {
        ref: "github.com/NVIDIA/TransformerEngine transformer_engine/pytorch/module/linear.py (_Linear.forward: the quantized inputmat is cached for backward, 'Discard row-wise data since it is not needed in backward pass'; layernorm_linear.py likewise for ln_out)",
        title: "Transformer Engine linear layers save the fp8/fp4-quantized input (column-wise copy) for the weight gradient, not the 16-bit input",
        date: "2025",
      },
      expertDispatcher: {
        ref: "github.com/deepseek-ai/DeepEP README (internode normal kernels: NVLink and RDMA forwarding); DeepSeek-AI, 'DeepSeek-V3 Technical Report' (arXiv 2412.19437) §3.2.2; Megatron-Core --moe-token-dispatcher-type flex with --moe-flex-dispatcher-backend deepep|hybridep (Megatron-Bridge scripts/performance recipes at v0.5.0, e.g. QWEN3_30B_A3B_PRETRAIN_CONFIG_H100_FP8_CS_V1)",
        title: "DeepEP/HybridEP send each token over IB once per destination node and forward it to the experts' GPUs over NVLink; NVIDIA's MoE performance recipes use them",
        date: "2025",
      },
    },
  },
  {
    id: "megatron-lm-2021",
    name: "Megatron-LM (2021-22: SC21, sequence-parallel paper)",
    tensorParallelOverlap: false,
    dataParallelOverlap: false,
    gradientReduceBytesPerValue: 2,
    attentionKernel: "unfused",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "per-expert",
    quantizedSavedInputs: false,
    selectiveRecompute: "elementwise",
    sources: {
      expertGemmLaunch: {
        ref: "github.com/NVIDIA/Megatron-LM megatron/core/transformer/moe/experts.py (SequentialMLP: one MLP call per local expert)",
        title: "Megatron's MoE without grouped GEMM runs its local experts one after another",
        date: "2024",
        estimate: "The 2021-22 stack trained no MoE in the backtest; its experts would run as Megatron's sequential MLPs.",
      },
      tensorParallelOverlap: {
        ref: "Narayanan et al. 2021, 'Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM' (SC21) §3.2, §4.1; Korthikanti et al. 2022 §4",
        title: "Tensor-parallel all-reduces (all-gather/reduce-scatter with sequence parallelism) run on the critical path, between the GEMMs",
        date: "2021-2022",
      },
      dataParallelOverlap: {
        ref: "Narayanan et al. 2021 (SC21) §2.2 (pipeline flush then optimizer step); MegaScale (Jiang et al. 2024) §3.2, which adds the DP overlap Megatron-LM lacked",
        title: "Gradient all-reduce after the pipeline flush, not overlapped with backward",
        date: "2021",
      },
      gradientReduceBytesPerValue: {
        ref: "Megatron-LM arguments.py (--accumulate-allreduce-grads-in-fp32 off by default); SC21 runs in fp16",
        title: "Gradients all-reduced in the training format",
        date: "2021",
      },
      attentionKernel: {
        ref: "Korthikanti et al. 2022 §4.2 (softmax, dropout and the s×s attention scores stored: 5as²b bytes per layer)",
        title: "Pre-FlashAttention Megatron: QKᵀ and AV as batched GEMMs with fused scale-mask-softmax",
        date: "2022",
      },
    },
  },
  {
    id: "megatron-deepspeed",
    name: "Megatron-DeepSpeed (BLOOM, 2022)",
    tensorParallelOverlap: false,
    dataParallelOverlap: false,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "unfused",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "per-expert",
    quantizedSavedInputs: false,
    selectiveRecompute: "elementwise",
    sources: {
      expertGemmLaunch: {
        ref: "github.com/microsoft/DeepSpeed deepspeed/moe/experts.py (Experts.forward: for chunk, expert in zip(chunks, self.deepspeed_experts))",
        title: "DeepSpeed-MoE loops over its local experts",
        date: "2024",
      },
      tensorParallelOverlap: {
        ref: "BigScience, 'BLOOM: A 176B-Parameter Open-Access Multilingual Language Model' (2022) §3.4.2; Megatron-LM 2021 tensor parallelism",
        title: "Megatron-LM tensor parallelism without communication overlap",
        date: "2022",
      },
      dataParallelOverlap: {
        ref: "DeepSpeed pipeline engine (deepspeed/runtime/pipe/engine.py: ReduceGrads after the last backward of the pipeline schedule)",
        title: "With pipeline parallelism DeepSpeed reduces the gradients after the pipeline flush",
        date: "2022",
      },
      gradientReduceBytesPerValue: {
        ref: "DeepSpeed BF16_Optimizer (deepspeed/runtime/bf16_optimizer.py: fp32 gradient accumulation buffers, reduced in fp32); stas00/ml-engineering BLOOM chronicles",
        title: "bf16 training with fp32 gradient accumulation and reduction",
        date: "2022",
      },
      attentionKernel: {
        ref: "BLOOM paper §3.4.3 (fused scale-mask-softmax kernel; no FlashAttention in 2022)",
        title: "Unfused attention with a fused softmax",
        date: "2022",
      },
    },
  },
  {
    id: "megascale",
    name: "MegaScale (ByteDance, 2024)",
    tensorParallelOverlap: true,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 2,
    attentionKernel: "flash",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "per-expert",
    quantizedSavedInputs: false,
    selectiveRecompute: "elementwise",
    sources: {
      expertGemmLaunch: {
        ref: "MegaScale (NSDI '24) §3 (dense models only)",
        title: "MegaScale publishes no MoE expert kernel",
        date: "2024-02",
        estimate: "Unpublished; taken as Megatron-Core's per-expert launches, the stack MegaScale builds on.",
      },
      tensorParallelOverlap: {
        ref: "Jiang et al. 2024, 'MegaScale: Scaling Large Language Model Training to More Than 10,000 GPUs' (NSDI '24) §3.2",
        title: "TP/SP all-gather and reduce-scatter fused with the adjacent parallel linear layers and overlapped",
        date: "2024",
      },
      dataParallelOverlap: { ref: "MegaScale §3.2", title: "DP all-gather prefetched before forward, reduce-scatter overlapped with backward", date: "2024" },
      attentionKernel: { ref: "MegaScale §3.3 (FlashAttention-2)", title: "FlashAttention-2 in MegaScale", date: "2024" },
    },
  },
  {
    id: "torchtitan",
    name: "torchtitan (PyTorch FSDP2 + DTensor TP)",
    tensorParallelOverlap: false,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "flash",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "grouped",
    quantizedSavedInputs: false,
    selectiveRecompute: "alternate-matmuls",
    sources: {
      expertGemmLaunch: {
        ref: "github.com/pytorch/torchtitan torchtitan/models/moe.py (GroupedExperts: _run_experts_grouped_mm, torch._grouped_mm)",
        title: "torchtitan's MoE runs all local experts in one torch._grouped_mm per projection",
        date: "2025",
      },
      selectiveRecompute: torchtitanOpSac,
      quantizedSavedInputs: torchaoFloat8Saves,
      tensorParallelOverlap: {
        ref: "github.com/pytorch/torchtitan docs/ (experimental.enable_async_tensor_parallel, off by default); Liang et al. 2024, 'TorchTitan' (arXiv 2410.06511) §2.2",
        title: "DTensor tensor parallelism runs its collectives synchronously unless Async TP is enabled",
        date: "2024",
      },
      dataParallelOverlap: {
        ref: "TorchTitan (arXiv 2410.06511) §2.1 FSDP2 (implicit/explicit prefetching)",
        title: "FSDP2 overlaps all-gather and reduce-scatter with compute",
        date: "2024",
      },
      gradientReduceBytesPerValue: {
        ref: 'github.com/pytorch/torchtitan torchtitan/config/job_config.py (training.mixed_precision_reduce = "float32")',
        title: "torchtitan FSDP2 MixedPrecisionPolicy: param_dtype bf16, reduce_dtype float32",
        date: "2025",
      },
      attentionKernel: {
        ref: "TorchTitan (arXiv 2410.06511): scaled_dot_product_attention; github.com/pytorch/pytorch/issues/142132 and #138522 (after the 2.5 bugs the cuDNN backend is opt-in, so SDPA runs its FlashAttention-2 kernel: 329 TFLOP/s against cuDNN's 631 on H100)",
        title: "SDPA's default flash backend is FlashAttention-2",
        date: "2024-12",
      },
    },
  },
  {
    id: "torchtitan-async-tp",
    name: "torchtitan with Async TP",
    tensorParallelOverlap: true,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "flash",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "grouped",
    quantizedSavedInputs: false,
    selectiveRecompute: "alternate-matmuls",
    sources: {
      selectiveRecompute: torchtitanOpSac,
      quantizedSavedInputs: torchaoFloat8Saves,
      tensorParallelOverlap: {
        ref: "https://discuss.pytorch.org/t/distributed-w-torchtitan-introducing-async-tensor-parallelism-in-pytorch/209487",
        title: "Async TP: all-gather/reduce-scatter decomposed and overlapped with the matmuls (micro-pipelining)",
        date: "2024-08",
      },
      gradientReduceBytesPerValue: { ref: "torchtitan job_config.py (mixed_precision_reduce float32)", title: "fp32 gradient reduction", date: "2025" },
    },
  },
  {
    id: "nemo-automodel",
    name: "NeMo AutoModel (PyTorch FSDP2, Transformer Engine layers, DeepEP/HybridEP dispatch; 2025-26)",
    tensorParallelOverlap: false,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "flash3",
    expertAllToAllOverlap: false,
    expertDispatcher: "deduplicated",
    expertGemmLaunch: "grouped",
    quantizedSavedInputs: true,
    selectiveRecompute: "none",
    sources: {
      selectiveRecompute: {
        ref: "github.com/NVIDIA-NeMo/Automodel nemo_automodel/components/moe/parallelizer.py @5e55eca63 (activation_checkpointing: apply_ac(model)) and components/distributed/parallelizer.py (checkpoint_wrapper around each layer's attention, MLP and norms)",
        title: "AutoModel's activation checkpointing is one switch that recomputes whole layers; there is no selective policy",
        date: "2025-10",
      },
      expertGemmLaunch: {
        ref: "github.com/NVIDIA-NeMo/Automodel nemo_automodel/components/moe/layers.py @5e55eca63 (GroupedExpertsDeepEP.forward: grouped_gemm ops.gmm(permuted hidden states, gate_and_up_projs, tokens_per_expert), then ops.gmm for down_projs)",
        title: "AutoModel's DeepEP experts run one CUTLASS grouped GEMM (grouped_gemm's gmm) per projection for all local experts",
        date: "2025-10",
      },
      tensorParallelOverlap: {
        ref: "github.com/NVIDIA-NeMo/Automodel nemo_automodel/components/distributed/parallelizer.py @5e55eca63 (DTensor parallelize_module plans)",
        title: "AutoModel's tensor parallelism is DTensor's, whose collectives run synchronously",
        date: "2025-10",
      },
      dataParallelOverlap: {
        ref: "github.com/NVIDIA-NeMo/Automodel nemo_automodel/components/distributed/fsdp2.py @5e55eca63; TorchTitan (arXiv 2410.06511) §2.1",
        title: "FSDP2 (fully_shard) prefetches the all-gathers and overlaps the reduce-scatters with backward",
        date: "2025-10",
      },
      gradientReduceBytesPerValue: {
        ref: "github.com/NVIDIA-NeMo/Automodel nemo_automodel/components/moe/parallelizer.py @5e55eca63 (MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32, output_dtype=torch.bfloat16))",
        title: "The MoE models' FSDP2 mixed-precision policy reduces gradients in fp32",
        date: "2025-10",
      },
      attentionKernel: {
        ref: "github.com/NVIDIA-NeMo/Automodel docs/performance-summary.md @5e55eca63 ('TE: Transformer Engine kernel optimizations - RMSNorm, Linear and DotProductAttention'); examples/benchmark/configs/*_te_deepep.yaml (backend attn: te)",
        title: "Attention through Transformer Engine's DotProductAttention (cuDNN fused attention on Hopper)",
        date: "2025-10",
      },
      expertAllToAllOverlap: {
        ref: "github.com/NVIDIA-NeMo/Automodel examples/benchmark/configs/*_te_deepep.yaml @5e55eca63 (no overlap option; backend dispatcher: deepep)",
        title: "The benchmark configs name no all-to-all overlap: dispatch and combine run on the critical path",
        date: "2025-10",
        estimate: "Absence of an option read as absence of the overlap.",
      },
      expertDispatcher: {
        ref: "github.com/NVIDIA-NeMo/Automodel docs/performance-summary.md @5e55eca63 ('DeepEP: Deep Expert Parallelism - advanced EP routing for MoE models')",
        title: "AutoModel's MoE benchmarks dispatch tokens with DeepEP",
        date: "2025-10",
      },
    },
  },
  {
    id: "pathways-2022",
    name: "PaLM's JAX / XLA SPMD on Pathways (2022), before collective matmul",
    tensorParallelOverlap: false,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "unfused",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "grouped",
    quantizedSavedInputs: false,
    selectiveRecompute: "elementwise",
    sources: {
      expertGemmLaunch: {
        ref: "Lepikhin et al. 2020, 'GShard' (arXiv 2006.16668) §2.2 (experts as one einsum over the expert dimension)",
        title: "XLA-era MoE runs all experts as one batched einsum",
        date: "2020-06",
        estimate: "PaLM is dense; the value only matters for an MoE run on this stack.",
      },
      tensorParallelOverlap: {
        ref: "Wang et al., 'Overlap Communication with Dependent Computation via Decomposition in Large Deep Learning Models' (ASPLOS 2023), abstract; Chowdhery et al. 2022, 'PaLM' (arXiv 2204.02311) §4",
        title:
          "The decomposition of the intra-layer model-parallel collectives into collective matmuls, evaluated on TPU v4 pods on 10B-1T models, 'improves system throughput by 1.14-1.38x' over the XLA of its day and reaches 72% of peak on a 500B model (PaLM 540B: 57.8% HFU on the same chips)",
        date: "2023-03",
        estimate:
          "Neither paper says whether PaLM's 12-way model-parallel collectives overlapped; the technique was published after PaLM's training (2022) as an improvement over the XLA that ran it, so they are priced on the critical path.",
      },
      dataParallelOverlap: {
        ref: "Chowdhery et al. 2022, 'PaLM' §4 (12-way model parallel × 256-way fully sharded data parallel within each pod, two-way data parallel across the two pods)",
        title: "PaLM's data-parallel collectives, taken as overlapped like MaxText's",
        date: "2022-04",
        estimate: "The paper does not say how its in-pod FSDP collectives were scheduled; they are taken as overlapped (XLA's asynchronous collectives).",
      },
      gradientReduceBytesPerValue: {
        ref: "Chowdhery et al. 2022, 'PaLM' §5 (training setup)",
        title: "Gradients reduced in fp32, as MaxText's",
        date: "2022-04",
        estimate: "The gradient format on the wire is not stated; fp32 as in MaxText.",
      },
      attentionKernel: {
        ref: "Dao et al. 2022, 'FlashAttention' (arXiv 2205.14135, 2022-05), after PaLM's training; Pallas TPU flash-attention kernels in JAX from 2023",
        title: "No tiled flash-attention kernel on TPU in PaLM's stack: XLA-fused softmax over materialised scores",
        date: "2022",
        estimate: "PaLM does not name its attention implementation; at 2,048 tokens and d_model 18,432 attention is ~2% of the step either way.",
      },
    },
  },
  {
    id: "maxtext",
    name: "MaxText / JAX on XLA",
    tensorParallelOverlap: true,
    dataParallelOverlap: true,
    gradientReduceBytesPerValue: 4,
    attentionKernel: "flash3",
    expertAllToAllOverlap: false,
    expertDispatcher: "all-to-all",
    expertGemmLaunch: "grouped",
    quantizedSavedInputs: false,
    selectiveRecompute: "attention-core",
    sources: {
      expertGemmLaunch: {
        ref: "github.com/AI-Hypercomputer/maxtext MaxText/configs/base.yml (megablox: True) and MaxText/layers/moe.py (megablox gmm)",
        title: "MaxText's dropless MoE runs the experts as one megablox grouped matmul",
        date: "2025",
      },
      selectiveRecompute: maxtextMinimalRemat,
      tensorParallelOverlap: {
        ref: "XLA latency-hiding scheduler and async collectives (openxla.org/xla/flags_guidance: xla_tpu_enable_async_collective_fusion; collective matmul); Wang et al. 2023, 'Overlap communication with dependent computation via decomposition' (ASPLOS)",
        title: "XLA schedules the sharded collectives asynchronously and decomposes all-gather/reduce-scatter into collective matmuls",
        date: "2023",
      },
      dataParallelOverlap: {
        ref: "openxla.org/xla/flags_guidance (async all-gather / reduce-scatter fusion)",
        title: "FSDP collectives overlapped by the latency-hiding scheduler",
        date: "2024",
      },
      gradientReduceBytesPerValue: {
        ref: "github.com/AI-Hypercomputer/maxtext MaxText/configs/base.yml (weight_dtype: float32; gradients in the parameter dtype)",
        title: "MaxText keeps fp32 parameters, so gradients are reduced in fp32",
        date: "2025",
      },
      attentionKernel: {
        ref: "MaxText base.yml (attention: autoselected → splash/flash kernels on TPU, cudnn_flash_te on GPU)",
        title: "Flash attention kernels: on NVIDIA GPUs Transformer Engine's cuDNN fused attention (the flash3 class); on TPU the Pallas splash kernel, priced at the flash rate",
        date: "2025",
      },
    },
  },
];

const byId = new Map(trainingStacks.map((s) => [s.id, s]));

export const DEFAULT_TRAINING_STACK = "megatron-core-2025";

export const trainingStackIds = trainingStacks.map((s) => s.id) as [string, ...string[]];

export function getTrainingStack(id: string, path = "software"): TrainingStack {
  return lookup(path, id, byId, "training stack");
}
