/**
 * Worker thread of `runSweep` (sweep-pool.ts): searches the cells it is given and posts one row per cell.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { runCell, type SweepCell } from "../../planners/sweep.ts";

for (const cell of workerData as SweepCell[]) parentPort?.postMessage({ index: cell.index, row: runCell(cell) });
