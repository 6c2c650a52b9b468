/**
 * Helpers shared by the config parsers (attention heads, window summaries).
 * @module
 */
import { InputError } from "../../errors.ts";
import type { Architecture, Attention, LayerKind } from "../architecture.ts";
import type { Reader } from "./reader.ts";

/** Head width: `head_dim` when given, else hidden / heads (which must divide). */
export function headDimOf(r: Reader, hiddenSize: number, numHeads: number, headKey: string, dimKey = "head_dim"): number {
  const explicit = r.optionalSize(dimKey, 0);
  if (explicit > 0) return explicit;
  if (hiddenSize % numHeads !== 0) {
    throw new InputError({
      path: `${r.path}.${headKey}`,
      value: String(numHeads),
      expected: `a divisor of the hidden size (or give ${dimKey})`,
    });
  }
  return hiddenSize / numHeads;
}

export function gqa(r: Reader, hiddenSize: number, numHeads: number, kvKey = "num_key_value_heads", dimKey = "head_dim"): Attention {
  const numKvHeads = r.optionalSize(kvKey, numHeads);
  if (numHeads % numKvHeads !== 0) {
    throw new InputError({
      path: `${r.path}.${kvKey}`,
      value: String(numKvHeads),
      expected: `a divisor of num_attention_heads (${numHeads})`,
    });
  }
  return { kind: "gqa", numHeads, numKvHeads, headDim: headDimOf(r, hiddenSize, numHeads, "num_attention_heads", dimKey) };
}

/** The legacy summary of a layer list's windows (largest group of windowed layers). */
export function windowSummary(layers: readonly LayerKind[]): Architecture["slidingWindow"] {
  let count = 0;
  let window = 0;
  for (const layer of layers) {
    if (layer.mixer.kind === "attention" && layer.mixer.windowTokens !== undefined) {
      count++;
      window = Math.max(window, layer.mixer.windowTokens);
    }
  }
  return count > 0 ? { windowTokens: window, layers: count } : undefined;
}
