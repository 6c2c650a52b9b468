import { cite, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "maia-100",
  name: "Microsoft Azure Maia 100",
  vendor: "Microsoft",
  generation: "microsoft-maia",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 64e9,
  memoryBytesPerSecond: 1.8e12,
  denseFlopsPerSecond: { bf16: 800e12 },
  tdpWatts: 700,
  scaleUpBytesPerSecond: 450e9,
  scaleUpDomainChips: 4,
  scaleOutBytesPerSecond: 1200e9 / 8,
  notes:
    "Azure-internal, not sold or rented. Also 1.5 POPS MX9 (9-bit) and 3 POPS MX6 (6-bit) dense: MX block formats with " +
    "shared exponents, not FP8/FP6, so left out of the table. Designed to 700 W TDP, provisioned at 500 W in production. " +
    "12 x 400 GbE per chip: 9 to the 3 in-node peers (3 each), 3 to three T0 switch planes.",
  sources: {
    releaseYear: cite(src.klockwood_maia),
    memoryBytes: cite(src.maia_hotchips_slides, "64GB HBM2E"),
    memoryBytesPerSecond: cite(src.maia_hotchips_slides, "1.8TB/s"),
    denseFlopsPerSecond: cite(src.maia_hotchips_slides, "'Peak Dense Tensor POPS: BF16 0.8'"),
    tdpWatts: cite(src.maia_hotchips_slides, "design TDP 700W (provision TDP 500W)"),
    scaleUpBytesPerSecond: cite(src.klockwood_maia, "9 x 400 GbE to three in-node peers = 450 GB/s per direction"),
    scaleUpDomainChips: cite(src.klockwood_maia, "4 Maia chips per node"),
    scaleOutBytesPerSecond: cite(src.klockwood_maia, "3 x 400 GbE to three T0 planes = 1200 Gb/s"),
  },
} satisfies Chip;
