/**
 * Benchmark: the serving scheduler simulation (issue 12) — 2,000 requests per candidate, the budget the SLO solver
 * spends on each (target ≤ 20 ms). Llama 3.1 70B on 4 H100 FP8 TP4, lognormal 2,000/256, Poisson at 50%, 80% and 95%
 * of the closed-form capacity.
 */
import { resolveInferScenario } from "../src/scenario/infer.ts";
import { planInfer, simulateInfer } from "../src/planners/infer.ts";

const base = {
  model: "llama-3.1-70b",
  hardware: { chip: "h100-sxm", count: 4 },
  precision: "fp8",
  parallelism: { tp: 4, pp: 1 },
  workload: { inputTokens: { mean: 2000, distribution: "lognormal" }, outputTokens: { mean: 256, distribution: "lognormal" }, concurrency: "max" },
} as const;
const capacity = planInfer(base, undefined, { simulate: false }).requestsPerSecond;
for (const load of [0.5, 0.8, 0.95]) {
  const scenario = { ...base, workload: { ...base.workload, concurrency: undefined, requestsPerSecond: capacity * load } };
  const r = resolveInferScenario(scenario);
  const result = planInfer(scenario, undefined, { simulate: false });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    simulateInfer(r.job, result, r.workload, { simulatedRequests: 2000, seed: i + 1 });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${`serving simulation, 2,000 requests, load ${Math.round(load * 100)}%`.padEnd(52)} median ${times[7].toFixed(1).padStart(6)} ms`);
}

// The issue's SLO question at p99: aggregated vs disaggregated, with and without speculation, every priced chip
// (done-when: < 2 s; median 773 ms before the fast-forward, screening and pruning of 2026-12-02, 477 ms after).
const { solveSlo } = await import("../src/planners/slo.ts");
const question = {
  model: "llama-3.1-70b",
  workload: { inputTokens: 2000, outputTokens: 256, requestsPerSecond: 100 },
  slo: { ttftSeconds: 0.5, tpotSeconds: 0.05, percentile: 99 },
  disaggregated: true,
  speculative: { method: "eagle", draftTokens: 3, acceptanceRate: 0.7 },
} as const;
const sloTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  solveSlo(question);
  sloTimes.push(performance.now() - t0);
}
sloTimes.sort((a, b) => a - b);
console.log(`${"SLO p99, 70B 2000/256 at 100 req/s, 4 modes × all chips".padEnd(52)} median ${sloTimes[2].toFixed(0).padStart(6)} ms`);
