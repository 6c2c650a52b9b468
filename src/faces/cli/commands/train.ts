/**
 * `danlu train`: predict a training run from a scenario file and/or flags.
 * @module
 */
import type { CAC } from "cac";
import { defaultPlanSource, defaultTrainScenario, describeProvenance } from "../../../planners/defaults.ts";
import { DEFAULT_TRAINING_STACK, trainingStacks } from "../../../planners/catalog.ts";
import { planTrain, type TrainPlanOutput } from "../../../planners/train.ts";
import { formatBytes, formatNumber, formatPercent, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { withPrices, pricesHelp } from "../prices.ts";
import { wrapText } from "../table.ts";
import { parseSequenceLength } from "../../../units/parse.ts";
import { readChipFile, guard, loadModelReference, type Output, readScenarioFile, table, toJson, numericFlag, setIn } from "../io.ts";

export interface TrainFlags {
  scenario?: string;
  model?: string;
  chip?: string;
  chipFile?: string;
  count?: string | number;
  system?: string;
  powerLimit?: number;
  precision?: string;
  software?: string;
  tokens?: string | number;
  seq?: string | number;
  batch?: string | number;
  tp?: number;
  pp?: number;
  dp?: number;
  cp?: number;
  ep?: number;
  zero?: number;
  mbs?: number;
  vp?: number;
  recompute?: string;
  offload?: string;
  pue?: number;
  price?: number;
  prices?: string;
  /** Comma-separated Megatron-Core module names whose inputs offload (fine-grained activation offload). */
  offloadModules?: string;
  /** Comma-separated Megatron-Core module names to recompute (selective recompute of exactly those). */
  recomputeModules?: string;
  /** `key=value` pairs for the scenario's `options` (repeatable). */
  option?: string | string[];
  json?: boolean;
}

/** The built-in default (one for every face): src/planners/defaults.ts. */
export { defaultTrainScenario };

/** Merge flags over a scenario file (or the default when neither file nor model is given). */
export function trainScenarioFromFlags(flags: TrainFlags): unknown {
  const usesDefault = !flags.scenario && !flags.model && !flags.chip;
  const base: Record<string, unknown> = flags.scenario
    ? (readScenarioFile(flags.scenario) as Record<string, unknown>)
    : usesDefault
      ? (structuredClone(defaultTrainScenario) as unknown as Record<string, unknown>)
      : {};
  const s = structuredClone(base ?? {}) as Record<string, unknown>;
  if (!usesDefault && !flags.scenario && (flags.tp ?? flags.pp ?? flags.dp ?? flags.cp) === undefined) s.parallelism ??= {};
  setIn(s, ["model"], flags.model);
  setIn(s, ["hardware", "chip"], flags.chip);
  if (flags.chipFile) setIn(s, ["hardware", "chip"], readChipFile(flags.chipFile));
  setIn(s, ["hardware", "count"], numericFlag(flags.count));
  setIn(s, ["hardware", "system"], flags.system);
  setIn(s, ["hardware", "powerLimitWatts"], numericFlag(flags.powerLimit));
  setIn(s, ["precision"], flags.precision);
  setIn(s, ["software"], flags.software);
  setIn(s, ["training", "tokens"], numericFlag(flags.tokens));
  setIn(s, ["training", "sequenceLength"], typeof flags.seq === "string" ? (parseSequenceLength(flags.seq) ?? flags.seq) : flags.seq);
  setIn(s, ["training", "globalBatchTokens"], numericFlag(flags.batch));
  setIn(s, ["parallelism", "tp"], flags.tp);
  setIn(s, ["parallelism", "pp"], flags.pp);
  setIn(s, ["parallelism", "dp"], flags.dp);
  setIn(s, ["parallelism", "cp"], flags.cp);
  setIn(s, ["parallelism", "ep"], flags.ep);
  setIn(s, ["parallelism", "zeroStage"], flags.zero);
  setIn(s, ["parallelism", "microBatchSize"], flags.mbs);
  setIn(s, ["parallelism", "virtualStages"], flags.vp);
  setIn(s, ["parallelism", "recompute"], flags.recompute);
  if (flags.offload !== undefined) {
    // "activations", "optimizer", "both" or "none" fix both offload fields; anything else goes to the schema as given.
    const o = flags.offload;
    const known = o === "activations" || o === "optimizer" || o === "both" || o === "none";
    setIn(s, ["parallelism", "offloadActivations"], known ? o === "activations" || o === "both" : o);
    setIn(s, ["parallelism", "offloadOptimizer"], known ? o === "optimizer" || o === "both" : o);
  }
  for (const pair of flags.option === undefined ? [] : Array.isArray(flags.option) ? flags.option : [flags.option]) {
    // key=value into `options`; the schema (strict) names an unknown key or a value of the wrong type.
    const at = String(pair).indexOf("=");
    const key = at > 0 ? String(pair).slice(0, at) : String(pair);
    const raw = at > 0 ? String(pair).slice(at + 1) : "true";
    const value = raw === "true" ? true : raw === "false" ? false : raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    setIn(s, ["options"], (s.options as object | undefined) ?? {});
    // An own property even for "__proto__", so the schema names it instead of the prototype swallowing it.
    Object.defineProperty(s.options, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const list = (text: unknown) =>
    String(text)
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
  if (flags.offloadModules !== undefined) setIn(s, ["parallelism", "offloadActivationModules"], list(flags.offloadModules));
  if (flags.recomputeModules !== undefined) setIn(s, ["parallelism", "recomputeModules"], list(flags.recomputeModules));
  setIn(s, ["options", "powerUsageEffectiveness"], flags.pue);
  setIn(s, ["options", "usdPerChipHour"], flags.price);
  return loadModelReference(withPrices(s, flags.prices), flags.scenario ? process.cwd() : process.cwd());
}

/** The Train result as text; `scenario` (when given) says which plan fields were fixed and which searched. */
export function renderTrain(r: TrainPlanOutput, scenario?: unknown): string {
  const p = r.parallelism;
  const b = r.breakdownSeconds;
  const m = r.memoryBreakdownBytes;
  const c = r.communicationSeconds;
  const lines: string[] = [];
  lines.push(`${r.model} on ${formatNumber(r.chipCount)} × ${r.chip}, ${r.precision}${r.software ? `, software ${r.software}` : ""}`);
  lines.push(`parameters: ${formatNumber(r.totalParameters / 1e9, 4)}B total, ${formatNumber(r.activeParameters / 1e9, 4)}B active per token`);
  if (r.userSuppliedChip) lines.push(`note: ${r.userSuppliedChip}`);
  lines.push(
    ...wrapText(
      `plan: TP${p.tp} · PP${p.pp} · DP${p.dp} · CP${p.cp}${p.ep > 1 ? ` · EP${p.ep}` : ""}, ZeRO-${p.zeroStage}, micro-batch ${p.microBatchSize}, virtual stages ${p.virtualStages}, recompute ${p.recompute}${
        p.recomputeModules
          ? ` (modules ${p.recomputeModules.join(", ")})`
          : r.selectiveRecompute === "alternate-matmuls"
            ? " (elementwise kernels and every second matmul: torchtitan op-level policy)"
            : r.selectiveRecompute === "attention-core"
              ? " (elementwise kernels and the attention core: MaxText minimal remat)"
              : ""
      }${
        p.offloadActivations || p.offloadOptimizer
          ? `, offload to host: ${[
              p.offloadActivations
                ? `activations${
                    p.offloadActivationModules
                      ? ` (inputs of ${p.offloadActivationModules.join(", ")})`
                      : p.offloadActivationLayers !== undefined
                        ? ` (${p.offloadActivationLayers} layer${p.offloadActivationLayers === 1 ? "" : "s"} per stage)`
                        : ""
                  }`
                : "",
              p.offloadOptimizer ? "optimizer" : "",
            ]
              .filter(Boolean)
              .join(" + ")}`
          : ""
      }, ${formatNumber(r.microBatches)} micro-batches per step`,
    ),
  );
  lines.push(
    `kernels: attention ${r.attentionKernel}${r.fp8Attention ? " in fp8" : ""}${r.fullIterationCudaGraph ? "; the iteration as one CUDA graph" : ""}${
      r.pipelineSplitCountsEmbeddingAndLoss ? "; embedding and loss counted as pipeline layers" : ""
    }`,
  );
  if (r.expertAllToAllOverlap !== undefined) {
    const dispatch = r.expertDispatcher === "all-to-all" ? "one copy per remote expert (plain all-to-all)" : "sent once per destination node (DeepEP/HybridEP)";
    lines.push(`expert all-to-all: ${r.expertAllToAllOverlap ? "overlapped with another micro-batch" : "on the critical path"}; ${dispatch}`);
  }
  if (r.idle) {
    lines.push(
      `idle chips: ${formatNumber(r.idle.idleChips)} of ${formatNumber(r.idle.clusterChips)} — the global batch does not divide over all of them${
        r.idle.suggestedGlobalBatchTokens !== undefined ? `; a global batch of ${formatNumber(r.idle.suggestedGlobalBatchTokens)} tokens uses them all` : ""
      }`,
    );
  }
  if (scenario && typeof scenario === "object") {
    const parallelism = (scenario as { parallelism?: Record<string, unknown> }).parallelism;
    const isDefault = JSON.stringify(parallelism) === JSON.stringify(defaultTrainScenario.parallelism) && (scenario as { model?: unknown }).model === defaultTrainScenario.model;
    lines.push(...wrapText(`plan source: ${describeProvenance(parallelism, r.search?.evaluated)}${isDefault ? ` — ${defaultPlanSource}` : ""}`));
  }
  lines.push(r.fits ? `fits: yes — ${formatBytes(r.memoryPerChipBytes)} of ${formatBytes(r.memoryCapacityBytes)} per chip` : `fits: NO — ${r.reason}`);
  lines.push(
    table(
      ["memory per chip", "bytes"],
      [
        ["weights", formatBytes(m.weightsBytes)],
        ["gradients", formatBytes(m.gradientsBytes)],
        ["optimizer", formatBytes(m.optimizerBytes)],
        ["activations", formatBytes(m.activationsBytes)],
        ...(m.buffersBytes > 0 ? [["buffers", formatBytes(m.buffersBytes)]] : []),
        ["runtime reserve", formatBytes(m.runtimeReserveBytes)],
        ["total", formatBytes(m.totalBytes)],
        ...(m.hostBytes !== undefined ? [["host memory (offloaded)", formatBytes(m.hostBytes)]] : []),
      ],
    ),
  );
  const share = (x: number) => formatPercent(x / r.stepTimeSeconds);
  lines.push(
    table(
      ["step time", "seconds", "share"],
      [
        ["compute", formatSeconds(b.compute), share(b.compute)],
        ["exposed communication", formatSeconds(b.exposedCommunication), share(b.exposedCommunication)],
        ["  tensor parallel", formatSeconds(c.tensorParallel), share(c.tensorParallel)],
        ...(c.contextParallel > 0 ? [["  context parallel", formatSeconds(c.contextParallel), share(c.contextParallel)]] : []),
        ...(c.expertParallel > 0 ? [["  expert parallel", formatSeconds(c.expertParallel), share(c.expertParallel)]] : []),
        ["  pipeline p2p", formatSeconds(c.pipelineParallel), share(c.pipelineParallel)],
        ["  data parallel", formatSeconds(c.dataParallel), share(c.dataParallel)],
        ...(p.offloadActivations ? [["  host offload", formatSeconds(c.hostOffload), share(c.hostOffload)]] : []),
        ["pipeline bubble", formatSeconds(b.pipelineBubble), share(b.pipelineBubble)],
        ["other (optimizer, overhead)", formatSeconds(b.other), share(b.other)],
        ["step", formatSeconds(r.stepTimeSeconds), "100%"],
      ],
    ),
  );
  const rows: Array<[string, string]> = [
    ["tokens/s", formatSi(r.tokensPerSecond)],
    ["tokens/s per chip", formatNumber(r.tokensPerSecondPerChip)],
    ["model FLOP/s per chip", formatSi(r.modelFlopsPerSecondPerChip, "FLOP/s")],
    ["MFU / HFU", `${formatPercent(r.mfu)} / ${formatPercent(r.hfu)}`],
    ["wall clock (ideal)", `${formatNumber(r.wallClockDays)} days`],
    ["goodput (failures, checkpoints)", formatPercent(r.goodput)],
    ["wall clock at goodput", `${formatNumber(r.wallClockDaysWithGoodput)} days`],
    ["chip-hours", formatSi(r.chipHours)],
    ["facility power", `${formatNumber(r.facilityMegawatts)} MW`],
    ["energy", `${formatNumber(r.energyMegawattHours)} MWh`],
  ];
  if (r.costUsd !== undefined) rows.push(["cost, rented on-demand", formatUsd(r.costUsd)]);
  lines.push(table(["run", "value"], rows));
  return lines.join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("train", "Memory, step time, MFU, days, energy and cost of a training run")
    .option("--scenario <file>", "Scenario file (JSON or YAML, docs/contract.md contract); flags override its fields")
    .option("--model <id|path>", "Catalog model id or path to a Hugging Face config.json")
    .option("--chip <id>", "Chip id (danlu catalog chips)")
    .option("--chip-file <file>", "A chip of your own (JSON/YAML in the catalog's chip schema, or { base: <chip id>, ...overrides })")
    .option("--count <n>", "Number of chips")
    .option("--system <id>", "System id (node or rack) for the scale-up domain and host power")
    .option("--power-limit <watts>", "Power cap per chip in watts (lowers clocks below TDP)")
    .option("--precision <p>", "fp16 | bf16 | fp8 | fp4 | auto (the faster of bf16 and fp8)")
    .option("--software <id>", `Training software stack: ${trainingStacks.map(({ id }) => (id === DEFAULT_TRAINING_STACK ? `${id} (default)` : id)).join(", ")}`)
    .option("--tokens <n>", "Training tokens, e.g. 15.6T")
    .option("--seq <n>", "Sequence length in tokens (8k = 8,192)")
    .option("--batch <n>", "Global batch in tokens, e.g. 16Mi")
    .option("--tp <n>", "Tensor parallel degree")
    .option("--pp <n>", "Pipeline stages")
    .option("--dp <n>", "Data parallel degree")
    .option("--cp <n>", "Context parallel degree")
    .option("--ep <n>", "Expert parallel degree")
    .option("--zero <n>", "ZeRO stage 0-3")
    .option("--mbs <n>", "Micro-batch size (sequences)")
    .option("--vp <n>", "Virtual pipeline stages")
    .option("--recompute <mode>", "none | selective | full")
    .option(
      "--recompute-modules <list>",
      "Selective recompute of exactly these modules, comma-separated (Megatron-Core --recompute-modules): core_attn, layernorm, mla_up_proj, mlp, moe_act, shared_experts, moe",
    )
    .option("--offload <what>", "Offload to host memory: activations | optimizer | both | none (default: searched where the system has host memory)")
    .option(
      "--offload-modules <list>",
      "Fine-grained activation offload of these modules' inputs, comma-separated (Megatron-Core --offload-modules): attn_norm, qkv_linear, core_attn, attn_proj, mlp_norm, expert_fc1, moe_act, fused_group_mlp",
    )
    .option("--pue <x>", "Power usage effectiveness (default 1.3)")
    .option("--price <usd>", "USD per chip-hour (default: the price table, else the catalog's on-demand basis)")
    .option("--prices <file>", pricesHelp)
    .option(
      "--option <key=value>",
      "A scenario option, repeatable: e.g. pipelineSplitCountsEmbeddingAndLoss=true, expertAllToAllOverlap=false, expertDispatcher=all-to-all, fullIterationCudaGraph=true, fp8Attention=true, attentionKernel=flash (docs/contract.md)",
    )
    .option("--json", "Print the Train result as JSON")
    .example("danlu train")
    .example("danlu train --scenario examples/llama-3.1-405b-h100.yaml --json")
    .example("danlu train --model llama-3.1-70b --chip h100-sxm --count 1024 --tokens 15T --seq 8192 --batch 16Mi --tp 8 --pp 4")
    .example("danlu train --model ./config.json --chip b200 --count 256 --tokens 2T --seq 4096 --batch 4Mi")
    .action((flags: TrainFlags) =>
      guard(() => {
        const scenario = trainScenarioFromFlags(flags);
        const result = planTrain(scenario);
        out.write(flags.json ? toJson(result) : renderTrain(result, scenario));
      }, out),
    );
}
