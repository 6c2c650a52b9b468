/**
 * `danlu compare`: every catalog chip on one training workload (default: the 405B run on 16,384 chips), ranked
 * by days with goodput, with chip-hours, $ owned and rented, MWh, and why a chip cannot run it.
 * @module
 */
import type { CAC } from "cac";
import { compareTrain } from "../../../planners/compare.ts";
import { formatNumber, formatPercent, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { defaultTrainScenario, type TrainFlags, trainScenarioFromFlags } from "./train.ts";

export function register(cli: CAC, out: Output): void {
  cli
    .command("compare", "Rank catalog chips for one training run: days, chip-hours, $ owned and rented, MWh")
    .option("--scenario <file>", "Train scenario (default: Llama 3.1 405B, 15.6T tokens, 16,384 chips)")
    .option("--model <id>", "Catalog model id")
    .option("--count <n>", "Number of chips")
    .option("--tokens <n>", "Training tokens")
    .option("--seq <n>", "Sequence length")
    .option("--batch <n>", "Global batch tokens")
    .option("--chips <ids>", "Comma-separated chip ids (default: all)")
    .option("--json", "Print JSON")
    .example("danlu compare")
    .action((f: TrainFlags & { chips?: string }) =>
      guard(() => {
        const scenario = (f.scenario || f.model ? trainScenarioFromFlags({ ...f, chip: f.chip ?? "h100-sxm" }) : trainScenarioFromFlags({ ...f, chip: defaultTrainScenario.hardware.chip, count: f.count ?? defaultTrainScenario.hardware.count, model: defaultTrainScenario.model, tokens: f.tokens ?? defaultTrainScenario.training.tokens, seq: f.seq ?? defaultTrainScenario.training.sequenceLength, batch: f.batch ?? defaultTrainScenario.training.globalBatchTokens })) as Record<string, unknown>;
        const rows = compareTrain(scenario, f.chips ? f.chips.split(",").map((s) => s.trim()) : undefined);
        if (f.json) return out.write(toJson(rows));
        const v = (x: number | undefined, fmt: (n: number) => string) => (x === undefined ? "—" : fmt(x));
        out.write(
          table(
            ["chip", "plan", "days", "goodput", "MFU", "chip-hours", "$ owned", "$ rented", "MWh", "why not"],
            rows.map((r) => [
              r.chip,
              r.parallelism ?? "—",
              v(r.days, formatNumber),
              v(r.goodput, formatPercent),
              v(r.mfu, formatPercent),
              v(r.chipHours, (n) => `${formatNumber(n / 1e6)}M`),
              v(r.ownedUsd, formatUsd),
              v(r.rentedUsd, formatUsd),
              v(r.megawattHours, formatNumber),
              r.reason ?? "",
            ]),
          ),
        );
      }, out),
    );
}
