import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "mi355x",
  name: "AMD Instinct MI355X",
  vendor: "AMD",
  generation: "amd-cdna4",
  releaseYear: 2025,
  use: "both",
  memoryBytes: 288e9,
  memoryBytesPerSecond: 8e12,
  denseFlopsPerSecond: {
    fp32: 157.3e12,
    bf16: 2500e12,
    fp16: 2500e12,
    fp8: 5000e12,
    fp6: 10100e12,
    fp4: 10100e12,
    int8: 5000e12,
  },
  tdpWatts: 1400,
  scaleUpBytesPerSecond: 535.5e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 400e9 / 8,
  notes:
    "Liquid-cooled CDNA4 OAM. AMD's 'with structured sparsity' figures are exactly 2x (FP8 10.1 PF, FP16 5 PF); FP6/FP4 " +
    "10.1 PF carry no sparsity qualifier (press 20.1 PF FP4 is 2x headline). Epoch's MI355X row lists MI350X-like values " +
    "(FP8 4.6 PF). Measured max BF16 ~1565 TFLOP/s (68%). No price found.",
  sources: {
    releaseYear: cite(src.tomshw_mi355x),
    memoryBytes: cite(src.rocm_gpu_specs, "MI355X 288 GiB (vendor-labelled 288 GB HBM3e)"),
    memoryBytesPerSecond: cite(src.tomshw_mi355x, "288GB HBM3E 8TB/s"),
    denseFlopsPerSecond: cite(src.mleng_accel, "AMD dense: FP16/BF16 2.5 PF, FP8 5 PF, FP6/FP4 10.1 PF, FP32 157.3 TF (note 22)"),
    tdpWatts: cite(src.tomshw_mi355x, "MI355X up to 1400 W (liquid)"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "7 links x 76.5 GB/s per direction = 535.5 GB/s (1071 bidirectional)"),
    scaleUpDomainChips: cite(src.tomshw_mi355x, "scale-up world size 8"),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "AMD Pollara 400 / 400 Gb/s per accelerator", "Scale-out is platform-dependent; one 400 Gb/s NIC per GPU assumed."),
  },
} satisfies Chip;
