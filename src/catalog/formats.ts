/**
 * Number formats: storage bytes per value (with amortised block/group scales) and the tensor-core format that
 * computes on them.
 * @module
 */
import { cite, src } from "./bibliography.ts";
import type { NumberFormat } from "./schema.ts";

/** One FP8 (E4M3) scale per 16 FP4 values: 0.5 + 1/16 bytes. */
const nvfp4BytesPerValue = 0.5 + 1 / 16;
/** One FP16 scale per 128 int4 weights: 0.5 + 2/128 bytes. */
const int4Group128BytesPerValue = 0.5 + 2 / 128;

export const formats: NumberFormat[] = [
  {
    id: "fp32",
    name: "FP32 (IEEE 754 binary32)",
    bytesPerValue: 4,
    computeAs: "fp32",
    sources: { bytesPerValue: cite(src.ieee754, "binary32: 32 bits") },
  },
  {
    id: "tf32",
    name: "TF32 (Tensor Core math on FP32 storage)",
    bytesPerValue: 4,
    computeAs: "tf32",
    notes: "Stored as FP32; Tensor Cores round inputs to 8-bit exponent, 10-bit mantissa and accumulate in FP32.",
    sources: { bytesPerValue: cite(src.nv_a100_tf32_blog, "TF32 operates on FP32 tensors") },
  },
  {
    id: "bf16",
    name: "BF16 (bfloat16)",
    bytesPerValue: 2,
    computeAs: "bf16",
    sources: { bytesPerValue: cite(src.bf16_google, "16 bits") },
  },
  {
    id: "fp16",
    name: "FP16 (IEEE 754 binary16)",
    bytesPerValue: 2,
    computeAs: "fp16",
    notes: "Training needs loss scaling (5-bit exponent).",
    sources: { bytesPerValue: cite(src.ieee754, "binary16: 16 bits") },
  },
  {
    id: "fp8",
    name: "FP8 (E4M3 / E5M2)",
    bytesPerValue: 1,
    computeAs: "fp8",
    notes:
      "E4M3 for weights and activations (forward), E5M2 for gradients (backward); per-tensor scales (negligible) or " +
      "MXFP8 with one E8M0 scale per 32 values (+1/32 byte, ignored here).",
    sources: {
      bytesPerValue: cite(src.fp8_paper, "8-bit E4M3 and E5M2 encodings"),
      computeAs: cite(src.nv_te_docs, "HYBRID recipe: E4M3 forward, E5M2 backward"),
    },
  },
  {
    id: "fp6",
    name: "FP6 (MXFP6 E2M3 / E3M2)",
    bytesPerValue: 0.75,
    computeAs: "fp6",
    notes: "6-bit elements; the MX block scale (one byte per 32 values, +1/32 byte) is not included.",
    sources: { bytesPerValue: cite(src.ocp_mx, "FP6 element: 6 bits") },
  },
  {
    id: "fp4",
    name: "FP4 (NVFP4: E2M1 + FP8 scale per 16 values)",
    bytesPerValue: nvfp4BytesPerValue,
    computeAs: "fp4",
    notes:
      "NVFP4: 4-bit E2M1 values with one FP8 (E4M3) scale per 16-value micro-block = 0.5 + 1/16 = 0.5625 bytes per value " +
      "(plus a negligible per-tensor FP32 scale). OCP MXFP4 uses one E8M0 byte per 32 values = 0.53125 bytes.",
    sources: {
      bytesPerValue: cite(src.nv_nvfp4_blog, "E2M1 + one E4M3 scale per 16 values"),
      computeAs: cite(src.ocp_mx, "MXFP4: E2M1 elements, 32-element blocks with an E8M0 scale"),
    },
  },
  {
    id: "int8",
    name: "INT8",
    bytesPerValue: 1,
    computeAs: "int8",
    notes: "Per-channel or per-tensor scales (negligible storage). Tensor cores count INT8 in OP/s.",
    sources: { bytesPerValue: cite(src.ocp_mx, "MXINT8 / INT8 element: 8 bits") },
  },
  {
    id: "int4",
    name: "INT4 weights (group-128, FP16 scale)",
    bytesPerValue: int4Group128BytesPerValue,
    computeAs: "bf16",
    notes:
      "Weight-only: 4-bit integers with one FP16 scale per 128-weight group = 0.5 + 2/128 = 0.515625 bytes per value " +
      "(GPTQ/AWQ convention; a zero-point adds 1/64 more). Dequantised to BF16 for the matmul; a chip with FP8 may use " +
      "an FP8 path instead, which this catalog does not assume.",
    sources: { bytesPerValue: cite(src.gptq_awq, "group size 128, FP16 scale per group") },
  },
];
