import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "tpu-v5e",
  name: "Google TPU v5e",
  vendor: "Google",
  generation: "google-tpu",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 16e9,
  memoryBytesPerSecond: 819e9,
  denseFlopsPerSecond: { bf16: 197e12, int8: 393e12 },
  tdpWatts: 140,
  scaleUpBytesPerSecond: 200e9,
  scaleUpDomainChips: 256,
  scaleOutBytesPerSecond: 25e9 / 8,
  notes:
    "1 TensorCore (4 MXUs) per chip, 8 chips per host, cloud-only. ICI: 2D torus, 4 ports per chip; Google's " +
    "'400 GBps bidirectional per chip' (older wording '1600 Gbps') = 200 GB/s per direction. Pod 256 chips (16x16): " +
    "all-reduce 51.2 TB/s, bisection 1.6 TB/s. DCN: 2 x 100 Gbps per 8-chip host.",
  sources: {
    releaseYear: cite(src.gcp_tpu_v5e),
    memoryBytes: cite(src.gcp_tpu_v5e, "16 GB HBM2 per chip"),
    memoryBytesPerSecond: cite(src.gcp_tpu_v5e, "819 GBps"),
    denseFlopsPerSecond: cite(src.gcp_tpu_v5e, "197 TFLOPs bf16, 393 TOPs int8 per chip"),
    tdpWatts: estimate(src.epoch_chips, "TPU v5e 140 W", "Google publishes no TDP; Epoch's chip dataset lists 140 W (unverified)."),
    scaleUpBytesPerSecond: cite(src.gcp_tpu_v5e, "ICI 400 GBps bidirectional per chip ('1600 Gbps' one way) = 200 GB/s per direction"),
    scaleUpDomainChips: cite(src.gcp_tpu_v5e, "pod of 256 chips"),
    scaleOutBytesPerSecond: cite(src.gcp_tpu_v5e, "2 x 100 Gbps NICs per 8-chip host = 25 Gb/s per chip"),
  },
} satisfies Chip;
