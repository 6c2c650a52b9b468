/**
 * Refit the shared efficiency parameters of src/catalog/calibration.ts on the training backtest's
 * throughput rows: grid search minimising the mean absolute log error. Plans are resolved once with
 * the current values (schedule search included), then re-timed under each candidate.
 * Usage: npx tsx scripts/calibrate.ts   (prints the best values; copy them into calibration.ts)
 */
import { calibration, gemmEfficiency } from "../src/catalog/calibration.ts";
import { completePlan } from "../src/planners/train.ts";
import { simulateTrain } from "../src/physics/train.ts";
import { resolveTrainScenario } from "../src/scenario/train.ts";
import { trainingCases } from "../src/validation/training-cases.ts";

const cases = trainingCases.filter((c) => c.kind === "throughput");
const resolved = cases.map((c) => {
  const r = resolveTrainScenario(c.scenario);
  return { c, r, plan: completePlan(r.job, r.fixed) };
});

function evaluate(p: { hopper: number; hopper8: number; ampere: number; half: number; tp: number; attn: number; overhead: number }): number {
  let sum = 0;
  for (const { c, r, plan } of resolved) {
    const job = r.job;
    const gen = r.chip.generation;
    const low = job.precision === "fp8" || job.precision === "fp4";
    const base = gen === "nvidia-ampere" ? p.ampere : gen === "nvidia-blackwell" ? p.hopper * (0.78 / 0.8) : p.hopper;
    const eff = low ? (gen === "nvidia-blackwell" ? p.hopper8 * (0.78 / 0.8) : p.hopper8) : base;
    const rates = { ...job.hardware.rates, gemmEfficiency: eff, gemmHalfEfficiencyDim: p.half, attentionEfficiency: base * p.attn };
    const j = { ...job, hardware: { ...job.hardware, rates }, tensorParallelExposedFraction: p.tp, microBatchOverheadSeconds: p.overhead };
    const res = simulateTrain(j, plan);
    sum += Math.abs(Math.log(res.tokensPerSecondPerChip / c.published));
  }
  return sum / resolved.length;
}

const grid = {
  hopper: [0.45, 0.5, 0.55, 0.6, 0.65],
  hopper8: [0.4, 0.45, 0.5, 0.55, 0.6, 0.65],
  ampere: [0.55, 0.6, 0.65, 0.7, 0.75],
  half: [64, 96, 128, 192],
  tp: [0.25, 0.5, 0.75],
  attn: [0.5, 0.6, 0.7],
  overhead: [0, 2e-3, 5e-3, 10e-3],
};
let best = { score: Number.POSITIVE_INFINITY, p: {} as Record<string, number> };
for (const hopper of grid.hopper)
  for (const hopper8 of grid.hopper8)
    for (const ampere of grid.ampere)
      for (const half of grid.half)
        for (const tp of grid.tp)
          for (const attn of grid.attn)
            for (const overhead of grid.overhead) {
              const p = { hopper, hopper8, ampere, half, tp, attn, overhead };
              const score = evaluate(p);
              if (score < best.score) best = { score, p };
            }
console.log(
  "current",
  evaluate({
    hopper: gemmEfficiency.value["nvidia-hopper"].bf16,
    hopper8: gemmEfficiency.value["nvidia-hopper"].fp8,
    ampere: gemmEfficiency.value["nvidia-ampere"].bf16,
    half: calibration.gemmHalfEfficiencyDim.value,
    tp: calibration.tensorParallelExposedFraction.value,
    attn: calibration.attentionCoreRelativeEfficiency.value,
    overhead: calibration.microBatchOverheadSeconds.value,
  }),
);
console.log("best mean |log error|", best.score.toFixed(4), best.p);
