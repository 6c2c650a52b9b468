import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h800-sxm",
  name: "NVIDIA H800 SXM5 80GB (China export variant)",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 80e9,
  memoryBytesPerSecond: 3.35e12,
  denseFlopsPerSecond: { tf32: 494.5e12, bf16: 989e12, fp16: 989e12, fp8: 1979e12, int8: 1979e12 },
  tdpWatts: 700,
  scaleUpBytesPerSecond: 200e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  purchaseUsd: 33_800,
  notes:
    "UNVERIFIED part: no NVIDIA datasheet in the sources. Tensor throughput reported equal to H100 SXM; NVLink cut to " +
    "~400 GB/s bidirectional. FP64/FP32 left out (sources conflict: 29.65 vs ~1 TFLOPS FP64). " +
    "DeepSeek-V3 trained on 2,048 H800 with 400G InfiniBand (multi-plane fat-tree).",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.epoch_chips, "H800 SXM5 80 GB HBM3 (TechPowerUp row)"),
    memoryBytesPerSecond: cite(src.epoch_chips, "3.35 TB/s (TechPowerUp row)"),
    denseFlopsPerSecond: cite(src.epoch_chips, "BF16 989 dense, INT8 1979, TF32 494.5 (secondary, via TechPowerUp)"),
    "denseFlopsPerSecond.fp8": estimate(src.epoch_chips, "INT8 1979 TOPS", "No FP8 figure published for H800; set equal to INT8 as on every Hopper part."),
    tdpWatts: cite(src.epoch_chips, "700 W (TechPowerUp row)"),
    scaleUpBytesPerSecond: estimate(
      src.tomshw_h800,
      "chip-to-chip rate cut to ~half of H100",
      "Widely reported ~400 GB/s bidirectional (vs 900 on H100); halved to 200 GB/s per direction. No NVIDIA datasheet seen.",
    ),
    scaleUpDomainChips: cite(src.deepseek_isca, "8-GPU HGX nodes with NVLink inside the node"),
    scaleOutBytesPerSecond: estimate(
      src.deepseek_isca,
      "400G InfiniBand multi-plane fat-tree",
      "One 400 Gb/s NIC per GPU assumed, as in DGX H100; per-GPU NIC count not read in primary text.",
    ),
    purchaseUsd: cite(src.epoch_prices, "2025 listing $33,800 per GPU"),
  },
} satisfies Chip;
