import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "l40s",
  name: "NVIDIA L40S",
  vendor: "NVIDIA",
  generation: "nvidia-ada",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 48e9,
  memoryBytesPerSecond: 864e9,
  denseFlopsPerSecond: { fp32: 91.6e12, tf32: 183e12, bf16: 362.05e12, fp16: 362.05e12, fp8: 733e12 },
  tdpWatts: 350,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 200e9 / 8,
  notes: "Data-centre AD102 card, PCIe Gen4 x16, no NVLink. Tensor figures are dense (the datasheet's starred values are 2:4 sparse).",
  sources: {
    releaseYear: cite(src.nv_l40s_datasheet),
    memoryBytes: cite(src.nv_l40s_datasheet, "48 GB GDDR6 with ECC"),
    memoryBytesPerSecond: cite(src.nv_l40s_datasheet, "864 GB/s"),
    denseFlopsPerSecond: cite(src.nv_l40s_datasheet, "BF16/FP16 362.05, FP8 733, TF32 183, FP32 91.6 dense TFLOPS"),
    tdpWatts: cite(src.nv_l40s_datasheet, "350 W max power"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: estimate(src.nv_l40s_datasheet, "no NVLink", "No NVLink: each card is its own scale-up domain; multi-card traffic crosses PCIe (modelled as domain 1)."),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "Ethernet/IB NIC rates", "PCIe servers of L40S typically carry one 200 Gb/s NIC per card or fewer; assumes 200 Gb/s per card."),
  },
} satisfies Chip;
