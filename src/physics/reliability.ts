/**
 * Reliability and goodput of a long training run: interruptions from per-chip-hour failure rates,
 * checkpoint cost, the Young/Daly optimal checkpoint interval τ = sqrt(2·δ·MTBF) (Young 1974; Daly 2006),
 * the expected goodput of the first-order model, and a seeded Monte Carlo of the wall clock.
 * Pure: no I/O, no clock, no Math.random (a tiny seeded PRNG, mulberry32).
 * @module
 */

export interface ReliabilityInput {
  chips: number;
  /** Unexpected interruptions per chip-hour, by component. */
  failureRatesPerChipHour: Record<string, number>;
  checkpointBytes: number;
  storageWriteBytesPerSecond: number;
  restartSeconds: number;
  /** Checkpoint interval, seconds; omitted → Young/Daly optimum. */
  checkpointIntervalSeconds?: number;
}

export interface ReliabilityResult {
  /** Cluster-wide interruptions per hour. */
  interruptionsPerHour: number;
  byComponentPerHour: Record<string, number>;
  /** Mean time between interruptions of the whole job, seconds. */
  mtbfSeconds: number;
  /** Time to write one checkpoint (training blocked), seconds. */
  checkpointWriteSeconds: number;
  /** Young/Daly optimum sqrt(2·δ·M), seconds. */
  optimalIntervalSeconds: number;
  intervalSeconds: number;
  /** Fraction of wall-clock spent on useful training (first-order model). */
  goodput: number;
  /** Where the rest goes, as fractions of wall clock: checkpoint writes, lost work, restarts. */
  wasteFractions: { checkpoint: number; lostWork: number; restart: number };
}

export function reliability(p: ReliabilityInput): ReliabilityResult {
  const byComponentPerHour: Record<string, number> = {};
  let perHour = 0;
  for (const [k, rate] of Object.entries(p.failureRatesPerChipHour)) {
    byComponentPerHour[k] = rate * p.chips;
    perHour += rate * p.chips;
  }
  const mtbfSeconds = perHour > 0 ? 3600 / perHour : Number.POSITIVE_INFINITY;
  const checkpointWriteSeconds = p.checkpointBytes / p.storageWriteBytesPerSecond;
  const optimalIntervalSeconds = Math.sqrt(2 * checkpointWriteSeconds * mtbfSeconds);
  const tau = p.checkpointIntervalSeconds ?? optimalIntervalSeconds;
  // First-order (Young/Daly) waste: δ/τ for checkpoints; per failure, half an interval of lost work plus a restart.
  const checkpoint = checkpointWriteSeconds / (tau + checkpointWriteSeconds);
  const lostWork = (tau + checkpointWriteSeconds) / 2 / mtbfSeconds;
  const restart = p.restartSeconds / mtbfSeconds;
  const goodput = Math.max(0, 1 - checkpoint - lostWork - restart);
  return {
    interruptionsPerHour: perHour,
    byComponentPerHour,
    mtbfSeconds,
    checkpointWriteSeconds,
    optimalIntervalSeconds,
    intervalSeconds: tau,
    goodput,
    wasteFractions: { checkpoint, lostWork, restart },
  };
}

/** Expected unexpected interruptions of `chips` over `days`. */
export function expectedInterruptions(ratesPerChipHour: Record<string, number>, chips: number, days: number): number {
  let total = 0;
  for (const rate of Object.values(ratesPerChipHour)) total += rate * chips * days * 24;
  return total;
}

/** mulberry32: a 32-bit seeded PRNG (Tommy Ettinger), uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MonteCarloResult {
  trials: number;
  seed: number;
  p50Days: number;
  p90Days: number;
  meanDays: number;
  meanInterruptions: number;
}

/**
 * Simulate `trials` runs of `workSeconds` of training: work in intervals of τ, each followed by a δ checkpoint;
 * failures arrive as a Poisson process of mean gap MTBF, lose the work since the last checkpoint and cost a restart.
 */
export function monteCarloWallClock(
  workSeconds: number,
  r: Pick<ReliabilityResult, "mtbfSeconds" | "intervalSeconds" | "checkpointWriteSeconds">,
  restartSeconds: number,
  trials = 1000,
  seed = 42,
): MonteCarloResult {
  const rand = mulberry32(seed);
  const tau = r.intervalSeconds;
  const delta = r.checkpointWriteSeconds;
  const segment = tau + delta;
  const days: number[] = [];
  let interruptions = 0;
  for (let trial = 0; trial < trials; trial++) {
    let done = 0;
    let wall = 0;
    while (done < workSeconds) {
      const gap = Number.isFinite(r.mtbfSeconds) ? -Math.log(1 - rand()) * r.mtbfSeconds : Number.POSITIVE_INFINITY;
      const remaining = workSeconds - done;
      // Wall time to finish from here without failure: whole segments, the last without its checkpoint.
      const segmentsLeft = Math.ceil(remaining / tau);
      const finishSeconds = remaining + (segmentsLeft - 1) * delta;
      if (gap >= finishSeconds) {
        wall += finishSeconds;
        done = workSeconds;
        break;
      }
      // Failure after `gap`: keep the whole segments completed (work and checkpoint written).
      const segmentsSaved = Math.floor(gap / segment);
      done += segmentsSaved * tau;
      wall += gap + restartSeconds;
      interruptions++;
    }
    days.push(wall / 86400);
  }
  days.sort((a, b) => a - b);
  const q = (f: number) => days[Math.min(days.length - 1, Math.floor(f * days.length))];
  return {
    trials,
    seed,
    p50Days: q(0.5),
    p90Days: q(0.9),
    meanDays: days.reduce((a, b) => a + b, 0) / days.length,
    meanInterruptions: interruptions / trials,
  };
}
