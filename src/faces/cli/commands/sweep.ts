/**
 * `danlu sweep`: the best plan for every cell of models × chips × counts × precisions, over worker
 * threads; a progress bar on stderr when it is a terminal and the sweep runs over a second; table,
 * CSV or JSON out.
 * @module
 */
import { writeFileSync } from "node:fs";
import type { CAC } from "cac";
import { InputError } from "../../../errors.ts";
import type { TrainPrecision } from "../../../planners/train.ts";
import { type Objective, objectives } from "../../../planners/search.ts";
import { rankRows, type SweepRow, toCsv } from "../../../planners/sweep.ts";
import { runSweep } from "../../node/sweep-pool.ts";
import { formatBytes, formatNumber, formatPercent, formatSeconds, formatSi } from "../../../units/format.ts";
import { parseQuantity, parseSequenceLength } from "../../../units/parse.ts";
import { progressBar } from "../progress.ts";
import { guard, loadModelReference, type Output, table, toJson } from "../io.ts";

interface SweepFlags {
  models?: string;
  chips?: string;
  counts?: string;
  precisions?: string;
  tokens?: string | number;
  seq?: string | number;
  batch?: string | number;
  objective?: string;
  format?: string;
  out?: string;
  workers?: number;
}

const list = (v: unknown) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function quantity(path: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const n = typeof v === "number" ? v : parseQuantity(String(v));
  if (n === undefined || !(n > 0)) throw new InputError({ path, value: String(v), expected: "a positive number, e.g. 15.6T or 16Mi" });
  return n;
}

function renderRows(rows: SweepRow[]): string {
  return table(
    ["model", "chip", "count", "prec", "plan", "memory", "step", "MFU", "days", "chip-hours", "MWh"],
    rows.map((r) =>
      r.fits
        ? [
            r.model,
            r.chip,
            formatNumber(r.count),
            r.precision,
            `TP${r.tp}·PP${r.pp}·DP${r.dp}·CP${r.cp}${(r.ep ?? 1) > 1 ? `·EP${r.ep}` : ""} Z${r.zeroStage} mb${r.microBatchSize} v${r.virtualStages}${r.recompute === "none" ? "" : ` ${r.recompute}`}`,
            formatBytes(r.memoryPerChipBytes ?? 0),
            formatSeconds(r.stepTimeSeconds ?? 0),
            formatPercent(r.mfu ?? 0),
            formatNumber(r.wallClockDays ?? 0),
            formatSi(r.chipHours ?? 0),
            formatNumber(r.energyMegawattHours ?? 0),
          ]
        : [r.model, r.chip, formatNumber(r.count), r.precision, r.error ?? "no plan fits", "", "", "", "", "", ""],
    ),
  );
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("sweep", "Best plan for every model × chip × count × precision (CSV, JSON)")
    .option("--models <list>", "Comma list of model ids or config.json paths (default llama-3.1-70b)")
    .option("--chips <list>", "Comma list of chip ids (default h100-sxm)")
    .option("--counts <list>", "Comma list of chip counts (default 1024)")
    .option("--precisions <list>", "Comma list of training precisions (default bf16)")
    .option("--tokens <n>", "Training tokens (default 15T)")
    .option("--seq <n>", "Sequence length (default 8192)")
    .option("--batch <n>", "Global batch in tokens (default 16Mi)")
    .option("--objective <o>", "fastest | cheapest | energy (ranks the table)")
    .option("--format <f>", "table (default) | csv | json")
    .option("--out <file>", "Write CSV/JSON to a file instead of stdout")
    .option("--workers <n>", "Worker threads (default cores − 1; 0 = none)")
    .example("danlu sweep --models llama-3.1-8b,llama-3.1-70b --chips h100-sxm,b200,mi300x --counts 256,1024 --precisions bf16,fp8 --format csv")
    .action((flags: SweepFlags) =>
      guard(async () => {
        const objective = (flags.objective ?? "fastest") as Objective;
        if (!objectives.includes(objective)) throw new InputError({ path: "--objective", value: JSON.stringify(flags.objective), expected: objectives.join(" | ") });
        const format = flags.format ?? "table";
        if (!["table", "csv", "json"].includes(format)) throw new InputError({ path: "--format", value: JSON.stringify(format), expected: "table | csv | json" });
        const counts = list(flags.counts ?? "1024").map((c) => {
          const n = parseQuantity(c);
          if (n === undefined || !Number.isInteger(n) || n < 1) throw new InputError({ path: "--counts", value: JSON.stringify(c), expected: "positive whole chip counts" });
          return n;
        });
        const models = list(flags.models ?? "llama-3.1-70b").map((m) => (loadModelReference({ model: m }) as { model: string | Record<string, unknown> }).model);
        const workers = flags.workers === undefined ? undefined : Number(flags.workers);
        const grid = {
          models,
          chips: list(flags.chips ?? "h100-sxm"),
          counts,
          precisions: list(flags.precisions ?? "bf16") as TrainPrecision[],
          training: {
            tokens: quantity("--tokens", flags.tokens, 15e12),
            sequenceLength: quantity("--seq", typeof flags.seq === "string" ? (parseSequenceLength(flags.seq) ?? flags.seq) : flags.seq, 8192),
            globalBatchTokens: quantity("--batch", flags.batch, 16 * 2 ** 20),
          },
          objective,
        };
        const bar = progressBar("sweep", 0, "cells");
        const rows = await runSweep(grid, { workers, onProgress: (done, total) => bar.update(done, total) });
        bar.stop();
        const text = format === "csv" ? toCsv(rows) : format === "json" ? toJson(rows) : renderRows(rankRows(rows, objective));
        if (flags.out) {
          writeFileSync(flags.out, text.endsWith("\n") ? text : `${text}\n`);
          out.write(`${rows.length} cells written to ${flags.out}`);
        } else out.write(text);
      }, out),
    );
}
