import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultTrainScenario } from "../../src/faces/cli/commands/train.ts";
import { createApp } from "../../src/faces/server/app.ts";

let app: Hono;
beforeAll(async () => {
  app = await createApp({ bodyLimitBytes: 64 * 1024 });
});

const post = (path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  app.request(`http://localhost${path}`, { method: "POST", body, headers });
// biome-ignore lint/suspicious/noExplicitAny: tests mutate nested scenario fields freely.
const scenario = () => structuredClone(defaultTrainScenario) as unknown as Record<string, any>;

describe("POST /api/v1/train", () => {
  it("answers the docs/contract.md contract for the default 405B scenario, all numbers finite", async () => {
    const res = await post("/api/v1/train", JSON.stringify(scenario()));
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(typeof r.fits).toBe("boolean");
    expect(r.parallelism).toMatchObject({ tp: 8, pp: 16, dp: 128, cp: 1 });
    for (const k of [
      "memoryPerChipBytes",
      "stepTimeSeconds",
      "tokensPerSecond",
      "tokensPerSecondPerChip",
      "modelFlopsPerSecondPerChip",
      "mfu",
      "wallClockDays",
      "chipHours",
      "energyMegawattHours",
    ]) {
      expect(Number.isFinite(r[k]), k).toBe(true);
      expect(r[k], k).toBeGreaterThan(0);
    }
    for (const k of ["compute", "exposedCommunication", "pipelineBubble", "other"]) expect(Number.isFinite(r.breakdownSeconds[k]), k).toBe(true);
    expect(r.mfu).toBeLessThan(1);
  });

  it.each([
    ["malformed JSON", '{"model": ', ""],
    ["empty body", "", ""],
    ["unknown key", JSON.stringify({ ...scenario(), colour: "red" }), "colour"],
    ["unknown nested key", JSON.stringify({ ...scenario(), hardware: { chip: "h100-sxm", count: 8, chips: 3 } }), "hardware.chips"],
    ["wrong type", JSON.stringify({ ...scenario(), hardware: { chip: "h100-sxm", count: "many" } }), "hardware.count"],
    ["non-object body", "[1,2,3]", ""],
    ["null body", "null", ""],
  ])("400 with the field path for %s", async (_name, body, path) => {
    const res = await post("/api/v1/train", body);
    expect(res.status).toBe(400);
    const r = await res.json();
    expect(r.error).toBeTypeOf("string");
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("400 with suggestions for an unknown chip", async () => {
    const s = scenario();
    s.hardware.chip = "h100-sxmm";
    const r = await (await post("/api/v1/train", JSON.stringify(s))).json();
    expect(r.issues[0].path).toBe("hardware.chip");
    expect(r.issues[0].suggestions).toContain("h100-sxm");
  });

  it("413 over the size limit, with or without content-length", async () => {
    const big = JSON.stringify({ ...scenario(), pad: "x".repeat(70 * 1024) });
    const res = await post("/api/v1/train", big);
    expect(res.status).toBe(413);
    expect((await res.json()).issues[0].expected).toMatch(/at most/);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request("http://localhost/api/v1/train", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("never answers 500 to a battery of odd bodies", async () => {
    const odd = [
      "1",
      '"x"',
      "true",
      "{}",
      '{"model":{}}',
      '{"model":{"hidden_size":-1}}',
      JSON.stringify({ ...scenario(), training: { tokens: "lots", sequenceLength: 0, globalBatchTokens: -1 } }),
      JSON.stringify({ ...scenario(), parallelism: { tp: 7 } }),
      JSON.stringify({ ...scenario(), hardware: { chip: "h100-sxm", count: 1e9 } }),
      JSON.stringify({ ...scenario(), precision: "int3" }),
      "\u0000",
    ];
    for (const body of odd) {
      const res = await post("/api/v1/train", body);
      expect(res.status, body).toBeLessThan(500);
    }
  });
});

describe("catalog, health, openapi", () => {
  it("health", async () => {
    const r = await (await app.request("http://localhost/api/v1/health")).json();
    expect(r.status).toBe("ok");
  });

  it.each(["chips", "systems", "networks", "models", "formats"])("lists %s with sources", async (kind) => {
    const list = await (await app.request(`http://localhost/api/v1/catalog/${kind}`)).json();
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].sources).toBeTypeOf("object");
    const one = await app.request(`http://localhost/api/v1/catalog/${kind}/${list[0].id}`);
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(list[0].id);
  });

  it("404 with suggestions for an unknown id or kind", async () => {
    const res = await app.request("http://localhost/api/v1/catalog/chips/h10");
    expect(res.status).toBe(404);
    expect((await res.json()).issues[0].suggestions.length).toBeGreaterThan(0);
    expect((await app.request("http://localhost/api/v1/catalog/chipz")).status).toBe(404);
  });

  it("OpenAPI is generated from the zod schema (strict objects, contract keys)", async () => {
    const doc = await (await app.request("http://localhost/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const schema = doc.paths["/api/v1/train"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["model", "hardware", "precision", "training", "parallelism"]));
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("POST /api/v1/infer and /tco (when their planners are in this build)", () => {
  const infer = { model: "llama-3.1-70b", hardware: { chip: "h100-sxm", count: 4 }, precision: "fp8", workload: { inputTokens: 1024, outputTokens: 1024, concurrency: 64 } };
  it("infer answers the contract, or 501 when the planner is absent", async () => {
    const res = await post("/api/v1/infer", JSON.stringify(infer));
    if (res.status === 501) return;
    expect(res.status).toBe(200);
    const r = await res.json();
    for (const k of [
      "memoryPerChipBytes",
      "kvCacheBytesPerToken",
      "maxConcurrency",
      "ttftSeconds",
      "tpotSeconds",
      "outputTokensPerSecond",
      "outputTokensPerSecondPerChip",
      "requestsPerSecond",
    ])
      expect(Number.isFinite(r[k]), k).toBe(true);
    const bad = await post("/api/v1/infer", JSON.stringify({ ...infer, extra: 1 }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].path).toBe("extra");
  });
  it("tco never 500s on a bad body", async () => {
    expect((await post("/api/v1/tco", "{")).status).toBeLessThan(500);
    expect((await post("/api/v1/tco", JSON.stringify({ chip: "h100-sxm", count: "x" }))).status).toBeLessThan(500);
  });
});

describe("POST /api/v1/model", () => {
  it("summarises a catalog model and an inline config; an unknown model_type is a 400 naming the key", async () => {
    const byId = await post("/api/v1/model", JSON.stringify({ model: "deepseek-r1" }));
    expect(byId.status).toBe(200);
    const r = await byId.json();
    expect(r.totalParameters / 1e9).toBeCloseTo(671, 0);
    expect(r.nativeWeights.format).toBe("fp8");
    expect(r.kvCache.bytesPerTokenByFormat.bf16).toBe(61 * (512 + 64) * 2);
    const inline = await post(
      "/api/v1/model",
      JSON.stringify({ model: { model_type: "mamba", hidden_size: 256, num_hidden_layers: 2, vocab_size: 100, state_size: 16, conv_kernel: 4 } }),
    );
    expect(inline.status).toBe(200);
    expect((await inline.json()).kvCache.stateBytesPerSequence).toBeGreaterThan(0);
    const bad = await post("/api/v1/model", JSON.stringify({ model: { model_type: "rwkv" } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("model.model_type");
  });
});
