import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { trendFigures } from "../../src/faces/web/views/Forecast.tsx";
import { clearTrendRSquared, fitTrends } from "../../src/planners/forecast.ts";
import { ruleLine, ruleOfThumbSource } from "../../src/planners/rules-of-thumb.ts";

const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/faces/cli/main.ts", ...args], { encoding: "utf8" });

describe("trends with little fit are 'no clear trend', never a negative doubling time", () => {
  it("marks every fit below R² 0.3 and gives a doubling time only for clear, rising ones", () => {
    const trends = fitTrends();
    expect(trends.some((t) => !t.clearTrend)).toBe(true);
    for (const t of trends) {
      expect(t.clearTrend).toBe(t.rSquared >= clearTrendRSquared);
      if (t.doublingYears !== undefined) expect(t.doublingYears).toBeGreaterThan(0);
      if (!t.clearTrend) {
        expect(t.doublingYears).toBeUndefined();
        expect(t.halvingYears).toBeUndefined();
        expect(trendFigures(t).doublingYears).toBe("no clear trend");
        expect(trendFigures(t, "zh").doublingYears).toBe("无明显趋势");
      }
    }
  });

  it("danlu forecast prints no negative doubling time, names the rule's source and fits 100 columns", () => {
    const r = cli("forecast");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("no clear trend");
    expect(r.stdout).not.toMatch(/[−-]\d+(\.\d+)? y\b/);
    expect(r.stdout).toContain(ruleOfThumbSource.url);
    expect(r.stdout).not.toMatch(/lecture/);
    for (const line of r.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
    const json = JSON.parse(cli("forecast", "--json").stdout);
    for (const t of json.trends) if (t.doublingYears !== undefined) expect(t.doublingYears).toBeGreaterThan(0);
  });
});

describe("self-checks read as rules of thumb from a named source", () => {
  it("says holds / does not hold here", () => {
    expect(ruleLine("accelerators are about half of the owned cost", true, "49.8%", "40-60%")).toBe(
      "rule of thumb: accelerators are about half of the owned cost — holds here (49.8%; expected 40-60%)",
    );
    expect(ruleLine("x", false, "1", "2")).toMatch(/does not hold here/);
  });

  it("danlu tco prints its checks that way, with the talk and the summary to read", () => {
    const r = cli("tco", "--chip", "h100-sxm", "--count", "1024", "--years", "4");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rule of thumb: accelerators are about half of the owned cost — holds here \(\d+\.\d%; expected 40-60%\)/);
    expect(r.stdout).not.toMatch(/✗|✓|lecture/);
    expect(r.stdout).toContain("docs/rules-of-thumb.md");
    for (const line of r.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
  });
});
