import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "h20",
  name: "NVIDIA H20 (HGX, China export variant)",
  vendor: "NVIDIA",
  generation: "nvidia-hopper",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 96e9,
  memoryBytesPerSecond: 4.0e12,
  denseFlopsPerSecond: { fp32: 44e12, tf32: 74e12, bf16: 148e12, fp16: 148e12, fp8: 296e12, int8: 296e12 },
  tdpWatts: 400,
  scaleUpBytesPerSecond: 450e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  purchaseUsd: 12_000,
  notes:
    "UNVERIFIED part: all figures from two agreeing secondary sources (no NVIDIA datasheet). Cut-down GH100 with " +
    "full NVLink 4 (900 GB/s bidirectional) and more memory bandwidth than H100: strong for decode, weak for prefill.",
  sources: {
    releaseYear: cite(src.tweaktown_h20),
    memoryBytes: cite(src.tweaktown_h20, "96 GB HBM3"),
    memoryBytesPerSecond: cite(src.zangshuxian_h20, "4.0 TB/s"),
    denseFlopsPerSecond: cite(src.zangshuxian_h20, "INT8 296, FP16 148, TF32 74, FP32 44 TFLOPS"),
    "denseFlopsPerSecond.fp8": estimate(src.tweaktown_h20, "'296 TFLOPs'", "FP8 not stated separately; set equal to INT8 296 as on every Hopper part."),
    tdpWatts: cite(src.tweaktown_h20, "400 W"),
    scaleUpBytesPerSecond: cite(src.tweaktown_h20, "900 GB/s NVLink (bidirectional) = 450 GB/s per direction"),
    scaleUpDomainChips: cite(src.tweaktown_h20, "8-way HGX"),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "ConnectX-7 400 Gb/s", "NIC is platform-dependent in the JSON; assumes one 400 Gb/s NIC per GPU as on HGX H100."),
    purchaseUsd: cite(src.tomshw_gaudi_h20_price, "H20 ~$12,000 (distributor claim, Nov 2023)"),
  },
} satisfies Chip;
