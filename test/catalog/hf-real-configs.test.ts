/**
 * Issue 14's acceptance loop: real Hugging Face config.json files (test/fixtures/hf-configs, each with its
 * source in manifest.json) load through `danlu model --model FILE --json` with total and active parameters
 * within 3% of the published figures, and `danlu infer` plans each on 8 H200.
 *
 * Published active counts follow three conventions, named per model in the manifest (`activeConvention`):
 * "all" (every weight a token touches, embedding lookup included: Qwen, Meta, DeepSeek, Moonshot, Mistral),
 * "excluding-input-embedding" (OpenAI's gpt-oss card counts the unembedding but not the embedding: 5.1B; Z.ai's
 * GLM-4.5 32B; NVIDIA's Nemotron 3 Nano 3.2B, "3.6B including embeddings"), and "non-embedding" (MiniMax's 9.8B
 * for M2.5). `danlu model` prints all three.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { parseJsonText } from "../../src/planners/model.ts";

interface Entry {
  id: string;
  file: string;
  hfRepo: string;
  configSource: string;
  publishedTotalParameters: number;
  publishedActiveParameters?: number | null;
  activeConvention?: "all" | "excluding-input-embedding" | "non-embedding";
  paramSource: string;
  paramSourceQuote: string;
}

const dir = join(import.meta.dirname, "../fixtures/hf-configs");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Entry[];

/**
 * Published only as a rounded name: TII's card says "Falcon-40B is a 40B parameters causal decoder-only model";
 * its config counts 41.3B (+3.3%), the one file here outside 3%.
 */
const roundedNames = new Set(["falcon-40b"]);

async function danlu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCli(...args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const within = (value: number, published: number) => Math.abs(value / published - 1);

describe("real Hugging Face configs (issue 14)", () => {
  it("the fixture set holds at least 34 configs, each with its sources", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(34);
    for (const e of manifest) {
      expect(e.configSource).toMatch(/\S/);
      expect(e.paramSource).toMatch(/\S/);
      expect(e.paramSourceQuote).toMatch(/\S/);
    }
  });

  const passed: string[] = [];
  it.each(manifest.map((e) => [e.id, e] as const))("%s: danlu model --json matches the published total and active parameters", async (_id, e) => {
    const r = await danlu(["model", "--model", join(dir, e.file), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const totalError = within(s.totalParameters, e.publishedTotalParameters);
    if (roundedNames.has(e.id)) expect(totalError).toBeLessThan(0.04);
    else expect(totalError).toBeLessThanOrEqual(0.03);
    if (e.publishedActiveParameters) {
      const active =
        e.activeConvention === "non-embedding"
          ? s.activeNonEmbeddingParameters
          : e.activeConvention === "excluding-input-embedding"
            ? s.activeParametersExcludingInputEmbedding
            : s.activeParameters;
      expect(within(active, e.publishedActiveParameters)).toBeLessThanOrEqual(0.03);
    }
    if (totalError <= 0.03) passed.push(e.id);
  });

  it("at least 32 of them are within 3%", () => {
    expect(passed.length).toBeGreaterThanOrEqual(32);
  });

  it.each(manifest.map((e) => [e.id, e] as const))("%s: danlu infer plans it on 8 H200", (_id, e) => {
    const config = parseJsonText(readFileSync(join(dir, e.file), "utf8"), e.file) as Record<string, unknown>;
    const r = planInfer({ model: { ...config, _name_or_path: e.id }, hardware: { chip: "h200-sxm", count: 8 }, workload: { inputTokens: 1024, outputTokens: 512 } });
    expect(r.fits).toBe(true);
    expect(r.outputTokensPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(r.tpotSeconds)).toBe(true);
    expect(r.activeParameters).toBeLessThanOrEqual(r.totalParameters);
  });
});

describe("danlu model refusals are exit-2 errors naming the key", () => {
  const write = (name: string, text: string) => {
    const path = join(tmpdir(), `danlu-i14-${process.pid}-${name}`);
    writeFileSync(path, text);
    return path;
  };

  it("an unsupported model_type lists the supported ones and suggests no other family", async () => {
    const r = await danlu(["model", "--model", write("rwkv.json", JSON.stringify({ model_type: "rwkv", hidden_size: 2048 }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("model.model_type");
    expect(r.stderr).toContain("gemma3, ");
    expect(r.stderr).not.toContain("did you mean");
  });

  it("a missing size names the key under text_config for a wrapper", async () => {
    const r = await danlu(["model", "--model", write("wrapped.json", JSON.stringify({ model_type: "llava", text_config: { model_type: "llama", num_hidden_layers: 2 } }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("model.text_config.hidden_size");
  });

  it("a malformed file says which line and column", async () => {
    const r = await danlu(["model", "--model", write("bad.json", '{\n  "model_type": "llama",\n  "hidden_size": 4096,,\n}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("line 3, column 23");
  });

  it("Python's Infinity and NaN literals are read (Nemotron-H's time_step_limit)", () => {
    expect(parseJsonText('{"a": [0.0, Infinity], "b": -Infinity, "c": NaN, "d": "Infinity"}', "x")).toEqual({
      a: [0, Number.POSITIVE_INFINITY],
      b: Number.NEGATIVE_INFINITY,
      c: Number.NaN,
      d: "Infinity",
    });
  });

  it("no --model is an exit-2 error naming --model", async () => {
    const r = await danlu(["model"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--model");
  });
});
