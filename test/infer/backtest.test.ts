import { describe, expect, it } from "vitest";
import { runInferBacktest } from "../../src/validation/infer-backtest.ts";
import { inferenceCases, inferenceRow } from "../../src/validation/inference-cases.ts";

describe("inference backtest", () => {
  const s = runInferBacktest(undefined, { crossValidate: true });
  const cv = s.crossValidation as NonNullable<typeof s.crossValidation>;
  it("covers ≥ 40 serving rows from ≥ 8 source families, each with a source, date and how it was read", () => {
    expect(inferenceCases.length).toBeGreaterThanOrEqual(40);
    expect(cv.families.length).toBeGreaterThanOrEqual(8);
    for (const c of inferenceCases) {
      const row = inferenceRow(c.rowId);
      expect(row.source.url.length).toBeGreaterThan(5);
      expect(c.sourceFamily.length).toBeGreaterThan(3);
      expect(c.assumptions.length).toBeGreaterThan(10);
    }
    for (const r of s.rows) expect(Number.isFinite(r.predicted) && r.predicted > 0).toBe(true);
  });
  it("every row is predicted once in-sample and once with its family left out", () => {
    expect(cv.rows.length).toBe(s.rows.length);
    for (const r of cv.rows) expect(Number.isFinite(r.crossValidated) && r.crossValidated > 0).toBe(true);
    // Each fold's parameters stay inside their plausible bounds (no per-row correction can hide there).
    for (const f of cv.folds) for (const v of Object.values(f.parameters)) expect(Number.isFinite(v as number)).toBe(true);
  });
  // Bars reached (2026-12, 68 scored rows, 10 families): cross-validated serving MAPE 11.4% (throughput 10.0% over
  // 47 rows, TPOT 14.5% over 21); in-sample 8.7% (8.7%, 8.7%). Before (same rows): 21.6% cross-validated, 17.9%
  // in-sample, when MLPerf Server rows were scored on TPOT at their achieved rate (within ~1% of capacity, so a 1%
  // capacity error moved TPOT 2×: v4.1 H200 +104%, v5.0 MI325X +361%). They are now scored as what MLPerf Server
  // measures, the throughput at the row's latency (output tokens/s at its mean TPOT), with NVIDIA's published
  // layouts and gpu_batch_size. The v5.0 rows stay 20-30% slow: software a year newer than any row the fit sees.
  it("cross-validated serving MAPE (throughput and TPOT rows) ≤ 12% (the issue's bar)", () => {
    expect(cv.crossValidatedMape).toBeLessThanOrEqual(0.105); // 9.9% with the A100 GEMM maximum as the mamf table states it (10.6% before)
    expect(cv.inSampleMape).toBeLessThanOrEqual(0.1); // 9.4% with the 6 MTP rows (8.7% over the 68 without)
  });
  it("cross-validated output-throughput MAPE ≤ 10.5% (in-sample ≤ 9.5%); cross-validated TPOT MAPE ≤ 15.5%", () => {
    expect(cv.crossValidatedThroughputMape).toBeLessThanOrEqual(0.105);
    expect(s.throughputMape).toBeLessThanOrEqual(0.095);
    expect(cv.crossValidatedTpotMape).toBeLessThanOrEqual(0.155);
  });
  // With the six TRT-LLM MTP batch-1 rows (feature 'speculative', 17.6% in-sample) the fixed-concurrency TPOT is 13.6%.
  it("TPOT MAPE ≤ 14% where the concurrency is known (decode physics, MTP rows included) and ≤ 10% at a request rate (TRT-LLM v0.14 serving)", () => {
    expect(s.tpotConcurrencyMape).toBeLessThanOrEqual(0.14);
    expect(s.tpotRateMape).toBeLessThanOrEqual(0.1);
    for (const r of s.rows.filter((x) => x.metric === "tpotSeconds" && x.load === "rate")) expect(Math.abs(Math.log(r.predicted / r.published))).toBeLessThan(Math.log(1.35));
  });
  it("MLPerf Server rows, scored at their mean TPOT: every one within 1.45× of its published throughput", () => {
    const server = s.rows.filter((x) => x.load === "tpot");
    expect(server.length).toBeGreaterThanOrEqual(8);
    for (const r of server) {
      expect(r.metric).toBe("outputTokensPerSecond");
      expect(Math.abs(Math.log(r.predicted / r.published))).toBeLessThan(Math.log(1.45));
    }
  });
});
