import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/faces/web/export.ts";
import { defaults, inferScenario, readState, sloScenario, trainScenario, writeState } from "../../src/faces/web/state.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { solveSlo } from "../../src/planners/slo.ts";
import { planTrain } from "../../src/planners/train.ts";

describe("URL state", () => {
  it("defaults give an empty query and a valid scenario", () => {
    expect(writeState(defaults)).toBe("");
    expect(planTrain(trainScenario(defaults)).chipCount).toBe(16384);
  });

  it("round-trips every field, including an inline config", () => {
    const s = {
      ...defaults,
      view: "compare" as const,
      lang: "zh" as const,
      chip: "b200",
      count: 1024,
      tp: 4,
      search: false,
      compare: ["b200", "h20"],
      config: { hidden_size: 4096 },
    };
    expect(readState(writeState(s))).toEqual(s);
  });

  it('round-trips the inference inputs: concurrency "max", a request rate, SLO targets', () => {
    const s = {
      ...defaults,
      view: "inference" as const,
      inferModel: "llama-3.1-8b",
      inferChip: "h200-sxm",
      inferCount: 8,
      weights: "bf16",
      kv: "fp16",
      concurrency: "max" as const,
      rps: 2.5,
      sloTtftMs: 300,
      sloRps: 100,
    };
    expect(readState(writeState(s))).toEqual(s);
    expect(inferScenario(s).workload).toEqual({ inputTokens: 1024, outputTokens: 1024, requestsPerSecond: 2.5 });
    expect(inferScenario({ ...s, rps: undefined }).workload).toMatchObject({ concurrency: "max" });
  });

  it("the default inference and SLO inputs are valid for the engine", () => {
    const r = planInfer(inferScenario(defaults));
    expect(r.fits).toBe(true);
    expect(r.chipCount).toBe(4);
    expect(solveSlo(sloScenario(defaults)).setups.length).toBeGreaterThan(0);
  });

  it("round-trips the compare mode and a power limit, which reaches hardware.powerLimitWatts", () => {
    const s = { ...defaults, view: "compare" as const, compareMode: "serve" as const, powerLimit: 500 };
    expect(readState(writeState(s))).toEqual(s);
    expect(trainScenario(s).hardware).toEqual({ chip: "h100-sxm", count: 16384, powerLimitWatts: 500 });
    expect(trainScenario(defaults).hardware).toEqual({ chip: "h100-sxm", count: 16384 });
    expect(readState("?compareMode=nope").compareMode).toBe("train");
  });

  it("ignores junk in the query", () => {
    expect(readState("?view=nope&count=abc&config=%7Bbroken&software=nope&dispatcher=nccl")).toEqual(defaults);
  });

  it("round-trips the software stack and the MoE dispatcher, which reach software and options.expertDispatcher, and the answer states them", () => {
    const s = { ...defaults, model: "qwen3-235b-a22b", count: 256, tp: 2, pp: 8, dp: 16, cp: 1, ep: 32, vp: 4, mbs: 1, software: "megatron-core-2025", dispatcher: "all-to-all" };
    expect(readState(writeState(s))).toEqual(s);
    const scenario = trainScenario(s);
    expect(scenario.software).toBe("megatron-core-2025");
    expect(scenario.options).toEqual({ expertDispatcher: "all-to-all" });
    const r = planTrain({ ...scenario, training: { ...(scenario.training as object), sequenceLength: 4096, globalBatchTokens: 8388608 } });
    expect(r.software).toBe("megatron-core-2025");
    expect(r.expertDispatcher).toBe("all-to-all");
    expect(trainScenario({ ...defaults, software: "torchtitan" }).software).toBe("torchtitan");
    // The recipe-stated run flags ride in the URL too and reach the scenario's options; off = absent.
    const flags = { ...s, fullGraph: true, fp8Attention: true, splitEmbeddingLoss: true };
    expect(readState(writeState(flags))).toEqual(flags);
    expect(trainScenario(flags).options).toEqual({ expertDispatcher: "all-to-all", fullIterationCudaGraph: true, fp8Attention: true, pipelineSplitCountsEmbeddingAndLoss: true });
    expect(readState("?fullGraph=yes").fullGraph).toBeUndefined();
    expect(trainScenario(defaults).software).toBeUndefined();
  });

  it("round-trips fine-grained offload modules, which reach parallelism.offloadActivationModules and the plan label", () => {
    const s = {
      ...defaults,
      model: "qwen3-235b-a22b",
      chip: "gb200",
      count: 256,
      tp: 1,
      pp: 4,
      dp: 64,
      cp: 1,
      ep: 64,
      vp: 6,
      mbs: 3,
      precision: "fp8",
      offloadModules: "expert_fc1, moe_act",
    };
    expect(readState(writeState(s))).toEqual(s);
    const scenario = trainScenario(s);
    expect((scenario.parallelism as Record<string, unknown>).offloadActivationModules).toEqual(["expert_fc1", "moe_act"]);
    const r = planTrain({ ...scenario, training: { ...(scenario.training as object), sequenceLength: 4096, globalBatchTokens: 12582912 } });
    expect(r.parallelism.offloadActivationModules).toEqual(["expert_fc1", "moe_act"]);
    // Empty or blank: whole-layer offload as before (no module list in the scenario).
    expect((trainScenario({ ...s, offloadModules: " , " }).parallelism as Record<string, unknown>).offloadActivationModules).toBeUndefined();
  });

  it("round-trips recompute modules, which reach parallelism.recomputeModules and the plan", () => {
    const s = { ...defaults, model: "gpt-oss-120b", chip: "gb200", count: 64, tp: 1, pp: 1, dp: 64, cp: 1, ep: 64, mbs: 4, recomputeModules: "layernorm, moe_act" };
    expect(readState(writeState(s))).toEqual(s);
    const scenario = trainScenario(s);
    expect((scenario.parallelism as Record<string, unknown>).recomputeModules).toEqual(["layernorm", "moe_act"]);
    const r = planTrain({ ...scenario, training: { ...(scenario.training as object), sequenceLength: 4096, globalBatchTokens: 5242880 } });
    expect(r.parallelism.recompute).toBe("selective");
    expect(r.parallelism.recomputeModules).toEqual(["layernorm", "moe_act"]);
    expect((trainScenario({ ...s, recomputeModules: " , " }).parallelism as Record<string, unknown>).recomputeModules).toBeUndefined();
  });
});

describe("CSV export", () => {
  it("flattens nested objects and quotes cells", () => {
    expect(toCsv([{ a: 1, b: { c: "x,y" } }, { a: 2 }])).toBe('a,b.c\n1,"x,y"\n2,');
  });
});

describe("URL state: fine-tune and scale views", () => {
  it("round-trips their inputs and gives the engine valid scenarios", async () => {
    const { finetuneScenario, scaleScenario } = await import("../../src/faces/web/state.ts");
    const { finetuneView, scaleView } = await import("../../src/faces/web/engine.ts");
    const s = {
      ...defaults,
      view: "finetune" as const,
      ftMethod: "qlora",
      ftRank: 64,
      ftTargets: "all-linear",
      ftChip: "l40s",
      ftModel: "llama-2-70b",
      ftSeq: 512,
      scaleUnique: "1T",
      scaleServe: "2e13",
    };
    expect(readState(writeState(s))).toEqual(s);
    const ft = finetuneView(finetuneScenario(s));
    expect(ft.result.fits).toBe(true);
    expect(ft.methods.map((m) => m.method)).toEqual(["full", "lora", "qlora"]);
    expect(ft.methods[0].fits).toBe(false);
    const sc = scaleView(scaleScenario(s));
    expect(sc.result.dataConstrained?.binds).toBe(true);
    expect(sc.result.inferenceAware).toBeDefined();
    expect(sc.curve.length).toBe(41);
    expect(Math.min(...sc.curve.map((p) => p.loss))).toBeGreaterThanOrEqual(sc.result.unconstrained.predictedLoss - 1e-9);
    expect(scaleView(scaleScenario(defaults)).result.parameters / 70e9).toBeGreaterThan(0.95);
  });
});

describe("custom chip (the web planner's chip editor)", () => {
  it("rides in the URL and replaces the catalog chip in training and serving; both answers say so", () => {
    const customChip = { base: "h100-sxm", name: "H100 what-if", memoryBytes: 160e9 };
    const s = { ...defaults, customChip };
    const back = readState(writeState(s));
    expect(back.customChip).toEqual(customChip);
    expect((trainScenario(back).hardware as { chip: unknown }).chip).toEqual(customChip);
    expect((inferScenario(back).hardware as { chip: unknown }).chip).toEqual(customChip);
    expect(planInfer(inferScenario(back)).userSuppliedChip).toContain("H100 what-if");
    expect(planTrain(trainScenario(back)).userSuppliedChip).toContain("H100 what-if");
  });
});

describe("SLO request mix in the web state (issue 12 §6)", () => {
  it("reads name=share:in/out[:ttftMs/tpotMs] classes, round-trips through the link, and solves", () => {
    const s = { ...defaults, sloRps: 20, sloMix: "chat=0.8:200/100:2000/200, rag=0.2:8000/300:300/30" };
    const w = sloScenario(s).workload as { mix: unknown[] };
    expect(w.mix).toEqual([
      { name: "chat", share: 0.8, inputTokens: 200, outputTokens: 100, slo: { ttftSeconds: 2, tpotSeconds: 0.2 } },
      { name: "rag", share: 0.2, inputTokens: 8000, outputTokens: 300, slo: { ttftSeconds: 0.3, tpotSeconds: 0.03 } },
    ]);
    expect(readState(writeState(s)).sloMix).toBe(s.sloMix);
    const a = solveSlo({ ...sloScenario({ ...s, inferModel: "llama-3.1-8b" }), chips: ["a100-sxm-80gb", "h100-sxm"] });
    expect(a.mix?.classes.map((c) => c.setup?.chip)).toEqual(["a100-sxm-80gb", "h100-sxm"]);
  });
});
