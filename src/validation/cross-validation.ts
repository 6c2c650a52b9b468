/**
 * Leave-one-source-out cross-validation of the training backtest: for each source family (a paper, a
 * vendor performance table, a benchmark round), the shared parameters of src/catalog/calibration.ts are
 * refit on every other family's rows (src/planners/refit.ts) and the left-out family's rows predicted.
 * The mean absolute error of those predictions is the error a user should expect on a run danlu has
 * never seen; the in-sample figure (catalog values, fitted on all rows) is printed beside it. Pure.
 * @module
 */
import { catalogParameters, priorParameters, type RefitRow, refitShared, resolveRefitRow, retime, type SharedParameters } from "../planners/refit.ts";
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
