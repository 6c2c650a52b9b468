/**
 * Goodput of a training job from the catalog's failure rates and checkpoint defaults (Young/Daly):
 * what every train plan reports next to its ideal days, and the reliability question's core.
 * @module
 */
import { failureRatesPerChipHour, reliabilityDefaults } from "../catalog/reliability.ts";
import { type MonteCarloResult, monteCarloWallClock, type ReliabilityResult, reliability } from "../physics/reliability.ts";

export interface JobReliability extends ReliabilityResult {
  chips: number;
  checkpointBytes: number;
  restartSeconds: number;
  idealDays: number;
  /** Ideal days / goodput. */
  expectedDays: number;
  expectedInterruptions: number;
  monteCarlo: MonteCarloResult;
}

/** Reliability and goodput of `chips` training for `idealSeconds` of pure work with `parameters` to checkpoint. */
export function jobReliability(
  chips: number,
  parameters: number,
  idealSeconds: number,
  options: { storageWriteBytesPerSecond?: number; restartSeconds?: number; checkpointIntervalSeconds?: number; trials?: number; seed?: number } = {},
): JobReliability {
  const d = reliabilityDefaults;
  const checkpointBytes = parameters * d.checkpointBytesPerParameter;
  const restartSeconds = options.restartSeconds ?? d.restartSeconds;
  const r = reliability({
    chips,
    failureRatesPerChipHour: failureRatesPerChipHour(),
    checkpointBytes,
    storageWriteBytesPerSecond: options.storageWriteBytesPerSecond ?? d.storageWriteBytesPerSecond,
    restartSeconds,
    checkpointIntervalSeconds: options.checkpointIntervalSeconds,
  });
  const expectedSeconds = r.goodput > 0 ? idealSeconds / r.goodput : Number.POSITIVE_INFINITY;
  return {
    ...r,
    chips,
    checkpointBytes,
    restartSeconds,
    idealDays: idealSeconds / 86400,
    expectedDays: expectedSeconds / 86400,
    expectedInterruptions: (expectedSeconds / 3600) * r.interruptionsPerHour,
    monteCarlo: monteCarloWallClock(idealSeconds, r, restartSeconds, options.trials ?? 400, options.seed ?? 42),
  };
}

/** Goodput only (no Monte Carlo): what every train plan reports next to its ideal days. */
export function trainGoodput(chips: number, parameters: number): { goodput: number; interruptionsPerDay: number; optimalCheckpointIntervalSeconds: number } {
  const d = reliabilityDefaults;
  const r = reliability({
    chips,
    failureRatesPerChipHour: failureRatesPerChipHour(),
    checkpointBytes: parameters * d.checkpointBytesPerParameter,
    storageWriteBytesPerSecond: d.storageWriteBytesPerSecond,
    restartSeconds: d.restartSeconds,
  });
  return { goodput: r.goodput, interruptionsPerDay: r.interruptionsPerHour * 24, optimalCheckpointIntervalSeconds: r.optimalIntervalSeconds };
}
