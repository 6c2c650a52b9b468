/**
 * `danlu search`: the best parallel plans for a training job (top-k table, rejected plans by reason),
 * or with `--deadline`, the fewest chips that finish it in time.
 * @module
 */
import type { CAC } from "cac";
import { InputError } from "../../../errors.ts";
import type { TrainPrecision } from "../../../planners/train.ts";
import { fewestChipsForDeadline } from "../../../planners/deadline.ts";
import { describeRejections, type Objective, objectives, type SearchReport, searchScenario } from "../../../planners/search.ts";
import { formatBytes, formatNumber, formatPercent, formatPlan, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { parseDuration } from "../../../units/parse.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { defaultTrainScenario, type TrainFlags, trainScenarioFromFlags } from "./train.ts";

interface SearchFlags extends TrainFlags {
  precisions?: string;
  objective?: string;
  top?: number;
  deadline?: string;
}

const precisionIds = ["fp16", "bf16", "fp8", "fp4"] as const;

/** The scenario to search: flags over a file, or the default job with its plan left open. */
function scenarioFromFlags(flags: SearchFlags): Record<string, unknown> {
  const usesDefault = !flags.scenario && !flags.model && !flags.chip;
  const d = defaultTrainScenario;
  const withDefaults: TrainFlags = usesDefault
    ? {
        ...flags,
        model: d.model,
        chip: d.hardware.chip,
        count: flags.count ?? d.hardware.count,
        tokens: flags.tokens ?? d.training.tokens,
        seq: flags.seq ?? d.training.sequenceLength,
        batch: flags.batch ?? d.training.globalBatchTokens,
      }
    : flags;
  return trainScenarioFromFlags(withDefaults) as Record<string, unknown>;
}

function parsePrecisions(text: string | undefined): TrainPrecision[] | undefined {
  if (text === undefined) return undefined;
  const list = String(text)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of list) {
    if (!(precisionIds as readonly string[]).includes(p))
      throw new InputError({ path: "--precisions", value: JSON.stringify(p), expected: `a comma list of ${precisionIds.join(", ")}` });
  }
  return list as TrainPrecision[];
}

function parseObjective(text: string | undefined): Objective {
  if (text === undefined) return "fastest";
  if (!(objectives as readonly string[]).includes(text)) throw new InputError({ path: "--objective", value: JSON.stringify(text), expected: objectives.join(" | ") });
  return text as Objective;
}

function parseTop(value: number | undefined): number {
  if (value === undefined) return 10;
  if (!Number.isInteger(Number(value)) || Number(value) < 1) throw new InputError({ path: "--top", value: String(value), expected: "a positive integer" });
  return Number(value);
}

export function renderTop(report: SearchReport): string {
  const rows = report.top.map((r, i) => {
    const b = r.breakdownSeconds;
    return [
      String(i + 1),
      r.precision,
      formatPlan(r.parallelism),
      formatBytes(r.memoryPerChipBytes),
      formatSeconds(b.compute),
      formatSeconds(b.exposedCommunication),
      formatSeconds(b.pipelineBubble),
      formatSeconds(b.other),
      formatSeconds(r.stepTimeSeconds),
      formatPercent(r.mfu),
      formatNumber(r.wallClockDays),
      r.costUsd !== undefined ? formatUsd(r.costUsd) : formatSi(r.chipHours, "chip-h"),
      formatNumber(r.energyMegawattHours),
    ];
  });
  return table(["#", "prec", "plan", "memory", "compute", "exposed comm", "bubble", "other", "step", "MFU", "days", "cost", "MWh"], rows);
}

export function renderSearch(report: SearchReport, heading: string): string {
  const lines = [heading];
  if (report.best) {
    const b = report.best;
    lines.push(
      `best (${report.objective}): ${b.precision} ${formatPlan(b.parallelism)} — step ${formatSeconds(b.stepTimeSeconds)}, MFU ${formatPercent(b.mfu)}, ${formatNumber(b.wallClockDays)} days, ${formatSi(b.chipHours)} chip-hours`,
    );
    lines.push(renderTop(report));
  } else {
    lines.push("no plan fits.");
  }
  lines.push(
    `${report.considered.toLocaleString("en-US")} plans considered, ${report.memoryChecked.toLocaleString("en-US")} memory-checked, ${report.evaluated.toLocaleString("en-US")} timed, ${report.prunedDominated.toLocaleString("en-US")} pruned as dominated (more recompute or a higher ZeRO stage than a fitting plan)`,
  );
  lines.push("rejected:");
  for (const line of describeRejections(report)) lines.push(`  ${line}`);
  return lines.join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("search", "Search parallel plans: best plan, top-k, rejected plans by reason")
    .option("--scenario <file>", "Scenario file; parallelism fields it gives are kept, the rest searched")
    .option("--model <id|path>", "Catalog model id or path to a Hugging Face config.json")
    .option("--chip <id>", "Chip id")
    .option("--count <n>", "Number of chips")
    .option("--system <id>", "System id")
    .option("--precision <p>", "Training precision (one)")
    .option("--precisions <list>", "Search these precisions, e.g. bf16,fp8")
    .option("--tokens <n>", "Training tokens, e.g. 15.6T")
    .option("--seq <n>", "Sequence length")
    .option("--batch <n>", "Global batch in tokens, e.g. 16Mi")
    .option("--tp <n>", "Fix tensor parallel degree")
    .option("--pp <n>", "Fix pipeline stages")
    .option("--dp <n>", "Fix data parallel degree")
    .option("--cp <n>", "Fix context parallel degree")
    .option("--ep <n>", "Fix expert parallel degree")
    .option("--zero <n>", "Fix ZeRO stage")
    .option("--mbs <n>", "Fix micro-batch size")
    .option("--vp <n>", "Fix virtual stages")
    .option("--recompute <mode>", "Fix recompute")
    .option("--price <usd>", "USD per chip-hour")
    .option("--objective <o>", "fastest (default) | cheapest | energy")
    .option("--top <k>", "Plans in the table (default 10)")
    .option("--deadline <duration>", "Fewest chips that finish the tokens by then, e.g. 90d")
    .option("--json", "Print JSON")
    .example("danlu search")
    .example("danlu search --model deepseek-v3 --chip h800-sxm --count 2048 --precision fp8 --tokens 14.8T --seq 4096 --batch 60Mi")
    .example("danlu search --model llama-3.1-70b --chip h100-sxm --tokens 15T --seq 8192 --batch 16Mi --deadline 90d")
    .action((flags: SearchFlags) =>
      guard(() => {
        const objective = parseObjective(flags.objective);
        const top = parseTop(flags.top);
        const precisions = parsePrecisions(flags.precisions);
        const scenario = scenarioFromFlags(flags);
        if (flags.deadline !== undefined) {
          const seconds = parseDuration(String(flags.deadline));
          if (seconds === undefined || seconds <= 0)
            throw new InputError({ path: "--deadline", value: JSON.stringify(flags.deadline), expected: "a duration such as 90d, 2w or 36h" });
          const scen = { ...scenario, hardware: { ...(scenario.hardware as object), count: (scenario.hardware as { count?: number })?.count ?? 1 } };
          const answer = fewestChipsForDeadline(scen, seconds, { precisions, objective, top: 1 });
          if (flags.json) {
            out.write(toJson(answer ?? { chips: null }));
            return;
          }
          if (!answer) {
            out.write(`no count up to 1,048,576 chips finishes within ${formatNumber(seconds / 86400)} days.`);
            return;
          }
          const b = answer.best;
          out.write(
            [
              `fewest ${String((scenario.hardware as { chip?: string })?.chip)} for ${formatNumber(seconds / 86400)} days: ${formatNumber(answer.chips)} chips`,
              `plan: ${b.precision} ${formatPlan(b.parallelism)} — ${formatNumber(b.wallClockDays)} days, MFU ${formatPercent(b.mfu)}, ${formatSi(b.chipHours)} chip-hours${b.costUsd !== undefined ? `, ${formatUsd(b.costUsd)}` : ""}`,
              answer.fewerChips
                ? `${formatNumber(answer.fewerChips)} chips: ${answer.fewerChipsDays !== undefined ? `${formatNumber(answer.fewerChipsDays)} days` : "no plan fits"}`
                : "",
              `${answer.tried} chip counts searched`,
            ]
              .filter(Boolean)
              .join("\n"),
          );
          return;
        }
        const report = searchScenario(scenario, precisions, { objective, top });
        if (flags.json) {
          out.write(toJson(report));
          return;
        }
        const hw = scenario.hardware as { chip: string; count: number };
        const model = typeof scenario.model === "string" ? scenario.model : "model";
        out.write(renderSearch(report, `${model} on ${formatNumber(hw.count)} × ${hw.chip}`));
      }, out),
    );
}
