/** The SLO solver on a mix of request classes (issue 12 §6, Mélange-style chip-kind assignment). */
import { describe, expect, it } from "vitest";
import { solveSlo } from "../../src/planners/slo.ts";

// Llama 3.1 8B, 20 req/s: 80% short chats with loose targets, 20% long RAG prompts with tight ones.
const mix = [
  { name: "chat", share: 0.8, inputTokens: 200, outputTokens: 100, slo: { ttftSeconds: 2, tpotSeconds: 0.2 } },
  { name: "rag", share: 0.2, inputTokens: 8000, outputTokens: 300, slo: { ttftSeconds: 0.3, tpotSeconds: 0.03 } },
];
const question = { model: "llama-3.1-8b", workload: { requestsPerSecond: 20, mix }, slo: { ttftSeconds: 1, tpotSeconds: 0.1 }, chips: ["a100-sxm-80gb", "h100-sxm"] };

describe("SLO mix", () => {
  const a = solveSlo(question);
  it("puts the short chats on one A100 ($1.59/h) and the long prompts on two H100s ($3.29/h each)", () => {
    expect(a.mix?.classes.map((c) => [c.name, c.setup?.chip, c.setup?.chipCount])).toEqual([
      ["chat", "a100-sxm-80gb", 1],
      ["rag", "h100-sxm", 2],
    ]);
    expect(a.mix?.chips).toEqual(["a100-sxm-80gb", "h100-sxm"]);
    expect(a.mix?.usdPerHour).toBeCloseTo(1.59 + 2 * 3.29, 9);
    // 16 req/s × 100 + 4 req/s × 300 = 2,800 output tokens/s
    expect(a.mix?.usdPerMillionOutputTokens).toBeCloseTo(((1.59 + 2 * 3.29) / 3600 / 2800) * 1e6, 9);
  });
  it("beats the cheapest single chip kind: H100 for both classes, 1 + 2 chips", () => {
    expect(a.mix?.singleChip?.chip).toBe("h100-sxm");
    expect(a.mix?.singleChip?.usdPerHour).toBeCloseTo(3 * 3.29, 9);
  });
  it("prices each class as the single-class question at its share of the rate with its own targets", () => {
    const rag = solveSlo({ ...question, workload: { inputTokens: 8000, outputTokens: 300, requestsPerSecond: 4 }, slo: { ttftSeconds: 0.3, tpotSeconds: 0.03 } });
    expect(a.mix?.classes[1].setup?.usdPerHour).toBe(rag.setups[0].usdPerHour);
    expect(a.mix?.classes[1].requestsPerSecond).toBeCloseTo(4, 12);
    expect(a.setups.every((x) => x.class === "chat" || x.class === "rag")).toBe(true);
  });
  it("rejects shares that do not sum to 1, and a workload with neither input tokens nor a mix", () => {
    expect(() => solveSlo({ ...question, workload: { requestsPerSecond: 20, mix: [{ ...mix[0], share: 0.5 }] } })).toThrow(/workload\.mix.*sum to 1/s);
    expect(() => solveSlo({ ...question, workload: { requestsPerSecond: 20 } })).toThrow(/workload\.inputTokens/);
  });
});

describe("SLO mix on the CLI and the API", () => {
  it("--mix parses name=share:in/out[:ttft/tpot] classes", async () => {
    const { parseMix } = await import("../../src/faces/cli/commands/slo.ts");
    expect(parseMix("chat=0.8:200/100:2s/200ms,0.2:8000/300")).toEqual([
      { name: "chat", share: 0.8, inputTokens: 200, outputTokens: 100, slo: { ttftSeconds: 2, tpotSeconds: 0.2 } },
      { name: "class 2", share: 0.2, inputTokens: 8000, outputTokens: 300 },
    ]);
  });
  it("POST /api/v1/slo answers a mix; a bad share is a 400 naming the field", async () => {
    const { createApp } = await import("../../src/faces/server/app.ts");
    const app = await createApp({ bodyLimitBytes: 64 * 1024 });
    const post = (body: unknown) => app.request("http://localhost/api/v1/slo", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const ok = await post(question);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.mix.chips).toEqual(["a100-sxm-80gb", "h100-sxm"]);
    const bad = await post({ ...question, workload: { requestsPerSecond: 20, mix: [{ ...mix[0], share: 0.5 }] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/workload\.mix/);
  });
});
