import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "rtx-6000-ada",
  name: "NVIDIA RTX 6000 Ada Generation 48GB",
  vendor: "NVIDIA",
  generation: "nvidia-ada",
  releaseYear: 2022,
  use: "both",
  memoryBytes: 48e9,
  memoryBytesPerSecond: 960e9,
  denseFlopsPerSecond: { fp32: 91.1e12, tf32: 182e12, bf16: 360.1e12, fp16: 360.1e12, fp8: 729e12 },
  tdpWatts: 300,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "Workstation AD102 with the same unit counts as the L40S (142 SMs, 18,176 CUDA cores, 568 Tensor Cores), actively " +
    "cooled, 300 W, 48 GB GDDR6 with ECC at 960 GB/s. No NVLink: multi-GPU traffic crosses PCIe 4.0 x16. Tensor figures " +
    "are scaled from the L40S (see sources), dense, FP32 accumulate; INT8 is left out as for the L40S.",
  sources: {
    releaseYear: cite(src.heise_rtx6000_ada, "announced and listed by NVIDIA in December 2022"),
    memoryBytes: cite(src.nv_rtx6000_ada_repro, "48 GB GDDR6 with ECC, 384-bit"),
    memoryBytesPerSecond: cite(src.heise_rtx6000_ada, "20 Gb/s per pin on 384 bits: 960 GByte/s"),
    denseFlopsPerSecond: estimate(
      src.nv_l40s_datasheet,
      "L40S FP32 91.6; TF32 183; BF16/FP16 362.05; FP8 733 TFLOPS dense; RTX 6000 Ada FP32 91.1 TFLOPS (heise, PNY/Leadtek)",
      "No Tensor table for the RTX 6000 Ada was retrieved. It is the same AD102 configuration as the L40S (18,176 CUDA / 568 Tensor cores), " +
        "so each L40S dense Tensor figure is scaled by the published FP32 ratio 91.1/91.6 (the clock ratio): TF32 182, BF16/FP16 360.1, " +
        "FP8 729 TFLOPS. FP32 91.1 is as published. Assumes the professional card's full-rate FP32 accumulate, as on the L40S.",
    ),
    tdpWatts: cite(src.heise_rtx6000_ada, "Stromverbrauch 300 Watt"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: estimate(
      src.nv_rtx6000_ada_repro,
      "system bus PCIe 4.0 x16; no NVLink bridge listed",
      "No NVLink on the Ada workstation card: each card is its own scale-up domain (modelled as domain 1).",
    ),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "Ethernet NIC rates",
      "PCIe workstations have no reference NIC per GPU; assumes one 100 Gb/s Ethernet port per card, as for the RTX cards.",
    ),
  },
} satisfies Chip;
