/**
 * `danlu finetune`: can model X be fine-tuned on these chips (full, LoRA, QLoRA), memory by part, step time,
 * tokens/s, days and dollars for a token budget.
 * @module
 */
import type { CAC } from "cac";
import { planFinetune } from "../../../planners/finetune.ts";
import { formatBytes, formatNumber, formatPercent, formatSeconds } from "../../../units/format.ts";
import { guard, loadModelReference, numericFlag, type Output, readScenarioFile, setIn, table, toJson } from "../io.ts";

export interface FinetuneFlags {
  scenario?: string;
  model?: string;
  method?: string;
  loraRank?: string | number;
  loraAlpha?: string | number;
  targets?: string;
  optimizer?: string;
  chip?: string;
  count?: string | number;
  seq?: string | number;
  batch?: string | number;
  accumulation?: string | number;
  tokens?: string | number;
  frozenLayers?: string | number;
  checkpointing?: boolean;
  packing?: boolean;
  paged?: boolean;
  pureBf16?: boolean;
  zero?: string | number;
  json?: boolean;
}

/** Scenario from a file and/or flags (flags override the file). */
export function finetuneScenarioFromFlags(f: FinetuneFlags): Record<string, unknown> {
  const s: Record<string, unknown> = f.scenario ? ((readScenarioFile(f.scenario) as Record<string, unknown>) ?? {}) : {};
  if (!f.scenario) {
    s.model ??= "llama-3.1-8b";
    s.hardware ??= { chip: "rtx-4090", count: 1 };
  }
  setIn(s, ["model"], f.model);
  setIn(s, ["method"], f.method);
  setIn(s, ["lora", "rank"], numericFlag(f.loraRank));
  setIn(s, ["lora", "alpha"], numericFlag(f.loraAlpha));
  if (f.targets !== undefined) setIn(s, ["lora", "targetModules"], f.targets === "all-linear" ? "all-linear" : String(f.targets).split(","));
  setIn(s, ["optimizer"], f.optimizer);
  setIn(s, ["hardware", "chip"], f.chip);
  setIn(s, ["hardware", "count"], numericFlag(f.count));
  setIn(s, ["training", "sequenceLength"], numericFlag(f.seq));
  setIn(s, ["training", "microBatchSize"], numericFlag(f.batch));
  setIn(s, ["training", "gradientAccumulation"], numericFlag(f.accumulation));
  setIn(s, ["training", "tokens"], numericFlag(f.tokens));
  setIn(s, ["frozenLayers"], numericFlag(f.frozenLayers));
  setIn(s, ["gradientCheckpointing"], f.checkpointing);
  setIn(s, ["packing"], f.packing);
  setIn(s, ["pagedOptimizer"], f.paged);
  setIn(s, ["pureBf16"], f.pureBf16);
  setIn(s, ["zeroStage"], numericFlag(f.zero));
  return loadModelReference(s) as Record<string, unknown>;
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("finetune", "Fine-tuning (full, LoRA, QLoRA): fit, memory, time and $")
    .option("--scenario <file>", "Finetune scenario (JSON or YAML); flags override it")
    .option("--model <id>", "Catalog model id or config.json path (default llama-3.1-8b)")
    .option("--method <m>", "full | lora | qlora (default lora)")
    .option("--lora-rank <r>", "LoRA rank (default 8)")
    .option("--lora-alpha <a>", "LoRA alpha (scales the update; no effect on cost)")
    .option("--targets <list>", "LoRA target modules: all-linear or q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj")
    .option("--optimizer <id>", "adamw | adamw-8bit | adafactor | sgd | muon (default adamw)")
    .option("--chip <id>", "Chip id (default rtx-4090)")
    .option("--count <n>", "Number of chips (data-parallel; FSDP/ZeRO-3 for full fine-tuning)")
    .option("--seq <n>", "Sequence length (default 2048)")
    .option("--batch <n>", "Sequences per micro-batch per chip (default 1)")
    .option("--accumulation <n>", "Gradient accumulation steps (default 1)")
    .option("--tokens <n>", "Token budget (default 100M)")
    .option("--frozen-layers <n>", "Full fine-tuning: freeze the first N layers")
    .option("--no-checkpointing", "Disable gradient checkpointing")
    .option("--no-packing", "No sequence packing")
    .option("--paged", "Paged optimizer (states may page to host RAM; default on for qlora)")
    .option("--pure-bf16", "Pure bf16 (no fp32 master, bf16 optimizer states; torchtune's default)")
    .option("--zero <stage>", "ZeRO stage 0-3 across chips")
    .option("--json", "Print JSON")
    .example("danlu finetune --model llama-2-70b --method qlora --lora-rank 64 --chip l40s --seq 512")
    .example("danlu finetune --model llama-3.1-8b --method full --optimizer adamw --chip rtx-4090")
    .action((f: FinetuneFlags) =>
      guard(() => {
        const r = planFinetune(finetuneScenarioFromFlags(f));
        if (f.json) return out.write(toJson(r));
        const m = r.memoryBreakdownBytes;
        const rows: Array<[string, string]> = [
          ["fits", r.fits ? "yes" : `no: ${r.reason}`],
          ["memory per chip", `${formatBytes(r.memoryPerChipBytes)} of ${formatBytes(r.memoryCapacityBytes)}`],
          ["  base weights", formatBytes(m.baseWeightsBytes)],
          ["  adapters", formatBytes(m.adapterWeightsBytes)],
          ["  gradients", formatBytes(m.gradientsBytes)],
          ["  optimizer", formatBytes(m.optimizerBytes) + (r.hostOptimizerBytes > 0 ? ` (${formatBytes(r.hostOptimizerBytes)} paged to host)` : "")],
          ["  activations", formatBytes(m.activationsBytes)],
          ["  dequantization", formatBytes(m.dequantizationBytes)],
          ["  buffers + runtime", formatBytes(m.buffersBytes + m.runtimeReserveBytes)],
          ["parameters (trainable)", `${formatNumber(r.totalParameters)} (${formatNumber(r.trainableParameters)}, ${formatPercent(r.trainableFraction)})`],
          ["step time", formatSeconds(r.stepTimeSeconds)],
          ["tokens/s", formatNumber(r.tokensPerSecond)],
          ["MFU", formatPercent(r.mfu)],
          ["wall clock", `${formatNumber(r.wallClockDays)} days (${formatNumber(r.chipHours)} chip-hours)`],
        ];
        if (r.costUsd !== undefined) rows.push(["cost", `$${formatNumber(r.costUsd)}`]);
        out.write(`${r.model} ${r.method} (${r.optimizer}) on ${r.chipCount} × ${r.chip}\n${table(["finetune", "value"], rows)}`);
      }, out),
    );
}
