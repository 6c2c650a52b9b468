/**
 * `compare`: rank catalog chips for one training workload — days (with goodput), chip-hours, $ owned and
 * rented, MWh — letting the planner choose the plan per chip, and say why a chip cannot run it. Pure.
 * @module
 */
import { chips } from "../catalog/hardware.ts";
import { noRentalPrice, rentalBasis } from "../catalog/prices.ts";
import { InputError } from "../errors.ts";
import { type PriceTable, purchasePrice, rentalPrice } from "../scenario/prices.ts";
import { type SloSetup, solveSlo } from "./slo.ts";
import { planTco } from "./tco.ts";
import { planTrain } from "./train.ts";

export interface CompareRow {
  chip: string;
  name: string;
  runs: boolean;
  reason?: string;
  parallelism?: string;
  days?: number;
  idealDays?: number;
  goodput?: number;
  chipHours?: number;
  mfu?: number;
  megawattHours?: number;
  facilityMegawatts?: number;
  ownedUsd?: number;
  rentedUsd?: number;
  /** Where the rental price came from: the user's price table or the catalog's default basis (rentalBasis). */
  rentalPriceSource?: "prices" | "default";
  /** Why there is no rented (or owned) cost, when the chip runs the job but has no price. */
  priceNote?: string;
}

/** Owned-cost inputs a comparison prices every chip with (planTco's; defaults from the catalog). */
export interface OwnedInputs {
  years?: number;
  utilization?: number;
  electricityUsdPerKilowattHour?: number;
  powerUsageEffectiveness?: number;
}

/** The default rental basis every ranking states (what "rented" means without a price table). */
export { rentalBasis };

/** The price a row was rented at, and where it came from. */
function rental(chip: (typeof chips)[number], prices: PriceTable | undefined): { usd?: number; source?: "prices" | "default" } {
  const usd = rentalPrice(chip, prices);
  return { usd, source: usd === undefined ? undefined : prices?.[chip.id]?.rentalUsdPerChipHour !== undefined ? "prices" : "default" };
}

/**
 * `scenario` is a train scenario; its `hardware.chip` is replaced by each chip and `parallelism` is dropped so
 * the plan is searched per chip. `chipIds` limits the chips (default: every catalog chip).
 */
export function compareTrain(
  scenario: Record<string, unknown>,
  chipIds?: readonly string[],
  owned: OwnedInputs = {},
  onProgress?: (done: number, total: number) => void,
): CompareRow[] {
  const prices = scenario.prices as PriceTable | undefined;
  const pool = chipIds ? chips.filter((c) => chipIds.includes(c.id)) : chips;
  const hardware = (scenario.hardware ?? {}) as { count?: number };
  const rows: CompareRow[] = [];
  for (const chip of pool) {
    const { parallelism: _drop, ...rest } = scenario;
    const input = { ...rest, hardware: { chip: chip.id, count: hardware.count } };
    const row: CompareRow = { chip: chip.id, name: chip.name, runs: false };
    try {
      const r = planTrain(input);
      if (!r.fits) {
        row.reason = `does not fit: ${r.reason ?? "no plan fits in memory"}`;
      } else {
        const p = r.parallelism;
        row.runs = true;
        row.parallelism = `TP${p.tp}·PP${p.pp}·DP${p.dp}·CP${p.cp}${p.ep > 1 ? `·EP${p.ep}` : ""} ZeRO-${p.zeroStage} ${p.recompute}`;
        row.idealDays = r.wallClockDays;
        row.goodput = r.goodput;
        row.days = r.wallClockDaysWithGoodput;
        row.chipHours = r.chipHours / r.goodput;
        row.mfu = r.mfu;
        row.megawattHours = r.energyMegawattHours / r.goodput;
        row.facilityMegawatts = r.facilityMegawatts;
        const rent = rental(chip, prices);
        if (rent.usd !== undefined) {
          row.rentedUsd = row.chipHours * rent.usd;
          row.rentalPriceSource = rent.source;
        }
        if (purchasePrice(chip, prices) !== undefined) {
          const t = planTco({ chip: chip.id, count: r.chipCount, ...owned, ...(prices ? { prices } : {}) });
          row.ownedUsd = row.chipHours * t.perChip.ownedUsdPerChipHour;
        }
        const notes = [
          rent.usd === undefined ? noRentalPrice(chip.id) : undefined,
          row.ownedUsd === undefined ? "no purchase price in the catalog (give purchaseUsd in --prices)" : undefined,
        ];
        if (notes.some(Boolean)) row.priceNote = notes.filter(Boolean).join("; ");
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      row.reason = error.issues.map((i) => `${i.path}: ${i.expected}`).join("; ");
    }
    rows.push(row);
    onProgress?.(rows.length, pool.length);
  }
  rows.sort((a, b) => (a.runs === b.runs ? (a.days ?? 0) - (b.days ?? 0) : a.runs ? -1 : 1));
  return rows;
}

export interface ServeCompareRow {
  chip: string;
  name: string;
  runs: boolean;
  reason?: string;
  /** Cheapest setup at the chip's rental price. */
  rented?: { chipCount: number; plan: string; precision: string; ttftSeconds: number; tpotSeconds: number; usdPerMillionOutputTokens: number };
  /** Cheapest setup at the chip's owned cost per busy chip-hour (TCO defaults). */
  owned?: { chipCount: number; plan: string; precision: string; ttftSeconds: number; tpotSeconds: number; usdPerChipHour: number; usdPerMillionOutputTokens: number };
  /** For a chip with no price: the smallest setup that meets the SLO (chips at a nominal $1/h). */
  unpriced?: { chipCount: number; plan: string; precision: string; ttftSeconds: number; tpotSeconds: number };
}

/**
 * Serving side by side: for every chip, the cheapest setup meeting the SLO (solveSlo) at its rental price
 * and at its owned cost per chip-hour, ranked by the cheaper of the two; chips that cannot say why.
 * `slo` is a solveSlo scenario without `chips` and `usdPerChipHour`.
 */
export function compareServe(slo: Record<string, unknown>, chipIds?: readonly string[], owned: OwnedInputs = {}): ServeCompareRow[] {
  const prices = slo.prices as PriceTable | undefined;
  const pool = chipIds ? chips.filter((c) => chipIds.includes(c.id)) : chips;
  const describe = (s: SloSetup) =>
    `TP${s.parallelism.tp}${s.parallelism.pp > 1 ? `·PP${s.parallelism.pp}` : ""}${s.parallelism.ep > 1 ? `·EP${s.parallelism.ep}` : ""} × ${s.parallelism.replicas}`;
  const format = (s: SloSetup) => `${s.precision.weights}/${s.precision.kvCache}`;
  const rows: ServeCompareRow[] = pool.map((chip) => {
    const row: ServeCompareRow = { chip: chip.id, name: chip.name, runs: false };
    const reasons: string[] = [];
    if (rentalPrice(chip, prices) !== undefined) {
      const a = solveSlo({ ...slo, chips: [chip.id] });
      const s = a.setups[0];
      if (s)
        row.rented = {
          chipCount: s.chipCount,
          plan: describe(s),
          precision: format(s),
          ttftSeconds: s.ttftSeconds,
          tpotSeconds: s.tpotSeconds,
          usdPerMillionOutputTokens: s.usdPerMillionOutputTokens,
        };
      else reasons.push(a.infeasible[0]?.reason ?? "no setup meets the targets");
    }
    if (purchasePrice(chip, prices) !== undefined) {
      const usdPerChipHour = planTco({ chip: chip.id, count: 1024, ...owned, ...(prices ? { prices } : {}) }).perChip.ownedUsdPerChipHour;
      const a = solveSlo({ ...slo, chips: [chip.id], usdPerChipHour });
      const s = a.setups[0];
      if (s)
        row.owned = {
          chipCount: s.chipCount,
          plan: describe(s),
          precision: format(s),
          ttftSeconds: s.ttftSeconds,
          tpotSeconds: s.tpotSeconds,
          usdPerChipHour,
          usdPerMillionOutputTokens: s.usdPerMillionOutputTokens,
        };
      else if (!reasons.length) reasons.push(a.infeasible[0]?.reason ?? "no setup meets the targets");
    }
    if (rentalPrice(chip, prices) === undefined && purchasePrice(chip, prices) === undefined) {
      const a = solveSlo({ ...slo, chips: [chip.id], usdPerChipHour: 1 });
      const s = a.setups[0];
      if (s) {
        row.unpriced = { chipCount: s.chipCount, plan: describe(s), precision: format(s), ttftSeconds: s.ttftSeconds, tpotSeconds: s.tpotSeconds };
        reasons.push(`meets the targets, but has no rental or purchase price to rank it by (${noRentalPrice(chip.id)})`);
      } else reasons.push(a.infeasible[0]?.reason ?? "no setup meets the targets");
    }
    row.runs = row.rented !== undefined || row.owned !== undefined || row.unpriced !== undefined;
    if (reasons.length && (!row.rented || !row.owned)) row.reason = reasons.join("; ");
    return row;
  });
  const best = (r: ServeCompareRow) => Math.min(r.rented?.usdPerMillionOutputTokens ?? Number.POSITIVE_INFINITY, r.owned?.usdPerMillionOutputTokens ?? Number.POSITIVE_INFINITY);
  return rows.sort((a, b) => best(a) - best(b) || a.chip.localeCompare(b.chip));
}
