/**
 * Facility and economics defaults (PUE, electricity, colocation, depreciation, capex shares, rack power, rental
 * reference prices), each sourced from `../shared/hardware-facts.json` `facility`. Validated at module load.
 * @module
 */
import { z } from "zod";
import { cite, estimate, src } from "./bibliography.ts";
import { Sources, unsourcedFields } from "./schema.ts";

const positive = z.number().finite().positive();
const fraction = z.number().finite().min(0).max(1);

/** A closed interval of plausible values around a default. */
export const Range = z
  .object({ low: positive, high: positive })
  .strict()
  .refine((r) => r.low <= r.high, { message: "low must not exceed high" });
export type Range = z.infer<typeof Range>;

export const FacilityDefaults = z
  .object({
    /** Facility power / IT power; planner default for a new large AI facility. */
    powerUsageEffectiveness: positive.min(1),
    /** Industry-average PUE including legacy sites (alternative default). */
    powerUsageEffectivenessIndustryAverage: positive.min(1),
    electricityUsdPerKilowattHour: positive,
    electricityUsdPerKilowattHourRange: Range,
    colocationUsdPerKilowattMonth: positive,
    colocationUsdPerKilowattMonthRange: Range,
    /** Accounting useful life of accelerators/servers, years. */
    depreciationYears: positive,
    depreciationYearsRange: Range,
    /** Shares of amortised hardware + energy cost of a frontier training cluster (sum to 1). */
    capexShares: z
      .object({ accelerators: fraction, serverComponents: fraction, clusterInterconnect: fraction, energy: fraction })
      .strict()
      .refine((s) => Math.abs(s.accelerators + s.serverComponents + s.clusterInterconnect + s.energy - 1) < 1e-9, {
        message: "capex shares must sum to 1",
      }),
    /** Reference power points, watts. */
    rackPowerWatts: z.record(z.string(), positive),
    /** Indicative rental prices, USD per accelerator-hour, as ranges. */
    rentalReferenceUsdPerChipHour: z.record(z.string(), Range),
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict();
export type FacilityDefaults = z.infer<typeof FacilityDefaults>;

const defaults: FacilityDefaults = {
  powerUsageEffectiveness: 1.3,
  powerUsageEffectivenessIndustryAverage: 1.56,
  electricityUsdPerKilowattHour: 0.08,
  electricityUsdPerKilowattHourRange: { low: 0.0604, high: 0.1729 },
  colocationUsdPerKilowattMonth: 196.25,
  colocationUsdPerKilowattMonthRange: { low: 150, high: 196.25 },
  depreciationYears: 5,
  depreciationYearsRange: { low: 4, high: 6 },
  capexShares: { accelerators: 0.665, serverComponents: 0.185, clusterInterconnect: 0.11, energy: 0.04 },
  rackPowerWatts: {
    typicalEnterpriseRack: 8_000,
    dgxH100Node: 10_200,
    dgxB200Node: 14_300,
    dgxB300Node: 14_000,
    gb200Nvl72Rack: 120_000,
    gb300Nvl72Rack: 135_000,
    gb200RackPowerDeliveryCapacity: 264_000,
  },
  rentalReferenceUsdPerChipHour: {
    "h100-sxm-neocloud": { low: 2.4, high: 3.5 },
    "h100-sxm-hyperscaler-on-demand": { low: 11, high: 12.3 },
    "a100-sxm-80gb": { low: 1.6, high: 5.1 },
    "h200-sxm-aws": { low: 10.6, high: 10.6 },
    "h800-sxm-deepseek-assumption": { low: 2.0, high: 2.0 },
    "tpu-v4-on-demand": { low: 3.22, high: 3.22 },
    "tpu-v5e-on-demand": { low: 1.2, high: 1.2 },
    "tpu-v6e-on-demand": { low: 2.7, high: 2.7 },
  },
  notes:
    "Hyperscale facilities run PUE 1.1-1.2 (secondary). Electricity: US industrial only; state averages spanned 6-17 c/kWh " +
    "in Apr 2025. Depreciation: accounting lives (Microsoft/Alphabet 6 y, Amazon 5-6, Meta 5.5); economic life for frontier " +
    "training is often shorter. Prices are dated snapshots.",
  sources: {
    powerUsageEffectiveness: cite(src.uptime_2024_summary, "new large facilities 1.3 or better"),
    powerUsageEffectivenessIndustryAverage: cite(src.uptime_pue_2024_statista, "2024 survey average 1.56"),
    electricityUsdPerKilowattHour: estimate(
      src.eia_statista_industrial,
      "US industrial 8.06 c/kWh (2023), 8.3 (2022)",
      "Rounded planner default of 8 c/kWh; a secondary quote gives 8.62 c/kWh for 2025.",
    ),
    electricityUsdPerKilowattHourRange: cite(src.eia_table_5_6a, "Apr 2025 state industrial prices: Iowa 6.04 ... New England 17.29 c/kWh"),
    colocationUsdPerKilowattMonth: estimate(
      src.eia_2025_secondary,
      "CBRE primary-market wholesale colocation asking rate $196.25/kW/month",
      "Seen only as a secondary quote of CBRE.",
    ),
    colocationUsdPerKilowattMonthRange: estimate(src.eia_2025_secondary, "Northern Virginia H2 2023 $150-190/kW-month; CBRE average $196.25", "Secondary quotes of CBRE reports."),
    depreciationYears: cite(src.hyperscaler_depr, "hyperscaler server useful lives 4-6 years; planner default 5"),
    depreciationYearsRange: cite(src.hyperscaler_depr, "Microsoft 4->6 (FY2023), Alphabet 6, Amazon 5, Meta 5"),
    capexShares: estimate(
      src.epoch_paper,
      "server components 15-22%, cluster interconnect 9-13%, energy 2-6% of amortised cost",
      "Midpoints of Epoch's ranges (18.5%, 11%, 4%); accelerators take the remainder (66.5%).",
    ),
    "rackPowerWatts.dgxH100Node": cite(src.nv_dgx_h100_quoted, "~10.2 kW max"),
    "rackPowerWatts.typicalEnterpriseRack": cite(src.uptime_2024_summary, "average rack density below 8-10 kW"),
    "rackPowerWatts.dgxB200Node": cite(src.nv_dgx_b200_repro, "~14.3 kW max"),
    "rackPowerWatts.dgxB300Node": estimate(src.klockwood_b300, "~14 kW per unit", "Secondary quote of NVIDIA; unverified."),
    "rackPowerWatts.gb200Nvl72Rack": estimate(src.awesomeagents_gb200, "~120 kW", "Commonly reported; not on NVIDIA's spec table."),
    "rackPowerWatts.gb300Nvl72Rack": cite(src.mleng_accel, "NVIDIA Mission Control planning budget 135 kW"),
    "rackPowerWatts.gb200RackPowerDeliveryCapacity": cite(src.nv_bcm_powershelf, "8 shelves x 33 kW (PSU capacity, not draw)"),
    rentalReferenceUsdPerChipHour: cite(src.epoch_prices, "archived provider list prices, mostly 2024-03 / 2025-03"),
    "rentalReferenceUsdPerChipHour.h800-sxm-deepseek-assumption": cite(src.deepseek_v3, "'$2 per GPU hour' (assumption)"),
  },
};

function validate(value: unknown): FacilityDefaults {
  const parsed = FacilityDefaults.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`catalog facility defaults: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const missing = unsourcedFields(parsed.data as Record<string, unknown>);
  if (missing.length > 0) throw new Error(`catalog facility defaults: unsourced fields ${missing.join(", ")}`);
  return parsed.data;
}

/** Validated, sourced facility defaults. */
export const facilityDefaults: Readonly<FacilityDefaults> = validate(defaults);
