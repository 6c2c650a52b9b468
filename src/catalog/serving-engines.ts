/**
 * Serving engines as sourced data (issue 9 §2, "the software stack as sourced data"): what each engine does per
 * iteration that the roofline does not see. `hostOverheadScale` multiplies the fitted per-iteration host time
 * (src/catalog/infer-calibration.ts stepOverheadSeconds, fitted on TensorRT-LLM rows, hence 1 for trtllm);
 * `fp8ContextAttention` says whether prefill attention runs on the FP8 tensor cores when the KV cache is FP8.
 * Default: trtllm (the engine of most published rows). The training stacks live with the training planner.
 * @module
 */
import { lookup } from "../errors.ts";
import type { Source } from "./schema.ts";

export interface ServingEngine {
  id: string;
  name: string;
  /** Per-iteration host time (scheduling, sampling, detokenisation not hidden by an overlap scheduler) relative to TensorRT-LLM's. */
  hostOverheadScale: number;
  /** Prefill (context) attention in FP8 when the KV cache is FP8 and the chip has FP8 tensor cores. */
  fp8ContextAttention: boolean;
  /** Does the scheduler prepare batch n+1 on the CPU while the GPU runs batch n. */
  overlapScheduler: boolean;
  /**
   * How the engine sizes its KV pool: a fraction of the memory left free after weights and workspaces
   * ("free", TensorRT-LLM's kv_cache_free_gpu_mem_fraction) or of the whole device ("total", vLLM's
   * gpu_memory_utilization, SGLang's mem_fraction_static, which also cover the weights).
   */
  kvMemory: { of: "free" | "total"; fraction: number };
  /** Expert-parallel dispatch in FP8 (DeepEP), combine in BF16 — when the activations are FP8. */
  fp8Dispatch: boolean;
  /** Two-batch overlap: one micro-batch's all-to-all hidden under the other's compute (DeepSeek-V3 §3.4, SGLang). */
  twoBatchOverlap: boolean;
  sources: Record<string, Source>;
}

export const servingEngines: readonly ServingEngine[] = [
  {
    id: "trtllm",
    name: "TensorRT-LLM",
    hostOverheadScale: 1,
    fp8ContextAttention: true,
    overlapScheduler: true,
    kvMemory: { of: "free", fraction: 0.95 },
    fp8Dispatch: false,
    twoBatchOverlap: false,
    sources: {
      kvMemory: {
        ref: "https://github.com/NVIDIA/TensorRT-LLM/blob/258c7540c03517def55d9a5aadfa9288af474e1b/docs/source/performance/perf-overview.md",
        title: "TensorRT-LLM Performance Overview: trtllm-bench runs with kv_cache_free_gpu_mem_fraction 0.95 (of the memory free after the engine loads)",
        date: "2025-02",
      },
      fp8ContextAttention: {
        ref: "https://nvidia.github.io/TensorRT-LLM/ (FP8 context FMHA, use_fp8_context_fmha; enabled with an FP8 KV cache on Hopper/Blackwell)",
        title: "TensorRT-LLM FP8 context FMHA",
        date: "2025",
      },
      overlapScheduler: {
        ref: "https://nvidia.github.io/TensorRT-LLM/latest/features/overlap-scheduler.html",
        title: "TensorRT-LLM Overlap Scheduler: CPU tasks of step n overlap GPU step n+1; enabled by default",
        date: "2025",
      },
      hostOverheadScale: {
        ref: "src/catalog/infer-calibration.ts stepOverheadSeconds",
        title: "Reference engine of the fitted per-iteration host time",
        date: "2026-12",
        estimate: "1 by definition: the fitted host time comes from TensorRT-LLM rows.",
      },
    },
  },
  {
    id: "vllm",
    name: "vLLM",
    hostOverheadScale: 1.5,
    fp8ContextAttention: false,
    overlapScheduler: false,
    kvMemory: { of: "total", fraction: 0.9 },
    fp8Dispatch: false,
    twoBatchOverlap: false,
    sources: {
      kvMemory: {
        ref: "https://docs.vllm.ai/en/latest/configuration/engine_args.html (gpu_memory_utilization, default 0.9)",
        title: "vLLM engine arguments: gpu_memory_utilization 0.9 of the device for weights, activations and KV cache",
        date: "2025",
      },
      hostOverheadScale: {
        ref: "https://blog.vllm.ai/2024/09/05/perf-update.html",
        title:
          "vLLM v0.6.0 performance update: for Llama 3 8B on one H100 the API server took 33% and scheduling 29% of the time before v0.6; multi-step scheduling and the async output processor amortise it",
        date: "2024-09-05",
        estimate: "1.5× TensorRT-LLM's host time per iteration: v0.6 amortises scheduling over several steps but has no overlap scheduler; a judgement, not a measurement.",
      },
      fp8ContextAttention: {
        ref: "https://blog.vllm.ai/2024/09/05/perf-update.html (FlashInfer FP8 KV for decode)",
        title: "vLLM stores an FP8 KV cache; prefill attention runs in 16 bits",
        date: "2024-09-05",
      },
    },
  },
  {
    id: "sglang",
    name: "SGLang",
    hostOverheadScale: 0.5,
    fp8ContextAttention: false,
    overlapScheduler: true,
    kvMemory: { of: "total", fraction: 0.85 },
    fp8Dispatch: true,
    twoBatchOverlap: true,
    sources: {
      fp8Dispatch: {
        ref: "https://github.com/deepseek-ai/DeepEP (README: dispatch in FP8, combine in BF16); https://lmsys.org/blog/2025-05-05-large-scale-ep/",
        title: "DeepEP dispatch/combine formats, used by SGLang's large-scale EP",
        date: "2025-05-05",
      },
      twoBatchOverlap: {
        ref: "https://lmsys.org/blog/2025-05-05-large-scale-ep/ (Ablation: two-batch overlap)",
        title: "SGLang two-batch overlap: decode +25.5% at 256 tokens/device, −27% at 32 tokens/device; prefill +27-35%",
        date: "2025-05-05",
      },
      kvMemory: {
        ref: "SGLang server arguments (mem_fraction_static); src/validation/data/inference-runs.json row sglang-dsv3-mi300x8-tp8-rand1k1k-c1-nomtp (mem-fraction 0.85)",
        title: "SGLang mem_fraction_static: share of device memory for weights and the KV pool",
        date: "2025",
        estimate: "0.85 as the published MI300X run set it; SGLang picks 0.8-0.9 by GPU size when not set.",
      },
      overlapScheduler: {
        ref: "https://lmsys.org/blog/2024-12-04-sglang-v0-4/#zero-overhead-batch-scheduler",
        title:
          "SGLang v0.4: zero-overhead batch scheduler (CPU scheduling overlapped with the GPU; 1.1× throughput; 'an unoptimized engine can spend as much as half of its time on CPU overhead')",
        date: "2024-12-04",
      },
      hostOverheadScale: {
        ref: "https://lmsys.org/blog/2024-12-04-sglang-v0-4/#zero-overhead-batch-scheduler",
        title: "Nsight profile with no GPU idle time between five decode batches (Triton backend; a minor gap with FlashInfer)",
        date: "2024-12-04",
        estimate: "Half of TensorRT-LLM's exposed host time: the scheduling is hidden, the launch gaps of the FlashInfer backend remain.",
      },
      fp8ContextAttention: {
        ref: "https://lmsys.org/blog/2024-12-04-sglang-v0-4/",
        title: "SGLang prefill attention (FlashInfer/FA3) in 16 bits",
        date: "2024-12-04",
        estimate: "No FP8 prefill attention documented for the 2024-25 releases.",
      },
    },
  },
];

const byId = new Map(servingEngines.map((e) => [e.id, e]));

export const DEFAULT_SERVING_ENGINE = "trtllm";

export function getServingEngine(id: string, path = "software"): ServingEngine {
  return lookup(path, id, byId, "serving engine");
}
