/**
 * The power question: a cluster's chip, host and facility watts, racks and cooling, and a run's energy.
 * @module
 */
import { economicsDefaults } from "../catalog/economics.ts";
import { facilityDefaults } from "../catalog/facility.ts";
import { getChip, referenceSystem } from "../catalog/hardware.ts";
import type { Chip, Source, System } from "../catalog/schema.ts";
import type { TrainPrecision } from "../physics/plan.ts";
import { clusterPower, type PowerResult, runEnergy } from "../physics/power.ts";
import { PowerInput } from "../scenario/economics.ts";
import { parseInput } from "../scenario/parse.ts";
import { resolveTrainHardware } from "../scenario/train.ts";

/** One default used, with its value and where it came from. */
export interface Assumption {
  name: string;
  value: number | string;
  source?: Source;
}

function firstPrecision(chip: Chip): TrainPrecision {
  for (const p of ["bf16", "fp16", "fp8", "fp4"] as const) if (chip.denseFlopsPerSecond[p] !== undefined) return p;
  return "bf16";
}

function chipsPerRack(chip: Chip, system: System | undefined): number {
  const perSystem = system?.chipsPerSystem ?? Math.min(chip.scaleUpDomainChips, 8);
  if (perSystem > 72) return economicsDefaults.podChipsPerRack;
  if (perSystem >= 32) return perSystem;
  return perSystem * economicsDefaults.nodesPerRack;
}

export interface ClusterPowerOutput extends PowerResult {
  chip: string;
  count: number;
  system?: string;
  chipWatts: number;
  hostOverheadWattsPerChip: number;
  powerUsageEffectiveness: number;
  chipsPerRack: number;
  electricityUsdPerKilowattHour: number;
  /** Electricity cost per hour at full load. */
  usdPerHour: number;
  run?: { days: number; megawattHours: number; costUsd: number };
  assumptions: Assumption[];
}

/** Power and facility of a cluster of `count` chips (optionally a named system). */
export function planPower(input: unknown): ClusterPowerOutput {
  const p = parseInput(PowerInput, input);
  const chip = getChip(p.chip, "chip");
  const system = referenceSystem(chip, p.system, "system");
  const hw = resolveTrainHardware(chip, p.count, firstPrecision(chip), system, { powerUsageEffectiveness: p.powerUsageEffectiveness });
  const rack = chipsPerRack(chip, system);
  const power = clusterPower({
    chips: p.count,
    chipWatts: hw.chipPowerWatts,
    hostOverheadWattsPerChip: hw.hostOverheadWattsPerChip,
    powerUsageEffectiveness: hw.powerUsageEffectiveness,
    chipsPerRack: rack,
    airCoolingLimitWattsPerRack: economicsDefaults.airCoolingLimitWattsPerRack,
  });
  const price = p.electricityUsdPerKilowattHour ?? facilityDefaults.electricityUsdPerKilowattHour;
  const out: ClusterPowerOutput = {
    chip: chip.id,
    count: p.count,
    system: system?.id,
    chipWatts: hw.chipPowerWatts,
    hostOverheadWattsPerChip: hw.hostOverheadWattsPerChip,
    powerUsageEffectiveness: hw.powerUsageEffectiveness,
    chipsPerRack: rack,
    electricityUsdPerKilowattHour: price,
    usdPerHour: (power.facilityWatts / 1000) * price,
    ...power,
    assumptions: [
      { name: "chip power at load (TDP), W", value: chip.tdpWatts, source: chip.sources.tdpWatts },
      {
        name: "host/network/storage overhead per chip, W",
        value: hw.hostOverheadWattsPerChip,
        source: system?.sources.hostOverheadWattsPerChip ?? {
          ref: "src/scenario/train.ts",
          title: "median host overhead / TDP over catalog systems",
          date: "2026-08",
          estimate: "no system for this chip",
        },
      },
      { name: "PUE", value: hw.powerUsageEffectiveness, source: p.powerUsageEffectiveness ? undefined : facilityDefaults.sources.powerUsageEffectiveness },
      { name: "electricity, USD/kWh", value: price, source: p.electricityUsdPerKilowattHour ? undefined : facilityDefaults.sources.electricityUsdPerKilowattHour },
      {
        name: "chips per rack",
        value: rack,
        source:
          system && system.chipsPerSystem >= 32 && system.chipsPerSystem <= 72
            ? system.sources.chipsPerSystem
            : system && system.chipsPerSystem > 72
              ? economicsDefaults.sources.podChipsPerRack
              : economicsDefaults.sources.nodesPerRack,
      },
      { name: "air cooling limit per rack, W", value: economicsDefaults.airCoolingLimitWattsPerRack, source: economicsDefaults.sources.airCoolingLimitWattsPerRack },
    ],
  };
  if (p.days !== undefined) out.run = { days: p.days, ...runEnergy(power.facilityWatts, p.days * 86400, price) };
  return out;
}
