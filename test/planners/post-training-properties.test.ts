import { fc, test } from "@fast-check/vitest";
import { describe, expect, test as plain } from "vitest";
import { InputError } from "../../src/errors.ts";
import { planFinetune } from "../../src/planners/finetune.ts";
import { planRl } from "../../src/planners/rl.ts";
import { planScale } from "../../src/planners/scale.ts";

function assertFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

const anyValue0 = fc.oneof(fc.integer({ min: -10, max: 100000 }), fc.double({ noNaN: false }), fc.string({ maxLength: 6 }), fc.constant(null), fc.constant(undefined));

/** Mostly valid values, sometimes junk: most runs reach the planner, some test the errors. */
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid as fc.Arbitrary<unknown>, weight: 9 }, { arbitrary: anyValue0, weight: 1 });
const isoFlopLoss = (n: number, c: number) => 1.8172 + 482.01 / n ** 0.3478 + 2085.43 / (c / (6 * n)) ** 0.3658;
let planned = 0;
let refused = 0;

const finetune = fc.record(
  {
    model: mostly(fc.constantFrom("llama-3.1-8b", "llama-2-7b", "mixtral-8x7b", "qwen2.5-7b", "deepseek-v3", "gpt-j-6b")),
    hardware: fc.record({ chip: fc.constantFrom("rtx-4090", "l40s", "h100-sxm", "mi300x", "tpu-v5p", "h10"), count: mostly(fc.constantFrom(1, 2, 8)) }),
    method: mostly(fc.constantFrom("full", "lora", "qlora")),
    lora: fc.record({ rank: mostly(fc.constantFrom(4, 16, 64, 256)), targetModules: fc.constantFrom("all-linear", ["q_proj", "v_proj"], ["down_proj"]) }, { requiredKeys: [] }),
    optimizer: mostly(fc.constantFrom("adamw", "adamw-8bit", "adafactor", "sgd", "muon")),
    gradientCheckpointing: fc.boolean(),
    pureBf16: fc.boolean(),
    training: fc.record(
      { sequenceLength: mostly(fc.constantFrom(256, 2048, 8192)), microBatchSize: fc.constantFrom(1, 2, 4), tokens: fc.constantFrom(1e6, "1B") },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["model", "hardware"] },
);

describe("finetune, rl and scale on generated input", () => {
  test.prop([finetune], { numRuns: 150 })("finetune: a finite answer or an InputError, never a crash", (s) => {
    try {
      const r = planFinetune(s);
      planned++;
      assertFinite(r);
      expect(r.trainableFraction).toBeGreaterThan(0);
      expect(r.trainableFraction).toBeLessThanOrEqual(1);
      const parts = Object.entries(r.memoryBreakdownBytes).reduce((a, [k, v]) => (k === "totalBytes" ? a : a + v), 0);
      expect(r.memoryPerChipBytes / parts).toBeCloseTo(1, 9);
      expect(r.fits).toBe(r.memoryPerChipBytes <= r.memoryCapacityBytes);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refused++;
    }
  });

  plain("the generator reaches the planner and its errors", () => {
    expect(planned).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(3);
  });

  test.prop([fc.constantFrom("llama-3.1-8b", "qwen2.5-7b", "llama-2-13b"), fc.constantFrom("full", "lora", "qlora"), fc.integer({ min: 7, max: 14 })], { numRuns: 30 })(
    "memory grows with the sequence; QLoRA stores the base in less than LoRA",
    (model, method, log2seq) => {
      const base = { model, hardware: { chip: "h100-sxm", count: 1 }, method };
      const a = planFinetune({ ...base, training: { sequenceLength: 2 ** log2seq } });
      const b = planFinetune({ ...base, training: { sequenceLength: 2 ** (log2seq + 1) } });
      expect(b.memoryPerChipBytes).toBeGreaterThan(a.memoryPerChipBytes);
      const lora = planFinetune({ ...base, method: "lora" });
      const qlora = planFinetune({ ...base, method: "qlora" });
      expect(qlora.memoryBreakdownBytes.baseWeightsBytes).toBeLessThan(lora.memoryBreakdownBytes.baseWeightsBytes * 0.4);
    },
  );

  test.prop([fc.double({ min: 18, max: 27, noNaN: true })], { numRuns: 60 })("scale: 6·N·D = C, and the answer beats its neighbours on the iso-FLOP line", (exponent) => {
    const C = 10 ** exponent;
    const r = planScale({ budget: { computeFlops: C } });
    expect((6 * r.parameters * r.tokens) / C).toBeCloseTo(1, 9);
    expect(isoFlopLoss(r.parameters * 1.1, C)).toBeGreaterThan(r.predictedLoss);
    expect(isoFlopLoss(r.parameters / 1.1, C)).toBeGreaterThan(r.predictedLoss);
  });

  test.prop([fc.constantFrom(1024, 4096, 16384), fc.constantFrom(2, 4, 8)], { numRuns: 6 })(
    "rl: shares sum to one and split never loses to its own worst ratio",
    (output, count) => {
      const s = { model: "qwen2.5-7b", hardware: { chip: "h100-sxm", count }, rollout: { prompts: 16, samplesPerPrompt: 4, outputTokens: output } };
      const r = planRl(s);
      assertFinite(r);
      const sum = Object.values(r.shares).reduce((a, b) => a + b, 0);
      if (r.fits) expect(sum).toBeCloseTo(1, 9);
      const split = planRl({ ...s, placement: "split" });
      assertFinite(split);
      const feasible = (split.search ?? []).filter((x) => x.fits).map((x) => x.stepTimeSeconds);
      if (feasible.length) expect(split.stepTimeSeconds).toBeLessThanOrEqual(Math.max(...feasible));
    },
  );
});
