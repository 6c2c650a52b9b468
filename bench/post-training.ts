/**
 * Speed of the post-training and sizing questions (issue 15): a QLoRA fit, a GRPO step (colocated and the
 * split-ratio search) and a compute-optimal answer with its training plan. `npx tsx bench/post-training.ts`.
 */
import { Bench } from "tinybench";
import { planFinetune } from "../src/planners/finetune.ts";
import { planRl } from "../src/planners/rl.ts";
import { planScale } from "../src/planners/scale.ts";

const grpo = { model: "qwen2.5-7b", hardware: { chip: "h100-sxm", count: 8 }, rollout: { outputTokens: 8192 } };
const bench = new Bench({ time: 2000, iterations: 5 });
bench
  .add("finetune: llama-2-70b qlora r64 × 1 l40s", () =>
    planFinetune({ model: "llama-2-70b", hardware: { chip: "l40s", count: 1 }, method: "qlora", lora: { rank: 64 }, training: { sequenceLength: 512 } }),
  )
  .add("rl: grpo qwen2.5-7b × 8 h100 colocated", () => planRl(grpo))
  .add("rl: grpo qwen2.5-7b × 8 h100 split (7 ratios)", () => planRl({ ...grpo, placement: "split" }))
  .add("scale: 5.76e23 FLOP", () => planScale({ budget: { computeFlops: 5.76e23 } }))
  .add("scale: 1e6 h100 chip-hours + training plan", () => planScale({ budget: { chipHours: 1e6 }, hardware: { chip: "h100-sxm", count: 1024 } }));
await bench.run();
for (const task of bench.tasks) {
  const r = task.result as { latency?: { p50?: number }; median?: number } | undefined;
  console.log(`${task.name.padEnd(48)} median ${(r?.latency?.p50 ?? r?.median ?? Number.NaN).toPrecision(3)} ms`);
}
