import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "rtx-4090",
  name: "NVIDIA GeForce RTX 4090",
  vendor: "NVIDIA",
  generation: "nvidia-ada",
  releaseYear: 2022,
  use: "inference",
  memoryBytes: 24e9,
  memoryBytesPerSecond: 1008e9,
  denseFlopsPerSecond: { fp32: 82.6e12, tf32: 82.6e12, bf16: 165.2e12, fp16: 165.2e12, fp8: 330.3e12, int8: 660.6e12 },
  tdpWatts: 450,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  purchaseUsd: 1_599,
  notes:
    "Consumer card, AD102. Tensor figures use FP32 accumulate (GeForce half rate): BF16/FP16 165.2 and FP8 330.3 dense; " +
    "with FP16 accumulate they double. No NVLink; PCIe 4.0 x16 (GPU peer-to-peer is disabled on GeForce Ada, so " +
    "multi-card traffic is staged through host memory).",
  sources: {
    releaseYear: cite(src.nv_ada_whitepaper),
    memoryBytes: cite(src.nv_ada_whitepaper, "24 GB GDDR6X"),
    memoryBytesPerSecond: cite(src.nv_ada_whitepaper, "1008 GB/s"),
    denseFlopsPerSecond: cite(
      src.nv_ada_whitepaper,
      "FP8 Tensor (FP32 acc) 330.3/660.6, FP16/BF16 Tensor (FP32 acc) 165.2/330.4, TF32 82.6/165.2, INT8 660.6/1321.2 dense/sparse; FP32 82.6",
    ),
    tdpWatts: cite(src.nv_ada_whitepaper, "450 W total graphics power"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: estimate(
      src.nv_ada_whitepaper,
      "no NVLink on AD102 GeForce",
      "No NVLink: each card is its own scale-up domain; multi-card traffic crosses PCIe (modelled as domain 1).",
    ),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "Ethernet NIC rates", "Consumer rigs have no reference NIC; assumes one 100 Gb/s Ethernet port per card."),
    purchaseUsd: cite(src.nv_geforce_msrp, "RTX 4090 $1,599"),
  },
} satisfies Chip;
