import { cite, estimate, src } from "../bibliography.ts";
import { runpodPrice, runpodReads } from "../prices.ts";
import type { Chip } from "../schema.ts";

export default {
  id: "b300",
  name: "NVIDIA B300 / Blackwell Ultra (HGX/DGX, SXM)",
  vendor: "NVIDIA",
  generation: "nvidia-blackwell",
  releaseYear: 2025,
  use: "both",
  memoryBytes: 270e9,
  memoryBytesPerSecond: 8e12,
  denseFlopsPerSecond: {
    fp32: 75e12,
    tf32: 1125e12,
    bf16: 2250e12,
    fp16: 2250e12,
    fp8: 4500e12,
    fp6: 4500e12,
    fp4: 13500e12,
  },
  exponentialsPerSecond: 8.789e12,
  tdpWatts: 1100,
  scaleUpBytesPerSecond: 900e9,
  scaleUpDomainChips: 8,
  scaleOutBytesPerSecond: 800e9 / 8,
  rentalUsdPerChipHour: 7.89,
  notes:
    "288 GB physical HBM3e; the Blackwell Ultra datasheet lists 270 GB usable for HGX B300 (HGX page: 2.1 TB per 8). " +
    "FP4 dense 13.5 PF (datasheet single-GPU row says 14). INT8 left out: drastically cut and sources conflict. " +
    "HGX B300 is also marketed as 'NVL16' (counting dies). Host link PCIe Gen6.",
  sources: {
    releaseYear: cite(src.nv_hgx_page_quoted, "HGX B300 'shipping now'"),
    memoryBytes: cite(src.verda_gb300, "B300 270 GB usable (288 GB physical per NVIDIA blog)"),
    memoryBytesPerSecond: cite(src.nv_blackwell_ultra_blog, "8 TB/s"),
    denseFlopsPerSecond: cite(src.nv_hgx_page_quoted, "HGX B300 board: FP4 '144 | 108' PF sparse|dense, FP8/FP6 72 PF and FP16/BF16 36 PF sparse; / 8 GPUs, sparse halved"),
    "denseFlopsPerSecond.fp32": cite(src.klockwood_b300, "FP32 ~75 TFLOPS per GPU"),
    exponentialsPerSecond: estimate(
      src.nv_softmax_blackwell_ultra,
      "MUFU.EX2 throughput doubled over Blackwell",
      "BF16 dense peak × 32 / 8,192: Blackwell SMs do 8,192 dense BF16 FLOP per clock and Blackwell Ultra 32 exponentials (2× the 16 of Blackwell, FlashAttention-4 §2), so 2250 TFLOP/s → 8.79 T/s; NVIDIA publishes the doubling, not the rate.",
    ),
    tdpWatts: estimate(src.verda_gb300, "B300 1.1 kW", "Sources disagree (ml-engineering: DGX B300 1000 W max TGP; Verda: 1.1 kW); the higher figure is used for power planning."),
    scaleUpBytesPerSecond: cite(src.nv_hgx_page_quoted, "NVLink 5 1.8 TB/s bidirectional per GPU = 900 GB/s per direction"),
    scaleUpDomainChips: cite(src.nv_hgx_page_quoted, "HGX B300: 8 GPUs, 14.4 TB/s NVLink"),
    scaleOutBytesPerSecond: cite(src.mleng_net, "DGX B300: 8x ConnectX-8 SuperNIC up to 800 Gb/s"),
    rentalUsdPerChipHour: runpodPrice("B300 $7.89/GPU-h", runpodReads.aug2026),
  },
} satisfies Chip;
