import { describe, expect, it } from "vitest";
import { getChip, isUserChip, resolveChip } from "../../src/catalog/hardware.ts";
import { InputError } from "../../src/errors.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { planTrain } from "../../src/planners/train.ts";

const workload = { inputTokens: 1024, outputTokens: 512, concurrency: 64 };

describe("inline chips (hardware.chip as an object in the catalog's schema)", () => {
  it("base + overrides: a what-if B300 with twice the HBM bandwidth keeps the rest of the B300", () => {
    const b300 = getChip("b300");
    const chip = resolveChip({ base: "b300", memoryBytesPerSecond: 2 * b300.memoryBytesPerSecond, denseFlopsPerSecond: { fp8: 1e16 } });
    expect(chip.id).toBe("b300-custom");
    expect(chip.memoryBytesPerSecond).toBe(2 * b300.memoryBytesPerSecond);
    expect(chip.memoryBytes).toBe(b300.memoryBytes);
    expect(chip.denseFlopsPerSecond.bf16).toBe(b300.denseFlopsPerSecond.bf16);
    expect(chip.denseFlopsPerSecond.fp8).toBe(1e16);
    expect(isUserChip(chip)).toBe(true);
    expect(isUserChip(b300)).toBe(false);
  });

  it("is validated like a catalog entry: each bad field is named under hardware.chip", () => {
    try {
      resolveChip({ id: "x1", name: "X1", memoryBytes: -5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const paths = (error as InputError).issues.map((i) => i.path);
      expect(paths).toContain("hardware.chip.memoryBytes");
      expect(paths).toContain("hardware.chip.tdpWatts");
    }
    expect(() => resolveChip({ base: "b3000" })).toThrow(/hardware\.chip\.base/);
    expect(() => resolveChip({ ...getChip("h100-sxm") })).toThrow(/hardware\.chip\.id/);
  });

  it("doubling HBM bandwidth speeds decode, and the answer says it rests on the user's figures", () => {
    const b300 = getChip("b300");
    const base = planInfer({ model: "llama-3.1-70b", hardware: { chip: "b300", count: 8 }, parallelism: { tp: 8, pp: 1 }, workload });
    const fast = planInfer({
      model: "llama-3.1-70b",
      hardware: { chip: { base: "b300", name: "B300 2× HBM", memoryBytesPerSecond: 2 * b300.memoryBytesPerSecond }, count: 8 },
      parallelism: { tp: 8, pp: 1 },
      workload,
    });
    expect(base.userSuppliedChip).toBeUndefined();
    expect(fast.userSuppliedChip).toContain("B300 2× HBM");
    expect(fast.tpotSeconds).toBeLessThan(base.tpotSeconds);
  });

  it("planTrain accepts an inline chip and says so", () => {
    const r = planTrain({
      model: "llama-3.1-8b",
      hardware: { chip: { base: "h100-sxm", id: "h100-what-if", name: "H100 what-if" }, count: 8 },
      training: { tokens: 1e11, sequenceLength: 4096, globalBatchTokens: 4 * 1024 * 1024 },
    });
    expect(r.userSuppliedChip).toContain("H100 what-if");
    expect(r.chip).toBe("h100-what-if");
  });
});
