/**
 * Run the inference backtest: every case through the same planner a user gets; predicted vs published
 * output throughput and TPOT, with MAPE. Pure: the faces print it.
 * @module
 */
import { planInfer } from "../planners/infer.ts";
import { type InferenceCase, inferenceCases, inferenceRow } from "./inference-cases.ts";

export interface InferBacktestRow {
  rowId: string;
  metric: "outputTokensPerSecond" | "tpotSeconds";
  chip: string;
  chipCount: number;
  model: string;
  plan: string;
  predicted: number;
  published: number;
  /** (predicted − published) / published. */
  error: number;
  /** Single-stream bound: weight bytes per chip / peak HBM bandwidth (seconds). */
  assumptions: string;
  source: string;
}

export interface InferBacktestSummary {
  rows: InferBacktestRow[];
  throughputMape: number;
  throughputCount: number;
  tpotMape: number;
  tpotCount: number;
  maxAbsError: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function runInferBacktest(cases: readonly InferenceCase[] = inferenceCases): InferBacktestSummary {
  const rows: InferBacktestRow[] = [];
  for (const c of cases) {
    const r = planInfer(c.scenario);
    const p = r.parallelism;
    const base = {
      rowId: c.rowId,
      chip: r.chip,
      chipCount: r.chipCount,
      model: r.model,
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
  const l = rows.filter((r) => r.metric === "tpotSeconds").map((r) => Math.abs(r.error));
  return {
    rows,
    throughputMape: mean(t),
    throughputCount: t.length,
    tpotMape: mean(l),
    tpotCount: l.length,
    maxAbsError: Math.max(0, ...rows.map((r) => Math.abs(r.error))),
  };
}
