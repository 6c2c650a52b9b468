import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";
import mi300x from "./mi300x.ts";

export default {
  id: "mi325x",
  name: "AMD Instinct MI325X",
  vendor: "AMD",
  generation: "amd-cdna3",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 256e9,
  memoryBytesPerSecond: 6e12,
  denseFlopsPerSecond: { ...mi300x.denseFlopsPerSecond },
  tdpWatts: 1000,
  scaleUpBytesPerSecond: 448e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  notes:
    "Same compute as MI300X with 256 GB HBM3e at 6 TB/s. Measured max BF16 ~785 TFLOP/s (60%). No price found. " +
    "Same Infinity Fabric full mesh as MI300X (pairs get 1/7 of it).",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.rocm_gpu_specs, "MI325X 256 GiB HBM3e (vendor-labelled 256 GB)"),
    memoryBytesPerSecond: cite(src.mleng_accel, "6 TB/s"),
    denseFlopsPerSecond: cite(src.mleng_accel, "same compute as MI300X (AMD dense figures)"),
    tdpWatts: cite(src.mleng_accel, "1000 W peak TBP"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "7 links x 64 GB/s per direction = 448 GB/s"),
    scaleUpDomainChips: cite(src.mleng_net, "8-GPU platform"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "400 Gb/s per accelerator (CX-7, Pollara 400)",
      "Scale-out is platform-dependent; one 400 Gb/s NIC per GPU assumed as for MI300X platforms.",
    ),
  },
} satisfies Chip;
