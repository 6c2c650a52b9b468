/**
 * Power and facility: IT power = accelerators at load + host/network/storage overhead per chip; facility
 * power = IT × PUE; racks, kW per rack and the cooling it implies; energy and its cost for a run.
 * Pure: numbers in, numbers out (SI units).
 * @module
 */

export interface PowerInput {
  chips: number;
  /** Accelerator power at load (TDP), watts. */
  chipWatts: number;
  /** Everything else per chip (CPUs, DRAM, NICs, switches, fans, storage share), watts. */
  hostOverheadWattsPerChip: number;
  powerUsageEffectiveness: number;
  /** Accelerators per rack. */
  chipsPerRack: number;
  /** Rack power above which air cooling is not enough, watts. */
  airCoolingLimitWattsPerRack: number;
}

export interface PowerResult {
  acceleratorWatts: number;
  itWatts: number;
  facilityWatts: number;
  facilityMegawatts: number;
  /** Facility power per chip, watts (the "1 kW chip ≈ 1 kW" rule's left side). */
  facilityWattsPerChip: number;
  racks: number;
  /** IT power per rack, kilowatts. */
  kilowattsPerRack: number;
  cooling: "air" | "liquid";
}

export function clusterPower(p: PowerInput): PowerResult {
  const acceleratorWatts = p.chips * p.chipWatts;
  const itWatts = p.chips * (p.chipWatts + p.hostOverheadWattsPerChip);
  const facilityWatts = itWatts * p.powerUsageEffectiveness;
  const rackWatts = Math.min(p.chipsPerRack, p.chips) * (p.chipWatts + p.hostOverheadWattsPerChip);
  return {
    acceleratorWatts,
    itWatts,
    facilityWatts,
    facilityMegawatts: facilityWatts / 1e6,
    facilityWattsPerChip: facilityWatts / p.chips,
    racks: Math.ceil(p.chips / p.chipsPerRack),
    kilowattsPerRack: rackWatts / 1e3,
    cooling: rackWatts > p.airCoolingLimitWattsPerRack ? "liquid" : "air",
  };
}

/** Energy of running `facilityWatts` for `seconds`, in MWh, and its cost at `usdPerKilowattHour`. */
export function runEnergy(facilityWatts: number, seconds: number, usdPerKilowattHour: number): { megawattHours: number; costUsd: number } {
  const megawattHours = (facilityWatts * seconds) / 3.6e9;
  return { megawattHours, costUsd: megawattHours * 1000 * usdPerKilowattHour };
}
