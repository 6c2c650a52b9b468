/**
 * Runs a sweep grid over CPU cores with worker threads (node:worker_threads): the Node runtime adapter
 * of the pure sweep in planners/sweep.ts. Rows come back in grid order.
 * @module
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runCell, type SweepCell, type SweepGrid, type SweepRow, sweepCells } from "../../planners/sweep.ts";

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
  for (const [i, cell] of cells.entries()) shards[i % workers].push(cell);
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
