import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "l40s",
  name: "NVIDIA L40S 48GB",
  vendor: "NVIDIA",
  generation: "nvidia-ada",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 48e9,
  memoryBytesPerSecond: 864e9,
  denseFlopsPerSecond: { fp32: 91.6e12, tf32: 183e12, bf16: 362.05e12, fp16: 362.05e12, fp8: 733e12 },
  tdpWatts: 350,
  scaleUpBytesPerSecond: 32e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "Data-centre AD102 (18,176 CUDA cores, 568 Tensor Cores), passively cooled PCIe card. Datasheet Tensor figures are " +
    "dense with FP32 accumulate (the starred sparse figures are twice). No NVLink: multi-GPU traffic crosses PCIe 4.0 x16. " +
    "INT8 is not listed for the L40S in the reproduced table, so it is left out.",
  sources: {
    releaseYear: cite(src.nv_l40s_datasheet, "datasheet dated 2023"),
    memoryBytes: cite(src.nv_l40s_datasheet, "48 GB GDDR6 with ECC"),
    memoryBytesPerSecond: cite(src.nv_l40s_datasheet, "864 GB/s"),
    denseFlopsPerSecond: cite(src.nv_l40s_datasheet, "FP32 91.6; TF32 183 | 366*; BF16 362.05 | 733*; FP16 362.05 | 733*; FP8 733 | 1,466* (* with sparsity)"),
    tdpWatts: cite(src.nv_l40s_datasheet, "Max power consumption 350 W"),
    scaleUpBytesPerSecond: cite(src.nv_l40s_datasheet, "PCIe Gen4 x16: 64 GB/s bidirectional (32 GB/s per direction)"),
    scaleUpDomainChips: estimate(src.nv_l40s_datasheet, "no NVLink", "No NVLink: each card is its own scale-up domain; multi-card traffic crosses PCIe (modelled as domain 1)."),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "Ethernet NIC rates",
      "PCIe servers have no reference NIC per GPU; assumes one 100 Gb/s Ethernet port per card, as for the RTX cards.",
    ),
  },
} satisfies Chip;
