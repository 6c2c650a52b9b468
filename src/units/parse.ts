/**
 * Parsing of human quantities at the edges: "15.6T" tokens, "80GB", "16Mi", "90d", "300ms".
 * The core only ever sees SI numbers.
 * @module
 */

const decimal: Record<string, number> = { "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, B: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };

/**
 * A count or size with an optional SI or binary prefix and optional unit letters:
 * `15.6T`, `1.5e12`, `16Mi`, `80GB`, `80 GiB`, `2k`. Returns undefined when it is not one.
 * (`B` alone means billion, as in "405B parameters"; `GB` means gigabytes.)
 */
export function parseQuantity(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+(?:[.,_]\d+)*|\d*\.\d+)(?:e[+-]?\d+)?)\s*(Ki|Mi|Gi|Ti|Pi|[kKMGTPEB]?)(?:B|b|iB|tokens?|FLOPs?)?\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1].replace(/[,_]/g, ""));
  if (!Number.isFinite(value)) return undefined;
  const prefix = m[2];
  return value * (binary[prefix] ?? decimal[prefix] ?? 1);
}

const durations: Record<string, number> = { ms: 1e-3, s: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800, y: 31_557_600 };

/** A duration such as `90d`, `300ms`, `2.5h`, `45 s`, or a bare number of seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(ms|s|min|m|h|d|w|y)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * (durations[m[2] ?? "s"] ?? 1);
}

/**
 * A sequence length as people write it: `8192`, `8k` or `8K` (= 8,192: context lengths count in 1,024s,
 * as in "8K context"), `128k` (= 131,072), `8Ki`. Returns undefined when it is not one.
 */
export function parseSequenceLength(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kK]i?|Mi?)?\s*(?:tokens?)?\s*$/.exec(text);
  if (!m) return undefined;
  const scale = m[2] ? (m[2].startsWith("M") ? 2 ** 20 : 2 ** 10) : 1;
  const value = Number(m[1]) * scale;
  return Number.isInteger(value) ? value : undefined;
}
