/**
 * Sourced constants of fine-tuning: optimizer state bytes per trained parameter, the QLoRA 4-bit NF4 layout
 * (block-wise absmax constants, double quantisation), the LoRA defaults of the libraries people use, and the
 * bytes a dequantising GEMM streams. Used by src/scenario/finetune.ts and src/planners/finetune.ts.
 * @module
 */
import type { Source } from "./schema.ts";

const qloraPaper: Source = {
  ref: "https://arxiv.org/abs/2305.14314",
  title: "Dettmers et al. 2023, QLoRA: Efficient Finetuning of Quantized LLMs (§2 Block-wise k-bit quantization; §3 NF4, Double Quantization, Paged Optimizers)",
  date: "2023-05",
};
const zeroPaper: Source = {
  ref: "https://arxiv.org/abs/1910.02054",
  title: "Rajbhandari et al. 2020, ZeRO: Memory Optimizations Toward Training Trillion Parameter Models (§3.1: mixed-precision Adam keeps K = 12 bytes per parameter)",
  date: "2019-10",
};
const eightBitOptimizers: Source = {
  ref: "https://arxiv.org/abs/2110.02861",
  title: "Dettmers et al. 2022, 8-bit Optimizers via Block-wise Quantization (Adam's two states in 8 bits: 2 bytes per parameter instead of 8)",
  date: "2021-10",
};
const adafactorPaper: Source = {
  ref: "https://arxiv.org/abs/1804.04235",
  title: "Shazeer & Stern 2018, Adafactor: Adaptive Learning Rates with Sublinear Memory Cost (factored second moment, O(n+m) per n×m matrix; β1 = 0: no first moment)",
  date: "2018-04",
};
const muonPost: Source = {
  ref: "https://kellerjordan.github.io/posts/muon/",
  title: "Jordan et al. 2024, Muon: An optimizer for hidden layers in neural networks (one momentum buffer, orthogonalised by Newton–Schulz)",
  date: "2024-12",
};
const sgdDocs: Source = {
  ref: "https://pytorch.org/docs/stable/generated/torch.optim.SGD.html",
  title: "PyTorch torch.optim.SGD (momentum keeps one buffer per parameter)",
  date: "2024-01",
};
const peftLoraConfig: Source = {
  ref: "https://huggingface.co/docs/peft/package_reference/lora",
  title: "Hugging Face PEFT LoraConfig: r = 8, lora_alpha = 8, target_modules 'all-linear' = every linear but the output head",
  date: "2025-01",
};

export type OptimizerId = "adamw" | "adamw-8bit" | "adafactor" | "sgd" | "muon";

export interface OptimizerState {
  id: OptimizerId;
  /** Optimizer state bytes per trained parameter, beside the fp32 master copy (m, v, momentum, factored moments). */
  stateBytesPerParameter: number;
  /** fp32 master copy of a bf16-trained weight (mixed precision), bytes per parameter. */
  masterBytesPerParameter: number;
  meaning: string;
  source: Source;
}

/**
 * State bytes per trained parameter. Mixed precision keeps an fp32 master (4 B) beside the bf16 weight for every
 * optimizer (ZeRO §3.1); the states are what differ. Adafactor's factored second moment is O(n+m) per n×m
 * matrix: under 0.1 B per parameter for any transformer matrix, counted as 0.
 */
export const optimizers: Readonly<Record<OptimizerId, OptimizerState>> = {
  adamw: { id: "adamw", stateBytesPerParameter: 8, masterBytesPerParameter: 4, meaning: "fp32 m and v", source: zeroPaper },
  "adamw-8bit": { id: "adamw-8bit", stateBytesPerParameter: 2, masterBytesPerParameter: 4, meaning: "block-wise 8-bit m and v", source: eightBitOptimizers },
  adafactor: { id: "adafactor", stateBytesPerParameter: 0, masterBytesPerParameter: 4, meaning: "factored second moment (row + column), no momentum", source: adafactorPaper },
  sgd: { id: "sgd", stateBytesPerParameter: 4, masterBytesPerParameter: 4, meaning: "fp32 momentum buffer", source: sgdDocs },
  muon: { id: "muon", stateBytesPerParameter: 4, masterBytesPerParameter: 4, meaning: "fp32 momentum buffer (Newton–Schulz works on it in place)", source: muonPost },
};

export const optimizerIds = Object.keys(optimizers) as OptimizerId[];

/**
 * NF4 with double quantisation (QLoRA §3): 4 bits per weight; one fp32 absmax per 64-weight block (32/64 = 0.5 bit)
 * quantised to 8 bits with one fp32 second-level constant per 256 first-level constants:
 * 8/64 + 32/(64·256) = 0.127 bit per weight (the paper's figure). Embeddings, the output head and norms stay bf16.
 */
export const nf4 = {
  dataBitsPerWeight: 4,
  blockSize: 64,
  secondLevelBlockSize: 256,
  constantBits: 32,
  doubleQuantConstantBits: 8,
  source: qloraPaper,
} as const;

/** Bytes per weight of the NF4 base, with or without double quantisation of the block constants. */
export function nf4BytesPerWeight(doubleQuant: boolean): number {
  const q = nf4;
  const constants = doubleQuant ? q.doubleQuantConstantBits / q.blockSize + q.constantBits / (q.blockSize * q.secondLevelBlockSize) : q.constantBits / q.blockSize;
  return (q.dataBitsPerWeight + constants) / 8;
}

/**
 * Bytes a dequantising GEMM streams per weight per pass (bitsandbytes dequantises the 4-bit block into a bf16
 * buffer, then runs a bf16 GEMM): read the packed weight and constants, write the bf16 copy. The bf16 read by the
 * GEMM itself is the GEMM's own traffic.
 */
export const dequantWriteBytesPerWeight = { value: 2, source: qloraPaper } as const;

/** LoRA defaults: PEFT's rank and alpha; the projection names a target list may hold. */
export const loraDefaults = { rank: 8, alpha: 8, source: peftLoraConfig } as const;
export const loraTargetModules = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"] as const;
export type LoraTarget = (typeof loraTargetModules)[number];
/** PEFT's default targets for Llama-family models (q_proj, v_proj). */
export const defaultLoraTargets: readonly LoraTarget[] = ["q_proj", "v_proj"];

/** QLoRA's paged optimizer: states live in unified memory and page to host RAM under pressure (QLoRA §3). */
export const pagedOptimizerSource = qloraPaper;
export const finetuneSources = { qloraPaper, zeroPaper, eightBitOptimizers, adafactorPaper, muonPost, sgdDocs, peftLoraConfig } as const;
