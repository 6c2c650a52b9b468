import { cite, estimate, src } from "../bibliography.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "rtx-5090",
  name: "NVIDIA GeForce RTX 5090",
  vendor: "NVIDIA",
  generation: "nvidia-blackwell",
  releaseYear: 2025,
  use: "inference",
  memoryBytes: 32e9,
  memoryBytesPerSecond: 1792e9,
  denseFlopsPerSecond: {
    fp32: 104.8e12,
    tf32: 104.8e12,
    bf16: 209.5e12,
    fp16: 209.5e12,
    fp8: 419e12,
    fp4: 3352e12 / 2,
    int8: 838e12,
  },
  tdpWatts: 575,
  scaleUpBytesPerSecond: 63e9,
  scaleUpDomainChips: 1,
  scaleOutBytesPerSecond: 100e9 / 8,
  purchaseUsd: 1_999,
  notes:
    "Consumer card, GB202 (sm_120: no TMEM/tcgen05, unlike datacenter Blackwell). NVIDIA headlines 3,352 AI TOPS = FP4 " +
    "with sparsity; dense FP4 is half. BF16/FP16/FP8/TF32 use FP32 accumulate at the GeForce half rate. No NVLink; PCIe 5.0 x16.",
  sources: {
    releaseYear: cite(src.nv_rtx50_page),
    memoryBytes: cite(src.nv_rtx50_page, "32 GB GDDR7"),
    memoryBytesPerSecond: cite(src.nv_rtx50_page, "1792 GB/s"),
    denseFlopsPerSecond: estimate(
      src.rtx5090_peaks_corroboration,
      "FP16 838 TFLOPS sparse headline; dense FP16/BF16 (FP32 acc) 209.5, FP8 419, INT8 838",
      "Whitepaper table not read directly: derived from NVIDIA's sparse headline (838 FP16-accumulate) halved for sparsity and " +
        "halved again for GeForce's half-rate FP32 accumulate; matches secondary tables. TF32 assumed equal to FP32 (104.8) as on Ada.",
    ),
    "denseFlopsPerSecond.fp4": cite(src.nv_rtx50_page, "3,352 AI TOPS (FP4, with sparsity) / 2 = 1,676 dense"),
    "denseFlopsPerSecond.fp32": cite(src.rtx5090_peaks_corroboration, "104.8 TFLOPS FP32 (shader)"),
    tdpWatts: cite(src.nv_rtx50_page, "575 W total graphics power"),
    scaleUpBytesPerSecond: cite(src.mleng_net, "PCIe 5.0 x16: 63 GB/s per direction after encoding"),
    scaleUpDomainChips: estimate(
      src.nv_rtx50_page,
      "PCIe Gen 5 card, no NVLink",
      "No NVLink: each card is its own scale-up domain; multi-card traffic crosses PCIe (modelled as domain 1).",
    ),
    scaleOutBytesPerSecond: estimate(src.mleng_net, "Ethernet NIC rates", "Consumer rigs have no reference NIC; assumes one 100 Gb/s Ethernet port per card."),
    purchaseUsd: cite(src.nv_geforce_msrp, "RTX 5090 $1,999"),
  },
} satisfies Chip;
