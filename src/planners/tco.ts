/**
 * The build-vs-rent question: owned cost per chip-hour with every default's source against renting
 * on demand and committed, break-even utilization and months, a training run's and serving's price.
 * Pure: the faces pass inputs, nothing here reads files or clocks.
 * @module
 */
import { economicsDefaults } from "../catalog/economics.ts";
import { facilityDefaults } from "../catalog/facility.ts";
import { getChip, referenceSystem } from "../catalog/hardware.ts";
import { InputError } from "../errors.ts";
import { type TcoResult, tco, usdPerMillionTokens } from "../physics/cost.ts";
import { TcoInput } from "../scenario/economics.ts";
import { parseInput } from "../scenario/parse.ts";
import { checkPriceTable, purchasePrice, rentalPrice } from "../scenario/prices.ts";
import { type Assumption, type ClusterPowerOutput, planPower } from "./power.ts";

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
  const power = planPower({
    chip: p.chip,
    count: p.count,
    system: p.system,
    powerUsageEffectiveness: p.powerUsageEffectiveness,
    electricityUsdPerKilowattHour: p.electricityUsdPerKilowattHour,
  });
  const e = economicsDefaults;
  const f = facilityDefaults;
  checkPriceTable(p.prices);
  const acceleratorUsd = p.purchaseUsd ?? purchasePrice(chip, p.prices);
  if (acceleratorUsd === undefined) {
    throw new InputError({ path: "purchaseUsd", expected: `a purchase price: the catalog has none for ${chip.name} (pass --purchase <usd>)` });
  }
  const systemServer = system?.purchaseUsd !== undefined && chip.purchaseUsd !== undefined ? system.purchaseUsd / system.chipsPerSystem - chip.purchaseUsd : undefined;
  const serverUsdPerChip = systemServer !== undefined && systemServer > 0 ? systemServer : acceleratorUsd * e.serverOverAcceleratorCost;
  const years = p.years ?? f.depreciationYears;
  const utilization = p.utilization ?? e.utilization;
  const onDemand = p.usdPerChipHour ?? rentalPrice(chip, p.prices);
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
        rule: "accelerators are about half of the owned cost",
        expected: "40-60%",
        measured: perChip.acceleratorShare,
        holds: perChip.acceleratorShare >= 0.4 && perChip.acceleratorShare <= 0.6,
      },
    ],
    assumptions: [],
  };
  if (perChip.committedMarginOverOwned !== undefined) {
    out.checks.push({
      rule: "renters pay about 20% margin over owning (committed price vs owned $/chip-hour)",
      expected: "10-30%",
      measured: perChip.committedMarginOverOwned,
      holds: perChip.committedMarginOverOwned >= 0.1 && perChip.committedMarginOverOwned <= 0.3,
    });
    out.checks.push({
      rule: "owning is not much cheaper than renting (on-demand vs owned)",
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
    { name: "accelerator purchase, USD", value: acceleratorUsd, source: given(p.purchaseUsd ?? p.prices?.[chip.id]?.purchaseUsd) ?? chip.sources.purchaseUsd },
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
    {
      name: "on-demand rental, USD/chip-h",
      value: onDemand ?? "unknown",
      source: given(p.usdPerChipHour ?? p.prices?.[chip.id]?.rentalUsdPerChipHour) ?? chip.sources.rentalUsdPerChipHour,
    },
    { name: "committed over on-demand", value: e.committedOverOnDemand, source: s.committedOverOnDemand },
    { name: "rented storage, USD/GB-month", value: e.rentedStorageUsdPerGigabyteMonth, source: s.rentedStorageUsdPerGigabyteMonth },
    { name: "egress, USD/GB", value: e.egressUsdPerGigabyte, source: s.egressUsdPerGigabyte },
    { name: "CPU, USD/vCPU-h", value: e.cpuUsdPerVcpuHour, source: s.cpuUsdPerVcpuHour },
    { name: "serving tokens/s per chip", value: servingTps, source: given(p.servingTokensPerSecondPerChip) ?? s.servingTokensPerSecondPerChip },
    ...power.assumptions,
  ];
  return out;
}
