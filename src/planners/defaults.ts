/**
 * The one default question every face asks when the user gives none: Llama 3.1 405B on 16,384 H100 SXM,
 * 15.6T tokens, 8K sequences, 16M-token batches, with the part of the plan Meta published fixed
 * (TP8·PP16·DP128·CP1; the Llama 3 paper, §3.3.2) and the rest (ZeRO, micro-batch, virtual stages,
 * recompute) searched. The CLI (`danlu train`), the web planner's first screen and the README use it.
 * @module
 */

export const defaultTrainScenario = {
  model: "llama-3.1-405b",
  hardware: { chip: "h100-sxm", count: 16384 },
  precision: "bf16",
  training: { tokens: 15.6e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
  parallelism: { tp: 8, pp: 16, dp: 128, cp: 1 },
} as const;

/** Where the default plan comes from, as the faces say it. */
export const defaultPlanSource = "Meta's published plan for this run (Llama 3 paper §3.3.2)";

const planFields = ["tp", "pp", "dp", "cp", "ep", "zeroStage", "microBatchSize", "virtualStages", "recompute"] as const;
const planFieldLabel: Record<(typeof planFields)[number], string> = {
  tp: "TP",
  pp: "PP",
  dp: "DP",
  cp: "CP",
  ep: "EP",
  zeroStage: "ZeRO",
  microBatchSize: "micro-batch",
  virtualStages: "virtual stages",
  recompute: "recompute",
};

/** Which plan fields a scenario fixed and which the planner searched, for "plan: fixed … · searched …". */
export function planProvenance(parallelism: Record<string, unknown> | undefined): { fixed: string[]; searched: string[] } {
  const p = parallelism ?? {};
  const fixed = planFields.filter((k) => p[k] !== undefined).map((k) => planFieldLabel[k]);
  const searched = planFields.filter((k) => p[k] === undefined).map((k) => planFieldLabel[k]);
  return { fixed, searched };
}

/** One line on every face: "plan: fixed TP, PP, DP, CP · searched ZeRO, micro-batch, … (1,341 plans timed)". */
export function describeProvenance(parallelism: Record<string, unknown> | undefined, evaluated?: number): string {
  const { fixed, searched } = planProvenance(parallelism);
  const parts = [];
  if (fixed.length) parts.push(`fixed ${fixed.join(", ")}`);
  if (searched.length) parts.push(`searched ${searched.join(", ")}${evaluated ? ` (${evaluated.toLocaleString("en-US")} plans timed)` : ""}`);
  return parts.join(" · ");
}
