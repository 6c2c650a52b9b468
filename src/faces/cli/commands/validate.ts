/**
 * `danlu validate`: the backtest against published runs, predicted vs published and the MAPE.
 * @module
 */
import type { CAC } from "cac";
import { formatNumber, formatPercent } from "../../../units/format.ts";
import { runTrainingBacktest } from "../../../validation/backtest.ts";
import { trainingCrossValidation } from "../../../validation/cross-validation.ts";
import { runInferBacktest } from "../../../validation/infer-backtest.ts";
import { runFinetuneBacktest } from "../../../validation/finetune-backtest.ts";
import { skippedRows } from "../../../validation/training-cases.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { inferValidateText } from "./infer.ts";

export function validateText(json: boolean, refit = false): string {
  const s = runTrainingBacktest();
  const cv = trainingCrossValidation({ refit });
  if (json) return toJson({ ...s, crossValidation: cv, skippedRows });
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
    `throughput MAPE ${formatPercent(s.throughputMape)} in-sample over ${s.rows.filter((r) => r.kind === "throughput").length} rows (max |error| ${formatPercent(s.throughputMaxError)})`,
    "",
    "Leave-one-source-out cross-validation — shared parameters refit without each source family, its rows predicted",
    table(
      ["source family", "rows", "in-sample MAPE", "cross-validated MAPE"],
      cv.families.map((f) => [f.sourceFamily, String(f.rows), formatPercent(f.inSampleMape), formatPercent(f.crossValidatedMape)]),
    ),
    `cross-validated MAPE ${formatPercent(cv.crossValidatedMape)} over ${cv.rows.length} rows in ${cv.families.length} source families (in-sample ${formatPercent(cv.inSampleMape)}; max |error| ${formatPercent(cv.crossValidatedMaxError)})`,
    cv.computed === "snapshot"
      ? "(folds read from src/validation/data/training-cross-validation.json, which reproduces every row's in-sample prediction; --refit runs them, about a minute)"
      : "(folds refit now)",
    cv.moe.rows
      ? `MoE rows: cross-validated MAPE ${formatPercent(cv.moe.crossValidatedMape)}, in-sample ${formatPercent(cv.moe.inSampleMape)} over ${cv.moe.rows} rows`
      : "MoE rows: none with a full plan yet",
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
  const serveCv = inference.crossValidation as NonNullable<typeof inference.crossValidation>;
  lines.push(
    "",
    "Summary",
    `  training throughput (tokens/s per chip): cross-validated MAPE ${formatPercent(cv.crossValidatedMape)} (leave-one-source-out, ${cv.families.length} families; the error to expect on a new run), in-sample ${formatPercent(s.throughputMape)}, over ${s.rows.filter((r) => r.kind === "throughput").length} rows; max |error| in-sample ${formatPercent(s.throughputMaxError)}`,
    cv.moe.rows
      ? `  training MoE rows: cross-validated ${formatPercent(cv.moe.crossValidatedMape)}, in-sample ${formatPercent(cv.moe.inSampleMape)} over ${cv.moe.rows} rows`
      : "  training MoE rows: none with a full plan yet",
    `  training, partly published plans: MAPE ${formatPercent(s.partialMape)} over ${s.partialCount} rows`,
    `  training aggregates (release GPU-hours): ${s.aggregateWithin30} of ${s.aggregateCount} within ±30%`,
    `  serving, cross-validated (leave one source family out): MAPE ${formatPercent(serveCv.crossValidatedMape)} over ${serveCv.rows.length} rows (in-sample ${formatPercent(serveCv.inSampleMape)}); throughput ${formatPercent(serveCv.crossValidatedThroughputMape)} (in-sample ${formatPercent(serveCv.inSampleThroughputMape)}), TPOT ${formatPercent(serveCv.crossValidatedTpotMape)} (in-sample ${formatPercent(serveCv.inSampleTpotMape)})`,
    `  inference output throughput (in-sample): MAPE ${formatPercent(inference.throughputMape)} over ${inference.throughputCount} rows; TPOT: MAPE ${formatPercent(inference.tpotMape)} over ${inference.tpotCount} rows (${formatPercent(inference.tpotConcurrencyMape)} at a known concurrency, ${formatPercent(inference.tpotRateMape)} at a request rate) — details: danlu validate --infer`,
  );
  return lines.join("\n");
}

/** The fine-tuning backtest: published memory figures and context limits (issue 15). */
export function finetuneValidateText(json: boolean): string {
  const s = runFinetuneBacktest();
  if (json) return toJson(s);
  const show = (kind: string, v: number) => (kind === "memory" ? `${formatNumber(v / 1e9)} GB` : kind === "fits" ? (v ? "fits" : "does not fit") : `${formatNumber(v)} tokens`);
  const rows = s.rows.map((r) => [
    r.id,
    r.kind,
    show(r.kind, r.predicted),
    show(r.kind, r.published),
    r.kind === "fits" ? (r.error === 0 ? "agrees" : "disagrees") : formatPercent(r.error),
  ]);
  return [
    "Fine-tuning backtest — published peak memory per GPU, fit claims and longest fitting context",
    table(["row", "kind", "predicted", "published", "error"], rows),
    `memory MAPE ${formatPercent(s.memoryMape)} over ${s.rows.filter((r) => r.kind === "memory").length} rows; longest-context MAPE ${formatPercent(s.maxContextMape)} over ${s.rows.filter((r) => r.kind === "maxContext").length} rows; fit claims agreeing: ${s.fitsAgree} of ${s.fitsCount}`,
  ].join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("validate", "Backtest against published runs: in-sample and cross-validated MAPE")
    .option("--json", "Print rows and summary as JSON")
    .option("--infer", "Backtest the inference model instead (throughput and TPOT)")
    .option("--finetune", "Backtest the fine-tuning planner instead (memory, fit claims, longest context)")
    .option("--refit", "Run the cross-validation folds now instead of reading their checked-in result (about a minute)")
    .example("danlu validate")
    .example("danlu validate --infer")
    .action((flags: { json?: boolean; infer?: boolean; finetune?: boolean; refit?: boolean }) =>
      guard(() => out.write(flags.finetune ? finetuneValidateText(!!flags.json) : flags.infer ? inferValidateText(!!flags.json) : validateText(!!flags.json, !!flags.refit)), out),
    );
}
