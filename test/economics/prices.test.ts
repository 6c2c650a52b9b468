import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chips } from "../../src/catalog/hardware.ts";
import { noRentalPrice, rentalBasis } from "../../src/catalog/prices.ts";
import { InputError } from "../../src/errors.ts";
import { compareTrain } from "../../src/planners/compare.ts";
import { planTco } from "../../src/planners/tco.ts";
import { planTrain } from "../../src/planners/train.ts";
import { validationNote } from "../../src/validation/coverage.ts";

const run405 = { model: "llama-3.1-405b", hardware: { count: 16384 }, precision: "bf16", training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 } };

describe("one rental basis for every chip", () => {
  it("every catalog rental price is a RunPod Secure Cloud on-demand list price with a date", () => {
    const priced = chips.filter((c) => c.rentalUsdPerChipHour !== undefined);
    expect(priced.map((c) => c.id).sort()).toEqual(["a100-sxm-80gb", "b200", "b300", "h100-pcie", "h100-sxm", "h200-sxm", "mi300x"]);
    for (const c of priced) {
      const source = c.sources.rentalUsdPerChipHour;
      expect(source?.ref).toMatch(/^https:\/\/www\.runpod\.io\//);
      expect(source?.title).toMatch(/Secure Cloud, on-demand/);
      expect(source?.title).toContain(`$${c.rentalUsdPerChipHour}/GPU-h`);
      expect(source?.date).toMatch(/^2026-\d\d-\d\d$/);
    }
    expect(rentalBasis.label).toMatch(/RunPod Secure Cloud/);
  });

  it("H200 costs more than H100 per hour on the one basis, not 3.5x (the hyperscaler price is gone)", () => {
    const h100 = chips.find((c) => c.id === "h100-sxm")?.rentalUsdPerChipHour ?? 0;
    const h200 = chips.find((c) => c.id === "h200-sxm")?.rentalUsdPerChipHour ?? 0;
    expect(h200 / h100).toBeCloseTo(4.59 / 3.29, 12);
  });

  it("a chip with no price on the basis says so and names the way out", () => {
    expect(noRentalPrice("tpu-v6e")).toMatch(/no published on-demand price on the default basis .*Google Cloud.*--prices/);
    const r = compareTrain(run405, ["tpu-v6e"]);
    expect(r[0].rentedUsd).toBeUndefined();
    expect(r[0].priceNote).toMatch(/no published on-demand price/);
  });
});

describe("a price table overrides the defaults", () => {
  it("rents a chip at the table's price and marks where the price came from", () => {
    const [row] = compareTrain({ ...run405, prices: { "tpu-v6e": { rentalUsdPerChipHour: 2.7 } } }, ["tpu-v6e"]);
    expect(row.rentedUsd).toBeCloseTo((row.chipHours ?? 0) * 2.7, 3);
    expect(row.rentalPriceSource).toBe("prices");
    const [h100] = compareTrain(run405, ["h100-sxm"]);
    expect(h100.rentalPriceSource).toBe("default");
  });

  it("prices a training run and build-vs-rent from the table", () => {
    const base = { ...run405, hardware: { chip: "h100-sxm", count: 16384 }, parallelism: { tp: 8, pp: 16, dp: 128, cp: 1 } };
    const a = planTrain(base);
    const b = planTrain({ ...base, prices: { "h100-sxm": { rentalUsdPerChipHour: 2 } } });
    expect(b.costUsd).toBeCloseTo(a.chipHours * 2, 3);
    const t = planTco({ chip: "h100-sxm", count: 1024, prices: { "h100-sxm": { rentalUsdPerChipHour: 2, purchaseUsd: 20_000 } } });
    expect(t.perChip.rentedOnDemandUsdPerChipHour).toBe(2);
    expect(t.assumptions.find((x) => x.name.startsWith("accelerator purchase"))?.value).toBe(20_000);
  });

  it("owned-cost inputs change the owned cost in a ranking", () => {
    const [short] = compareTrain(run405, ["h100-sxm"], { years: 3 });
    const [long] = compareTrain(run405, ["h100-sxm"], { years: 6 });
    expect(short.ownedUsd ?? 0).toBeGreaterThan(long.ownedUsd ?? 0);
  });

  it("rejects an unknown chip id in the table with the nearest ids", () => {
    try {
      planTco({ chip: "h100-sxm", count: 8, prices: { h10: { purchaseUsd: 5 } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/prices\.h10 = "h10".*did you mean: .*h100-sxm/);
    }
  });
});

describe("rankings note chips with no validation row", () => {
  it("marks chips the training backtest does not cover", () => {
    expect(validationNote("h100-sxm", "train")).toBeUndefined();
    expect(validationNote("tpu-v7", "train")).toBe("not validated on this chip");
    expect(validationNote("mi300x", "infer")).toBeUndefined();
  });

  it("danlu compare ranks on one stated basis, notes unvalidated chips and fits 100 columns", () => {
    const r = spawnSync("npx", ["tsx", "src/faces/cli/main.ts", "compare", "--chips", "h100-sxm,h200-sxm,tpu-v7,b200"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(rentalBasis.label);
    expect(r.stdout).toMatch(/not validated on this chip[^\n]*: tpu-v7/);
    for (const line of r.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
  });
});
