import { describe, expect, it } from "vitest";
import { getModelArchitecture } from "../../src/catalog/models.ts";
import { trainMemoryPerChip } from "../../src/physics/memory.ts";
import { activationBytesPerTokenPerLayer } from "../../src/physics/workload.ts";
import { resolveRefitRow } from "../../src/planners/refit.ts";
import { trainingCases } from "../../src/validation/training-cases.ts";

describe("linear inputs saved in the GEMM format (Transformer Engine) under fp8", () => {
  const arch = getModelArchitecture("llama-3.1-70b");
  // h = q = o = 8192, K+V = 2·8·128 = 2048, ffn = 28672 (gated: 2·ffn stored for the activation's backward).
  const sixteenBit = 2 * (2 * 8192 + 8192 + 2048 + 8192 + 2 * 28672); // residual norms' inputs, Q K V O, fc1 output
  it("keeps the norm outputs and the down-projection input at 1 byte, plus a 1-byte copy of the attention output", () => {
    expect(activationBytesPerTokenPerLayer(arch, false, "none", 2)).toBe(sixteenBit + 2 * (2 * 8192 + 28672));
    expect(activationBytesPerTokenPerLayer(arch, false, "none", 2, 1)).toBe(sixteenBit + 1 * (2 * 8192 + 28672) + 8192);
    // Selective recompute stores neither the norm outputs nor the activation output; the projection's copy remains.
    expect(activationBytesPerTokenPerLayer(arch, false, "selective", 2, 1)).toBe(sixteenBit + 8192);
    expect(activationBytesPerTokenPerLayer(arch, false, "full", 2, 1)).toBe(2 * 8192);
  });

  it("lets danlu fit at least 192 of the 206 published plans of the backtest (all ran; 190 of 202 before NeMo AutoModel's table, 158 of 168 before the NeMo 24.07-25.07 tables, 132 of 141 before the rest of the 25.11 and 25.09 tables and the skill card pair)", () => {
    const rows = trainingCases.filter((c) => c.kind === "throughput").map((c) => resolveRefitRow(c.scenario, c.published));
    const fitting = rows.filter((r) => trainMemoryPerChip(r.job, r.plan).totalBytes <= r.job.hardware.memoryBytes);
    expect(rows.length).toBe(206);
    expect(fitting.length).toBeGreaterThanOrEqual(192);
  });
});
