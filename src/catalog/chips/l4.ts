import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "l4",
  name: "NVIDIA L4 24GB",
  vendor: "NVIDIA",
  generation: "nvidia-ada",
  releaseYear: 2023,
  use: "inference",
  memoryBytes: 24e9,
  memoryBytesPerSecond: 300e9,
  denseFlopsPerSecond: { fp32: 30.3e12, tf32: 60e12, bf16: 121e12, fp16: 121e12, fp8: 242.5e12, int8: 242.5e12 },
  tdpWatts: 72,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "AD104, single-slot low-profile 72 W inference card (T4's successor). The datasheet gives Tensor figures with sparsity; " +
    "the dense figures here are half of them. No NVLink: multi-GPU traffic crosses PCIe 4.0 x16.",
  sources: {
    releaseYear: cite(src.nv_l4_datasheet, "announced at GTC, March 2023"),
    memoryBytes: cite(src.nv_l4_datasheet, "24 GB GDDR6"),
    memoryBytesPerSecond: cite(src.nv_l4_datasheet, "300 GB/s"),
    denseFlopsPerSecond: estimate(
      src.nv_l4_datasheet,
      "FP32 30.3; TF32 120*, FP16/BF16 242*, FP8 485*, INT8 485* TOPS (* with sparsity)",
      "Dense = half the published 2:4-sparse Tensor figures (the same ratio NVIDIA publishes for the L40S and H100); FP32 is dense as published.",
    ),
    tdpWatts: cite(src.nv_l4_datasheet, "72 W"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: estimate(src.nv_l4_datasheet, "no NVLink", "No NVLink: each card is its own scale-up domain (modelled as domain 1)."),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "Ethernet NIC rates",
      "PCIe servers have no reference NIC per GPU; assumes one 100 Gb/s Ethernet port per card, as for the RTX cards.",
    ),
  },
} satisfies Chip;
