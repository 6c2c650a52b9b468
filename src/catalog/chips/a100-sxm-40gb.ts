import { cite, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "a100-sxm-40gb",
  name: "NVIDIA A100 SXM4 40GB",
  vendor: "NVIDIA",
  generation: "nvidia-ampere",
  releaseYear: 2020,
  use: "both",
  memoryBytes: 40e9,
  memoryBytesPerSecond: 1.555e12,
  denseFlopsPerSecond: { fp32: 19.5e12, tf32: 156e12, bf16: 312e12, fp16: 312e12, int8: 624e12 },
  tdpWatts: 400,
  scaleUpBytesPerSecond: 300e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 200e9 / 8,
  purchaseUsd: 15_000,
  notes:
    "No FP8/FP6/FP4. Datasheet tensor figures 312/624/1248 are '*with sparsity'; dense is half. " +
    "NVLink 3: 12 links x 25 GB/s per direction = 300 GB/s (600 GB/s bidirectional headline). " +
    "TDP 400 W (a CTS option allows 500 W).",
  sources: {
    releaseYear: cite(src.mleng_accel),
    memoryBytes: cite(src.klockwood_a100, "40 GB HBM2"),
    memoryBytesPerSecond: cite(src.upb_a100, "1,555 GB/s"),
    denseFlopsPerSecond: cite(src.upb_a100, "TF32 156 / BF16 312 / INT8 624 dense (sparse values marked '*With sparsity'); FP32 19.5"),
    tdpWatts: cite(src.mleng_accel, "A100 SXM4 max TDP 400 W"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "NVLink 3: 12 links x 25 GB/s per direction = 300 GB/s one way"),
    scaleUpDomainChips: cite(src.mleng_net, "DGX/HGX A100: 8 GPUs on 6 NVSwitch gen2"),
    scaleOutBytesPerSecond: cite(src.epoch_chips, "200 Gb/s internode per A100 (DGX A100: 8x 200 Gb/s HDR)"),
    purchaseUsd: cite(src.epoch_prices, "single-unit list price mid-2020 $15,000 (NextPlatform)"),
  },
} satisfies Chip;
