import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "mi250x",
  name: "AMD Instinct MI250X",
  vendor: "AMD",
  generation: "amd-cdna2",
  releaseYear: 2021,
  use: "training",
  memoryBytes: 128e9,
  memoryBytesPerSecond: 3.28e12,
  denseFlopsPerSecond: { fp32: 47.9e12, bf16: 383e12, fp16: 383e12, int8: 383e12 },
  tdpWatts: 560,
  scaleUpBytesPerSecond: 350e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 200e9 / 8,
  purchaseUsd: 14_500,
  notes:
    "Per package of 2 GCDs, which appear as two 64 GB devices: one matmul sees half (~191.5 TFLOP/s BF16). " +
    "FP32 47.9 is vector (matrix FP32 95.7). No TF32/FP8. 500 W TDP, 560 W peak TBP (used here). " +
    "Infinity Fabric: 50 GB/s per peer per direction, 7 peers; topology is platform-dependent.",
  sources: {
    releaseYear: cite(src.mleng_accel),
    memoryBytes: cite(src.mleng_accel, "128 GB HBM2e"),
    memoryBytesPerSecond: cite(src.mleng_accel, "3.28 TB/s"),
    denseFlopsPerSecond: cite(src.epoch_chips, "BF16/FP16 383, INT8 383, FP32 vector 47.9 TFLOPS (AMD dense figures)"),
    tdpWatts: cite(src.mleng_accel, "560 W peak TBP (500 W TDP)"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "Infinity Fabric 50 GB/s per peer per direction x 7 peers = 350 GB/s"),
    scaleUpDomainChips: estimate(src.mleng_net, "7 peers", "Domain size is platform-dependent (unverified in the JSON); 8 packages per node as 7 peers implies."),
    scaleOutBytesPerSecond: estimate(
      src.mleng_accel,
      "HPE Slingshot 200 Gb/s in Cray EX",
      "NIC is platform-dependent; assumes one 200 Gb/s Slingshot NIC per MI250X package as in HPE Cray EX nodes.",
    ),
    purchaseUsd: estimate(src.epoch_prices, "$14,500 (NextPlatform, Nov 2021)", "Analyst estimate, not a list price."),
  },
} satisfies Chip;
