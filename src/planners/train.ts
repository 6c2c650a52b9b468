/**
 * The train planner: scenario in, Train result out (docs/contract.md contract). Plan fields the scenario
 * fixes are kept and checked; omitted ones are searched (src/planners/search.ts) for the fastest plan
 * that fits; conventional defaults only when nothing fits, so the result says why.
 * @module
 */
import { InputError } from "../errors.ts";
import { userChipNote } from "../catalog/hardware.ts";
import type { ParallelPlan, TrainJob } from "../physics/plan.ts";
import { simulateTrain, type TrainResult } from "../physics/train.ts";
import { autoTrainPrecisions, type ParallelismInput, planIssues, resolveTrainScenario } from "../scenario/train.ts";
import { searchPlans, type SearchReport } from "./search.ts";
import { parameterBreakdown } from "../physics/workload.ts";
import { trainGoodput } from "./goodput.ts";

export type { ParallelPlan, TrainPrecision } from "../physics/plan.ts";
export type { TrainResult } from "../physics/train.ts";
export { resolveTrainScenario } from "../scenario/train.ts";

const planFields = ["tp", "pp", "dp", "cp", "ep", "zeroStage", "microBatchSize", "virtualStages", "recompute"] as const;

/** Whether the scenario fixed every plan field (nothing left to search). */
export function isCompletePlan(fixed: ParallelismInput): boolean {
  return planFields.every((k) => fixed[k] !== undefined);
}

/** Fill omitted plan fields with the fastest plan that fits; conventional defaults when none does. */
export function completePlan(job: TrainJob, fixed: ParallelismInput, report?: SearchReport): ParallelPlan {
  const searched = report ?? (isCompletePlan(fixed) ? undefined : searchPlans(job, fixed, { top: 1 }));
  if (searched?.best) return searched.best.parallelism;
  return defaultPlan(job, fixed);
}

/**
 * Conventional defaults: TP inside the scale-up domain, the rest data-parallel. Used only when the search
 * finds nothing that fits (the result then says why) or when the scenario fixed every field.
 */
export function defaultPlan(job: TrainJob, fixed: ParallelismInput): ParallelPlan {
  const arch = job.arch;
  const count = job.hardware.chipCount;
  const kvHeads = arch.attention.kind === "gqa" ? arch.attention.numKvHeads : arch.attention.numHeads;
  const pp = fixed.pp ?? 1;
  const cp = fixed.cp ?? 1;
  let tp = fixed.tp;
  if (tp === undefined) {
    tp = 1;
    for (let candidate = job.hardware.fabric.scaleUpDomainChips; candidate >= 1; candidate--) {
      if (arch.attention.numHeads % candidate === 0 && kvHeads % candidate === 0 && count % (candidate * pp * cp) === 0) {
        tp = candidate;
        break;
      }
    }
  }
  const dp = fixed.dp ?? Math.max(1, Math.floor(count / (tp * pp * cp)));
  return {
    tp,
    pp,
    dp,
    cp,
    ep: fixed.ep ?? 1,
    zeroStage: fixed.zeroStage ?? 1,
    microBatchSize: fixed.microBatchSize ?? 1,
    virtualStages: fixed.virtualStages ?? 1,
    recompute: fixed.recompute ?? "none",
  };
}

/** What the plan search did, when the scenario left part of the plan open (extension to the contract). */
export interface TrainSearchSummary {
  evaluated: number;
  considered: number;
  rejectedByReason: Record<string, number>;
  top: Array<{ parallelism: ParallelPlan; stepTimeSeconds: number; mfu: number; memoryPerChipBytes: number }>;
}

export interface TrainPlanOutput extends TrainResult {
  model: string;
  chip: string;
  chipCount: number;
  precision: string;
  /** Parameters of the model, all of them (derived from its config, not copied). */
  totalParameters: number;
  /** Parameters one token touches (MoE: routed experts counted top-k times). */
  activeParameters: number;
  search?: TrainSearchSummary;
  /** Expected fraction of wall clock spent training, after failures, checkpoints and restarts (src/planners/goodput.ts). */
  goodput: number;
  /** wallClockDays / goodput: the ideal days stretched by expected interruptions. */
  wallClockDaysWithGoodput: number;
  /** Present when hardware.chip was an inline object: the answer rests on the user's chip figures. */
  userSuppliedChip?: string;
}

/**
 * Validate, resolve, plan and simulate a train scenario. Throws InputError on bad input.
 * `precision: "auto"` tries bf16 and fp8 (where the chip supports it) and keeps the faster plan that fits.
 */
export function planTrain(input: unknown): TrainPlanOutput {
  if (input && typeof input === "object" && (input as { precision?: unknown }).precision === "auto") return planAutoPrecision(input as Record<string, unknown>);
  return planOnePrecision(input);
}

function planAutoPrecision(input: Record<string, unknown>): TrainPlanOutput {
  let best: TrainPlanOutput | undefined;
  let firstError: InputError | undefined;
  for (const precision of autoTrainPrecisions) {
    try {
      const r = planOnePrecision({ ...input, precision });
      const better = !best || (r.fits && !best.fits) || (r.fits === best.fits && r.stepTimeSeconds < best.stepTimeSeconds);
      if (better) best = r;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      firstError ??= error;
    }
  }
  if (!best) throw firstError ?? new InputError({ path: "precision", value: '"auto"', expected: "a chip with bf16 or fp8" });
  return best;
}

function planOnePrecision(input: unknown): TrainPlanOutput {
  const { job, fixed, scenario } = resolveTrainScenario(input);
  const report = isCompletePlan(fixed) ? undefined : searchPlans(job, fixed, { top: 5 });
  const plan = completePlan(job, fixed, report);
  const issues = planIssues(job, plan);
  if (issues.length) throw new InputError(issues);
  const result = simulateTrain(job, plan);
  const params = parameterBreakdown(job.arch);
  const output: TrainPlanOutput = {
    model: job.arch.id,
    chip: job.hardware.chipId,
    chipCount: job.hardware.chipCount,
    precision: job.precision,
    totalParameters: params.total,
    activeParameters: params.activePerToken,
    ...(typeof scenario.hardware.chip === "object" ? { userSuppliedChip: userChipNote(job.hardware.chipName ?? job.hardware.chipId) } : {}),
    ...result,
    goodput: 0,
    wallClockDaysWithGoodput: 0,
  };
  const { goodput } = trainGoodput(job.hardware.chipCount, params.total);
  output.goodput = goodput;
  output.wallClockDaysWithGoodput = goodput > 0 ? result.wallClockDays / goodput : Number.POSITIVE_INFINITY;
  if (report) {
    output.search = {
      evaluated: report.evaluated,
      considered: report.considered,
      rejectedByReason: report.rejectedByReason,
      top: report.top.map((r) => ({ parallelism: r.parallelism, stepTimeSeconds: r.stepTimeSeconds, mfu: r.mfu, memoryPerChipBytes: r.memoryPerChipBytes })),
    };
  }
  return output;
}
