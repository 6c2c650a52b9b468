// One contract suite that every question of src/planners/questions.ts runs (Hono's common.case pattern):
// a real input plans to a result its output schema accepts, bad input is an InputError naming the field,
// and over HTTP the request answers 200 with a body that the OpenAPI document's response schema accepts
// (the schema read back from the document with z.fromJSONSchema), and 400 with the error schema.
// A question added to the table without a sample here fails the first test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createApp } from "../../src/faces/server/app.ts";
import { InputError, inputJsonSchema, questions } from "../../src/index.ts";

const load = (file: string) => parse(readFileSync(file, "utf8"));
const train405 = load("examples/llama-3.1-405b-h100.yaml");
const train8b = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 64 }, training: { tokens: "1T", sequenceLength: 8192, globalBatchTokens: "4Mi" } };

/** Parsed JSON (an answer as a client reads it). */
type Json = ReturnType<typeof JSON.parse>;

/** A real input per question, and a check of one value a correct answer must have. */
const samples: Record<string, { input: unknown; check: (result: Json) => void }> = {
  train: { input: train405, check: (r) => expect(r.parallelism.tp).toBe(8) },
  infer: { input: load("examples/infer-llama-3.1-70b-h100x4-fp8.yaml"), check: (r) => expect(r.chipCount).toBe(4) },
  slo: { input: load("examples/infer-slo-llama-3.1-70b-voice.yaml"), check: (r) => expect(r.setups.length).toBeGreaterThan(0) },
  tco: { input: { chip: "h100-sxm", count: 1024, years: 4 }, check: (r) => expect(r.count).toBe(1024) },
  power: { input: { chip: "h100-sxm", count: 1024 }, check: (r) => expect(r.acceleratorWatts).toBe(1024 * 700) },
  reliability: { input: { scenario: train405, trials: 50 }, check: (r) => expect(r.chips).toBe(16384) },
  search: {
    input: { scenario: train8b, top: 3, precisions: ["bf16", "fp8"] },
    check: (r) => {
      expect(r.top.length).toBe(3);
      for (let i = 1; i < r.top.length; i++) expect(r.top[i].stepTimeSeconds).toBeGreaterThanOrEqual(r.top[i - 1].stepTimeSeconds);
    },
  },
  deadline: {
    input: { scenario: { ...train8b, hardware: { chip: "h100-sxm" } }, deadlineDays: 30 },
    check: (r) => {
      expect(r.met).toBe(true);
      expect(r.best.wallClockDays).toBeLessThanOrEqual(30);
      expect(r.chips % 8).toBe(0);
    },
  },
  compare: {
    input: { scenario: train8b, chips: ["h100-sxm", "a100-sxm-80gb"] },
    check: (r) => expect(r.map((x: { chip: string }) => x.chip).sort()).toEqual(["a100-sxm-80gb", "h100-sxm"]),
  },
  capacity: { input: { chips: ["h100-sxm"], scopes: ["chip"] }, check: (r) => expect(r.rows[0].memoryBytes).toBe(80e9) },
  model: { input: { model: "deepseek-v3" }, check: (r) => expect(r.totalParameters / 1e9).toBeCloseTo(671, -1) },
  finetune: { input: load("examples/finetune-llama-2-70b-qlora-l40s.yaml"), check: (r) => expect(r.fits).toBe(true) },
  rl: { input: load("examples/rl-grpo-qwen2.5-7b-h100x8.yaml"), check: (r) => expect(r.shares.rollout).toBeGreaterThan(0) },
  scale: { input: load("examples/scale-chinchilla.yaml"), check: (r) => expect(r.parameters).toBeGreaterThan(1e9) },
  forecast: { input: { fromYear: 2026, years: 2 }, check: (r) => expect(r.projections.map((p: { year: number }) => p.year)).toEqual([2027, 2028]) },
};

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v)));

describe("every question", () => {
  it("has a sample here, a unique id, and object schemas for input and result", () => {
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(samples).sort());
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) expect(inputJsonSchema(q.id).type).toBe("object");
  });
});

describe.each(questions.map((q) => [q.id, q] as const))("question %s", (id, q) => {
  const sample = samples[id];

  it("plans a real input to a result its output schema accepts", () => {
    const result = json(q.plan(structuredClone(sample.input)));
    const parsed = q.output.safeParse(result);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    sample.check(result);
  });

  it("answers bad input with an InputError naming the field", () => {
    expect(() => q.plan({ bogusField: 1 })).toThrow(InputError);
    try {
      q.plan({ ...(sample.input as object), bogusField: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues.map((i) => i.path)).toContain("bogusField");
    }
  });

  it("over HTTP: 200 with a body the OpenAPI response schema accepts; 400 with the error schema", async () => {
    const app = await createApp();
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as Json;
    const op = doc.paths[`/api/v1/${id}`].post;
    const ok = await app.request(`/api/v1/${id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sample.input) });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    const response = z.fromJSONSchema(op.responses["200"].content["application/json"].schema);
    const checked = response.safeParse(body);
    expect(checked.success ? [] : checked.error.issues.slice(0, 3)).toEqual([]);
    // The document's request schema accepts the sample and refuses an unknown key.
    const request = z.fromJSONSchema(op.requestBody.content["application/json"].schema);
    expect(request.safeParse(sample.input).success).toBe(true);
    expect(request.safeParse({ ...(sample.input as object), bogusField: 1 }).success).toBe(false);
    const bad = await app.request(`/api/v1/${id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ bogusField: 1 }) });
    expect(bad.status).toBe(400);
    const error = z.fromJSONSchema(op.responses["400"].content["application/json"].schema);
    expect(error.safeParse(await bad.json()).success).toBe(true);
  });
});
