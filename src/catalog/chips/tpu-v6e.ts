import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "tpu-v6e",
  name: "Google TPU v6e (Trillium)",
  vendor: "Google",
  generation: "google-tpu",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 32e9,
  memoryBytesPerSecond: 1.638e12,
  denseFlopsPerSecond: { bf16: 918e12, fp8: 918e12, int8: 1836e12 },
  tdpWatts: 390,
  scaleUpBytesPerSecond: 400e9,
  scaleUpDomainChips: 256,
  scaleOutBytesPerSecond: 50e9 / 8,
  notes:
    "1 TensorCore with two 256x256 MXUs per chip, 8 chips per host, cloud-only. ICI: 2D torus, 4 ports; Google's 800 GBps " +
    "bidirectional per chip = 400 GB/s per direction. Pod 256 chips: 234.9 PF bf16, all-reduce 102.4 TB/s, bisection 3.2 TB/s.",
  sources: {
    releaseYear: cite(src.gcp_tpu_v6e),
    memoryBytes: cite(src.gcp_tpu_v6e, "32 GB HBM per chip"),
    memoryBytesPerSecond: cite(src.gcp_tpu_v6e, "1640 GBps (1.638 TB/s)"),
    denseFlopsPerSecond: cite(src.gcp_tpu_v6e, "918 TFLOPs bf16, 1836 TOPs int8"),
    "denseFlopsPerSecond.fp8": cite(src.gcp_tpu7x, "TPU7x comparison table lists v6e FP8 at 918"),
    tdpWatts: estimate(
      src.google_trillium_blog,
      "'over 67% more energy-efficient than TPU v5e'",
      "Google publishes no TDP. v5e ~140 W (Epoch) at 197 TFLOPs = 1.41 TFLOPs/W; x1.67 = 2.35 TFLOPs/W; 918 / 2.35 = ~390 W.",
    ),
    scaleUpBytesPerSecond: cite(src.gcp_tpu_v6e, "ICI 800 GBps bidirectional per chip = 400 GB/s per direction"),
    scaleUpDomainChips: cite(src.gcp_tpu_v6e, "pod of 256 chips"),
    scaleOutBytesPerSecond: estimate(
      src.gcp_tpu_v5p,
      "v5p: DCN 50 Gbps per chip",
      "No DCN figure for v6e in the sources; assumes v5p's documented 50 Gb/s per chip (2x v5e's 25).",
    ),
  },
} satisfies Chip;
