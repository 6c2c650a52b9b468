import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/faces/web/export.ts";
import { defaults, readState, trainScenario, writeState } from "../../src/faces/web/state.ts";
import { planTrain } from "../../src/planners/train.ts";

describe("URL state", () => {
  it("defaults give an empty query and a valid scenario", () => {
    expect(writeState(defaults)).toBe("");
    expect(planTrain(trainScenario(defaults)).chipCount).toBe(16384);
  });

  it("round-trips every field, including an inline config", () => {
    const s = { ...defaults, view: "compare" as const, lang: "zh" as const, chip: "b200", count: 1024, tp: 4, search: false, compare: ["b200", "h20"], config: { hidden_size: 4096 } };
    expect(readState(writeState(s))).toEqual(s);
  });

  it("ignores junk in the query", () => {
    expect(readState("?view=nope&count=abc&config=%7Bbroken")).toEqual(defaults);
  });
});

describe("CSV export", () => {
  it("flattens nested objects and quotes cells", () => {
    expect(toCsv([{ a: 1, b: { c: "x,y" } }, { a: 2 }])).toBe('a,b.c\n1,"x,y"\n2,');
  });
});
