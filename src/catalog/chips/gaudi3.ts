import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "gaudi3",
  name: "Intel Gaudi 3",
  vendor: "Intel (Habana)",
  generation: "intel-gaudi",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 128e9,
  memoryBytesPerSecond: 3.7e12,
  denseFlopsPerSecond: { fp32: 229e12, tf32: 459e12, bf16: 1677e12, fp16: 459e12, fp8: 1677e12 },
  tdpWatts: 900,
  scaleUpBytesPerSecond: 525e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 600e9 / 8,
  purchaseUsd: 125_000 / 8,
  notes:
    "Whitepaper 1835 TFLOPS BF16/FP8 at 1750 MHz; shipping parts run the MME at 1600 MHz -> 1677. FP16 (459) is far below " +
    "BF16 on the MME per ml-engineering; Epoch's FP32 14.3 / FP16 28.7 are vector (TPC) figures. Measured max BF16 ~1243 " +
    "(74%). 24 x 200 GbE on chip: 21 scale-up (3 per peer), 3 scale-out.",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.hf_gaudi_docs, "128 GB Gaudi 3"),
    memoryBytesPerSecond: cite(src.mleng_accel, "3.7 TB/s HBM2e"),
    denseFlopsPerSecond: cite(src.mleng_accel, "MME BF16/FP8 1677 at 1600 MHz; FP16/TF32 459, FP32 229"),
    tdpWatts: cite(src.mleng_accel, "900 W (OAM)"),
    scaleUpBytesPerSecond: cite(src.habana_netcfg, "21 x 200 Gbps scale-up ports = 525 GB/s per card per direction"),
    scaleUpDomainChips: cite(src.habana_netcfg, "HLS-3 8-card box"),
    scaleOutBytesPerSecond: cite(src.habana_netcfg, "3 x 200 Gbps scale-out ports per card"),
    purchaseUsd: estimate(src.mleng_accel, "commonly reported $125k per 8-accelerator kit (Computex 2024)", "UNVERIFIED report quoted in hardware-facts.json; divided by 8."),
  },
} satisfies Chip;
