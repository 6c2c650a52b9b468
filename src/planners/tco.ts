/**
 * Cluster economics from the catalog: power and facility of N chips, build-vs-rent TCO with every default's
 * source, reliability and goodput of a training job. Pure: the faces pass inputs, nothing here reads files or clocks.
 * @module
 */
import { z } from "zod";
import { economicsDefaults } from "../catalog/economics.ts";
import { facilityDefaults } from "../catalog/facility.ts";
import { getChip, referenceSystem } from "../catalog/hardware.ts";
import { failureRatesPerChipHour, reliabilityDefaults } from "../catalog/reliability.ts";
import type { Chip, Source, System } from "../catalog/schema.ts";
import { InputError } from "../errors.ts";
import { type TcoResult, tco, usdPerMillionTokens } from "../physics/cost.ts";
import { clusterPower, type PowerResult, runEnergy } from "../physics/power.ts";
import { type MonteCarloResult, monteCarloWallClock, type ReliabilityResult, reliability } from "../physics/reliability.ts";
import type { TrainPrecision } from "../physics/plan.ts";
import { parseInput } from "../scenario/parse.ts";
import { resolveTrainHardware } from "../scenario/train.ts";

/** One default used, with its value and where it came from. */
export interface Assumption {
  name: string;
  value: number | string;
  source?: Source;
}

const positive = z.number().finite().positive();

export const ClusterInput = z
  .object({
    chip: z.string().min(1),
    count: z.number().int().positive(),
    system: z.string().min(1).optional(),
    powerUsageEffectiveness: z.number().min(1).max(3).optional(),
    electricityUsdPerKilowattHour: positive.optional(),
  })
  .strict();

export const PowerInput = ClusterInput.extend({
  /** Run length for energy, days (optional). */
  days: positive.optional(),
}).strict();

export const TcoInput = ClusterInput.extend({
  years: positive.max(15).optional(),
  utilization: z.number().gt(0).max(1).optional(),
  /** On-demand rental override, USD per chip-hour. */
  usdPerChipHour: positive.optional(),
  /** Accelerator purchase price override, USD. */
  purchaseUsd: positive.optional(),
  /** Chip-hours of a training run to price (e.g. from `danlu train`). */
  trainChipHours: positive.optional(),
  /** Serving throughput per chip, tokens/s (default: MLPerf H100 reference scaled by memory bandwidth). */
  servingTokensPerSecondPerChip: positive.optional(),
  /** Renting's left-outs: vCPU per rented chip, internet egress per chip-month (GB). */
  vcpusPerChip: z.number().nonnegative().optional(),
  egressGigabytesPerChipMonth: z.number().nonnegative().optional(),
}).strict();
export type TcoInputShape = z.input<typeof TcoInput>;

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
        source: system?.sources.hostOverheadWattsPerChip ?? { ref: "src/scenario/train.ts", title: "median host overhead / TDP over catalog systems", date: "2026-08", estimate: "no system for this chip" },
      },
      { name: "PUE", value: hw.powerUsageEffectiveness, source: p.powerUsageEffectiveness ? undefined : facilityDefaults.sources.powerUsageEffectiveness },
      { name: "electricity, USD/kWh", value: price, source: p.electricityUsdPerKilowattHour ? undefined : facilityDefaults.sources.electricityUsdPerKilowattHour },
      { name: "chips per rack", value: rack, source: system && system.chipsPerSystem >= 32 && system.chipsPerSystem <= 72 ? system.sources.chipsPerSystem : system && system.chipsPerSystem > 72 ? economicsDefaults.sources.podChipsPerRack : economicsDefaults.sources.nodesPerRack },
      { name: "air cooling limit per rack, W", value: economicsDefaults.airCoolingLimitWattsPerRack, source: economicsDefaults.sources.airCoolingLimitWattsPerRack },
    ],
  };
  if (p.days !== undefined) out.run = { days: p.days, ...runEnergy(power.facilityWatts, p.days * 86400, price) };
  return out;
}

export interface LectureCheck {
  rule: string;
  expected: string;
  measured: number;
  holds: boolean;
}

export interface TcoOutput {
  chip: string;
  count: number;
  years: number;
  utilization: number;
  power: ClusterPowerOutput;
  perChip: TcoResult;
  cluster: { ownedTotalUsd: number; upfrontUsd: number; rentedOnDemandPerYearUsd?: number };
  rentedExtrasUsdPerChipHour: { storage: number; egress: number; cpu: number; total: number };
  trainRun?: { chipHours: number; ownedUsd: number; rentedOnDemandUsd?: number; rentedCommittedUsd?: number };
  serving: { tokensPerSecondPerChip: number; ownedUsdPerMillionTokens: number; rentedOnDemandUsdPerMillionTokens?: number; rentedCommittedUsdPerMillionTokens?: number };
  checks: LectureCheck[];
  assumptions: Assumption[];
}

/** Build vs rent for `count` chips over `years` at a utilization. */
export function planTco(input: unknown): TcoOutput {
  const p = parseInput(TcoInput, input);
  const chip = getChip(p.chip, "chip");
  const system = referenceSystem(chip, p.system, "system");
  const power = planPower({ chip: p.chip, count: p.count, system: p.system, powerUsageEffectiveness: p.powerUsageEffectiveness, electricityUsdPerKilowattHour: p.electricityUsdPerKilowattHour });
  const e = economicsDefaults;
  const f = facilityDefaults;
  const acceleratorUsd = p.purchaseUsd ?? chip.purchaseUsd;
  if (acceleratorUsd === undefined) {
    throw new InputError({ path: "purchaseUsd", expected: `a purchase price: the catalog has none for ${chip.name} (pass --purchase <usd>)` });
  }
  const systemServer = system?.purchaseUsd !== undefined && chip.purchaseUsd !== undefined ? system.purchaseUsd / system.chipsPerSystem - chip.purchaseUsd : undefined;
  const serverUsdPerChip = systemServer !== undefined && systemServer > 0 ? systemServer : acceleratorUsd * e.serverOverAcceleratorCost;
  const years = p.years ?? f.depreciationYears;
  const utilization = p.utilization ?? e.utilization;
  const onDemand = p.usdPerChipHour ?? chip.rentalUsdPerChipHour;
  const monthHours = 8766 / 12;
  const extras = {
    storage: ((e.storageBytesPerChip / 1e9) * e.rentedStorageUsdPerGigabyteMonth) / monthHours,
    egress: ((p.egressGigabytesPerChipMonth ?? 0) * e.egressUsdPerGigabyte) / monthHours,
    cpu: (p.vcpusPerChip ?? 0) * e.cpuUsdPerVcpuHour,
    total: 0,
  };
  extras.total = extras.storage + extras.egress + extras.cpu;
  const itWattsPerChip = power.chipWatts + power.hostOverheadWattsPerChip;
  const perChip = tco({
    acceleratorUsd,
    serverUsdPerChip,
    networkUsdPerChip: acceleratorUsd * e.networkOverAcceleratorCost,
    storageUsdPerChip: (e.storageBytesPerChip / 1e12) * e.storageUsdPerTerabyte,
    itWattsPerChip,
    facilityWattsPerChip: itWattsPerChip * power.powerUsageEffectiveness,
    facilityCapexUsdPerWatt: e.facilityCapexUsdPerWatt,
    facilityLifeYears: e.facilityLifeYears,
    depreciationYears: years,
    operationsFractionPerYear: e.operationsFractionPerYear,
    electricityUsdPerKilowattHour: power.electricityUsdPerKilowattHour,
    utilization,
    rentalOnDemandUsdPerChipHour: onDemand,
    committedOverOnDemand: e.committedOverOnDemand,
    rentedExtrasUsdPerChipHour: extras.total,
  });
  const h100 = getChip("h100-sxm");
  const servingTps = p.servingTokensPerSecondPerChip ?? e.servingTokensPerSecondPerChip * (chip.memoryBytesPerSecond / h100.memoryBytesPerSecond);
  const out: TcoOutput = {
    chip: chip.id,
    count: p.count,
    years,
    utilization,
    power,
    perChip,
    cluster: {
      ownedTotalUsd: perChip.ownedTotalPerChipUsd * p.count,
      upfrontUsd: perChip.upfrontPerChipUsd * p.count,
      rentedOnDemandPerYearUsd: onDemand !== undefined ? onDemand * p.count * 8766 * utilization : undefined,
    },
    rentedExtrasUsdPerChipHour: extras,
    serving: {
      tokensPerSecondPerChip: servingTps,
      ownedUsdPerMillionTokens: usdPerMillionTokens(perChip.ownedUsdPerChipHour, servingTps),
      rentedOnDemandUsdPerMillionTokens: perChip.rentedOnDemandUsdPerChipHour !== undefined ? usdPerMillionTokens(perChip.rentedOnDemandUsdPerChipHour, servingTps) : undefined,
      rentedCommittedUsdPerMillionTokens: perChip.rentedCommittedUsdPerChipHour !== undefined ? usdPerMillionTokens(perChip.rentedCommittedUsdPerChipHour, servingTps) : undefined,
    },
    checks: [
      {
        rule: "lecture: accelerators are about half of the owned cost",
        expected: "40-60%",
        measured: perChip.acceleratorShare,
        holds: perChip.acceleratorShare >= 0.4 && perChip.acceleratorShare <= 0.6,
      },
    ],
    assumptions: [],
  };
  if (perChip.committedMarginOverOwned !== undefined) {
    out.checks.push({
      rule: "lecture: renters pay about 20% margin over owning (committed price vs owned $/chip-hour)",
      expected: "10-30%",
      measured: perChip.committedMarginOverOwned,
      holds: perChip.committedMarginOverOwned >= 0.1 && perChip.committedMarginOverOwned <= 0.3,
    });
    out.checks.push({
      rule: "lecture: owning is not much cheaper than renting (on-demand vs owned)",
      expected: "on-demand within 2× of owned",
      measured: (perChip.rentedOnDemandUsdPerChipHour ?? 0) / perChip.ownedUsdPerChipHour,
      holds: (perChip.rentedOnDemandUsdPerChipHour ?? 0) / perChip.ownedUsdPerChipHour <= 2,
    });
  }
  if (p.trainChipHours !== undefined) {
    out.trainRun = {
      chipHours: p.trainChipHours,
      ownedUsd: p.trainChipHours * perChip.ownedUsdPerChipHour,
      rentedOnDemandUsd: perChip.rentedOnDemandUsdPerChipHour !== undefined ? p.trainChipHours * perChip.rentedOnDemandUsdPerChipHour : undefined,
      rentedCommittedUsd: perChip.rentedCommittedUsdPerChipHour !== undefined ? p.trainChipHours * perChip.rentedCommittedUsdPerChipHour : undefined,
    };
  }
  const s = e.sources;
  const given = (v: unknown) => (v !== undefined ? { ref: "input", title: "given on the command line / request", date: "2026" } : undefined);
  out.assumptions = [
    { name: "accelerator purchase, USD", value: acceleratorUsd, source: given(p.purchaseUsd) ?? chip.sources.purchaseUsd },
    {
      name: "server (non-accelerator) per chip, USD",
      value: serverUsdPerChip,
      source: systemServer !== undefined && systemServer > 0 ? system?.sources.purchaseUsd : s.serverOverAcceleratorCost,
    },
    { name: "network over accelerator cost", value: e.networkOverAcceleratorCost, source: s.networkOverAcceleratorCost },
    { name: "storage per chip, bytes", value: e.storageBytesPerChip, source: s.storageBytesPerChip },
    { name: "storage, USD/TB", value: e.storageUsdPerTerabyte, source: s.storageUsdPerTerabyte },
    { name: "facility capex, USD/W of IT", value: e.facilityCapexUsdPerWatt, source: s.facilityCapexUsdPerWatt },
    { name: "facility life, years", value: e.facilityLifeYears, source: s.facilityLifeYears },
    { name: "depreciation life, years", value: years, source: given(p.years) ?? f.sources.depreciationYears },
    { name: "operations per year, fraction of hardware", value: e.operationsFractionPerYear, source: s.operationsFractionPerYear },
    { name: "utilization", value: utilization, source: given(p.utilization) ?? s.utilization },
    { name: "on-demand rental, USD/chip-h", value: onDemand ?? "unknown", source: given(p.usdPerChipHour) ?? chip.sources.rentalUsdPerChipHour },
    { name: "committed over on-demand", value: e.committedOverOnDemand, source: s.committedOverOnDemand },
    { name: "rented storage, USD/GB-month", value: e.rentedStorageUsdPerGigabyteMonth, source: s.rentedStorageUsdPerGigabyteMonth },
    { name: "egress, USD/GB", value: e.egressUsdPerGigabyte, source: s.egressUsdPerGigabyte },
    { name: "CPU, USD/vCPU-h", value: e.cpuUsdPerVcpuHour, source: s.cpuUsdPerVcpuHour },
    { name: "serving tokens/s per chip", value: servingTps, source: given(p.servingTokensPerSecondPerChip) ?? s.servingTokensPerSecondPerChip },
    ...power.assumptions,
  ];
  return out;
}

export interface JobReliability extends ReliabilityResult {
  chips: number;
  checkpointBytes: number;
  restartSeconds: number;
  idealDays: number;
  /** Ideal days / goodput. */
  expectedDays: number;
  expectedInterruptions: number;
  monteCarlo: MonteCarloResult;
}

/** Reliability and goodput of `chips` training for `idealSeconds` of pure work with `parameters` to checkpoint. */
export function jobReliability(
  chips: number,
  parameters: number,
  idealSeconds: number,
  options: { storageWriteBytesPerSecond?: number; restartSeconds?: number; checkpointIntervalSeconds?: number; trials?: number; seed?: number } = {},
): JobReliability {
  const d = reliabilityDefaults;
  const checkpointBytes = parameters * d.checkpointBytesPerParameter;
  const restartSeconds = options.restartSeconds ?? d.restartSeconds;
  const r = reliability({
    chips,
    failureRatesPerChipHour: failureRatesPerChipHour(),
    checkpointBytes,
    storageWriteBytesPerSecond: options.storageWriteBytesPerSecond ?? d.storageWriteBytesPerSecond,
    restartSeconds,
    checkpointIntervalSeconds: options.checkpointIntervalSeconds,
  });
  const expectedSeconds = r.goodput > 0 ? idealSeconds / r.goodput : Number.POSITIVE_INFINITY;
  return {
    ...r,
    chips,
    checkpointBytes,
    restartSeconds,
    idealDays: idealSeconds / 86400,
    expectedDays: expectedSeconds / 86400,
    expectedInterruptions: (expectedSeconds / 3600) * r.interruptionsPerHour,
    monteCarlo: monteCarloWallClock(idealSeconds, r, restartSeconds, options.trials ?? 400, options.seed ?? 42),
  };
}

/** Goodput only (no Monte Carlo): what every train plan reports next to its ideal days. */
export function trainGoodput(chips: number, parameters: number): { goodput: number; interruptionsPerDay: number; optimalCheckpointIntervalSeconds: number } {
  const d = reliabilityDefaults;
  const r = reliability({
    chips,
    failureRatesPerChipHour: failureRatesPerChipHour(),
    checkpointBytes: parameters * d.checkpointBytesPerParameter,
    storageWriteBytesPerSecond: d.storageWriteBytesPerSecond,
    restartSeconds: d.restartSeconds,
  });
  return { goodput: r.goodput, interruptionsPerDay: r.interruptionsPerHour * 24, optimalCheckpointIntervalSeconds: r.optimalIntervalSeconds };
}
