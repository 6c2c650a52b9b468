import { describe, expect, it } from "vitest";
import { planTrain } from "../../src/planners/train.ts";

/**
 * Calculon's README job (github.com/calculon-ai/calculon, README "llm-optimal-execution models/turing-530B.json
 * 5128 2520 float16 systems/a100_80g.json"): Megatron 530B, sequence 2,048, at most 2,520 sequences per step on
 * 5,128 A100 80GB. Calculon's search uses every chip (tp·pp·dp = 5,128) and cuts the batch to the largest
 * multiple of DP: pp must divide both 105 layers and 5,128 / tp = 2^k · 641, so pp = 1 and its layouts are
 * TP8·DP641 at 1,923 sequences (or TP4·DP1282 at 1,282). Issue 9: danlu's search priced its own pick at 31.2 s a
 * step while Calculon's TP8·DP641 layout prices at 20.0 s in danlu's engine.
 */
const job = (sequences: number, parallelism: Record<string, unknown> = {}) => ({
  model: "megatron-korthikanti-530b",
  hardware: { chip: "a100-sxm-80gb", count: 5128 },
  precision: "fp16",
  training: { tokens: 1e12, sequenceLength: 2048, globalBatchTokens: sequences * 2048 },
  parallelism,
});

describe("Calculon's README job: danlu's search is at least as good, in danlu's own pricing", () => {
  it("beats Calculon's TP8·PP1·DP641 layout (1,923 sequences) per step and per sequence, on the 2,520-sequence job", () => {
    // Calculon's layout, as danlu prices it at its best (the rest of the plan searched: ZeRO, micro-batch, recompute).
    const calculon = planTrain(job(1923, { tp: 8, pp: 1, dp: 641, cp: 1 }));
    expect(calculon.fits).toBe(true);
    const danlu = planTrain(job(2520));
    expect(danlu.fits).toBe(true);
    expect(danlu.stepTimeSeconds).toBeLessThanOrEqual(calculon.stepTimeSeconds);
    expect(danlu.stepTimeSeconds / 2520).toBeLessThan(calculon.stepTimeSeconds / 1923);
    // 2,520 sequences do not divide over 5,128 chips: danlu runs on fewer and says how many stay idle.
    expect(danlu.idle?.clusterChips).toBe(5128);
    expect(danlu.chipCount + (danlu.idle?.idleChips ?? 0)).toBe(5128);
  });

  it("on Calculon's own batch (1,923 sequences, every chip) finds a plan no slower than Calculon's layout", () => {
    const calculon = planTrain(job(1923, { tp: 8, pp: 1, dp: 641, cp: 1 }));
    const danlu = planTrain(job(1923));
    expect(danlu.chipCount).toBe(5128);
    expect(danlu.stepTimeSeconds).toBeLessThanOrEqual(calculon.stepTimeSeconds);
  });
});
