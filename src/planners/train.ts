/**
 * The train planner: scenario in, Train result out (DESIGN.md contract). Plan fields the scenario
 * fixes are kept and checked; omitted ones are filled by `completePlan` (defaults now; the plan
 * search replaces them with the fastest valid choice).
 * @module
 */
import { InputError } from "../errors.ts";
import type { ParallelPlan, TrainJob } from "../physics/plan.ts";
import { simulateTrain, type TrainResult } from "../physics/train.ts";
import { type ParallelismInput, planIssues, resolveTrainScenario } from "../scenario/train.ts";
import { trainGoodput } from "./tco.ts";
import { parameterCount } from "../physics/workload.ts";

/** Fill omitted plan fields with conventional defaults: TP inside the scale-up domain, the rest data-parallel. */
export function completePlan(job: TrainJob, fixed: ParallelismInput): ParallelPlan {
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
  const base: ParallelPlan = {
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
  return bestSchedule(job, fixed, base);
}

/**
 * Among the schedule choices the scenario left open (micro-batch size, virtual stages, recompute,
 * ZeRO stage), the fastest plan that fits; the base plan when nothing fits.
 */
function bestSchedule(job: TrainJob, fixed: ParallelismInput, base: ParallelPlan): ParallelPlan {
  const layersPerStage = Math.ceil(job.arch.numLayers / base.pp);
  const virtual = fixed.virtualStages !== undefined || base.pp === 1 ? [base.virtualStages] : divisorsUpTo(layersPerStage, 16);
  const microBatch = fixed.microBatchSize !== undefined ? [base.microBatchSize] : [1, 2, 4, 8];
  const recompute: ParallelPlan["recompute"][] = fixed.recompute !== undefined ? [base.recompute] : ["none", "selective", "full"];
  const zero: ParallelPlan["zeroStage"][] = fixed.zeroStage !== undefined ? [base.zeroStage] : [1, 0, 2, 3];
  let best = base;
  let bestSeconds = Number.POSITIVE_INFINITY;
  for (const virtualStages of virtual)
    for (const microBatchSize of microBatch)
      for (const r of recompute)
        for (const zeroStage of zero) {
          const plan: ParallelPlan = { ...base, virtualStages, microBatchSize, recompute: r, zeroStage };
          if (planIssues(job, plan).length) continue;
          const result = simulateTrain(job, plan);
          if (result.fits && result.stepTimeSeconds < bestSeconds) {
            best = plan;
            bestSeconds = result.stepTimeSeconds;
          }
        }
  return best;
}

function divisorsUpTo(n: number, max: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.min(n, max); d++) if (n % d === 0) out.push(d);
  return out;
}

export interface TrainPlanOutput extends TrainResult {
  model: string;
  chip: string;
  chipCount: number;
  precision: string;
  /** Expected fraction of wall clock spent training, after failures, checkpoints and restarts (src/planners/tco.ts). */
  goodput: number;
  /** wallClockDays / goodput: the ideal days stretched by expected interruptions. */
  wallClockDaysWithGoodput: number;
}

/** Validate, resolve, plan and simulate a train scenario. Throws InputError on bad input. */
export function planTrain(input: unknown): TrainPlanOutput {
  const { job, fixed, scenario } = resolveTrainScenario(input);
  const plan = completePlan(job, fixed);
  const issues = planIssues(job, plan);
  if (issues.length) throw new InputError(issues);
  const result = simulateTrain(job, plan);
  const { goodput } = trainGoodput(job.hardware.chipCount, parameterCount(job.arch));
  return {
    model: job.arch.id,
    chip: job.hardware.chipId,
    chipCount: job.hardware.chipCount,
    precision: scenario.precision,
    ...result,
    goodput,
    wallClockDaysWithGoodput: goodput > 0 ? result.wallClockDays / goodput : Number.POSITIVE_INFINITY,
  };
}
