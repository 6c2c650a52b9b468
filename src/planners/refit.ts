/**
 * Refit of the shared, physically meaningful training parameters (src/catalog/calibration.ts) on a set of
 * published runs, and re-timing of runs under a candidate parameter set. Pure: plans are resolved once
 * (schedule search under the catalog values included) and then re-timed under each candidate, so a refit
 * is a few thousand step-time evaluations. Used by the leave-one-source-out cross-validation
 * (src/validation/cross-validation.ts) and by scripts/calibrate.ts; never a per-row correction.
 * @module
 */
import { calibration, chipGemmEfficiency, fittedGemmEfficiency, gemmEfficiencyTable, tpuAnalogyEfficiency, trainGemmEfficiency } from "../catalog/calibration.ts";
import type { ParallelPlan, TrainJob } from "../physics/plan.ts";
import { simulateTrain } from "../physics/train.ts";
import { resolveTrainScenario } from "../scenario/train.ts";
import type { ChipGeneration } from "../catalog/schema.ts";
import { completePlan } from "./train.ts";

/** The shared parameters a refit may move (each one of calibration.ts, same meaning). */
export interface SharedParameters {
  /** Sustained Ampere GEMM efficiency (gemmEfficiency). */
  ampere: number;
  /** Sustained Hopper bf16 GEMM efficiency. */
  hopper: number;
  /** Sustained Hopper fp8 GEMM efficiency. */
  hopper8: number;
  /** Sustained TPU bf16 GEMM efficiency (fitted on MaxText rows). */
  tpu: number;
  /** gemmHalfEfficiencyDim. */
  halfEfficiencyDim: number;
  /** tensorParallelExposedFraction. */
  tensorParallelExposed: number;
  /** microBatchOverheadSeconds. */
  microBatchOverheadSeconds: number;
  /** expertParallelExposedFraction. */
  expertParallelExposed: number;
  /** moeLayerOverheadSeconds. */
  moeLayerOverheadSeconds: number;
  /** moeExpertOverheadSeconds. */
  moeExpertOverheadSeconds: number;
  /** groupedGemmHalfEfficiencyDim. */
  groupedHalfEfficiencyDim: number;
  /** syncJitterCoefficient. */
  syncJitter: number;
  /** fp4RelativeEfficiency. */
  fp4Relative: number;
}

/** The values in the catalog now. */
export function catalogParameters(): SharedParameters {
  return {
    ...fittedGemmEfficiency,
    tpu: fittedGemmEfficiency.tpu ?? tpuAnalogyEfficiency(fittedGemmEfficiency),
    halfEfficiencyDim: calibration.gemmHalfEfficiencyDim.value,
    tensorParallelExposed: calibration.tensorParallelExposedFraction.value,
    microBatchOverheadSeconds: calibration.microBatchOverheadSeconds.value,
    expertParallelExposed: calibration.expertParallelExposedFraction.value,
    moeLayerOverheadSeconds: calibration.moeLayerOverheadSeconds.value,
    moeExpertOverheadSeconds: calibration.moeExpertOverheadSeconds.value,
    groupedHalfEfficiencyDim: calibration.groupedGemmHalfEfficiencyDim.value,
    syncJitter: calibration.syncJitterCoefficient.value,
    fp4Relative: calibration.fp4RelativeEfficiency.value,
  };
}

/**
 * Where every fold of the cross-validation starts: a fixed, data-independent point (typical published
 * values, not a fit), so no fold inherits the catalog's fit on the family it leaves out. Starting the folds
 * from the catalog leaked: on a flat objective a fold stays near its start, and the catalog was fitted on
 * every row (the cross-validated MAPE moved 17.5% → 16.4% when only the catalog changed).
 * Round values near the middle of each refit grid, chosen before any fit and never tuned: sustained GEMM
 * efficiency 0.6 / 0.55 / 0.5 (A100 / H100 bf16 / H100 fp8), shape half-dimension 128, TP exposed ½,
 * FlashAttention-2 at 0.6 of the GEMM rate and the asynchronous kernels at 1.5× that (the low end of
 * FlashAttention-3's published 1.5-2.0× over FA2), no per-micro-batch overhead, half the expert all-to-all exposed,
 * 1 ms per MoE layer and nothing per local expert, grouped half-dimension 256, no jitter, fp4 GEMMs as efficient as fp8; the TPU efficiency from its GPU analogy at
 * these values. The folds then run coordinate descent to convergence (8 passes).
 */
export function priorParameters(): SharedParameters {
  const gpu = { ampere: 0.6, hopper: 0.55, hopper8: 0.5 };
  return {
    ...gpu,
    tpu: tpuAnalogyEfficiency(gpu),
    halfEfficiencyDim: 128,
    tensorParallelExposed: 0.5,
    microBatchOverheadSeconds: 0,
    expertParallelExposed: 0.5,
    moeLayerOverheadSeconds: 1e-3,
    moeExpertOverheadSeconds: 0,
    groupedHalfEfficiencyDim: 256,
    syncJitter: 0,
    fp4Relative: 1,
  };
}

/** The candidate values a refit tries for each parameter (coordinate descent over this grid). */
export const refitGrid: Record<keyof SharedParameters, readonly number[]> = {
  ampere: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75],
  hopper: [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
  hopper8: [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
  // A sustained rate cannot pass the burst one: the grid stops at gemmBurstEfficiency's TPU 0.8.
  tpu: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8],
  halfEfficiencyDim: [64, 96, 128, 192, 256],
  tensorParallelExposed: [0.1, 0.25, 0.5, 0.75],
  microBatchOverheadSeconds: [0, 1e-3, 2e-3, 5e-3],
  expertParallelExposed: [0, 0.25, 0.5, 0.75, 1],
  moeLayerOverheadSeconds: [0, 0.5e-3, 1e-3, 1.5e-3, 2e-3, 3e-3, 4e-3, 6e-3],
  moeExpertOverheadSeconds: [0, 25e-6, 50e-6, 100e-6, 150e-6, 200e-6, 300e-6],
  groupedHalfEfficiencyDim: [64, 128, 256, 512, 1024],
  syncJitter: [0, 0.0025, 0.005, 0.01, 0.02],
  fp4Relative: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
};

/** A published run resolved once: its job, its plan, its generation, and the published tokens/s per chip. */
export interface RefitRow {
  job: TrainJob;
  plan: ParallelPlan;
  generation: ChipGeneration;
  published: number;
}

/** Resolve a train scenario and its plan once, for re-timing under candidate parameters. */
export function resolveRefitRow(scenario: unknown, published: number): RefitRow {
  const r = resolveTrainScenario(scenario);
  return { job: r.job, plan: completePlan(r.job, r.fixed), generation: r.chip.generation, published };
}

/** The generation table of each candidate parameter set (one candidate re-times many rows). */
const tables = new WeakMap<SharedParameters, ReturnType<typeof gemmEfficiencyTable>>();

/** Predicted tokens/s per chip of a resolved run under `p` (the run's clock cap and rates otherwise kept). */
export function retime(row: RefitRow, p: SharedParameters): number {
  const job = row.job;
  let table = tables.get(p);
  if (!table) {
    table = gemmEfficiencyTable({ ampere: p.ampere, hopper: p.hopper, hopper8: p.hopper8, tpu: p.tpu });
    tables.set(p, table);
  }
  const efficiency = chipGemmEfficiency(table, { id: job.hardware.chipId, generation: row.generation });
  const rates = {
    ...job.hardware.rates,
    gemmEfficiency: trainGemmEfficiency(efficiency, job.precision, p.fp4Relative),
    gemmHalfEfficiencyDim: p.halfEfficiencyDim,
  };
  const retimed: TrainJob = {
    ...job,
    hardware: { ...job.hardware, rates },
    tensorParallelExposedFraction: p.tensorParallelExposed,
    microBatchOverheadSeconds: p.microBatchOverheadSeconds,
    expertParallelExposedFraction: p.expertParallelExposed,
    moeLayerOverheadSeconds: p.moeLayerOverheadSeconds,
    moeExpertOverheadSeconds: p.moeExpertOverheadSeconds,
    groupedGemmHalfEfficiencyDim: p.groupedHalfEfficiencyDim,
    syncJitterCoefficient: p.syncJitter,
  };
  return simulateTrain(retimed, row.plan).tokensPerSecondPerChip;
}

/** Mean |log(predicted / published)| over rows: the refit's objective (symmetric in over/under-prediction). */
export function meanAbsLogError(rows: readonly RefitRow[], p: SharedParameters): number {
  if (!rows.length) return 0;
  let sum = 0;
  for (const row of rows) sum += Math.abs(Math.log(retime(row, p) / row.published));
  return sum / rows.length;
}

/**
 * Coordinate descent over `refitGrid` from `start`, one parameter at a time, until a pass changes nothing (at most
 * `passes`). A candidate re-times only the rows its parameter moves (found once by probing the grid's two ends: the
 * TPU value never moves a GPU row, the grouped-GEMM one never a dense row), so a pass costs a fraction of a full sweep.
 */
function descend(rows: readonly RefitRow[], start: SharedParameters, passes: number): { parameters: SharedParameters; objective: number } {
  const keys = Object.keys(refitGrid) as (keyof SharedParameters)[];
  const logError = (row: RefitRow, p: SharedParameters) => Math.abs(Math.log(retime(row, p) / row.published));
  let best = { ...start };
  const errors = rows.map((row) => logError(row, best));
  let total = errors.reduce((a, e) => a + e, 0);
  const moved = new Map<keyof SharedParameters, number[]>();
  for (const key of keys) {
    const grid = refitGrid[key];
    const low = { ...best, [key]: grid[0] };
    const high = { ...best, [key]: grid[grid.length - 1] };
    moved.set(
      key,
      rows.flatMap((row, i) => (retime(row, low) !== retime(row, high) ? [i] : [])),
    );
  }
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const key of keys) {
      const indices = moved.get(key) ?? [];
      for (const value of refitGrid[key]) {
        if (value === best[key]) continue;
        const candidate = { ...best, [key]: value };
        let score = total;
        const next = indices.map((i) => {
          const e = logError(rows[i], candidate);
          score += e - errors[i];
          return e;
        });
        if (score < total - 1e-12) {
          best = candidate;
          total = score;
          indices.forEach((i, j) => {
            errors[i] = next[j];
          });
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { parameters: best, objective: rows.length ? meanAbsLogError(rows, best) : 0 };
}

/**
 * Deterministic starting points besides the caller's: every parameter at the same quantile of its grid, for the eight
 * sixteenth midpoints (1/16, 3/16, …, 15/16). Over 168 rows four octile starts gave 11.91% cross-validated and five
 * decile starts 12.00%, eight 11.74% and sixteen 11.76%: from eight the folds' multi-start optimum has converged. Coordinate descent stops in the first local minimum it reaches (from the prior
 * alone the full-backtest fit stopped at 0.1190 mean |log error|, from the catalog's values at 0.1174), so the refit
 * descends from each and keeps the best. With the two quartiles alone the fold a family landed in flipped with changes
 * to rows outside it (held-out MAPE of unchanged families moved by up to 17 points, the headline by 0.35 over three
 * commits); from these four the headline moved by at most 0.15 over the same commits. The starts depend on the grid
 * only, never on the rows.
 */
export const refitStartQuantiles = [0.0625, 0.1875, 0.3125, 0.4375, 0.5625, 0.6875, 0.8125, 0.9375] as const;

function quantileStart(start: SharedParameters, q: number): SharedParameters {
  const out = { ...start };
  for (const key of Object.keys(refitGrid) as (keyof SharedParameters)[]) {
    const grid = refitGrid[key];
    out[key] = grid[Math.min(grid.length - 1, Math.floor(q * grid.length))];
  }
  return out;
}

/**
 * Refit the shared parameters on `rows`: coordinate descent over `refitGrid` from `start` and from the grid's octile
 * midpoints (quantileStart, refitStartQuantiles), keeping the lowest mean |log error|. Deterministic.
 */
export function refitShared(rows: readonly RefitRow[], start: SharedParameters = catalogParameters(), passes = 4): { parameters: SharedParameters; objective: number } {
  let best = descend(rows, start, passes);
  for (const q of refitStartQuantiles) {
    const fit = descend(rows, quantileStart(start, q), passes);
    if (fit.objective < best.objective - 1e-12) best = fit;
  }
  return best;
}
