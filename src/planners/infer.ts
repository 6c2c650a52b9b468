/**
 * The infer planner: scenario in, Infer result out (docs/contract.md contract). Omitted plan fields are
 * searched (tp, pp, ep; replicas = count / chips per replica); `concurrency: "max"` is the largest
 * batch that fits; a request rate is turned into running sequences by Little's law.
 * @module
 */
import { InputError } from "../errors.ts";
import { type Percentiles, type SimConfig, simulateServing } from "../physics/serving-sim.ts";
import { type Disaggregation, planDisaggregated } from "./disaggregated.ts";
import {
  type InferJob,
  type InferPlan,
  type StepBreakdown,
  acceptedTokensPerStep,
  attentionGroups,
  batchLimit,
  chipsPerReplica,
  jobParameters,
  servingStepModel,
  inferMemory,
  kvCacheBytesPerToken,
  maxConcurrency,
  rateSteadyState,
  steadyState,
} from "../physics/infer.ts";
import { memoryShortfall } from "../physics/memory.ts";
import { parameterBreakdown } from "../physics/workload.ts";
import { userChipNote } from "../catalog/hardware.ts";
import { type InferParameters, defaultInferParameters, fittedInferParameters } from "../catalog/infer-calibration.ts";

/** The inference calibration and the parameters its backtest refits (for validation/ and scripts/). */
export { defaultInferParameters, fittedInferParameters };
import { type InferParallelismInput, type InferPrecision, type Workload, inferPlanIssues, resolveInferScenario } from "../scenario/infer.ts";

export interface InferResult {
  model: string;
  chip: string;
  chipCount: number;
  precision: InferPrecision;
  fits: boolean;
  /** Why it does not fit (shortfall), when it does not. */
  reason?: string;
  parallelism: InferPlan;
  memoryPerChipBytes: number;
  memoryCapacityBytes: number;
  memoryBreakdownBytes: { weightsBytes: number; kvCacheBytes: number; activationsBytes: number; runtimeReserveBytes: number };
  kvCacheBytesPerToken: number;
  maxConcurrency: number;
  /** Running requests across the deployment at the operating point. */
  concurrency: number;
  ttftSeconds: number;
  tpotSeconds: number;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerChip: number;
  requestsPerSecond: number;
  /** False when the requested rate exceeds what the deployment can serve (results are at saturation). */
  sustainable: boolean;
  decodeBreakdownSeconds: StepBreakdown;
  usdPerMillionOutputTokens?: number;
  /** Parameters of the language model (danlu model gives the vision tower apart). */
  totalParameters: number;
  /** Parameters one token touches (routed experts top-k), embeddings included. */
  activeParameters: number;
  /** How the precision was chosen when the scenario gave none: the checkpoint's quantization_config. */
  precisionSource?: string;
  /** Present when hardware.chip was an inline object: the answer rests on the user's chip figures. */
  userSuppliedChip?: string;
  /** Serving engine assumed (src/catalog/serving-engines.ts). */
  software?: string;
  /**
   * Latency percentiles from the seeded discrete-event simulation of the engine's scheduler at this operating point
   * (src/physics/serving-sim.ts); the steady-state ttftSeconds / tpotSeconds above are means of the closed form.
   */
  latency?: { ttftSeconds: Percentiles; tpotSeconds: Percentiles; itlSeconds: Percentiles; e2eSeconds: Percentiles };
  /** Requests per second meeting the SLO targets (all completed requests when no SLO is given), from the simulation. */
  goodputRequestsPerSecond?: number;
  /** Share of simulated requests meeting both SLO targets. */
  sloAttainment?: number;
  /** True when the simulated queue kept growing (the offered load exceeds what the scheduler serves). */
  simulatedSaturated?: boolean;
  /** With speculative decoding: expected tokens per verify step, (1 − α^(γ+1)) / (1 − α). */
  acceptedTokensPerStep?: number;
  /** With disaggregated serving: the two pools, their per-chip rates and the KV transfer (src/planners/disaggregated.ts). */
  disaggregation?: Disaggregation;
}

/** Run the scheduler simulation for the planned operating point (one replica; rate and concurrency split evenly). */
export function simulateInfer(job: InferJob, result: InferResult, workload: Workload, serving: { simulatedRequests: number; seed: number }, slo?: SimConfig["slo"]) {
  const plan = result.parallelism;
  const c = jobParameters(job);
  const groups = attentionGroups(plan);
  const memory = inferMemory(job, plan);
  const kvSequences = memory.kvCachePerSequenceBytes > 0 ? Math.max(1, Math.floor(memory.kvPoolBytes / memory.kvCachePerSequenceBytes)) : 1;
  const residency = job.inputTokens * (1 - (job.prefixCacheHitRate ?? 0)) + job.outputTokens / 2;
  const maxRunning = Math.max(1, Math.floor(batchLimit(job, plan)));
  const tokenBudget = c.prefillChunkTokens * groups;
  const spec = job.speculative;
  const step = servingStepModel(job, plan, tokenBudget + maxRunning * (spec ? spec.draftTokens + 1 : 1));
  const perReplicaConcurrency =
    workload.kind === "concurrency" ? (workload.concurrency === "max" ? Math.max(1, result.maxConcurrency / plan.replicas) : workload.concurrency / plan.replicas) : 0;
  const cfg: SimConfig = {
    arrivals:
      workload.kind === "rate"
        ? { kind: "poisson", requestsPerSecond: workload.requestsPerSecond / plan.replicas }
        : { kind: "closed", concurrency: Math.max(1, Math.round(perReplicaConcurrency)) },
    // Bound the simulated iterations (≈ requests × output ÷ running batch) to ~200k: at low concurrency and long
    // outputs fewer requests already give stable percentiles (each is alike), and the answer stays fast.
    requests: Math.min(serving.simulatedRequests, Math.max(100, Math.floor((2e5 * Math.max(1, result.concurrency / plan.replicas)) / Math.max(job.outputTokens, 1)))),
    seed: serving.seed,
    input: workload.inputLength,
    output: workload.outputLength,
    prefixCacheHitRate: workload.prefixCacheHitRate,
    tokenBudget,
    maxRunning,
    kvCapacityTokens: kvSequences * residency,
    ...(spec ? { speculative: { draftTokens: spec.draftTokens, acceptanceRate: spec.acceptanceRate } } : {}),
    ...(slo ? { slo } : {}),
  };
  const sim = simulateServing(cfg, step);
  return { ...sim, goodputRequestsPerSecond: sim.goodputRequestsPerSecond * plan.replicas, completedRequestsPerSecond: sim.completedRequestsPerSecond * plan.replicas };
}

const GB = 1e9;

function powersOfTwoUpTo(n: number): number[] {
  const out: number[] = [];
  for (let x = 1; x <= n; x *= 2) out.push(x);
  return out;
}

/** Every valid plan for `count` chips, honouring the fixed fields. */
export function candidatePlans(job: InferJob, fixed: InferParallelismInput, maxReplicaChips = job.hardware.chipCount): InferPlan[] {
  const count = job.hardware.chipCount;
  const arch = job.arch;
  const tps = fixed.tp !== undefined ? [fixed.tp] : powersOfTwoUpTo(Math.min(count, 64));
  const pps = fixed.pp !== undefined ? [fixed.pp] : powersOfTwoUpTo(Math.min(count, 16));
  const eps = fixed.ep !== undefined ? [fixed.ep] : arch.moe ? powersOfTwoUpTo(Math.min(count, arch.moe.numExperts)) : [1];
  const plans: InferPlan[] = [];
  for (const tp of tps)
    for (const pp of pps)
      for (const ep of eps) {
        const replica = chipsPerReplica({ tp, pp, ep });
        if (replica > maxReplicaChips) continue;
        if (inferPlanIssues(arch, count, { tp, pp, ep }).length) continue;
        plans.push({ tp, pp, ep, replicas: count / replica });
      }
  return plans;
}

/** Evaluate one plan under a workload. */
export function evaluateInfer(job: InferJob, plan: InferPlan, workload: Workload, precision: InferPrecision, model = job.arch.id): InferResult {
  const hw = job.hardware;
  const memory = inferMemory(job, plan);
  const maxConc = maxConcurrency(job, plan);
  const maxPerReplica = maxConc / plan.replicas;
  let perReplica: number;
  let sustainable = true;
  let state: ReturnType<typeof steadyState>;
  if (workload.kind === "rate") {
    // Open-loop arrivals: Little's-law fixed point with chunked prefill in every iteration and an M/D/1 admission wait.
    const r = rateSteadyState(job, plan, workload.requestsPerSecond, Math.max(maxPerReplica, 1));
    perReplica = r.sequencesPerReplica;
    sustainable = r.sustainable && maxPerReplica >= 1;
    state = r;
  } else {
    perReplica = workload.concurrency === "max" ? Math.max(maxPerReplica, 1) : workload.concurrency / plan.replicas;
    state = steadyState(job, plan, perReplica);
  }
  const kvBytes = perReplica * memory.kvCachePerSequenceBytes;
  const memoryPerChipBytes = memory.weightsBytes + memory.activationsBytes + memory.runtimeReserveBytes + Math.max(kvBytes, memory.kvCachePerSequenceBytes);
  // Above maxConcurrency (KV pool or the engine's batch limit) a request does not run, whatever the memory says.
  const overConcurrency = perReplica > maxPerReplica * (1 + 1e-12);
  const fits = memoryPerChipBytes <= hw.memoryBytes && maxPerReplica >= 1 && !overConcurrency;
  const chipCount = hw.chipCount;
  let reason: string | undefined;
  if (!fits && overConcurrency && memoryPerChipBytes <= hw.memoryBytes && maxPerReplica >= 1) {
    reason = `${Math.round(perReplica * plan.replicas)} running sequences exceed the ${maxConc} this setup holds (KV cache and batch limit)`;
  } else if (!fits) {
    const need = memory.weightsBytes + memory.activationsBytes + memory.runtimeReserveBytes + Math.max(kvBytes, memory.kvCachePerSequenceBytes);
    reason = `${memoryShortfall(need, hw.chipName, hw.memoryBytes)} (weights ${(memory.weightsBytes / GB).toFixed(1)} GB, KV cache ${(Math.max(kvBytes, memory.kvCachePerSequenceBytes) / GB).toFixed(1)} GB)`;
  }
  const requestsPerSecond = workload.kind === "rate" && sustainable ? workload.requestsPerSecond : state.requestsPerSecond;
  const outputTokensPerSecond = workload.kind === "rate" && sustainable ? workload.requestsPerSecond * job.outputTokens : state.outputTokensPerSecond;
  const params = parameterBreakdown(job.arch);
  const result: InferResult = {
    model,
    totalParameters: params.total,
    activeParameters: params.activePerToken,
    chip: hw.chipId,
    chipCount,
    precision,
    fits,
    ...(reason ? { reason } : {}),
    parallelism: plan,
    memoryPerChipBytes,
    memoryCapacityBytes: hw.memoryBytes,
    memoryBreakdownBytes: {
      weightsBytes: memory.weightsBytes,
      kvCacheBytes: kvBytes,
      activationsBytes: memory.activationsBytes,
      runtimeReserveBytes: memory.runtimeReserveBytes,
    },
    kvCacheBytesPerToken: kvCacheBytesPerToken(job.arch, job.formats.kvBytesPerValue),
    maxConcurrency: maxConc,
    concurrency: perReplica * plan.replicas,
    ttftSeconds: state.ttftSeconds,
    tpotSeconds: state.tpotSeconds,
    outputTokensPerSecond,
    outputTokensPerSecondPerChip: outputTokensPerSecond / chipCount,
    requestsPerSecond,
    sustainable,
    decodeBreakdownSeconds: state.decode,
  };
  if (hw.usdPerChipHour !== undefined) {
    result.usdPerMillionOutputTokens = ((chipCount * hw.usdPerChipHour) / 3600 / outputTokensPerSecond) * 1e6;
  }
  return result;
}

/**
 * The operating point at a mean time per output token: the largest running batch per replica whose steady-state TPOT
 * stays within `tpotSeconds` (bisection: TPOT grows with the batch), capped by the KV pool and the engine's batch
 * limit. What a latency-bounded benchmark reports (MLPerf Server: the highest rate whose TPOT meets the bound) and
 * what a user asks ("how many tokens/s at 140 ms per token"): well conditioned where TPOT at a given rate is not
 * (near capacity throughput is flat in the batch, so a 1% capacity error moves TPOT at that rate by tens of %).
 */
export function evaluateInferAtTpot(job: InferJob, plan: InferPlan, workload: Workload, precision: InferPrecision, tpotSeconds: number, model = job.arch.id): InferResult {
  const top = Math.max(maxConcurrency(job, plan) / plan.replicas, 1);
  const tpot = (n: number) => steadyState(job, plan, n).tpotSeconds;
  let n = top;
  if (tpot(top) > tpotSeconds) {
    let lo = 1;
    let hi = top;
    if (tpot(lo) >= tpotSeconds) hi = lo;
    else
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2;
        if (tpot(mid) <= tpotSeconds) lo = mid;
        else hi = mid;
      }
    n = lo;
  }
  const { inputTokens, outputTokens, inputLength, outputLength, prefixCacheHitRate } = workload;
  const at: Workload = { inputTokens, outputTokens, inputLength, outputLength, prefixCacheHitRate, kind: "concurrency", concurrency: n * plan.replicas };
  return evaluateInfer(job, plan, at, precision, model);
}

/** planInfer at a mean TPOT (evaluateInferAtTpot over the candidate plans, the most output tokens/s that fits). */
export function planInferAtTpot(input: unknown, tpotSeconds: number, parameters?: InferParameters): InferResult {
  const resolved = resolveInferScenario(input);
  const job = parameters ? { ...resolved.job, parameters } : resolved.job;
  const fixed = withDataParallelAttention(resolved.fixed, job.arch.moe !== undefined);
  let best: InferResult | undefined;
  for (const plan of candidatePlans(job, fixed)) {
    const r = evaluateInferAtTpot(job, plan, resolved.workload, resolved.precision, tpotSeconds, job.arch.id);
    if (!best || (r.fits && !best.fits) || (r.fits === best.fits && r.outputTokensPerSecond > best.outputTokensPerSecond * (1 + 1e-9))) best = r;
  }
  if (!best) throw new InputError({ path: "parallelism", expected: `a plan that divides hardware.count = ${job.hardware.chipCount}` });
  return { ...best, software: resolved.engine.id };
}

/** Better of two results for the workload: fitting first, then (rate) sustainable and lowest TPOT, else highest throughput. */
function better(a: InferResult, b: InferResult, workload: Workload): boolean {
  if (a.fits !== b.fits) return a.fits;
  if (!a.fits) return a.memoryPerChipBytes < b.memoryPerChipBytes;
  if (workload.kind === "rate") {
    if (a.sustainable !== b.sustainable) return a.sustainable;
    if (!a.sustainable) return a.outputTokensPerSecond > b.outputTokensPerSecond;
    return a.tpotSeconds + a.ttftSeconds / 100 < b.tpotSeconds + b.ttftSeconds / 100;
  }
  return a.outputTokensPerSecond > b.outputTokensPerSecond * (1 + 1e-9);
}

export function searchInfer(job: InferJob, fixed: InferParallelismInput, workload: Workload, precision: InferPrecision, model?: string): InferResult {
  const plans = candidatePlans(job, fixed);
  if (plans.length === 0) {
    const tp = fixed.tp ?? 1;
    const issues = inferPlanIssues(job.arch, job.hardware.chipCount, { tp, pp: fixed.pp ?? 1, ep: fixed.ep ?? 1 });
    throw new InputError(issues.length ? issues : { path: "parallelism", expected: `a plan that divides hardware.count = ${job.hardware.chipCount}` });
  }
  let best: InferResult | undefined;
  for (const plan of plans) {
    const r = evaluateInfer(job, plan, workload, precision, model);
    if (!best || better(r, best, workload)) best = r;
  }
  return best as InferResult;
}

/**
 * DP-attention: `dp` attention replicas inside a model replica, each tp wide, so a replica spans dp·tp chips; for MoE
 * the experts spread over them (ep = dp·tp unless given). Checked: dp·tp = max(tp, ep).
 */
function withDataParallelAttention(fixed: InferParallelismInput, moe: boolean): InferParallelismInput {
  if (fixed.dp === undefined) return fixed;
  const tp = fixed.tp ?? 1;
  const ep = fixed.ep ?? (moe ? fixed.dp * tp : undefined);
  if (!moe && fixed.dp > 1)
    throw new InputError({
      path: "parallelism.dp",
      value: String(fixed.dp),
      expected: "1 for a dense model (DP-attention pairs with expert parallelism; use more replicas instead)",
    });
  if (ep !== undefined && fixed.dp * tp !== Math.max(tp, ep))
    throw new InputError({ path: "parallelism.dp", value: String(fixed.dp), expected: `dp · tp = max(tp, ep) = ${Math.max(tp, ep)}` });
  const { dp: _dp, ...rest } = fixed;
  return { ...rest, tp, ...(ep !== undefined ? { ep } : {}) };
}

/**
 * Validate, resolve and plan an infer scenario (under the catalog's calibration unless `parameters` is given: the
 * backtest's folds). The latency percentiles come from the scheduler simulation unless `options.simulate` is false.
 */
export function planInfer(input: unknown, parameters?: InferParameters, options: { simulate?: boolean } = {}): InferResult {
  const resolved = resolveInferScenario(input);
  const { workload, precision } = resolved;
  const fixed = withDataParallelAttention(resolved.fixed, resolved.job.arch.moe !== undefined);
  const job = parameters ? { ...resolved.job, parameters } : resolved.job;
  if (fixed.tp !== undefined && fixed.pp !== undefined && (fixed.ep !== undefined || !job.arch.moe)) {
    const plan = { tp: fixed.tp, pp: fixed.pp, ep: fixed.ep ?? 1 };
    const issues = inferPlanIssues(job.arch, job.hardware.chipCount, plan);
    if (issues.length) throw new InputError(issues);
  } else if (fixed.tp !== undefined || fixed.pp !== undefined || fixed.ep !== undefined) {
    const issues = inferPlanIssues(job.arch, job.hardware.chipCount, { tp: fixed.tp ?? 1, pp: fixed.pp ?? 1, ep: fixed.ep ?? 1 }).filter((i) => i.path !== "parallelism");
    if (issues.length) throw new InputError(issues);
  }
  const disaggregated = resolved.scenario.serving.disaggregated;
  const planned =
    disaggregated !== undefined && disaggregated !== false
      ? planDisaggregated({ ...resolved, job }, disaggregated, { candidatePlans, evaluateInfer })
      : searchInfer(job, fixed, workload, precision, job.arch.id);
  const found: InferResult = {
    ...planned,
    software: resolved.engine.id,
    ...(resolved.nativeWeights ? { precisionSource: `checkpoint: ${resolved.nativeWeights}` } : {}),
    ...(typeof resolved.scenario.hardware.chip === "object" ? { userSuppliedChip: userChipNote(job.hardware.chipName) } : {}),
  };
  if (job.speculative) found.acceptedTokensPerStep = acceptedTokensPerStep(job.speculative.acceptanceRate, job.speculative.draftTokens);
  // The simulation models one aggregated engine; disaggregated pools report the closed form.
  if (options.simulate === false || !found.fits || found.disaggregation) return found;
  const slo = resolved.scenario.slo;
  const sim = simulateInfer(job, found, workload, resolved.scenario.serving, slo);
  return {
    ...found,
    latency: { ttftSeconds: sim.ttftSeconds, tpotSeconds: sim.tpotSeconds, itlSeconds: sim.itlSeconds, e2eSeconds: sim.e2eSeconds },
    goodputRequestsPerSecond: sim.goodputRequestsPerSecond,
    sloAttainment: sim.sloAttainment,
    simulatedSaturated: sim.saturated,
  };
}

export interface CurvePoint {
  concurrency: number;
  ttftSeconds: number;
  tpotSeconds: number;
  /** Tokens per second each user sees (1 / TPOT). */
  outputTokensPerSecondPerUser: number;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerChip: number;
  fits: boolean;
}

/** Throughput vs latency over concurrency (powers of two up to the largest that fits), for the planned setup. */
export function inferCurve(input: unknown): { result: InferResult; points: CurvePoint[] } {
  const resolved = resolveInferScenario(input);
  const result = planInfer(input);
  const { job } = resolved;
  const plan = result.parallelism;
  const top = Math.max(result.maxConcurrency, plan.replicas);
  const points: CurvePoint[] = [];
  const levels: number[] = [];
  for (let c = plan.replicas; c < top; c *= 2) levels.push(c);
  levels.push(top);
  for (const concurrency of levels) {
    const s = steadyState(job, plan, concurrency / plan.replicas);
    points.push({
      concurrency,
      ttftSeconds: s.ttftSeconds,
      tpotSeconds: s.tpotSeconds,
      outputTokensPerSecondPerUser: 1 / s.tpotSeconds,
      outputTokensPerSecond: s.outputTokensPerSecond,
      outputTokensPerSecondPerChip: s.outputTokensPerSecond / job.hardware.chipCount,
      fits: concurrency <= result.maxConcurrency,
    });
  }
  return { result, points };
}
