import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "rtx-3090",
  name: "NVIDIA GeForce RTX 3090",
  vendor: "NVIDIA",
  generation: "nvidia-ampere",
  releaseYear: 2020,
  use: "inference",
  memoryBytes: 24e9,
  memoryBytesPerSecond: 936e9,
  denseFlopsPerSecond: { fp32: 35.6e12, tf32: 35.6e12, bf16: 71e12, fp16: 71e12, int8: 284e12 },
  tdpWatts: 350,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  purchaseUsd: 1_499,
  notes:
    "Consumer card, GA102. Tensor FP16/BF16 with FP32 accumulate: 71 dense (GeForce runs FP32 accumulate at half rate; " +
    "FP16 accumulate is 142 dense). Scale-up modelled as PCIe 4.0 x16, domain 1: an optional 2-way NVLink bridge exists " +
    "on the 3090 but is rare in inference rigs; cards talk over PCIe. No FP8.",
  sources: {
    releaseYear: cite(src.nv_ga102_whitepaper),
    memoryBytes: cite(src.nv_ga102_whitepaper, "24 GB GDDR6X"),
    memoryBytesPerSecond: cite(src.nv_ga102_whitepaper, "936 GB/s"),
    denseFlopsPerSecond: cite(src.nv_ga102_whitepaper, "FP16/BF16 Tensor with FP32 accumulate 71/142 (dense/sparse), TF32 Tensor 35.6/71, INT8 Tensor 284/568, FP32 35.6"),
    tdpWatts: cite(src.nv_ga102_whitepaper, "350 W total graphics power"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: estimate(
      src.nv_ga102_whitepaper,
      "PCIe Gen 4 card",
      "No NVLink switch: each card is its own scale-up domain; multi-card traffic crosses PCIe (modelled as domain 1).",
    ),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "Ethernet NIC rates", "Consumer rigs have no reference NIC; assumes one 100 Gb/s Ethernet port per card."),
    purchaseUsd: cite(src.nv_geforce_msrp, "RTX 3090 $1,499"),
  },
} satisfies Chip;
