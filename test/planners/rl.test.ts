import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { planRl } from "../../src/planners/rl.ts";
import { planInfer } from "../../src/planners/infer.ts";
import { planTrain } from "../../src/planners/train.ts";

const grpo7b = { model: "qwen2.5-7b", hardware: { chip: "h100-sxm", count: 8 }, rollout: { prompts: 64, samplesPerPrompt: 8, inputTokens: 1024, outputTokens: 8192 } };

describe("danlu rl: one GRPO/PPO step", () => {
  it("GRPO of a 7B policy on 8 H100 with 8k-token rollouts: rollout share above one half", () => {
    const r = planRl(grpo7b);
    expect(r.fits).toBe(true);
    expect(r.shares.rollout).toBeGreaterThan(0.5);
    const b = r.breakdownSeconds;
    // Colocated: the parts run one after another on the same chips.
    expect(r.stepTimeSeconds).toBeCloseTo(b.rollout + b.reference + b.reward + b.training + b.weightSync, 9);
    const sum = r.shares.rollout + r.shares.reference + r.shares.reward + r.shares.training + r.shares.weightSync;
    expect(sum).toBeCloseTo(1, 12);
    expect(b.reward).toBe(0); // GRPO with rule-based rewards has no reward model
    expect(r.generatedTokensPerStep).toBe(512 * 8192);
  });

  it("the rollout is the inference planner's, the update the training planner's", () => {
    const r = planRl(grpo7b);
    const infer = planInfer({
      model: "qwen2.5-7b",
      hardware: { chip: "h100-sxm", count: 8 },
      workload: { inputTokens: 1024, outputTokens: 8192, concurrency: r.rollout.concurrency },
    });
    // All 512 samples at the batch's throughput, never shorter than one sample's own latency.
    const expected = Math.max((512 * 8192) / infer.outputTokensPerSecond, infer.ttftSeconds + 8192 * infer.tpotSeconds);
    expect(r.breakdownSeconds.rollout).toBeCloseTo(expected, 9);
    const seq = 1024 + 8192;
    const train = planTrain({ model: "qwen2.5-7b", hardware: { chip: "h100-sxm", count: 8 }, training: { tokens: 512 * seq, sequenceLength: seq, globalBatchTokens: 512 * seq } });
    expect(r.breakdownSeconds.training).toBeCloseTo(train.stepTimeSeconds, 9);
    // The reference forward is one third of the update's compute (forward + backward = 3 forward units).
    const units = train.parallelism.recompute === "full" ? 4 : 3;
    expect(r.breakdownSeconds.reference).toBeCloseTo((train.breakdownSeconds.compute + train.breakdownSeconds.exposedCommunication) / units, 9);
  });

  it("the split placement searches the rollout:train chip ratio and returns it", () => {
    const r = planRl({ ...grpo7b, placement: "split" });
    expect(r.fits).toBe(true);
    expect(r.rolloutChips + r.trainChips).toBe(8);
    expect(r.ratio).toBe(`${r.rolloutChips}:${r.trainChips}`);
    const tried = r.search ?? [];
    expect(tried.length).toBe(7);
    const feasible = tried.filter((t) => t.fits);
    expect(Math.min(...feasible.map((t) => t.stepTimeSeconds))).toBeCloseTo(r.stepTimeSeconds, 9);
    // Pipelined one step off-policy: the slower side bounds the step.
    const b = r.breakdownSeconds;
    expect(r.stepTimeSeconds).toBeCloseTo(Math.max(b.rollout, b.reference + b.reward + b.training) + b.weightSync, 9);
    const fixed = planRl({ ...grpo7b, placement: "split", rolloutChips: 6 });
    expect(fixed.ratio).toBe("6:2");
  });

  it("PPO adds a critic (value forward and update) and a reward model's forward", () => {
    const grpo = planRl(grpo7b);
    const ppo = planRl({ ...grpo7b, algorithm: "ppo", rewardModel: "qwen2.5-7b" });
    expect(ppo.breakdownSeconds.training).toBeCloseTo(2 * grpo.breakdownSeconds.training, 9);
    expect(ppo.breakdownSeconds.reward).toBeCloseTo(2 * grpo.breakdownSeconds.reference, 6);
    expect(ppo.stepTimeSeconds).toBeGreaterThan(grpo.stepTimeSeconds);
  });

  it("longer rollouts raise the rollout share", () => {
    const short = planRl({ ...grpo7b, rollout: { ...grpo7b.rollout, outputTokens: 1024 } });
    const long = planRl(grpo7b);
    expect(long.shares.rollout).toBeGreaterThan(short.shares.rollout);
  });

  it("bad input is an InputError", () => {
    expect(() => planRl({ ...grpo7b, placement: "split", hardware: { chip: "h100-sxm", count: 1 } })).toThrow(InputError);
    expect(() => planRl({ ...grpo7b, rolloutChips: 4 })).toThrow(/split/);
    expect(() => planRl({ ...grpo7b, placement: "split", rolloutChips: 8 })).toThrow(InputError);
  });
});

describe("the example scenario files", () => {
  it("plan through the library as they do through the CLI", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const { planFinetune } = await import("../../src/planners/finetune.ts");
    const { planScale } = await import("../../src/planners/scale.ts");
    const load = (p: string) => parse(readFileSync(p, "utf8"));
    expect(planFinetune(load("examples/finetune-llama-2-70b-qlora-l40s.yaml")).fits).toBe(true);
    const rl = planRl(load("examples/rl-grpo-qwen2.5-7b-h100x8.yaml"));
    expect(rl.placement).toBe("split");
    expect(rl.ratio).toMatch(/^\d:\d$/);
    const scale = planScale(load("examples/scale-chinchilla.yaml"));
    expect(scale.dataConstrained?.binds).toBe(false);
    expect(scale.inferenceAware?.withinUniqueTokens).toBe(true);
    expect(scale.training?.fits).toBe(true);
  });
});
