/**
 * The forecast: log-linear trends of catalog chips by release year (dense bf16/fp8 FLOP/s per chip, per watt
 * and per purchase dollar; memory; memory bandwidth; scale-up bandwidth) with doubling times and R², the
 * projected cost, time and energy of a run in the next years, and the lecture's "each year: half the price,
 * or half the time, or twice the model" against the fitted factors. Pure.
 * @module
 */
import { chips } from "../catalog/hardware.ts";
import type { Chip } from "../catalog/schema.ts";
import { fitLogLinear, type Trend, type TrendPoint, trendRatio } from "../physics/forecast.ts";
import { ForecastSpan } from "../scenario/forecast.ts";
import { parseInput } from "../scenario/parse.ts";

export { trendAt } from "../physics/forecast.ts";

export type MetricId =
  | "bf16FlopsPerChip"
  | "fp8FlopsPerChip"
  | "bf16FlopsPerWatt"
  | "bf16FlopsPerDollar"
  | "fp8FlopsPerDollar"
  | "memoryBytesPerChip"
  | "memoryBytesPerSecond"
  | "scaleUpBytesPerSecond";

const metrics: Record<MetricId, { label: string; value: (c: Chip) => number | undefined }> = {
  bf16FlopsPerChip: { label: "dense bf16 FLOP/s per chip", value: (c) => c.denseFlopsPerSecond.bf16 },
  fp8FlopsPerChip: { label: "dense fp8 FLOP/s per chip", value: (c) => c.denseFlopsPerSecond.fp8 },
  bf16FlopsPerWatt: { label: "dense bf16 FLOP/s per watt", value: (c) => (c.denseFlopsPerSecond.bf16 ? c.denseFlopsPerSecond.bf16 / c.tdpWatts : undefined) },
  bf16FlopsPerDollar: {
    label: "dense bf16 FLOP/s per purchase dollar",
    value: (c) => (c.denseFlopsPerSecond.bf16 && c.purchaseUsd ? c.denseFlopsPerSecond.bf16 / c.purchaseUsd : undefined),
  },
  fp8FlopsPerDollar: {
    label: "dense fp8 FLOP/s per purchase dollar",
    value: (c) => (c.denseFlopsPerSecond.fp8 && c.purchaseUsd ? c.denseFlopsPerSecond.fp8 / c.purchaseUsd : undefined),
  },
  memoryBytesPerChip: { label: "memory per chip (bytes)", value: (c) => c.memoryBytes },
  memoryBytesPerSecond: { label: "memory bandwidth (B/s)", value: (c) => c.memoryBytesPerSecond },
  scaleUpBytesPerSecond: { label: "scale-up bandwidth per chip (B/s)", value: (c) => c.scaleUpBytesPerSecond },
};

/** Below this R² a fitted line explains too little of the spread to be called a trend ("no clear trend"). */
export const clearTrendRSquared = 0.3;

export interface FittedTrend extends Omit<Trend, "doublingYears"> {
  /** Whether R² ≥ clearTrendRSquared; when false the faces say "no clear trend" and give no doubling time. */
  clearTrend: boolean;
  /** Years for the metric to double: only for a clear, rising trend (never negative). */
  doublingYears?: number;
  /** Years for the metric to halve: only for a clear, falling trend. */
  halvingYears?: number;
  metric: MetricId;
  label: string;
  chips: string[];
  /** The data the line was fitted to: one point per chip (id, release year, value). */
  data: TrendPoint[];
}

/** Fit every metric over data-centre chips (consumer cards excluded: `use: inference`). */
export function fitTrends(pool: readonly Chip[] = chips.filter((c) => c.use !== "inference")): FittedTrend[] {
  return (Object.keys(metrics) as MetricId[]).map((metric) => {
    const points: TrendPoint[] = [];
    for (const c of pool) {
      const v = metrics[metric].value(c);
      if (v !== undefined && v > 0) points.push({ id: c.id, year: c.releaseYear, value: v });
    }
    const { doublingYears, ...fit } = fitLogLinear(points);
    const clearTrend = fit.rSquared >= clearTrendRSquared && Number.isFinite(doublingYears) && doublingYears !== 0;
    return {
      metric,
      label: metrics[metric].label,
      chips: points.map((p) => p.id),
      data: points,
      ...fit,
      clearTrend,
      ...(clearTrend && doublingYears > 0 ? { doublingYears } : {}),
      ...(clearTrend && doublingYears < 0 ? { halvingYears: -doublingYears } : {}),
    };
  });
}

export interface RunBaseline {
  description: string;
  costUsd: number;
  days: number;
  megawattHours: number;
}

export interface Projection {
  year: number;
  costUsd: number;
  days: number;
  megawattHours: number;
  /** Model size affordable at the baseline's cost and days (tokens fixed, compute ∝ N·D). */
  modelScale: number;
}

export interface ForecastOutput {
  trends: FittedTrend[];
  baseYear: number;
  baseline: RunBaseline;
  projections: Projection[];
  /** Mu Li's rules of thumb (src/planners/rules-of-thumb.ts) against the fitted factors; `clearTrend` false: the fit says nothing. */
  lecture: Array<{ claim: string; lectureFactorPerYear: number; fittedFactorPerYear: number; metric: MetricId; rSquared: number; clearTrend: boolean }>;
}

/**
 * Project `baseline` (a run priced in `baseYear`) forward: cost falls with FLOP/s per dollar, days with FLOP/s
 * per chip (same chip count), energy with FLOP/s per watt. `pool` limits the fit (e.g. one vendor's chips).
 */
export function forecast(baseline: RunBaseline, baseYear: number, years = 3, pool?: readonly Chip[]): ForecastOutput {
  parseInput(ForecastSpan, { baseYear, years });
  const trends = pool ? fitTrends(pool) : fitTrends();
  const get = (m: MetricId) => trends.find((t) => t.metric === m) as FittedTrend;
  const perDollar = get("bf16FlopsPerDollar");
  const perChip = get("bf16FlopsPerChip");
  const perWatt = get("bf16FlopsPerWatt");
  const projections: Projection[] = [];
  for (let k = 1; k <= years; k++) {
    const year = baseYear + k;
    projections.push({
      year,
      costUsd: baseline.costUsd / trendRatio(perDollar, baseYear, year),
      days: baseline.days / trendRatio(perChip, baseYear, year),
      megawattHours: baseline.megawattHours / trendRatio(perWatt, baseYear, year),
      modelScale: trendRatio(perDollar, baseYear, year),
    });
  }
  return {
    trends,
    baseYear,
    baseline,
    projections,
    lecture: [
      {
        claim: "half the price each year (FLOP/s per dollar ×2)",
        lectureFactorPerYear: 2,
        fittedFactorPerYear: perDollar.annualFactor,
        metric: "bf16FlopsPerDollar",
        rSquared: perDollar.rSquared,
        clearTrend: perDollar.clearTrend,
      },
      {
        claim: "half the time each year (FLOP/s per chip ×2)",
        lectureFactorPerYear: 2,
        fittedFactorPerYear: perChip.annualFactor,
        metric: "bf16FlopsPerChip",
        rSquared: perChip.rSquared,
        clearTrend: perChip.clearTrend,
      },
      {
        claim: "twice the model each year at the same budget (compute per dollar ×2)",
        lectureFactorPerYear: 2,
        fittedFactorPerYear: perDollar.annualFactor,
        metric: "bf16FlopsPerDollar",
        rSquared: perDollar.rSquared,
        clearTrend: perDollar.clearTrend,
      },
    ],
  };
}
