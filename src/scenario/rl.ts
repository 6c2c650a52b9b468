/**
 * The rl scenario: one GRPO or PPO step of a policy on a cluster — prompts, samples per prompt, prompt and
 * rollout lengths, the reference / reward / critic models, and the placement (colocated or split).
 * @module
 */
import { z } from "zod";
import { resolveChip } from "../catalog/hardware.ts";
import { resolveModel } from "../catalog/models.ts";
import type { Chip } from "../catalog/schema.ts";
import type { Architecture } from "../catalog/architecture.ts";
import { InputError } from "../errors.ts";
import { parseInput } from "./parse.ts";
import { HardwareInput, ModelInput } from "./train.ts";

const positiveInt = z.number().int().positive();

export const RlScenario = z
  .object({
    model: ModelInput,
    hardware: HardwareInput,
    /** grpo: group-relative advantages, no critic (Shao et al. 2024); ppo: adds a critic (value model) trained beside the policy. */
    algorithm: z.enum(["grpo", "ppo"]).default("grpo"),
    rollout: z
      .object({
        prompts: positiveInt.default(64),
        samplesPerPrompt: positiveInt.default(8),
        inputTokens: positiveInt.default(1024),
        outputTokens: positiveInt.default(8192),
        /** Generation precision (weights, activations and KV cache). */
        precision: z.enum(["bf16", "fp8"]).default("bf16"),
      })
      .strict()
      .default({ prompts: 64, samplesPerPrompt: 8, inputTokens: 1024, outputTokens: 8192, precision: "bf16" }),
    /** A frozen reference policy for the KL term (forward pass over every rollout). */
    reference: z.boolean().default(true),
    /** A learned reward model (forward pass over every rollout); absent: rule-based rewards (verifiers), free. */
    rewardModel: ModelInput.optional(),
    /** Optimisation passes over each batch of rollouts (PPO epochs). */
    updateEpochs: positiveInt.default(1),
    /** colocated: every chip generates, then trains (time-shared); split: rollout chips and train chips, pipelined one step off-policy. */
    placement: z.enum(["colocated", "split"]).default("colocated"),
    /** Split placement: chips that generate (the rest train); omitted: searched for the shortest step. */
    rolloutChips: positiveInt.optional(),
    options: z.object({ usdPerChipHour: z.number().positive().optional() }).strict().default({}),
  })
  .strict();
export type RlScenarioInput = z.input<typeof RlScenario>;
export type RlScenario = z.output<typeof RlScenario>;

export interface ResolvedRl {
  scenario: RlScenario;
  arch: Architecture;
  rewardArch?: Architecture;
  chip: Chip;
  sequences: number;
}

export function resolveRlScenario(input: unknown): ResolvedRl {
  const scenario = parseInput(RlScenario, input);
  const arch = resolveModel(scenario.model, "model");
  const rewardArch = scenario.rewardModel !== undefined ? resolveModel(scenario.rewardModel, "rewardModel") : undefined;
  const chip = resolveChip(scenario.hardware.chip, "hardware.chip");
  const count = scenario.hardware.count;
  if (scenario.placement === "split" && count < 2)
    throw new InputError({ path: "hardware.count", value: String(count), expected: "at least 2 chips for a split placement (rollout chips and train chips)" });
  if (scenario.rolloutChips !== undefined) {
    if (scenario.placement !== "split") throw new InputError({ path: "rolloutChips", value: String(scenario.rolloutChips), expected: 'only with placement "split"' });
    if (scenario.rolloutChips >= count)
      throw new InputError({ path: "rolloutChips", value: String(scenario.rolloutChips), expected: `fewer than hardware.count (${count}), leaving chips to train` });
  }
  return { scenario, arch, rewardArch, chip, sequences: scenario.rollout.prompts * scenario.rollout.samplesPerPrompt };
}
