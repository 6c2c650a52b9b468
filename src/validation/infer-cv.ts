/**
 * Leave-one-source-out cross-validation of the inference backtest (issue 9 §1): for each source family (a
 * paper, a vendor's table at one version, a benchmark round) refit the shared physical parameters of
 * src/catalog/infer-calibration.ts (`fittedInferParameters`, each within its plausible range) on the rows of the
 * OTHER families, then predict the held-out family's rows through the same planner a user gets. The error a user
 * should expect on a source danlu has never seen is the cross-validated one; the in-sample one is the fit.
 *
 * The fit is a bounded coordinate search on the mean |log error| (throughput and TPOT rows alike). During the fit
 * each row keeps the plan the planner picks under the catalog's calibration (a plan search per trial would cost
 * 100× more and rarely changes the plan); the held-out prediction searches the plan again under the fold's
 * parameters, as a user's run would. Pure and deterministic.
 * @module
 */
import type { InferParameters } from "../catalog/infer-calibration.ts";
import { type InferResult, defaultInferParameters, evaluateInfer, evaluateInferAtTpot, fittedInferParameters, planInfer, planInferAtTpot } from "../planners/infer.ts";
import { resolveInferScenario } from "../scenario/infer.ts";
import type { InferenceCase } from "./inference-cases.ts";

export interface CrossValidatedRow {
  rowId: string;
  metric: "outputTokensPerSecond" | "tpotSeconds";
  sourceFamily: string;
  feature: InferenceCase["feature"];
  published: number;
  /** Prediction under the catalog's calibration (in-sample). */
  inSample: number;
  /** Prediction under the calibration refitted without the row's family. */
  crossValidated: number;
  inSampleError: number;
  crossValidatedError: number;
}

export interface GroupError {
  key: string;
  rows: number;
  inSampleThroughputMape: number;
  crossValidatedThroughputMape: number;
  inSampleTpotMape: number;
  crossValidatedTpotMape: number;
  inSampleMape: number;
  crossValidatedMape: number;
}

export interface InferCrossValidation {
  rows: CrossValidatedRow[];
  families: string[];
  /** MAPE over all scored rows (throughput and TPOT together): the headline serving error. */
  inSampleMape: number;
  crossValidatedMape: number;
  inSampleThroughputMape: number;
  crossValidatedThroughputMape: number;
  inSampleTpotMape: number;
  crossValidatedTpotMape: number;
  throughputCount: number;
  tpotCount: number;
  byFamily: GroupError[];
  byFeature: GroupError[];
  /** Each fold's refitted parameters (only the fitted ones). */
  folds: Array<{ sourceFamily: string; parameters: Partial<InferParameters> }>;
}

interface Prepared {
  c: InferenceCase;
  evaluate: (p: InferParameters) => InferResult;
}

function prepare(c: InferenceCase): Prepared {
  const resolved = resolveInferScenario(c.scenario);
  const at = c.atTpotSeconds;
  const plan = predict(c).parallelism;
  return {
    c,
    evaluate: (parameters) =>
      at !== undefined
        ? evaluateInferAtTpot({ ...resolved.job, parameters }, plan, resolved.workload, resolved.precision, at, resolved.job.arch.id)
        : evaluateInfer({ ...resolved.job, parameters }, plan, resolved.workload, resolved.precision, resolved.job.arch.id),
  };
}

/** A case's prediction through the planner a user gets (at the row's TPOT for latency-bounded rows). */
function predict(c: InferenceCase, parameters?: InferParameters): InferResult {
  return c.atTpotSeconds !== undefined ? planInferAtTpot(c.scenario, c.atTpotSeconds, parameters) : planInfer(c.scenario, parameters, { simulate: false });
}

/** The scored metrics of one result: [predicted, published] pairs. */
function scored(c: InferenceCase, r: InferResult): Array<["outputTokensPerSecond" | "tpotSeconds", number, number]> {
  const out: Array<["outputTokensPerSecond" | "tpotSeconds", number, number]> = [];
  if (c.publishedOutputTokensPerSecond !== undefined) out.push(["outputTokensPerSecond", r.outputTokensPerSecond, c.publishedOutputTokensPerSecond]);
  if (c.publishedTpotSeconds !== undefined) out.push(["tpotSeconds", r.tpotSeconds, c.publishedTpotSeconds]);
  return out;
}

function loss(preps: readonly Prepared[], p: InferParameters): number {
  let sum = 0;
  let n = 0;
  for (const x of preps) {
    for (const [, predicted, published] of scored(x.c, x.evaluate(p))) {
      const e = Math.abs(Math.log(Math.max(predicted, 1e-12) / published));
      sum += Number.isFinite(e) ? Math.min(e, 3) : 3;
      n += 1;
    }
  }
  return n ? sum / n : 0;
}

/** Bounded coordinate search from the catalog values: multiplicative steps that shrink each pass. */
export function fitInferParameters(preps: readonly Prepared[], start: InferParameters = defaultInferParameters): InferParameters {
  let best = { ...start };
  let bestLoss = loss(preps, best);
  for (const step of [0.3, 0.12, 0.05]) {
    for (const { id, min, max } of fittedInferParameters) {
      for (const dir of [1 + step, 1 / (1 + step)]) {
        // Overlap is a fraction that may be 0: step it additively.
        const current = best[id];
        const next = id === "decodeComputeMemoryOverlap" ? current + (dir > 1 ? step : -step) : current * dir;
        const value = Math.min(max, Math.max(min, next));
        if (value === current) continue;
        const trial = { ...best, [id]: value };
        const l = loss(preps, trial);
        if (l < bestLoss - 1e-6) {
          best = trial;
          bestLoss = l;
        }
      }
    }
  }
  return best;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function group(rows: CrossValidatedRow[], key: (r: CrossValidatedRow) => string): GroupError[] {
  const keys = [...new Set(rows.map(key))].sort();
  return keys.map((k) => {
    const rs = rows.filter((r) => key(r) === k);
    const t = rs.filter((r) => r.metric === "outputTokensPerSecond");
    const l = rs.filter((r) => r.metric === "tpotSeconds");
    return {
      key: k,
      rows: rs.length,
      inSampleThroughputMape: mean(t.map((r) => Math.abs(r.inSampleError))),
      crossValidatedThroughputMape: mean(t.map((r) => Math.abs(r.crossValidatedError))),
      inSampleTpotMape: mean(l.map((r) => Math.abs(r.inSampleError))),
      crossValidatedTpotMape: mean(l.map((r) => Math.abs(r.crossValidatedError))),
      inSampleMape: mean(rs.map((r) => Math.abs(r.inSampleError))),
      crossValidatedMape: mean(rs.map((r) => Math.abs(r.crossValidatedError))),
    };
  });
}

/** Leave-one-source-family-out cross-validation over `cases`. */
export function crossValidateInference(cases: readonly InferenceCase[]): InferCrossValidation {
  const preps = cases.map(prepare);
  const families = [...new Set(cases.map((c) => c.sourceFamily))].sort();
  const rows: CrossValidatedRow[] = [];
  const folds: InferCrossValidation["folds"] = [];
  for (const family of families) {
    const train = preps.filter((p) => p.c.sourceFamily !== family);
    const parameters = fitInferParameters(train);
    folds.push({ sourceFamily: family, parameters: Object.fromEntries(fittedInferParameters.map(({ id }) => [id, parameters[id]])) });
    for (const p of preps.filter((x) => x.c.sourceFamily === family)) {
      const inSample = scored(p.c, predict(p.c));
      const held = scored(p.c, predict(p.c, parameters));
      inSample.forEach(([metric, predicted, published], i) => {
        const cv = held[i][1];
        rows.push({
          rowId: p.c.rowId,
          metric,
          sourceFamily: family,
          feature: p.c.feature,
          published,
          inSample: predicted,
          crossValidated: cv,
          inSampleError: (predicted - published) / published,
          crossValidatedError: (cv - published) / published,
        });
      });
    }
  }
  const t = rows.filter((r) => r.metric === "outputTokensPerSecond");
  const l = rows.filter((r) => r.metric === "tpotSeconds");
  const abs = (rs: CrossValidatedRow[], k: "inSampleError" | "crossValidatedError") => mean(rs.map((r) => Math.abs(r[k])));
  return {
    rows,
    families,
    inSampleMape: abs(rows, "inSampleError"),
    crossValidatedMape: abs(rows, "crossValidatedError"),
    inSampleThroughputMape: abs(t, "inSampleError"),
    crossValidatedThroughputMape: abs(t, "crossValidatedError"),
    inSampleTpotMape: abs(l, "inSampleError"),
    crossValidatedTpotMape: abs(l, "crossValidatedError"),
    throughputCount: t.length,
    tpotCount: l.length,
    byFamily: group(rows, (r) => r.sourceFamily),
    byFeature: group(rows, (r) => r.feature),
    folds,
  };
}

/** The fit on every scored row (what the catalog's calibration should hold; scripts/calibrate-infer.ts prints it). */
export function fitAll(cases: readonly InferenceCase[]): InferParameters {
  return fitInferParameters(cases.map(prepare));
}
