/**
 * `danlu reliability`: interruptions by component, checkpoint cost, Young/Daly interval, goodput and a seeded
 * Monte Carlo of the wall clock for a training run (default: Llama 3.1 405B on 16,384 H100).
 * @module
 */
import type { CAC } from "cac";
import { planReliability } from "../../../planners/reliability.ts";
import { formatBytes, formatNumber, formatPercent, formatSeconds } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { type TrainFlags, trainScenarioFromFlags } from "./train.ts";

const num = (v: unknown) => (v === undefined ? undefined : Number(v));

export function register(cli: CAC, out: Output): void {
  cli
    .command("reliability", "Failures, checkpoint interval, goodput, p50/p90 wall clock")
    .option("--scenario <file>", "Train scenario (default: Llama 3.1 405B on 16,384 H100)")
    .option("--model <id>", "Catalog model id")
    .option("--chip <id>", "Chip id")
    .option("--count <n>", "Number of chips")
    .option("--tokens <n>", "Training tokens")
    .option("--seq <n>", "Sequence length")
    .option("--batch <n>", "Global batch tokens")
    .option("--storage <bytes-per-s>", "Checkpoint write bandwidth, bytes/s (default 2e12, Llama 3)")
    .option("--restart <s>", "Restart time after a failure, seconds (default 600)")
    .option("--interval <s>", "Checkpoint interval, seconds (default: Young/Daly optimum)")
    .option("--days <d>", "Also report expected interruptions over this many days (default 54, the Llama 3 window)", { default: 54 })
    .option("--trials <n>", "Monte Carlo trials", { default: 400 })
    .option("--seed <n>", "Monte Carlo seed", { default: 42 })
    .option("--json", "Print JSON")
    .example("danlu reliability")
    .action((f: TrainFlags & Record<string, unknown>) =>
      guard(() => {
        const r = planReliability({
          scenario: trainScenarioFromFlags(f),
          storageWriteBytesPerSecond: num(f.storage),
          restartSeconds: num(f.restart),
          checkpointIntervalSeconds: num(f.interval),
          trials: num(f.trials),
          seed: num(f.seed),
          windowDays: num(f.days),
        });
        const { window } = r;
        const days = window.days;
        if (f.json) return out.write(toJson(r));
        const rows: Array<[string, string]> = [
          ...Object.entries(r.byComponentPerHour).map(([k, v]): [string, string] => [`  ${k} interruptions/day`, formatNumber(v * 24)]),
          ["interruptions/day (all)", formatNumber(r.interruptionsPerHour * 24)],
          [
            `expected in ${days} days`,
            `${formatNumber(window.expectedInterruptions)} (Llama 3 reported ${window.llama3Reported.unexpectedInterruptions} unexpected in 54 days on 16,384 H100)`,
          ],
          ["job MTBF", formatSeconds(r.mtbfSeconds)],
          ["checkpoint size", formatBytes(r.checkpointBytes)],
          ["checkpoint write", formatSeconds(r.checkpointWriteSeconds)],
          ["Young/Daly interval sqrt(2·δ·MTBF)", formatSeconds(r.optimalIntervalSeconds)],
          ["restart", formatSeconds(r.restartSeconds)],
          [
            "waste: checkpoints / lost work / restarts",
            `${formatPercent(r.wasteFractions.checkpoint)} / ${formatPercent(r.wasteFractions.lostWork)} / ${formatPercent(r.wasteFractions.restart)}`,
          ],
          ["goodput", formatPercent(r.goodput)],
          ["ideal days → expected days", `${formatNumber(r.idealDays)} → ${formatNumber(r.expectedDays)}`],
          ["expected interruptions over the run", formatNumber(r.expectedInterruptions)],
          [
            `Monte Carlo (${r.monteCarlo.trials} trials, seed ${r.monteCarlo.seed})`,
            `p50 ${formatNumber(r.monteCarlo.p50Days)} days, p90 ${formatNumber(r.monteCarlo.p90Days)} days`,
          ],
        ];
        out.write(`${r.model} on ${formatNumber(r.chips)} × ${r.chip}\n${table(["reliability", "value"], rows)}`);
      }, out),
    );
}
