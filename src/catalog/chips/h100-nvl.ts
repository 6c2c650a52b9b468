import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h100-nvl",
  name: "NVIDIA H100 NVL 94GB",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2023,
  use: "inference",
  memoryBytes: 94e9,
  memoryBytesPerSecond: 3.9e12,
  denseFlopsPerSecond: { fp32: 60e12, tf32: 417.5e12, bf16: 835.5e12, fp16: 835.5e12, fp8: 1670.5e12, int8: 1670.5e12 },
  tdpWatts: 400,
  scaleUpBytesPerSecond: 300e9,
  scaleUpDomainChips: 2,
  scaleOutBytesPerSecond: 400e9 / 8,
  notes:
    "PCIe Gen5 dual-slot Hopper card (132 SMs, 528 Tensor Cores) with 94 GB HBM3, sold for LLM inference in pairs joined " +
    "by NVLink bridges (600 GB/s bidirectional, 188 GB per pair). TDP configurable 350-400 W; 400 W is used. Not the " +
    "H100 PCIe (80 GB HBM2e, 114 SMs). The Tensor figures are estimates (see sources).",
  sources: {
    releaseYear: cite(src.h100_nvl_pages, "announced March 21, 2023"),
    memoryBytes: cite(src.h100_nvl_pages, "94 GB HBM3 per GPU"),
    memoryBytesPerSecond: cite(src.h100_nvl_pages, "memory bandwidth 3.9 TB/s per GPU (3.93 TB/s)"),
    denseFlopsPerSecond: estimate(
      src.h100_nvl_pages,
      "132 SMs / 528 Tensor Cores at 350-400 W",
      "No Tensor table for the H100 NVL was retrieved (the pages found print inconsistent figures). NVIDIA's H100 datasheet is recalled to list " +
        "H100 NVL BF16/FP16 1,671*, FP8/INT8 3,341*, TF32 835* TFLOPS (* sparse) and FP32 60; halved: 835.5 / 1,670.5 / 417.5 dense. " +
        "Unverified here; bracketed by H100 PCIe 756 (114 SMs, 350 W) and H100 SXM 989.4 (132 SMs, 700 W) dense BF16.",
    ),
    tdpWatts: cite(src.h100_nvl_pages, "TDP 350-400 W configurable (approximately 400 W per card)"),
    scaleUpBytesPerSecond: cite(src.h100_nvl_pages, "NVLink bridge 600 GB/s bidirectional = 300 GB/s per direction"),
    scaleUpDomainChips: cite(src.h100_nvl_pages, "two cards connected by the NVLink bridge (188 GB per pair)"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "ConnectX-7 400 Gb/s",
      "PCIe servers have no reference NIC per GPU; assumes one ConnectX-7 400 Gb/s per GPU as for the H100 PCIe. Many servers have fewer.",
    ),
  },
} satisfies Chip;
