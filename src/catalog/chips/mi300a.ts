import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "mi300a",
  name: "AMD Instinct MI300A APU",
  vendor: "AMD",
  generation: "amd-cdna3",
  releaseYear: 2023,
  use: "both",
  memoryBytes: 128e9,
  memoryBytesPerSecond: 5.3e12,
  denseFlopsPerSecond: {
    fp32: 122.6e12,
    tf32: 490.3e12,
    bf16: 980.6e12,
    fp16: 980.6e12,
    fp8: 1961.2e12,
    int8: 1961.2e12,
  },
  tdpWatts: 550,
  scaleUpBytesPerSecond: 192e9,
  scaleUpDomainChips: 4,
  scaleOutBytesPerSecond: 200e9 / 8,
  notes:
    "CPU+GPU APU: 24 Zen 4 cores and 228 CDNA 3 CUs (6 XCDs) sharing 128 GB HBM3; the HBM holds the host's memory " +
    "too, so not all of it is free for weights. AMD's peak matrix figures are dense (structured sparsity doubles them). " +
    "Nodes hold 4 APUs joined by Infinity Fabric (El Capitan). Power, scale-up and scale-out are estimates (see sources).",
  sources: {
    releaseYear: cite(src.vengineer_mi300a, "AMD published MI300A/MI300X details at launch, December 2023"),
    memoryBytes: cite(src.vengineer_mi300a, "8 x HBM3 (128GB/8H)"),
    memoryBytesPerSecond: cite(src.emergentmind_mi300a, "peak bandwidth up to 5.3 TB/s"),
    denseFlopsPerSecond: estimate(
      src.vengineer_mi300a,
      "Peak FP16 980.6 TFLOPs; bfloat16 980.6; FP32 matrix 122.6; INT8 1.96 POPs",
      "FP16/BF16 980.6, FP32 122.6 and INT8 1961 are AMD's dense figures. FP8 1961.2 = 2x and TF32 490.3 = 1/2 the FP16 rate, the CDNA 3 " +
        "ratios AMD publishes for the MI300X (FP8 2614.9, TF32 653.7 vs BF16 1307.4); check: 1307.4 x 228/304 CUs = 980.6 at the same 2100 MHz.",
    ),
    tdpWatts: estimate(
      src.mlperf_amd_mi300x,
      "MI300X-192GB-750W",
      "No MI300A power figure was retrieved. 550 W is AMD's commonly quoted MI300A TDP; cross-check 750 W x 228/304 CUs = 562 W for the MI300X's GPU power per CU (the APU adds CPU cores, drops 2 XCDs).",
    ),
    scaleUpBytesPerSecond: estimate(
      src.mleng_net,
      "MI300X Infinity Fabric: 64 GB/s per direction per link",
      "Assumes each APU in a 4-APU node reaches each of its 3 peers over one Infinity Fabric link at the MI300X link rate: 3 x 64 = 192 GB/s per direction.",
    ),
    scaleUpDomainChips: cite(src.vengineer_mi300a, "AMD data sheet node diagram: MI300A x 4 per node"),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "NIC rates", "HPC nodes (El Capitan, HPE Cray) attach one 200 Gb/s Slingshot NIC per APU; assumed here, unverified."),
  },
} satisfies Chip;
