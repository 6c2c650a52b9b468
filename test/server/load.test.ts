import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultTrainScenario } from "../../src/faces/cli/commands/train.ts";
import { type RunningServer, startServer } from "../../src/faces/server/serve.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, staticDir: "" });
});
afterAll(() => server?.close());

it("serves 10,000 requests at 64 concurrent on loopback with zero errors", async () => {
  const total = 10_000;
  const concurrency = 64;
  const body = JSON.stringify(defaultTrainScenario);
  // Mostly plans; every 10th request is a bad body, which must answer 400, not fail.
  const bad = JSON.stringify({ ...defaultTrainScenario, hardware: { chip: "h100-sxm", count: "x" } });
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      const i = next++;
      const wantBad = i % 10 === 9;
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.url}/api/v1/train`, { method: "POST", body: wantBad ? bad : body, headers: { "content-type": "application/json" } });
        const json = (await res.json()) as { stepTimeSeconds?: number; issues?: unknown[] };
        const ok = wantBad ? res.status === 400 && Array.isArray(json.issues) : res.status === 200 && Number.isFinite(json.stepTimeSeconds);
        if (!ok) failures.push(`#${i}: HTTP ${res.status}`);
      } catch (error) {
        failures.push(`#${i}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(
    `load test: ${total} requests, ${concurrency} concurrent, ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} req/s, p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, errors ${failures.length}`,
  );
  expect(failures.slice(0, 5)).toEqual([]);
  expect(latencies.length).toBe(total);
}, 60_000);
