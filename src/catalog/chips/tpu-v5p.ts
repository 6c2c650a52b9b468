import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

const GiB = 2 ** 30;

export default {
  id: "tpu-v5p",
  name: "Google TPU v5p",
  vendor: "Google",
  generation: "google-tpu",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 95 * GiB,
  memoryBytesPerSecond: 2.765e12,
  denseFlopsPerSecond: { bf16: 459e12, fp8: 459e12, int8: 918e12 },
  tdpWatts: 320,
  scaleUpBytesPerSecond: 600e9,
  scaleUpDomainChips: 8960,
  scaleOutBytesPerSecond: 50e9 / 8,
  notes:
    "2 TensorCores + 4 SparseCores per chip, 4 chips per host, cloud-only. FP8 runs at the BF16 rate. ICI: 3D torus with " +
    "optical circuit switches; Google's '1200 GBps bidirectional per chip' = 600 GB/s per direction. Pod 8960 chips; " +
    "largest schedulable slice 6144. No price in the sources.",
  sources: {
    releaseYear: cite(src.gcp_tpu_v5p),
    memoryBytes: cite(src.gcp_tpu_v5p, "95 GiB HBM2e per chip"),
    memoryBytesPerSecond: cite(src.gcp_tpu_v5p, "2765 GBps"),
    denseFlopsPerSecond: cite(src.gcp_tpu_v5p, "459 TFLOPs BF16 and 459 FP8 per chip"),
    "denseFlopsPerSecond.int8": cite(src.scalingbook_tpus, "v5p int8 918 TOPS"),
    tdpWatts: estimate(
      src.gcp_tpu_v4,
      "TPU v4 measured max 192 W at 275 TFLOPs",
      "Google publishes no v5p TDP; scaled from v4's measured 192 W by the BF16 ratio 459/275 (no process gain assumed) = 320 W.",
    ),
    scaleUpBytesPerSecond: cite(src.gcp_tpu_v5p, "'Bidirectional ICI bandwidth per chip 1200 GBps' = 600 GB/s per direction"),
    scaleUpDomainChips: cite(src.gcp_tpu_v5p, "pod of 8960 chips"),
    scaleOutBytesPerSecond: cite(src.gcp_tpu_v5p, "'Data center network (DCN) bandwidth per chip 50 Gbps'"),
  },
} satisfies Chip;
