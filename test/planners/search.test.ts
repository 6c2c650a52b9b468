import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { trainMemoryPerChip } from "../../src/physics/memory.ts";
import { familyConfig, largestServable, largestTrainable } from "../../src/planners/capacity.ts";
import { fewestChipsForDeadline } from "../../src/planners/deadline.ts";
import { searchPlans, searchScenario } from "../../src/planners/search.ts";
import { runSweep } from "../../src/faces/node/sweep-pool.ts";
import { toCsv } from "../../src/planners/sweep.ts";
import { planTrain } from "../../src/planners/train.ts";
import { planIssues, resolveTrainScenario } from "../../src/scenario/train.ts";

const llama405 = {
  model: "llama-3.1-405b",
  hardware: { chip: "h100-sxm", count: 16384 },
  precision: "bf16",
  training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
};

describe("plan search", () => {
  fcTest.prop(
    [
      fc.constantFrom<unknown>("llama-3.1-8b", "mixtral-8x7b", "qwen2.5-7b", familyConfig(2048), familyConfig(1024, "moe", 0.2)),
      fc.constantFrom(8, 16, 24, 32, 48, 64, 96, 128),
      fc.constantFrom(2048, 4096, 8192),
      fc.constantFrom(0.5, 1, 2),
      fc.record({ tp: fc.option(fc.constantFrom(1, 2, 4), { nil: undefined }), zeroStage: fc.option(fc.constantFrom(1 as const, 3 as const), { nil: undefined }) }),
    ],
    { numRuns: 24 },
  )("emits only plans that satisfy every constraint, fit in memory and keep the fixed fields", (model, count, seq, batchMillions, fixed) => {
    const { job } = resolveTrainScenario({
      model,
      hardware: { chip: "h100-sxm", count },
      training: { tokens: 1e12, sequenceLength: seq, globalBatchTokens: Math.round((batchMillions * 2 ** 20) / seq) * seq },
    });
    const report = searchPlans(job, fixed, { top: 20 });
    for (const r of report.top) {
      const p = r.parallelism;
      expect(planIssues(job, p)).toEqual([]);
      expect(p.tp * p.pp * p.dp * p.cp).toBe(count);
      expect(trainMemoryPerChip(job, p).totalBytes).toBeLessThanOrEqual(job.hardware.memoryBytes);
      expect(r.fits).toBe(true);
      if (fixed.tp !== undefined) expect(p.tp).toBe(fixed.tp);
      if (fixed.zeroStage !== undefined) expect(p.zeroStage).toBe(fixed.zeroStage);
      if (p.virtualStages > 1) expect(r.microBatches % p.pp).toBe(0);
    }
    for (let i = 1; i < report.top.length; i++) expect(report.top[i].wallClockDays).toBeGreaterThanOrEqual(report.top[i - 1].wallClockDays);
  });

  it("finds a 405B plan on 16,384 H100 at least as fast as the published TP8·PP16·DP128", () => {
    const searched = planTrain({ ...llama405, parallelism: {} });
    const published = planTrain({ ...llama405, parallelism: { tp: 8, pp: 16, dp: 128, cp: 1 } });
    expect(searched.fits).toBe(true);
    expect(searched.stepTimeSeconds).toBeLessThanOrEqual(published.stepTimeSeconds);
    expect(searched.search?.evaluated).toBeGreaterThan(0);
    expect(published.parallelism).toMatchObject({ tp: 8, pp: 16, dp: 128, cp: 1 });
  });

  it("counts rejections by reason: 405B on one H100 needs more memory than it has", () => {
    const { job } = resolveTrainScenario({ ...llama405, hardware: { chip: "h100-sxm", count: 8 } });
    const report = searchPlans(job);
    expect(report.best).toBeUndefined();
    expect(report.rejectedByReason["need more than 80 GB per chip"]).toBeGreaterThan(0);
  });

  it("trains DeepSeek-V3 on 2,048 H800 in fp8 with a fitting expert-parallel plan", () => {
    const report = searchScenario(
      { model: "deepseek-v3", hardware: { chip: "h800-sxm", count: 2048 }, precision: "fp8", training: { tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 15360 * 4096 } },
      undefined,
      { top: 30 },
    );
    const withEp = report.top.filter((r) => r.parallelism.ep > 1);
    expect(withEp.length).toBeGreaterThan(0);
    expect(withEp[0].fits).toBe(true);
    // Published: ~2.66M H800-hours for pre-training (DeepSeek-V3 report, Table 1); the engine should be within 2×.
    expect(report.best!.chipHours).toBeGreaterThan(2.66e6 / 2);
    expect(report.best!.chipHours).toBeLessThan(2.66e6 * 2);
  });

  it("objectives rank by their own measure", () => {
    const { job } = resolveTrainScenario({
      model: "llama-3.1-8b",
      hardware: { chip: "h100-sxm", count: 64 },
      training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 4 * 2 ** 20 },
    });
    for (const objective of ["fastest", "cheapest", "energy"] as const) {
      const r = searchPlans(job, {}, { objective, top: 5 });
      const key = (x: (typeof r.top)[number]) => (objective === "fastest" ? x.wallClockDays : objective === "energy" ? x.energyMegawattHours : (x.costUsd ?? x.chipHours));
      for (let i = 1; i < r.top.length; i++) expect(key(r.top[i])).toBeGreaterThanOrEqual(key(r.top[i - 1]));
    }
  });
});

describe("inverse questions", () => {
  it("fewest chips for a deadline matches the hand count from per-chip throughput", () => {
    // Llama 3.1 8B is pure data-parallel at this scale, so per-chip throughput barely moves with the count:
    // chips ≈ tokens / (tokens/s/chip × deadline), rounded up to whole 8-GPU nodes.
    const scenario = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 64 }, training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 4 * 2 ** 20 } };
    const perChip = searchScenario(scenario, undefined, { top: 1 }).best!.tokensPerSecondPerChip;
    const deadline = 1e12 / (perChip * 40); // what 40 chips at that rate would need
    const answer = fewestChipsForDeadline(scenario, deadline)!;
    expect(answer.chips % 8).toBe(0);
    expect(answer.chips).toBeGreaterThanOrEqual(40);
    expect(answer.chips).toBeLessThanOrEqual(48);
    expect(answer.best.wallClockDays * 86400).toBeLessThanOrEqual(deadline);
    if (answer.fewerChipsDays !== undefined) expect(answer.fewerChipsDays * 86400).toBeGreaterThan(deadline);
  });

  it("largest dense model one 80 GB chip serves in bf16 is (80 GB − reserve) / 2 bytes", () => {
    const reserve = 4e9;
    const one = largestServable("h100-sxm", 1, { contextTokens: 1 })!;
    expect(one.params).toBeLessThanOrEqual((80e9 - reserve) / 2);
    expect(one.params).toBeGreaterThan(0.99 * ((80e9 - reserve) / 2));
    const fp8 = largestServable("h100-sxm", 1, { contextTokens: 1, weightBytesPerParameter: 1 })!;
    expect(fp8.params / one.params).toBeGreaterThan(1.95);
    // A long context leaves less room for weights.
    expect(largestServable("h100-sxm", 1, { contextTokens: 131072 })!.params).toBeLessThan(one.params);
    const moe = largestServable("h100-sxm", 8, { contextTokens: 1, kind: "moe" })!;
    expect(moe.params).toBeGreaterThan(0.97 * ((8 * (80e9 - reserve)) / 2));
    expect(moe.activeParams / moe.params).toBeLessThan(0.1);
  });

  it("largest dense model one chip trains is below (80 GB − reserve) / 16 bytes and grows with chips", () => {
    const one = largestTrainable("h100-sxm", 1, { contextTokens: 4096 })!;
    expect(one.params).toBeLessThan((80e9 - 4e9) / 16);
    expect(one.params).toBeGreaterThan(0.7 * ((80e9 - 4e9) / 16));
    const node = largestTrainable("h100-sxm", 8, { contextTokens: 4096 })!;
    expect(node.params).toBeGreaterThan(6 * one.params);
  });
});

describe("sweep", () => {
  it("runs a grid inline in grid order and writes CSV", async () => {
    const rows = await runSweep(
      {
        models: ["llama-3.1-8b"],
        chips: ["h100-sxm", "a100-sxm-80gb"],
        counts: [64],
        precisions: ["bf16"],
        training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 2 ** 22 },
      },
      { workers: 0 },
    );
    expect(rows.map((r) => r.chip)).toEqual(["h100-sxm", "a100-sxm-80gb"]);
    expect(rows.every((r) => r.fits)).toBe(true);
    expect(rows[0].wallClockDays!).toBeLessThan(rows[1].wallClockDays!);
    const csv = toCsv(rows).split("\n");
    expect(csv[0].startsWith("model,chip,count,precision,fits,tp")).toBe(true);
    expect(csv).toHaveLength(3);
  });
});
