/**
 * Build-vs-rent and rack defaults that the facility catalog (facility.ts) does not hold: what a server,
 * the cluster network, storage and the building cost besides the accelerators, operations, committed-use
 * discounts, what renting leaves out, rack packing and the air-cooling limit, and a serving reference.
 * Each figure sourced; figures no one published carry `estimate` with the reasoning. Validated at load.
 * @module
 */
import { z } from "zod";
import { cite, estimate, src } from "./bibliography.ts";
import { Sources, unsourcedFields } from "./schema.ts";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);

export const EconomicsDefaults = z
  .object({
    /** Non-accelerator server cost (CPUs, DRAM, boards, NICs, chassis) over accelerator cost, when the system has no price. */
    serverOverAcceleratorCost: nonNegative,
    /** Cluster network cost (switches, optics, cables) over accelerator cost. */
    networkOverAcceleratorCost: nonNegative,
    /** Storage capacity provisioned per accelerator, bytes. */
    storageBytesPerChip: nonNegative,
    /** Owned storage system cost, USD per terabyte (1e12 B). */
    storageUsdPerTerabyte: nonNegative,
    /** Data-centre construction capex per watt of IT load. */
    facilityCapexUsdPerWatt: nonNegative,
    /** Years over which the building (power, cooling, shell) is amortised. */
    facilityLifeYears: positive,
    /** Operations (staff, spares, support contracts) per year, as a fraction of hardware capex. */
    operationsFractionPerYear: fraction,
    /** Fraction of hours an owned cluster does paid-for work. */
    utilization: fraction,
    /** Committed (1-3 year) rental price over on-demand price. */
    committedOverOnDemand: fraction,
    /** Rented object storage, USD per GB-month (renting leaves it out of $/chip-hour). */
    rentedStorageUsdPerGigabyteMonth: nonNegative,
    /** Internet egress, USD per GB. */
    egressUsdPerGigabyte: nonNegative,
    /** Rented CPU, USD per vCPU-hour (data loading, preprocessing, evaluation nodes). */
    cpuUsdPerVcpuHour: nonNegative,
    /** 8-accelerator nodes per rack in an air-cooled hall. */
    nodesPerRack: positive,
    /** Rack power above which air cooling gives way to liquid, watts. */
    airCoolingLimitWattsPerRack: positive,
    /** Chips per rack for pod systems without a rack figure (TPU cube). */
    podChipsPerRack: positive,
    /** A measured serving throughput: output+input tokens/s per chip for a 70B model on H100 SXM. */
    servingTokensPerSecondPerChip: positive,
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type EconomicsDefaults = z.infer<typeof EconomicsDefaults>;

const cushman = {
  ref: "https://www.cushmanwakefield.com/en/united-states/insights/data-center-development-cost-guide",
  title: "Cushman & Wakefield, 'Data Center Development Cost Guide' (US markets, cost per MW of IT load)",
  date: "2025",
};
const llama3 = { ref: "https://arxiv.org/abs/2407.21783", title: "Llama Team, 'The Llama 3 Herd of Models', arXiv:2407.21783", date: "2024-07" };
const aws = (what: string, url: string) => ({ ref: url, title: `AWS pricing page — ${what}`, date: "2025" });

const defaults: EconomicsDefaults = {
  serverOverAcceleratorCost: (270_000 - 8 * 27_500) / (8 * 27_500),
  networkOverAcceleratorCost: 0.11 / 0.665,
  storageBytesPerChip: 240e15 / 16_384,
  storageUsdPerTerabyte: 100,
  facilityCapexUsdPerWatt: 11,
  facilityLifeYears: 15,
  operationsFractionPerYear: 0.05,
  utilization: 0.8,
  committedOverOnDemand: 2.4 / 3.5,
  rentedStorageUsdPerGigabyteMonth: 0.023,
  egressUsdPerGigabyte: 0.09,
  cpuUsdPerVcpuHour: 0.0446,
  nodesPerRack: 4,
  airCoolingLimitWattsPerRack: 41_000,
  podChipsPerRack: 64,
  servingTokensPerSecondPerChip: 3_000,
  notes:
    "Figures marked estimate are planner defaults, not measurements; override them with flags. The lecture's rules of thumb " +
    "(accelerators ~ half of owned cost; renters ~20% margin) are printed as checks against these, never used as inputs.",
  sources: {
    serverOverAcceleratorCost: estimate(
      src.epoch_h100_cost_nb,
      "DGX H100 ~$270,000; H100 $25k-30k",
      "($270k - 8 x $27.5k) / (8 x $27.5k) = 0.227: the non-GPU part of an 8-GPU server per dollar of GPUs.",
    ),
    networkOverAcceleratorCost: estimate(
      src.epoch_paper,
      "cluster interconnect 9-13%, accelerators ~66.5% of amortised cost",
      "Ratio of Epoch's midpoints, 11% / 66.5% = 0.165 of accelerator cost.",
    ),
    storageBytesPerChip: cite(llama3, "§3.3.1: 240 PB of Tectonic storage for 16,384 GPUs (14.6 TB per GPU)"),
    storageUsdPerTerabyte: estimate(
      llama3,
      "§3.3.1 storage size (no price published)",
      "Assumed ~$100/TB for a disaggregated flash + disk storage system including servers; an order-of-magnitude figure.",
    ),
    facilityCapexUsdPerWatt: estimate(cushman, "about $10-12M per MW of IT load", "Midpoint $11M/MW; not re-read from the original for this entry."),
    facilityLifeYears: estimate(cushman, "building shell, power and cooling plant", "Assumed 15-year life for the facility, longer than servers."),
    operationsFractionPerYear: estimate(
      src.epoch_paper,
      "staff costs are part of full development cost",
      "Assumed 5%/year of hardware capex for staff, spares and support contracts.",
    ),
    utilization: estimate(llama3, ">90% effective training time during a run", "Assumed 80% of all hours busy over the life, allowing for gaps between jobs."),
    committedOverOnDemand: estimate(
      src.epoch_prices,
      "H100 SXM neocloud prices $2.4-3.5/GPU-h",
      "Low over high end of the range (2.4/3.5 = 0.69) read as committed over on-demand.",
    ),
    rentedStorageUsdPerGigabyteMonth: aws("S3 Standard, first 50 TB: $0.023 per GB-month", "https://aws.amazon.com/s3/pricing/"),
    egressUsdPerGigabyte: aws("EC2 data transfer out to the internet, first 10 TB: $0.09 per GB", "https://aws.amazon.com/ec2/pricing/on-demand/"),
    cpuUsdPerVcpuHour: aws("EC2 c7i.large on-demand (us-east-1) $0.0893/h for 2 vCPU", "https://aws.amazon.com/ec2/pricing/on-demand/"),
    nodesPerRack: estimate(src.nv_dgx_h100_quoted, "~10.2 kW per DGX H100", "Four 10.2 kW nodes fill a ~40 kW air-cooled rack (the lecture notes two per rack in older halls)."),
    airCoolingLimitWattsPerRack: estimate(
      src.uptime_2024_summary,
      "average rack density below 8-10 kW",
      "~40 kW is the usual practical ceiling of air cooling with containment (four 10.2 kW DGX H100 per rack run on air, hence 41 kW); above it racks go liquid (GB200 NVL72 ~120 kW).",
    ),
    podChipsPerRack: estimate(src.scalingbook_tpus, "TPU v4/v5p: 4x4x4 = 64-chip cube per rack", "One cube per rack."),
    servingTokensPerSecondPerChip: estimate(
      { ref: "https://mlcommons.org/benchmarks/inference-datacenter/", title: "MLPerf Inference v4.0 datacenter results, Llama-2-70B offline", date: "2024-03" },
      "8 x H100 SXM ~24,500 tokens/s offline",
      "Divided by 8 and rounded to 3,000 tokens/s per chip; other chips scale by memory bandwidth (decode-bound).",
    ),
  },
};

function validate(value: unknown): EconomicsDefaults {
  const parsed = EconomicsDefaults.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`catalog economics defaults: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const missing = unsourcedFields(parsed.data as Record<string, unknown>);
  if (missing.length > 0) throw new Error(`catalog economics defaults: unsourced fields ${missing.join(", ")}`);
  return parsed.data;
}

/** Validated, sourced economics defaults. */
export const economicsDefaults: Readonly<EconomicsDefaults> = validate(defaults);
