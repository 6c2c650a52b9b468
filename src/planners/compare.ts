/**
 * `compare`: rank catalog chips for one training workload — days (with goodput), chip-hours, $ owned and
 * rented, MWh — letting the planner choose the plan per chip, and say why a chip cannot run it. Pure.
 * @module
 */
import { chips } from "../catalog/hardware.ts";
import { InputError } from "../errors.ts";
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
}

/**
 * `scenario` is a train scenario; its `hardware.chip` is replaced by each chip and `parallelism` is dropped so
 * the plan is searched per chip. `chipIds` limits the chips (default: every catalog chip).
 */
export function compareTrain(scenario: Record<string, unknown>, chipIds?: readonly string[]): CompareRow[] {
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
        if (chip.rentalUsdPerChipHour !== undefined) row.rentedUsd = row.chipHours * chip.rentalUsdPerChipHour;
        if (chip.purchaseUsd !== undefined) {
          const t = planTco({ chip: chip.id, count: r.chipCount });
          row.ownedUsd = row.chipHours * t.perChip.ownedUsdPerChipHour;
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      row.reason = error.issues.map((i) => `${i.path}: ${i.expected}`).join("; ");
    }
    rows.push(row);
  }
  rows.sort((a, b) => (a.runs === b.runs ? (a.days ?? 0) - (b.days ?? 0) : a.runs ? -1 : 1));
  return rows;
}
