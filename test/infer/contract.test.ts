import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planInfer } from "../../src/planners/infer.ts";
import { solveSlo } from "../../src/planners/slo.ts";
import { runCli } from "../cli/run.ts";

const CONTRACT = [
  "fits",
  "parallelism",
  "memoryPerChipBytes",
  "kvCacheBytesPerToken",
  "maxConcurrency",
  "ttftSeconds",
  "tpotSeconds",
  "outputTokensPerSecond",
  "outputTokensPerSecondPerChip",
  "requestsPerSecond",
  "usdPerMillionOutputTokens",
];

const finiteEverywhere = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isFinite(value);
  if (value && typeof value === "object") return Object.values(value).every(finiteEverywhere);
  return true;
};

const load = (file: string) => parse(readFileSync(file, "utf8"));

describe("Infer contract (docs/contract.md) on the example scenarios", () => {
  const cases: Array<[string, (r: ReturnType<typeof planInfer>) => void]> = [
    [
      "examples/infer-llama-3.1-70b-h100x4-fp8.yaml",
      (r) => {
        expect(r.parallelism).toMatchObject({ tp: 4, pp: 1, replicas: 1 });
        expect(r.kvCacheBytesPerToken).toBe(80 * 2 * 8 * 128);
        expect(r.fits).toBe(true);
      },
    ],
    [
      "examples/infer-llama-3.1-8b-h100-bf16.yaml",
      (r) => {
        expect(r.fits).toBe(true);
        expect(r.concurrency).toBe(r.maxConcurrency);
        expect(r.outputTokensPerSecond).toBeGreaterThan(3000);
      },
    ],
    [
      "examples/infer-mixtral-8x7b-h100x2-fp8.yaml",
      (r) => {
        expect(r.fits).toBe(true);
        expect(r.requestsPerSecond).toBeCloseTo(20, 6);
      },
    ],
    [
      "examples/infer-deepseek-v3-h200x8-fp8.yaml",
      (r) => {
        expect(r.kvCacheBytesPerToken).toBe((512 + 64) * 61 * 2);
        expect(r.parallelism.ep).toBe(8);
        expect(r.fits).toBe(true);
      },
    ],
  ];
  for (const [file, check] of cases) {
    it(file, () => {
      const r = planInfer(load(file));
      for (const key of CONTRACT) expect(r).toHaveProperty(key);
      expect(finiteEverywhere(r)).toBe(true);
      expect(r.outputTokensPerSecondPerChip).toBeCloseTo(r.outputTokensPerSecond / r.chipCount, 6);
      check(r);
    });
  }

  it("danlu infer --scenario F --json prints the result; bad input exits 2 naming the field", async () => {
    const ok = await runCli("infer", "--scenario", "examples/infer-llama-3.1-70b-h100x4-fp8.yaml", "--json");
    expect(ok.status).toBe(0);
    const json = JSON.parse(ok.stdout);
    for (const key of CONTRACT) expect(json).toHaveProperty(key);
    const bad = await runCli("infer", "--model", "llama-3.1-8b", "--chip", "h100-sxm", "--count", "1", "--input", "100", "--output", "10", "--concurrency", "0");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/workload\.concurrency/);
  });
});

describe("SLO solver", () => {
  it("Llama 3.1 70B, 2,000 input tokens, TTFT ≤ 300 ms, TPOT ≤ 50 ms, 100 requests/s: every priced chip, cheapest first", () => {
    const a = solveSlo(load("examples/infer-slo-llama-3.1-70b-voice.yaml"));
    expect(a.setups.length).toBeGreaterThan(3);
    for (let i = 1; i < a.setups.length; i++) expect(a.setups[i].usdPerMillionOutputTokens).toBeGreaterThanOrEqual(a.setups[i - 1].usdPerMillionOutputTokens);
    for (const s of a.setups) {
      expect(s.ttftSeconds).toBeLessThanOrEqual(0.3 + 1e-9);
      expect(s.tpotSeconds).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(s.chipCount % (Math.max(s.parallelism.tp, s.parallelism.ep) * s.parallelism.pp)).toBe(0);
      expect(finiteEverywhere(s)).toBe(true);
    }
    const listed = new Set([...a.setups.map((s) => s.chip), ...a.infeasible.map((x) => x.chip)]);
    expect(listed.has("h100-sxm") && listed.has("rtx-4090")).toBe(true);
    expect(a.setups.some((s) => s.chip === "h100-sxm")).toBe(true);
  });
});
