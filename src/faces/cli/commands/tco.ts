/**
 * `danlu tco`: build vs rent for N chips over Y years: owned vs rented $/chip-hour, break-even utilization and
 * months, a training run's and a million served tokens' cost under each, the lecture's rules as checks;
 * `--explain` lists every default with its source.
 * @module
 */
import type { CAC } from "cac";
import { ruleLine, ruleOfThumbSource } from "../../../planners/rules-of-thumb.ts";
import { planTco } from "../../../planners/tco.ts";
import { planTrain } from "../../../planners/train.ts";
import { formatNumber, formatPercent, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { pricesHelp, readPricesFile } from "../prices.ts";
import { wrapText } from "../table.ts";
import { defaultTrainScenario } from "./train.ts";

const num = (v: unknown) => (v === undefined ? undefined : Number(v));
const usd = (v: number | undefined) => (v === undefined ? "—" : formatUsd(v));
const months = (v: number | undefined) => (v === undefined ? "—" : Number.isFinite(v) ? `${formatNumber(v)} months` : "never");
const util = (v: number | undefined) => (v === undefined ? "—" : v > 1 ? "never (above 100%)" : formatPercent(v));

/** Chip-hours (with goodput) of the default 405B run on this chip, or undefined when it cannot run. */
function defaultRunChipHours(chip: string): number | undefined {
  try {
    const { parallelism, ...rest } = defaultTrainScenario;
    const r = planTrain(chip === "h100-sxm" ? defaultTrainScenario : { ...rest, hardware: { chip, count: 16384 } });
    void parallelism;
    return r.fits ? r.chipHours / r.goodput : undefined;
  } catch {
    return undefined;
  }
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("tco", "Build vs rent: owned vs rented $/chip-hour, break-even")
    .option("--chip <id>", "Chip id", { default: "h100-sxm" })
    .option("--count <n>", "Number of chips", { default: 1024 })
    .option("--years <y>", "Depreciation life in years (default 5)")
    .option("--utilization <u>", "Fraction of hours busy, 0-1 (default 0.8)")
    .option("--system <id>", "System id")
    .option("--pue <x>", "Power usage effectiveness (default 1.3)")
    .option("--kwh <usd>", "Electricity price, USD per kWh (default 0.08)")
    .option("--price <usd>", "On-demand rental, USD per chip-hour (default: catalog)")
    .option("--purchase <usd>", "Accelerator purchase price, USD (default: catalog)")
    .option("--prices <file>", pricesHelp)
    .option("--chip-hours <n>", "Chip-hours of a training run to price (default: the 405B default run with goodput)")
    .option("--serve-tps <n>", "Serving tokens/s per chip (default: MLPerf H100 reference scaled by memory bandwidth)")
    .option("--vcpus <n>", "vCPUs rented per chip (left out of $/chip-hour)")
    .option("--egress <gb>", "Internet egress per chip per month, GB")
    .option("--explain", "List every default with its source")
    .option("--json", "Print JSON")
    .example("danlu tco --chip h100-sxm --count 1024 --years 4 --explain")
    .action((f: Record<string, unknown>) =>
      guard(() => {
        const chipHours = num(f.chipHours) ?? defaultRunChipHours(String(f.chip));
        const r = planTco({
          chip: f.chip,
          count: num(f.count),
          years: num(f.years),
          utilization: num(f.utilization),
          system: f.system,
          powerUsageEffectiveness: num(f.pue),
          electricityUsdPerKilowattHour: num(f.kwh),
          usdPerChipHour: num(f.price),
          purchaseUsd: num(f.purchase),
          trainChipHours: chipHours,
          servingTokensPerSecondPerChip: num(f.serveTps),
          vcpusPerChip: num(f.vcpus),
          egressGigabytesPerChipMonth: num(f.egress),
          ...(f.prices ? { prices: readPricesFile(String(f.prices)) } : {}),
        });
        if (f.json) return out.write(toJson(r));
        const c = r.perChip;
        const o = c.ownedPerChipUsd;
        const lines = [
          `${r.chip} × ${formatNumber(r.count)}, ${r.years} years at ${formatPercent(r.utilization)} utilization; facility ${formatNumber(r.power.facilityMegawatts)} MW`,
        ];
        lines.push(
          table(
            ["owned, per chip over the life", "USD", "share"],
            [...Object.entries(o).map(([k, v]) => [k, formatUsd(v), formatPercent(v / c.ownedTotalPerChipUsd)]), ["total", formatUsd(c.ownedTotalPerChipUsd), "100%"]],
          ),
        );
        lines.push(
          table(
            ["$/chip-hour", "owned", "rented on-demand", "rented committed"],
            [
              ["price", usd(c.ownedUsdPerChipHour), usd(c.rentedOnDemandUsdPerChipHour), usd(c.rentedCommittedUsdPerChipHour)],
              ["+ what renting leaves out (storage, egress, CPU)", "—", usd(c.rentedOnDemandAllInUsdPerChipHour), usd(c.rentedCommittedAllInUsdPerChipHour)],
              ["break-even utilization (own cheaper above)", "—", util(c.breakEvenUtilizationOnDemand), util(c.breakEvenUtilizationCommitted)],
              ["break-even (months of rent = capex)", "—", months(c.breakEvenMonthsOnDemand), months(c.breakEvenMonthsCommitted)],
              ...(r.trainRun
                ? [
                    [
                      `training run (${formatNumber(r.trainRun.chipHours / 1e6)}M chip-hours)`,
                      usd(r.trainRun.ownedUsd),
                      usd(r.trainRun.rentedOnDemandUsd),
                      usd(r.trainRun.rentedCommittedUsd),
                    ],
                  ]
                : []),
              [
                `1M served tokens (${formatNumber(r.serving.tokensPerSecondPerChip)} tok/s/chip)`,
                usd(r.serving.ownedUsdPerMillionTokens),
                usd(r.serving.rentedOnDemandUsdPerMillionTokens),
                usd(r.serving.rentedCommittedUsdPerMillionTokens),
              ],
            ],
          ),
        );
        lines.push(`cluster: ${formatUsd(r.cluster.upfrontUsd)} upfront, ${formatUsd(r.cluster.ownedTotalUsd)} owned over ${r.years} years`);
        for (const k of r.checks)
          lines.push(...wrapText(ruleLine(k.rule, k.holds, k.expected.includes("%") ? formatPercent(k.measured) : `×${formatNumber(k.measured)}`, k.expected)));
        lines.push(...wrapText(`rules of thumb from ${ruleOfThumbSource.citation}`));
        if (f.explain) {
          lines.push(
            table(
              ["default", "value", "source"],
              r.assumptions.map((a) => [
                a.name,
                typeof a.value === "number" ? formatNumber(a.value) : a.value,
                a.source ? `${a.source.title} (${a.source.ref}, ${a.source.date})${a.source.estimate ? ` — estimate: ${a.source.estimate}` : ""}` : "given",
              ]),
            ),
          );
        }
        out.write(lines.join("\n"));
      }, out),
    );
}
