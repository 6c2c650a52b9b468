/**
 * Plan evaluations per second of the training model (one core): simulateTrain on a resolved job,
 * cycling through a set of plans so nothing is constant-folded. Prints medians.
 */
import { Bench } from "tinybench";
import type { ParallelPlan } from "../src/physics/plan.ts";
import { simulateTrain } from "../src/physics/train.ts";
import { resolveTrainScenario } from "../src/scenario/train.ts";

export async function benchTrain(): Promise<Array<{ name: string; medianNs: number; perSecond: number }>> {
  const { job } = resolveTrainScenario({
    model: "llama-3.1-405b",
    hardware: { chip: "h100-sxm", count: 16384 },
    training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
  });
  const moeJob = resolveTrainScenario({
    model: "deepseek-v3",
    hardware: { chip: "h800-sxm", count: 2048 },
    precision: "fp8",
    training: { tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 62914560 },
  }).job;
  const plans: ParallelPlan[] = [];
  for (const virtualStages of [1, 2, 4, 8])
    for (const recompute of ["none", "selective", "full"] as const)
      for (const zeroStage of [0, 1, 2, 3] as const) plans.push({ tp: 8, pp: 16, dp: 128, cp: 1, ep: 1, zeroStage, microBatchSize: 1, virtualStages, recompute });
  const moePlans = plans.map((p) => ({ ...p, tp: 1, dp: 128, ep: 64 }));
  let i = 0;
  let sink = 0;
  const batch = 1000;
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add(`simulateTrain dense 405B ×${batch}`, () => {
    for (let k = 0; k < batch; k++) sink += simulateTrain(job, plans[i++ % plans.length]).stepTimeSeconds;
  });
  bench.add(`simulateTrain MoE DeepSeek-V3 ×${batch}`, () => {
    for (let k = 0; k < batch; k++) sink += simulateTrain(moeJob, moePlans[i++ % moePlans.length]).stepTimeSeconds;
  });
  await bench.run();
  if (!Number.isFinite(sink)) throw new Error("non-finite");
  return bench.tasks.map((t) => {
    const r = t.result as unknown as { latency?: { p50?: number }; period?: number };
    const medianMs = r.latency?.p50 ?? r.period ?? Number.NaN;
    const perEval = (medianMs * 1e6) / batch;
    return { name: t.name, medianNs: perEval, perSecond: 1e9 / perEval };
  });
}
