import { describe, expect, it } from "vitest";
import { runInferBacktest } from "../../src/validation/infer-backtest.ts";

describe("inference backtest", () => {
  const s = runInferBacktest();
  it("covers the expressible rows with finite predictions", () => {
    expect(s.throughputCount).toBeGreaterThanOrEqual(12);
    expect(s.tpotCount).toBeGreaterThanOrEqual(8);
    for (const r of s.rows) expect(Number.isFinite(r.predicted) && r.predicted > 0).toBe(true);
  });
  it("output-throughput MAPE ≤ 12%", () => {
    expect(s.throughputMape).toBeLessThanOrEqual(0.12);
  });
  it("TPOT MAPE ≤ 20% where the concurrency is known (decode physics)", () => {
    expect(s.tpotConcurrencyMape).toBeLessThanOrEqual(0.2);
  });
  // Reached 16.0% (fixed-concurrency rows 9.7%, MLPerf Server rows 22.4%). The Server rows are scored at their
  // achieved request rate, 88-96% of the Offline capacity, where mean TPOT ≈ intercept/(1−ρ) amplifies capacity
  // errors (H100 v4.1 −49%: the same H100s are +14% on v4.1 Offline and −11% on v5.0 Offline). The OpenOrca mean
  // input length is assumed (300 tokens).
  it("TPOT over all TPOT rows: MAPE ≤ 20% (the issue's bar)", () => {
    expect(s.tpotMape).toBeLessThanOrEqual(0.2);
  });
  it("TPOT at a request rate near capacity stays within a factor of three per row, MAPE < 35%", () => {
    for (const r of s.rows.filter((x) => x.metric === "tpotSeconds" && x.load === "rate")) expect(Math.abs(Math.log(r.predicted / r.published))).toBeLessThan(Math.log(3));
    expect(s.tpotRateMape).toBeLessThan(0.3);
  });
});
