import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "a10g",
  name: "NVIDIA A10G 24GB (AWS G5)",
  vendor: "NVIDIA",
  generation: "nvidia-ampere",
  releaseYear: 2021,
  use: "inference",
  memoryBytes: 24e9,
  memoryBytesPerSecond: 600e9,
  denseFlopsPerSecond: { fp32: 31.2e12, tf32: 62.5e12, bf16: 125e12, fp16: 125e12, int8: 250e12 },
  tdpWatts: 300,
  scaleUpBytesPerSecond: 31.5e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  notes:
    "AWS-specific GA102 variant of the A10, sold only inside EC2 G5 instances (1, 4 or 8 per instance). NVIDIA publishes " +
    "no A10G datasheet, so compute figures are the A10 datasheet's (dense); Baseten notes the A10G trades some Tensor " +
    "throughput for CUDA-core throughput, so these Tensor peaks may be optimistic for the A10G. Memory (24 GB GDDR6, " +
    "600 GB/s) is the same on both. No NVLink: multi-GPU G5 instances connect over PCIe.",
  sources: {
    releaseYear: estimate(
      src.baseten_a10_a10g,
      "the A10G powers AWS G5 instances",
      "The A10 launched in April 2021 and AWS made G5 generally available in late 2021; 2021 is used for the A10G.",
    ),
    memoryBytes: cite(src.aws_gpu_instances_gist, "G5: 24 GB GPU memory per GPU"),
    memoryBytesPerSecond: cite(src.baseten_a10_a10g, "24 gigabytes of GDDR6 VRAM with a memory bandwidth of 600 gigabytes per second (A10 and A10G)"),
    denseFlopsPerSecond: estimate(
      src.nv_a10_datasheet_repro,
      "A10: FP32 31.2 TFLOPS; FP16 Tensor 125 TFLOPS dense",
      "NVIDIA publishes no A10G datasheet: the A10's figures stand in (FP32 31.2, BF16/FP16 125 dense). TF32 62.5 = half and INT8 250 = " +
        "twice the FP16 Tensor rate, the GA102 ratios of the A10/A40 datasheets. Baseten reports the A10G has less Tensor but more CUDA-core compute than the A10, so the Tensor peaks may overstate the A10G.",
    ),
    tdpWatts: cite(src.aws_gpu_instances_gist, "A10G, G5: Thermal Design Power (TDP) from nvidia-smi 300W (the A10 card is 150 W)"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction after 128b/130b encoding"),
    scaleUpDomainChips: cite(src.aws_gpu_instances_gist, "g5.12xlarge / g5.24xlarge / g5.48xlarge: GPU interconnect PCIe (no NVLink)"),
    scaleOutBytesPerSecond: estimate(
      src.mleng_net,
      "Ethernet NIC rates",
      "G5 instance network bandwidth is shared by the instance; assumes 100 Gb/s per GPU, as for the other PCIe cards (g5.48xlarge: 100 Gb/s for 8 GPUs, so this is generous there).",
    ),
  },
} satisfies Chip;
