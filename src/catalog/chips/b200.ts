import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "b200",
  name: "NVIDIA B200 (HGX/DGX, SXM)",
  vendor: "NVIDIA",
  generation: "nvidia-blackwell",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 180e9,
  memoryBytesPerSecond: 8e12,
  denseFlopsPerSecond: {
    fp32: 75e12,
    tf32: 1125e12,
    bf16: 2250e12,
    fp16: 2250e12,
    fp8: 4500e12,
    fp6: 4500e12,
    fp4: 9000e12,
    int8: 4500e12,
  },
  exponentialsPerSecond: 4.394e12,
  tdpWatts: 1000,
  scaleUpBytesPerSecond: 900e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 6.79,
  purchaseUsd: 47_400,
  notes:
    "180 GB usable (192 GB physical). One datasheet revision lists 7.7 TB/s. FP32 conflicts: 75 (HGX table / 8) vs 80 " +
    "(ml-engineering) vs 62 (Epoch). Measured max BF16 ~1745 TFLOP/s (78%). DGX B200 default power set point 700 W, max 1000 W.",
  sources: {
    releaseYear: cite(src.klockwood_b200),
    memoryBytes: cite(src.nv_blackwell_ds_repro, "HGX B200 individual GPU 180 GB"),
    memoryBytesPerSecond: cite(src.nv_dgx_b200_repro, "64 TB/s per 8 GPUs = 8 TB/s"),
    denseFlopsPerSecond: cite(
      src.nv_hgx_page_quoted,
      "HGX B200 board: FP4 '144 | 72' PF sparse|dense, FP8/FP6 72 PF, FP16/BF16 36 PF, TF32 18 PF sparse, FP32 600 TF; / 8 GPUs, sparse halved",
    ),
    exponentialsPerSecond: estimate(
      src.flash_attention_4,
      "16 exponentials per clock per SM, unchanged from H100 while BF16 tensor throughput rose 2.25×",
      "BF16 dense peak × 16 / 8,192: Blackwell SMs do 8,192 dense BF16 FLOP per clock (2× Hopper's 4,096), so peak / 8,192 is SMs × clock (2250 TFLOP/s → 4.39 T/s); NVIDIA publishes no exponential rate.",
    ),
    tdpWatts: cite(src.mlperf_nebius_b200, "'B200 TGP 1000W'"),
    scaleUpBytesPerSecond: cite(src.nv_blackwell_ds_repro, "NVLink 1.8 TB/s bidirectional = 900 GB/s per direction"),
    scaleUpDomainChips: cite(src.nv_hgx_page_quoted, "HGX B200: 8 GPUs, 14.4 TB/s total NVLink"),
    scaleOutBytesPerSecond: cite(src.nv_dgx_b200_repro, "8x single-port ConnectX-7 400 Gb/s per 8 GPUs"),
    rentalUsdPerChipHour: runpodPrice("B200 $6.79/GPU-h", runpodReads.aug2026),
    purchaseUsd: cite(src.epoch_prices, "DGX B200 list (Delta Computer, Dec 2024, EUR->USD) / 8 = $47.4k"),
  },
} satisfies Chip;
