/**
 * The SLO solver: given TTFT and TPOT targets, a model and a traffic mix, the cheapest setup per chip —
 * chip × count × TP/PP/EP × precision × concurrency per replica — that meets both targets at the
 * requested rate, with its price per million output tokens. Replicas are identical; each runs the
 * largest batch that still meets the targets, and enough replicas are bought to carry the rate.
 * @module
 */
import { chips, getChip } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Chip } from "../catalog/schema.ts";
import { InputError } from "../errors.ts";
import type { Architecture } from "../catalog/architecture.ts";
import {
  type InferJob,
  type InferPlan,
  attentionGroups,
  chipsPerReplica,
  inferMemory,
  jobParameters,
  kvTransferSeconds,
  maxConcurrency,
  prefillCapacity,
  prefillSeconds,
  rateSteadyState,
  servingStepModel,
  steadyState,
} from "../physics/infer.ts";
import { type Percentiles, simulateServing } from "../physics/serving-sim.ts";
import { type InferPrecision, defaultSystem, expandPrecision, inferFormats, inferHardware, inferPlanIssues } from "../scenario/infer.ts";
import { parseInput } from "../scenario/parse.ts";
import { SloScenario } from "../scenario/slo.ts";
import { noRentalPrice } from "../catalog/prices.ts";
import { checkPriceTable, rentalPrice } from "../scenario/prices.ts";

export interface SloSetup {
  chip: string;
  chipName: string;
  chipCount: number;
  precision: InferPrecision;
  parallelism: InferPlan;
  /** Running requests per replica at the requested rate. */
  concurrencyPerReplica: number;
  ttftSeconds: number;
  tpotSeconds: number;
  outputTokensPerSecond: number;
  usdPerHour: number;
  usdPerMillionOutputTokens: number;
  /** With a request mix: the class this setup serves. */
  class?: string;
  /** Aggregated or disaggregated pools, with or without speculative decoding. */
  mode: { disaggregated: boolean; speculative: boolean };
  /** With a percentile target: the simulated TTFT and TPOT percentiles of one replica (of each pool) at its share of the rate. */
  latency?: { ttftSeconds: Percentiles; tpotSeconds: Percentiles };
  /** TTFT and TPOT at the target percentile (simulated: one replica, or for disaggregated setups one replica of each pool). */
  atPercentile?: { percentile: number; ttftSeconds: number; tpotSeconds: number };
  /** Disaggregated setups: chips and plans of the two pools, and the KV transfer per request. */
  disaggregation?: { prefillChips: number; decodeChips: number; prefillParallelism: InferPlan; decodeParallelism: InferPlan; kvTransferSeconds: number };
}

export interface SloAnswer {
  model: string;
  requestsPerSecond: number;
  inputTokens: number;
  outputTokens: number;
  ttftTargetSeconds: number;
  tpotTargetSeconds: number;
  percentile?: number;
  /** Cheapest setup per chip with a price, cheapest first. */
  setups: SloSetup[];
  /** Chips with no setup (no price, no fitting plan, or targets out of reach), with the reason. */
  infeasible: Array<{ chip: string; reason: string }>;
  /** With a request mix: the classes, each on its cheapest chip kind, and the whole mix's price. */
  mix?: SloMix;
}

const powers = (limit: number) => {
  const out: number[] = [];
  for (let x = 1; x <= limit; x *= 2) out.push(x);
  return out;
};

function replicaShapes(arch: Architecture, chip: Chip, maxChips: number): Array<Omit<InferPlan, "replicas">> {
  const shapes: Array<Omit<InferPlan, "replicas">> = [];
  const eps = arch.moe ? powers(Math.min(arch.moe.numExperts, maxChips)) : [1];
  for (const tp of powers(Math.min(maxChips, Math.max(chip.scaleUpDomainChips, 8))))
    for (const pp of powers(Math.min(8, maxChips)))
      for (const ep of eps) {
        const plan = { tp, pp, ep };
        const n = chipsPerReplica(plan);
        if (n > maxChips) continue;
        if (inferPlanIssues(arch, n, plan).length) continue;
        shapes.push(plan);
      }
  return shapes;
}

/** Largest integer b in [1, hi] with ok(b), assuming ok is monotone (true then false); 0 when ok(1) fails. */
function largestOk(hi: number, ok: (b: number) => boolean): number {
  if (hi < 1 || !ok(1)) return 0;
  let lo = 1;
  let top = Math.floor(hi);
  if (ok(top)) return top;
  while (top - lo > 1) {
    const mid = Math.floor((lo + top) / 2);
    if (ok(mid)) lo = mid;
    else top = mid;
  }
  return lo;
}

/** Simulated percentiles of one replica of `shape` at `lambda` requests/s (the aggregated engine's scheduler). */
function replicaSimulator(job: InferJob, shape: Omit<InferPlan, "replicas">, pool: { outputTokens?: number; prefilled?: boolean } = {}) {
  const plan: InferPlan = { ...shape, replicas: 1 };
  const c = jobParameters(job);
  const groups = attentionGroups(plan);
  const memory = inferMemory(job, plan);
  const kvSequences = memory.kvCachePerSequenceBytes > 0 ? Math.max(1, Math.floor(memory.kvPoolBytes / memory.kvCachePerSequenceBytes)) : 1;
  const hit = job.prefixCacheHitRate ?? 0;
  const maxRunning = Math.max(1, Math.floor(c.maxBatchSequences * groups));
  const tokenBudget = c.prefillChunkTokens * groups;
  const spec = job.speculative;
  const step = servingStepModel(job, plan, tokenBudget + maxRunning * (spec ? spec.draftTokens + 1 : 1));
  return (lambda: number, percentile: number, requests: number, ttft: number, tpot: number) =>
    simulateServing(
      {
        arrivals: { kind: "poisson", requestsPerSecond: lambda },
        requests,
        seed: 1,
        input: { mean: job.inputTokens, distribution: "fixed", sigma: 0 },
        output: { mean: pool.outputTokens ?? job.outputTokens, distribution: "fixed", sigma: 0 },
        ...(pool.prefilled ? { prefilled: true } : {}),
        prefixCacheHitRate: hit,
        tokenBudget,
        maxRunning,
        kvCapacityTokens: kvSequences * (job.inputTokens * (1 - hit) + job.outputTokens / 2),
        ...(spec ? { speculative: { draftTokens: spec.draftTokens, acceptanceRate: spec.acceptanceRate } } : {}),
        slo: { ttftSeconds: ttft, tpotSeconds: tpot, percentile },
      },
      step,
    );
}

/** M/D/1 waiting-time percentile: P(W > t) ≈ ρ·e^(−ρt/E[W]) with E[W] = ρD / (2(1 − ρ)) (Kingman; research notes §5.4). */
function waitAtPercentile(rho: number, service: number, q: number): number {
  if (rho <= 0) return 0;
  if (rho >= 1) return Number.POSITIVE_INFINITY;
  const mean = (rho * service) / (2 * (1 - rho));
  return rho > 1 - q ? (mean / rho) * Math.log(rho / (1 - q)) : 0;
}

/** One class of a mix, answered: its rate, lengths, targets and the cheapest setup for it (the chosen chip kind). */
export interface SloMixClass {
  name: string;
  share: number;
  requestsPerSecond: number;
  inputTokens: number;
  outputTokens: number;
  ttftTargetSeconds: number;
  tpotTargetSeconds: number;
  /** The cheapest setup for this class over every chip and mode (absent: no chip meets its targets). */
  setup?: SloSetup;
}

/** A mix answered (issue 12 §6): each class on its cheapest chip kind, against the cheapest single chip kind for all. */
export interface SloMix {
  classes: SloMixClass[];
  /** Chip kinds the assignment uses, and the hourly price and $/M output tokens of the whole mix. */
  chips: string[];
  usdPerHour: number;
  usdPerMillionOutputTokens: number;
  /** The cheapest single chip kind serving every class (each class on its own replicas), for comparison. */
  singleChip?: { chip: string; usdPerHour: number; usdPerMillionOutputTokens: number };
}

type SloParsed = ReturnType<typeof SloScenario.parse>;

export function solveSlo(input: unknown): SloAnswer {
  const s = parseInput(SloScenario, input);
  return s.workload.mix ? solveMix(s) : solveOne(s);
}

/**
 * A mix of request classes, Mélange-style (Griggs et al. 2024): each class runs on replicas of its own, so the
 * cost of an assignment is the sum of each class's cost on its chip kind and the cheapest assignment puts each class
 * on its own cheapest chip kind (the ILP separates; one class is never split across kinds here). Each class is
 * solved as a single-class question at its share of the rate with its own targets.
 */
function solveMix(s: SloParsed): SloAnswer {
  const mix = s.workload.mix ?? [];
  const classes: SloMixClass[] = [];
  const setups: SloSetup[] = [];
  const infeasible: SloAnswer["infeasible"] = [];
  const perChip = new Map<string, { usdPerHour: number; classes: number }>();
  let outputTokensPerSecond = 0;
  mix.forEach((c, i) => {
    const name = c.name ?? `class ${i + 1}`;
    const slo = { ...s.slo, ...(c.slo ?? {}) };
    const rps = s.workload.requestsPerSecond * c.share;
    outputTokensPerSecond += rps * c.outputTokens;
    const a = solveOne({ ...s, slo, workload: { ...s.workload, mix: undefined, inputTokens: c.inputTokens, outputTokens: c.outputTokens, requestsPerSecond: rps } });
    // The cheapest setup per chip (over modes) prices this class on that chip kind.
    const cheapest = new Map<string, SloSetup>();
    for (const x of a.setups) if (!cheapest.has(x.chip)) cheapest.set(x.chip, x);
    for (const [chip, x] of cheapest) {
      const e = perChip.get(chip) ?? { usdPerHour: 0, classes: 0 };
      perChip.set(chip, { usdPerHour: e.usdPerHour + x.usdPerHour, classes: e.classes + 1 });
    }
    for (const x of a.setups) setups.push({ ...x, class: name });
    for (const x of a.infeasible) infeasible.push({ chip: x.chip, reason: `${name}: ${x.reason}` });
    classes.push({
      name,
      share: c.share,
      requestsPerSecond: rps,
      inputTokens: c.inputTokens,
      outputTokens: c.outputTokens,
      ttftTargetSeconds: slo.ttftSeconds,
      tpotTargetSeconds: slo.tpotSeconds,
      ...(a.setups[0] ? { setup: { ...a.setups[0], class: name } } : {}),
    });
  });
  const perMtok = (usdPerHour: number) => (usdPerHour / 3600 / outputTokensPerSecond) * 1e6;
  const served = classes.every((c) => c.setup);
  const usdPerHour = served ? classes.reduce((a, c) => a + (c.setup?.usdPerHour ?? 0), 0) : Number.POSITIVE_INFINITY;
  let single: SloMix["singleChip"];
  for (const [chip, e] of perChip)
    if (e.classes === classes.length && (!single || e.usdPerHour < single.usdPerHour))
      single = { chip, usdPerHour: e.usdPerHour, usdPerMillionOutputTokens: perMtok(e.usdPerHour) };
  const meanIn = mix.reduce((a, c) => a + c.share * c.inputTokens, 0);
  const meanOut = mix.reduce((a, c) => a + c.share * c.outputTokens, 0);
  const arch = resolveModel(s.model, "model");
  return {
    model: arch.id,
    requestsPerSecond: s.workload.requestsPerSecond,
    inputTokens: meanIn,
    outputTokens: meanOut,
    ttftTargetSeconds: s.slo.ttftSeconds,
    tpotTargetSeconds: s.slo.tpotSeconds,
    ...(s.slo.percentile !== undefined ? { percentile: s.slo.percentile } : {}),
    setups,
    infeasible,
    mix: {
      classes,
      chips: served ? [...new Set(classes.map((c) => c.setup?.chip ?? ""))] : [],
      usdPerHour: served ? usdPerHour : 0,
      usdPerMillionOutputTokens: served ? perMtok(usdPerHour) : 0,
      ...(single ? { singleChip: single } : {}),
    },
  };
}

function solveOne(s: SloParsed): SloAnswer {
  const arch = resolveModel(s.model, "model");
  checkPriceTable(s.prices);
  const candidates = s.chips ? s.chips.map((id, i) => getChip(id, `chips.${i}`)) : [...chips];
  const { outputTokens, requestsPerSecond } = s.workload;
  const inputTokens = s.workload.inputTokens ?? 1;
  const prefixCacheHitRate = s.workload.prefixCacheHitRate ?? 0;
  const { ttftSeconds: ttftTarget, tpotSeconds: tpotTarget, percentile } = s.slo;
  const setups: SloSetup[] = [];
  const infeasible: SloAnswer["infeasible"] = [];
  const precisions = [...new Set(s.precisions)].map((p) => expandPrecision(p));
  const draftArch =
    s.speculative?.method === "draft" ? (s.speculative.draftModel !== undefined ? resolveModel(s.speculative.draftModel, "speculative.draftModel") : undefined) : undefined;
  if (s.speculative?.method === "draft" && !draftArch) throw new InputError({ path: "speculative.draftModel", expected: 'a draft model for method "draft"' });
  const modes: Array<{ disaggregated: boolean; speculative: boolean }> = [];
  for (const disaggregated of s.disaggregated ? [false, true] : [false])
    for (const speculative of s.speculative ? [false, true] : [false]) modes.push({ disaggregated, speculative });
  const makeJob = (hardware: NonNullable<ReturnType<typeof inferHardware>>, precision: InferPrecision, speculative: boolean): InferJob => {
    const job: InferJob = { arch, hardware, formats: inferFormats(precision), inputTokens, outputTokens, ...(prefixCacheHitRate > 0 ? { prefixCacheHitRate } : {}) };
    const sp = s.speculative;
    if (speculative && sp)
      job.speculative = { method: sp.method, draftTokens: sp.draftTokens, acceptanceRate: sp.acceptanceRate, ...(draftArch ? { draftJob: { ...job, arch: draftArch } } : {}) };
    return job;
  };
  const outputTokensPerSecond = requestsPerSecond * outputTokens;
  for (const chip of candidates) {
    const price = s.usdPerChipHour ?? rentalPrice(chip, s.prices);
    if (price === undefined) {
      infeasible.push({ chip: chip.id, reason: noRentalPrice(chip.id) });
      continue;
    }
    let anyFit = false;
    let anySetup = false;
    const shapes = replicaShapes(arch, chip, s.maxChipsPerReplica);
    for (const mode of modes) {
      let best: SloSetup | undefined;
      for (const precision of precisions) {
        if (mode.disaggregated) {
          // Prefill pool: the shape with the most prompts per chip-second; decode pool: the most tokens per chip at
          // the largest batch whose decode-only TPOT meets the target.
          let pre: { shape: Omit<InferPlan, "replicas">; n: number; mu: number; job: InferJob } | undefined;
          let dec: { shape: Omit<InferPlan, "replicas">; n: number; rps: number; b: number; tpot: number } | undefined;
          for (const shape of shapes) {
            const n = chipsPerReplica(shape);
            const hardware = inferHardware(chip, n, precision, defaultSystem(chip), price);
            if (!hardware) continue;
            const job = makeJob(hardware, precision, mode.speculative);
            const plan: InferPlan = { ...shape, replicas: 1 };
            const capacity = maxConcurrency(job, plan);
            if (capacity < 1) continue;
            anyFit = true;
            const mu = prefillCapacity(job, plan);
            if (prefillSeconds(job, plan, inputTokens).latencySeconds < ttftTarget && (!pre || mu / n > pre.mu / pre.n)) pre = { shape, n, mu, job };
            const b = largestOk(capacity, (x) => steadyState(job, plan, x, { decodeOnly: true }).tpotSeconds <= tpotTarget);
            if (b < 1) continue;
            const tpot = steadyState(job, plan, b, { decodeOnly: true }).tpotSeconds;
            const rps = b / (outputTokens * tpot);
            if (!dec || rps / n > dec.rps / dec.n) dec = { shape, n, rps, b, tpot };
          }
          if (!pre || !dec) continue;
          let nd = Math.max(1, Math.ceil(requestsPerSecond / dec.rps - 1e-9));
          const q = (percentile ?? 50) / 100;
          const prefill = prefillSeconds(pre.job, { ...pre.shape, replicas: 1 }, inputTokens).latencySeconds;
          const sameDomain = pre.n + dec.n <= chip.scaleUpDomainChips;
          const kv = kvTransferSeconds(pre.job, { ...pre.shape, replicas: 1 }, prefill, sameDomain);
          let np = Math.max(1, Math.ceil(requestsPerSecond / pre.mu / 0.98));
          const ttftAt = (k: number) => {
            const rho = requestsPerSecond / (k * pre.mu);
            const wait = percentile === undefined ? (rho < 1 ? (rho * prefill) / (2 * (1 - rho)) : Number.POSITIVE_INFINITY) : waitAtPercentile(rho, prefill, q);
            return wait + prefill + kv.exposedSeconds;
          };
          const limit = np * 16 + 16;
          while (np < limit && ttftAt(np) > ttftTarget) np++;
          if (ttftAt(np) > ttftTarget) continue;
          let ttft = ttftAt(np);
          let tpot = dec.tpot;
          let latency: SloSetup["latency"];
          if (percentile !== undefined) {
            // Percentile targets: simulate each pool at its share of the rate — the prefill pool as a scheduler
            // whose requests end at their first token (TTFT = its queueing + prefill, plus the exposed KV
            // transfer), the decode pool on prefilled requests (TPOT from the hand-over) — and add replicas to the
            // pool that misses (×1.1 prefill, ×1.25 decode) until both hold.
            if (best && (Math.ceil(requestsPerSecond / pre.mu - 1e-9) * pre.n + nd * dec.n) * price >= best.usdPerHour) continue;
            const { speculative: _, ...prefillJob } = pre.job;
            const simPrefill = replicaSimulator(prefillJob, pre.shape, { outputTokens: 1 });
            const decHardware = inferHardware(chip, dec.n, precision, defaultSystem(chip), price);
            if (!decHardware) continue;
            const simDecode = replicaSimulator(makeJob(decHardware, precision, mode.speculative), dec.shape, { prefilled: true });
            let pTtft: Percentiles | undefined;
            let dTpot: Percentiles | undefined;
            const prefillAt = (k: number) => {
              const sim = simPrefill(requestsPerSecond / k, percentile, s.simulatedRequests, ttftTarget - kv.exposedSeconds, tpotTarget);
              return sim.atPercentile && !sim.saturated && sim.atPercentile.ttftSeconds + kv.exposedSeconds <= ttftTarget ? sim : undefined;
            };
            let pass = prefillAt(np);
            for (let tries = 0; tries < 8 && !pass; tries++) {
              np = Math.max(np + 1, Math.ceil(np * 1.1));
              pass = prefillAt(np);
            }
            if (pass) {
              // The M/D/1 tail is conservative for a pool that batches prompts: bisect down to the fewest replicas
              // whose simulated percentile still holds (no fewer than its capacity needs).
              let lo = Math.max(0, Math.ceil(requestsPerSecond / pre.mu - 1e-9) - 1);
              while (np - lo > 1) {
                const mid = Math.floor((lo + np) / 2);
                const sim = prefillAt(mid);
                if (sim) {
                  np = mid;
                  pass = sim;
                } else lo = mid;
              }
            }
            if (pass?.atPercentile) {
              pTtft = pass.ttftSeconds;
              ttft = pass.atPercentile.ttftSeconds + kv.exposedSeconds;
            }
            for (let tries = 0; tries < 6 && !dTpot; tries++) {
              const sim = simDecode(requestsPerSecond / nd, percentile, s.simulatedRequests, ttftTarget, tpotTarget);
              if (sim.atPercentile && !sim.saturated && sim.atPercentile.tpotSeconds <= tpotTarget) {
                dTpot = sim.tpotSeconds;
                tpot = sim.atPercentile.tpotSeconds;
              } else nd = Math.max(nd + 1, Math.ceil(nd * 1.25));
            }
            if (!pTtft || !dTpot) continue;
            const shift = (x: Percentiles): Percentiles => ({
              mean: x.mean + kv.exposedSeconds,
              p50: x.p50 + kv.exposedSeconds,
              p90: x.p90 + kv.exposedSeconds,
              p99: x.p99 + kv.exposedSeconds,
            });
            latency = { ttftSeconds: shift(pTtft), tpotSeconds: dTpot };
          }
          const chipCount = np * pre.n + nd * dec.n;
          const usdPerHour = chipCount * price;
          if (best && usdPerHour >= best.usdPerHour) continue;
          best = {
            chip: chip.id,
            chipName: chip.name,
            chipCount,
            precision,
            parallelism: { ...dec.shape, replicas: nd },
            concurrencyPerReplica: dec.b,
            ttftSeconds: ttft,
            tpotSeconds: tpot,
            outputTokensPerSecond,
            usdPerHour,
            usdPerMillionOutputTokens: (usdPerHour / 3600 / outputTokensPerSecond) * 1e6,
            mode,
            ...(latency ? { latency } : {}),
            ...(percentile !== undefined ? { atPercentile: { percentile, ttftSeconds: ttft, tpotSeconds: tpot } } : {}),
            disaggregation: {
              prefillChips: np * pre.n,
              decodeChips: nd * dec.n,
              prefillParallelism: { ...pre.shape, replicas: np },
              decodeParallelism: { ...dec.shape, replicas: nd },
              kvTransferSeconds: kv.totalSeconds,
            },
          };
          continue;
        }
        for (const shape of shapes) {
          const n = chipsPerReplica(shape);
          const hardware = inferHardware(chip, n, precision, defaultSystem(chip), price);
          if (!hardware) continue;
          const job = makeJob(hardware, precision, mode.speculative);
          const plan: InferPlan = { ...shape, replicas: 1 };
          const capacity = maxConcurrency(job, plan);
          if (capacity < 1) continue;
          anyFit = true;
          // Prune (exact for throughput that grows with the batch): even at its largest batch this shape needs at
          // least ⌈rate / its capacity⌉ replicas, and the open-loop check only adds replicas.
          if (best) {
            const ceiling = steadyState(job, plan, capacity).requestsPerSecond;
            if (n * Math.ceil(requestsPerSecond / ceiling - 1e-9) >= best.chipCount) continue;
          }
          const meets = (b: number) => {
            const st = steadyState(job, plan, b);
            return st.tpotSeconds <= tpotTarget && st.ttftSeconds <= ttftTarget;
          };
          const b = largestOk(capacity, meets);
          if (b < 1) continue;
          const perReplicaRps = steadyState(job, plan, b).requestsPerSecond;
          // Size replicas on the SLO-limited batch, then check the open-loop steady state at the rate
          // (Poisson arrivals add an admission wait to TTFT): add replicas until both targets hold.
          let replicas = Math.max(1, Math.ceil(requestsPerSecond / perReplicaRps - 1e-9));
          if (best && replicas * n >= best.chipCount) continue;
          const seen = new Map<number, ReturnType<typeof rateSteadyState>>();
          const at = (r: number) => {
            let x = seen.get(r);
            if (!x) {
              const full: InferJob = { ...job, hardware: { ...hardware, chipCount: r * n } };
              x = rateSteadyState(full, { ...shape, replicas: r }, requestsPerSecond, capacity);
              seen.set(r, x);
            }
            return x;
          };
          const ok = (x: ReturnType<typeof at>) => x.sustainable && x.ttftSeconds <= ttftTarget && x.tpotSeconds <= tpotTarget;
          let st = at(replicas);
          if (!ok(st)) {
            // More replicas lower each one's load, so the check is monotone: gallop up (×1.25) to a passing count,
            // no further than the cheapest setup so far allows, then binary-search the fewest that pass.
            const cap = best ? Math.floor((best.chipCount - 1) / n) : replicas * 16;
            let lo = replicas;
            let hi = Math.min(cap, Math.max(replicas + 1, Math.ceil(replicas * 1.25)));
            while (hi > lo && !ok(at(hi)) && hi < Math.min(cap, replicas * 16)) {
              lo = hi;
              hi = Math.min(cap, replicas * 16, Math.max(hi + 1, Math.ceil(hi * 1.25)));
            }
            if (hi <= lo || !ok(at(hi))) continue;
            while (hi - lo > 1) {
              const mid = Math.floor((lo + hi) / 2);
              if (ok(at(mid))) hi = mid;
              else lo = mid;
            }
            replicas = hi;
            st = at(replicas);
          }
          const chipCount = replicas * n;
          const usdPerHour = chipCount * price;
          if (best && usdPerHour >= best.usdPerHour) continue;
          const fullPlan: InferPlan = { ...shape, replicas };
          best = {
            chip: chip.id,
            chipName: chip.name,
            chipCount,
            precision,
            parallelism: fullPlan,
            concurrencyPerReplica: st.sequencesPerReplica,
            ttftSeconds: st.ttftSeconds,
            tpotSeconds: st.tpotSeconds,
            outputTokensPerSecond,
            usdPerHour,
            usdPerMillionOutputTokens: (usdPerHour / 3600 / outputTokensPerSecond) * 1e6,
            mode,
          };
        }
      }
      // Percentile targets: the closed form screened; the simulation answers. Add replicas until the simulated
      // percentiles of one replica at its share of the rate meet both targets (a few steps, each 2,000 requests).
      if (best && percentile !== undefined && !mode.disaggregated) {
        const shape = { tp: best.parallelism.tp, pp: best.parallelism.pp, ep: best.parallelism.ep };
        const n = chipsPerReplica(shape);
        const hardware = inferHardware(chip, n, best.precision, defaultSystem(chip), price);
        if (hardware) {
          const job = makeJob(hardware, best.precision, mode.speculative);
          let replicas = best.parallelism.replicas;
          let passed = false;
          const simulate = replicaSimulator(job, shape);
          // Screen with short runs: while a 500-request run misses a target by more than 20% (or saturates), the
          // full run would miss too; step up without it. The full run answers.
          const screen = Math.min(500, s.simulatedRequests);
          for (let tries = 0; tries < 6 && screen < s.simulatedRequests; tries++) {
            const sim = simulate(requestsPerSecond / replicas, percentile, screen, ttftTarget, tpotTarget);
            const at = sim.atPercentile;
            if (at && !sim.saturated && at.ttftSeconds <= ttftTarget * 1.2 && at.tpotSeconds <= tpotTarget * 1.2) break;
            replicas = Math.ceil(replicas * 1.25);
          }
          for (let tries = 0; tries < 6 && !passed; tries++) {
            const sim = simulate(requestsPerSecond / replicas, percentile, s.simulatedRequests, ttftTarget, tpotTarget);
            const at = sim.atPercentile;
            if (at && !sim.saturated && at.ttftSeconds <= ttftTarget && at.tpotSeconds <= tpotTarget) {
              passed = true;
              const usdPerHour = replicas * n * price;
              best = {
                ...best,
                chipCount: replicas * n,
                parallelism: { ...shape, replicas },
                usdPerHour,
                usdPerMillionOutputTokens: (usdPerHour / 3600 / outputTokensPerSecond) * 1e6,
                latency: { ttftSeconds: sim.ttftSeconds, tpotSeconds: sim.tpotSeconds },
                atPercentile: at,
              };
            } else replicas = Math.ceil(replicas * 1.25);
          }
          if (!passed) best = undefined;
        }
      }
      if (best) {
        setups.push(best);
        anySetup = true;
      }
    }
    if (!anySetup)
      infeasible.push({
        chip: chip.id,
        reason: anyFit
          ? `no plan meets TTFT ≤ ${ttftTarget * 1000} ms and TPOT ≤ ${tpotTarget * 1000} ms${percentile !== undefined ? ` at p${percentile}` : ""} (even at one request per replica)`
          : `the model does not fit in ${s.maxChipsPerReplica} chips per replica`,
      });
  }
  setups.sort((a, b) => a.usdPerMillionOutputTokens - b.usdPerMillionOutputTokens || a.chipCount - b.chipCount);
  if (candidates.length === 0) throw new InputError({ path: "chips", expected: "at least one chip id" });
  return {
    model: arch.id,
    requestsPerSecond,
    inputTokens,
    outputTokens,
    ttftTargetSeconds: ttftTarget,
    tpotTargetSeconds: tpotTarget,
    ...(percentile !== undefined ? { percentile } : {}),
    setups,
    infeasible,
  };
}
