import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "gb300",
  name: "NVIDIA GB300 (per Blackwell Ultra GPU, in GB300 NVL72)",
  vendor: "NVIDIA",
  generation: "nvidia-blackwell",
  releaseYear: 2025,
  use: "both",
  memoryBytes: 279e9,
  memoryBytesPerSecond: 8e12,
  denseFlopsPerSecond: {
    fp32: 6e15 / 72,
    tf32: 1250e12,
    bf16: 2500e12,
    fp16: 2500e12,
    fp8: 5000e12,
    fp6: 5000e12,
    fp4: 15000e12,
    int8: 24e15 / 72 / 2,
  },
  exponentialsPerSecond: 9.766e12,
  tdpWatts: 1400,
  scaleUpBytesPerSecond: 900e9,
  scaleUpDomainChips: 72,
  scaleOutBytesPerSecond: 800e9 / 8,
  notes:
    "Per GPU in GB300 NVL72; 288 GB physical HBM3e, 279 GB usable per NVIDIA's datasheet. INT8 is drastically cut on " +
    "Blackwell Ultra (~167 TOPS dense). Rack price (~$3-4M, unverified) is on the gb300-nvl72 system.",
  sources: {
    releaseYear: cite(src.nv_blackwell_ultra_blog),
    memoryBytes: cite(src.verda_gb300, "GB300 279 GB usable"),
    memoryBytesPerSecond: cite(src.nv_blackwell_ultra_blog, "8 TB/s"),
    denseFlopsPerSecond: cite(
      src.nv_gb300_nvl72_quoted,
      "rack: FP4 '1440 | 1080' (1080 = without sparsity), FP8/FP6 720 PF, FP16/BF16 360, TF32 180, INT8 24 POPS with sparsity, FP32 6 PF; / 72 GPUs, sparse halved",
    ),
    "denseFlopsPerSecond.fp4": cite(src.nv_blackwell_ultra_blog, "15 PetaFLOPS dense NVFP4"),
    exponentialsPerSecond: estimate(
      src.nv_softmax_blackwell_ultra,
      "MUFU.EX2 throughput doubled over Blackwell",
      "BF16 dense peak × 32 / 8,192: Blackwell SMs do 8,192 dense BF16 FLOP per clock and Blackwell Ultra 32 exponentials (2× the 16 of Blackwell, FlashAttention-4 §2), so 2500 TFLOP/s → 9.77 T/s; NVIDIA publishes the doubling, not the rate.",
    ),
    tdpWatts: cite(src.tomshw_bu, "GB300 GPU 1,400 W"),
    scaleUpBytesPerSecond: cite(src.nv_gb300_nvl72_quoted, "NVLink 130 TB/s per 72 GPUs = 900 GB/s per direction per GPU"),
    scaleUpDomainChips: cite(src.nv_gb300_nvl72_quoted, "72 GPUs in one NVLink domain"),
    scaleOutBytesPerSecond: cite(src.klockwood_b300, "ConnectX-8 SuperNIC 800 Gb/s per GPU (72 per rack)"),
  },
} satisfies Chip;
