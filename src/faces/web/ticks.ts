/** Tick values for log axes from the data's extent, so an axis always has ticks where the data is (issue 13). */

const clean = (v: number) => Number(v.toPrecision(12));

function decadeTicks(min: number, max: number, mantissas: readonly number[], stride = 1): number[] {
  const lo = Math.floor(Math.log10(min) + 1e-12);
  const hi = Math.ceil(Math.log10(max) - 1e-12);
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) {
    if (e % stride !== 0) continue;
    for (const m of mantissas) {
      const v = clean(e >= 0 ? m * 10 ** e : m / 10 ** -e);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** Evenly spaced ticks for a range too narrow for any 1…9 × 10^k value to fall in twice. */
function linearTicks(min: number, max: number): number[] {
  const range = max - min;
  const base = 10 ** Math.floor(Math.log10(range));
  for (const step of [base, base / 2, base / 5, base / 10]) {
    const out: number[] = [];
    for (let k = Math.ceil(min / step - 1e-9); k * step <= max * (1 + 1e-9); k++) out.push(clean(k * step));
    if (out.length >= 2) return out;
  }
  return [clean(min), clean(max)];
}

/**
 * Ticks for a log axis spanning [min, max]: 1-2-5 per decade; if that gives more than maxTicks, one per decade
 * (every k-th decade if still too many); if it gives fewer than 2, 1…9 per decade, then evenly spaced ones.
 * Non-positive or non-finite input → [] (Plot's defaults apply).
 */
export function logTicks(min: number, max: number, maxTicks = 10): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min > 0 && max > 0)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) return [clean(min)];
  const ticks = decadeTicks(min, max, [1, 2, 5]);
  if (ticks.length > maxTicks) {
    const decades = decadeTicks(min, max, [1]);
    if (decades.length <= maxTicks) return decades;
    return decadeTicks(min, max, [1], Math.ceil(decades.length / maxTicks));
  }
  if (ticks.length >= 2) return ticks;
  const finer = decadeTicks(min, max, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return finer.length >= 2 ? finer : linearTicks(min, max);
}

/** logTicks over the positive finite values given. */
export function logTicksOf(values: readonly number[], maxTicks = 10): number[] {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  return v.length ? logTicks(Math.min(...v), Math.max(...v), maxTicks) : [];
}
