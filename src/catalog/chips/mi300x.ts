import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "mi300x",
  name: "AMD Instinct MI300X",
  vendor: "AMD",
  generation: "amd-cdna3",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 192e9,
  memoryBytesPerSecond: 5.3e12,
  denseFlopsPerSecond: {
    fp32: 163.4e12,
    tf32: 653.7e12,
    bf16: 1307.4e12,
    fp16: 1307.4e12,
    fp8: 2614.9e12,
    int8: 2614.9e12,
  },
  tdpWatts: 750,
  scaleUpBytesPerSecond: 448e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 2.39,
  purchaseUsd: 25_700,
  notes:
    "AMD dense matrix figures (structured-sparsity variants are 2x). FP32 163.4 is matrix. Measured max BF16 ~668 TFLOP/s " +
    "(51%, ROCm 6.3). Infinity Fabric is a full mesh of 7 links at 64 GB/s per direction: a GPU pair gets 1/7 of the " +
    "448 GB/s (measured busbw 48 GB/s for 2 GPUs vs 313 GB/s for 8).",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.mi300x_vs_h200_repo, "192 GB HBM3"),
    memoryBytesPerSecond: cite(src.mi300x_vs_h200_repo, "5.3 TB/s"),
    denseFlopsPerSecond: cite(src.mleng_accel, "BF16 1307.4, FP8 2614.9, TF32 653.7, FP32 matrix 163.4 dense (AMD)"),
    tdpWatts: cite(src.mlperf_amd_mi300x, "'MI300X-192GB-750W'"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "7 links x 64 GB/s per direction = 448 GB/s (896 bidirectional)"),
    scaleUpDomainChips: cite(src.mleng_net, "8-GPU fully connected UBB"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "MI300X platform: 'commonly 8 x 400 Gb/s'",
      "Scale-out is platform-dependent (unverified in the JSON); one 400 Gb/s NIC per GPU assumed.",
    ),
    rentalUsdPerChipHour: runpodPrice("MI300X (Secure Cloud) $2.39/GPU-h", runpodReads.mi300x),
    purchaseUsd: cite(src.epoch_prices, "8-GPU UBB listing Feb 2025 / 8 = $25,700"),
  },
} satisfies Chip;
