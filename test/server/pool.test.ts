import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/faces/server/serve.ts";

// A search this server cannot finish in its 1 s budget: DeepSeek-V3 on 8,648,640 chips (448 divisors, 256 experts).
const endless = JSON.stringify({
  model: "deepseek-v3",
  precision: "auto",
  hardware: { chip: "h100-sxm", count: 8648640 },
  training: { tokens: 1e15, sequenceLength: 4096, globalBatchTokens: 4096 * 8648640 },
});
const quick = JSON.stringify({
  model: "llama-3.1-8b",
  hardware: { chip: "h100-sxm", count: 8 },
  training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 },
  parallelism: { tp: 8, pp: 1, dp: 1, cp: 1 },
});
const json = { "content-type": "application/json" };

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, staticDir: "", threads: 2, timeBudgetMs: 1000, maxInFlight: 4 });
});
afterAll(() => server?.close());

const post = (body: string, signal?: AbortSignal) => fetch(`${server.url}/api/v1/train`, { method: "POST", body, headers: json, signal });

describe("planning on a worker pool", () => {
  it("answers a plan from a worker", async () => {
    const res = await post(quick);
    expect(res.status).toBe(200);
    expect((await res.json()).parallelism).toMatchObject({ tp: 8, dp: 1 });
  });

  it("stops a search at its time budget (422, the worker terminated) while /health answers at once", async () => {
    const pending = [post(endless), post(endless)];
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    const health = await fetch(`${server.url}/api/v1/health`);
    const healthMs = performance.now() - t0;
    const status = await health.json();
    console.log(`/health with every worker busy: ${healthMs.toFixed(1)} ms, ${JSON.stringify(status.planning)}`);
    expect(health.status).toBe(200);
    expect(status.planning.running).toBe(2);
    expect(healthMs).toBeLessThan(2000);
    for (const res of await Promise.all(pending)) {
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error).toBe("time budget exceeded");
      expect(body.issues[0].expected).toMatch(/within 1 s/);
    }
    expect(server.runner.stats().timedOut).toBe(2);
    // The terminated workers are replaced: the next request plans normally.
    expect((await post(quick)).status).toBe(200);
  }, 60_000);

  it("cancels the work when the client disconnects", async () => {
    const before = server.runner.stats().aborted;
    const controller = new AbortController();
    const pending = post(endless, controller.signal).catch((e: Error) => e.name);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    expect(await pending).toBe("AbortError");
    for (let i = 0; i < 50 && server.runner.stats().aborted === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.runner.stats().aborted).toBe(before + 1);
    expect(server.runner.inFlight()).toBe(0);
  }, 30_000);

  it("answers 503 with Retry-After beyond the in-flight limit", async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, () => post(endless)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 503).length).toBe(4);
    const refused = burst.find((r) => r.status === 503) as Response;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toBe("server busy");
  }, 60_000);
});
