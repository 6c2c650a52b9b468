/**
 * `danlu rl`: one GRPO/PPO step of a policy — rollout, reference, reward, training and weight-sync seconds and
 * shares, colocated or split (with the searched rollout:train chip ratio).
 * @module
 */
import type { CAC } from "cac";
import { planRl } from "../../../planners/rl.ts";
import { formatNumber, formatPercent, formatSeconds } from "../../../units/format.ts";
import { guard, loadModelReference, numericFlag, type Output, readScenarioFile, setIn, table, toJson } from "../io.ts";

interface RlFlags {
  scenario?: string;
  model?: string;
  chip?: string;
  count?: string | number;
  algorithm?: string;
  prompts?: string | number;
  samples?: string | number;
  input?: string | number;
  output?: string | number;
  placement?: string;
  rolloutChips?: string | number;
  rewardModel?: string;
  json?: boolean;
}

export function rlScenarioFromFlags(f: RlFlags): Record<string, unknown> {
  const s: Record<string, unknown> = f.scenario ? ((readScenarioFile(f.scenario) as Record<string, unknown>) ?? {}) : {};
  if (!f.scenario) {
    s.model ??= "qwen2.5-7b";
    s.hardware ??= { chip: "h100-sxm", count: 8 };
  }
  setIn(s, ["model"], f.model);
  setIn(s, ["hardware", "chip"], f.chip);
  setIn(s, ["hardware", "count"], numericFlag(f.count));
  setIn(s, ["algorithm"], f.algorithm);
  setIn(s, ["rollout", "prompts"], numericFlag(f.prompts));
  setIn(s, ["rollout", "samplesPerPrompt"], numericFlag(f.samples));
  setIn(s, ["rollout", "inputTokens"], numericFlag(f.input));
  setIn(s, ["rollout", "outputTokens"], numericFlag(f.output));
  setIn(s, ["placement"], f.placement);
  setIn(s, ["rolloutChips"], numericFlag(f.rolloutChips));
  setIn(s, ["rewardModel"], f.rewardModel);
  return loadModelReference(s) as Record<string, unknown>;
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("rl", "One GRPO/PPO step: rollout, reference, reward, training, sync")
    .option("--scenario <file>", "RL scenario (JSON or YAML); flags override it")
    .option("--model <id>", "Policy model (default qwen2.5-7b)")
    .option("--chip <id>", "Chip id (default h100-sxm)")
    .option("--count <n>", "Number of chips (default 8)")
    .option("--algorithm <a>", "grpo (default) | ppo")
    .option("--prompts <n>", "Prompts per step (default 64)")
    .option("--samples <n>", "Samples per prompt (default 8)")
    .option("--input <n>", "Prompt tokens (default 1024)")
    .option("--output <n>", "Rollout tokens (default 8192)")
    .option("--placement <p>", "colocated (default) | split")
    .option("--rollout-chips <n>", "Split: chips that generate (default: searched)")
    .option("--reward-model <id>", "A learned reward model (default: rule-based rewards)")
    .option("--json", "Print JSON")
    .example("danlu rl --model qwen2.5-7b --chip h100-sxm --count 8 --output 8192")
    .example("danlu rl --placement split --json")
    .action((f: RlFlags) =>
      guard(() => {
        const r = planRl(rlScenarioFromFlags(f));
        if (f.json) return out.write(toJson(r));
        const b = r.breakdownSeconds;
        const rows: Array<[string, string]> = (["rollout", "reference", "reward", "training", "weightSync"] as const).map((k) => [
          k,
          `${formatSeconds(b[k])} (${formatPercent(r.shares[k])})`,
        ]);
        rows.unshift(["fits", r.fits ? "yes" : `no: ${r.reason}`]);
        rows.push(["step time", formatSeconds(r.stepTimeSeconds)]);
        rows.push(["rollout:train chips", r.ratio]);
        rows.push(["generated tokens/s", formatNumber(r.generatedTokensPerSecond)]);
        if (r.costUsdPerStep !== undefined) rows.push(["cost per step", `$${formatNumber(r.costUsdPerStep)}`]);
        out.write(`${r.model} ${r.algorithm} on ${r.chipCount} × ${r.chip} (${r.placement})\n${table(["rl step", "value"], rows)}`);
      }, out),
    );
}
