import { describe, expect, it } from "vitest";
import { runInferBacktest } from "../../src/validation/infer-backtest.ts";

describe("inference backtest", () => {
  const s = runInferBacktest();
  it("covers the expressible rows with finite predictions", () => {
    expect(s.throughputCount).toBeGreaterThanOrEqual(12);
    expect(s.tpotCount).toBeGreaterThanOrEqual(8);
    for (const r of s.rows) expect(Number.isFinite(r.predicted) && r.predicted > 0).toBe(true);
  });
  it("output-throughput MAPE ≤ 20%", () => {
    expect(s.throughputMape).toBeLessThanOrEqual(0.2);
  });
  it("TPOT MAPE ≤ 20% where the concurrency is known (decode physics)", () => {
    expect(s.tpotConcurrencyMape).toBeLessThanOrEqual(0.2);
  });
  it("TPOT at a request rate near capacity stays within a factor of two (reported, ill-conditioned)", () => {
    for (const r of s.rows.filter((x) => x.metric === "tpotSeconds" && x.load === "rate")) expect(Math.abs(Math.log(r.predicted / r.published))).toBeLessThan(Math.log(3));
    expect(s.tpotRateMape).toBeLessThan(0.75);
  });
});
