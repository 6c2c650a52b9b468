/**
 * Sweeps: the best plan for every cell of a grid of models × chips × counts × precisions. Pure: cells
 * and rows; running them in parallel on worker threads is the Node adapter's job (faces/node/sweep-pool.ts).
 * @module
 */
import type { TrainPrecision } from "../physics/plan.ts";
import { type Objective, searchScenario } from "./search.ts";

export interface SweepGrid {
  models: Array<string | Record<string, unknown>>;
  chips: string[];
  counts: number[];
  precisions: TrainPrecision[];
  training: { tokens: number; sequenceLength: number; globalBatchTokens: number };
  objective?: Objective;
}

export interface SweepCell {
  index: number;
  model: string | Record<string, unknown>;
  chip: string;
  count: number;
  precision: TrainPrecision;
  training: SweepGrid["training"];
  objective: Objective;
}

/** One row per cell; plan fields are absent when no plan fits or the input is invalid (see `error`). */
export interface SweepRow {
  model: string;
  chip: string;
  count: number;
  precision: string;
  fits: boolean;
  tp?: number;
  pp?: number;
  dp?: number;
  cp?: number;
  ep?: number;
  zeroStage?: number;
  microBatchSize?: number;
  virtualStages?: number;
  recompute?: string;
  memoryPerChipBytes?: number;
  stepTimeSeconds?: number;
  mfu?: number;
  tokensPerSecond?: number;
  wallClockDays?: number;
  chipHours?: number;
  energyMegawattHours?: number;
  costUsd?: number;
  /** Plans timed for this cell. */
  evaluated: number;
  error?: string;
}

export function sweepCells(grid: SweepGrid): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const model of grid.models)
    for (const chip of grid.chips)
      for (const count of grid.counts)
        for (const precision of grid.precisions)
          cells.push({ index: cells.length, model, chip, count, precision, training: grid.training, objective: grid.objective ?? "fastest" });
  return cells;
}

/** Search one cell (what each worker runs). Input errors become the row's `error`. */
export function runCell(cell: SweepCell): SweepRow {
  const modelName = typeof cell.model === "string" ? cell.model : String((cell.model as { name?: unknown }).name ?? "custom");
  const base: SweepRow = { model: modelName, chip: cell.chip, count: cell.count, precision: cell.precision, fits: false, evaluated: 0 };
  try {
    const report = searchScenario({ model: cell.model, hardware: { chip: cell.chip, count: cell.count }, precision: cell.precision, training: cell.training }, undefined, {
      objective: cell.objective,
      top: 1,
    });
    base.evaluated = report.evaluated;
    const b = report.best;
    if (!b) {
      const reasons = Object.entries(report.rejectedByReason).sort((x, y) => y[1] - x[1]);
      base.error = reasons.length ? `no plan fits (most: ${reasons[0][0]})` : "no plan fits";
      return base;
    }
    const p = b.parallelism;
    return {
      ...base,
      fits: true,
      tp: p.tp,
      pp: p.pp,
      dp: p.dp,
      cp: p.cp,
      ep: p.ep,
      zeroStage: p.zeroStage,
      microBatchSize: p.microBatchSize,
      virtualStages: p.virtualStages,
      recompute: p.recompute,
      memoryPerChipBytes: b.memoryPerChipBytes,
      stepTimeSeconds: b.stepTimeSeconds,
      mfu: b.mfu,
      tokensPerSecond: b.tokensPerSecond,
      wallClockDays: b.wallClockDays,
      chipHours: b.chipHours,
      energyMegawattHours: b.energyMegawattHours,
      costUsd: b.costUsd,
    };
  } catch (error) {
    base.error = (error as Error).message.split("\n")[0];
    return base;
  }
}

/** Rows best-first by the objective (unfitting rows last), for the table view. */
export function rankRows(rows: SweepRow[], objective: Objective): SweepRow[] {
  const key = (r: SweepRow) =>
    !r.fits
      ? Number.POSITIVE_INFINITY
      : objective === "cheapest"
        ? (r.costUsd ?? r.chipHours ?? 0)
        : objective === "energy"
          ? (r.energyMegawattHours ?? 0)
          : (r.wallClockDays ?? 0);
  return [...rows].sort((a, b) => key(a) - key(b));
}

export const sweepColumns: Array<keyof SweepRow> = [
  "model",
  "chip",
  "count",
  "precision",
  "fits",
  "tp",
  "pp",
  "dp",
  "cp",
  "ep",
  "zeroStage",
  "microBatchSize",
  "virtualStages",
  "recompute",
  "memoryPerChipBytes",
  "stepTimeSeconds",
  "mfu",
  "tokensPerSecond",
  "wallClockDays",
  "chipHours",
  "energyMegawattHours",
  "costUsd",
  "evaluated",
  "error",
];

export function toCsv(rows: SweepRow[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return "";
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [sweepColumns.join(","), ...rows.map((r) => sweepColumns.map((c) => cell(r[c])).join(","))].join("\n");
}
