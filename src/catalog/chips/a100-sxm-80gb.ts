import { cite, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";
import a100Sxm40gb from "./a100-sxm-40gb.ts";

export default {
  id: "a100-sxm-80gb",
  name: "NVIDIA A100 SXM4 80GB",
  vendor: "NVIDIA",
  generation: "nvidia-ampere",
  releaseYear: 2020,
  use: "both",
  memoryBytes: 80e9,
  memoryBytesPerSecond: 2.039e12,
  denseFlopsPerSecond: { ...a100Sxm40gb.denseFlopsPerSecond },
  tdpWatts: 400,
  scaleUpBytesPerSecond: 300e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 200e9 / 8,
  rentalUsdPerChipHour: 1.59,
  purchaseUsd: 17_500,
  notes: "Same compute as the 40 GB part; only memory (HBM2e, 2.039 TB/s) differs. No FP8. Dense = half the datasheet sparse figures.",
  sources: {
    releaseYear: cite(src.mleng_accel),
    memoryBytes: cite(src.klockwood_a100, "80 GB HBM2e"),
    memoryBytesPerSecond: cite(src.thunder_a100, "2,039 GB/s (SXM4 80GB)"),
    denseFlopsPerSecond: cite(src.klockwood_a100, "same GA100 compute as the 40 GB SXM4: TF32 156, BF16/FP16 312, INT8 624 dense; FP32 19.5"),
    tdpWatts: cite(src.mleng_accel, "A100 SXM4 max TDP 400 W"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "NVLink 3: 300 GB/s per direction"),
    scaleUpDomainChips: cite(src.mleng_net, "HGX A100 8-GPU NVSwitch domain"),
    scaleOutBytesPerSecond: cite(src.epoch_chips, "200 Gb/s internode per A100"),
    rentalUsdPerChipHour: runpodPrice("A100 SXM 80GB $1.59/GPU-h", runpodReads.aug2026),
    purchaseUsd: cite(src.epoch_prices, "2025 listings ~$17.3k-$17.5k per GPU"),
  },
} satisfies Chip;
