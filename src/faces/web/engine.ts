/// <reference types="vite/client" />
/**
 * What the web planner computes, as pure functions of plain JSON (run in the worker, and by the e2e test
 * to check the page's numbers). Optional planners are picked up at build time when their files exist.
 * @module
 */
import { chips } from "../../planners/catalog.ts";
import { InputError, type InputIssue } from "../../errors.ts";
import { type FittedTrend, type ForecastOutput, fitTrends, forecast, type RunBaseline, trendAt } from "../../planners/forecast.ts";
import { compareServe, type ServeCompareRow } from "../../planners/compare.ts";
import { type CurvePoint, type InferResult, inferCurve } from "../../planners/infer.ts";
import { type SloAnswer, solveSlo } from "../../planners/slo.ts";
import { planTco, type TcoOutput } from "../../planners/tco.ts";
import { searchPlans } from "../../planners/search.ts";
import { formatPlan } from "../../units/format.ts";
import { planTrain, resolveTrainScenario, type TrainPlanOutput, type TrainResult } from "../../planners/train.ts";
import { type FinetuneResult, planFinetune } from "../../planners/finetune.ts";
import { isoFlopCurve, planScale, type ScaleResult } from "../../planners/scale.ts";
import { type BacktestSummary, runTrainingBacktest } from "../../validation/backtest.ts";
import { type FinetuneBacktestSummary, runFinetuneBacktest } from "../../validation/finetune-backtest.ts";
import { type CrossValidationSummary, trainingCrossValidation } from "../../validation/cross-validation.ts";
import { type InferBacktestSummary, runInferBacktest } from "../../validation/infer-backtest.ts";

export const capabilities = { search: true, infer: true, tco: true, slo: true, forecast: true };

export interface TrainRequest {
  scenario: Record<string, unknown>;
  /** Search every plan (when the search planner exists) instead of the quick default completion. */
  search: boolean;
}

export interface TopPlan {
  label: string;
  stepTimeSeconds: number;
  memoryPerChipBytes: number;
  mfu: number;
  fits: boolean;
}

/** The same plan at the chip's TDP, shown beside a power-capped run (what the cap changes). */
export interface Uncapped {
  facilityMegawatts: number;
  energyMegawattHours: number;
  tokensPerSecondPerChip: number;
  wallClockDays: number;
}

export interface TrainView {
  result: TrainPlanOutput;
  top: TopPlan[];
  searched?: { considered: number; evaluated: number };
  /** Present when the scenario sets hardware.powerLimitWatts. */
  uncapped?: Uncapped;
}

/** With a power cap, re-run the chosen plan at TDP (a quick fixed-plan run) to show what the cap changes. */
function withUncapped(scenario: Record<string, unknown>, view: TrainView): TrainView {
  const hardware = scenario.hardware as Record<string, unknown> | undefined;
  if (hardware?.powerLimitWatts === undefined || !view.result.fits) return view;
  const { powerLimitWatts: _cap, ...atTdp } = hardware;
  // On the chips the plan uses (fewer than the cluster when some stay idle).
  const r = planTrain({ ...structuredClone(scenario), hardware: { ...atTdp, count: view.result.chipCount }, parallelism: { ...view.result.parallelism } });
  return {
    ...view,
    uncapped: {
      facilityMegawatts: r.facilityMegawatts,
      energyMegawattHours: r.energyMegawattHours,
      tokensPerSecondPerChip: r.tokensPerSecondPerChip,
      wallClockDays: r.wallClockDays,
    },
  };
}

const toTop = (r: TrainResult): TopPlan => ({
  label: formatPlan(r.parallelism),
  stepTimeSeconds: r.stepTimeSeconds,
  memoryPerChipBytes: r.memoryPerChipBytes,
  mfu: r.mfu,
  fits: r.fits,
});

export function trainView(request: TrainRequest): TrainView {
  return withUncapped(request.scenario, plannedView(request));
}

function plannedView(request: TrainRequest): TrainView {
  if ((request.scenario as { precision?: unknown }).precision === "auto") {
    // "auto": planTrain picks bf16 or fp8; then show that precision's search.
    const chosen = planTrain(structuredClone(request.scenario)).precision;
    return plannedView({ ...request, scenario: { ...request.scenario, precision: chosen } });
  }
  if (request.search) {
    const { job, fixed, scenario } = resolveTrainScenario(structuredClone(request.scenario));
    const report = searchPlans(job, fixed, { top: 20 });
    if (!report.best) {
      // Nothing fits: fall back to the quick plan, which explains why.
      return { result: planTrain(structuredClone(request.scenario)), top: [], searched: { considered: report.considered, evaluated: report.evaluated } };
    }
    // The searched plan, re-run through planTrain so the result carries every field of the contract.
    const { parallelism } = report.best;
    const result = planTrain({ ...structuredClone(request.scenario), precision: scenario.precision, parallelism: { ...parallelism } });
    return { result, top: report.top.map(toTop), searched: { considered: report.considered, evaluated: report.evaluated } };
  }
  const result = planTrain(structuredClone(request.scenario));
  return { result, top: [toTop(result)] };
}

export interface CompareRow {
  chip: string;
  result?: TrainPlanOutput;
  issues?: InputIssue[];
}

/** The same job on several chips (quick plan each; the parallelism is re-derived per chip). */
export function compareView(scenario: Record<string, unknown>, chipIds: string[]): CompareRow[] {
  return chipIds.map((chip) => {
    const s = { ...structuredClone(scenario), hardware: { ...(scenario.hardware as object), chip, system: undefined }, parallelism: {} };
    try {
      return { chip, result: planTrain(s) };
    } catch (error) {
      if (error instanceof InputError) return { chip, issues: error.issues };
      throw error;
    }
  });
}

/** Serving side by side: every catalog chip's cheapest setup meeting the SLO, rented and owned (src/planners/compare.ts). */
export function compareServeView(slo: Record<string, unknown>): ServeCompareRow[] {
  return compareServe(structuredClone(slo));
}

export interface BacktestData {
  training: BacktestSummary;
  /** Leave-one-source-out cross-validation of the training rows (the headline figure). */
  crossValidation: CrossValidationSummary;
  inference: InferBacktestSummary;
}

/**
 * The training cross-validation comes from its checked-in snapshot when that is current (trainingCrossValidation: its
 * folds take about a minute, too long for a browser tab); the in-sample backtest and the serving folds run here.
 */
export function backtestView(): BacktestData {
  return {
    training: runTrainingBacktest(),
    crossValidation: trainingCrossValidation(),
    inference: runInferBacktest(undefined, { crossValidate: true }),
  };
}

/** Latency vs throughput: the planned operating point and the curve over concurrency (src/planners/infer.ts). */
export interface InferData {
  point: InferResult;
  curve: CurvePoint[];
}

export function inferView(scenario: Record<string, unknown>): InferData {
  const { result, points } = inferCurve(structuredClone(scenario));
  return { point: result, curve: points };
}

/** The cheapest setup per chip meeting TTFT and TPOT targets, cheapest first (src/planners/slo.ts). */
export function sloView(scenario: Record<string, unknown>): SloAnswer {
  return solveSlo(structuredClone(scenario));
}

export function tcoView(scenario: Record<string, unknown>): TcoOutput {
  return planTco(structuredClone(scenario));
}

/** What each fitted metric reads from a chip (for the scatter; the fit itself is fitTrends'). */

export interface TrendSeries {
  trend: FittedTrend;
  points: Array<{ chip: string; year: number; value: number }>;
  line: Array<{ year: number; value: number }>;
}

export interface ForecastData {
  trends: TrendSeries[];
  /** The training run projected over the next years (absent when the run has no price). */
  projection?: ForecastOutput;
}

/** Fitted trends with their chips and lines, and the current training run projected `years` ahead of `baseYear`. */
export function forecastView(baseline: RunBaseline | undefined, baseYear: number): ForecastData {
  const byId = new Map(chips.map((c) => [c.id, c]));
  const trends = fitTrends().map((trend) => {
    const points = trend.data.map((p) => ({ chip: byId.get(p.id)?.name ?? p.id, year: p.year, value: p.value }));
    const years = points.map((p) => p.year);
    const lo = Math.min(...years);
    const hi = Math.max(...years, baseYear + 3);
    const line = Number.isFinite(lo) ? [lo, hi].map((year) => ({ year, value: trendAt(trend, year) })) : [];
    return { trend, points, line };
  });
  return { trends, projection: baseline ? forecast(baseline, baseYear, 3) : undefined };
}

/** Fine-tune view: the plan, and the same run with each method (what LoRA and QLoRA save). */
export interface FinetuneData {
  result: FinetuneResult;
  methods: Array<{ method: string; fits: boolean; memoryPerChipBytes: number; stepTimeSeconds: number; trainableFraction: number; reason?: string }>;
  backtest: FinetuneBacktestSummary;
}

export function finetuneView(scenario: Record<string, unknown>): FinetuneData {
  const result = planFinetune(structuredClone(scenario));
  const methods = ["full", "lora", "qlora"].map((method) => {
    const r = planFinetune({ ...structuredClone(scenario), method });
    return { method, fits: r.fits, memoryPerChipBytes: r.memoryPerChipBytes, stepTimeSeconds: r.stepTimeSeconds, trainableFraction: r.trainableFraction, reason: r.reason };
  });
  return { result, methods, backtest: runFinetuneBacktest() };
}

/** Scale view: the answer and the loss along the budget's iso-FLOP line. */
export interface ScaleData {
  result: ScaleResult;
  curve: Array<{ parameters: number; tokens: number; loss: number; constrainedLoss?: number }>;
}

export function scaleView(scenario: Record<string, unknown>): ScaleData {
  const input = structuredClone(scenario) as Record<string, unknown>;
  // A FLOP budget needs no chip for the answer, but the view still hands it to the training planner on the chosen chips.
  const result = planScale(input);
  return { result, curve: isoFlopCurve(result, 41, result.dataConstrained?.uniqueTokens) };
}

export type EngineRequest =
  | { kind: "train"; request: TrainRequest }
  | { kind: "compare"; scenario: Record<string, unknown>; chips: string[] }
  | { kind: "compareServe"; slo: Record<string, unknown> }
  | { kind: "backtest" }
  | { kind: "infer"; scenario: Record<string, unknown> }
  | { kind: "slo"; scenario: Record<string, unknown> }
  | { kind: "tco"; scenario: Record<string, unknown> }
  | { kind: "forecast"; baseline?: RunBaseline; baseYear: number }
  | { kind: "finetune"; scenario: Record<string, unknown> }
  | { kind: "scale"; scenario: Record<string, unknown> };

export function runEngine(message: EngineRequest): unknown {
  switch (message.kind) {
    case "train":
      return trainView(message.request);
    case "compare":
      return compareView(message.scenario, message.chips);
    case "compareServe":
      return compareServeView(message.slo);
    case "backtest":
      return backtestView();
    case "infer":
      return inferView(message.scenario);
    case "slo":
      return sloView(message.scenario);
    case "tco":
      return tcoView(message.scenario);
    case "forecast":
      return forecastView(message.baseline, message.baseYear);
    case "finetune":
      return finetuneView(message.scenario);
    case "scale":
      return scaleView(message.scenario);
  }
}
