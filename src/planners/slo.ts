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
import { type InferJob, type InferPlan, chipsPerReplica, maxConcurrency, rateSteadyState, steadyState } from "../physics/infer.ts";
import { type InferPrecision, WeightFormat, defaultSystem, expandPrecision, inferFormats, inferHardware, inferPlanIssues } from "../scenario/infer.ts";
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
}

export interface SloAnswer {
  model: string;
  requestsPerSecond: number;
  inputTokens: number;
  outputTokens: number;
  ttftTargetSeconds: number;
  tpotTargetSeconds: number;
  /** Cheapest setup per chip with a price, cheapest first. */
  setups: SloSetup[];
  /** Chips with no setup (no price, no fitting plan, or targets out of reach), with the reason. */
  infeasible: Array<{ chip: string; reason: string }>;
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

export function solveSlo(input: unknown): SloAnswer {
  const s = parseInput(SloScenario, input);
  const arch = resolveModel(s.model, "model");
  checkPriceTable(s.prices);
  const candidates = s.chips ? s.chips.map((id, i) => getChip(id, `chips.${i}`)) : [...chips];
  const { inputTokens, outputTokens, requestsPerSecond } = s.workload;
  const { ttftSeconds: ttftTarget, tpotSeconds: tpotTarget } = s.slo;
  const setups: SloSetup[] = [];
  const infeasible: SloAnswer["infeasible"] = [];
  const precisions = [...new Set(s.precisions)].map((p) => expandPrecision(p));
  for (const chip of candidates) {
    const price = s.usdPerChipHour ?? rentalPrice(chip, s.prices);
    if (price === undefined) {
      infeasible.push({ chip: chip.id, reason: noRentalPrice(chip.id) });
      continue;
    }
    let best: SloSetup | undefined;
    let anyFit = false;
    for (const precision of precisions) {
      for (const shape of replicaShapes(arch, chip, s.maxChipsPerReplica)) {
        const n = chipsPerReplica(shape);
        const hardware = inferHardware(chip, n, precision, defaultSystem(chip), price);
        if (!hardware) continue;
        const job: InferJob = { arch, hardware, formats: inferFormats(precision), inputTokens, outputTokens };
        const plan: InferPlan = { ...shape, replicas: 1 };
        const capacity = maxConcurrency(job, plan);
        if (capacity < 1) continue;
        anyFit = true;
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
        const at = (r: number) => {
          const full: InferJob = { ...job, hardware: { ...hardware, chipCount: r * n } };
          return rateSteadyState(full, { ...shape, replicas: r }, requestsPerSecond, capacity);
        };
        const ok = (x: ReturnType<typeof at>) => x.sustainable && x.ttftSeconds <= ttftTarget && x.tpotSeconds <= tpotTarget;
        let st = at(replicas);
        if (!ok(st)) {
          // More replicas lower each one's load, so the check is monotone: binary-search the fewest that pass.
          let lo = replicas;
          let hi = replicas * 16;
          if (!ok(at(hi))) continue;
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
        const op = { sequences: st.sequencesPerReplica };
        const outputTokensPerSecond = requestsPerSecond * outputTokens;
        best = {
          chip: chip.id,
          chipName: chip.name,
          chipCount,
          precision,
          parallelism: fullPlan,
          concurrencyPerReplica: op.sequences,
          ttftSeconds: st.ttftSeconds,
          tpotSeconds: st.tpotSeconds,
          outputTokensPerSecond,
          usdPerHour,
          usdPerMillionOutputTokens: (usdPerHour / 3600 / outputTokensPerSecond) * 1e6,
        };
      }
    }
    if (best) setups.push(best);
    else
      infeasible.push({
        chip: chip.id,
        reason: anyFit
          ? `no plan meets TTFT ≤ ${ttftTarget * 1000} ms and TPOT ≤ ${tpotTarget * 1000} ms (even at one request per replica)`
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
    setups,
    infeasible,
  };
}
