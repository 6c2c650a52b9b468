import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chips } from "../../src/catalog/hardware.ts";
import { InputError } from "../../src/errors.ts";
import { decodeTickSeconds, inferMemory } from "../../src/physics/infer.ts";
import { parameterBreakdown } from "../../src/physics/workload.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { resolveInferScenario } from "../../src/scenario/infer.ts";
import { inferenceCases } from "../../src/validation/inference-cases.ts";

const models = ["llama-3.1-8b", "llama-2-7b", "llama-3.1-70b", "mixtral-8x7b", "qwen2.5-7b", "gpt-j-6b", "deepseek-v3"];
const formats = ["fp16", "bf16", "fp8", "int8", "int4", "fp4"] as const;

const finiteEverywhere = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isFinite(value);
  if (value && typeof value === "object") return Object.values(value).every(finiteEverywhere);
  return true;
};

const scenario = fc.record({
  model: fc.constantFrom(...models),
  chip: fc.constantFrom(...chips.map((c) => c.id)),
  count: fc.constantFrom(1, 2, 4, 8, 16),
  precision: fc.constantFrom(...formats),
  inputTokens: fc.integer({ min: 1, max: 4000 }),
  outputTokens: fc.integer({ min: 1, max: 2000 }),
  load: fc.oneof(
    fc.record({ concurrency: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constant("max" as const)) }),
    fc.record({ requestsPerSecond: fc.double({ min: 0.01, max: 1e4, noNaN: true }) }),
  ),
});

describe("inference properties", () => {
  it("no NaN or Infinity for any valid input (or an InputError naming a field)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = {
          model: s.model,
          hardware: { chip: s.chip, count: s.count },
          precision: s.precision,
          workload: { inputTokens: s.inputTokens, outputTokens: s.outputTokens, ...s.load },
        };
        try {
          const r = planInfer(input);
          expect(finiteEverywhere(r)).toBe(true);
          expect(r.tpotSeconds).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).issues[0].path).toMatch(/^(precision|workload|parallelism|hardware)/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("single-stream decode is never faster than memory bandwidth allows (every backtest row, and random setups)", () => {
    const check = (input: unknown) => {
      let resolved: ReturnType<typeof resolveInferScenario>;
      try {
        resolved = resolveInferScenario(input);
      } catch {
        return;
      }
      const r = planInfer({ ...(input as object), workload: { ...(input as { workload: object }).workload, concurrency: 1, requestsPerSecond: undefined } });
      const plan = r.parallelism;
      // Bytes one decode step must read per chip: every weight but the embedding table (a lookup) and, for MoE,
      // the routed experts a single token does not touch (it touches k of E per layer).
      const arch = resolved.job.arch;
      const p = parameterBreakdown(arch);
      const untouched = arch.moe ? p.routedExperts * (1 - arch.moe.expertsPerToken / arch.moe.numExperts) : 0;
      const share = (p.total - p.embedding - untouched) / p.total;
      const weightsPerChip = inferMemory(resolved.job, plan).weightsBytes * share;
      const bound = weightsPerChip / resolved.job.hardware.memoryBytesPerSecond;
      const tick = decodeTickSeconds(resolved.job, plan, 1, resolved.job.inputTokens);
      expect(tick.totalSeconds).toBeGreaterThan(0);
      expect(r.tpotSeconds).toBeGreaterThanOrEqual(bound * (arch.moe ? 0.999 : 1));
    };
    for (const c of inferenceCases) check(c.scenario);
    fc.assert(
      fc.property(scenario, (s) =>
        check({ model: s.model, hardware: { chip: s.chip, count: 1 }, precision: s.precision, workload: { inputTokens: s.inputTokens, outputTokens: s.outputTokens } }),
      ),
      { numRuns: 100 },
    );
  });

  it("bad input raises InputError naming the field", () => {
    const base = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, precision: "bf16", workload: { inputTokens: 100, outputTokens: 10, concurrency: 4 } };
    const path = (input: unknown) => {
      try {
        planInfer(input);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(path({ ...base, hardware: { chip: "h10", count: 1 } })).toEqual(["hardware.chip"]);
    expect(path({ ...base, precision: "fp3" })).toEqual(["precision"]);
    expect(path({ ...base, precision: "fp8", hardware: { chip: "a100-sxm-80gb", count: 1 } })).toEqual(["precision"]);
    expect(path({ ...base, workload: { ...base.workload, concurrency: 0 } })).toEqual(["workload.concurrency"]);
    expect(path({ ...base, workload: { ...base.workload, requestsPerSecond: 3 } })).toEqual(["workload.requestsPerSecond"]);
    expect(path({ ...base, parallelism: { tp: 3 } })).toEqual(["parallelism.tp"]);
    expect(path({ ...base, parallelism: { ep: 2 } })).toEqual(["parallelism.ep"]);
    expect(path({ ...base, extra: 1 })).toEqual(["extra"]);
    expect(path({ ...base, workload: { inputTokens: 200000, outputTokens: 10 } })).toEqual(["workload.inputTokens"]);
  });
});
