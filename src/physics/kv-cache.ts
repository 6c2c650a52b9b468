/**
 * KV cache sizes: per token and per sequence, for MHA/GQA (2·kv_heads·head_dim values per layer),
 * MLA (the compressed latent plus the shared rotary key: DeepSeek-V2 §2.1.2) and sliding-window
 * layers (which keep at most `window` tokens), in the cache's number format.
 * @module
 */
import type { Architecture } from "../catalog/architecture.ts";
import { kvCacheValuesPerTokenPerLayer } from "./workload.ts";

/** Bytes one token adds to the cache across all layers (every layer counted as full attention). */
export function kvCacheBytesPerToken(arch: Architecture, kvBytesPerValue: number): number {
  return kvCacheValuesPerTokenPerLayer(arch) * arch.numLayers * kvBytesPerValue;
}

/** Cache tokens held across all layers for one sequence of `contextTokens` (sliding-window layers cap at the window). */
export function kvLayerTokens(arch: Architecture, contextTokens: number): number {
  const windowed = arch.slidingWindow?.layers ?? 0;
  const window = arch.slidingWindow?.windowTokens ?? Number.POSITIVE_INFINITY;
  return (arch.numLayers - windowed) * contextTokens + windowed * Math.min(contextTokens, window);
}

/** Bytes of KV cache for one sequence of `contextTokens`, whole model. */
export function kvCacheBytesPerSequence(arch: Architecture, contextTokens: number, kvBytesPerValue: number): number {
  return kvCacheValuesPerTokenPerLayer(arch) * kvLayerTokens(arch, contextTokens) * kvBytesPerValue;
}

/**
 * Ways tensor parallelism splits the cache: GQA shards kv heads (replicated once tp > kv heads);
 * MLA's latent is shared by all heads, so every TP rank keeps a full copy.
 */
export function kvTensorShards(arch: Architecture, tp: number): number {
  const a = arch.attention;
  if (a.kind === "mla") return 1;
  return Math.min(tp, a.numKvHeads);
}
