/** The scheduler simulation on hand-checkable step models (issue 12 §1, §2): fast-forward and prefilled pools. */
import { describe, expect, it } from "vitest";
import { type SimConfig, simulateServing } from "../../src/physics/serving-sim.ts";

// Every iteration: 10 ms of linear layers plus 1 µs per cached token read; no prefill attention, no drafts.
const step = { linearSeconds: () => 0.01, kvSecondsPerToken: 1e-6, prefillAttentionSecondsPerTokenKey: 0, draftSeconds: () => 0 };
// Requests ~1,000 s apart: each runs alone (the decode iterations between arrivals take the fast-forward path).
const base: SimConfig = {
  arrivals: { kind: "poisson", requestsPerSecond: 0.001 },
  requests: 20,
  seed: 7,
  input: { mean: 100, distribution: "fixed", sigma: 0 },
  output: { mean: 5, distribution: "fixed", sigma: 0 },
  prefixCacheHitRate: 0,
  tokenBudget: 512,
  maxRunning: 8,
  kvCapacityTokens: 1e6,
};

describe("serving simulation, one request at a time", () => {
  it("TTFT is one prefill iteration; TPOT averages the 4 decode iterations reading 101..104 cached tokens", () => {
    const r = simulateServing(base, step);
    expect(r.ttftSeconds.p50).toBeCloseTo(0.01, 12);
    // (4 × 10 ms + (101 + 102 + 103 + 104) µs) / 4 = 10.1025 ms
    expect(r.tpotSeconds.p50).toBeCloseTo(0.0101025, 12);
    expect(r.tpotSeconds.p99).toBeCloseTo(0.0101025, 12);
    expect(r.iterations).toBe(20 * 5);
  });
  it("a prefilled (disaggregated decode) pool runs no prompt: TPOT from the hand-over over the same 4 iterations", () => {
    const r = simulateServing({ ...base, prefilled: true }, step);
    expect(r.tpotSeconds.p50).toBeCloseTo(0.0101025, 12);
    expect(r.iterations).toBe(20 * 4);
  });
});
