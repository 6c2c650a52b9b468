/**
 * `danlu infer`: predict serving latency, throughput, capacity and price from a scenario file and/or flags;
 * `--curve` adds throughput vs latency over concurrency (JSON points, ASCII chart on the terminal).
 * @module
 */
import type { CAC } from "cac";
import { type CurvePoint, type InferResult, inferCurve, planInfer } from "../../../planners/infer.ts";
import { formatBytes, formatNumber, formatPercent, formatSeconds, formatUsd } from "../../../units/format.ts";
import { runInferBacktest } from "../../../validation/infer-backtest.ts";
import { skippedInferenceRows } from "../../../validation/inference-cases.ts";
import { pricesHelp, withPrices } from "../prices.ts";
import { readChipFile, guard, loadModelReference, type Output, readScenarioFile, table, toJson, numericFlag, setIn } from "../io.ts";

export interface InferFlags {
  scenario?: string;
  model?: string;
  chip?: string;
  chipFile?: string;
  count?: string | number;
  system?: string;
  precision?: string;
  weights?: string;
  activations?: string;
  kv?: string;
  tp?: number;
  pp?: number;
  ep?: number;
  input?: string | number;
  output?: string | number;
  concurrency?: string | number;
  rps?: string | number;
  price?: number;
  curve?: boolean;
  software?: string;
  dp?: number;
  inputDist?: string;
  outputDist?: string;
  prefixHit?: number;
  specMethod?: string;
  draftTokens?: number;
  acceptance?: number;
  draftModel?: string;
  disaggregated?: boolean;
  percentile?: number;
  ttft?: string | number;
  tpot?: string | number;
  seed?: number;
  json?: boolean;
}

const ms = (v: string | number | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v === "number") return v / 1000;
  const m = /^([\d.]+)\s*(ms|s)?$/.exec(v.trim());
  return m ? (m[2] === "s" ? Number(m[1]) : Number(m[1]) / 1000) : Number(v);
};

/** The built-in default: Llama 3.1 70B on 4 H100 SXM in FP8, TP4, 1K/1K at 64 concurrent requests. */
export const defaultInferScenario = {
  model: "llama-3.1-70b",
  hardware: { chip: "h100-sxm", count: 4 },
  precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
  parallelism: { tp: 4 },
  workload: { inputTokens: 1024, outputTokens: 1024, concurrency: 64 },
} as const;

/** Merge flags over a scenario file (or the default when neither file nor model nor chip is given). */
export function inferScenarioFromFlags(flags: InferFlags): unknown {
  const usesDefault = !flags.scenario && !flags.model && !flags.chip;
  const base = flags.scenario ? readScenarioFile(flags.scenario) : usesDefault ? defaultInferScenario : {};
  const s = structuredClone(base ?? {}) as Record<string, unknown>;
  setIn(s, ["model"], flags.model);
  setIn(s, ["hardware", "chip"], flags.chip);
  if (flags.chipFile) setIn(s, ["hardware", "chip"], readChipFile(flags.chipFile));
  setIn(s, ["hardware", "count"], numericFlag(flags.count));
  setIn(s, ["hardware", "system"], flags.system);
  if (flags.precision !== undefined) s.precision = flags.precision;
  if (flags.weights ?? flags.activations ?? flags.kv) {
    const current = typeof s.precision === "object" && s.precision ? (s.precision as Record<string, unknown>) : typeof s.precision === "string" ? { weights: s.precision } : {};
    s.precision = {
      ...current,
      ...(flags.weights ? { weights: flags.weights } : {}),
      ...(flags.activations ? { activations: flags.activations } : {}),
      ...(flags.kv ? { kvCache: flags.kv } : {}),
    };
  }
  setIn(s, ["parallelism", "tp"], flags.tp);
  setIn(s, ["parallelism", "pp"], flags.pp);
  setIn(s, ["parallelism", "ep"], flags.ep);
  setIn(s, ["workload", "inputTokens"], numericFlag(flags.input));
  setIn(s, ["workload", "outputTokens"], numericFlag(flags.output));
  if (flags.concurrency !== undefined || flags.rps !== undefined) {
    const w = (s.workload ?? {}) as Record<string, unknown>;
    delete w.concurrency;
    delete w.requestsPerSecond;
    s.workload = w;
  }
  setIn(s, ["workload", "concurrency"], flags.concurrency === "max" ? "max" : numericFlag(flags.concurrency));
  setIn(s, ["workload", "requestsPerSecond"], numericFlag(flags.rps));
  setIn(s, ["options", "usdPerChipHour"], flags.price);
  setIn(s, ["software"], flags.software);
  setIn(s, ["parallelism", "dp"], flags.dp);
  const w = (s.workload ?? {}) as Record<string, unknown>;
  for (const [key, dist] of [
    ["inputTokens", flags.inputDist],
    ["outputTokens", flags.outputDist],
  ] as const)
    if (dist !== undefined && w[key] !== undefined) w[key] = { mean: typeof w[key] === "object" ? (w[key] as { mean: number }).mean : w[key], distribution: dist };
  setIn(s, ["workload", "prefixCacheHitRate"], numericFlag(flags.prefixHit));
  if (flags.specMethod !== undefined)
    setIn(s, ["serving", "speculative"], {
      method: flags.specMethod,
      draftTokens: Number(flags.draftTokens ?? 3),
      acceptanceRate: Number(flags.acceptance ?? 0.7),
      ...(flags.draftModel ? { draftModel: flags.draftModel } : {}),
    });
  if (flags.disaggregated) setIn(s, ["serving", "disaggregated"], true);
  setIn(s, ["serving", "seed"], flags.seed);
  if (flags.percentile !== undefined || flags.ttft !== undefined || flags.tpot !== undefined) {
    setIn(s, ["slo", "percentile"], numericFlag(flags.percentile));
    setIn(s, ["slo", "ttftSeconds"], ms(flags.ttft));
    setIn(s, ["slo", "tpotSeconds"], ms(flags.tpot));
  }
  return loadModelReference(withPrices(s, (flags as { prices?: string }).prices));
}

export function renderInfer(r: InferResult): string {
  const p = r.parallelism;
  const m = r.memoryBreakdownBytes;
  const d = r.decodeBreakdownSeconds;
  const lines: string[] = [];
  lines.push(
    `${r.model} on ${formatNumber(r.chipCount)} × ${r.chip}, weights ${r.precision.weights}, activations ${r.precision.activations}, KV cache ${r.precision.kvCache}${r.software ? `, engine ${r.software}` : ""}`,
  );
  lines.push(
    `parameters: ${formatNumber(r.totalParameters / 1e9, 4)}B total, ${formatNumber(r.activeParameters / 1e9, 4)}B active per token${r.precisionSource ? `; precision from the ${r.precisionSource}` : ""}`,
  );
  if (r.userSuppliedChip) lines.push(`note: ${r.userSuppliedChip}`);
  lines.push(`plan: TP${p.tp} · PP${p.pp}${p.ep > 1 ? ` · EP${p.ep}` : ""} × ${p.replicas} replica${p.replicas > 1 ? "s" : ""}, ${formatNumber(r.concurrency)} running requests`);
  lines.push(r.fits ? `fits: yes — ${formatBytes(r.memoryPerChipBytes)} of ${formatBytes(r.memoryCapacityBytes)} per chip` : `fits: NO — ${r.reason}`);
  if (!r.sustainable) lines.push("rate: NOT sustainable — the requested rate exceeds capacity; figures are at saturation");
  lines.push(
    table(
      ["memory per chip", "bytes"],
      [
        ["weights", formatBytes(m.weightsBytes)],
        ["KV cache (running requests)", formatBytes(m.kvCacheBytes)],
        ["activations", formatBytes(m.activationsBytes)],
        ["runtime reserve", formatBytes(m.runtimeReserveBytes)],
        ["KV cache per token (whole model)", formatBytes(r.kvCacheBytesPerToken)],
        ["max concurrency at this context", formatNumber(r.maxConcurrency)],
      ],
    ),
  );
  lines.push(
    table(
      ["decode iteration (one stage)", "seconds"],
      [
        ["weights", formatSeconds(d.weightSeconds)],
        ["KV cache", formatSeconds(d.kvCacheSeconds)],
        ["communication", formatSeconds(d.communicationSeconds)],
        ["overhead", formatSeconds(d.overheadSeconds)],
      ],
    ),
  );
  const rows: Array<[string, string]> = [
    ["TTFT", formatSeconds(r.ttftSeconds)],
    ["TPOT", formatSeconds(r.tpotSeconds)],
    ["output tokens/s", formatNumber(r.outputTokensPerSecond)],
    ["output tokens/s per chip", formatNumber(r.outputTokensPerSecondPerChip)],
    ["requests/s", formatNumber(r.requestsPerSecond)],
  ];
  if (r.usdPerMillionOutputTokens !== undefined) rows.push(["$ per million output tokens", formatUsd(r.usdPerMillionOutputTokens)]);
  if (r.acceptedTokensPerStep !== undefined) rows.push(["accepted tokens per verify step", formatNumber(r.acceptedTokensPerStep)]);
  if (r.goodputRequestsPerSecond !== undefined) rows.push(["goodput (requests/s meeting the SLO, simulated)", formatNumber(r.goodputRequestsPerSecond)]);
  lines.push(table(["serving", "value"], rows));
  if (r.latency) {
    const L = r.latency;
    lines.push(
      table(
        ["simulated latency", "mean", "p50", "p90", "p99"],
        (
          [
            ["TTFT", L.ttftSeconds],
            ["TPOT", L.tpotSeconds],
            ["ITL", L.itlSeconds],
            ["end to end", L.e2eSeconds],
          ] as const
        ).map(([name, p]) => [name, formatSeconds(p.mean), formatSeconds(p.p50), formatSeconds(p.p90), formatSeconds(p.p99)]),
      ),
    );
    if (r.simulatedSaturated) lines.push("simulation: the queue kept growing — the offered load exceeds what the scheduler serves");
  }
  if (r.disaggregation) {
    const d = r.disaggregation;
    const plan = (x: typeof d.prefillParallelism) => `TP${x.tp} PP${x.pp}${x.ep > 1 ? ` EP${x.ep}` : ""} × ${x.replicas}`;
    lines.push(
      table(
        ["disaggregated pools", "prefill", "decode"],
        [
          ["chips", formatNumber(d.prefillChips), formatNumber(d.decodeChips)],
          ["plan", plan(d.prefillParallelism), plan(d.decodeParallelism)],
          ["tokens/s per chip", `${formatNumber(d.prefillInputTokensPerSecondPerChip)} in`, `${formatNumber(d.decodeOutputTokensPerSecondPerChip)} out`],
          ["KV transfer per request", formatSeconds(d.kvTransferSeconds), `${formatSeconds(d.kvTransferExposedSeconds)} exposed`],
        ],
      ),
    );
  }
  return lines.join("\n");
}

/** ASCII scatter: output tokens/s per chip (y) against tokens/s each user sees (x), labelled by concurrency. */
export function asciiCurve(points: CurvePoint[], width = 60, height = 16): string {
  if (points.length === 0) return "";
  const xs = points.map((p) => p.outputTokensPerSecondPerUser);
  const ys = points.map((p) => p.outputTokensPerSecondPerChip);
  const xMax = Math.max(...xs) * 1.05;
  const yMax = Math.max(...ys) * 1.05;
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => " "));
  points.forEach((p, i) => {
    const col = Math.min(width - 1, Math.round((xs[i] / xMax) * (width - 1)));
    const row = height - 1 - Math.min(height - 1, Math.round((ys[i] / yMax) * (height - 1)));
    grid[row][col] = p.fits ? "●" : "○";
  });
  const yLabel = (v: number) => formatNumber(v).padStart(8);
  const out = grid.map((r, i) => `${i === 0 ? yLabel(yMax) : i === height - 1 ? yLabel(0) : " ".repeat(8)} │${r.join("")}`);
  out.push(`${" ".repeat(8)} └${"─".repeat(width)}`);
  out.push(`${" ".repeat(10)}0${" ".repeat(width - 12)}${formatNumber(xMax)} tok/s per user`);
  out.unshift("output tok/s per chip (y) vs tok/s per user (x); ● fits, ○ exceeds memory");
  return out.join("\n");
}

/** `danlu validate --infer`: predicted vs published output throughput and TPOT, with MAPE. */
export function inferValidateText(json: boolean): string {
  const s = runInferBacktest(undefined, { crossValidate: true });
  if (json) return toJson({ ...s, skippedRows: skippedInferenceRows });
  const cv = s.crossValidation as NonNullable<typeof s.crossValidation>;
  const groupTable = (groups: typeof cv.byFamily, head: string) =>
    table(
      [head, "rows", "in-sample", "cross-validated", "throughput in / cv", "TPOT in / cv"],
      groups.map((g) => [
        g.key,
        String(g.rows),
        formatPercent(g.inSampleMape),
        formatPercent(g.crossValidatedMape),
        `${formatPercent(g.inSampleThroughputMape)} / ${formatPercent(g.crossValidatedThroughputMape)}`,
        `${formatPercent(g.inSampleTpotMape)} / ${formatPercent(g.crossValidatedTpotMape)}`,
      ]),
    );
  const section = (metric: "outputTokensPerSecond" | "tpotSeconds", show: (x: number) => string) =>
    table(
      ["row", "chips", "model", "plan @running", "predicted", "published", "error"],
      s.rows.filter((r) => r.metric === metric).map((r) => [r.rowId, `${r.chipCount}× ${r.chip}`, r.model, r.plan, show(r.predicted), show(r.published), formatPercent(r.error)]),
    );
  return [
    `Serving error on sources danlu has not seen (leave-one-source-out cross-validation over ${cv.families.length} source families): MAPE ${formatPercent(cv.crossValidatedMape)} cross-validated, ${formatPercent(cv.inSampleMape)} in-sample, over ${cv.rows.length} scored rows`,
    `  output throughput: ${formatPercent(cv.crossValidatedThroughputMape)} cross-validated (${formatPercent(cv.inSampleThroughputMape)} in-sample) over ${cv.throughputCount} rows; TPOT: ${formatPercent(cv.crossValidatedTpotMape)} cross-validated (${formatPercent(cv.inSampleTpotMape)} in-sample) over ${cv.tpotCount} rows`,
    "  (each family's rows predicted with the shared parameters refitted without that family; in-sample = the catalog's calibration)",
    groupTable(cv.byFamily, "source family"),
    groupTable(cv.byFeature, "feature"),
    "",
    "Inference backtest — output tokens/s (offline and fixed-concurrency rows; MLPerf Server rows at their mean TPOT)",
    section("outputTokensPerSecond", (x) => formatNumber(x)),
    `throughput MAPE ${formatPercent(s.throughputMape)} over ${s.throughputCount} rows`,
    "",
    "Time per output token (batch-1, fixed-concurrency rows and TRT-LLM serving rows at their achieved request rate)",
    section("tpotSeconds", (x) => formatSeconds(x)),
    `TPOT MAPE ${formatPercent(s.tpotMape)} over ${s.tpotCount} rows: ${formatPercent(s.tpotConcurrencyMape)} over ${s.tpotConcurrencyCount} fixed-concurrency rows, ${formatPercent(s.tpotRateMape)} over ${s.tpotRateCount} rows at a request rate`,
    "(MLPerf Server rows run within ~1% of capacity, where TPOT at the rate is ill conditioned: they are scored as throughput at their mean TPOT, above.)",
    "",
    `Not expressible (${Object.keys(skippedInferenceRows).length}): ${Object.entries(skippedInferenceRows)
      .map(([id, why]) => `${id} (${why})`)
      .join("; ")}`,
  ].join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("infer", "Serving memory, TTFT, TPOT, throughput, percentiles and $/Mtok")
    .option("--scenario <file>", "Scenario file (JSON or YAML); flags override its fields")
    .option("--model <id|path>", "Catalog model id or path to a Hugging Face config.json")
    .option("--chip <id>", "Chip id (danlu catalog chips)")
    .option("--chip-file <file>", "A chip of your own (JSON/YAML in the catalog's chip schema, or { base: <chip id>, ...overrides })")
    .option("--count <n>", "Number of chips")
    .option("--system <id>", "System id for the scale-up domain")
    .option("--precision <p>", "One format for all: fp16 | bf16 | fp8 | int8 | int4 | fp4")
    .option("--weights <p>", "Weight format")
    .option("--activations <p>", "Activation (GEMM) format")
    .option("--kv <p>", "KV-cache format")
    .option("--tp <n>", "Tensor parallel degree")
    .option("--pp <n>", "Pipeline stages")
    .option("--ep <n>", "Expert parallel degree")
    .option("--input <n>", "Input tokens per request")
    .option("--output <n>", "Output tokens per request")
    .option("--concurrency <n>", "Running requests, or max (offline throughput)")
    .option("--rps <n>", "Request rate instead of concurrency")
    .option("--price <usd>", "USD per chip-hour (default: catalog rental price)")
    .option("--prices <file>", pricesHelp)
    .option("--curve", "Throughput vs latency over concurrency")
    .option("--software <id>", "Serving engine: trtllm (default) | vllm | sglang")
    .option("--dp <n>", "Data-parallel attention replicas (DP-attention; with --ep for wide-EP MoE)")
    .option("--input-dist <d>", "Input length distribution: fixed | exponential | lognormal")
    .option("--output-dist <d>", "Output length distribution: fixed | exponential | lognormal")
    .option("--prefix-hit <h>", "Share of input tokens served from the prefix cache")
    .option("--spec-method <m>", "Speculative decoding: draft | mtp | eagle | ngram")
    .option("--draft-tokens <n>", "Draft tokens per verify step (default 3)")
    .option("--acceptance <a>", "Per-token acceptance rate (default 0.7)")
    .option("--draft-model <id>", "Draft model for --spec-method draft")
    .option("--disaggregated", "Separate prefill and decode pools (split searched)")
    .option("--percentile <p>", "SLO percentile for goodput (default 99)")
    .option("--ttft <ms>", "TTFT target for goodput, e.g. 300ms")
    .option("--tpot <ms>", "TPOT target for goodput, e.g. 50ms")
    .option("--seed <n>", "Seed of the scheduler simulation")
    .option("--json", "Print JSON")
    .example("danlu infer --scenario examples/infer-llama-3.1-70b-h100x4-fp8.yaml --json")
    .example("danlu infer --model llama-3.1-8b --chip rtx-4090 --count 1 --precision int4 --input 512 --output 256 --concurrency max")
    .example("danlu infer --scenario examples/infer-llama-3.1-8b-h100-bf16.yaml --curve")
    .action((flags: InferFlags) =>
      guard(() => {
        const scenario = inferScenarioFromFlags(flags);
        if (flags.curve) {
          const { result, points } = inferCurve(scenario);
          out.write(
            flags.json
              ? toJson({ result, points })
              : `${renderInfer(result)}\n${asciiCurve(points)}\n${table(
                  ["concurrency", "TTFT", "TPOT", "tok/s per user", "tok/s", "tok/s per chip"],
                  points.map((p) => [
                    formatNumber(p.concurrency),
                    formatSeconds(p.ttftSeconds),
                    formatSeconds(p.tpotSeconds),
                    formatNumber(p.outputTokensPerSecondPerUser),
                    formatNumber(p.outputTokensPerSecond),
                    formatNumber(p.outputTokensPerSecondPerChip),
                  ]),
                )}`,
          );
          return;
        }
        const result = planInfer(scenario);
        out.write(flags.json ? toJson(result) : renderInfer(result));
      }, out),
    );
}
