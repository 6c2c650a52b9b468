/**
 * A checkpoint's native weight format from its `quantization_config` (transformers `quantization_config.py`):
 * - `fp8` (DeepSeek-V3/R1, Kimi K2, Qwen3 FP8, MiniMax-M2): E4M3 with one scale per `weight_block_size` block;
 * - `mxfp4` (GPT-OSS): the MoE experts in OCP MXFP4, everything in `modules_to_not_convert` in BF16;
 * - `awq` / `gptq` / `compressed-tensors` with 4 or 8 bits: weight-only int4 (group 128) or int8.
 * Other methods or bit widths have no catalog format: the checkpoint is then planned at the precision asked.
 * @module
 */
import type { NativeWeightFormat } from "../architecture.ts";
import type { Config } from "./reader.ts";

export function nativeWeightsOf(q: Config | undefined, _path: string): NativeWeightFormat | undefined {
  if (!q) return undefined;
  const method = typeof q.quant_method === "string" ? q.quant_method.toLowerCase() : "";
  if (method === "fp8") {
    const block = Array.isArray(q.weight_block_size) ? ` in ${q.weight_block_size.join("×")} blocks` : "";
    const fmt = typeof q.fmt === "string" ? q.fmt : "e4m3";
    return { format: "fp8", description: `fp8 ${fmt}${block} (quantization_config)`, scope: "linear-layers" };
  }
  if (method === "mxfp4") {
    return { format: "fp4", description: "MXFP4 experts, attention/router/embeddings in bf16 (quantization_config)", scope: "routed-experts" };
  }
  if (method === "awq" || method === "gptq" || method === "compressed-tensors") {
    const bits = typeof q.bits === "number" ? q.bits : typeof q.w_bit === "number" ? q.w_bit : 0;
    const group = typeof q.group_size === "number" ? q.group_size : typeof q.q_group_size === "number" ? q.q_group_size : 128;
    if (bits === 4) return { format: "int4", description: `${method} int4, group ${group} (quantization_config)`, scope: "linear-layers" };
    if (bits === 8) return { format: "int8", description: `${method} int8 (quantization_config)`, scope: "linear-layers" };
  }
  return undefined;
}
