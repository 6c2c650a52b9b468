import type { Chip } from "../schema.ts";

const mlEngAccel = {
  ref: "github.com/stas00/ml-engineering @744d01e18b79512572f64a6bbd8b5f4a725203a7 : compute/accelerator/README.md",
  title: "stas00/ml-engineering accelerator tables (each row footnoted to NVIDIA's H100 datasheet)",
  date: "2026-08",
};
const datasheet = {
  ref: "https://www.nvidia.com/en-us/data-center/h100/ (H100 SXM datasheet table, reproduced at https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html)",
  title: "NVIDIA H100 Tensor Core GPU datasheet, SXM column ('* with sparsity; 1/2 lower without')",
  date: "2023-03",
};

export default {
  id: "h100-sxm",
  name: "NVIDIA H100 SXM5 80GB",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2022,
  use: "both",
  memoryBytes: 80e9,
  memoryBytesPerSecond: 3.35e12,
  denseFlopsPerSecond: { fp32: 67e12, tf32: 494.7e12, bf16: 989.4e12, fp16: 989.4e12, fp8: 1978.9e12, int8: 1978.9e12 },
  tdpWatts: 700,
  scaleUpBytesPerSecond: 450e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  rentalUsdPerChipHour: 2.99,
  purchaseUsd: 27_500,
  notes: "Dense figures are half the datasheet's sparse headline. Measured max BF16 matmul ~795 TFLOP/s (80%).",
  sources: {
    memoryBytes: datasheet,
    memoryBytesPerSecond: datasheet,
    denseFlopsPerSecond: datasheet,
    "denseFlopsPerSecond.fp32": { ...datasheet, title: "NVIDIA H100 datasheet: FP32 67 TFLOPS (non-tensor 'FP64 Tensor Core 67' row pairs with FP32 67)" },
    tdpWatts: datasheet,
    scaleUpBytesPerSecond: {
      ref: "https://www.nvidia.com/en-us/data-center/nvlink/",
      title: "NVIDIA NVLink 4: 900 GB/s bidirectional per H100 = 450 GB/s each direction",
      date: "2023",
    },
    scaleUpDomainChips: { ref: "NVIDIA DGX H100 datasheet", title: "DGX H100: 8 GPUs on 4 NVSwitches", date: "2023" },
    scaleOutBytesPerSecond: {
      ref: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-h100-datasheet.pdf",
      title: "DGX H100 datasheet: 8 x single-port ConnectX-7 400 Gb/s (one NIC per GPU)",
      date: "2023",
    },
    rentalUsdPerChipHour: { ref: "https://lambdalabs.com/service/gpu-cloud#pricing", title: "Lambda on-demand H100 SXM, Sep 2024 (via hardware-facts.json)", date: "2024-09" },
    purchaseUsd: {
      ref: "github.com/epoch-research/training-cost-trends : h100_manufacturing_cost.ipynb",
      title: "H100 sold at $25,000-$30,000 (Raymond James via Barron's); midpoint taken",
      date: "2024",
      estimate: "Midpoint of the $25k-$30k analyst range; NVIDIA publishes no list price.",
    },
    releaseYear: mlEngAccel,
  },
} satisfies Chip;
