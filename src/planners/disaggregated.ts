/**
 * Disaggregated prefill/decode serving (issue 12 §2): a prefill pool and a decode pool, each with its own plan,
 * joined by a KV-cache transfer. The prefill pool's capacity is its replicas' back-to-back prompt rate; the decode
 * pool runs iterations with no prompts in them (the point of disaggregation: TPOT without prefill interference);
 * TTFT = the M/D/1 wait at the prefill pool + the prefill + the exposed KV transfer. With `disaggregated: true` the
 * P:D split of hardware.count is searched (every split whose pools admit a plan; each pool's best plan), as
 * aiconfigurator and DistServe's placement search do. Sources: Zhong et al. 2024 (DistServe), Patel et al. 2024
 * (Splitwise), NVIDIA Dynamo / aiconfigurator (xPyD rate matching), docs/model.md "Disaggregated serving".
 * @module
 */
import { InputError } from "../errors.ts";
import { type InferJob, type InferPlan, chipsPerReplica, inferMemory, kvTransferSeconds, maxConcurrency, prefillCapacity, prefillSeconds, steadyState } from "../physics/infer.ts";
import type { ResolvedInfer } from "../scenario/infer.ts";
import type { InferParallelismInput, Workload, InferPrecision } from "../scenario/infer.ts";
import type { InferResult } from "./infer.ts";

/** The infer planner's plan enumeration and evaluation (passed in by planners/infer.ts: no import cycle). */
export interface InferEvaluators {
  candidatePlans: (job: InferJob, fixed: InferParallelismInput) => InferPlan[];
  evaluateInfer: (job: InferJob, plan: InferPlan, workload: Workload, precision: InferPrecision, model?: string) => InferResult;
}
let candidatePlans: InferEvaluators["candidatePlans"];
let evaluateInfer: InferEvaluators["evaluateInfer"];

export interface Disaggregation {
  prefillChips: number;
  decodeChips: number;
  prefillParallelism: InferPlan;
  decodeParallelism: InferPlan;
  /** Prompt tokens per second per prefill chip at the operating point's capacity. */
  prefillInputTokensPerSecondPerChip: number;
  /** Output tokens per second per decode chip at the operating point. */
  decodeOutputTokensPerSecondPerChip: number;
  /** KV-cache transfer per request (total; `kvTransferExposedSeconds` of it on the TTFT path). */
  kvTransferSeconds: number;
  kvTransferExposedSeconds: number;
  /** Requests per second the prefill pool sustains. */
  prefillRequestsPerSecond: number;
}

type Pool = { chips: number; tp?: number; pp?: number; dp?: number; ep?: number };

function poolJob(job: InferJob, chips: number): InferJob {
  return { ...job, hardware: { ...job.hardware, chipCount: chips } };
}

function fixedOf(job: InferJob, pool: Pool) {
  const ep = pool.ep ?? (pool.dp !== undefined && job.arch.moe ? pool.dp * (pool.tp ?? 1) : undefined);
  return { ...(pool.tp !== undefined ? { tp: pool.tp } : {}), ...(pool.pp !== undefined ? { pp: pool.pp } : {}), ...(ep !== undefined ? { ep } : {}) };
}

/** Best prefill plan of a pool: the most prompts per second. */
function bestPrefill(job: InferJob, pool: Pool): { plan: InferPlan; rps: number } | undefined {
  const j = poolJob(job, pool.chips);
  let best: { plan: InferPlan; rps: number } | undefined;
  for (const plan of candidatePlans(j, fixedOf(job, pool))) {
    if (maxConcurrency(j, plan) < 1) continue;
    const rps = prefillCapacity(j, plan) * plan.replicas;
    if (!best || rps > best.rps) best = { plan, rps };
  }
  return best;
}

/** Best decode plan of a pool: the most output tokens per second at the largest batch that fits. */
function bestDecode(job: InferJob, pool: Pool): { plan: InferPlan; tokensPerSecond: number } | undefined {
  const j = poolJob(job, pool.chips);
  let best: { plan: InferPlan; tokensPerSecond: number } | undefined;
  for (const plan of candidatePlans(j, fixedOf(job, pool))) {
    const top = maxConcurrency(j, plan) / plan.replicas;
    if (top < 1) continue;
    const s = steadyState(j, plan, top, { decodeOnly: true });
    const tokensPerSecond = (top / s.tpotSeconds) * plan.replicas;
    if (!best || tokensPerSecond > best.tokensPerSecond) best = { plan, tokensPerSecond };
  }
  return best;
}

interface Candidate {
  result: InferResult;
  score: number;
}

function evaluateSplit(resolved: ResolvedInfer, prefillPool: Pool, decodePool: Pool): Candidate | undefined {
  const { job, workload, precision } = resolved;
  const p = bestPrefill(job, prefillPool);
  const d = bestDecode(job, decodePool);
  if (!p || !d) return undefined;
  const pj = poolJob(job, prefillPool.chips);
  const dj = poolJob(job, decodePool.chips);
  const dPlan = d.plan;
  const maxPerReplica = maxConcurrency(dj, dPlan) / dPlan.replicas;
  const decodeAt = (b: number) => steadyState(dj, dPlan, b, { decodeOnly: true });
  let perReplica: number;
  let sustainable = true;
  let rate: number;
  if (workload.kind === "rate") {
    const lambda = workload.requestsPerSecond / dPlan.replicas;
    // Little's law on the decode pool: b = λ · outputTokens · TPOT(b).
    const served = (b: number) => b / (job.outputTokens * decodeAt(b).tpotSeconds);
    if (served(maxPerReplica) < lambda || workload.requestsPerSecond >= p.rps) {
      sustainable = false;
      perReplica = maxPerReplica;
    } else {
      let lo = 0;
      let hi = maxPerReplica;
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2;
        if (served(mid) >= lambda) hi = mid;
        else lo = mid;
      }
      perReplica = hi;
    }
    rate = sustainable ? workload.requestsPerSecond : Math.min(p.rps, served(maxPerReplica) * dPlan.replicas);
  } else {
    perReplica = workload.concurrency === "max" ? maxPerReplica : Math.min(workload.concurrency / dPlan.replicas, maxPerReplica);
    const decodeRps = (perReplica / (job.outputTokens * decodeAt(perReplica).tpotSeconds)) * dPlan.replicas;
    rate = Math.min(decodeRps, p.rps);
  }
  const ds = decodeAt(Math.max(perReplica, 1e-9));
  const prefill = prefillSeconds(pj, p.plan, job.inputTokens);
  const sameDomain = prefillPool.chips + decodePool.chips <= job.hardware.fabric.scaleUpDomainChips;
  const kv = kvTransferSeconds(pj, p.plan, prefill.latencySeconds, sameDomain);
  const rho = Math.min(rate / p.rps, 0.995);
  const wait = (rho * prefill.latencySeconds) / (2 * (1 - rho));
  const ttftSeconds = wait + prefill.latencySeconds + kv.exposedSeconds;
  const base = evaluateInfer(dj, dPlan, { ...workload, kind: "concurrency", concurrency: Math.max(1, Math.round(perReplica * dPlan.replicas)) }, precision, job.arch.id);
  const chipCount = prefillPool.chips + decodePool.chips;
  const outputTokensPerSecond = rate * job.outputTokens;
  const memory = inferMemory(dj, dPlan);
  const result: InferResult = {
    ...base,
    chipCount,
    concurrency: perReplica * dPlan.replicas,
    maxConcurrency: maxConcurrency(dj, dPlan),
    ttftSeconds,
    tpotSeconds: ds.tpotSeconds,
    outputTokensPerSecond,
    outputTokensPerSecondPerChip: outputTokensPerSecond / chipCount,
    requestsPerSecond: rate,
    sustainable,
    decodeBreakdownSeconds: ds.decode,
    memoryBreakdownBytes: { ...base.memoryBreakdownBytes, kvCacheBytes: perReplica * memory.kvCachePerSequenceBytes },
    disaggregation: {
      prefillChips: prefillPool.chips,
      decodeChips: decodePool.chips,
      prefillParallelism: p.plan,
      decodeParallelism: dPlan,
      prefillInputTokensPerSecondPerChip: (p.rps * job.inputTokens) / prefillPool.chips,
      decodeOutputTokensPerSecondPerChip: (perReplica / ds.tpotSeconds) * (dPlan.replicas / decodePool.chips),
      kvTransferSeconds: kv.totalSeconds,
      kvTransferExposedSeconds: kv.exposedSeconds,
      prefillRequestsPerSecond: p.rps,
    },
  };
  if (job.hardware.usdPerChipHour !== undefined) result.usdPerMillionOutputTokens = ((chipCount * job.hardware.usdPerChipHour) / 3600 / outputTokensPerSecond) * 1e6;
  const score = workload.kind === "rate" ? (sustainable ? -(ds.tpotSeconds + ttftSeconds / 100) : -1e9 + rate) : rate;
  return { result, score };
}

/** Plan a disaggregated deployment: given pools, or the searched P:D split of hardware.count. */
export function planDisaggregated(resolved: ResolvedInfer, spec: true | { prefill: Pool; decode: Pool }, evaluators: InferEvaluators): InferResult {
  candidatePlans = evaluators.candidatePlans;
  evaluateInfer = evaluators.evaluateInfer;
  const count = resolved.job.hardware.chipCount;
  if (spec !== true) {
    const c = evaluateSplit(resolved, spec.prefill, spec.decode);
    if (!c)
      throw new InputError({
        path: "serving.disaggregated",
        value: `prefill ${spec.prefill.chips}, decode ${spec.decode.chips} chips`,
        expected: "two pools that each hold a copy of the model with a valid plan",
      });
    return c.result;
  }
  if (count < 2) throw new InputError({ path: "hardware.count", value: String(count), expected: "at least 2 chips for separate prefill and decode pools" });
  let best: Candidate | undefined;
  for (let np = 1; np < count; np++) {
    const c = evaluateSplit(resolved, { chips: np, ...poolFixed(resolved) }, { chips: count - np, ...poolFixed(resolved) });
    if (c && (!best || c.score > best.score)) best = c;
  }
  if (!best) throw new InputError({ path: "serving.disaggregated", value: "true", expected: `a split of ${count} chips whose two pools each hold the model` });
  return best.result;
}

function poolFixed(resolved: ResolvedInfer): Omit<Pool, "chips"> {
  const f = resolved.fixed;
  return { ...(f.tp !== undefined ? { tp: f.tp } : {}), ...(f.pp !== undefined ? { pp: f.pp } : {}), ...(f.ep !== undefined ? { ep: f.ep } : {}) };
}

export { chipsPerReplica };
