import { describe, expect, it } from "vitest";
import { finetuneCases, longestFittingSequence, runFinetuneBacktest } from "../../src/validation/finetune-backtest.ts";
import { planFinetune } from "../../src/planners/finetune.ts";

describe("fine-tuning backtest", () => {
  const s = runFinetuneBacktest();

  it("runs every published case through the planner", () => {
    expect(s.rows.length).toBe(finetuneCases.length);
    for (const r of s.rows) {
      expect(Number.isFinite(r.predicted)).toBe(true);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });

  it("agrees with the QLoRA paper: a 65B model fine-tunes on one 48 GB GPU", () => {
    expect(s.fitsAgree).toBe(s.fitsCount);
    expect(s.fitsCount).toBeGreaterThan(0);
  });

  it("memory and longest-context errors stay under their bars (measured 19.8% and 17.9%)", () => {
    expect(s.memoryMape).toBeLessThan(0.25);
    expect(s.maxContextMape).toBeLessThan(0.25);
  });

  it("the longest fitting sequence fits and one more token does not", () => {
    const scenario = { model: "llama-3.1-8b", hardware: { chip: "rtx-4090", count: 1 }, method: "qlora", training: {} };
    const n = longestFittingSequence(scenario);
    expect(n).toBeGreaterThan(1000);
    expect(planFinetune({ ...scenario, training: { sequenceLength: n } }).fits).toBe(true);
    expect(planFinetune({ ...scenario, training: { sequenceLength: n + 1 } }).fits).toBe(false);
  });
});
