/**
 * Leave-one-source-out cross-validation of the training backtest: for each source family (a paper, a
 * vendor performance table, a benchmark round), the shared parameters of src/catalog/calibration.ts are
 * refit on every other family's rows (src/planners/refit.ts) and the left-out family's rows predicted.
 * The mean absolute error of those predictions is the error a user should expect on a run danlu has
 * never seen; the in-sample figure (catalog values, fitted on all rows) is printed beside it. Pure.
 * @module
 */
import { catalogParameters, priorParameters, type RefitRow, refitShared, resolveRefitRow, retime, type SharedParameters } from "../planners/refit.ts";
import snapshot from "./data/training-cross-validation.json" with { type: "json" };
import { type TrainingCase, trainingCases } from "./training-cases.ts";

export interface CrossValidatedRow {
  rowId: string;
  sourceFamily: string;
  /** Whether the model has MoE layers. */
  moe: boolean;
  published: number;
  /** Predicted tokens/s per chip under the catalog's parameters (fitted on every row). */
  inSample: number;
  /** Predicted tokens/s per chip under parameters refit without this row's source family. */
  crossValidated: number;
  inSampleError: number;
  crossValidatedError: number;
}

export interface FamilySummary {
  sourceFamily: string;
  rows: number;
  inSampleMape: number;
  crossValidatedMape: number;
  /** The parameters refit without this family. */
  refit: SharedParameters;
}

export interface CrossValidationSummary {
  rows: CrossValidatedRow[];
  /** MAPE of the in-sample predictions (fraction). */
  inSampleMape: number;
  /** MAPE of the leave-one-source-out predictions (fraction): the headline. */
  crossValidatedMape: number;
  crossValidatedMaxError: number;
  families: FamilySummary[];
  moe: { rows: number; inSampleMape: number; crossValidatedMape: number };
  /** What was refit and how. */
  method: string;
}

const mape = (errors: number[]) => (errors.length ? errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length : 0);

const resolvedCache = new WeakMap<TrainingCase, RefitRow>();
function resolved(c: TrainingCase): RefitRow {
  const hit = resolvedCache.get(c);
  if (hit) return hit;
  const row = resolveRefitRow(c.scenario, c.published);
  resolvedCache.set(c, row);
  return row;
}

let defaultSummary: CrossValidationSummary | undefined;

/** Run the leave-one-source-out cross-validation over the full-plan throughput rows. */
export function runTrainingCrossValidation(cases: readonly TrainingCase[] = trainingCases): CrossValidationSummary {
  if (cases === trainingCases && defaultSummary) return defaultSummary;
  const items = cases.filter((c) => c.kind === "throughput").map((c) => ({ c, r: resolved(c) }));
  const catalog = catalogParameters();
  const prior = priorParameters();
  const familyNames = [...new Set(items.map((i) => i.c.sourceFamily))];
  const rows: CrossValidatedRow[] = [];
  const families: FamilySummary[] = [];
  for (const family of familyNames) {
    const train = items.filter((i) => i.c.sourceFamily !== family).map((i) => i.r);
    const { parameters } = refitShared(train, prior, 8);
    const held = items.filter((i) => i.c.sourceFamily === family);
    const familyRows = held.map(({ c, r }): CrossValidatedRow => {
      const inSample = retime(r, catalog);
      const crossValidated = retime(r, parameters);
      return {
        rowId: c.rowId,
        sourceFamily: family,
        moe: r.job.arch.moe !== undefined,
        published: c.published,
        inSample,
        crossValidated,
        inSampleError: (inSample - c.published) / c.published,
        crossValidatedError: (crossValidated - c.published) / c.published,
      };
    });
    rows.push(...familyRows);
    families.push({
      sourceFamily: family,
      rows: familyRows.length,
      inSampleMape: mape(familyRows.map((r) => r.inSampleError)),
      crossValidatedMape: mape(familyRows.map((r) => r.crossValidatedError)),
      refit: parameters,
    });
  }
  const moeRows = rows.filter((r) => r.moe);
  const summary: CrossValidationSummary = {
    rows,
    inSampleMape: mape(rows.map((r) => r.inSampleError)),
    crossValidatedMape: mape(rows.map((r) => r.crossValidatedError)),
    crossValidatedMaxError: rows.length ? Math.max(...rows.map((r) => Math.abs(r.crossValidatedError))) : 0,
    families,
    moe: { rows: moeRows.length, inSampleMape: mape(moeRows.map((r) => r.inSampleError)), crossValidatedMape: mape(moeRows.map((r) => r.crossValidatedError)) },
    method:
      "leave-one-source-out: for each source family, the shared parameters (Ampere/Hopper/TPU GEMM efficiency, GEMM half-efficiency dimension, exposed TP and EP fractions on overlapping stacks, attention-core efficiency, per-micro-batch, per-MoE-layer and per-local-expert overhead, grouped-GEMM half-efficiency dimension, synchronisation jitter) are refit by coordinate descent on mean |log error| over the other families' rows, then the family's rows are predicted; plans are resolved once under the catalog values",
  };
  if (cases === trainingCases) defaultSummary = summary;
  return summary;
}

/** The cross-validation as the faces show it, and whether it was read from the snapshot or refit here. */
export interface TrainingCrossValidation extends CrossValidationSummary {
  computed: "snapshot" | "refit";
}

/**
 * The training cross-validation for the faces: the checked-in snapshot (data/training-cross-validation.json, written by
 * scripts/cv-snapshot.ts; its folds take about a minute) when it is current — the same rows, each row's in-sample
 * prediction under the catalog values (recomputed here in ~0.1 s) equal to the snapshot's — and otherwise the folds
 * run. A change to the rows, the catalog or the physics moves an in-sample prediction, so it falls back to the folds;
 * a change to the refit alone does not, which test/validation/cross-validation.test.ts catches (the snapshot must
 * equal the folds). `refit: true` always runs the folds.
 */
export function trainingCrossValidation(options: { refit?: boolean } = {}): TrainingCrossValidation {
  if (!options.refit && snapshotIsCurrent(snapshot as CrossValidationSummary)) return { ...(snapshot as CrossValidationSummary), computed: "snapshot" };
  return { ...runTrainingCrossValidation(), computed: "refit" };
}

/** Whether a stored cross-validation has this backtest's rows and reproduces their in-sample predictions. */
export function snapshotIsCurrent(stored: CrossValidationSummary, cases: readonly TrainingCase[] = trainingCases): boolean {
  const items = cases.filter((c) => c.kind === "throughput");
  if (stored.rows.length !== items.length) return false;
  const catalog = catalogParameters();
  const byId = new Map(stored.rows.map((r) => [r.rowId, r]));
  return items.every((c) => {
    const row = byId.get(c.rowId);
    if (!row || row.published !== c.published || row.sourceFamily !== c.sourceFamily) return false;
    return Math.abs(retime(resolved(c), catalog) / row.inSample - 1) < 1e-12;
  });
}
