import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h100-pcie",
  name: "NVIDIA H100 PCIe 80GB",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2022,
  use: "both",
  memoryBytes: 80e9,
  memoryBytesPerSecond: 2.0e12,
  denseFlopsPerSecond: { fp32: 51e12, tf32: 378e12, bf16: 756e12, fp16: 756e12, fp8: 1513e12, int8: 1513e12 },
  tdpWatts: 350,
  scaleUpBytesPerSecond: 300e9,
  scaleUpDomainChips: 2,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 2.89,
  purchaseUsd: 24_500,
  notes:
    "114 SMs, HBM2e (the datasheet; ml-engineering says HBM3). Scale-up is an NVLink 4 bridge joining 2 cards " +
    "(600 GB/s bidirectional); without a bridge GPU-GPU traffic uses PCIe Gen5 (~63 GB/s per direction). " +
    "Not the H100 NVL (94 GB HBM3).",
  sources: {
    releaseYear: cite(src.epoch_chips),
    memoryBytes: cite(src.nv_h100_table_hpctech, "PCIe: 80 GB HBM2e"),
    memoryBytesPerSecond: cite(src.nv_h100_table_hpctech, "PCIe: 2 TB/s"),
    denseFlopsPerSecond: cite(src.nv_h100_table_hpctech, "PCIe Tensor TF32 756 / BF16 1513 / FP8 3026 with sparsity, halved; FP32 51"),
    tdpWatts: cite(src.nv_h100_pcie_pb, "'operates unconstrained up to its maximum TDP level of 350 W'"),
    scaleUpBytesPerSecond: cite(src.nv_h100_table_hpctech, "NVLink bridge 600 GB/s bidirectional = 300 GB/s per direction"),
    scaleUpDomainChips: cite(src.nv_h100_pcie_pb, "NVLink bridge connects pairs of cards"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "ConnectX-7 400 Gb/s",
      "The JSON lists the NIC as platform-dependent; assumes one ConnectX-7 400 Gb/s per GPU as in HGX H100. Many PCIe servers have fewer NICs per GPU.",
    ),
    rentalUsdPerChipHour: runpodPrice("H100 PCIe $2.89/GPU-h", runpodReads.aug2026),
    purchaseUsd: cite(src.epoch_prices, "2025 marketplace listing $24,500"),
  },
} satisfies Chip;
