/**
 * Achievable time of one op on one chip: a roofline of FLOP/s against bytes/s, with the GEMM
 * efficiency of the chip's generation and a shape factor for small dimensions.
 * Roofline: Williams, Waterman, Patterson 2009. Shape factor: wave quantisation / tile under-fill.
 * @module
 */

/** What an op needs from the chip, already resolved for one precision. */
export interface ComputeRates {
  /** Dense peak FLOP/s for the GEMM format. */
  gemmFlopsPerSecond: number;
  /** Achievable fraction of that peak for a large GEMM (calibration.gemmEfficiency). */
  gemmEfficiency: number;
  /** Dense peak FLOP/s of the 16-bit format the attention core runs in. */
  attentionFlopsPerSecond: number;
  /** Achievable fraction of attention peak (gemm efficiency × attention-core relative efficiency). */
  attentionEfficiency: number;
  /**
   * Peak softmax exponentials per second (chip.exponentialsPerSecond); absent: the attention core is bound by its
   * tensor-core rate alone.
   */
  attentionExponentialsPerSecond?: number;
  /**
   * The attention backward's rate as a fraction of the forward's (calibration.attentionBackwardRelativeRate); absent: 1,
   * the backward at the forward's rate.
   */
  attentionBackwardRelative?: number;
  /**
   * Fixed time per query row of a tiled attention kernel, in keys' worth of its per-key work (calibration.attentionFixedKeys):
   * a pass over k keys takes the time of k + this. Absent: 0.
   */
  attentionFixedKeys?: number;
  /** Bytes per value of the GEMM operands. */
  gemmOperandBytes: number;
  memoryBytesPerSecond: number;
  memoryEfficiency: number;
  gemmHalfEfficiencyDim: number;
}

/** Seconds for C[m×n] = A[m×k]·B[k×n]: max(FLOPs at shaped efficiency, operand bytes at HBM rate). */
export function gemmSeconds(m: number, n: number, k: number, r: ComputeRates): number {
  const smallest = m < n ? (m < k ? m : k) : n < k ? n : k;
  const shape = smallest / (smallest + r.gemmHalfEfficiencyDim);
  const computeSeconds = (2 * m * n * k) / (r.gemmFlopsPerSecond * r.gemmEfficiency * shape);
  const memorySeconds = (r.gemmOperandBytes * (m * k + k * n + m * n)) / (r.memoryBytesPerSecond * r.memoryEfficiency);
  return computeSeconds > memorySeconds ? computeSeconds : memorySeconds;
}

/** Seconds for a memory-bound kernel that streams `bytes` through HBM. */
export function streamSeconds(bytes: number, r: ComputeRates): number {
  return bytes / (r.memoryBytesPerSecond * r.memoryEfficiency);
}

/** Seconds for `flops` of attention core (QKᵀ, softmax, AV) at the flash-attention rate. */
export function attentionCoreSeconds(flops: number, r: ComputeRates): number {
  return flops / (r.attentionFlopsPerSecond * r.attentionEfficiency);
}

/**
 * Seconds the special-function units need for `scores` softmax exponentials (one per attention score), 0 where the chip
 * has no stated rate. A fused attention kernel overlaps them with its tensor-core work, so a pass takes the longer of
 * the two: on B200 the exponential unit kept Hopper's 16 per clock per SM while tensor throughput rose 2.25×, so
 * forward attention with small heads (d_qk + d_v ≤ ~256 FLOP-weighted) waits on it (FlashAttention-4 §2); Blackwell
 * Ultra doubles it.
 */
export function softmaxExponentialSeconds(scores: number, r: ComputeRates): number {
  return r.attentionExponentialsPerSecond === undefined ? 0 : scores / r.attentionExponentialsPerSecond;
}

/**
 * The same bound as a rate (serving's roofline works in FLOP/s): one exponential per score caps an attention rate at
 * `exponentialsPerSecond` × `flopsPerScore`; absent rate or no scores, `rate` unchanged.
 */
export function exponentialCappedRate(rate: number, exponentialsPerSecond: number | undefined, flopsPerScore: number): number {
  if (exponentialsPerSecond === undefined || !(flopsPerScore > 0)) return rate;
  const cap = exponentialsPerSecond * flopsPerScore;
  return cap < rate ? cap : rate;
}
