/**
 * Plan-search speed: full searches for Llama 3.1 405B on 16,384 H100 and DeepSeek-V3 on 2,048 H800 (fp8),
 * on one core. Prints medians, plans timed per second, and the plan each picks. `npx tsx bench/search.ts`.
 */
import { Bench } from "tinybench";
import { type SearchReport, searchPlans } from "../src/planners/search.ts";
import { resolveTrainScenario } from "../src/scenario/train.ts";

const cases = {
  "llama-3.1-405b × 16,384 h100-sxm": resolveTrainScenario({
    model: "llama-3.1-405b",
    hardware: { chip: "h100-sxm", count: 16384 },
    training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
  }).job,
  "deepseek-v3 × 2,048 h800-sxm fp8": resolveTrainScenario({
    model: "deepseek-v3",
    hardware: { chip: "h800-sxm", count: 2048 },
    precision: "fp8",
    training: { tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 15360 * 4096 },
  }).job,
};

const bench = new Bench({ time: 3000, iterations: 10 });
const last: Record<string, SearchReport> = {};
for (const [name, job] of Object.entries(cases))
  bench.add(name, () => {
    last[name] = searchPlans(job);
  });
await bench.run();
for (const task of bench.tasks) {
  const r = task.result as { latency?: { p50?: number }; median?: number } | undefined;
  const medianMs = r?.latency?.p50 ?? r?.median ?? Number.NaN;
  const report = last[task.name];
  const b = report.best;
  console.log(
    `${task.name}: median ${medianMs.toFixed(1)} ms, ${report.considered.toLocaleString("en-US")} plans considered, ${report.evaluated.toLocaleString("en-US")} timed ` +
      `(${Math.round(report.evaluated / (medianMs / 1000)).toLocaleString("en-US")} timed plans/s, ${Math.round(report.considered / (medianMs / 1000)).toLocaleString("en-US")} considered/s)`,
  );
  if (b) {
    const p = b.parallelism;
    console.log(
      `  best: TP${p.tp} PP${p.pp} DP${p.dp} CP${p.cp} EP${p.ep} ZeRO-${p.zeroStage} mb${p.microBatchSize} v${p.virtualStages} ${p.recompute}; step ${b.stepTimeSeconds.toFixed(2)} s, MFU ${(b.mfu * 100).toFixed(1)}%, ${(b.chipHours / 1e6).toFixed(2)}M chip-hours, ${b.wallClockDays.toFixed(1)} days`,
    );
  }
}
