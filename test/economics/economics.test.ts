import { describe, expect, it } from "vitest";
import { economicsDefaults } from "../../src/catalog/economics.ts";
import { failureRatesPerChipHour, reliabilityDefaults } from "../../src/catalog/reliability.ts";
import { main } from "../../src/faces/cli/main.ts";
import { defaultTrainScenario } from "../../src/faces/cli/commands/train.ts";
import { tco } from "../../src/physics/cost.ts";
import { fitLogLinear, trendRatio } from "../../src/physics/forecast.ts";
import { clusterPower, runEnergy } from "../../src/physics/power.ts";
import { expectedInterruptions, monteCarloWallClock, mulberry32, reliability } from "../../src/physics/reliability.ts";
import { compareTrain } from "../../src/planners/compare.ts";
import { forecast } from "../../src/planners/forecast.ts";
import { jobReliability } from "../../src/planners/goodput.ts";
import { planPower } from "../../src/planners/power.ts";
import { planTco } from "../../src/planners/tco.ts";
import { planTrain } from "../../src/planners/train.ts";

describe("power and facility", () => {
  it("1,000 chips of 1 kW are 1 MW of accelerators; with host overhead and PUE 1.3, 1-2 MW at the meter", () => {
    const bare = clusterPower({ chips: 1000, chipWatts: 1000, hostOverheadWattsPerChip: 0, powerUsageEffectiveness: 1, chipsPerRack: 32, airCoolingLimitWattsPerRack: 41_000 });
    expect(bare.facilityMegawatts).toBeCloseTo(1.0, 12);
    // B200 (1,000 W) in HGX B200 nodes: 14.3 kW / 8 = 1,787.5 W per chip IT, × 1.3 = 2,323.75 W → 2.32 MW.
    const b200 = planPower({ chip: "b200", count: 1000 });
    expect(b200.acceleratorWatts).toBe(1_000_000);
    expect(b200.facilityMegawatts).toBeCloseTo((1000 * (1000 + 787.5) * 1.3) / 1e6, 9);
    expect(b200.itWatts / 1e6).toBeGreaterThan(1);
    expect(b200.itWatts / 1e6).toBeLessThan(2);
  });

  it("16,384 H100: 27.16 MW facility, 40.8 kW racks on air, GB200 NVL72 racks need liquid", () => {
    const h = planPower({ chip: "h100-sxm", count: 16384, days: 54 });
    // (700 + (10,200 − 8·700)/8) W × 16,384 × 1.3 = 1,275 W × 16,384 × 1.3
    expect(h.facilityMegawatts).toBeCloseTo((1275 * 16384 * 1.3) / 1e6, 9);
    expect(h.kilowattsPerRack).toBeCloseTo(40.8, 9);
    expect(h.cooling).toBe("air");
    expect(h.racks).toBe(512);
    // 27.15648 MW × 54 d × 24 h = 35,195.8 MWh; × $80/MWh
    expect(h.run?.megawattHours).toBeCloseTo(27.15648 * 54 * 24, 6);
    expect(h.run?.costUsd).toBeCloseTo(27.15648 * 54 * 24 * 80, 3);
    const g = planPower({ chip: "gb200", count: 72 });
    expect(g.kilowattsPerRack).toBeCloseTo(120, 6);
    expect(g.cooling).toBe("liquid");
    expect(runEnergy(1e6, 3600, 0.1)).toEqual({ megawattHours: 1, costUsd: 100 });
  });
});

describe("reliability (Llama 3 calibration)", () => {
  const rates = failureRatesPerChipHour();
  it("expected unexpected interruptions in 54 days on 16,384 H100 are within ±20% of 419", () => {
    const n = expectedInterruptions(rates, 16384, 54);
    // hand: Σ counts / (16,384 · 54 · 24) · 16,384 · 54 · 24 = 196 + 72 + 46 + 49 + 56
    expect(n).toBeCloseTo(196 + 72 + 46 + 49 + 56, 9);
    expect(Math.abs(n - 419) / 419).toBeLessThan(0.2);
    expect(rates.gpu).toBeCloseTo(196 / (16384 * 54 * 24), 15);
  });

  it("Young/Daly interval and goodput by hand for 405B on 16,384 H100", () => {
    const params = 405e9;
    const r = reliability({ chips: 16384, failureRatesPerChipHour: rates, checkpointBytes: params * 14, storageWriteBytesPerSecond: 2e12, restartSeconds: 600 });
    const mtbf = (54 * 24 * 3600) / 419; // 11,135.08 s
    const delta = (405e9 * 14) / 2e12; // 2.835 s
    const tau = Math.sqrt(2 * delta * mtbf); // ≈ 251.3 s
    expect(r.mtbfSeconds).toBeCloseTo(mtbf, 6);
    expect(r.checkpointWriteSeconds).toBeCloseTo(delta, 12);
    expect(r.optimalIntervalSeconds).toBeCloseTo(tau, 9);
    const goodput = 1 - delta / (tau + delta) - (tau + delta) / 2 / mtbf - 600 / mtbf;
    expect(r.goodput).toBeCloseTo(goodput, 12);
    // Llama 3 reports > 90% effective training time.
    expect(r.goodput).toBeGreaterThan(0.9);
    expect(r.goodput).toBeLessThan(0.95);
  });

  it("seeded Monte Carlo is deterministic and agrees with the first-order model", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const j = jobReliability(16384, 405e9, 70 * 86400, { trials: 200, seed: 1 });
    const again = jobReliability(16384, 405e9, 70 * 86400, { trials: 200, seed: 1 });
    expect(again.monteCarlo).toEqual(j.monteCarlo);
    expect(j.monteCarlo.p50Days).toBeLessThanOrEqual(j.monteCarlo.p90Days);
    expect(Math.abs(j.monteCarlo.meanDays - j.expectedDays) / j.expectedDays).toBeLessThan(0.02);
    // No failures → exactly the work plus the checkpoints.
    const none = monteCarloWallClock(1000, { mtbfSeconds: Number.POSITIVE_INFINITY, intervalSeconds: 100, checkpointWriteSeconds: 1 }, 60, 3, 1);
    expect(none.p50Days).toBeCloseTo((1000 + 9) / 86400, 12);
  });

  it("the 405B run on 16,384 H100 reports facility MW, MWh for 15.6T tokens, and goodput", () => {
    const r = planTrain(defaultTrainScenario);
    expect(r.facilityMegawatts).toBeCloseTo((1275 * 16384 * 1.3) / 1e6, 6);
    expect(r.energyMegawattHours).toBeCloseTo(r.facilityMegawatts * r.wallClockDays * 24, 6);
    expect(r.goodput).toBeGreaterThan(0.9);
    expect(r.wallClockDaysWithGoodput).toBeCloseTo(r.wallClockDays / r.goodput, 9);
    expect(reliabilityDefaults.calibration.unexpectedInterruptions).toBe(419);
  });
});

describe("TCO build vs rent", () => {
  it("owned cost per chip, $/chip-hour and break-even by hand", () => {
    const t = tco({
      acceleratorUsd: 20_000,
      serverUsdPerChip: 5_000,
      networkUsdPerChip: 3_000,
      storageUsdPerChip: 2_000,
      itWattsPerChip: 1_000,
      facilityWattsPerChip: 1_250,
      facilityCapexUsdPerWatt: 10,
      facilityLifeYears: 10,
      depreciationYears: 5,
      operationsFractionPerYear: 0.04,
      electricityUsdPerKilowattHour: 0.1,
      utilization: 0.5,
      rentalOnDemandUsdPerChipHour: 2,
      committedOverOnDemand: 0.75,
      rentedExtrasUsdPerChipHour: 0,
    });
    const life = 5 * 8766;
    const busy = life * 0.5;
    const power = 1.25 * 0.1 * busy; // $0.125 per busy hour
    const total = 30_000 + 10_000 * 0.5 + power + 30_000 * 0.04 * 5;
    expect(t.ownedTotalPerChipUsd).toBeCloseTo(total, 6);
    expect(t.ownedUsdPerChipHour).toBeCloseTo(total / busy, 9);
    expect(t.acceleratorShare).toBeCloseTo(20_000 / total, 9);
    const fixed = total - power;
    expect(t.breakEvenUtilizationOnDemand).toBeCloseTo(fixed / (life * (2 - 0.125)), 9);
    expect(t.breakEvenUtilizationCommitted).toBeCloseTo(fixed / (life * (1.5 - 0.125)), 9);
    const saving = 2 * 0.5 * (8766 / 12) - (0.125 * 0.5 * (8766 / 12) + (30_000 * 0.04) / 12);
    expect(t.breakEvenMonthsOnDemand).toBeCloseTo((30_000 + 10_000) / saving, 9);
  });

  it("1,024 H100 over 4 years: owned vs rented $/GPU-hour, break-even, lecture checks, every default sourced", () => {
    const r = planTco({ chip: "h100-sxm", count: 1024, years: 4, trainChipHours: 30e6 });
    expect(r.perChip.ownedPerChipUsd.accelerators).toBe(27_500);
    expect(r.perChip.ownedPerChipUsd.servers).toBeCloseTo(270_000 / 8 - 27_500, 9);
    expect(r.perChip.ownedUsdPerChipHour).toBeGreaterThan(1);
    expect(r.perChip.ownedUsdPerChipHour).toBeLessThan(r.perChip.rentedOnDemandUsdPerChipHour ?? 0);
    expect(r.perChip.rentedOnDemandUsdPerChipHour).toBe(3.29);
    expect(r.perChip.rentedCommittedUsdPerChipHour).toBeCloseTo(3.29 * (2.4 / 3.5), 12);
    expect(r.perChip.breakEvenUtilizationOnDemand).toBeGreaterThan(0);
    expect(r.perChip.breakEvenUtilizationOnDemand).toBeLessThan(1);
    expect(r.trainRun?.rentedOnDemandUsd).toBeCloseTo(30e6 * 3.29, 3);
    expect(r.checks.map((c) => c.rule).join(" ")).toMatch(/half.*20%/s);
    for (const a of r.assumptions) {
      expect(a.source, a.name).toBeDefined();
      expect(a.source?.ref.length).toBeGreaterThan(3);
    }
    expect(economicsDefaults.sources.facilityCapexUsdPerWatt.estimate).toBeDefined();
  });
});

describe("forecast", () => {
  it("fits a known doubling time exactly", () => {
    const t = fitLogLinear([2020, 2021, 2022, 2023].map((year, i) => ({ id: String(i), year, value: 5 * 2 ** ((year - 2020) / 2) })));
    expect(t.doublingYears).toBeCloseTo(2, 12);
    expect(t.rSquared).toBeCloseTo(1, 12);
    expect(trendRatio(t, 2020, 2024)).toBeCloseTo(4, 12);
  });

  it("projects the baseline run three years ahead with fitted trends and the lecture's claims", () => {
    const f = forecast({ description: "x", costUsd: 1e8, days: 80, megawattHours: 50_000 }, 2026, 3);
    expect(f.projections.map((p) => p.year)).toEqual([2027, 2028, 2029]);
    const perChip = f.trends.find((t) => t.metric === "bf16FlopsPerChip");
    expect(perChip?.doublingYears).toBeGreaterThan(0);
    expect(f.projections[0].days).toBeCloseTo(80 / (perChip?.annualFactor ?? 1), 9);
    expect(f.lecture).toHaveLength(3);
    for (const t of f.trends) expect(t.rSquared >= 0 && t.rSquared <= 1).toBe(true);
  });
});

describe("compare and CLI", () => {
  it("covers the required chips for the default run, with reasons where a chip cannot run it", () => {
    const ids = ["a100-sxm-80gb", "h100-sxm", "h200-sxm", "b200", "gb200", "mi300x", "mi355x", "tpu-v5p", "tpu-v6e", "gaudi3", "trainium2"];
    const rows = compareTrain(structuredClone(defaultTrainScenario) as unknown as Record<string, unknown>, ids);
    expect(rows.map((r) => r.chip).sort()).toEqual([...ids].sort());
    for (const r of rows) {
      if (r.runs) expect(r.days).toBeGreaterThan(0);
      else expect(r.reason).toBeTruthy();
    }
    const h100 = rows.find((r) => r.chip === "h100-sxm");
    expect(h100?.rentedUsd).toBeCloseTo((h100?.chipHours ?? 0) * 3.29, 3);
  });

  it("every command prints JSON and bad input exits 2", async () => {
    const run = async (argv: string[]) => {
      let text = "";
      const out = { write: (t: string) => void (text += t), error: (t: string) => void (text += t) };
      const code = await main(argv, out);
      return { code, text };
    };
    const tcoRun = await run(["tco", "--chip", "h100-sxm", "--count", "1024", "--years", "4", "--json"]);
    expect(tcoRun.code).toBe(0);
    expect(JSON.parse(tcoRun.text).perChip.ownedUsdPerChipHour).toBeGreaterThan(0);
    expect((await run(["power", "--json"])).code).toBe(0);
    expect((await run(["tco", "--chip", "h100-sxn"])).code).toBe(2);
    expect((await run(["tco", "--chip", "gb200"])).code).toBe(2);
    expect((await run(["power", "--count", "0"])).code).toBe(2);
  });
});

describe("compare serving (issue 5: $/Mtok at an SLO, every chip, reasons)", () => {
  it("lists every catalog chip with a setup meeting the SLO or the reason it cannot, cheapest first", async () => {
    const { compareServe } = await import("../../src/planners/compare.ts");
    const { chips } = await import("../../src/catalog/hardware.ts");
    const rows = compareServe({ model: "llama-3.1-70b", workload: { inputTokens: 2000, outputTokens: 256, requestsPerSecond: 100 }, slo: { ttftSeconds: 0.3, tpotSeconds: 0.05 } });
    expect(rows.map((r) => r.chip).sort()).toEqual(chips.map((c) => c.id).sort());
    let previous = 0;
    for (const r of rows) {
      const setup = r.rented ?? r.owned ?? r.unpriced;
      if (setup) {
        expect(setup.ttftSeconds).toBeLessThanOrEqual(0.3 + 1e-9);
        expect(setup.tpotSeconds).toBeLessThanOrEqual(0.05 + 1e-9);
      } else expect(r.reason).toMatch(/no plan meets|does not fit|no setup/);
      const best = Math.min(r.rented?.usdPerMillionOutputTokens ?? Infinity, r.owned?.usdPerMillionOutputTokens ?? Infinity);
      if (Number.isFinite(best)) {
        expect(best).toBeGreaterThanOrEqual(previous);
        previous = best;
      }
    }
    // H100: owning at TCO defaults is cheaper per token than renting at the catalog's on-demand price.
    const h100 = rows.find((r) => r.chip === "h100-sxm");
    expect(h100?.owned?.usdPerMillionOutputTokens).toBeLessThan(h100?.rented?.usdPerMillionOutputTokens ?? 0);
  });
});

describe("forecast on one vendor's chips", () => {
  it("fits only the chips given", async () => {
    const { forecast } = await import("../../src/planners/forecast.ts");
    const { chips } = await import("../../src/catalog/hardware.ts");
    const nvidia = chips.filter((c) => c.vendor === "NVIDIA" && c.use !== "inference");
    const r = forecast({ description: "run", costUsd: 1e6, days: 10, megawattHours: 100 }, 2026, 2, nvidia);
    const ids = new Set(nvidia.map((c) => c.id));
    for (const t of r.trends) for (const id of t.chips) expect(ids.has(id)).toBe(true);
    expect(r.projections).toHaveLength(2);
    // Cost falls with the fitted per-dollar factor: cost(2027) = cost(2026) / ×/year.
    const perDollar = r.trends.find((t) => t.metric === "bf16FlopsPerDollar");
    expect(r.projections[0].costUsd).toBeCloseTo(1e6 / (perDollar?.annualFactor ?? 1), 0);
  });
});
