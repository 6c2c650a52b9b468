/**
 * `danlu validate`: the backtest against published runs, predicted vs published and the MAPE.
 * @module
 */
import type { CAC } from "cac";
import { formatNumber, formatPercent } from "../../../units/format.ts";
import { runTrainingBacktest } from "../../../validation/backtest.ts";
import { runInferBacktest } from "../../../validation/infer-backtest.ts";
import { skippedRows } from "../../../validation/training-cases.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { inferValidateText } from "./infer.ts";

export function validateText(json: boolean): string {
  const s = runTrainingBacktest();
  if (json) return toJson({ ...s, skippedRows });
  const section = (kind: "throughput" | "partial" | "aggregate", unit: string) =>
    table(
      ["row", "chips", "model", "plan", `predicted ${unit}`, `published ${unit}`, "error"],
      s.rows
        .filter((r) => r.kind === kind)
        .map((r) => [r.rowId, `${r.chipCount}× ${r.chip}`, r.model, r.plan, formatNumber(r.predicted), formatNumber(r.published), formatPercent(r.error)]),
    );
  const lines = [
    "Training backtest — tokens/s per chip, runs with a full parallel plan",
    section("throughput", "tok/s/chip"),
    `throughput MAPE ${formatPercent(s.throughputMape)} over ${s.rows.filter((r) => r.kind === "throughput").length} rows (max |error| ${formatPercent(s.throughputMaxError)})`,
  ];
  if (s.partialCount) {
    lines.push("", "Partly published plans — danlu chooses the rest (the best plan: an upper bound for older or simpler stacks)", section("partial", "tok/s/chip"));
    lines.push(`partial-plan MAPE ${formatPercent(s.partialMape)} over ${s.partialCount} rows`);
  }
  if (s.aggregateCount) {
    lines.push("", "Aggregate rows — total chip-hours of a model release (include restarts and evaluation)", section("aggregate", "chip-hours"));
    lines.push(`aggregate rows within ±30%: ${s.aggregateWithin30} of ${s.aggregateCount}`);
  }
  lines.push(
    "",
    `Not expressible (${Object.keys(skippedRows).length}): ${Object.entries(skippedRows)
      .map(([id, why]) => `${id} (${why})`)
      .join("; ")}`,
  );
  const inference = runInferBacktest(undefined, { crossValidate: true });
  const cv = inference.crossValidation as NonNullable<typeof inference.crossValidation>;
  lines.push(
    "",
    "Summary",
    `  training throughput (tokens/s per chip): MAPE ${formatPercent(s.throughputMape)} over ${s.rows.filter((r) => r.kind === "throughput").length} rows, max |error| ${formatPercent(s.throughputMaxError)}`,
    `  training, partly published plans: MAPE ${formatPercent(s.partialMape)} over ${s.partialCount} rows`,
    `  training aggregates (release GPU-hours): ${s.aggregateWithin30} of ${s.aggregateCount} within ±30%`,
    `  serving, cross-validated (leave one source family out): MAPE ${formatPercent(cv.crossValidatedMape)} over ${cv.rows.length} rows (in-sample ${formatPercent(cv.inSampleMape)}); throughput ${formatPercent(cv.crossValidatedThroughputMape)} (in-sample ${formatPercent(cv.inSampleThroughputMape)}), TPOT ${formatPercent(cv.crossValidatedTpotMape)} (in-sample ${formatPercent(cv.inSampleTpotMape)})`,
    `  inference output throughput (in-sample): MAPE ${formatPercent(inference.throughputMape)} over ${inference.throughputCount} rows; TPOT: MAPE ${formatPercent(inference.tpotMape)} over ${inference.tpotCount} rows (${formatPercent(inference.tpotConcurrencyMape)} at a known concurrency, ${formatPercent(inference.tpotRateMape)} at a request rate) — details: danlu validate --infer`,
  );
  return lines.join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("validate", "Backtest danlu against published training runs (predicted vs published, MAPE)")
    .option("--json", "Print rows and summary as JSON")
    .option("--infer", "Backtest the inference model instead (throughput and TPOT)")
    .example("danlu validate")
    .example("danlu validate --infer")
    .action((flags: { json?: boolean; infer?: boolean }) => guard(() => out.write(flags.infer ? inferValidateText(!!flags.json) : validateText(!!flags.json)), out));
}
