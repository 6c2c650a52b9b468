import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "rtx-a6000",
  name: "NVIDIA RTX A6000 48GB",
  vendor: "NVIDIA",
  generation: "nvidia-ampere",
  releaseYear: 2020,
  use: "both",
  memoryBytes: 48e9,
  memoryBytesPerSecond: 768e9,
  denseFlopsPerSecond: { fp32: 38.7e12, tf32: 77.4e12, bf16: 154.8e12, fp16: 154.8e12, int8: 309.7e12 },
  tdpWatts: 300,
  scaleUpBytesPerSecond: 112.5e9 / 2,
  scaleUpDomainChips: 2,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "Workstation GA102 (84 SMs, 10,752 CUDA cores, 336 third-generation Tensor Cores), 48 GB GDDR6 with ECC. Tensor " +
    "figures are dense (the 2:4-sparse figures are twice). No FP8 on Ampere. A 2-way NVLink bridge joins a pair of cards " +
    "at 112.5 GB/s bidirectional; beyond a pair, traffic crosses PCIe 4.0 x16.",
  sources: {
    releaseYear: cite(src.sth_rtx_a6000, "announced October 2020"),
    memoryBytes: cite(src.sth_rtx_a6000, "GPU Memory 48 GB GDDR6 with ECC"),
    memoryBytesPerSecond: cite(src.sth_rtx_a6000, "Memory Bandwidth 768 GB/s"),
    denseFlopsPerSecond: estimate(
      src.llmperf_rtx_a6000,
      "FP16/BF16 154.8 TFLOPS dense (309.7 with sparsity), INT8 309.7 TOPS",
      "BF16/FP16 154.8 and INT8 309.7 are the published dense figures. FP32 38.7 = 10,752 CUDA cores x 2 FLOP x 1.80 GHz boost. " +
        "TF32 77.4 = half the dense FP16 rate, the GA102 Tensor ratio NVIDIA prints for the A40 (TF32 74.8 vs FP16 149.7 dense).",
    ),
    tdpWatts: cite(src.sth_rtx_a6000, "Max Power Consumption 300W"),
    scaleUpBytesPerSecond: cite(src.sth_rtx_a6000, "NVLink Interconnect 112.5 GB/s (bidirectional) = 56.25 GB/s per direction"),
    scaleUpDomainChips: cite(src.sth_rtx_a6000, "NVLink 2-way low profile bridges: connect 2x RTX A6000"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "Ethernet NIC rates",
      "PCIe workstations have no reference NIC per GPU; assumes one 100 Gb/s Ethernet port per card, as for the RTX cards.",
    ),
  },
} satisfies Chip;
