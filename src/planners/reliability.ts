/**
 * The reliability question: interruptions by component, checkpoint cost, the Young/Daly interval,
 * goodput and a seeded Monte Carlo of the wall clock of a training run (any train scenario,
 * inline configs included: the run is planned by the training planner first).
 * @module
 */
import { failureRatesPerChipHour, reliabilityDefaults } from "../catalog/reliability.ts";
import { expectedInterruptions } from "../physics/reliability.ts";
import { parseInput } from "../scenario/parse.ts";
import { ReliabilityOptions } from "../scenario/reliability.ts";
import { type JobReliability, jobReliability } from "./goodput.ts";
import { planTrain } from "./train.ts";

export interface ReliabilityOutput extends JobReliability {
  model: string;
  chip: string;
  /** Expected interruptions over a fixed window, beside what Llama 3 reported over its 54 days. */
  window: { days: number; expectedInterruptions: number; llama3Reported: typeof reliabilityDefaults.calibration };
}

/** Reliability of the run a train scenario describes (`scenario`), with optional checkpoint and Monte Carlo settings. */
export function planReliability(input: unknown): ReliabilityOutput {
  const o = parseInput(ReliabilityOptions, input);
  const plan = planTrain(o.scenario);
  const r = jobReliability(plan.chipCount, plan.totalParameters, plan.wallClockDays * 86400, {
    storageWriteBytesPerSecond: o.storageWriteBytesPerSecond,
    restartSeconds: o.restartSeconds,
    checkpointIntervalSeconds: o.checkpointIntervalSeconds,
    trials: o.trials,
    seed: o.seed,
  });
  const days = o.windowDays;
  return {
    model: plan.model,
    chip: plan.chip,
    ...r,
    window: { days, expectedInterruptions: expectedInterruptions(failureRatesPerChipHour(), plan.chipCount, days), llama3Reported: reliabilityDefaults.calibration },
  };
}
