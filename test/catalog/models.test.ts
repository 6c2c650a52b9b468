import { describe, expect, it } from "vitest";
import { parseHfConfig } from "../../src/catalog/hf-config.ts";
import { catalogModels, getModelArchitecture, modelById, resolveModel } from "../../src/catalog/models.ts";
import { CatalogModel, unsourcedFields } from "../../src/catalog/schema.ts";
import { InputError } from "../../src/errors.ts";
import { parameterBreakdown, parameterCount } from "../../src/physics/workload.ts";

const ids = catalogModels.map((m) => m.id);

describe("catalog models", () => {
  it("holds the models the design and the validation data name", () => {
    for (const id of [
      "llama-2-7b",
      "llama-2-13b",
      "llama-2-70b",
      "llama-3.1-8b",
      "llama-3.1-70b",
      "llama-3.1-405b",
      "gpt-3-175b",
      "mixtral-8x7b",
      "mixtral-8x22b",
      "deepseek-v3",
      "qwen2.5-7b",
      "qwen2.5-72b",
      "gpt-j-6b",
      "megatron-gpt-1.7b",
      "megatron-gpt-314b",
      "megatron-sc21-1.7b",
      "megatron-sc21-1t",
      "megatron-korthikanti-22b",
      "megatron-korthikanti-530b",
      "megatron-korthikanti-1t",
    ]) {
      expect(modelById.has(id), id).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)("%s is a valid, fully sourced entry that parses", (id) => {
    const model = modelById.get(id);
    expect(CatalogModel.parse(model)).toEqual(model);
    expect(unsourcedFields(model as unknown as Record<string, unknown>)).toEqual([]);
    expect(model?.publishedParameters).toBeGreaterThan(0);
    const arch = getModelArchitecture(id);
    expect(arch.id).toBe(id);
    expect(arch).toEqual(parseHfConfig(model?.config ?? {}, id));
  });

  it("caches architectures", () => {
    expect(getModelArchitecture("llama-2-7b")).toBe(getModelArchitecture("llama-2-7b"));
    expect(Object.isFrozen(getModelArchitecture("llama-2-7b"))).toBe(true);
  });

  it("an unknown id is an InputError at the given path with the nearest ids", () => {
    let error: unknown;
    try {
      getModelArchitecture("llama-3-405b", "scenario.model");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues[0];
    expect(issue.path).toBe("scenario.model");
    expect(issue.suggestions).toContain("llama-3.1-405b");
  });

  it.each([
    // id, hidden, layers, heads, kv heads, head dim, intermediate, vocab, tied, max context
    ["llama-2-7b", 4096, 32, 32, 32, 128, 11008, 32000, false, 4096],
    ["llama-2-13b", 5120, 40, 40, 40, 128, 13824, 32000, false, 4096],
    ["llama-2-70b", 8192, 80, 64, 8, 128, 28672, 32000, false, 4096],
    ["llama-3.1-8b", 4096, 32, 32, 8, 128, 14336, 128256, false, 131072],
    ["llama-3.1-70b", 8192, 80, 64, 8, 128, 28672, 128256, false, 131072],
    ["llama-3.1-405b", 16384, 126, 128, 8, 128, 53248, 128256, false, 131072],
    ["mixtral-8x7b", 4096, 32, 32, 8, 128, 14336, 32000, false, 32768],
    ["mixtral-8x22b", 6144, 56, 48, 8, 128, 16384, 32000, false, 65536],
    ["qwen2.5-7b", 3584, 28, 28, 4, 128, 18944, 152064, false, 131072],
    ["qwen2.5-72b", 8192, 80, 64, 8, 128, 29568, 152064, false, 131072],
    ["gpt-j-6b", 4096, 28, 16, 16, 256, 16384, 50400, false, 2048],
    ["gpt-3-175b", 12288, 96, 96, 96, 128, 49152, 50257, true, 2048],
    ["megatron-gpt-70b", 8192, 84, 64, 64, 128, 32768, 131072, false, 4096],
    ["megatron-sc21-1.7b", 2304, 24, 24, 24, 96, 9216, 51200, true, 2048],
    ["megatron-korthikanti-530b", 20480, 105, 128, 128, 160, 81920, 51200, true, 2048],
  ] as const)("%s: parsed dimensions", (id, hidden, layers, heads, kvHeads, headDim, ffn, vocab, tied, context) => {
    const arch = getModelArchitecture(id);
    expect(arch).toMatchObject({
      hiddenSize: hidden,
      numLayers: layers,
      intermediateSize: ffn,
      vocabSize: vocab,
      tiedEmbeddings: tied,
      maxContextTokens: context,
      attention: { kind: "gqa", numHeads: heads, numKvHeads: kvHeads, headDim },
    });
  });

  it.each([
    ["llama-3.1-8b", { family: "llama", gatedMlp: true, normParametersPerHidden: 1, attentionBias: false, positionEmbeddings: 0 }],
    ["qwen2.5-7b", { family: "qwen2", gatedMlp: true, normParametersPerHidden: 1, attentionBias: true, positionEmbeddings: 0 }],
    ["gpt-j-6b", { family: "gptj", gatedMlp: false, normParametersPerHidden: 2, attentionBias: false, mlpBias: true }],
    ["gpt-3-175b", { family: "gpt2", gatedMlp: false, normParametersPerHidden: 2, attentionBias: true, positionEmbeddings: 2048 }],
    ["megatron-gpt-1.7b", { family: "gpt_neox", gatedMlp: false, normParametersPerHidden: 2, positionEmbeddings: 0 }],
  ] as const)("%s: family traits", (id, traits) => {
    expect(getModelArchitecture(id)).toMatchObject(traits);
  });

  it("only the models that publish windowed layers have a sliding window (Qwen2.5 ships with use_sliding_window false, Mixtral with null)", () => {
    // Gemma 3 (5 local per global), GPT-OSS (alternating 128-token windows) and Llama 4 (chunked attention) do.
    const windowed = new Set(["gemma-3-27b", "gpt-oss-20b", "gpt-oss-120b", "llama-4-scout", "llama-4-maverick"]);
    for (const id of ids) {
      if (windowed.has(id)) expect(getModelArchitecture(id).slidingWindow, id).toBeDefined();
      else expect(getModelArchitecture(id).slidingWindow, id).toBeUndefined();
    }
  });

  it("mixtral-8x7b: 8 experts, 2 per token, expert width = intermediate_size", () => {
    expect(getModelArchitecture("mixtral-8x7b").moe).toEqual({
      numExperts: 8,
      expertsPerToken: 2,
      expertIntermediateSize: 14336,
      numSharedExperts: 0,
      sharedIntermediateSize: 0,
      denseLayers: 0,
    });
  });

  it("deepseek-v3: MLA, 256 routed experts, 8 per token, 1 shared, first 3 layers dense", () => {
    const arch = getModelArchitecture("deepseek-v3");
    expect(arch).toMatchObject({ family: "deepseek_v3", hiddenSize: 7168, numLayers: 61, vocabSize: 129280 });
    expect(arch.intermediateSize).toBe(18432);
    expect(arch.attention).toEqual({
      kind: "mla",
      numHeads: 128,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(arch.moe).toEqual({
      numExperts: 256,
      expertsPerToken: 8,
      expertIntermediateSize: 2048,
      numSharedExperts: 1,
      sharedIntermediateSize: 2048,
      denseLayers: 3,
      routing: { routingGroups: 8, groupsPerToken: 4 }, // n_group 8, topk_group 4: node-limited routing
    });
  });
});

describe("parameter counts against published figures", () => {
  it.each(catalogModels.map((m) => [m.id, m.publishedParameters ?? Number.NaN] as const))("%s is within 3% of its published count", (id, published) => {
    const count = parameterCount(getModelArchitecture(id));
    expect(Math.abs(count / published - 1)).toBeLessThan(0.03);
  });

  it.each([
    // exact Hugging Face safetensors counts
    ["llama-2-70b", 68_976_648_192],
    ["llama-2-7b", 6_738_415_616],
    ["llama-3.1-8b", 8_030_261_248],
    ["llama-3.1-405b", 405_853_388_800],
    ["mixtral-8x7b", 46_702_792_704],
  ] as const)("%s matches its exact count within 0.1%", (id, exact) => {
    expect(Math.abs(parameterCount(getModelArchitecture(id)) / exact - 1)).toBeLessThan(0.001);
  });

  it("active parameters per token: Mixtral 8x7B ≈ 12.9B, DeepSeek-V3 ≈ 37B", () => {
    expect(parameterBreakdown(getModelArchitecture("mixtral-8x7b")).activePerToken / 12.9e9).toBeCloseTo(1, 1);
    expect(parameterBreakdown(getModelArchitecture("deepseek-v3")).activePerToken / 37e9).toBeCloseTo(1, 1);
  });
});

describe("resolveModel", () => {
  it("resolves a catalog id", () => {
    expect(resolveModel("llama-3.1-405b")).toBe(getModelArchitecture("llama-3.1-405b"));
  });

  it("parses an inline Hugging Face config, named after _name_or_path", () => {
    const config = { ...modelById.get("llama-3.1-8b")?.config, _name_or_path: "meta-llama/Llama-3.1-8B" };
    const arch = resolveModel(config);
    expect(arch.id).toBe("llama-3.1-8b");
    expect(parameterCount(arch)).toBe(8_030_261_248);
    expect(resolveModel({ hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 128, vocab_size: 100 }).id).toBe("custom");
  });

  it("errors name the scenario path", () => {
    expect(() => resolveModel({ num_hidden_layers: 2 }, "model")).toThrow(/model\.hidden_size/);
    expect(() => resolveModel("gpt-4", "model")).toThrow(InputError);
  });
});
