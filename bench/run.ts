/** `npm run bench`: medians of the engine's benchmarks (reports, not gates). */
import { benchTrain } from "./train.ts";

const rows = await benchTrain();
for (const r of rows) console.log(`${r.name.padEnd(40)} median ${r.medianNs.toFixed(0).padStart(6)} ns/eval  ${Math.round(r.perSecond).toLocaleString("en-US").padStart(12)} plan evaluations/s`);
