import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, nearestIds } from "../../src/errors.ts";
import { planFinetune } from "../../src/planners/finetune.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { divisors, primeFactors } from "../../src/planners/search.ts";
import { planTrain } from "../../src/planners/train.ts";

const inline = JSON.parse(readFileSync("examples/inline-hf-config.json", "utf8")) as Record<string, unknown>;
const train = (patch: (s: Record<string, unknown>) => void) => {
  const s = structuredClone(inline);
  patch(s);
  return s;
};

// biome-ignore lint/suspicious/noExplicitAny: tests mutate nested scenario fields freely.
type S = Record<string, any>;

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error("expected an InputError");
}

describe("every count, size and rate has a physical bound, named in the error", () => {
  it.each([
    ["num_hidden_layers", 1e300, "<= 1e4"],
    ["num_hidden_layers", 10_001, "<= 1e4"],
    ["hidden_size", 2e6, "<= 1e6"],
    ["vocab_size", 1e300, "<= 1e7"],
  ])("config %s = %s", (key, value, bound) => {
    const issues = issuesOf(() => planTrain(train((s) => ((s.model as Record<string, unknown>)[key] = value))));
    expect(issues[0].path).toBe(`model.${key}`);
    expect(issues[0].expected).toContain(bound);
  });

  it.each([
    ["hardware.count", (s: S) => (s.hardware.count = 963761198400), "<= 1e7"],
    ["training.tokens", (s: S) => (s.training.tokens = 1e17), "<= 1e16"],
    ["training.tokens", (s: S) => (s.training.tokens = "1e300"), "<= 1e16"],
    ["training.globalBatchTokens", (s: S) => (s.training.globalBatchTokens = 1e13), "<= 1e12"],
    ["training.sequenceLength", (s: S) => (s.training.sequenceLength = 2 ** 23), "<= 4194304"],
    ["hardware.chip", (s: S) => (s.hardware.chip = "x".repeat(257)), "at most 256 characters"],
    ["parallelism.tp", (s: S) => (s.parallelism = { tp: 2e7 }), "<= 1e7"],
  ])("%s", (path, patch, bound) => {
    const issues = issuesOf(() => planTrain(train(patch)));
    const issue = issues.find((i) => i.path === path);
    expect(issue?.expected).toContain(bound);
  });

  it("a 1 MB model id answers without nearest-id suggestions (no quadratic edit distance)", () => {
    const issues = issuesOf(() => planTrain(train((s) => (s.model = "m".repeat(1_000_000)))));
    expect(issues[0].path).toBe("model");
    expect(issues[0].expected).toContain("at most 256 characters");
    expect(nearestIds("q".repeat(100_000), ["llama-3.1-8b"])).toEqual([]);
    expect(nearestIds("lama-3.1-8b", ["llama-3.1-8b", "gpt2"])).toEqual(["llama-3.1-8b", "gpt2"]);
    // Case does not hide a prefix: a camelCase option key is found from its first word.
    expect(nearestIds("pipelineSplit", ["fp8Attention", "pipelineSplitCountsEmbeddingAndLoss", "attentionKernel"])[0]).toBe("pipelineSplitCountsEmbeddingAndLoss");
  });

  it("infer workload and counts are bounded", () => {
    const base = { model: "llama-3.1-8b", hardware: { chip: "h100-sxm", count: 1 }, workload: { inputTokens: 1e12, outputTokens: 1 } };
    expect(issuesOf(() => planInfer(base))[0].path).toBe("workload.inputTokens");
  });

  it("a missing section does not hide a typo in the chip id", () => {
    const paths = issuesOf(() => planTrain({ model: "llama-3.1-8b", hardware: { chip: "h100-sxmm", count: 8 } })).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["training", "hardware.chip"]));
    const both = issuesOf(() => planTrain({ ...structuredClone(inline), model: "llama-3.1-8bb", hardware: { chip: "h100-sxmm", count: 8 } })).map((i) => i.path);
    expect(both).toEqual(expect.arrayContaining(["model", "hardware.chip"]));
  });

  it("a malformed field, an unknown software stack and an unknown system come back in one error", () => {
    const bad = train((s: S) => {
      s.software = "torchtitn";
      s.hardware.system = "dgx-h10";
      s.parallelism = { recompute: "selectve" };
    });
    const issues = issuesOf(() => planTrain(bad));
    expect(issues.map((i) => i.path).sort()).toEqual(["hardware.system", "parallelism.recompute", "software"]);
    expect(issues.find((i) => i.path === "software")?.suggestions?.[0]).toBe("torchtitan");
    // Schema-valid scenarios too: the stack and the system are looked up with the model and the chip, not after them.
    const ids = issuesOf(() => planTrain(train((s: S) => Object.assign(s, { software: "torchtitn", hardware: { ...s.hardware, system: "dgx-h10" } }))));
    expect(ids.map((i) => i.path).sort()).toEqual(["hardware.system", "software"]);
  });

  it("a list field given as a string is one wrong-type problem, and an empty list says how many entries it needs", () => {
    const asString = issuesOf(() => planTrain(train((s: S) => Object.assign(s, { parallelism: { recomputeModules: "layernorm" } }))));
    expect(asString.map((i) => [i.path, i.expected])).toEqual([["parallelism.recomputeModules", "array"]]);
    const empty = issuesOf(() => planTrain(train((s: S) => Object.assign(s, { parallelism: { recomputeModules: [] } }))));
    expect(empty.map((i) => [i.path, i.expected])).toEqual([["parallelism.recomputeModules", "at least 1 entry"]]);
  });

  it("infer and finetune report an unknown engine, system and chip together", () => {
    const infer = { model: "llama-3.1-8b", software: "vlm", hardware: { chip: "h100-sxm", count: 1, system: "dgx-h10" }, workload: { inputTokens: 1000, outputTokens: 100 } };
    expect(
      issuesOf(() => planInfer(infer))
        .map((i) => i.path)
        .sort(),
    ).toEqual(["hardware.system", "software"]);
    const schemaAndIds = issuesOf(() => planInfer({ ...infer, hardware: { chip: "h100-sxmm", system: "dgx-h10" } })).map((i) => i.path);
    expect(schemaAndIds.sort()).toEqual(["hardware.chip", "hardware.count", "hardware.system", "software"]);
    const finetune = issuesOf(() => planFinetune({ model: "llama-3.1-8bb", method: "lorra", hardware: { chip: "h100-sxmm", count: 1 } })).map((i) => i.path);
    expect(finetune.sort()).toEqual(["hardware.chip", "method", "model"]);
  });
});

describe("divisors come from a factorisation", () => {
  const brute = (n: number) => Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
  it("match trial division for every n up to 2,000", () => {
    for (let n = 1; n <= 2000; n++) expect(divisors(n)).toEqual(brute(n));
  });
  it("factor a highly composite twelve-digit count into its 6,720 divisors", () => {
    expect(primeFactors(963761198400)).toEqual([
      [2, 6],
      [3, 4],
      [5, 2],
      [7, 1],
      [11, 1],
      [13, 1],
      [17, 1],
      [19, 1],
      [23, 1],
    ]);
    const ds = divisors(963761198400);
    expect(ds.length).toBe(7 * 5 * 3 * 2 ** 6);
    expect(ds.every((d) => 963761198400 % d === 0)).toBe(true);
    expect(divisors(0)).toEqual([]);
  });
});
