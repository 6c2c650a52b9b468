import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as run } from "./run.ts";

describe("danlu CLI", () => {
  it("prints the Train result as JSON for a scenario file", async () => {
    const r = await run("train", "--scenario", "examples/llama-3.1-405b-h100.yaml", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.parallelism.tp).toBe(8);
    expect(json.tokensPerSecondPerChip).toBeGreaterThan(100);
  });

  it("exits 2 with the field, value and nearest ids on bad input, and no stack trace", async () => {
    const r = await run("train", "--model", "llama-3.1-405b", "--chip", "h10", "--count", "8", "--tokens", "1T", "--seq", "4096", "--batch", "4Mi");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/hardware\.chip = "h10": expected a known chip id \(did you mean: .*h100/);
    expect(r.stderr).not.toMatch(/\s+at .*\.ts:\d+/);
  });

  it("--option sets a scenario option (repeatable, typed), and an unknown key or a bad value exits 2 naming it", async () => {
    const plan = [
      "--model",
      "llama-3.1-405b",
      "--chip",
      "gb200",
      "--count",
      "256",
      "--tokens",
      "1T",
      "--seq",
      "8k",
      "--batch",
      "12Mi",
      "--tp",
      "4",
      "--pp",
      "16",
      "--dp",
      "4",
      "--cp",
      "1",
      "--vp",
      "8",
      "--mbs",
      "1",
      "--recompute",
      "none",
      "--precision",
      "fp8",
    ];
    // PP 16 × VP 8 = 128 chunks for 126 layers: refused, with the option that admits it named.
    const refused = await run("train", ...plan);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/pp·virtualStages <= 126 layers \(or set options\.pipelineSplitCountsEmbeddingAndLoss/);
    const ok = await run("train", ...plan, "--option", "pipelineSplitCountsEmbeddingAndLoss=true", "--option", "fp8Attention=true", "--json");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).parallelism.virtualStages).toBe(8);
    const bad = await run("train", ...plan, "--option", "pipelineSplit=true", "--option", "fp8Attention=maybe", "--json");
    expect(bad.status).toBe(2);
    const issues = JSON.parse(bad.stdout).error.issues as { path: string; suggestions?: string[] }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["options.fp8Attention", "options.pipelineSplit"]);
    expect(issues.find((i) => i.path === "options.pipelineSplit")?.suggestions?.[0]).toBe("pipelineSplitCountsEmbeddingAndLoss");
    // "__proto__" is an unknown key like any other, not a silent prototype write.
    const proto = await run("train", ...plan, "--option", "__proto__=1", "--json");
    expect(proto.status).toBe(2);
    expect(JSON.parse(proto.stdout).error.issues[0].path).toBe("options.__proto__");
  });

  it("--offload-modules fixes fine-grained activation offload and the plan says which inputs go to the host", async () => {
    const qwen = "--model qwen3-235b-a22b --chip gb200 --count 256 --tokens 1T --seq 4096 --batch 12Mi".split(" ");
    const plan = "--system gb200-nvl72 --tp 1 --pp 4 --dp 64 --cp 1 --ep 64 --vp 6 --mbs 3 --recompute selective --precision fp8".split(" ");
    const r = await run("train", ...qwen, ...plan, "--offload-modules", "expert_fc1,moe_act");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/offload to host: activations \(inputs of expert_fc1, moe_act\)/);
    const bad = await run("train", ...qwen, "--offload-modules", "attn_proj", "--json");
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.issues[0].path).toBe("parallelism.offloadActivationModules");
  });

  it("--recompute-modules fixes Megatron-Core's selective recompute modules and the plan names them", async () => {
    const oss = "--model gpt-oss-120b --chip gb200 --count 64 --tokens 1T --seq 4096 --batch 5Mi --tp 1 --pp 1 --ep 64 --mbs 4 --precision bf16 --offload none".split(" ");
    const r = await run("train", ...oss, "--recompute-modules", "layernorm,moe_act");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/recompute selective\s+\(modules layernorm, moe_act\)/);
    const json = JSON.parse((await run("train", ...oss, "--recompute-modules", "layernorm,moe_act", "--json")).stdout);
    expect(json.parallelism.recomputeModules).toEqual(["layernorm", "moe_act"]);
    const bad = await run("train", ...oss, "--recompute-modules", "mla_up_proj", "--json");
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.issues[0]).toMatchObject({ path: "parallelism.recomputeModules", expected: "mla_up_proj only on a multi-latent-attention model" });
  });

  it("says why an impossible plan does not fit", async () => {
    const r = await run(
      "train",
      "--model",
      "llama-3.1-405b",
      "--chip",
      "h100-sxm",
      "--count",
      "8",
      "--tokens",
      "1T",
      "--seq",
      "4096",
      "--batch",
      "4Mi",
      "--tp",
      "8",
      "--pp",
      "1",
      "--dp",
      "1",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/fits: NO — needs \d+\.\d GB per chip, NVIDIA H100 SXM5 80GB has 80 GB/);
  });

  it("states the expert all-to-all it assumed for an MoE plan with expert parallelism (overlap and dispatcher)", async () => {
    const r = await run(
      "train",
      ...["--model", "qwen3-30b-a3b", "--chip", "h100-sxm", "--count", "16", "--tokens", "1T", "--seq", "4096", "--batch", "4Mi"],
      ...["--tp", "1", "--pp", "1", "--dp", "16", "--cp", "1", "--ep", "16", "--mbs", "1"],
    );
    expect(r.status).toBe(0);
    // megatron-core-2025's defaults: overlapped (1F1B A2A), deduplicated per node (DeepEP/HybridEP); EP 16 spans two 8-GPU nodes.
    expect(r.stdout).toContain("expert all-to-all: overlapped with another micro-batch; sent once per destination node (DeepEP/HybridEP)");
  });

  it("rejects an unknown MoE dispatcher with the field, the value and the valid ids, exit 2, no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danlu-dispatch-"));
    const file = join(dir, "moe.json");
    const scenario = { model: "qwen3-30b-a3b", hardware: { chip: "h100-sxm", count: 16 }, training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 4194304 } };
    writeFileSync(file, JSON.stringify({ ...scenario, options: { expertDispatcher: "nccl" } }));
    const r = await run("train", "--scenario", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('options.expertDispatcher = "nccl": expected one of "deduplicated", "all-to-all"');
    expect(r.stderr).not.toMatch(/\s+at .*\.ts:\d+/);
  });

  it("lists chips with sources and rejects an unknown kind with exit code 2", async () => {
    expect((await run("catalog", "chips", "h100-sxm")).stdout).toMatch(/Sources:/);
    const bad = await run("catalog", "chipz");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/did you mean: chips/);
  });

  it("rejects an unknown command with exit code 2", async () => {
    expect((await run("trian")).status).toBe(2);
  });

  it("the danlu process: bin/danlu.js runs a plan, exits 2 on bad input with no stack trace", () => {
    const ok = spawnSync(process.execPath, ["bin/danlu.js", "train", "--scenario", "examples/llama-3.1-405b-h100.yaml", "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).parallelism.tp).toBe(8);
    const bad = spawnSync(process.execPath, ["bin/danlu.js", "trian"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "trian"/);
    expect(bad.stderr).not.toMatch(/\s+at /);
  });
});

describe("danlu schema", () => {
  it("prints the JSON Schema of a question's input, and of its result with --result", async () => {
    const r = await run("schema", "train");
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(expect.arrayContaining(["model", "hardware", "training"]));
    // A catalog id, or an inline chip in the catalog schema (issue 14).
    expect(schema.properties.hardware.properties.chip.anyOf.map((s: { type: string }) => s.type)).toEqual(["string", "object"]);
    expect(schema.additionalProperties).toBe(false);
    const result = JSON.parse((await run("schema", "infer", "--result")).stdout);
    expect(result.required).toEqual(expect.arrayContaining(["ttftSeconds", "tpotSeconds", "kvCacheBytesPerToken"]));
  });

  it("names the nearest question for an unknown one, exit 2", async () => {
    const r = await run("schema", "trian");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/did you mean: train/);
  });
});
