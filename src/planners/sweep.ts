/**
 * Sweeps: the best plan for every cell of a grid of models × chips × counts × precisions, in parallel
 * over CPU cores with worker threads (node:worker_threads), results in grid order.
 * @module
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
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
    const report = searchScenario(
      { model: cell.model, hardware: { chip: cell.chip, count: cell.count }, precision: cell.precision, training: cell.training },
      undefined,
      { objective: cell.objective, top: 1 },
    );
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

export interface SweepOptions {
  /** Worker threads (default: cores − 1, at most the cells; 0 runs inline on this thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Run the grid; rows in grid order. */
export async function runSweep(grid: SweepGrid, options: SweepOptions = {}): Promise<SweepRow[]> {
  const cells = sweepCells(grid);
  const total = cells.length;
  const rows: SweepRow[] = new Array(total);
  let done = 0;
  const workers = Math.min(options.workers ?? Math.max(1, availableParallelism() - 1), total);
  if (workers <= 0 || total <= 1) {
    for (const cell of cells) {
      rows[cell.index] = runCell(cell);
      options.onProgress?.(++done, total);
    }
    return rows;
  }
  const shards: SweepCell[][] = Array.from({ length: workers }, () => []);
  // Round-robin so large models and counts spread over the workers.
  cells.forEach((cell, i) => shards[i % workers].push(cell));
  const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./sweep-worker.ts" : "./sweep-worker.js", import.meta.url);
  await Promise.all(
    shards.map(
      (shard) =>
        new Promise<void>((resolve, reject) => {
          // Under tsx (sources run as .ts) the worker registers tsx's loader before importing its module.
          const worker = workerUrl.pathname.endsWith(".ts")
            ? new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`, { eval: true, workerData: shard })
            : new Worker(workerUrl, { workerData: shard });
          worker.on("message", (message: { index: number; row: SweepRow }) => {
            rows[message.index] = message.row;
            options.onProgress?.(++done, total);
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`sweep worker exited with code ${code}`))));
        }),
    ),
  );
  return rows;
}

/** Rows best-first by the objective (unfitting rows last), for the table view. */
export function rankRows(rows: SweepRow[], objective: Objective): SweepRow[] {
  const key = (r: SweepRow) =>
    !r.fits ? Number.POSITIVE_INFINITY : objective === "cheapest" ? (r.costUsd ?? r.chipHours ?? 0) : objective === "energy" ? (r.energyMegawattHours ?? 0) : (r.wallClockDays ?? 0);
  return [...rows].sort((a, b) => key(a) - key(b));
}

export const sweepColumns: Array<keyof SweepRow> = [
  "model", "chip", "count", "precision", "fits", "tp", "pp", "dp", "cp", "ep", "zeroStage", "microBatchSize", "virtualStages", "recompute",
  "memoryPerChipBytes", "stepTimeSeconds", "mfu", "tokensPerSecond", "wallClockDays", "chipHours", "energyMegawattHours", "costUsd", "evaluated", "error",
];

export function toCsv(rows: SweepRow[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return "";
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [sweepColumns.join(","), ...rows.map((r) => sweepColumns.map((c) => cell(r[c])).join(","))].join("\n");
}


