import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

const GiB = 2 ** 30;

export default {
  id: "tpu-v7",
  name: "Google TPU7x (Ironwood)",
  vendor: "Google",
  generation: "google-tpu",
  releaseYear: 2025,
  use: "both",
  memoryBytes: 192 * GiB,
  memoryBytesPerSecond: 7.37e12,
  denseFlopsPerSecond: { bf16: 2307e12, fp8: 4614e12 },
  tdpWatts: 980,
  scaleUpBytesPerSecond: 600e9,
  scaleUpDomainChips: 9216,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "2 TensorCores + 4 SparseCores (two chiplets), 4 chips per VM, cloud-only. ICI: 3D torus, 200 GBps bidirectional per " +
    "axis; Google's '1200 GBps bidirectional per chip' = 600 GB/s per direction. Pod 9,216 chips. No price in the sources.",
  sources: {
    releaseYear: cite(src.gcp_tpu7x),
    memoryBytes: cite(src.gcp_tpu7x, "192 GiB HBM per chip"),
    memoryBytesPerSecond: cite(src.gcp_tpu7x, "7.37 TB/s"),
    denseFlopsPerSecond: cite(src.gcp_tpu7x, "2307 TFLOPs BF16, 4614 TFLOPs FP8 per chip"),
    tdpWatts: estimate(src.epoch_chips, "TPU7x ~980 W", "Not in Google docs; Epoch's chip dataset lists ~980 W (unverified)."),
    scaleUpBytesPerSecond: cite(src.gcp_tpu7x, "'Bidirectional ICI bandwidth per chip 1200 GBps' = 600 GB/s per direction"),
    scaleUpDomainChips: cite(src.gcp_tpu7x, "pod of 9,216 chips"),
    scaleOutBytesPerSecond: estimate(src.gcp_tpu7x, "2 NICs per 4-chip VM", "NIC speed not stated; assumes 200 Gb/s NICs, so 2 x 200 / 4 = 100 Gb/s per chip."),
  },
} satisfies Chip;
