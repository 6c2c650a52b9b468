import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "gb200",
  name: "NVIDIA GB200 (per Blackwell GPU, in GB200 NVL72)",
  vendor: "NVIDIA",
  generation: "nvidia-blackwell",
  releaseYear: 2025,
  use: "both",
  memoryBytes: 186e9,
  memoryBytesPerSecond: 8e12,
  denseFlopsPerSecond: {
    fp32: 80e12,
    tf32: 1250e12,
    bf16: 2500e12,
    fp16: 2500e12,
    fp8: 5000e12,
    fp6: 5000e12,
    fp4: 10000e12,
    int8: 5000e12,
  },
  exponentialsPerSecond: 4.883e12,
  tdpWatts: 1200,
  scaleUpBytesPerSecond: 900e9,
  scaleUpDomainChips: 72,
  scaleOutBytesPerSecond: 400e9 / 8,
  notes:
    "Per GPU: a GB200 superchip is 1 Grace + 2 Blackwell GPUs. ~11% faster than HGX B200 (higher clocks at 1.2 kW). " +
    "NVLink-C2C to Grace: 450 GB/s per direction. Measured max BF16 ~1822 TFLOP/s (73%). AWS p6e-gb200 gives 800 Gb/s per GPU. " +
    "Rack price ($2-3M, unverified) is on the gb200-nvl72 system.",
  sources: {
    releaseYear: cite(src.klockwood_b200),
    memoryBytes: cite(src.mlperf_crusoe_gb200, "GB200 186 GB HBM3e per GPU"),
    memoryBytesPerSecond: cite(src.nv_blackwell_ds_repro, "GB200 individual GPU 186 GB | 8 TB/s"),
    denseFlopsPerSecond: cite(
      src.nv_gb200_nvl72_quoted,
      "rack (with sparsity): FP4 1,440 PF, FP8/FP6 720, INT8 720 POPS, FP16/BF16 360, TF32 180, FP32 5,760 TF; / 72 GPUs, sparse halved",
    ),
    exponentialsPerSecond: estimate(
      src.flash_attention_4,
      "16 exponentials per clock per SM, unchanged from H100 while BF16 tensor throughput rose 2.25×",
      "BF16 dense peak × 16 / 8,192: Blackwell SMs do 8,192 dense BF16 FLOP per clock (2× Hopper's 4,096), so peak / 8,192 is SMs × clock (2500 TFLOP/s → 4.88 T/s); NVIDIA publishes no exponential rate.",
    ),
    tdpWatts: cite(src.nv_blackwell_ds_repro, "GB200 GPU up to 1,200 W"),
    scaleUpBytesPerSecond: cite(src.nv_gb200_nvl72_quoted, "NVLink 130 TB/s per 72 GPUs = 1.8 TB/s bidirectional = 900 GB/s per direction"),
    scaleUpDomainChips: cite(src.nv_gb200_nvl72_quoted, "72 GPUs in one NVLink domain"),
    scaleOutBytesPerSecond: cite(src.mleng_net, "one ConnectX-7 400 Gb/s per GPU in GB200 compute trays"),
  },
} satisfies Chip;
