/**
 * Collective communication over a two-level hierarchy — a scale-up domain (NVLink, Infinity Fabric,
 * ICI) and a scale-out network (one NIC per chip) — with α–β costs (Hockney 1994).
 * Ring volumes per rank: all-reduce 2(n−1)/n·S, reduce-scatter and all-gather (n−1)/n·S
 * (Patarasuk & Yuan 2009; Thakur et al. 2005). Hierarchical all-reduce: reduce-scatter inside the
 * domain, all-reduce of the 1/local shard across domains, all-gather inside (NCCL's tree/ring split).
 * @module
 */

export interface Fabric {
  /** Per chip, one direction, already times the collective efficiency. */
  scaleUpBytesPerSecond: number;
  scaleOutBytesPerSecond: number;
  scaleUpLatencySeconds: number;
  scaleOutLatencySeconds: number;
  /** Chips in one scale-up domain (capped at the job's chip count). */
  scaleUpDomainChips: number;
}

/**
 * Members of a group of `n` ranks with rank stride `stride` that share one scale-up domain.
 * Parallel dimensions are laid out innermost-first (TP, CP, EP/DP, PP), as Megatron does.
 */
export function membersPerDomain(n: number, stride: number, domainChips: number): number {
  if (n <= 1) return 1;
  const fit = Math.floor(domainChips / stride);
  return fit < 1 ? 1 : fit > n ? n : fit;
}

/** Ring volume factor: 2 for all-reduce, 1 for reduce-scatter or all-gather. */
export type RingCollective = 1 | 2;

/** Seconds for a ring collective of a `bytes` buffer over `n` ranks, `local` of them per domain. */
export function ringCollectiveSeconds(factor: RingCollective, bytes: number, n: number, local: number, f: Fabric): number {
  if (n <= 1 || bytes <= 0) return 0;
  if (local >= n) {
    return (factor * bytes * (n - 1)) / n / f.scaleUpBytesPerSecond + factor * (n - 1) * f.scaleUpLatencySeconds;
  }
  const intra = local > 1 ? (factor * bytes * (local - 1)) / local / f.scaleUpBytesPerSecond + factor * (local - 1) * f.scaleUpLatencySeconds : 0;
  const domains = n / local;
  const inter = (factor * (bytes / local) * (domains - 1)) / domains / f.scaleOutBytesPerSecond + factor * ceilLog2(domains) * f.scaleOutLatencySeconds;
  return intra + inter;
}

/** Seconds for an all-to-all where each rank holds `bytes` and keeps 1/n of it. */
export function allToAllSeconds(bytes: number, n: number, local: number, f: Fabric): number {
  if (n <= 1 || bytes <= 0) return 0;
  const inside = (bytes * (local - 1)) / n / f.scaleUpBytesPerSecond + (local > 1 ? f.scaleUpLatencySeconds : 0);
  const outside = local < n ? (bytes * (n - local)) / n / f.scaleOutBytesPerSecond + f.scaleOutLatencySeconds : 0;
  return inside > outside ? inside : outside;
}

/** Seconds for one point-to-point transfer, inside a domain or across the scale-out network. */
export function p2pSeconds(bytes: number, acrossDomains: boolean, f: Fabric): number {
  if (bytes <= 0) return 0;
  return acrossDomains ? bytes / f.scaleOutBytesPerSecond + f.scaleOutLatencySeconds : bytes / f.scaleUpBytesPerSecond + f.scaleUpLatencySeconds;
}

/** ⌈log₂ x⌉ for x ≥ 1 (tree depth across domains), without floating-point log on the hot path. */
function ceilLog2(x: number): number {
  const n = Math.ceil(x);
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}
