/**
 * `danlu slo`: the cheapest setup per chip that meets TTFT and TPOT targets at a request rate.
 * @module
 */
import type { CAC } from "cac";
import { type SloAnswer, solveSlo } from "../../../planners/slo.ts";
import { formatNumber, formatSeconds, formatUsd } from "../../../units/format.ts";
import { pricesHelp, withPrices } from "../prices.ts";
import { guard, loadModelReference, type Output, readScenarioFile, table, toJson } from "../io.ts";

interface SloFlags {
  scenario?: string;
  model?: string;
  input?: number;
  output?: number;
  rps?: number;
  ttft?: string | number;
  tpot?: string | number;
  chips?: string;
  precisions?: string;
  price?: number;
  percentile?: number;
  disaggregated?: boolean;
  specMethod?: string;
  draftTokens?: number;
  acceptance?: number;
  draftModel?: string;
  prefixHit?: number;
  mix?: string;
  json?: boolean;
}

/** Milliseconds on the command line ("300ms", "0.3s" or a bare number of ms). */
function seconds(v: string | number | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") return v / 1000;
  const m = /^([\d.]+)\s*(ms|s)?$/.exec(v.trim());
  if (!m) return v;
  return m[2] === "s" ? Number(m[1]) : Number(m[1]) / 1000;
}

/**
 * `--mix "chat=0.8:200/100:2s/200ms,rag=0.2:8000/300"`: classes separated by commas, each
 * [name=]share:input/output[:ttft/tpot]; a malformed class is passed through for the schema to name.
 */
export function parseMix(text: string): unknown[] {
  return text.split(",").map((part, i) => {
    const m = /^\s*(?:([^=:,]+)=)?([\d.]+):(\d+)\/(\d+)(?::([\d.]+(?:ms|s)?)\/([\d.]+(?:ms|s)?))?\s*$/.exec(part);
    if (!m) return part.trim();
    return {
      name: m[1]?.trim() || `class ${i + 1}`,
      share: Number(m[2]),
      inputTokens: Number(m[3]),
      outputTokens: Number(m[4]),
      ...(m[5] !== undefined && m[6] !== undefined ? { slo: { ttftSeconds: seconds(m[5]), tpotSeconds: seconds(m[6]) } } : {}),
    };
  });
}

export function sloScenarioFromFlags(flags: SloFlags): unknown {
  const s = structuredClone(flags.scenario ? (readScenarioFile(flags.scenario) as Record<string, unknown>) : {}) as Record<string, unknown>;
  if (flags.model !== undefined) s.model = flags.model;
  const w = { ...((s.workload as object) ?? {}) } as Record<string, unknown>;
  if (flags.input !== undefined) w.inputTokens = Number(flags.input);
  if (flags.output !== undefined) w.outputTokens = Number(flags.output);
  if (flags.rps !== undefined) w.requestsPerSecond = Number(flags.rps);
  if (flags.prefixHit !== undefined) w.prefixCacheHitRate = Number(flags.prefixHit);
  if (flags.mix !== undefined) w.mix = parseMix(String(flags.mix));
  s.workload = w;
  if (flags.disaggregated) s.disaggregated = true;
  if (flags.specMethod !== undefined)
    s.speculative = {
      method: flags.specMethod,
      draftTokens: Number(flags.draftTokens ?? 3),
      acceptanceRate: Number(flags.acceptance ?? 0.7),
      ...(flags.draftModel ? { draftModel: flags.draftModel } : {}),
    };
  const slo = { ...((s.slo as object) ?? {}) } as Record<string, unknown>;
  if (flags.ttft !== undefined) slo.ttftSeconds = seconds(flags.ttft);
  if (flags.tpot !== undefined) slo.tpotSeconds = seconds(flags.tpot);
  if (flags.percentile !== undefined) slo.percentile = Number(flags.percentile);
  s.slo = slo;
  if (flags.chips) s.chips = flags.chips.split(",").map((c) => c.trim());
  if (flags.precisions) s.precisions = flags.precisions.split(",").map((c) => c.trim());
  if (flags.price !== undefined) s.usdPerChipHour = Number(flags.price);
  return loadModelReference(withPrices(s, (flags as { prices?: string }).prices));
}

export function renderSlo(a: SloAnswer): string {
  const lines = [
    `${a.model}: ${formatNumber(a.requestsPerSecond)} requests/s of ${formatNumber(a.inputTokens)} in / ${formatNumber(a.outputTokens)} out tokens, TTFT ≤ ${formatSeconds(a.ttftTargetSeconds)}, TPOT ≤ ${formatSeconds(a.tpotTargetSeconds)}${a.percentile !== undefined ? ` at p${a.percentile} (simulated)` : ""}`,
    table(
      ["chip", "mode", "count", "plan", "precision (w/a/kv)", "running/replica", "TTFT", "TPOT", "$/hour", "$/Mtok out"],
      a.setups.map((s) => [
        s.class !== undefined ? `${s.chip} (${s.class})` : s.chip,
        `${s.mode.disaggregated ? `disagg ${s.disaggregation?.prefillChips}P+${s.disaggregation?.decodeChips}D` : "aggregated"}${s.mode.speculative ? " + spec" : ""}`,
        s.chipCount,
        `TP${s.parallelism.tp} PP${s.parallelism.pp}${s.parallelism.ep > 1 ? ` EP${s.parallelism.ep}` : ""} × ${s.parallelism.replicas}`,
        `${s.precision.weights}/${s.precision.activations}/${s.precision.kvCache}`,
        formatNumber(s.concurrencyPerReplica),
        formatSeconds(s.atPercentile?.ttftSeconds ?? s.ttftSeconds),
        formatSeconds(s.atPercentile?.tpotSeconds ?? s.tpotSeconds),
        formatUsd(s.usdPerHour),
        formatUsd(s.usdPerMillionOutputTokens),
      ]),
    ),
  ];
  if (a.mix) {
    lines.push(
      "Mix: each class on its cheapest chip kind",
      table(
        ["class", "share", "requests/s", "in/out", "TTFT/TPOT target", "chip", "count", "$/hour"],
        a.mix.classes.map((c) => [
          c.name,
          formatNumber(c.share),
          formatNumber(c.requestsPerSecond),
          `${formatNumber(c.inputTokens)}/${formatNumber(c.outputTokens)}`,
          `${formatSeconds(c.ttftTargetSeconds)}/${formatSeconds(c.tpotTargetSeconds)}`,
          c.setup?.chip ?? "none",
          c.setup?.chipCount ?? "",
          c.setup ? formatUsd(c.setup.usdPerHour) : "",
        ]),
      ),
      a.mix.chips.length
        ? `Whole mix: ${formatUsd(a.mix.usdPerHour)}/hour, ${formatUsd(a.mix.usdPerMillionOutputTokens)}/M output tokens on ${a.mix.chips.join(" + ")}${a.mix.singleChip ? ` (one chip kind, ${a.mix.singleChip.chip}: ${formatUsd(a.mix.singleChip.usdPerHour)}/hour)` : ""}`
        : "Whole mix: no setup serves every class",
    );
  }
  if (a.infeasible.length) lines.push(`No setup: ${a.infeasible.map((x) => `${x.chip} (${x.reason})`).join("; ")}`);
  return lines.join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("slo", "Cheapest setup per chip meeting TTFT/TPOT targets at a request rate")
    .option("--scenario <file>", "SLO scenario file (model, workload, slo, chips, precisions)")
    .option("--model <id|path>", "Catalog model id or path to a Hugging Face config.json")
    .option("--input <n>", "Input tokens per request")
    .option("--output <n>", "Output tokens per request (default 256)")
    .option("--rps <n>", "Requests per second")
    .option("--ttft <ms>", "Time-to-first-token target, e.g. 300ms")
    .option("--tpot <ms>", "Time-per-output-token target, e.g. 50ms")
    .option("--chips <ids>", "Comma-separated chip ids (default: all)")
    .option("--precisions <list>", "Comma-separated weight formats (default bf16,fp8,fp4)")
    .option("--price <usd>", "One USD per chip-hour for every chip")
    .option("--percentile <p>", "Targets hold at this percentile (e.g. 99), checked on the scheduler simulation")
    .option("--disaggregated", "Also price disaggregated prefill/decode pools")
    .option("--spec-method <m>", "Also price speculative decoding: draft | mtp | eagle | ngram")
    .option("--draft-tokens <n>", "Draft tokens per verify step (default 3)")
    .option("--acceptance <a>", "Per-token acceptance rate (default 0.7)")
    .option("--draft-model <id>", "Draft model for --spec-method draft")
    .option("--prefix-hit <h>", "Share of input tokens served from the prefix cache")
    .option("--mix <classes>", 'Request mix, e.g. "chat=0.8:200/100:2s/200ms,rag=0.2:8000/300" (name=share:in/out[:ttft/tpot])')
    .option("--prices <file>", pricesHelp)
    .option("--json", "Print JSON")
    .example("danlu slo --model llama-3.1-70b --input 2000 --rps 100 --ttft 300ms --tpot 50ms")
    .example("danlu slo --scenario examples/infer-slo-llama-3.1-70b-voice.yaml --json")
    .action((flags: SloFlags) =>
      guard(() => {
        const answer = solveSlo(sloScenarioFromFlags(flags));
        out.write(flags.json ? toJson(answer) : renderSlo(answer));
      }, out),
    );
}
