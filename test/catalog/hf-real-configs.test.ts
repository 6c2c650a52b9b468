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
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCli } from "../../src/faces/cli/main.ts";
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
  let stdout = "";
  let stderr = "";
  const cli = buildCli({ write: (t) => (stdout += t), error: (t) => (stderr += t) });
  cli.parse(["node", "danlu", ...args], { run: false });
  const code = (await cli.runMatchedCommand()) as number;
  return { code, stdout, stderr };
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
