/**
 * The train planner: scenario in, Train result out (docs/contract.md contract). Plan fields the scenario
 * fixes are kept and checked; omitted ones are searched (src/planners/search.ts) for the fastest plan
 * that fits; conventional defaults only when nothing fits, so the result says why.
 * @module
 */
import { InputError } from "../errors.ts";
import { userChipNote } from "../catalog/hardware.ts";
import type { AttentionKernel } from "../catalog/calibration.ts";
import type { ExpertDispatcher, SelectiveRecompute } from "../catalog/training-stacks.ts";
import type { ParallelPlan, TrainJob } from "../physics/plan.ts";
import { expertTensorParallel } from "../physics/plan.ts";
import { simulateTrain, type TrainResult } from "../physics/train.ts";
import { autoTrainPrecisions, type ParallelismInput, planIssues, resolveTrainScenario } from "../scenario/train.ts";
import { divisors, searchPlans, type SearchReport } from "./search.ts";
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
    etp: fixed.etp,
    zeroStage: fixed.zeroStage ?? 1,
    microBatchSize: fixed.microBatchSize ?? 1,
    virtualStages: fixed.virtualStages ?? 1,
    recompute: fixed.recompute ?? "none",
    ...(fixed.offloadActivations ? { offloadActivations: true } : {}),
    ...(fixed.offloadActivations && fixed.offloadActivationLayers !== undefined ? { offloadActivationLayers: fixed.offloadActivationLayers } : {}),
    ...(fixed.offloadActivations && fixed.offloadActivationModules ? { offloadActivationModules: fixed.offloadActivationModules } : {}),
    ...(fixed.offloadOptimizer ? { offloadOptimizer: true } : {}),
    ...(fixed.recompute === "selective" && fixed.recomputeModules ? { recomputeModules: fixed.recomputeModules } : {}),
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
  /** The training software stack assumed (src/catalog/training-stacks.ts id). */
  software: string;
  /** MoE with expert parallelism only: whether the expert all-to-all is overlapped (the stack's default or options.expertAllToAllOverlap). */
  expertAllToAllOverlap?: boolean;
  /** MoE with expert parallelism only: how the dispatcher crosses the scale-out network (the stack's default or options.expertDispatcher). */
  expertDispatcher?: ExpertDispatcher;
  /** The attention kernel assumed (the stack's, or options.attentionKernel). */
  attentionKernel: AttentionKernel;
  /** Present (true) when the attention core runs in fp8 (options.fp8Attention in an fp8/fp4 run). */
  fp8Attention?: true;
  /** Present (true) when the iteration is one CUDA graph (options.fullIterationCudaGraph). */
  fullIterationCudaGraph?: true;
  /** Present (true) when the embedding and the loss count as pipeline slots (options.pipelineSplitCountsEmbeddingAndLoss). */
  pipelineSplitCountsEmbeddingAndLoss?: true;
  /** Selective recompute only: what it recomputes, the stack's policy (elementwise kernels; torchtitan's op-level policy also every second matmul; MaxText's minimal remat also the attention core). */
  selectiveRecompute?: SelectiveRecompute;
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
  /**
   * Present when no plan uses every chip because the global batch does not divide over them: the plan
   * then runs on `chipCount` of the cluster's `clusterChips`, and `suggestedGlobalBatchTokens` is the
   * nearest batch with which a plan uses them all (undefined when none was found).
   */
  idle?: { clusterChips: number; idleChips: number; suggestedGlobalBatchTokens?: number };
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

const batchReason = "global batch is not a whole number of micro-batches per replica";

/**
 * When the search finds no plan and the batch does not divide over the cluster, try fewer chips and keep the
 * fastest plan among them: the four largest counts below the cluster (down to half of it) that share a factor
 * with the sequences per step, and, for each data-parallel degree d dividing the sequences, the largest
 * multiple of d whose model-parallel factor has no prime above 7 (it factors into TP · PP · CP) — so a
 * prime-ish cluster such as Calculon's 5,128 A100 is tried at 5,120 and 5,040 too. Then look for the nearest
 * batch that uses every chip.
 */
function planOnFewerChips(input: Record<string, unknown>, job: TrainJob, fixed: ParallelismInput): TrainPlanOutput | undefined {
  const count = job.hardware.chipCount;
  const sequences = job.globalBatchTokens / job.sequenceLength;
  if (!Number.isInteger(sequences) || fixed.dp !== undefined) return undefined;
  // Counts that share a factor with the batch (so a data-parallel degree > 1 divides both), largest first.
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const tried: number[] = [];
  for (let chips = count - 1; chips >= Math.ceil(count / 2) && tried.length < 4; chips--) if (sequences === 1 || gcd(chips, sequences) > 1) tried.push(chips);
  const smooth = (n: number): boolean => {
    for (const p of [2, 3, 5, 7]) while (n % p === 0) n /= p;
    return n === 1;
  };
  const factored = new Set<number>();
  for (const d of divisors(sequences)) {
    const chips = Math.floor(count / d) * d;
    if (chips < count && chips >= Math.ceil(count / 2) && smooth(chips / d)) factored.add(chips);
  }
  for (const chips of [...factored].sort((a, b) => b - a).slice(0, 6)) if (!tried.includes(chips)) tried.push(chips);
  const hardware = input.hardware as Record<string, unknown>;
  let best: { chips: number; step: number } | undefined;
  for (const chips of tried) {
    const r = resolveTrainScenario({ ...input, hardware: { ...hardware, count: chips } });
    const found = searchPlans(r.job, r.fixed, { top: 1 }).best;
    // Same batch on every count: the shorter step is the faster run.
    if (found && (!best || found.stepTimeSeconds < best.step)) best = { chips, step: found.stepTimeSeconds };
  }
  if (!best) return undefined;
  const chips = best.chips;
  const planned = planOnePrecision({ ...input, hardware: { ...hardware, count: chips } }, false);
  // The nearest batch that uses every chip: a multiple of the data-parallel degree at the same model-parallel size.
  const p = planned.parallelism;
  const modelParallel =
    divisors(count)
      .filter((d) => d <= p.tp * p.pp * p.cp)
      .pop() ?? 1;
  const dpAll = count / modelParallel;
  let suggestedGlobalBatchTokens: number | undefined = Math.max(1, Math.round(sequences / dpAll)) * dpAll * job.sequenceLength;
  const check = resolveTrainScenario({ ...input, training: { ...(input.training as object), globalBatchTokens: suggestedGlobalBatchTokens } });
  if (!searchPlans(check.job, check.fixed, { top: 1 }).best) suggestedGlobalBatchTokens = undefined;
  planned.idle = { clusterChips: count, idleChips: count - chips, suggestedGlobalBatchTokens };
  return planned;
}

function planOnePrecision(input: unknown, allowFewerChips = true): TrainPlanOutput {
  const { job, fixed, scenario } = resolveTrainScenario(input);
  const report = isCompletePlan(fixed) ? undefined : searchPlans(job, fixed, { top: 5 });
  if (allowFewerChips && report && !report.best && (report.rejectedByReason[batchReason] ?? 0) > 0) {
    const fewer = planOnFewerChips(input as Record<string, unknown>, job, fixed);
    if (fewer) return fewer;
  }
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
    software: job.software?.id ?? scenario.software,
    ...(job.arch.moe && plan.ep > 1 && job.software ? { expertAllToAllOverlap: job.software.expertAllToAllOverlap, expertDispatcher: job.software.expertDispatcher } : {}),
    attentionKernel: job.attentionKernel,
    ...(job.fp8Attention ? { fp8Attention: true as const } : {}),
    ...(job.fullIterationCudaGraph ? { fullIterationCudaGraph: true as const } : {}),
    ...(job.pipelineSplitCountsEmbeddingAndLoss ? { pipelineSplitCountsEmbeddingAndLoss: true as const } : {}),
    ...(plan.recompute === "selective" && !plan.recomputeModules ? { selectiveRecompute: job.software?.selectiveRecompute ?? "elementwise" } : {}),
    totalParameters: params.total,
    activeParameters: params.activePerToken,
    ...(typeof scenario.hardware.chip === "object" ? { userSuppliedChip: userChipNote(job.hardware.chipName ?? job.hardware.chipId) } : {}),
    ...result,
    // The expert grid stated, so a re-plan of this answer (e.g. on twice the chips) keeps the same expert layout.
    parallelism: plan.ep > 1 ? { ...result.parallelism, etp: expertTensorParallel(plan) } : result.parallelism,
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
