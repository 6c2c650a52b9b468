import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h100-sxm",
  name: "NVIDIA H100 SXM5 80GB",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2022,
  use: "both",
  memoryBytes: 80e9,
  memoryBytesPerSecond: 3.35e12,
  denseFlopsPerSecond: { fp32: 67e12, tf32: 494.7e12, bf16: 989.4e12, fp16: 989.4e12, fp8: 1978.9e12, int8: 1978.9e12 },
  exponentialsPerSecond: 3.865e12,
  tdpWatts: 700,
  scaleUpBytesPerSecond: 450e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 3.29,
  purchaseUsd: 27_500,
  notes:
    "Dense figures are half the datasheet's sparse headline. Measured max BF16 matmul ~795 TFLOP/s (80%), FP8 ~1403 (71%). " +
    "Measured NVLink p2p ~376-380 GB/s one way of 450 (NCCL #1264). Hyperscaler on-demand is ~$11-12/GPU-h (Mar 2025).",
  sources: {
    releaseYear: cite(src.mleng_accel),
    memoryBytes: cite(src.nv_h100_table_hpctech, "SXM: 80 GB HBM3"),
    memoryBytesPerSecond: cite(src.nv_h100_table_hpctech, "SXM: 3.35 TB/s"),
    denseFlopsPerSecond: cite(src.nv_h100_table_hpctech, "SXM Tensor TF32 989 / BF16 1979 / FP8 3958 with sparsity, halved; FP32 67 (non-tensor)"),
    exponentialsPerSecond: estimate(
      src.flash_attention_4,
      "16 exponentials per clock per SM (Hopper and Blackwell alike)",
      "16 × 132 SMs × 1.83 GHz: the clock at which 132 SMs of 4,096 dense BF16 FLOP/clock give the 989.4 TFLOP/s BF16 peak; NVIDIA publishes no exponential rate.",
    ),
    tdpWatts: cite(src.nv_h100_table_hpctech, "SXM: up to 700 W (configurable)"),
    scaleUpBytesPerSecond: cite(src.scaleway_h100, "NVLink 4: 900 GB/s bidirectional per H100 = 450 GB/s each direction"),
    scaleUpDomainChips: cite(src.nv_dgx_h100_quoted, "8 GPUs on 4 NVSwitches"),
    scaleOutBytesPerSecond: cite(src.mlperf_dell_h100, "8x 400 Gb/s InfiniBand per 8-GPU node (DGX H100: 8x single-port ConnectX-7)"),
    rentalUsdPerChipHour: runpodPrice("H100 SXM $3.29/GPU-h", runpodReads.aug2026),
    purchaseUsd: estimate(
      src.epoch_h100_cost_nb,
      "H100 sold at $25,000-$30,000 (Raymond James via Barron's)",
      "Midpoint of the $25k-$30k analyst range; NVIDIA publishes no list price.",
    ),
  },
} satisfies Chip;
