/**
 * Plan search: every parallel plan a training job admits (TP × PP × CP × DP × EP factorisations of the
 * chip count, then ZeRO stage, micro-batch size, virtual stages and recompute), rejected with counted
 * reasons, pruned by memory before timing, ranked by an objective.
 *
 * Order of work, cheapest first:
 *  1. Structure (tp, pp, cp, dp, ep): `planIssues` on a probe plan; a rejected structure rejects all its
 *     schedules at once, counted under the issue's reason.
 *  2. Memory lower bound per (structure, micro-batch size): the least-memory schedule (vp 1, the most
 *     aggressive recompute, the highest ZeRO stage that shards). If it does not fit, neither does any
 *     larger micro-batch (activations grow with it) — all counted as "need more than X GB per chip".
 *  3. Per (structure, micro-batch, virtual stages) a staircase over recompute × ZeRO: for each ZeRO stage
 *     only the least recompute that fits is timed (more recompute only adds time); ZeRO-2 is skipped where
 *     ZeRO-1 fits at the same recompute (it saves memory only: the engine gives both the same step time).
 * Only step 3's survivors reach `simulateTrain`. Every plan emitted passes `planIssues` and fits.
 * @module
 */
import type { ParallelPlan, Recompute, RecomputeModule, TrainJob, TrainPrecision, ZeroStage } from "../physics/plan.ts";
import { DEFAULT_TRAINING_STACK } from "../catalog/training-stacks.ts";
import { stageLayers, trainMemoryPerChip } from "../physics/memory.ts";
import { simulateTrain, type TrainResult } from "../physics/train.ts";
import { type ParallelismInput, planIssues, resolveTrainScenario } from "../scenario/train.ts";

export type Objective = "fastest" | "cheapest" | "energy";
export const objectives: readonly Objective[] = ["fastest", "cheapest", "energy"];

export interface SearchOptions {
  objective?: Objective;
  /** How many of the best plans to keep (default 10). */
  top?: number;
  /** Micro-batch sizes tried when the scenario leaves it open (default 1, 2, 4, 8). */
  microBatchSizes?: readonly number[];
  /** Largest virtual-stage count tried (default 16). */
  maxVirtualStages?: number;
  /** Smallest number of tokens a context-parallel rank keeps (default 1024; below it the ring is latency-bound). */
  minTokensPerContextRank?: number;
}

export interface RankedPlan extends TrainResult {
  precision: TrainPrecision;
}

export interface SearchReport {
  objective: Objective;
  /** Plans in the space (all factorisations × schedules), each either rejected, pruned or timed. */
  considered: number;
  /** Plans whose memory was computed. */
  memoryChecked: number;
  /** Plans timed with simulateTrain. */
  evaluated: number;
  /** Human reason → number of plans rejected for it. */
  rejectedByReason: Record<string, number>;
  /** Plans skipped because a plan that is no slower (less recompute, lower ZeRO stage) fits. */
  prunedDominated: number;
  best?: RankedPlan;
  top: RankedPlan[];
}

const GB = 1e9;
const recomputeOrder: readonly Recompute[] = ["none", "selective", "full"];
const zeroOrder: readonly ZeroStage[] = [0, 1, 2, 3];

/** Prime factorisation of a positive integer as [prime, exponent] pairs (trial division up to √ of what is left). */
export function primeFactors(n: number): Array<[number, number]> {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`primeFactors: ${n} is not a positive safe integer`);
  const factors: Array<[number, number]> = [];
  let rest = n;
  for (let p = 2; p * p <= rest; p += p === 2 ? 1 : 2) {
    if (rest % p !== 0) continue;
    let e = 0;
    while (rest % p === 0) {
      rest /= p;
      e++;
    }
    factors.push([p, e]);
  }
  if (rest > 1) factors.push([rest, 1]);
  return factors;
}

/** Every divisor of n, ascending, built from its factorisation (work ∝ number of divisors, not n). */
export function divisors(n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) return [];
  let list = [1];
  for (const [p, e] of primeFactors(n)) {
    const next: number[] = [];
    for (const d of list) for (let k = 0, m = d; k <= e; k++, m *= p) next.push(m);
    list = next;
  }
  return list.sort((a, b) => a - b);
}

/** The objective's score (lower is better). */
export function score(result: TrainResult, objective: Objective): number {
  if (objective === "cheapest") return result.costUsd ?? result.chipHours;
  if (objective === "energy") return result.energyMegawattHours;
  return result.wallClockDays;
}

/** Tie-break: fewer moving parts first (lower recompute, ZeRO, virtual stages, pp, tp). */
function simpler(a: ParallelPlan, b: ParallelPlan): number {
  return (
    recomputeOrder.indexOf(a.recompute) - recomputeOrder.indexOf(b.recompute) ||
    a.zeroStage - b.zeroStage ||
    a.virtualStages - b.virtualStages ||
    a.pp - b.pp ||
    a.tp - b.tp ||
    a.cp - b.cp ||
    a.ep - b.ep ||
    a.microBatchSize - b.microBatchSize ||
    (a.offloadActivations ? 1 : 0) - (b.offloadActivations ? 1 : 0) ||
    (a.offloadOptimizer ? 1 : 0) - (b.offloadOptimizer ? 1 : 0)
  );
}

function reasonFor(path: string, job: TrainJob): string {
  const arch = job.arch;
  const heads = arch.attention.numHeads;
  const kv = arch.attention.kind === "gqa" ? arch.attention.numKvHeads : heads;
  switch (path) {
    case "parallelism.tp":
      return `tp does not divide the ${heads} attention heads, or neither divides nor is a multiple of the ${kv} key/value heads`;
    case "parallelism.pp":
      return `pp exceeds the ${arch.numLayers} layers`;
    case "parallelism.virtualStages":
      return `pp·virtualStages exceeds the ${arch.numLayers} layers`;
    case "parallelism.cp":
      return `sequence length ${job.sequenceLength} not divisible by 2·cp`;
    case "parallelism.ep":
      return arch.moe ? `ep does not divide the ${arch.moe.numExperts} experts and tp·dp·cp` : "ep > 1 on a dense model";
    case "training.globalBatchTokens":
      return "global batch is not a whole number of micro-batches per replica";
    case "parallelism":
      return "plan does not use exactly the cluster's chips";
    case "parallelism.offloadActivations":
    case "parallelism.offloadOptimizer":
      return job.hardware.host ? "optimizer offload needs zeroStage >= 1" : "offload needs a system with host memory and a host link";
    default:
      return path;
  }
}

/** Merges a search report into another (for searches over several precisions or jobs). */
export function mergeReports(into: SearchReport, from: SearchReport, top: number): SearchReport {
  into.considered += from.considered;
  into.memoryChecked += from.memoryChecked;
  into.evaluated += from.evaluated;
  into.prunedDominated += from.prunedDominated;
  for (const [k, v] of Object.entries(from.rejectedByReason)) into.rejectedByReason[k] = (into.rejectedByReason[k] ?? 0) + v;
  const all = into.top.concat(from.top);
  all.sort((a, b) => score(a, into.objective) - score(b, into.objective) || simpler(a.parallelism, b.parallelism));
  into.top = all.slice(0, top);
  into.best = into.top[0];
  return into;
}

export function emptyReport(objective: Objective): SearchReport {
  return { objective, considered: 0, memoryChecked: 0, evaluated: 0, rejectedByReason: {}, prunedDominated: 0, top: [] };
}

/**
 * Search every plan of `job` compatible with the fields `fixed` gives; returns the top plans by the
 * objective and counts of what was rejected and why. `best` is absent when no plan fits.
 */
export function searchPlans(job: TrainJob, fixed: ParallelismInput = {}, options: SearchOptions = {}): SearchReport {
  const objective = options.objective ?? "fastest";
  const topK = Math.max(1, options.top ?? 10);
  const report = emptyReport(objective);
  const rejected = report.rejectedByReason;
  const reject = (reason: string, n: number) => {
    if (n > 0) rejected[reason] = (rejected[reason] ?? 0) + n;
  };
  const arch = job.arch;
  const hw = job.hardware;
  const count = hw.chipCount;
  const seq = job.sequenceLength;
  const memoryReason = `need more than ${(hw.memoryBytes / GB).toFixed(0)} GB per chip`;
  const minCpTokens = options.minTokensPerContextRank ?? 1024;
  const maxVp = options.maxVirtualStages ?? 16;

  const countDivisors = divisors(count);
  const tps = fixed.tp !== undefined ? [fixed.tp] : countDivisors;
  // Micro-batch sizes: the fixed one, the caller's list, or every divisor of the per-replica batch (per dp)
  // up to 2^16 tokens per micro-batch (beyond that the GEMM shape factor m/(m + x½) no longer moves).
  const mbsFixed = fixed.microBatchSize !== undefined ? [fixed.microBatchSize] : options.microBatchSizes ? [...options.microBatchSizes].sort((a, b) => a - b) : undefined;
  const mbsFor = (dp: number): number[] => {
    if (mbsFixed) return mbsFixed;
    const perReplica = sequencesPerStep / dp;
    if (!Number.isInteger(perReplica) || perReplica < 1) return [1];
    const cap = Math.max(1, Math.floor(65536 / seq));
    return divisors(perReplica).filter((d) => d <= cap);
  };
  const zeros = fixed.zeroStage !== undefined ? [fixed.zeroStage] : zeroOrder;
  // The recompute levels of the staircase, least recompute first. On Megatron-Core an MLA model can recompute only its
  // up projections (recompute_modules ["mla_up_proj"], what NVIDIA's DeepSeek-V3 and Kimi K2 recipes do): it frees the
  // full-head Q, K, V for a few GEMMs, so it comes before the elementwise selective policy.
  const mlaUpProj = fixed.recompute === undefined && arch.attention.kind === "mla" && job.software?.id === DEFAULT_TRAINING_STACK;
  const levels: { recompute: Recompute; modules?: readonly RecomputeModule[] }[] =
    fixed.recompute !== undefined
      ? [{ recompute: fixed.recompute, ...(fixed.recomputeModules ? { modules: fixed.recomputeModules } : {}) }]
      : recomputeOrder
          // A stack without a selective policy (TrainingStack.selectiveRecompute "none") checkpoints whole layers or nothing.
          .filter((recompute) => recompute !== "selective" || job.software?.selectiveRecompute !== "none")
          .flatMap((recompute) => (recompute === "selective" && mlaUpProj ? [{ recompute, modules: ["mla_up_proj"] as const }, { recompute }] : [{ recompute }]));
  // The level that stores least, for the structural probe and the memory lower bound.
  const loosest = levels[levels.length - 1];
  const experts = arch.moe?.numExperts ?? 1;
  const epChoices = fixed.ep !== undefined ? [fixed.ep] : arch.moe ? divisors(experts) : [1];
  const sequencesPerStep = job.globalBatchTokens / seq;

  // Top-k kept sorted ascending by score.
  const top: RankedPlan[] = [];
  const offer = (result: TrainResult) => {
    const s = score(result, objective);
    if (top.length === topK) {
      const last = top[topK - 1];
      const ls = score(last, objective);
      if (s > ls || (s === ls && simpler(result.parallelism, last.parallelism) >= 0)) return;
    }
    const ranked = result as RankedPlan;
    ranked.precision = job.precision;
    // Plans the engine cannot tell apart (e.g. cp 2 · micro-batch 2 vs cp 1 · micro-batch 1) show once: the simpler.
    for (let j = 0; j < top.length; j++) {
      const other = top[j];
      if (Math.abs(score(other, objective) - s) <= 1e-9 * s && Math.abs(other.memoryPerChipBytes - result.memoryPerChipBytes) <= 1e-9 * result.memoryPerChipBytes) {
        if (simpler(result.parallelism, other.parallelism) >= 0) return;
        top.splice(j, 1);
        break;
      }
    }
    let i = top.length;
    while (i > 0) {
      const prev = top[i - 1];
      const ps = score(prev, objective);
      if (ps < s || (ps === s && simpler(prev.parallelism, result.parallelism) <= 0)) break;
      i--;
    }
    top.splice(i, 0, ranked);
    if (top.length > topK) top.pop();
  };

  const fits = (plan: ParallelPlan): boolean => {
    report.memoryChecked++;
    const m = trainMemoryPerChip(job, plan);
    if (m.totalBytes > hw.memoryBytes) return false;
    return m.hostBytes === undefined || (hw.host !== undefined && m.hostBytes <= hw.host.memoryBytes);
  };
  /** Device memory only (the lower bound over micro-batch sizes: host memory is checked plan by plan). */
  const fitsDevice = (plan: ParallelPlan): boolean => {
    report.memoryChecked++;
    return trainMemoryPerChip(job, plan).totalBytes <= hw.memoryBytes;
  };
  const hostReason = "offload needs more host memory than the system leaves per chip";
  const hostOrDevice = (plan: ParallelPlan): string => (trainMemoryPerChip(job, plan).totalBytes > hw.memoryBytes ? memoryReason : hostReason);

  // Offload variants (activations, optimizer), simplest first: tried only where the system has host memory and
  // where the plan without them does not fit (offload only adds transfer time, so it never beats the same plan without).
  const actChoices = fixed.offloadActivations !== undefined ? [fixed.offloadActivations] : hw.host ? [false, true] : [false];
  const optChoices = fixed.offloadOptimizer !== undefined ? [fixed.offloadOptimizer] : hw.host ? [false, true] : [false];
  const variants: Array<{ act: boolean; opt: boolean }> = [];
  for (const opt of optChoices) for (const act of actChoices) variants.push({ act, opt });
  variants.sort((a, b) => +a.act + +a.opt - (+b.act + +b.opt) || +a.opt - +b.opt);
  const lenient = variants[variants.length - 1];
  const withOffload = (plan: ParallelPlan, v: { act: boolean; opt: boolean }, modules: readonly RecomputeModule[] | undefined): ParallelPlan => {
    if (v.act) {
      plan.offloadActivations = true;
      if (fixed.offloadActivationLayers !== undefined) plan.offloadActivationLayers = fixed.offloadActivationLayers;
      if (fixed.offloadActivationModules) plan.offloadActivationModules = fixed.offloadActivationModules;
    }
    if (v.opt) plan.offloadOptimizer = true;
    if (modules) plan.recomputeModules = modules;
    return plan;
  };
  /**
   * An activation-offload plan offloading only as many layers per stage as the device needs (binary search: device
   * memory falls with each layer offloaded, host memory rises): less over the host link and less host memory, the rest
   * of the plan unchanged. Where even every layer leaves the device short, the plan is returned as it came.
   */
  const fewestOffloadedLayers = (plan: ParallelPlan): ParallelPlan => {
    if (!plan.offloadActivations || fixed.offloadActivationLayers !== undefined || fixed.offloadActivationModules) return plan;
    const split = stageLayers(arch.numLayers, plan.pp, job.pipelineSplitCountsEmbeddingAndLoss);
    let high = Math.max(split.first, split.middle, split.last);
    // The plan is the search's own scratch object: set the count in place (no new object shapes on the hot path).
    plan.offloadActivationLayers = high;
    if (!fitsDevice(plan)) {
      plan.offloadActivationLayers = undefined;
      return plan;
    }
    let low = 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      plan.offloadActivationLayers = mid;
      if (fitsDevice(plan)) high = mid;
      else low = mid + 1;
    }
    plan.offloadActivationLayers = low;
    return plan;
  };

  for (const tp of tps) {
    if (count % tp !== 0) continue;
    // Only degrees that divide what is left of the cluster (the same plans as every divisor of the count, fewer loops).
    const pps = fixed.pp !== undefined ? [fixed.pp] : divisors(count / tp);
    for (const pp of pps) {
      if (count % (tp * pp) !== 0) continue;
      const cps = fixed.cp !== undefined ? [fixed.cp] : divisors(count / (tp * pp));
      const vpAll =
        fixed.virtualStages !== undefined
          ? [fixed.virtualStages]
          : pp === 1
            ? [1]
            : divisors(stageLayers(arch.numLayers, pp, job.pipelineSplitCountsEmbeddingAndLoss).middle).filter((v) => v <= maxVp);
      const schedules = vpAll.length * zeros.length * levels.length;
      for (const cp of cps) {
        if (count % (tp * pp * cp) !== 0) continue;
        const dp = count / (tp * pp * cp);
        if (fixed.dp !== undefined && dp !== fixed.dp) continue;
        const mbsList = mbsFor(dp);
        for (const ep of epChoices) {
          const combos = mbsList.length * schedules;
          report.considered += combos;
          if (fixed.cp === undefined && cp > 1 && seq / cp < minCpTokens) {
            reject(`cp leaves fewer than ${minCpTokens} tokens per rank (pruned)`, combos);
            continue;
          }
          const probe: ParallelPlan = {
            tp,
            pp,
            dp,
            cp,
            ep,
            etp: fixed.etp,
            zeroStage: zeros[zeros.length - 1],
            microBatchSize: mbsList[0],
            virtualStages: vpAll[0],
            recompute: loosest.recompute,
            ...(fixed.offloadActivations ? { offloadActivations: true } : {}),
            ...(fixed.offloadActivationLayers !== undefined ? { offloadActivationLayers: fixed.offloadActivationLayers } : {}),
            ...(fixed.offloadActivationModules ? { offloadActivationModules: fixed.offloadActivationModules } : {}),
            ...(fixed.offloadOptimizer ? { offloadOptimizer: true } : {}),
            ...(loosest.modules ? { recomputeModules: loosest.modules } : {}),
          };
          const structural = planIssues(job, probe).filter((i) => i.path !== "training.globalBatchTokens" && i.path !== "parallelism.virtualStages");
          if (structural.length) {
            reject(reasonFor(structural[0].path, job), combos);
            continue;
          }
          for (let mi = 0; mi < mbsList.length; mi++) {
            const mbs = mbsList[mi];
            const microBatches = sequencesPerStep / (mbs * dp);
            if (!Number.isInteger(microBatches) || microBatches < 1) {
              reject(reasonFor("training.globalBatchTokens", job), schedules);
              continue;
            }
            // Memory lower bound for this micro-batch size and all larger ones.
            const vpLow = vpAll[0];
            let anyFits = false;
            for (let zi = zeros.length - 1; zi >= 0 && !anyFits; zi--) {
              const bound = { tp, pp, dp, cp, ep, etp: fixed.etp, zeroStage: zeros[zi], microBatchSize: mbs, virtualStages: vpLow, recompute: loosest.recompute };
              anyFits = fitsDevice(withOffload(bound, zeros[zi] >= 1 ? lenient : { act: lenient.act, opt: false }, loosest.modules));
              if (zeros[zi] <= 2) break; // stages below 2 only hold more (ZeRO-3 adds gathered buffers, so 2 is checked too)
            }
            if (!anyFits) {
              for (let mj = mi; mj < mbsList.length; mj++) {
                const m = sequencesPerStep / (mbsList[mj] * dp);
                reject(Number.isInteger(m) && m >= 1 ? memoryReason : reasonFor("training.globalBatchTokens", job), schedules);
              }
              break;
            }
            for (const vp of vpAll) {
              const perVp = zeros.length * levels.length;
              if (vp > 1 && microBatches % pp !== 0) {
                reject("interleaving needs micro-batches to be a multiple of pp (Megatron)", perVp);
                continue;
              }
              if (vp > 1 && pp === 1) {
                reject("interleaving needs a pipeline (pp > 1)", perVp);
                continue;
              }
              if (pp * vp > arch.numLayers) {
                reject(reasonFor("parallelism.virtualStages", job), perVp);
                continue;
              }
              // Staircase over recompute × ZeRO.
              const fitted: boolean[] = zeros.map(() => false);
              for (const { recompute, modules } of levels) {
                for (let zi = 0; zi < zeros.length; zi++) {
                  if (fitted[zi]) {
                    report.prunedDominated++;
                    continue;
                  }
                  const zeroStage = zeros[zi];
                  // The simplest variant first; offload variants only when it does not fit, and a variant that
                  // offloads more than one that fits is dominated (same plan, more transfer).
                  let fittedOffload: { act: boolean; opt: boolean } | undefined;
                  for (let vi = 0; vi < variants.length; vi++) {
                    const v = variants[vi];
                    if (v.opt && zeroStage < 1) continue;
                    if (vi > 0 && v.act && recompute === "full") continue; // full recompute keeps only layer inputs: little to offload
                    if (fittedOffload && (!fittedOffload.act || v.act) && (!fittedOffload.opt || v.opt)) {
                      report.prunedDominated++;
                      continue;
                    }
                    const plan = fewestOffloadedLayers(
                      withOffload({ tp, pp, dp, cp, ep, etp: fixed.etp, zeroStage, microBatchSize: mbs, virtualStages: vp, recompute }, v, modules),
                    );
                    if (!fits(plan)) {
                      reject(v.act || v.opt ? hostOrDevice(plan) : memoryReason, 1);
                      continue;
                    }
                    if (vi === 0) {
                      fitted[zi] = true;
                      if (zeroStage === 2 && zi > 0 && zeros[zi - 1] === 1 && fitted[zi - 1]) {
                        report.prunedDominated++;
                        break;
                      }
                    }
                    report.evaluated++;
                    const result = simulateTrain(job, plan);
                    if (result.fits) offer(result);
                    else reject(memoryReason, 1);
                    if (vi === 0) break;
                    fittedOffload = v;
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  report.top = top;
  report.best = top[0];
  return report;
}

/** Human line for each rejection reason, largest first: "3,112 plans need more than 80 GB per chip". */
export function describeRejections(report: SearchReport): string[] {
  return Object.entries(report.rejectedByReason)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n.toLocaleString("en-US")} plan${n === 1 ? "" : "s"}: ${reason}`);
}

/** A train scenario (docs/contract.md contract, already loaded) searched over one or more precisions. */
export function searchScenario(input: unknown, precisions: readonly TrainPrecision[] | undefined, options: SearchOptions = {}): SearchReport {
  const objective = options.objective ?? "fastest";
  const topK = options.top ?? 10;
  const scenario = input as Record<string, unknown>;
  const list = precisions?.length ? precisions : [undefined];
  const report = emptyReport(objective);
  for (const precision of list) {
    const { job, fixed } = resolveTrainScenario(precision ? { ...scenario, precision } : scenario);
    mergeReports(report, searchPlans(job, fixed, { ...options, top: topK }), topK);
  }
  return report;
}
