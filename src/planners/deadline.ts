/**
 * The deadline question: the fewest chips whose best plan finishes a training run by a deadline.
 * @module
 */
import type { TrainPrecision } from "../physics/plan.ts";
import { resolveTrainScenario } from "../scenario/train.ts";
import { type RankedPlan, type SearchOptions, searchScenario } from "./search.ts";

export interface DeadlineAnswer {
  /** Fewest chips (a multiple of `step`) whose best plan finishes within the deadline. */
  chips: number;
  best: RankedPlan;
  /** The next smaller count tried, and its best wall-clock days (undefined when nothing fits there). */
  fewerChips?: number;
  fewerChipsDays?: number;
  /** Counts searched. */
  tried: number;
}

/**
 * Fewest chips that finish the scenario's tokens within `deadlineSeconds`: counts are multiples of
 * `step` (default: the chip's scale-up domain); doubling finds a count that meets the deadline, then a
 * binary search between half of it and it, assuming more chips never make the best plan slower.
 */
export function fewestChipsForDeadline(
  input: unknown,
  deadlineSeconds: number,
  options: SearchOptions & { precisions?: readonly TrainPrecision[]; step?: number; maxChips?: number } = {},
): DeadlineAnswer | undefined {
  const scenario = input as { hardware: Record<string, unknown> } & Record<string, unknown>;
  const first = resolveTrainScenario({ ...scenario, hardware: { ...scenario.hardware, count: 1 } });
  const step = options.step ?? first.chip.scaleUpDomainChips;
  const maxChips = options.maxChips ?? 1_048_576;
  const memo = new Map<number, RankedPlan | undefined>();
  const bestAt = (chips: number) => {
    if (!memo.has(chips)) {
      const r = searchScenario({ ...scenario, hardware: { ...scenario.hardware, count: chips } }, options.precisions, { ...options, objective: "fastest", top: 1 });
      memo.set(chips, r.best);
    }
    return memo.get(chips);
  };
  const meets = (chips: number) => {
    const b = bestAt(chips);
    return b !== undefined && b.wallClockDays * 86400 <= deadlineSeconds;
  };
  let hi = step;
  while (!meets(hi)) {
    hi *= 2;
    if (hi > maxChips) return undefined;
  }
  let lo = hi === step ? 0 : hi / 2 / step; // in units of step; lo does not meet (or is zero)
  let hiUnits = hi / step;
  while (hiUnits - lo > 1) {
    const mid = Math.floor((lo + hiUnits) / 2);
    if (meets(mid * step)) hiUnits = mid;
    else lo = mid;
  }
  const chips = hiUnits * step;
  const fewer = lo * step;
  return { chips, best: bestAt(chips) as RankedPlan, fewerChips: fewer || undefined, fewerChipsDays: fewer ? bestAt(fewer)?.wallClockDays : undefined, tried: memo.size };
}
