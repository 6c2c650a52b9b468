import { describe, expect, it } from "vitest";
import { calibration } from "../../src/catalog/calibration.ts";
import { simulateTrain } from "../../src/physics/train.ts";
import { completePlan } from "../../src/planners/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

const scenario = (count: number, model = "llama-3.1-8b") => ({
  model,
  hardware: { chip: "h100-sxm", count },
  precision: "bf16" as const,
  training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8192 * 2048 },
  parallelism: { tp: 1, pp: 1, dp: count, cp: 1, zeroStage: 1 as const, microBatchSize: 1, recompute: "none" as const },
});

function step(count: number, jitter: number): { step: number; compute: number } {
  const r = resolveTrainScenario(scenario(count));
  const job = { ...r.job, syncJitterCoefficient: jitter };
  const t = simulateTrain(job, completePlan(job, r.fixed));
  return { step: t.stepTimeSeconds, compute: t.breakdownSeconds.compute + t.breakdownSeconds.pipelineBubble };
}

describe("synchronisation jitter (MegaScale §6.3): the slowest of N ranks", () => {
  it("adds c·√(2 ln N)·compute: at c = 1% and N = 1,024 that is 3.72% of compute", () => {
    const off = step(1024, 0);
    const on = step(1024, 0.01);
    expect((on.step - off.step) / off.compute).toBeCloseTo(0.01 * Math.sqrt(2 * Math.log(1024)), 9);
  });

  it("grows with the ranks that synchronise, and the job carries the catalog's fitted value", () => {
    const at = (n: number) => (step(n, 0.01).step - step(n, 0).step) / step(n, 0).compute;
    expect(at(2048)).toBeGreaterThan(at(64));
    const r = resolveTrainScenario(scenario(64));
    expect(r.job.syncJitterCoefficient).toBe(calibration.syncJitterCoefficient.value); // the all-rows refit (docs/model.md §Calibration): 0 at 133 rows, 0.01 at 99
  });
});

describe("grouped expert GEMMs and SMs held by the all-to-all", () => {
  const moe = {
    model: "qwen3-30b-a3b",
    hardware: { chip: "gb200", count: 8 },
    precision: "fp8" as const,
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 2097152 },
    parallelism: { tp: 1, pp: 1, dp: 8, cp: 1, ep: 8, microBatchSize: 4, zeroStage: 1 as const, recompute: "none" as const },
  };
  it("a larger grouped half-efficiency dimension slows fine-grained experts (I = 768) and not a dense model", () => {
    const r = resolveTrainScenario(moe);
    const plan = completePlan(r.job, r.fixed);
    const small = simulateTrain({ ...r.job, groupedGemmHalfEfficiencyDim: 64 }, plan).stepTimeSeconds;
    const large = simulateTrain({ ...r.job, groupedGemmHalfEfficiencyDim: 1024 }, plan).stepTimeSeconds;
    expect(large).toBeGreaterThan(small);
    const d = resolveTrainScenario(scenario(8));
    const dp = completePlan(d.job, d.fixed);
    expect(simulateTrain({ ...d.job, groupedGemmHalfEfficiencyDim: 1024 }, dp).stepTimeSeconds).toBe(
      simulateTrain({ ...d.job, groupedGemmHalfEfficiencyDim: 64 }, dp).stepTimeSeconds,
    );
  });
  it("an overlapped all-to-all costs share/(1 − share) of the time it hides (20/132: 17.9%)", () => {
    const r = resolveTrainScenario(moe);
    const plan = completePlan(r.job, r.fixed);
    expect(r.job.communicationSmShare).toBeCloseTo(20 / 132, 12);
    const without = simulateTrain({ ...r.job, communicationSmShare: 0 }, plan);
    const withSms = simulateTrain(r.job, plan);
    expect(withSms.communicationSeconds.expertParallel).toBeGreaterThan(without.communicationSeconds.expertParallel);
    // A stack that does not overlap the all-to-all hides none of it, so the share costs its expert layers nothing.
    const titan = resolveTrainScenario({ ...moe, software: "torchtitan" });
    const titanPlan = completePlan(titan.job, titan.fixed);
    expect(simulateTrain(titan.job, titanPlan).communicationSeconds.expertParallel).toBe(
      simulateTrain({ ...titan.job, communicationSmShare: 0 }, titanPlan).communicationSeconds.expertParallel,
    );
  });
  it("overlapped data-parallel collectives cost the same share of the computation they hide (FSDP: 2 gathers + 1 reduce-scatter per micro-batch)", () => {
    const fsdp = resolveTrainScenario({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 128 },
      precision: "bf16",
      software: "torchtitan",
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 2097152 },
      parallelism: { tp: 1, pp: 1, dp: 128, cp: 1, zeroStage: 3, microBatchSize: 2, recompute: "selective" },
    });
    const plan = completePlan(fsdp.job, fsdp.fixed);
    const without = simulateTrain({ ...fsdp.job, communicationSmShare: 0 }, plan);
    const withSms = simulateTrain(fsdp.job, plan);
    // All of it hides under the computation here, so without the share nothing is exposed ...
    expect(without.communicationSeconds.dataParallel).toBe(0);
    // ... and with it the exposed time is share/(1 − share) of the collectives' own time.
    const share = 20 / 132;
    const hidden = withSms.communicationSeconds.dataParallel / (share / (1 - share));
    expect(hidden).toBeGreaterThan(0.1 * withSms.breakdownSeconds.compute);
    expect(hidden).toBeLessThan(withSms.breakdownSeconds.compute);
    expect(withSms.stepTimeSeconds - without.stepTimeSeconds).toBeCloseTo(withSms.communicationSeconds.dataParallel, 12);
  });
});
