/**
 * Run the inference backtest: every case through the same planner a user gets; predicted vs published
 * output throughput and TPOT, with MAPE. Pure: the faces print it.
 * @module
 */
import { planInfer, planInferAtTpot } from "../planners/infer.ts";
import { type InferCrossValidation, crossValidateInference } from "./infer-cv.ts";
import { type InferenceCase, inferenceCases, inferenceRow } from "./inference-cases.ts";

export interface InferBacktestRow {
  rowId: string;
  sourceFamily: string;
  feature: InferenceCase["feature"];
  metric: "outputTokensPerSecond" | "tpotSeconds";
  /** "rate": served at a request rate, so TPOT depends on how close the rate is to capacity; "tpot": throughput at the row's mean TPOT (MLPerf Server). */
  load: "concurrency" | "rate" | "tpot";
  chip: string;
  chipCount: number;
  model: string;
  plan: string;
  predicted: number;
  published: number;
  /** (predicted − published) / published. */
  error: number;
  assumptions: string;
  source: string;
}

export interface InferBacktestSummary {
  rows: InferBacktestRow[];
  throughputMape: number;
  throughputCount: number;
  /** TPOT MAPE over all TPOT rows. */
  tpotMape: number;
  tpotCount: number;
  /** TPOT MAPE over rows with a fixed concurrency (batch-1, fixed batch): decode physics. */
  tpotConcurrencyMape: number;
  tpotConcurrencyCount: number;
  /** TPOT MAPE over rows served at a request rate near capacity (ill-conditioned: TPOT → ∞ as rate → capacity). */
  tpotRateMape: number;
  tpotRateCount: number;
  maxAbsError: number;
  /** Leave-one-source-family-out cross-validation (present when asked for): the headline serving error. */
  crossValidation?: InferCrossValidation;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function runInferBacktest(cases: readonly InferenceCase[] = inferenceCases, options: { crossValidate?: boolean } = {}): InferBacktestSummary {
  const rows: InferBacktestRow[] = [];
  for (const c of cases) {
    const r = c.atTpotSeconds !== undefined ? planInferAtTpot(c.scenario, c.atTpotSeconds) : planInfer(c.scenario, undefined, { simulate: false });
    const p = r.parallelism;
    const base = {
      rowId: c.rowId,
      sourceFamily: c.sourceFamily,
      feature: c.feature,
      chip: r.chip,
      chipCount: r.chipCount,
      model: r.model,
      load: (c.atTpotSeconds !== undefined ? "tpot" : "requestsPerSecond" in c.scenario.workload ? "rate" : "concurrency") as InferBacktestRow["load"],
      plan: `TP${p.tp} PP${p.pp}${p.ep > 1 ? ` EP${p.ep}` : ""} ×${p.replicas} @${Math.round(r.concurrency)}`,
      assumptions: c.assumptions,
      source: inferenceRow(c.rowId).source.url,
    };
    if (c.publishedOutputTokensPerSecond !== undefined) {
      const published = c.publishedOutputTokensPerSecond;
      rows.push({ ...base, metric: "outputTokensPerSecond", predicted: r.outputTokensPerSecond, published, error: (r.outputTokensPerSecond - published) / published });
    }
    if (c.publishedTpotSeconds !== undefined) {
      const published = c.publishedTpotSeconds;
      rows.push({ ...base, metric: "tpotSeconds", predicted: r.tpotSeconds, published, error: (r.tpotSeconds - published) / published });
    }
  }
  const t = rows.filter((r) => r.metric === "outputTokensPerSecond").map((r) => Math.abs(r.error));
  const tpot = rows.filter((r) => r.metric === "tpotSeconds");
  const l = tpot.map((r) => Math.abs(r.error));
  const lc = tpot.filter((r) => r.load === "concurrency").map((r) => Math.abs(r.error));
  const lr = tpot.filter((r) => r.load === "rate").map((r) => Math.abs(r.error));
  return {
    rows,
    throughputMape: mean(t),
    throughputCount: t.length,
    tpotMape: mean(l),
    tpotCount: l.length,
    tpotConcurrencyMape: mean(lc),
    tpotConcurrencyCount: lc.length,
    tpotRateMape: mean(lr),
    tpotRateCount: lr.length,
    maxAbsError: Math.max(0, ...rows.map((r) => Math.abs(r.error))),
    ...(options.crossValidate ? { crossValidation: crossValidateInference(cases) } : {}),
  };
}
