import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/faces/server/app.ts";

const run = (...args: string[]) => spawnSync("npx", ["tsx", "src/faces/cli/main.ts", ...args], { encoding: "utf8" });

describe("danlu finetune / rl / scale on the command line", () => {
  it("finetune: the issue's flags, JSON with the contract's fields", () => {
    const r = run(
      "finetune",
      "--model",
      "llama-2-70b",
      "--method",
      "qlora",
      "--lora-rank",
      "64",
      "--optimizer",
      "adamw",
      "--chip",
      "l40s",
      "--count",
      "1",
      "--seq",
      "512",
      "--batch",
      "1",
      "--tokens",
      "10M",
      "--json",
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fits).toBe(true);
    for (const k of ["memoryPerChipBytes", "totalParameters", "trainableParameters", "stepTimeSeconds", "tokensPerSecond", "wallClockDays"])
      expect(Number.isFinite(j[k]), k).toBe(true);
    expect(j.memoryBreakdownBytes.baseWeightsBytes).toBeGreaterThan(30e9);
  });

  it("rl: --placement split reports the ratio, stepTimeSeconds and breakdownSeconds", () => {
    const r = run(
      "rl",
      "--model",
      "qwen2.5-7b",
      "--chip",
      "h100-sxm",
      "--count",
      "8",
      "--prompts",
      "64",
      "--samples",
      "8",
      "--input",
      "1024",
      "--output",
      "8192",
      "--placement",
      "split",
      "--json",
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.stepTimeSeconds).toBeGreaterThan(0);
    expect(Object.keys(j.breakdownSeconds).sort()).toEqual(["reference", "reward", "rollout", "training", "weightSync"]);
    expect(j.ratio).toMatch(/^\d+:\d+$/);
  });

  it("scale --compute 5.76e23: about 70B parameters on about 1.4T tokens", () => {
    const r = run("scale", "--compute", "5.76e23", "--json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters / 1e9).toBeGreaterThan(65);
    expect(j.parameters / 1e9).toBeLessThan(77);
    expect(j.tokens / 1e12).toBeGreaterThan(1.25);
    expect(j.tokens / 1e12).toBeLessThan(1.45);
    expect(j.computeFlops).toBe(5.76e23);
    expect(j.predictedLoss).toBeGreaterThan(1.8);
  });

  it("bad flags exit 2 with the field", () => {
    const r = run("finetune", "--optimizer", "adam");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/optimizer/);
    const s = run("scale", "--chip-hours", "1e6");
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/hardware\.chip/);
  });
});

describe("POST /api/v1/finetune, /rl, /scale", () => {
  it("answer 200 with finite numbers, and 400 naming the field on bad input", async () => {
    const app = await createApp({ bodyLimitBytes: 64 * 1024 });
    const post = (path: string, body: unknown) =>
      app.request(`http://localhost${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const ft = await post("/api/v1/finetune", { model: "llama-3.1-8b", hardware: { chip: "rtx-4090", count: 1 }, method: "lora" });
    expect(ft.status).toBe(200);
    expect((await ft.json()).fits).toBe(true);
    const sc = await post("/api/v1/scale", { budget: { computeFlops: 5.76e23 } });
    expect(sc.status).toBe(200);
    expect((await sc.json()).parameters).toBeGreaterThan(6e10);
    const rl = await post("/api/v1/rl", { model: "qwen2.5-7b", hardware: { chip: "h100-sxm", count: 8 }, rollout: { outputTokens: 2048 } });
    expect(rl.status).toBe(200);
    const bad = await post("/api/v1/scale", { budget: {} });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("budget");
  });
});
