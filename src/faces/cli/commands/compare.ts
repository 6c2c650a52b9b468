/**
 * `danlu compare`: every catalog chip on one training workload (default: the 405B run on 16,384 chips), ranked
 * by days with goodput, with chip-hours, $ owned and rented, MWh, and why a chip cannot run it.
 * @module
 */
import type { CAC } from "cac";
import { compareServe, compareTrain, type OwnedInputs, rentalBasis } from "../../../planners/compare.ts";
import { validationNote } from "../../../validation/coverage.ts";
import { parseDuration } from "../../../units/parse.ts";
import { InputError } from "../../../errors.ts";
import { formatCount, formatNumber, formatSi, formatPercent, formatSeconds, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { withPrices, pricesHelp } from "../prices.ts";
import { progressBar } from "../progress.ts";
import { isWide, tableWidth, wrapText } from "../table.ts";
import { defaultTrainScenario, type TrainFlags, trainScenarioFromFlags } from "./train.ts";

type CompareFlags = TrainFlags & {
  chips?: string;
  serve?: boolean;
  input?: string | number;
  output?: string | number;
  ttft?: string;
  tpot?: string;
  rps?: string | number;
  prices?: string;
  years?: string | number;
  utilization?: string | number;
  kwh?: string | number;
};

/** Owned-cost inputs from flags (planTco checks them). */
function ownedFlags(f: CompareFlags): OwnedInputs {
  const num = (v: unknown) => (v === undefined ? undefined : Number(v));
  return { years: num(f.years), utilization: num(f.utilization), electricityUsdPerKilowattHour: num(f.kwh), powerUsageEffectiveness: num(f.pue) };
}

/** The lines under a ranking: the price basis, then the chips each note applies to (wrapped to the table width). */
export function rankingNotes(groups: Array<[string, string[]]>): string[] {
  const lines: string[] = [];
  for (const [what, chipIds] of groups) {
    if (!chipIds.length) continue;
    lines.push(...wrap(`${what}: ${chipIds.join(", ")}`, tableWidth));
  }
  return lines;
}

const wrap = (text: string, width: number) => wrapText(text, width);

export function register(cli: CAC, out: Output): void {
  cli
    .command("compare", "Every chip on one training run: days, chip-hours, $, MWh")
    .option("--scenario <file>", "Train scenario (default: Llama 3.1 405B, 15.6T tokens, 16,384 chips)")
    .option("--model <id>", "Catalog model id")
    .option("--count <n>", "Number of chips")
    .option("--tokens <n>", "Training tokens")
    .option("--seq <n>", "Sequence length (8k = 8,192)")
    .option("--batch <n>", "Global batch tokens")
    .option("--chips <ids>", "Comma-separated chip ids (default: all)")
    .option("--prices <file>", pricesHelp)
    .option("--years <y>", "Owned: depreciation life in years (default 5)")
    .option("--utilization <u>", "Owned: fraction of hours busy, 0-1 (default 0.8)")
    .option("--kwh <usd>", "Owned: electricity, USD per kWh (default 0.08)")
    .option("--pue <x>", "Owned: power usage effectiveness (default 1.3)")
    .option("--serve", "Compare serving instead: cheapest setup per chip meeting --ttft/--tpot at --rps, $/Mtok rented and owned")
    .option("--input <tokens>", "Serving: input tokens per request (default 2000)")
    .option("--output <tokens>", "Serving: output tokens per request (default 256)")
    .option("--ttft <time>", "Serving: time-to-first-token target (default 300ms)")
    .option("--tpot <time>", "Serving: time-per-output-token target (default 50ms)")
    .option("--rps <n>", "Serving: requests per second (default 100)")
    .option("--json", "Print JSON")
    .example("danlu compare")
    .example("danlu compare --model llama-3.1-70b --count 4096 --tokens 15T --seq 8k --batch 16Mi")
    .example("danlu compare --prices examples/prices-cloud.yaml --years 4 --utilization 0.6")
    .example("danlu compare --serve --model llama-3.1-70b --input 2000 --output 256 --ttft 300ms --tpot 50ms --rps 100")
    .action((f: CompareFlags) =>
      guard(() => {
        if (f.serve) return out.write(serveText(f));
        const base = (
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
        const scenario = withPrices(base, f.prices);
        const ids = f.chips ? f.chips.split(",").map((s) => s.trim()) : undefined;
        const bar = f.json ? undefined : progressBar("compare", ids?.length ?? 0, "chips");
        const rows = compareTrain(scenario, ids, ownedFlags(f), (done, total) => bar?.update(done, total));
        bar?.stop();
        const withNotes = rows.map((r) => ({ ...r, validated: validationNote(r.chip, "train") === undefined }));
        if (f.json) return out.write(toJson({ rentalBasis: rentalBasis.label, rows: withNotes }));
        const v = (x: number | undefined, fmt: (n: number) => string) => (x === undefined ? "—" : fmt(x));
        const training = scenario.training as { tokens?: unknown } | undefined;
        const hardware = scenario.hardware as { count?: number } | undefined;
        const wide = isWide();
        const head = ["chip", ...(wide ? ["plan"] : []), "days", "MFU", "chip-hours", "$ rented", "$ owned", "MWh", "validated"];
        const running = withNotes.filter((r) => r.runs);
        const lines = [
          ...wrap(
            `${String(scenario.model && typeof scenario.model === "object" ? "custom model" : scenario.model)} · ${formatNumber(Number(hardware?.count ?? 0))} chips of each kind · ${formatSi(Number(training?.tokens ?? 0)).replace(" ", "")} tokens · plan searched per chip; days include goodput`,
            tableWidth,
          ),
          ...wrap(`$ rented: ${scenario.prices ? "your price table, else " : ""}${rentalBasis.label}. $ owned: danlu tco (purchase, power, building, operations).`, tableWidth),
          table(
            head,
            running.map((r) => [
              r.chip,
              ...(wide ? [r.parallelism ?? "—"] : []),
              v(r.days, formatNumber),
              v(r.mfu, formatPercent),
              v(r.chipHours, formatCount),
              v(r.rentedUsd, (n) => `${formatUsd(n)}${r.rentalPriceSource === "prices" ? "*" : ""}`),
              v(r.ownedUsd, formatUsd),
              v(r.megawattHours, formatNumber),
              r.validated ? "yes" : "no",
            ]),
          ),
          ...(running.some((r) => r.rentalPriceSource === "prices") ? ["* rented at your price table's price (a different basis from the default)"] : []),
          ...rankingNotes([
            ["not validated on this chip (no training row in danlu validate)", running.filter((r) => !r.validated).map((r) => r.chip)],
            ["no rental price on the default basis (give one with --prices)", running.filter((r) => r.rentedUsd === undefined).map((r) => r.chip)],
            ["no purchase price", running.filter((r) => r.ownedUsd === undefined).map((r) => r.chip)],
          ]),
          ...withNotes.filter((r) => !r.runs).flatMap((r) => wrap(`cannot run on ${r.chip}: ${r.reason ?? "unknown"}`, tableWidth)),
        ];
        out.write(lines.join("\n"));
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
  prices?: string;
}): string {
  const seconds = (value: string | undefined, fallback: number, path: string) => {
    if (value === undefined) return fallback;
    const s = parseDuration(String(value));
    if (s === undefined || s <= 0) throw new InputError({ path, value: JSON.stringify(value), expected: "a duration such as 300ms or 0.3s" });
    return s;
  };
  const sloBase: Record<string, unknown> & {
    model: string;
    workload: { inputTokens: number; outputTokens: number; requestsPerSecond: number };
    slo: { ttftSeconds: number; tpotSeconds: number };
  } = {
    model: f.model ?? "llama-3.1-70b",
    workload: { inputTokens: Number(f.input ?? 2000), outputTokens: Number(f.output ?? 256), requestsPerSecond: Number(f.rps ?? 100) },
    slo: { ttftSeconds: seconds(f.ttft, 0.3, "--ttft"), tpotSeconds: seconds(f.tpot, 0.05, "--tpot") },
  };
  const slo = withPrices(sloBase, f.prices);
  const rows = compareServe(slo, f.chips ? f.chips.split(",").map((s) => s.trim()) : undefined, ownedFlags(f as CompareFlags));
  if (f.json) return toJson({ slo, rows });
  const v = (x: number | undefined, fmt: (n: number) => string) => (x === undefined ? "—" : fmt(x));
  const served = rows.filter((r) => r.runs);
  return [
    `${slo.model}: ${formatNumber(slo.workload.requestsPerSecond)} requests/s of ${formatNumber(slo.workload.inputTokens)} in / ${formatNumber(slo.workload.outputTokens)} out, TTFT ≤ ${formatSeconds(slo.slo.ttftSeconds)}, TPOT ≤ ${formatSeconds(slo.slo.tpotSeconds)}`,
    table(
      ["chip", "chips", "plan", "w/kv", "TTFT", "TPOT", "$/Mtok rented", "owned $/chip-h", "$/Mtok owned"],
      served.map((r) => {
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
        ];
      }),
    ),
    ...wrap(`$/Mtok rented: ${slo.prices ? "your price table, else " : ""}${rentalBasis.label}.`, tableWidth),
    ...rankingNotes([
      ["not validated on this chip (no inference row in danlu validate --infer)", served.filter((r) => validationNote(r.chip, "infer") !== undefined).map((r) => r.chip)],
    ]),
    ...served.filter((r) => r.reason).flatMap((r) => wrap(`${r.chip}: ${r.reason}`, tableWidth)),
    ...rows.filter((r) => !r.runs).flatMap((r) => wrap(`cannot serve on ${r.chip}: ${r.reason ?? "unknown"}`, tableWidth)),
  ].join("\n");
}
