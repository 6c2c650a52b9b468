import { describe, expect, it } from "vitest";
import { type CategoryId, categoryColor, categoryColors, categoryScale } from "../../src/faces/web/colors.ts";
import { messages } from "../../src/faces/web/i18n.ts";
import { logTicks, logTicksOf } from "../../src/faces/web/ticks.ts";

describe("chart colours: one per category, in every view and language", () => {
  const memory: CategoryId[] = ["weightsBytes", "gradientsBytes", "optimizerBytes", "activationsBytes", "buffersBytes", "runtimeReserveBytes", "kvCacheBytes"];

  it("a category keeps its colour whichever other categories a view shows, in English and Chinese", () => {
    // Training shows weights…runtime reserve; inference shows weights, KV cache, activations, runtime reserve.
    const trainIds: CategoryId[] = ["weightsBytes", "gradientsBytes", "optimizerBytes", "activationsBytes", "buffersBytes", "runtimeReserveBytes"];
    const inferIds: CategoryId[] = ["weightsBytes", "kvCacheBytes", "activationsBytes", "runtimeReserveBytes"];
    for (const lang of ["en", "zh"] as const) {
      const t = messages[lang];
      const label = (id: CategoryId) => t[id as "weightsBytes"];
      const train = categoryScale(trainIds, label);
      const infer = categoryScale(inferIds, label);
      const colourOf = (s: { domain: string[]; range: string[] }, id: CategoryId) => s.range[s.domain.indexOf(label(id))];
      expect(colourOf(train, "weightsBytes")).toBe("#4e79a7");
      expect(colourOf(infer, "weightsBytes")).toBe("#4e79a7");
      expect(colourOf(train, "activationsBytes")).toBe("#f28e2c");
      expect(colourOf(infer, "activationsBytes")).toBe("#f28e2c");
      expect(colourOf(infer, "kvCacheBytes")).toBe("#76b7b2");
      expect(colourOf(train, "runtimeReserveBytes")).toBe(colourOf(infer, "runtimeReserveBytes"));
    }
    // Same colours in both languages, different labels.
    const en = categoryScale(["owned", "rentedOnDemand", "rentedCommitted"], (id) => messages.en[id as "owned"]);
    const zh = categoryScale(["owned", "rentedOnDemand", "rentedCommitted"], (id) => messages.zh[id as "owned"]);
    expect(en.range).toEqual(["#2b2118", "#c8782a", "#3b82f6"]);
    expect(zh.range).toEqual(en.range);
    expect(zh.domain).toEqual(["自建", "按需租用", "包年租用"]);
    expect(en.domain).toEqual(["owned", "rented on demand", "rented, committed"]);
  });

  it("memory parts have distinct colours, none the capacity line's red", () => {
    const colours = memory.map(categoryColor);
    expect(new Set(colours).size).toBe(memory.length);
    expect(colours).not.toContain(categoryColor("capacity"));
    // Fine-tuning's base weights are the same category as weights.
    expect(categoryColor("baseWeightsBytes")).toBe(categoryColor("weightsBytes"));
  });

  it("every legend label exists in both languages", () => {
    const keys = [
      "lgChosenPlan",
      "lgOtherPlans",
      "lgThisSetup",
      "lgTpotBand",
      "lgTpotP90",
      "lgAnswer",
      "lgPublished",
      "lgParity",
      "lgChips",
      "lgFit",
      "capacity",
      "breakEven",
    ] as const;
    for (const k of keys) {
      expect(messages.en[k].length, k).toBeGreaterThan(0);
      expect(messages.zh[k].length, k).toBeGreaterThan(0);
    }
    expect(messages.zh.lgChosenPlan).toBe("所选方案");
    for (const id of Object.keys(categoryColors)) expect(categoryColors[id as CategoryId]).toMatch(/^(#[0-9a-f]{3,6}|[a-z]+)$/);
  });
});

describe("log-axis ticks from the data's extent", () => {
  it("1-2-5 per decade within [min, max]", () => {
    expect(logTicks(1, 1000)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks(3, 40)).toEqual([5, 10, 20]);
    expect(logTicks(0.0123, 0.5)).toEqual([0.02, 0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(1e-3, 1)).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks(6e22, 2e24)).toEqual([1e23, 2e23, 5e23, 1e24, 2e24]);
    expect(logTicks(40, 3)).toEqual([5, 10, 20]);
  });

  it("one per decade when 1-2-5 gives more than 10, every k-th decade when that is still too many", () => {
    // 1e9…1e15 at 1-2-5 is 19 ticks → 7 decades.
    expect(logTicks(1e9, 1e15)).toEqual([1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]);
    // 31 decades → every ceil(31/10) = 4th.
    expect(logTicks(1, 1e30)).toEqual([1, 1e4, 1e8, 1e12, 1e16, 1e20, 1e24, 1e28]);
  });

  it("a narrow extent still gets at least two ticks, inside it", () => {
    // [3, 9]: 1-2-5 gives only 5 → 1…9 per decade.
    expect(logTicks(3, 9)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    // [3.1, 3.6]: no integer mantissa → steps of 0.1.
    expect(logTicks(3.1, 3.6)).toEqual([3.1, 3.2, 3.3, 3.4, 3.5, 3.6]);
    // [3.15, 3.25]: one step of 0.1 gives only 3.2 → steps of 0.05.
    expect(logTicks(3.15, 3.25)).toEqual([3.15, 3.2, 3.25]);
    expect(logTicks(7, 7)).toEqual([7]);
  });

  it("ignores non-positive and non-finite values", () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(1, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(logTicksOf([Number.NaN, 0, -1, 20, 150])).toEqual([20, 50, 100]);
    expect(logTicksOf([])).toEqual([]);
  });
});
