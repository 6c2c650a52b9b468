/**
 * Run the training backtest: every case through the same planner a user gets, predicted vs published.
 * Pure: returns rows and summary statistics; the faces print them.
 * @module
 */
import { planTrain } from "../planners/train.ts";
import { aggregateCases, partialCases, type TrainingCase, trainingCases, trainingRow } from "./training-cases.ts";

export interface BacktestRow {
  rowId: string;
  kind: TrainingCase["kind"];
  strength: string;
  chip: string;
  chipCount: number;
  model: string;
  plan: string;
  predicted: number;
  published: number;
  /** (predicted − published) / published. */
  error: number;
  derivation: string;
  source: string;
}

export interface BacktestSummary {
  rows: BacktestRow[];
  /** Mean absolute percentage error over the throughput rows (fraction). */
  throughputMape: number;
  /** Largest absolute error over the throughput rows. */
  throughputMaxError: number;
  /** MAPE over the partial-plan rows (danlu picks the unpublished part of the plan). */
  partialMape: number;
  partialCount: number;
  /** Aggregate rows within ±30%. */
  aggregateWithin30: number;
  aggregateCount: number;
}

export function runTrainingBacktest(cases: readonly TrainingCase[] = [...trainingCases, ...partialCases, ...aggregateCases]): BacktestSummary {
  const rows: BacktestRow[] = cases.map((c) => {
    const result = planTrain(c.scenario);
    const p = result.parallelism;
    // Published release hours include interruptions and restarts, so aggregates compare chip-hours at goodput.
    const predicted = c.kind === "aggregate" ? result.chipHours / result.goodput : result.tokensPerSecondPerChip;
    const row = trainingRow(c.rowId);
    return {
      rowId: c.rowId,
      kind: c.kind,
      strength: row.strength,
      chip: result.chip,
      chipCount: result.chipCount,
      model: result.model,
      plan: `TP${p.tp} PP${p.pp} DP${p.dp} CP${p.cp}${p.ep > 1 ? ` EP${p.ep}` : ""} v${p.virtualStages} mb${p.microBatchSize} Z${p.zeroStage} ${p.recompute}`,
      predicted,
      published: c.published,
      error: (predicted - c.published) / c.published,
      derivation: c.derivation,
      source: row.source,
    };
  });
  const throughput = rows.filter((r) => r.kind === "throughput");
  const aggregate = rows.filter((r) => r.kind === "aggregate");
  const partial = rows.filter((r) => r.kind === "partial");
  const abs = throughput.map((r) => Math.abs(r.error));
  return {
    rows,
    throughputMape: abs.length ? abs.reduce((a, b) => a + b, 0) / abs.length : 0,
    throughputMaxError: abs.length ? Math.max(...abs) : 0,
    partialMape: partial.length ? partial.reduce((a, r) => a + Math.abs(r.error), 0) / partial.length : 0,
    partialCount: partial.length,
    aggregateWithin30: aggregate.filter((r) => Math.abs(r.error) <= 0.3).length,
    aggregateCount: aggregate.length,
  };
}
