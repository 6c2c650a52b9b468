/**
 * Which chips the backtests cover: a ranking notes every chip with no validation row for its kind of job
 * ("not validated on this chip"), so a prediction on an unmeasured chip is not read as a measured one.
 * @module
 */
import { inferenceCases } from "./inference-cases.ts";
import { aggregateCases, partialCases, trainingCases } from "./training-cases.ts";

// Backtest cases name catalog chips (an inline chip has no id to cover).
const chipOf = (scenario: { hardware: { chip: string | Record<string, unknown> } }) => (typeof scenario.hardware.chip === "string" ? scenario.hardware.chip : "");

/** Chip ids with at least one training validation row (throughput, partial or aggregate). */
export const trainValidatedChips: ReadonlySet<string> = new Set([...trainingCases, ...partialCases, ...aggregateCases].map((c) => chipOf(c.scenario)));

/** Chip ids with at least one inference validation row. */
export const inferValidatedChips: ReadonlySet<string> = new Set(inferenceCases.map((c) => chipOf(c.scenario)));

/** The note a ranking prints beside a chip the backtest does not cover for this job, else undefined. */
export function validationNote(chipId: string, job: "train" | "infer"): string | undefined {
  const covered = job === "train" ? trainValidatedChips : inferValidatedChips;
  return covered.has(chipId) ? undefined : "not validated on this chip";
}
