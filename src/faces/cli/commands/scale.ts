/**
 * `danlu scale`: the compute-optimal model size and tokens for a budget (FLOP, chip-hours on a chip, dollars,
 * or days on N chips), its predicted loss, the data-constrained and inference-aware answers, and its training plan.
 * @module
 */
import type { CAC } from "cac";
import { planScale } from "../../../planners/scale.ts";
import { formatNumber, formatPercent, formatSi } from "../../../units/format.ts";
import { guard, numericFlag, type Output, readScenarioFile, setIn, table, toJson } from "../io.ts";

interface ScaleFlags {
  scenario?: string;
  compute?: string | number;
  chipHours?: string | number;
  budget?: string | number;
  days?: string | number;
  chip?: string;
  count?: string | number;
  law?: string;
  uniqueTokens?: string | number;
  inferenceTokens?: string | number;
  mfu?: string | number;
  json?: boolean;
}

export function scaleScenarioFromFlags(f: ScaleFlags): Record<string, unknown> {
  const s: Record<string, unknown> = f.scenario ? ((readScenarioFile(f.scenario) as Record<string, unknown>) ?? {}) : {};
  const anyBudget = [f.compute, f.chipHours, f.budget, f.days].some((v) => v !== undefined);
  if (anyBudget) s.budget = {};
  setIn(s, ["budget", "computeFlops"], numericFlag(f.compute));
  setIn(s, ["budget", "chipHours"], numericFlag(f.chipHours));
  setIn(s, ["budget", "usd"], numericFlag(f.budget));
  setIn(s, ["budget", "days"], numericFlag(f.days));
  setIn(s, ["hardware", "chip"], f.chip);
  setIn(s, ["hardware", "count"], numericFlag(f.count));
  setIn(s, ["law"], f.law);
  setIn(s, ["uniqueTokens"], numericFlag(f.uniqueTokens));
  setIn(s, ["inferenceTokens"], numericFlag(f.inferenceTokens));
  setIn(s, ["mfu"], numericFlag(f.mfu));
  s.budget ??= { computeFlops: 5.76e23 };
  return s;
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("scale", "Compute-optimal size and tokens for a budget, predicted loss")
    .option("--scenario <file>", "Scale scenario (JSON or YAML); flags override it")
    .option("--compute <flop>", "Budget in FLOP (default 5.76e23, Chinchilla's run)")
    .option("--chip-hours <n>", "Budget in chip-hours on --chip")
    .option("--budget <usd>", "Budget in dollars of --chip rental")
    .option("--days <n>", "Budget in days on --count chips")
    .option("--chip <id>", "Chip the budget buys time on (and the training plan runs on)")
    .option("--count <n>", "Chips of the training plan (default 1024)")
    .option("--law <id>", "besiroglu-2024 (default) | hoffmann-2022")
    .option("--unique-tokens <n>", "Unique tokens available (data-constrained regime beyond them)")
    .option("--inference-tokens <n>", "Tokens the model will serve (inference-aware sizing)")
    .option("--mfu <x>", "MFU for chip-time budgets (default: the training planner's)")
    .option("--json", "Print JSON")
    .example("danlu scale --compute 5.76e23")
    .example("danlu scale --chip-hours 1e6 --chip h100-sxm --unique-tokens 15T")
    .action((f: ScaleFlags) =>
      guard(() => {
        const r = planScale(scaleScenarioFromFlags(f));
        if (f.json) return out.write(toJson(r));
        const rows: Array<[string, string]> = [
          ["compute", `${r.computeFlops.toExponential(3)} FLOP${r.chipHours !== undefined ? ` (${formatNumber(r.chipHours)} chip-hours)` : ""}`],
          ["parameters", formatSi(r.parameters)],
          ["tokens", `${formatSi(r.tokens)} (${formatNumber(r.tokensPerParameter)} per parameter)`],
          ["predicted loss", formatNumber(r.predictedLoss, 4)],
          ["data ceiling (10–50T)", `${r.dataCeiling.status}: ${r.dataCeiling.note}`],
        ];
        const dc = r.dataConstrained;
        if (dc)
          rows.push([
            "data-constrained",
            `${dc.binds ? "binds" : "does not bind"}: ${formatNumber(dc.epochs)} epochs of ${formatSi(dc.uniqueTokens)} unique, ${formatSi(dc.effectiveTokens)} effective`,
          ]);
        const ia = r.inferenceAware;
        if (ia)
          rows.push([
            "inference-aware",
            `${formatSi(ia.parameters)} params on ${formatSi(ia.tokens)} tokens: ${formatPercent(ia.savingFraction)} fewer lifetime FLOP${ia.withinUniqueTokens ? "" : " (wants more than the unique tokens)"}`,
          ]);
        const t = r.training;
        if (t)
          rows.push(["training plan", t.fits ? `${t.chipCount} × ${t.chip}: MFU ${formatPercent(t.mfu)}, ${formatNumber(t.wallClockDays)} days` : `does not fit: ${t.reason}`]);
        out.write(`${r.law}\n${table(["scale", "value"], rows)}`);
      }, out),
    );
}
