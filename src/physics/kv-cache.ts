/**
 * KV cache sizes: per token and per sequence, summed layer by layer — MHA/GQA (2·kv_heads·head_dim values),
 * MLA (the compressed latent plus the shared rotary key: DeepSeek-V2 §2.1.2), sliding-window and chunked
 * layers (which keep at most `window` tokens) — plus, for Mamba layers, the recurrent SSM and conv state a
 * sequence keeps whatever its length (Gu & Dao 2023 §3.4; vLLM's Mamba cache holds the same two tensors).
 * @module
 */
import type { Architecture, Attention } from "../catalog/architecture.ts";
import { layerKinds, stateSpaceStateBytes } from "./workload.ts";

/** Values one token keeps in one attention layer's cache. */
export function kvValuesPerToken(attention: Attention): number {
  if (attention.kind === "gqa") return 2 * attention.numKvHeads * attention.headDim;
  return attention.kvLoraRank + attention.qkRopeHeadDim;
}

/** The cache profile of a model: attention layers grouped by (values per token, window), and the SSM state. */
interface CacheProfile {
  groups: { values: number; window: number; layers: number }[];
  attentionLayers: number;
  /** Values per token summed over the attention layers (every layer counted as full attention). */
  valuesPerToken: number;
  stateBytesPerSequence: number;
  stateLayers: number;
}

const profiles = new WeakMap<Architecture, CacheProfile>();

export function cacheProfile(arch: Architecture): CacheProfile {
  const hit = profiles.get(arch);
  if (hit) return hit;
  const groups = new Map<string, { values: number; window: number; layers: number }>();
  let attentionLayers = 0;
  let valuesPerToken = 0;
  let stateBytesPerSequence = 0;
  let stateLayers = 0;
  for (const layer of layerKinds(arch)) {
    const m = layer.mixer;
    if (m.kind === "attention") {
      const values = kvValuesPerToken(m.attention ?? arch.attention);
      const window = m.windowTokens ?? Number.POSITIVE_INFINITY;
      const key = `${values}/${window}`;
      const group = groups.get(key) ?? { values, window, layers: 0 };
      group.layers++;
      groups.set(key, group);
      attentionLayers++;
      valuesPerToken += values;
    } else if (m.kind === "mamba") {
      stateBytesPerSequence += stateSpaceStateBytes(m.ssm);
      stateLayers++;
    }
  }
  const profile = { groups: [...groups.values()], attentionLayers, valuesPerToken, stateBytesPerSequence, stateLayers };
  profiles.set(arch, profile);
  return profile;
}

/** Bytes one token adds to the cache across all attention layers (every layer counted as full attention). */
export function kvCacheBytesPerToken(arch: Architecture, kvBytesPerValue: number): number {
  return cacheProfile(arch).valuesPerToken * kvBytesPerValue;
}

/** Cache tokens held across all attention layers for one sequence of `contextTokens` (windowed layers cap at the window). */
export function kvLayerTokens(arch: Architecture, contextTokens: number): number {
  let tokens = 0;
  for (const g of cacheProfile(arch).groups) tokens += g.layers * Math.min(contextTokens, g.window);
  return tokens;
}

/** Recurrent state of all Mamba layers for one sequence, in bytes (0 for a pure transformer). */
export function stateSpaceBytesPerSequence(arch: Architecture): number {
  return cacheProfile(arch).stateBytesPerSequence;
}

/** Bytes of KV cache (plus Mamba state) for one sequence of `contextTokens`, whole model. */
export function kvCacheBytesPerSequence(arch: Architecture, contextTokens: number, kvBytesPerValue: number): number {
  const p = cacheProfile(arch);
  let values = 0;
  for (const g of p.groups) values += g.values * g.layers * Math.min(contextTokens, g.window);
  return values * kvBytesPerValue + p.stateBytesPerSequence;
}

/**
 * Ways tensor parallelism splits the cache: GQA shards kv heads (replicated once tp > kv heads);
 * MLA's latent is shared by all heads, so every TP rank keeps a full copy. (Mamba heads shard too.)
 */
export function kvTensorShards(arch: Architecture, tp: number): number {
  const a = arch.attention;
  if (a.kind === "mla") return 1;
  return Math.min(tp, a.numKvHeads);
}
