/**
 * `danlu power`: IT and facility power of a cluster, racks, kW per rack and the cooling it implies, and energy per run.
 * @module
 */
import type { CAC } from "cac";
import { planPower } from "../../../planners/power.ts";
import { formatNumber, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";

const num = (v: unknown) => (v === undefined ? undefined : Number(v));

export function register(cli: CAC, out: Output): void {
  cli
    .command("power", "IT and facility power, racks, cooling and energy of a cluster")
    .option("--chip <id>", "Chip id", { default: "h100-sxm" })
    .option("--count <n>", "Number of chips", { default: 16384 })
    .option("--system <id>", "System id (node or rack)")
    .option("--pue <x>", "Power usage effectiveness (default 1.3)")
    .option("--kwh <usd>", "Electricity price, USD per kWh (default 0.08)")
    .option("--days <d>", "Run length in days, for energy and its cost")
    .option("--json", "Print JSON")
    .example("danlu power --chip h100-sxm --count 16384 --days 54")
    .example("danlu power --chip gb200 --count 72")
    .action((f: Record<string, unknown>) =>
      guard(() => {
        const r = planPower({
          chip: f.chip,
          count: num(f.count),
          system: f.system,
          powerUsageEffectiveness: num(f.pue),
          electricityUsdPerKilowattHour: num(f.kwh),
          days: num(f.days),
        });
        if (f.json) return out.write(toJson(r));
        const rows: Array<[string, string]> = [
          ["chip power at load", `${formatNumber(r.chipWatts)} W × ${formatNumber(r.count)} = ${formatNumber(r.acceleratorWatts / 1e6)} MW`],
          ["host/network/storage per chip", `${formatNumber(r.hostOverheadWattsPerChip)} W`],
          ["IT power", `${formatNumber(r.itWatts / 1e6)} MW`],
          ["PUE", formatNumber(r.powerUsageEffectiveness)],
          ["facility power", `${formatNumber(r.facilityMegawatts)} MW (${formatNumber(r.facilityWattsPerChip)} W per chip)`],
          ["racks", `${formatNumber(r.racks)} × ${r.chipsPerRack} chips, ${formatNumber(r.kilowattsPerRack)} kW each → ${r.cooling} cooling`],
          ["electricity", `${formatUsd(r.usdPerHour)}/hour at $${r.electricityUsdPerKilowattHour}/kWh`],
        ];
        if (r.run) rows.push(["energy for the run", `${formatNumber(r.run.megawattHours)} MWh over ${r.run.days} days = ${formatUsd(r.run.costUsd)}`]);
        out.write(`${r.chip} × ${formatNumber(r.count)}${r.system ? ` (${r.system})` : ""}\n${table(["power", "value"], rows)}`);
      }, out),
    );
}
