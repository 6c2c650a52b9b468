import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InputError } from "../../src/errors.ts";
import { planTrain } from "../../src/planners/train.ts";

const scenario = parse(readFileSync("examples/llama-3.1-405b-h100.yaml", "utf8"));

describe("Train result contract (docs/contract.md)", () => {
  const r = planTrain(scenario);

  it("has every contract field, finite, in SI units", () => {
    for (const key of [
      "memoryPerChipBytes",
      "stepTimeSeconds",
      "tokensPerSecond",
      "tokensPerSecondPerChip",
      "modelFlopsPerSecondPerChip",
      "mfu",
      "wallClockDays",
      "chipHours",
      "energyMegawattHours",
      "costUsd",
    ] as const) {
      expect(Number.isFinite(r[key])).toBe(true);
    }
    for (const key of ["compute", "exposedCommunication", "pipelineBubble", "other"] as const) expect(Number.isFinite(r.breakdownSeconds[key])).toBe(true);
    expect(r.fits).toBe(true);
    expect(r.parallelism).toMatchObject({ tp: 8, pp: 16, dp: 128, cp: 1 });
    expect(r.mfu).toBeGreaterThan(0.3);
    expect(r.mfu).toBeLessThan(0.5);
  });

  it("predicts Llama 3 405B's published ~400 TFLOP/s per GPU within 15% (compared in tokens/s: 400e12 / PaLM 6N+12·L·h·s)", () => {
    const published = 400e12 / (6 * 405.85e9 + 12 * 126 * 16384 * 8192);
    expect(Math.abs(r.tokensPerSecondPerChip / published - 1)).toBeLessThan(0.15);
  });

  it("derives the run from the step: days = tokens / throughput, chip-hours = chips × hours", () => {
    expect(r.wallClockDays).toBeCloseTo(15.6e12 / r.tokensPerSecond / 86400, 6);
    expect(r.chipHours).toBeCloseTo(16384 * r.wallClockDays * 24, 0);
  });

  it("runs an inline Hugging Face config", () => {
    const inline = JSON.parse(readFileSync("examples/inline-hf-config.json", "utf8"));
    const out = planTrain(inline);
    expect(out.fits).toBe(true);
    expect(out.tokensPerSecondPerChip).toBeGreaterThan(3000);
    expect(out.tokensPerSecondPerChip).toBeLessThan(15000);
  });
});

function issuesOf(input: unknown): string {
  try {
    planTrain(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error("expected an InputError");
}

describe("bad input gets a clear error naming the field", () => {
  const ok = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 8 }, training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 } };
  it.each([
    [{ ...ok, hardware: { chip: "h100", count: 8 } }, /hardware\.chip = "h100": expected a known chip id \(did you mean: .*h100-sxm/],
    [{ ...ok, model: "llama-3-8b" }, /model = "llama-3-8b": expected a known model id \(did you mean: .*llama-3\.1-8b/],
    [{ ...ok, hardware: { chip: "h100-sxm", count: -8 } }, /hardware\.count = -8: expected a value > 0/],
    [{ ...ok, hardware: { chip: "h100-sxm", count: "eight" } }, /hardware\.count = "eight": expected number/],
    [{ ...ok, training: { ...ok.training, tokens: "lots" } }, /training\.tokens = "lots": expected a positive number/],
    [{ ...ok, training: { sequenceLength: 4096, globalBatchTokens: 4194304 } }, /training\.tokens = \(missing\)/],
    [{ ...ok, colour: "red" }, /colour = "red": expected no such key/],
    [{ ...ok, parallelism: { tpp: 2 } }, /parallelism\.tpp = 2: expected no such key.*did you mean: .*tp/],
    [{ ...ok, parallelism: { tp: 3 } }, /parallelism\.tp = 3: expected a divisor of the 32 attention heads/],
    [{ ...ok, parallelism: { tp: 8, pp: 2, dp: 1 } }, /uses exactly hardware\.count = 8 chips \(the plan needs more chips than the cluster has\)/],
    [{ ...ok, parallelism: { ep: 2 } }, /parallelism\.ep = 2: expected 1 for a dense model/],
    [{ ...ok, precision: "fp4" }, /precision = "fp4": expected a precision NVIDIA H100 SXM5 80GB supports: fp16, bf16, fp8/],
    [{ ...ok, model: { model_type: "llama", hidden_size: 4096 } }, /model\.num_hidden_layers/],
  ])("%#", (input, message) => {
    expect(issuesOf(input)).toMatch(message);
  });
});

describe('precision "auto"', () => {
  const base = {
    model: "llama-3.1-70b",
    hardware: { chip: "h100-sxm", count: 256 },
    precision: "auto",
    training: { tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 4194304 },
  };
  it("keeps the faster of bf16 and fp8 on a chip with fp8", () => {
    const auto = planTrain(base);
    const bf16 = planTrain({ ...base, precision: "bf16" });
    const fp8 = planTrain({ ...base, precision: "fp8" });
    expect(auto.precision).toBe(fp8.stepTimeSeconds < bf16.stepTimeSeconds ? "fp8" : "bf16");
    expect(auto.stepTimeSeconds).toBeCloseTo(Math.min(bf16.stepTimeSeconds, fp8.stepTimeSeconds), 9);
  });
  it("falls back to bf16 on a chip without fp8", () => {
    expect(planTrain({ ...base, hardware: { chip: "a100-sxm-80gb", count: 256 } }).precision).toBe("bf16");
  });
});
