/**
 * `danlu compare`: every catalog chip on one training workload (default: the 405B run on 16,384 chips), ranked
 * by days with goodput, with chip-hours, $ owned and rented, MWh, and why a chip cannot run it.
 * @module
 */
import type { CAC } from "cac";
import { compareServe, compareTrain } from "../../../planners/compare.ts";
import { parseDuration } from "../../../units/parse.ts";
import { InputError } from "../../../errors.ts";
import { formatNumber, formatPercent, formatSeconds, formatUsd } from "../../../units/format.ts";
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
    .option("--serve", "Compare serving instead: cheapest setup per chip meeting --ttft/--tpot at --rps, $/Mtok rented and owned")
    .option("--input <tokens>", "Serving: input tokens per request (default 2000)")
    .option("--output <tokens>", "Serving: output tokens per request (default 256)")
    .option("--ttft <time>", "Serving: time-to-first-token target (default 300ms)")
    .option("--tpot <time>", "Serving: time-per-output-token target (default 50ms)")
    .option("--rps <n>", "Serving: requests per second (default 100)")
    .option("--json", "Print JSON")
    .example("danlu compare")
    .example("danlu compare --model llama-3.1-70b --count 4096 --tokens 15T --seq 8192 --batch 16Mi")
    .example("danlu compare --serve --model llama-3.1-70b --input 2000 --output 256 --ttft 300ms --tpot 50ms --rps 100")
    .action((f: TrainFlags & { chips?: string; serve?: boolean; input?: string | number; output?: string | number; ttft?: string; tpot?: string; rps?: string | number }) =>
      guard(() => {
        if (f.serve) return out.write(serveText(f));
        const scenario = (
          f.scenario || f.model
            ? trainScenarioFromFlags({ ...f, chip: f.chip ?? "h100-sxm" })
            : trainScenarioFromFlags({
                ...f,
                chip: defaultTrainScenario.hardware.chip,
                count: f.count ?? defaultTrainScenario.hardware.count,
                model: defaultTrainScenario.model,
                tokens: f.tokens ?? defaultTrainScenario.training.tokens,
                seq: f.seq ?? defaultTrainScenario.training.sequenceLength,
                batch: f.batch ?? defaultTrainScenario.training.globalBatchTokens,
              })
        ) as Record<string, unknown>;
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

function serveText(f: {
  model?: string;
  chips?: string;
  input?: string | number;
  output?: string | number;
  ttft?: string;
  tpot?: string;
  rps?: string | number;
  json?: boolean;
}): string {
  const seconds = (value: string | undefined, fallback: number, path: string) => {
    if (value === undefined) return fallback;
    const s = parseDuration(String(value));
    if (s === undefined || s <= 0) throw new InputError({ path, value: JSON.stringify(value), expected: "a duration such as 300ms or 0.3s" });
    return s;
  };
  const slo = {
    model: f.model ?? "llama-3.1-70b",
    workload: { inputTokens: Number(f.input ?? 2000), outputTokens: Number(f.output ?? 256), requestsPerSecond: Number(f.rps ?? 100) },
    slo: { ttftSeconds: seconds(f.ttft, 0.3, "--ttft"), tpotSeconds: seconds(f.tpot, 0.05, "--tpot") },
  };
  const rows = compareServe(slo, f.chips ? f.chips.split(",").map((s) => s.trim()) : undefined);
  if (f.json) return toJson({ slo, rows });
  const v = (x: number | undefined, fmt: (n: number) => string) => (x === undefined ? "—" : fmt(x));
  return [
    `${slo.model}: ${formatNumber(slo.workload.requestsPerSecond)} requests/s of ${formatNumber(slo.workload.inputTokens)} in / ${formatNumber(slo.workload.outputTokens)} out, TTFT ≤ ${formatSeconds(slo.slo.ttftSeconds)}, TPOT ≤ ${formatSeconds(slo.slo.tpotSeconds)}`,
    table(
      ["chip", "chips", "plan", "w/kv", "TTFT", "TPOT", "$/Mtok rented", "owned $/chip-h", "$/Mtok owned", "note"],
      rows.map((r) => {
        const setup = r.rented ?? r.owned ?? r.unpriced;
        return [
          r.chip,
          v(setup?.chipCount, formatNumber),
          setup?.plan ?? "—",
          setup?.precision ?? "—",
          v(setup?.ttftSeconds, formatSeconds),
          v(setup?.tpotSeconds, formatSeconds),
          v(r.rented?.usdPerMillionOutputTokens, formatUsd),
          v(r.owned?.usdPerChipHour, formatUsd),
          v(r.owned?.usdPerMillionOutputTokens, formatUsd),
          r.reason ?? "",
        ];
      }),
    ),
  ].join("\n");
}
