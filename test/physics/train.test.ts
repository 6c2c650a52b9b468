import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { stageLayers, trainMemoryPerChip } from "../../src/physics/memory.ts";
import type { ParallelPlan } from "../../src/physics/plan.ts";
import { simulateTrain } from "../../src/physics/train.ts";
import { resolveTrainScenario } from "../../src/scenario/train.ts";

const base = {
  model: "llama-3.1-70b",
  hardware: { chip: "h100-sxm", count: 512 },
  precision: "bf16",
  training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 8192 * 512 },
};
const job = resolveTrainScenario(base).job;
const plan = (p: Partial<ParallelPlan>): ParallelPlan => ({
  tp: 8,
  pp: 4,
  dp: 16,
  cp: 1,
  ep: 1,
  zeroStage: 1,
  microBatchSize: 1,
  virtualStages: 1,
  recompute: "none",
  ...p,
});

describe("pipeline stages", () => {
  it("splits Llama 3 405B's 126 layers over 16 stages as Meta did: 7, 8 × 14, 7", () => {
    expect(stageLayers(126, 16)).toEqual({ first: 7, middle: 8, last: 7 });
  });
  it("balances divisible splits", () => {
    expect(stageLayers(80, 4)).toEqual({ first: 20, middle: 20, last: 20 });
    expect(stageLayers(80, 1)).toEqual({ first: 80, middle: 80, last: 80 });
  });
  it("with the embedding and the loss counted as layers, L + 2 slots split evenly and the end stages hold one layer fewer", () => {
    // Llama 3.1 405B on PP 8 (Megatron-Bridge): 128 slots → 16 per stage; 15 layers + embedding, 16 × 6, 15 + loss.
    expect(stageLayers(126, 8, true)).toEqual({ first: 15, middle: 16, last: 15 });
    // 80 layers on PP 2: 82 slots → 41; 40 layers + embedding and 40 + loss.
    expect(stageLayers(80, 2, true)).toEqual({ first: 40, middle: 41, last: 40 });
    expect(stageLayers(80, 1, true)).toEqual({ first: 80, middle: 80, last: 80 });
  });
});

describe("ZeRO memory", () => {
  it("shards optimizer, then gradients, then weights over DP (16 B per parameter in total)", () => {
    const m = (z: ParallelPlan["zeroStage"]) => trainMemoryPerChip(job, plan({ pp: 1, dp: 64, zeroStage: z }));
    const z0 = m(0);
    const params = z0.weightsBytes / 2;
    expect(z0.gradientsBytes).toBeCloseTo(2 * params, 0);
    expect(z0.optimizerBytes).toBeCloseTo(12 * params, 0);
    expect(m(1).optimizerBytes).toBeCloseTo((12 * params) / 64, 0);
    expect(m(2).gradientsBytes).toBeCloseTo((2 * params) / 64, 0);
    expect(m(3).weightsBytes).toBeCloseTo((2 * params) / 64, 0);
  });
});

describe("step time", () => {
  it("charges the 1F1B bubble (p−1)/(v·m) of a micro-batch's stage time", () => {
    for (const v of [1, 2, 4]) {
      const r = simulateTrain(job, plan({ virtualStages: v }));
      const perMicroBatch = (r.breakdownSeconds.compute + r.communicationSeconds.tensorParallel) / r.microBatches;
      expect(r.breakdownSeconds.pipelineBubble).toBeCloseTo(((4 - 1) / v) * perMicroBatch, 9);
    }
  });

  it("adds up its breakdown", () => {
    const r = simulateTrain(job, plan({}));
    const b = r.breakdownSeconds;
    expect(b.compute + b.exposedCommunication + b.pipelineBubble + b.other).toBeCloseTo(r.stepTimeSeconds, 12);
    expect(r.tokensPerSecond * r.stepTimeSeconds).toBeCloseTo(job.globalBatchTokens, 3);
  });

  it("costs one more forward under full recompute (HFU/MFU = 4/3 minus the head)", () => {
    const r = simulateTrain(job, plan({ recompute: "full" }));
    expect(r.hfu / r.mfu).toBeGreaterThan(1.3);
    expect(r.hfu / r.mfu).toBeLessThan(4 / 3);
  });

  it("says why a plan does not fit", () => {
    const r = simulateTrain(job, plan({ tp: 1, pp: 1, dp: 512, zeroStage: 0 }));
    expect(r.fits).toBe(false);
    expect(r.reason).toMatch(/^needs \d+\.\d GB per chip, NVIDIA H100 SXM5 80GB has 80 GB$/);
  });
});

const plans = fc.record({
  tp: fc.constantFrom(1, 2, 4, 8),
  pp: fc.constantFrom(1, 2, 4, 8),
  cp: fc.constantFrom(1, 2),
  zeroStage: fc.constantFrom(0, 1, 2, 3),
  microBatchSize: fc.constantFrom(1, 2),
  virtualStages: fc.constantFrom(1, 2, 5),
  recompute: fc.constantFrom("none", "selective", "full"),
});

describe("invariants", () => {
  test.prop([plans])("every number of the result is finite", (p) => {
    const full = plan({ ...p, dp: 512 / (p.tp * p.pp * p.cp) } as Partial<ParallelPlan>);
    const r = simulateTrain(job, full);
    const walk = (v: unknown): void => {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
    };
    walk(r);
    expect(r.mfu).toBeGreaterThan(0);
    expect(r.mfu).toBeLessThan(1);
  });

  test.prop([plans])("more sharding never raises memory per chip (tp, zero stage)", (p) => {
    const at = (tp: number, zeroStage: ParallelPlan["zeroStage"]) =>
      trainMemoryPerChip(job, plan({ ...p, tp, zeroStage, dp: 512 / (tp * p.pp * p.cp) } as Partial<ParallelPlan>)).totalBytes;
    if (p.tp < 8) expect(at(p.tp * 2, p.zeroStage)).toBeLessThanOrEqual(at(p.tp, p.zeroStage) * (1 + 1e-12));
    if (p.zeroStage < 3) expect(at(p.tp, (p.zeroStage + 1) as ParallelPlan["zeroStage"])).toBeLessThanOrEqual(at(p.tp, p.zeroStage) * (1 + 1e-12));
  });

  test.prop([plans])("doubling chips at a fixed plan shape never more than halves step time", (p) => {
    const dp = 256 / (p.tp * p.pp * p.cp);
    const small = resolveTrainScenario({ ...base, hardware: { chip: "h100-sxm", count: 256 } }).job;
    const one = simulateTrain(small, plan({ ...p, dp } as Partial<ParallelPlan>));
    const two = simulateTrain(job, plan({ ...p, dp: dp * 2 } as Partial<ParallelPlan>));
    expect(two.stepTimeSeconds).toBeGreaterThanOrEqual(one.stepTimeSeconds / 2 - 1e-12);
  });

  test.prop([plans])("energy = facility power × wall-clock time", (p) => {
    const r = simulateTrain(job, plan({ ...p, dp: 512 / (p.tp * p.pp * p.cp) } as Partial<ParallelPlan>));
    expect(r.energyMegawattHours).toBeCloseTo(r.facilityMegawatts * r.wallClockDays * 24, 6);
  });
});

describe("power cap", () => {
  const at = (powerLimitWatts?: number) =>
    resolveTrainScenario({ ...base, hardware: { chip: "h100-sxm", count: 512, ...(powerLimitWatts ? { powerLimitWatts } : {}) } }).job.hardware;
  it("scales compute by (cap/TDP)^(1/3) and leaves memory bandwidth alone", () => {
    const nominal = at();
    const capped = at(350);
    expect(capped.rates.gemmFlopsPerSecond / nominal.rates.gemmFlopsPerSecond).toBeCloseTo(0.5 ** (1 / 3), 12);
    expect(capped.rates.memoryBytesPerSecond).toBe(nominal.rates.memoryBytesPerSecond);
    expect(capped.chipPowerWatts).toBe(350);
    expect(capped.peakFlopsPerSecond).toBe(nominal.peakFlopsPerSecond); // MFU stays against the nominal peak
  });
  it("ignores a cap above TDP", () => {
    expect(at(1000).rates.gemmFlopsPerSecond).toBe(at().rates.gemmFlopsPerSecond);
    expect(at(1000).chipPowerWatts).toBe(700);
  });
});

describe("data-parallel traffic by ZeRO stage", () => {
  it("ZeRO-2 reduce-scatters every micro-batch, ZeRO-1 once per step (slow network makes it visible)", () => {
    const slow = { ...job, hardware: { ...job.hardware, fabric: { ...job.hardware.fabric, scaleOutBytesPerSecond: 1e8 } } };
    const z1 = simulateTrain(slow, plan({ zeroStage: 1 }));
    const z2 = simulateTrain(slow, plan({ zeroStage: 2 }));
    const m = z1.microBatches;
    expect(m).toBeGreaterThan(1);
    // With communication ≫ compute, exposed RS ≈ RS, so ZeRO-2's DP time ≈ (m + 1)/2 × ZeRO-1's (RS·m + AG vs RS + AG).
    expect(z2.communicationSeconds.dataParallel / z1.communicationSeconds.dataParallel).toBeCloseTo((m + 1) / 2, 0);
  });
});
