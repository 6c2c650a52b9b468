/**
 * `danlu forecast`: fitted hardware trends (doubling times, R²) and the projected cost, days and energy of the
 * default 405B run for the next years, against the lecture's "half the price, or half the time, or twice the model".
 * @module
 */
import type { CAC } from "cac";
import { chips } from "../../../planners/catalog.ts";
import { InputError, nearestIds } from "../../../errors.ts";
import { clearTrendRSquared, forecast } from "../../../planners/forecast.ts";
import { ruleOfThumbSource } from "../../../planners/rules-of-thumb.ts";
import { planTrain } from "../../../planners/train.ts";
import { formatNumber, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { wrapText } from "../table.ts";
import { defaultTrainScenario } from "./train.ts";

export function register(cli: CAC, out: Output): void {
  cli
    .command("forecast", "Hardware trends and a run's cost, time and energy ahead")
    .option("--from <year>", "Year the baseline is priced in (default: this year)")
    .option("--years <n>", "Years to project", { default: 3 })
    .option("--vendor <name>", "Fit the trends on one vendor's data-centre chips (e.g. NVIDIA, AMD, Google)")
    .option("--json", "Print JSON")
    .example("danlu forecast")
    .example("danlu forecast --vendor nvidia --years 5")
    .action((f: Record<string, unknown>) =>
      guard(() => {
        const run = planTrain(defaultTrainScenario);
        const vendors = [...new Set(chips.map((c) => c.vendor))];
        let pool: typeof chips | undefined;
        if (f.vendor !== undefined) {
          const wanted = String(f.vendor).toLowerCase();
          pool = chips.filter((c) => c.vendor.toLowerCase() === wanted && c.use !== "inference");
          if (pool.length < 3)
            throw new InputError({
              path: "--vendor",
              value: JSON.stringify(f.vendor),
              expected: "a vendor with at least three data-centre chips in the catalog",
              suggestions: nearestIds(
                wanted,
                vendors.map((v) => v.toLowerCase()),
              ),
            });
        }
        const baseYear = f.from !== undefined ? Number(f.from) : new Date().getFullYear();
        const r = forecast(
          {
            description: `${run.model} on ${run.chipCount} × ${run.chip}, ${run.precision}, rented`,
            costUsd: (run.costUsd ?? 0) / run.goodput,
            days: run.wallClockDaysWithGoodput,
            megawattHours: run.energyMegawattHours / run.goodput,
          },
          baseYear,
          Number(f.years),
          pool,
        );
        if (f.json) return out.write(toJson(r));
        const lines = [
          table(
            [`trend (${f.vendor ? `${String(f.vendor)} ` : ""}data-centre chips by release year)`, "chips", "doubling", "×/year", "R²"],
            r.trends.map((t) => [
              t.label,
              t.points,
              t.doublingYears !== undefined
                ? `${formatNumber(t.doublingYears)} y`
                : t.halvingYears !== undefined
                  ? `halves in ${formatNumber(t.halvingYears)} y`
                  : "no clear trend",
              formatNumber(t.annualFactor),
              formatNumber(t.rSquared, 2),
            ]),
          ),
          `baseline (${baseYear}): ${r.baseline.description}: ${formatUsd(r.baseline.costUsd)}, ${formatNumber(r.baseline.days)} days, ${formatNumber(r.baseline.megawattHours)} MWh`,
          table(
            ["year", "cost (per-$ trend)", "days (same chip count)", "MWh (per-W trend)", "model at same budget"],
            r.projections.map((p) => [p.year, formatUsd(p.costUsd), formatNumber(p.days), formatNumber(p.megawattHours), `×${formatNumber(p.modelScale)}`]),
          ),
          ...wrapText(`rule of thumb (${ruleOfThumbSource.short}): each year half the price, or half the time, or twice the model — against the catalog's fit:`),
          ...r.lecture.flatMap((l) =>
            wrapText(
              l.clearTrend
                ? `  ${l.claim}: rule ×${l.lectureFactorPerYear}/year, fitted ×${formatNumber(l.fittedFactorPerYear)}/year (R² ${formatNumber(l.rSquared, 2)}) — ${l.fittedFactorPerYear >= l.lectureFactorPerYear * 0.8 ? "holds here" : "does not hold here"}`
                : `  ${l.claim}: rule ×${l.lectureFactorPerYear}/year — no clear trend in the catalog (R² ${formatNumber(l.rSquared, 2)} < ${formatNumber(clearTrendRSquared)}), so no verdict`,
              undefined,
              "    ",
            ),
          ),
          ...wrapText(`source: ${ruleOfThumbSource.citation}`),
        ];
        out.write(lines.join("\n"));
      }, out),
    );
}
