import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

const GiB = 2 ** 30;

export default {
  id: "trainium2",
  name: "AWS Trainium2",
  vendor: "AWS",
  generation: "aws-trainium",
  releaseYear: 2024,
  use: "both",
  memoryBytes: 96 * GiB,
  memoryBytesPerSecond: 2.9e12,
  denseFlopsPerSecond: { fp32: 181e12, tf32: 667e12, bf16: 667e12, fp16: 667e12, fp8: 1299e12 },
  tdpWatts: 500,
  scaleUpBytesPerSecond: 640e9,
  scaleUpDomainChips: 64,
  scaleOutBytesPerSecond: 200e9 / 8,
  notes:
    "8 NeuronCore-v3 per chip; 16 chips per trn2.48xlarge, 64 per Trn2 UltraServer (the NeuronLink domain used here). " +
    "AWS quotes 1.28 TB/s NeuronLink per chip without a direction; read as bidirectional (4 in-instance neighbours at " +
    "128 GB/s + 2 inter-instance at 64 GB/s per direction = 640). Sparse 2,563 TFLOPS (4:1) is not used. No price in the sources.",
  sources: {
    releaseYear: cite(src.neuron_trn2),
    memoryBytes: cite(src.neuron_trn2, "96 GiB HBM (4 stacks)"),
    memoryBytesPerSecond: cite(src.neuron_trn2, "2.9 TB/s"),
    denseFlopsPerSecond: cite(src.neuron_trn2, "1,299 FP8, 667 BF16/FP16/TF32, 181 FP32 TFLOPS"),
    tdpWatts: estimate(src.epoch_chips, "SemiAnalysis ~500 W", "AWS publishes no TDP; ~500 W is SemiAnalysis's figure via Epoch (unverified)."),
    scaleUpBytesPerSecond: cite(src.mleng_net, "NeuronLink-v3 1.28 TB/s per chip, halved to 640 GB/s per direction"),
    scaleUpDomainChips: cite(src.neuron_trn2, "Trn2 UltraServer: 64 chips, memory pool up to 64 chips"),
    scaleOutBytesPerSecond: cite(src.neuron_trn2, "trn2.48xlarge: 16 x 200 Gbps EFA per 16 chips"),
  },
} satisfies Chip;
