/**
 * Trend fitting for the forecast: least squares of log2(metric) on release year, the doubling time
 * (years per doubling = 1 / slope) and R² of the fit, and projections of a metric to a target year.
 * Pure.
 * @module
 */

export interface TrendPoint {
  id: string;
  year: number;
  value: number;
}

export interface Trend {
  points: number;
  /** log2(value) = intercept + slope · year. */
  slopePerYear: number;
  intercept: number;
  /** Years for the metric to double (negative when it halves). */
  doublingYears: number;
  /** Factor per year, 2^slope. */
  annualFactor: number;
  rSquared: number;
}

export function fitLogLinear(points: readonly TrendPoint[]): Trend {
  const n = points.length;
  if (n < 2) return { points: n, slopePerYear: 0, intercept: 0, doublingYears: Number.POSITIVE_INFINITY, annualFactor: 1, rSquared: 0 };
  const xs = points.map((p) => p.year);
  const ys = points.map((p) => Math.log2(p.value));
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  const rSquared = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
  return { points: n, slopePerYear: slope, intercept, doublingYears: slope !== 0 ? 1 / slope : Number.POSITIVE_INFINITY, annualFactor: 2 ** slope, rSquared };
}

/** Fitted value at `year`. */
export function trendAt(t: Pick<Trend, "intercept" | "slopePerYear">, year: number): number {
  return 2 ** (t.intercept + t.slopePerYear * year);
}

/** Factor by which the fitted metric grows from `fromYear` to `toYear`. */
export function trendRatio(t: Pick<Trend, "slopePerYear">, fromYear: number, toYear: number): number {
  return 2 ** (t.slopePerYear * (toYear - fromYear));
}
