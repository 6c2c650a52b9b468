import { describe, expect, it } from "vitest";
import { configHash, configInLinkLimit, defaults, quantityInput, readState, tcoScenario, trainScenario, writeState } from "../../src/faces/web/state.ts";
import { defaultTrainScenario } from "../../src/planners/defaults.ts";
import { planTco } from "../../src/planners/tco.ts";
import { planTrain } from "../../src/planners/train.ts";

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), size: () => m.size };
};

describe("one default question on every face", () => {
  it("the web's first screen plans the CLI's default run with the same fixed plan and gets the same answer", () => {
    const web = planTrain(trainScenario(defaults));
    const cli = planTrain(structuredClone(defaultTrainScenario));
    expect(trainScenario(defaults).parallelism).toEqual(defaultTrainScenario.parallelism);
    expect(web.parallelism).toEqual(cli.parallelism);
    expect(web.wallClockDays).toBe(cli.wallClockDays);
    expect(web.costUsd).toBe(cli.costUsd);
  });

  it("a link that cleared a default plan field keeps it cleared (tp= means searched)", () => {
    const s = { ...defaults, tp: undefined, pp: undefined };
    const q = writeState(s);
    expect(q).toContain("tp=&pp=");
    expect(readState(q).tp).toBeUndefined();
    expect(readState(q).dp).toBe(128);
    expect(readState(q)).toEqual(s);
  });
});

describe("shared links stay short", () => {
  const big = { _name_or_path: "big", hidden_size: 4096, notes: "x".repeat(40_000) };

  it("a 40 KB dropped config goes into the browser's store and the link carries its hash", () => {
    const store = memory();
    const q = writeState({ ...defaults, config: big }, store);
    expect(q.length).toBeLessThan(100);
    expect(q).toContain(`cfg=${configHash(JSON.stringify(big))}`);
    expect(readState(q, store).config).toEqual(big);
  });

  it("a small config still travels whole in the link", () => {
    const small = { hidden_size: 4096 };
    const q = writeState({ ...defaults, config: small }, memory());
    expect(JSON.stringify(small).length).toBeLessThan(configInLinkLimit);
    expect(readState(q).config).toEqual(small);
  });

  it("a link whose config this browser does not hold says so instead of silently planning another model", () => {
    const q = writeState({ ...defaults, config: big }, memory());
    const s = readState(q, memory());
    expect(s.config).toBeUndefined();
    expect(s.missingConfig).toBe(configHash(JSON.stringify(big)));
    expect(writeState(s)).not.toContain("missingConfig");
  });
});

describe("Money & power inputs change the answer", () => {
  it("years, utilization, $/kWh, PUE and prices reach the engine", () => {
    const base = planTco(tcoScenario(defaults, 1e6));
    const s = { ...defaults, years: 3, utilization: 0.5, kwh: 0.2, pue: 1.5, rentPrice: 2, buyPrice: 20_000 };
    const changed = planTco(tcoScenario(s, 1e6));
    expect(changed.years).toBe(3);
    expect(changed.utilization).toBe(0.5);
    expect(changed.perChip.rentedOnDemandUsdPerChipHour).toBe(2);
    expect(changed.perChip.ownedUsdPerChipHour).not.toBeCloseTo(base.perChip.ownedUsdPerChipHour, 3);
    const run = planTrain(trainScenario(s));
    expect(run.costUsd).toBeCloseTo(run.chipHours * 2, 3);
    expect(readState(writeState(s))).toEqual(s);
  });

  it("the batch accepts 16Mi and the rest of the plan reaches the scenario", () => {
    expect(quantityInput("16Mi")).toBe(16 * 2 ** 20);
    expect(quantityInput("nope")).toBeUndefined();
    const s = { ...defaults, ep: 1, zero: 1, mbs: 2, vp: 2, recompute: "selective" };
    expect(trainScenario(s).parallelism).toEqual({ tp: 8, pp: 16, dp: 128, cp: 1, ep: 1, zeroStage: 1, microBatchSize: 2, virtualStages: 2, recompute: "selective" });
    expect(readState(writeState(s))).toEqual(s);
  });
});
