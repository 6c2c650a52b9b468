/**
 * The rl planner: one GRPO/PPO step as its parts — rollouts (the inference planner at the rollout batch and
 * lengths), the reference and reward forward passes, the policy (and PPO critic) update (the training planner),
 * and the weight sync from trainer to generators — under a colocated (time-shared) or split placement, the
 * split's rollout:train chip ratio searched for the shortest step. Split placements pipeline one step
 * off-policy (generation of step k+1 overlaps training on step k), as asynchronous RL systems do.
 * @module
 */
import { calibration } from "../catalog/calibration.ts";
import { InputError } from "../errors.ts";
import { parameterBreakdown } from "../physics/workload.ts";
import { type ResolvedRl, resolveRlScenario } from "../scenario/rl.ts";
import { type InferResult, planInfer } from "./infer.ts";
import { planTrain, type TrainPlanOutput } from "./train.ts";

export { RlScenario, type RlScenarioInput } from "../scenario/rl.ts";

export interface RlBreakdownSeconds {
  rollout: number;
  reference: number;
  reward: number;
  training: number;
  weightSync: number;
}

export interface RlResult {
  model: string;
  chip: string;
  chipCount: number;
  algorithm: "grpo" | "ppo";
  placement: "colocated" | "split";
  fits: boolean;
  reason?: string;
  /** Seconds per RL step (colocated: the sum of the parts; split: the slower of the two pipelined sides + sync). */
  stepTimeSeconds: number;
  breakdownSeconds: RlBreakdownSeconds;
  /** Each part's share of the parts' total. */
  shares: RlBreakdownSeconds;
  rolloutChips: number;
  trainChips: number;
  /** "rollout:train" chips, e.g. "6:2" (colocated: every chip does both). */
  ratio: string;
  sequencesPerStep: number;
  generatedTokensPerStep: number;
  generatedTokensPerSecond: number;
  rollout: { parallelism: unknown; concurrency: number; ttftSeconds: number; tpotSeconds: number; outputTokensPerSecond: number };
  training: { parallelism: unknown; mfu: number; stepTimeSeconds: number; memoryPerChipBytes: number };
  /** Split placement: every ratio tried and its step time. */
  search?: Array<{ rolloutChips: number; trainChips: number; stepTimeSeconds: number; fits: boolean }>;
  costUsdPerStep?: number;
}

interface Sides {
  fits: boolean;
  reason?: string;
  breakdown: RlBreakdownSeconds;
  infer?: InferResult;
  train?: TrainPlanOutput;
}

/** Generation of every rollout on `chips`: waves of the largest batch that fits, each as long as its longest sample. */
function rolloutSide(r: ResolvedRl, chips: number): { seconds: number; result?: InferResult; reason?: string } {
  const { scenario } = r;
  const ro = scenario.rollout;
  const base = {
    model: scenario.model,
    hardware: { chip: scenario.hardware.chip, count: chips, system: scenario.hardware.system },
    precision: ro.precision,
    options: scenario.options,
  };
  try {
    const probe = planInfer({ ...base, workload: { inputTokens: ro.inputTokens, outputTokens: ro.outputTokens, concurrency: "max" } });
    if (!probe.fits || probe.maxConcurrency < 1) return { seconds: Number.POSITIVE_INFINITY, reason: probe.reason ?? "the policy does not fit for generation" };
    const concurrency = Math.min(r.sequences, Math.max(probe.parallelism.replicas, probe.maxConcurrency));
    const res = planInfer({ ...base, workload: { inputTokens: ro.inputTokens, outputTokens: ro.outputTokens, concurrency } });
    // Throughput-bound (all tokens at the batch's rate) but never shorter than one sample's own latency.
    const throughputBound = (r.sequences * ro.outputTokens) / res.outputTokensPerSecond;
    const latencyBound = res.ttftSeconds + ro.outputTokens * res.tpotSeconds;
    return { seconds: Math.max(throughputBound, latencyBound), result: res };
  } catch (error) {
    if (error instanceof InputError) return { seconds: Number.POSITIVE_INFINITY, reason: error.message };
    throw error;
  }
}

/** Policy update on `chips` via the training planner; reference, reward and value forwards from its compute. */
function trainSide(r: ResolvedRl, chips: number): { training: number; reference: number; reward: number; result?: TrainPlanOutput; reason?: string } {
  const { scenario } = r;
  const ro = scenario.rollout;
  const seq = ro.inputTokens + ro.outputTokens;
  const tokens = r.sequences * seq;
  try {
    const t = planTrain({
      model: scenario.model,
      hardware: { chip: scenario.hardware.chip, count: chips, system: scenario.hardware.system },
      precision: "bf16",
      training: { tokens: tokens * scenario.updateEpochs, sequenceLength: seq, globalBatchTokens: tokens },
      options: scenario.options,
    });
    if (!t.fits) return { training: Number.POSITIVE_INFINITY, reference: 0, reward: 0, result: t, reason: t.reason };
    // A forward pass is one of the step's 3 compute units (4 with full recompute): forward, backward = 2× forward.
    const units = t.parallelism.recompute === "full" ? 4 : 3;
    const forward = (t.breakdownSeconds.compute + t.breakdownSeconds.exposedCommunication) / units;
    const training = t.stepTimeSeconds * scenario.updateEpochs * (scenario.algorithm === "ppo" ? 2 : 1); // PPO: a critic of the policy's size
    const reference = scenario.reference ? forward : 0;
    const rewardParams = r.rewardArch ? parameterBreakdown(r.rewardArch).activePerToken : 0;
    const rewardForward = rewardParams > 0 ? (forward * rewardParams) / t.activeParameters : 0;
    const valueForward = scenario.algorithm === "ppo" ? forward : 0;
    return { training, reference, reward: rewardForward + valueForward, result: t };
  } catch (error) {
    if (error instanceof InputError) return { training: Number.POSITIVE_INFINITY, reference: 0, reward: 0, reason: error.message };
    throw error;
  }
}

/** Seconds to move the new policy weights (bf16) into the generators: each generator chip receives its shard. */
function weightSyncSeconds(r: ResolvedRl, colocated: boolean, rolloutTp: number): number {
  const bytes = (parameterBreakdown(r.arch).total * 2) / rolloutTp;
  const eff = calibration.collectiveEfficiency.value;
  // Colocated: resharded over the scale-up fabric inside the node; split: sent over the scale-out NICs.
  const rate = (colocated ? r.chip.scaleUpBytesPerSecond : r.chip.scaleOutBytesPerSecond) * eff;
  return bytes / rate;
}

function evaluate(r: ResolvedRl, rolloutChips: number, trainChips: number, colocated: boolean): Sides {
  const ro = rolloutSide(r, rolloutChips);
  const tr = trainSide(r, trainChips);
  const rolloutTp = (ro.result?.parallelism as { tp?: number } | undefined)?.tp ?? 1;
  const breakdown: RlBreakdownSeconds = {
    rollout: ro.seconds,
    reference: tr.reference,
    reward: tr.reward,
    training: tr.training,
    weightSync: weightSyncSeconds(r, colocated, rolloutTp),
  };
  const fits = Number.isFinite(ro.seconds) && Number.isFinite(tr.training);
  return { fits, reason: ro.reason ?? tr.reason, breakdown, infer: ro.result, train: tr.result };
}

function stepOf(b: RlBreakdownSeconds, colocated: boolean): number {
  if (colocated) return b.rollout + b.reference + b.reward + b.training + b.weightSync;
  const learner = b.reference + b.reward + b.training;
  return (b.rollout > learner ? b.rollout : learner) + b.weightSync;
}

/** Split ratios worth trying: every count on small clusters, sixteenths of the cluster on large ones. */
function splitCandidates(count: number): number[] {
  if (count <= 16) return Array.from({ length: count - 1 }, (_, i) => i + 1);
  const step = Math.max(1, Math.floor(count / 16));
  const out: number[] = [];
  for (let x = step; x < count; x += step) out.push(x);
  return out;
}

export function planRl(input: unknown): RlResult {
  const r = resolveRlScenario(input);
  const { scenario } = r;
  const count = scenario.hardware.count;
  const colocated = scenario.placement === "colocated";
  let chosen: { sides: Sides; rolloutChips: number; trainChips: number; step: number };
  let search: RlResult["search"];
  if (colocated) {
    const sides = evaluate(r, count, count, true);
    chosen = { sides, rolloutChips: count, trainChips: count, step: stepOf(sides.breakdown, true) };
  } else {
    const candidates = scenario.rolloutChips !== undefined ? [scenario.rolloutChips] : splitCandidates(count);
    search = [];
    let best: typeof chosen | undefined;
    for (const rollout of candidates) {
      const sides = evaluate(r, rollout, count - rollout, false);
      const step = stepOf(sides.breakdown, false);
      search.push({ rolloutChips: rollout, trainChips: count - rollout, stepTimeSeconds: Number.isFinite(step) ? step : 0, fits: sides.fits });
      const entry = { sides, rolloutChips: rollout, trainChips: count - rollout, step };
      if (!best || (entry.sides.fits && (!best.sides.fits || step < best.step))) best = entry;
    }
    chosen = best as typeof chosen;
  }
  const { sides } = chosen;
  const b = sides.breakdown;
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  const breakdownSeconds: RlBreakdownSeconds = {
    rollout: finite(b.rollout),
    reference: finite(b.reference),
    reward: finite(b.reward),
    training: finite(b.training),
    weightSync: finite(b.weightSync),
  };
  const total = breakdownSeconds.rollout + breakdownSeconds.reference + breakdownSeconds.reward + breakdownSeconds.training + breakdownSeconds.weightSync;
  const share = (x: number) => (total > 0 ? x / total : 0);
  const step = sides.fits ? chosen.step : 0;
  const ro = scenario.rollout;
  const generated = r.sequences * ro.outputTokens;
  const price = scenario.options.usdPerChipHour ?? r.chip.rentalUsdPerChipHour;
  return {
    model: r.arch.id,
    chip: r.chip.id,
    chipCount: count,
    algorithm: scenario.algorithm,
    placement: scenario.placement,
    fits: sides.fits,
    reason: sides.fits ? undefined : sides.reason,
    stepTimeSeconds: step,
    breakdownSeconds,
    shares: {
      rollout: share(breakdownSeconds.rollout),
      reference: share(breakdownSeconds.reference),
      reward: share(breakdownSeconds.reward),
      training: share(breakdownSeconds.training),
      weightSync: share(breakdownSeconds.weightSync),
    },
    rolloutChips: chosen.rolloutChips,
    trainChips: chosen.trainChips,
    ratio: colocated ? `${count}:${count} (time-shared)` : `${chosen.rolloutChips}:${chosen.trainChips}`,
    sequencesPerStep: r.sequences,
    generatedTokensPerStep: generated,
    generatedTokensPerSecond: step > 0 ? generated / step : 0,
    rollout: {
      parallelism: sides.infer?.parallelism,
      concurrency: sides.infer?.concurrency ?? 0,
      ttftSeconds: sides.infer?.ttftSeconds ?? 0,
      tpotSeconds: sides.infer?.tpotSeconds ?? 0,
      outputTokensPerSecond: sides.infer?.outputTokensPerSecond ?? 0,
    },
    training: {
      parallelism: sides.train?.parallelism,
      mfu: sides.train?.mfu ?? 0,
      stepTimeSeconds: sides.train?.stepTimeSeconds ?? 0,
      memoryPerChipBytes: sides.train?.memoryPerChipBytes ?? 0,
    },
    search,
    costUsdPerStep: price === undefined || step === 0 ? undefined : (count * step * price) / 3600,
  };
}
