/** `npm run bench`: medians of the engine's benchmarks (reports, not gates). */
import { benchTrain } from "./train.ts";

const rows = await benchTrain();
for (const r of rows)
  console.log(`${r.name.padEnd(40)} median ${r.medianNs.toFixed(0).padStart(6)} ns/eval  ${Math.round(r.perSecond).toLocaleString("en-US").padStart(12)} plan evaluations/s`);
// The full plan search (issue 3): Llama 3.1 405B on 16,384 H100 and DeepSeek-V3 on 2,048 H800.
await import("./search.ts");
// Post-training and sizing (issue 15): fine-tune, RL step, compute-optimal answer.
await import("./post-training.ts");
// Start-up and end-to-end wall time of the danlu process (issue 11): dist/ vs source, as ratios to bare node.
await import("./startup.ts");
// The serving scheduler simulation (issue 12): 2,000 requests per SLO candidate.
await import("./serving-sim.ts");
