import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

const GiB = 2 ** 30;

export default {
  id: "tpu-v4",
  name: "Google TPU v4",
  vendor: "Google",
  generation: "google-tpu",
  releaseYear: 2021,
  use: "training",
  memoryBytes: 32 * GiB,
  memoryBytesPerSecond: 1.2e12,
  denseFlopsPerSecond: { bf16: 275e12, int8: 275e12 },
  tdpWatts: 192,
  scaleUpBytesPerSecond: 6 * 45e9,
  scaleUpDomainChips: 4096,
  scaleOutBytesPerSecond: 50e9 / 8,
  notes:
    "2 TensorCores per chip (megacore), 4 chips per host, cloud-only. ICI: 3D torus of 4x4x4 cubes joined by optical circuit " +
    "switches; Google states no per-chip ICI figure, so scale-up is 6 links x ~45 GB/s one way (scaling book). " +
    "Pod 4096 chips, all-reduce bandwidth 1.1 PB/s, bisection 24 TB/s. TDP is Google's measured max (mean 170 W).",
  sources: {
    releaseYear: cite(src.gcp_tpu_v4),
    memoryBytes: cite(src.gcp_tpu_v4, "32 GiB HBM2 per chip"),
    memoryBytesPerSecond: cite(src.gcp_tpu_v4, "1200 GBps"),
    denseFlopsPerSecond: cite(src.gcp_tpu_v4, "'Peak compute per chip 275 teraflops (bf16 or int8)'"),
    tdpWatts: cite(src.gcp_tpu_v4, "measured min/mean/max power 90/170/192 W per chip"),
    scaleUpBytesPerSecond: estimate(
      src.scalingbook_tpus,
      "~45 GB/s one-way per ICI link, 6 neighbours (v4p)",
      "Google's v4 page gives no per-chip ICI bandwidth; 6 x 45 GB/s = 270 GB/s one way from the scaling book (Google DeepMind authors).",
    ),
    scaleUpDomainChips: cite(src.gcp_tpu_v4, "pod of 4096 chips"),
    scaleOutBytesPerSecond: estimate(
      src.gcp_tpu_v5p,
      "v5p: 'DCN bandwidth per chip 50 Gbps'",
      "No DCN figure for v4; assumes v5p's documented 50 Gb/s per chip (both have 4 chips per host).",
    ),
  },
} satisfies Chip;
