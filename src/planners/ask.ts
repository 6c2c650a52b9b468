/**
 * The questions asked over the API by a JSON body: search, deadline, compare, capacity and forecast. Each
 * validates its input with its schema from src/scenario/ and answers with the planner the CLI uses.
 * @module
 */
import { chips, getChip } from "../catalog/hardware.ts";
import { InputError, nearestIds } from "../errors.ts";
import { type CapacityRow, capacityRows, defaultMoeActiveRatio } from "./capacity.ts";
import { type CompareRow, compareTrain } from "./compare.ts";
import { type DeadlineAnswer, fewestChipsForDeadline } from "./deadline.ts";
import { type ForecastOutput, forecast } from "./forecast.ts";
import { type SearchReport, searchScenario } from "./search.ts";
import { planTrain } from "./train.ts";
import { CapacityInput } from "../scenario/capacity.ts";
import { parseInput } from "../scenario/parse.ts";
import { CompareInput, DeadlineInput, ForecastInput, SearchInput } from "../scenario/search.ts";

/** The run `danlu forecast` projects when none is given (the CLI's default: Llama 3.1 405B on 16,384 H100). */
export const defaultForecastScenario = {
  model: "llama-3.1-405b",
  hardware: { chip: "h100-sxm", count: 16384 },
  precision: "bf16",
  training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
  parallelism: { tp: 8, pp: 16, dp: 128, cp: 1 },
} as const;

/** Best plans for a training scenario, ranked by an objective, with the rejected plans counted by reason. */
export function planSearch(input: unknown): SearchReport {
  const q = parseInput(SearchInput, input);
  return searchScenario(q.scenario, q.precisions, { objective: q.objective, top: q.top });
}

export interface DeadlineResult extends Partial<DeadlineAnswer> {
  /** False when no chip count up to maxChips finishes in time. */
  met: boolean;
  deadlineDays: number;
}

/** Fewest chips whose best plan finishes the scenario within `deadlineDays`. */
export function planDeadline(input: unknown): DeadlineResult {
  const q = parseInput(DeadlineInput, input);
  const answer = fewestChipsForDeadline(q.scenario, q.deadlineDays * 86400, { precisions: q.precisions, step: q.step, maxChips: q.maxChips });
  return answer ? { met: true, deadlineDays: q.deadlineDays, ...answer } : { met: false, deadlineDays: q.deadlineDays };
}

/** Every chip (or those listed) ranked for one training run. */
export function planCompare(input: unknown): CompareRow[] {
  const q = parseInput(CompareInput, input);
  for (const [i, id] of (q.chips ?? []).entries()) getChip(id, `chips.${i}`);
  return compareTrain(q.scenario as unknown as Record<string, unknown>, q.chips);
}

/** Largest dense and MoE model each chip can train and serve, per scope. */
export function planCapacity(input: unknown): { contextTokens: number; moeActiveRatio: number; rows: CapacityRow[] } {
  const q = parseInput(CapacityInput, input);
  const ids = q.chips ?? chips.map((c) => c.id);
  for (const [i, id] of ids.entries()) getChip(id, `chips.${i}`);
  const moeActiveRatio = q.moeActiveRatio ?? defaultMoeActiveRatio;
  const rows = capacityRows(ids, {
    contextTokens: q.contextTokens,
    scopes: q.scopes,
    trainPrecision: q.trainPrecision,
    serveWeightBytesPerParameter: q.serveWeightBytesPerParameter,
    moeActiveRatio,
  });
  return { contextTokens: q.contextTokens, moeActiveRatio, rows };
}

/** Hardware trends and a run's cost, days and energy projected from `fromYear`. */
export function planForecast(input: unknown): ForecastOutput {
  const q = parseInput(ForecastInput, input);
  let pool: typeof chips | undefined;
  if (q.vendor !== undefined) {
    const wanted = q.vendor.toLowerCase();
    pool = chips.filter((c) => c.vendor.toLowerCase() === wanted && c.use !== "inference");
    if (pool.length < 3)
      throw new InputError({
        path: "vendor",
        value: JSON.stringify(q.vendor),
        expected: "a vendor with at least three data-centre chips in the catalog",
        suggestions: nearestIds(wanted, [...new Set(chips.map((c) => c.vendor.toLowerCase()))]),
      });
  }
  const run = planTrain(q.scenario ?? defaultForecastScenario);
  if (!run.fits) throw new InputError({ path: "scenario", expected: `a run that fits (${run.reason ?? "no plan fits in memory"})` });
  const baseline = {
    description: `${run.model} on ${run.chipCount} × ${run.chip}, ${run.precision}, rented`,
    costUsd: (run.costUsd ?? 0) / run.goodput,
    days: run.wallClockDaysWithGoodput,
    megawattHours: run.energyMegawattHours / run.goodput,
  };
  return forecast(baseline, q.fromYear, q.years, pool);
}
