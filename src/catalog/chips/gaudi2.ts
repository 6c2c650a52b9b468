import { cite, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "gaudi2",
  name: "Intel Gaudi 2",
  vendor: "Intel (Habana)",
  generation: "intel-gaudi",
  releaseYear: 2022,
  use: "both",
  memoryBytes: 96e9,
  memoryBytesPerSecond: 2.45e12,
  denseFlopsPerSecond: { bf16: 432e12, fp8: 865e12 },
  tdpWatts: 600,
  scaleUpBytesPerSecond: 262.5e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 300e9 / 8,
  purchaseUsd: 65_000 / 8,
  notes:
    "MME BF16 432 = 1650 MHz x 256x256 x 2 x 2 MMEs (Epoch lists 450). FP32/TF32/FP16/INT8 supported but unlisted. " +
    "Measured max BF16 ~419 TFLOP/s (97%). 24 x 100 GbE RoCE v2 on chip: 21 to the 7 peers (3 each), 3 for scale-out.",
  sources: {
    releaseYear: cite(src.habana_arch),
    memoryBytes: cite(src.hf_gaudi_docs, "96 GB Gaudi 2"),
    memoryBytesPerSecond: cite(src.mleng_accel, "2.45 TB/s HBM2e"),
    denseFlopsPerSecond: cite(src.mleng_accel, "BF16 432 (MME clock-derived, Intel whitepaper), FP8 865"),
    tdpWatts: cite(src.mleng_accel, "600 W"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "21 x 100 Gb/s = 262.5 GB/s per card per direction"),
    scaleUpDomainChips: cite(src.hf_gaudi_docs, "8 HPUs per server"),
    scaleOutBytesPerSecond: cite(src.mleng_net, "3 x 100 GbE scale-out ports per card (2.4 Tb/s per 8-card node)"),
    purchaseUsd: cite(src.tomshw_gaudi_h20_price, "Intel-disclosed $65k per 8-accelerator kit (TechRadar, Jun 2024)"),
  },
} satisfies Chip;
