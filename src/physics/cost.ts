/**
 * Total cost of ownership, build vs rent, per accelerator. Owned: accelerator + server share + network +
 * storage + facility capex (amortised over the building's life) + power + operations, over a depreciation
 * life at a utilization. Rented: $/chip-hour on demand or committed, plus what renting leaves out
 * (storage, egress, CPU). Pure: numbers in, numbers out.
 * @module
 */

export interface TcoInput {
  acceleratorUsd: number;
  serverUsdPerChip: number;
  networkUsdPerChip: number;
  storageUsdPerChip: number;
  /** IT watts per chip (accelerator + host share) — what the facility capex is sized by. */
  itWattsPerChip: number;
  /** Facility watts per chip (IT × PUE) — what the power bill is. */
  facilityWattsPerChip: number;
  facilityCapexUsdPerWatt: number;
  facilityLifeYears: number;
  depreciationYears: number;
  operationsFractionPerYear: number;
  electricityUsdPerKilowattHour: number;
  /** Fraction of hours busy (power is drawn only while busy). */
  utilization: number;
  /** On-demand rental, USD per chip-hour (absent when no price is known). */
  rentalOnDemandUsdPerChipHour?: number;
  committedOverOnDemand: number;
  /** Costs renting leaves out of $/chip-hour (storage, egress, CPU), USD per rented chip-hour. */
  rentedExtrasUsdPerChipHour: number;
}

export interface OwnedBreakdown {
  accelerators: number;
  servers: number;
  network: number;
  storage: number;
  facility: number;
  power: number;
  operations: number;
}

export interface TcoResult {
  lifeHours: number;
  busyHours: number;
  /** Owned cost per chip over the life, USD, by item. */
  ownedPerChipUsd: OwnedBreakdown;
  ownedTotalPerChipUsd: number;
  /** Owned cost per busy chip-hour. */
  ownedUsdPerChipHour: number;
  /** Accelerators' share of the owned cost (lecture: ≈ half). */
  acceleratorShare: number;
  rentedOnDemandUsdPerChipHour?: number;
  rentedCommittedUsdPerChipHour?: number;
  /** Renting's price including what it leaves out. */
  rentedOnDemandAllInUsdPerChipHour?: number;
  rentedCommittedAllInUsdPerChipHour?: number;
  /** Rent over own − 1 (lecture: renters pay ≈ 20% margin). */
  onDemandMarginOverOwned?: number;
  committedMarginOverOwned?: number;
  /** Utilization above which owning is cheaper than renting (all-in), or Infinity when it never is. */
  breakEvenUtilizationOnDemand?: number;
  breakEvenUtilizationCommitted?: number;
  /** Months of renting at this utilization whose cost pays the upfront capex back. */
  breakEvenMonthsOnDemand?: number;
  breakEvenMonthsCommitted?: number;
  /** Upfront capital per chip (hardware + the facility capex it occupies). */
  upfrontPerChipUsd: number;
}

const HOURS_PER_YEAR = 8766;

export function tco(p: TcoInput): TcoResult {
  const lifeHours = p.depreciationYears * HOURS_PER_YEAR;
  const busyHours = lifeHours * p.utilization;
  const hardware = p.acceleratorUsd + p.serverUsdPerChip + p.networkUsdPerChip + p.storageUsdPerChip;
  const facilityCapex = p.facilityCapexUsdPerWatt * p.itWattsPerChip;
  const powerPerBusyHour = (p.facilityWattsPerChip / 1000) * p.electricityUsdPerKilowattHour;
  const owned: OwnedBreakdown = {
    accelerators: p.acceleratorUsd,
    servers: p.serverUsdPerChip,
    network: p.networkUsdPerChip,
    storage: p.storageUsdPerChip,
    facility: facilityCapex * Math.min(1, p.depreciationYears / p.facilityLifeYears),
    power: powerPerBusyHour * busyHours,
    operations: hardware * p.operationsFractionPerYear * p.depreciationYears,
  };
  const total = Object.values(owned).reduce((a, b) => a + b, 0);
  const fixed = total - owned.power;
  const result: TcoResult = {
    lifeHours,
    busyHours,
    ownedPerChipUsd: owned,
    ownedTotalPerChipUsd: total,
    ownedUsdPerChipHour: total / busyHours,
    acceleratorShare: owned.accelerators / total,
    upfrontPerChipUsd: hardware + facilityCapex,
  };
  if (p.rentalOnDemandUsdPerChipHour !== undefined) {
    const onDemand = p.rentalOnDemandUsdPerChipHour;
    const committed = onDemand * p.committedOverOnDemand;
    const allIn = (r: number) => r + p.rentedExtrasUsdPerChipHour;
    // Own = fixed/(u·H) + power per busy hour; rent = R per busy hour → u* = fixed / (H · (R − power)).
    const breakEvenU = (r: number) => (r > powerPerBusyHour ? fixed / (lifeHours * (r - powerPerBusyHour)) : Number.POSITIVE_INFINITY);
    // Monthly: renting costs R·u·730 h; owning's running cost is power + operations; the difference repays the capex.
    const monthHours = HOURS_PER_YEAR / 12;
    const running = powerPerBusyHour * p.utilization * monthHours + (hardware * p.operationsFractionPerYear) / 12;
    const breakEvenMonths = (r: number) => {
      const saving = r * p.utilization * monthHours - running;
      return saving > 0 ? result.upfrontPerChipUsd / saving : Number.POSITIVE_INFINITY;
    };
    result.rentedOnDemandUsdPerChipHour = onDemand;
    result.rentedCommittedUsdPerChipHour = committed;
    result.rentedOnDemandAllInUsdPerChipHour = allIn(onDemand);
    result.rentedCommittedAllInUsdPerChipHour = allIn(committed);
    result.onDemandMarginOverOwned = onDemand / result.ownedUsdPerChipHour - 1;
    result.committedMarginOverOwned = committed / result.ownedUsdPerChipHour - 1;
    result.breakEvenUtilizationOnDemand = breakEvenU(allIn(onDemand));
    result.breakEvenUtilizationCommitted = breakEvenU(allIn(committed));
    result.breakEvenMonthsOnDemand = breakEvenMonths(allIn(onDemand));
    result.breakEvenMonthsCommitted = breakEvenMonths(allIn(committed));
  }
  return result;
}

/** USD per million tokens at a price per chip-hour and a throughput per chip. */
export function usdPerMillionTokens(usdPerChipHour: number, tokensPerSecondPerChip: number): number {
  return (usdPerChipHour / (tokensPerSecondPerChip * 3600)) * 1e6;
}
