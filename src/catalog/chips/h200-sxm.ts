import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h200-sxm",
  name: "NVIDIA H200 SXM 141GB",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 141e9,
  memoryBytesPerSecond: 4.8e12,
  denseFlopsPerSecond: { fp32: 67e12, tf32: 494.5e12, bf16: 989.5e12, fp16: 989.5e12, fp8: 1979e12, int8: 1979e12 },
  exponentialsPerSecond: 3.865e12,
  tdpWatts: 700,
  scaleUpBytesPerSecond: 450e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 4.59,
  purchaseUsd: 36_450,
  notes:
    "Compute identical to H100 SXM; more and faster memory. The only rental price in the sources is AWS p5e on-demand, " +
    "a hyperscaler list price ~3-4x neocloud prices: override it for neocloud comparisons.",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.mlperf_nv_h200, "141 GB HBM3e"),
    memoryBytesPerSecond: cite(src.epoch_chips, "4.8 TB/s"),
    denseFlopsPerSecond: cite(src.epoch_chips, "BF16 989.5 dense (NVIDIA: FP8 3,958 with sparsity); FP32 67"),
    exponentialsPerSecond: estimate(
      src.flash_attention_4,
      "16 exponentials per clock per SM (Hopper and Blackwell alike)",
      "16 × 132 SMs × 1.83 GHz: the clock at which 132 SMs of 4,096 dense BF16 FLOP/clock give the 989.5 TFLOP/s BF16 peak; NVIDIA publishes no exponential rate.",
    ),
    tdpWatts: cite(src.mlperf_nv_h200, "'H200 TGP 700W'"),
    scaleUpBytesPerSecond: cite(src.mlperf_nv_h200, "'18x 4th Gen NVLink, 900GB/s' bidirectional = 450 GB/s per direction"),
    scaleUpDomainChips: cite(src.mlperf_nv_h200, "8-GPU HGX node"),
    scaleOutBytesPerSecond: cite(src.mleng_net, "ConnectX-7 400 Gb/s per GPU typical; AWS p5en 16x200 Gb/s per 8 GPUs"),
    rentalUsdPerChipHour: runpodPrice("Pods - H200 $4.59/GPU-h", runpodReads.oct2026),
    purchaseUsd: estimate(src.epoch_prices, "$33,800-$39,100 per GPU (8-GPU HGX baseboard listings 2024-2025)", "Midpoint of the listing range."),
  },
} satisfies Chip;
