import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { planScale, shapeFor } from "../../src/planners/scale.ts";
import { parameterCount } from "../../src/physics/workload.ts";
import { resolveModel } from "../../src/catalog/models.ts";

const lossAt = (n: number, d: number) => 1.8172 + 482.01 / n ** 0.3478 + 2085.43 / d ** 0.3658;
const lossAlongBudget = (n: number, c: number) => lossAt(n, c / (6 * n));

describe("danlu scale: compute-optimal size for a budget", () => {
  it("5.76e23 FLOP (Chinchilla's own run) → about 70B parameters on about 1.4T tokens, derived by hand", () => {
    // Besiroglu et al. 2024 refit of Chinchilla approach 3: L = E + A/N^α + B/D^β.
    const A = 482.01;
    const B = 2085.43;
    const E = 1.8172;
    const alpha = 0.3478;
    const beta = 0.3658;
    // Minimise L subject to C = 6·N·D: ∂/∂N gives α·A/N^α = β·B/D^β, so
    // N = G·(C/6)^(β/(α+β)), D = (C/6)^(α/(α+β)) / G with G = (α·A / (β·B))^(1/(α+β)).
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta)); // ≈ 0.1196
    const x = 5.76e23 / 6; // 9.6e22
    const N = G * x ** (beta / (alpha + beta)); // ≈ 7.2e10
    const D = x ** (alpha / (alpha + beta)) / G; // ≈ 1.33e12
    expect(G).toBeCloseTo(0.1196, 3);
    const r = planScale({ budget: { computeFlops: 5.76e23 } });
    expect(r.parameters).toBeCloseTo(N, -6);
    expect(r.tokens).toBeCloseTo(D, -7);
    expect(r.parameters / 70e9).toBeGreaterThan(0.95);
    expect(r.parameters / 70e9).toBeLessThan(1.1);
    expect(r.tokens / 1.4e12).toBeGreaterThan(0.9);
    expect(r.tokens / 1.4e12).toBeLessThan(1.05);
    expect(6 * r.parameters * r.tokens).toBeCloseTo(5.76e23, -19);
    expect(r.predictedLoss).toBeCloseTo(E + A / N ** alpha + B / D ** beta, 12);
    expect(r.computeFlops).toBe(5.76e23);
  });

  it("the optimum is a minimum of the loss along C = 6·N·D", () => {
    const r = planScale({ budget: { computeFlops: 1e22 } });
    for (const f of [0.8, 1.25]) expect(lossAlongBudget(r.parameters * f, 1e22)).toBeGreaterThan(r.predictedLoss);
  });

  it("Hoffmann's original fit is available and gives a different split", () => {
    const h = planScale({ budget: { computeFlops: 5.76e23 }, law: "hoffmann-2022" });
    const b = planScale({ budget: { computeFlops: 5.76e23 } });
    expect(h.law).toBe("hoffmann-2022");
    expect(h.parameters).not.toBeCloseTo(b.parameters, -9);
  });

  it("data-constrained: with fewer unique tokens than the optimum wants, tokens repeat (Muennighoff Eq. 5) and the loss rises", () => {
    const free = planScale({ budget: { computeFlops: 1e25 } });
    const dc = planScale({ budget: { computeFlops: 1e25 }, uniqueTokens: free.tokens / 4 });
    expect(dc.dataConstrained?.binds).toBe(true);
    expect(dc.dataConstrained?.epochs).toBeGreaterThan(1);
    // Effective tokens D' = U + U·R*·(1 − e^(−R/R*)), R = D/U − 1, R* = 15.4.
    const U = free.tokens / 4;
    const R = dc.tokens / U - 1;
    expect(dc.dataConstrained?.effectiveTokens).toBeCloseTo(U + U * 15.4 * (1 - Math.exp(-R / 15.4)), -6);
    expect(dc.predictedLoss).toBeGreaterThan(free.predictedLoss);
    // Repeating favours a larger model than the unconstrained optimum.
    expect(dc.parameters).toBeGreaterThan(free.parameters);
    const plenty = planScale({ budget: { computeFlops: 1e25 }, uniqueTokens: free.tokens * 2 });
    expect(plenty.dataConstrained?.binds).toBe(false);
    expect(plenty.parameters).toBeCloseTo(free.parameters, -3);
  });

  it("states the 10–50T unique-token ceiling as a check", () => {
    expect(planScale({ budget: { computeFlops: 5.76e23 } }).dataCeiling.status).toBe("below");
    expect(planScale({ budget: { computeFlops: 1e27 } }).dataCeiling.status).toBe("above");
  });

  it("inference-aware sizing (Sardana 2024): serving many tokens favours a smaller model trained longer, at the same loss and fewer lifetime FLOPs", () => {
    const r = planScale({ budget: { computeFlops: 5.76e23 }, inferenceTokens: 2e13 });
    const ia = r.inferenceAware;
    expect(ia).toBeDefined();
    if (!ia) return;
    expect(ia.parameters).toBeLessThan(r.parameters);
    expect(ia.tokens).toBeGreaterThan(r.tokens);
    expect(lossAt(ia.parameters, ia.tokens)).toBeCloseTo(r.predictedLoss, 9);
    expect(ia.lifetimeFlops).toBeLessThan(ia.chinchillaLifetimeFlops);
    expect(ia.savingFraction).toBeGreaterThan(0);
    expect(ia.withinUniqueTokens).toBe(true);
    const few = planScale({ budget: { computeFlops: 5.76e23 }, inferenceTokens: 2e13, uniqueTokens: 2e12 });
    expect(few.inferenceAware?.withinUniqueTokens).toBe(false);
  });

  it("a chip-time budget turns into FLOP at the training planner's MFU, and the answer is handed to the training planner", () => {
    const r = planScale({ budget: { chipHours: 1e6 }, hardware: { chip: "h100-sxm", count: 1024 } });
    const t = r.training;
    expect(t?.fits).toBe(true);
    expect(r.chipHours).toBe(1e6);
    if (!t) return;
    // FLOP = chip-hours × 3600 × bf16 peak (989.4 TFLOP/s dense) × the planner's MFU for a model of about this size.
    const mfu = r.computeFlops / (1e6 * 3600 * 989.4e12);
    expect(mfu).toBeGreaterThan(0.2);
    expect(mfu).toBeLessThan(0.7);
    expect(t.chipHours / 1e6).toBeGreaterThan(0.8);
    expect(t.chipHours / 1e6).toBeLessThan(1.25);
    const days = planScale({ budget: { days: 1e6 / 24 / 1024 }, hardware: { chip: "h100-sxm", count: 1024 } });
    expect(days.chipHours).toBeCloseTo(1e6, 3);
  });

  it("the synthesised shape has about the asked-for parameters", () => {
    for (const n of [1e9, 7e9, 70e9, 400e9]) {
      const p = parameterCount(resolveModel(shapeFor(n)));
      expect(Math.abs(p / n - 1)).toBeLessThan(0.12);
    }
  });

  it("bad budgets are InputErrors", () => {
    expect(() => planScale({ budget: {} })).toThrow(InputError);
    expect(() => planScale({ budget: { computeFlops: 1e23, usd: 5 } })).toThrow(InputError);
    expect(() => planScale({ budget: { chipHours: 1e6 } })).toThrow(/chip/);
    expect(() => planScale({ budget: { days: 30 }, hardware: { chip: "h100-sxm" } })).toThrow(/count/);
  });
});
