/// <reference types="vite/client" />
/**
 * What the web planner computes, as pure functions of plain JSON (run in the worker, and by the e2e test
 * to check the page's numbers). Optional planners are picked up at build time when their files exist.
 * @module
 */
import { InputError, type InputIssue } from "../../errors.ts";
import type { ParallelPlan } from "../../physics/plan.ts";
import type { TrainResult } from "../../physics/train.ts";
import { planTrain, type TrainPlanOutput } from "../../planners/train.ts";
import { resolveTrainScenario } from "../../scenario/train.ts";
import { type BacktestSummary, runTrainingBacktest } from "../../validation/backtest.ts";

// HOOK: optional engines. A glob matches nothing (and costs nothing) while a file is absent.
const optional = import.meta.glob(["../../planners/search.ts", "../../planners/infer.ts", "../../planners/tco.ts"], { eager: true }) as Record<string, Record<string, unknown>>;
type SearchFn = (job: unknown, fixed: unknown, options: { top?: number }) => { best?: TrainResult; top: TrainResult[]; considered: number; evaluated: number };
const searchPlans = optional["../../planners/search.ts"]?.searchPlans as SearchFn | undefined;
const inferModule = optional["../../planners/infer.ts"];
const planInfer = (inferModule?.planInfer ?? inferModule?.planInference) as ((input: unknown) => Record<string, unknown>) | undefined;
const inferCurve = inferModule?.inferCurve as ((input: unknown) => { result: Record<string, unknown>; points: Array<Record<string, unknown>> }) | undefined;
const tcoModule = optional["../../planners/tco.ts"];
const planTco = (tcoModule?.planTco ?? tcoModule?.planTCO ?? tcoModule?.planEconomics) as ((input: unknown) => Record<string, unknown>) | undefined;

export const capabilities = { search: !!searchPlans, infer: !!planInfer, tco: !!planTco };

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

export interface TrainView {
  result: TrainPlanOutput;
  top: TopPlan[];
  searched?: { considered: number; evaluated: number };
}

export const planLabel = (p: ParallelPlan) =>
  `TP${p.tp} PP${p.pp} DP${p.dp} CP${p.cp}${p.ep > 1 ? ` EP${p.ep}` : ""} v${p.virtualStages} mb${p.microBatchSize} Z${p.zeroStage} ${p.recompute}`;

const toTop = (r: TrainResult): TopPlan => ({ label: planLabel(r.parallelism), stepTimeSeconds: r.stepTimeSeconds, memoryPerChipBytes: r.memoryPerChipBytes, mfu: r.mfu, fits: r.fits });

export function trainView(request: TrainRequest): TrainView {
  if (request.search && searchPlans) {
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

export function backtestView(): BacktestSummary {
  return runTrainingBacktest();
}

/** Latency vs throughput: the infer planner over a sweep of concurrency (when the infer planner exists). */
export function inferView(scenario: Record<string, unknown>): { point: Record<string, unknown>; curve: Array<Record<string, unknown>> } | undefined {
  if (!planInfer) return undefined;
  if (inferCurve) {
    const { result, points } = inferCurve(structuredClone(scenario));
    return { point: result, curve: points };
  }
  const point = planInfer(structuredClone(scenario));
  const curve: Array<Record<string, unknown>> = [];
  for (const concurrency of [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]) {
    const workload = { ...(scenario.workload as object), concurrency };
    delete (workload as { requestsPerSecond?: unknown }).requestsPerSecond;
    try {
      curve.push({ concurrency, ...planInfer({ ...structuredClone(scenario), workload }) });
    } catch {
      // Past the memory limit: the curve ends.
    }
  }
  return { point, curve };
}

export function tcoView(scenario: Record<string, unknown>): Record<string, unknown> | undefined {
  return planTco ? planTco(structuredClone(scenario)) : undefined;
}

export type EngineRequest =
  | { kind: "train"; request: TrainRequest }
  | { kind: "compare"; scenario: Record<string, unknown>; chips: string[] }
  | { kind: "backtest" }
  | { kind: "infer"; scenario: Record<string, unknown> }
  | { kind: "tco"; scenario: Record<string, unknown> };

export function runEngine(message: EngineRequest): unknown {
  switch (message.kind) {
    case "train":
      return trainView(message.request);
    case "compare":
      return compareView(message.scenario, message.chips);
    case "backtest":
      return backtestView();
    case "infer":
      return inferView(message.scenario);
    case "tco":
      return tcoView(message.scenario);
  }
}
