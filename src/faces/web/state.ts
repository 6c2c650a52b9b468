/**
 * The whole page state, kept in the URL query (shareable); the train scenario is derived from it.
 * @module
 */
import { expertDispatchers, trainingStacks } from "../../planners/catalog.ts";
import { defaultTrainScenario } from "../../planners/defaults.ts";
import { parseQuantity } from "../../units/parse.ts";
import type { Lang } from "./i18n.ts";

/** The page's run-flag checkboxes and the train scenario option each turns on. */
export const runFlagOptions = {
  fullGraph: "fullIterationCudaGraph",
  fp8Attention: "fp8Attention",
  splitEmbeddingLoss: "pipelineSplitCountsEmbeddingAndLoss",
} as const;
export type RunFlag = keyof typeof runFlagOptions;
const runFlags = Object.keys(runFlagOptions) as RunFlag[];

export const views = ["training", "inference", "finetune", "scale", "money", "compare", "forecast", "backtest"] as const;
export type View = (typeof views)[number];
export const compareModes = ["train", "serve"] as const;
export type CompareMode = (typeof compareModes)[number];

export interface State {
  view: View;
  lang: Lang;
  model: string;
  /** An inline Hugging Face config (dropped file) that replaces `model`. */
  config?: Record<string, unknown>;
  chip: string;
  /** A chip of the user's own (catalog chip schema, or { base, ...overrides }) that replaces `chip` and `inferChip`. */
  customChip?: Record<string, unknown>;
  count: number;
  precision: string;
  tokens: string;
  seq: number;
  batch: number;
  search: boolean;
  tp?: number;
  pp?: number;
  dp?: number;
  cp?: number;
  /** The rest of the plan: fixed when set, searched when not. */
  ep?: number;
  zero?: number;
  mbs?: number;
  vp?: number;
  recompute?: string;
  /** Offload to host memory: "none", "activations", "optimizer" or "both"; undefined = searched. */
  offload?: string;
  /** Fine-grained activation offload: Megatron-Core module names, comma-separated (e.g. "expert_fc1,moe_act"); undefined = whole layers. */
  offloadModules?: string;
  /** Selective recompute of exactly these Megatron-Core modules, comma-separated (e.g. "layernorm,moe_act"); undefined = the stack's policy. */
  recomputeModules?: string;
  /** Training software stack id (src/catalog/training-stacks.ts); undefined = the default stack. */
  software?: string;
  /** MoE dispatcher ("deduplicated" or "all-to-all"); undefined = the stack's. */
  dispatcher?: string;
  /** Run flags a recipe may state (runFlagOptions: the train scenario option each sets); undefined = off. */
  fullGraph?: boolean;
  fp8Attention?: boolean;
  splitEmbeddingLoss?: boolean;
  /** Money & power: owned-cost inputs and price overrides for the training chip (undefined: catalog defaults). */
  years?: number;
  utilization?: number;
  kwh?: number;
  pue?: number;
  rentPrice?: number;
  buyPrice?: number;
  compare: string[];
  /** Compare view: chips side by side for the training run, or for serving at an SLO (the SLO inputs below). */
  compareMode: CompareMode;
  /** Training: an optional power cap per chip in watts (hardware.powerLimitWatts; below TDP it lowers clocks). */
  powerLimit?: number;
  /** Inference view: its own model, chip, count and precision (weights / KV cache). */
  inferModel: string;
  inferChip: string;
  inferCount: number;
  weights: string;
  kv: string;
  inputTokens: number;
  outputTokens: number;
  /** Running requests, or "max" (the largest batch that fits: offline throughput). */
  concurrency: number | "max";
  /** Arrival rate instead of concurrency, when set. */
  rps?: number;
  /** SLO solver: targets in milliseconds, traffic mix. */
  sloTtftMs: number;
  sloTpotMs: number;
  sloRps: number;
  sloIn: number;
  sloOut: number;
  /** Serving options (issue 12): prefix-cache hit rate, speculative acceptance (EAGLE, 3 drafts; unset = off),
   * disaggregated pools (1 = searched split), and the SLO percentile (unset = means). */
  prefixHit?: number;
  specAcceptance?: number;
  disagg?: number;
  sloPercentile?: number;
  /** SLO request mix (issue 12 §6): "name=share:in/out[:ttftMs/tpotMs]" classes, comma-separated; blank = one class. */
  sloMix?: string;
  /** Forecast view: the metric charted. */
  trend: string;
  /** Fine-tune view (src/planners/finetune.ts): model, chips, method, LoRA rank and targets, optimizer, shape, budget. */
  ftModel: string;
  ftChip: string;
  ftCount: number;
  ftMethod: string;
  ftRank: number;
  /** "default" (PEFT's q_proj, v_proj; all linear for qlora) or "all-linear". */
  ftTargets: string;
  ftOptimizer: string;
  ftSeq: number;
  ftBatch: number;
  ftTokens: string;
  /** Scale view (src/planners/scale.ts): the budget's kind and amount, the chips it buys, data and serving. */
  scaleBudget: string;
  scaleAmount: string;
  scaleChip: string;
  scaleCount: number;
  scaleLaw: string;
  /** Unique tokens available (blank: unlimited). */
  scaleUnique?: string;
  /** Tokens the model will serve (blank: none). */
  scaleServe?: string;
  /** A link named a dropped config (cfg=<hash>) this browser does not hold: the page says so. Not written to links. */
  missingConfig?: string;
}

/** The voice agent preset of the SLO solver: first token within 300 ms. */
export const voicePreset = { sloTtftMs: 300, sloTpotMs: 50, sloIn: 2000, sloOut: 256 } as const;

const d = defaultTrainScenario;

/** The first screen asks the CLI's default question (src/planners/defaults.ts): the same run, the same fixed plan. */
export const defaults: State = {
  view: "training",
  lang: "en",
  model: d.model,
  chip: d.hardware.chip,
  count: d.hardware.count,
  precision: d.precision,
  tokens: "15.6T",
  seq: d.training.sequenceLength,
  batch: d.training.globalBatchTokens,
  search: true,
  tp: d.parallelism.tp,
  pp: d.parallelism.pp,
  dp: d.parallelism.dp,
  cp: d.parallelism.cp,
  compare: ["h100-sxm", "h200-sxm", "b200", "mi300x", "tpu-v5p"],
  compareMode: "train",
  inferModel: "llama-3.1-70b",
  inferChip: "h100-sxm",
  inferCount: 4,
  weights: "fp8",
  kv: "fp8",
  inputTokens: 1024,
  outputTokens: 1024,
  concurrency: 64,
  sloTtftMs: 1000,
  sloTpotMs: 100,
  sloRps: 10,
  sloIn: 1024,
  sloOut: 256,
  trend: "bf16FlopsPerChip",
  ftModel: "llama-3.1-8b",
  ftChip: "rtx-4090",
  ftCount: 1,
  ftMethod: "lora",
  ftRank: 16,
  ftTargets: "default",
  ftOptimizer: "adamw",
  ftSeq: 2048,
  ftBatch: 1,
  ftTokens: "100M",
  scaleBudget: "computeFlops",
  scaleAmount: "5.76e23",
  scaleChip: "h100-sxm",
  scaleCount: 1024,
  scaleLaw: "besiroglu-2024",
};

const numberKeys = [
  "count",
  "seq",
  "batch",
  "tp",
  "pp",
  "dp",
  "cp",
  "inferCount",
  "inputTokens",
  "outputTokens",
  "rps",
  "sloTtftMs",
  "sloTpotMs",
  "sloRps",
  "sloIn",
  "sloOut",
  "powerLimit",
  "ftCount",
  "ftRank",
  "ftSeq",
  "ftBatch",
  "scaleCount",
  "prefixHit",
  "specAcceptance",
  "disagg",
  "sloPercentile",
  "ep",
  "zero",
  "mbs",
  "vp",
  "years",
  "utilization",
  "kwh",
  "pue",
  "rentPrice",
  "buyPrice",
] as const;

/** Optional fields with a default value: a link that cleared one says so with an empty value (`tp=`). */
const clearable = ["tp", "pp", "dp", "cp"] as const;

/** A dropped config.json too big for a link is kept in this browser under its hash; the URL carries `cfg=<hash>`. */
export const configInLinkLimit = 2000;

/** FNV-1a 64-bit of a string, hex: a short, stable name for a dropped config (not a security hash). */
export function configHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

/** Where configs dropped in this browser are kept (localStorage in the page; a Map in tests). */
export interface ConfigStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const memoryStore = new Map<string, string>();
const fallbackStore: ConfigStore = { getItem: (k) => memoryStore.get(k) ?? null, setItem: (k, v) => void memoryStore.set(k, v) };

function browserStore(): ConfigStore {
  try {
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    // Storage can be disabled; links then carry only small configs.
  }
  return fallbackStore;
}

const storeKey = (hash: string) => `danlu-config-${hash}`;

export function readState(search: string, store: ConfigStore = browserStore()): State {
  const q = new URLSearchParams(search);
  const s: State = { ...defaults, compare: [...defaults.compare] };
  const view = q.get("view");
  if (view && (views as readonly string[]).includes(view)) s.view = view as View;
  if (q.get("lang") === "zh") s.lang = "zh";
  const mode = q.get("compareMode");
  if (mode && (compareModes as readonly string[]).includes(mode)) s.compareMode = mode as CompareMode;
  for (const key of [
    "model",
    "chip",
    "precision",
    "offloadModules",
    "recomputeModules",
    "tokens",
    "inferModel",
    "inferChip",
    "weights",
    "kv",
    "trend",
    "ftModel",
    "ftChip",
    "ftMethod",
    "ftTargets",
    "ftOptimizer",
    "ftTokens",
    "scaleBudget",
    "scaleAmount",
    "scaleChip",
    "scaleLaw",
    "scaleUnique",
    "scaleServe",
    "sloMix",
  ] as const) {
    const v = q.get(key);
    if (v) s[key] = v;
  }
  for (const key of numberKeys) {
    const v = q.get(key);
    if (v !== null && v !== "" && Number.isFinite(Number(v))) (s as unknown as Record<string, number>)[key] = Number(v);
  }
  for (const key of clearable) if (q.get(key) === "") s[key] = undefined;
  const recompute = q.get("recompute");
  if (recompute === "none" || recompute === "selective" || recompute === "full") s.recompute = recompute;
  const offload = q.get("offload");
  if (offload === "none" || offload === "activations" || offload === "optimizer" || offload === "both") s.offload = offload;
  const software = q.get("software");
  if (software && trainingStacks.some((t) => t.id === software)) s.software = software;
  for (const key of runFlags) if (q.get(key) === "true") s[key] = true;
  const dispatcher = q.get("dispatcher");
  if (dispatcher && (expertDispatchers as readonly string[]).includes(dispatcher)) s.dispatcher = dispatcher;
  const cfg = q.get("cfg");
  if (cfg && !q.get("config")) {
    const text = store.getItem(storeKey(cfg));
    if (text) {
      try {
        s.config = JSON.parse(text);
      } catch {
        // A damaged entry keeps the catalog model.
      }
    } else s.missingConfig = cfg;
  }
  const concurrency = q.get("concurrency");
  if (concurrency === "max") s.concurrency = "max";
  else if (concurrency && Number.isInteger(Number(concurrency)) && Number(concurrency) > 0) s.concurrency = Number(concurrency);
  if (q.get("search") === "0") s.search = false;
  const compare = q.get("compare");
  if (compare) s.compare = compare.split(",").filter(Boolean);
  const customChip = q.get("customChip");
  if (customChip) {
    try {
      s.customChip = JSON.parse(customChip);
    } catch {
      // A broken link keeps the catalog chip.
    }
  }
  const config = q.get("config");
  if (config) {
    try {
      s.config = JSON.parse(config);
    } catch {
      // A broken link keeps the catalog model.
    }
  }
  return s;
}

export function writeState(s: State, store: ConfigStore = browserStore()): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(s)) {
    const d = (defaults as unknown as Record<string, unknown>)[key];
    if (key === "missingConfig") continue;
    if (value === undefined) {
      if (d !== undefined) q.set(key, "");
      continue;
    }
    if (key === "customChip") q.set(key, JSON.stringify(value));
    else if (key === "config") {
      const text = JSON.stringify(value);
      if (text.length <= configInLinkLimit) q.set(key, text);
      else {
        // Too big for a link (a 37 KB config made a 34,000-character URL and HTTP 431): keep it here, link its hash.
        const hash = configHash(text);
        store.setItem(storeKey(hash), text);
        q.set("cfg", hash);
      }
    } else if (key === "compare") {
      if ((value as string[]).join(",") !== (d as string[]).join(",")) q.set(key, (value as string[]).join(","));
    } else if (key === "search") {
      if (!value) q.set(key, "0");
    } else if (value !== d) q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** The price table of the Money inputs: the training chip's rental and purchase overrides, when set. */
export function priceTable(s: State): Record<string, { rentalUsdPerChipHour?: number; purchaseUsd?: number }> | undefined {
  if (s.rentPrice === undefined && s.buyPrice === undefined) return undefined;
  return {
    [s.chip]: { ...(s.rentPrice !== undefined ? { rentalUsdPerChipHour: s.rentPrice } : {}), ...(s.buyPrice !== undefined ? { purchaseUsd: s.buyPrice } : {}) },
  };
}

export function trainScenario(s: State): Record<string, unknown> {
  const parallelism: Record<string, number | string | boolean> = {};
  for (const key of ["tp", "pp", "dp", "cp", "ep"] as const) if (s[key] !== undefined) parallelism[key] = s[key] as number;
  if (s.zero !== undefined) parallelism.zeroStage = s.zero;
  if (s.mbs !== undefined) parallelism.microBatchSize = s.mbs;
  if (s.vp !== undefined) parallelism.virtualStages = s.vp;
  if (s.recompute !== undefined) parallelism.recompute = s.recompute;
  if (s.offload !== undefined) {
    parallelism.offloadActivations = s.offload === "activations" || s.offload === "both";
    parallelism.offloadOptimizer = s.offload === "optimizer" || s.offload === "both";
  }
  const list = (text: string | undefined) =>
    (text ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
  const modules = list(s.offloadModules);
  const recomputed = list(s.recomputeModules);
  const prices = priceTable(s);
  const options: Record<string, number | string | boolean> = {
    ...(s.pue !== undefined ? { powerUsageEffectiveness: s.pue } : {}),
    ...(s.dispatcher ? { expertDispatcher: s.dispatcher } : {}),
    ...Object.fromEntries(runFlags.filter((key) => s[key]).map((key) => [runFlagOptions[key], true])),
  };
  return {
    model: s.config ?? s.model,
    hardware: { chip: s.customChip ?? s.chip, count: s.count, ...(s.powerLimit !== undefined ? { powerLimitWatts: s.powerLimit } : {}) },
    precision: s.precision,
    training: { tokens: s.tokens, sequenceLength: s.seq, globalBatchTokens: s.batch },
    parallelism: {
      ...parallelism,
      ...(modules.length ? { offloadActivationModules: modules } : {}),
      ...(recomputed.length ? { recomputeModules: recomputed } : {}),
    },
    ...(s.software ? { software: s.software } : {}),
    ...(Object.keys(options).length ? { options } : {}),
    ...(prices ? { prices } : {}),
  };
}

/** A number typed with a unit prefix (`16Mi`, `8k`, `2e6`), or undefined. */
export function quantityInput(text: string): number | undefined {
  const n = parseQuantity(text);
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

export function inferScenario(s: State): Record<string, unknown> {
  const rate = s.rps !== undefined ? { requestsPerSecond: s.rps } : { concurrency: s.concurrency };
  return {
    model: s.config ?? s.inferModel,
    hardware: { chip: s.customChip ?? s.inferChip, count: s.inferCount },
    precision: { weights: s.weights, kvCache: s.kv },
    workload: { inputTokens: s.inputTokens, outputTokens: s.outputTokens, ...rate, ...(s.prefixHit ? { prefixCacheHitRate: s.prefixHit } : {}) },
    ...(s.specAcceptance !== undefined || s.disagg === 1
      ? {
          serving: {
            ...(s.specAcceptance !== undefined ? { speculative: { method: "eagle", draftTokens: 3, acceptanceRate: s.specAcceptance } } : {}),
            ...(s.disagg === 1 ? { disaggregated: true } : {}),
          },
        }
      : {}),
  };
}

/**
 * The SLO mix text, "chat=0.8:200/100:2000/200, rag=0.2:8000/300" (targets in ms), as the schema's classes; a part
 * that does not read is passed through as text, for the schema to name.
 */
export function mixClasses(text: string): unknown[] {
  return text
    .split(",")
    .filter((part) => part.trim())
    .map((part, i) => {
      const m = /^\s*(?:([^=:]+)=)?([\d.]+):(\d+)\/(\d+)(?::([\d.]+)\/([\d.]+))?\s*$/.exec(part);
      if (!m) return part.trim();
      return {
        name: m[1]?.trim() || `${i + 1}`,
        share: Number(m[2]),
        inputTokens: Number(m[3]),
        outputTokens: Number(m[4]),
        ...(m[5] !== undefined && m[6] !== undefined ? { slo: { ttftSeconds: Number(m[5]) / 1000, tpotSeconds: Number(m[6]) / 1000 } } : {}),
      };
    });
}

/** The SLO solver's input (src/planners/slo.ts): the inference model, every catalog chip with a price; also compareServe's. */
export function sloScenario(s: State): Record<string, unknown> {
  const mix = s.sloMix?.trim() ? mixClasses(s.sloMix) : undefined;
  return {
    model: s.config ?? s.inferModel,
    workload: { inputTokens: s.sloIn, outputTokens: s.sloOut, requestsPerSecond: s.sloRps, ...(mix ? { mix } : {}) },
    slo: { ttftSeconds: s.sloTtftMs / 1000, tpotSeconds: s.sloTpotMs / 1000, ...(s.sloPercentile !== undefined ? { percentile: s.sloPercentile } : {}) },
    ...(s.disagg === 1 ? { disaggregated: true } : {}),
    ...(s.specAcceptance !== undefined ? { speculative: { method: "eagle", draftTokens: 3, acceptanceRate: s.specAcceptance } } : {}),
  };
}

/** The economics input for the chosen cluster (build vs rent), pricing the training run's chip-hours. */
export function tcoScenario(s: State, trainChipHours?: number): Record<string, unknown> {
  const prices = priceTable(s);
  return {
    chip: s.chip,
    count: s.count,
    ...(trainChipHours ? { trainChipHours } : {}),
    ...(s.years !== undefined ? { years: s.years } : {}),
    ...(s.utilization !== undefined ? { utilization: s.utilization } : {}),
    ...(s.kwh !== undefined ? { electricityUsdPerKilowattHour: s.kwh } : {}),
    ...(s.pue !== undefined ? { powerUsageEffectiveness: s.pue } : {}),
    ...(prices ? { prices } : {}),
  };
}

/** The fine-tune view's scenario (src/scenario/finetune.ts). */
export function finetuneScenario(s: State): Record<string, unknown> {
  return {
    model: s.ftModel,
    hardware: { chip: s.ftChip, count: s.ftCount },
    method: s.ftMethod,
    lora: { rank: s.ftRank, ...(s.ftTargets === "all-linear" ? { targetModules: "all-linear" } : {}) },
    optimizer: s.ftOptimizer,
    training: { tokens: s.ftTokens, sequenceLength: s.ftSeq, microBatchSize: s.ftBatch },
  };
}

/** The scale view's scenario (src/scenario/scale.ts): a FLOP budget needs no chip, chip time does. */
export function scaleScenario(s: State): Record<string, unknown> {
  const amount = Number.isFinite(Number(s.scaleAmount)) && s.scaleAmount.trim() !== "" ? Number(s.scaleAmount) : s.scaleAmount;
  const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);
  return {
    budget: { [s.scaleBudget]: amount },
    hardware: { chip: s.scaleChip, count: s.scaleCount },
    law: s.scaleLaw,
    ...(blank(s.scaleUnique) !== undefined ? { uniqueTokens: blank(s.scaleUnique) } : {}),
    ...(blank(s.scaleServe) !== undefined ? { inferenceTokens: blank(s.scaleServe) } : {}),
  };
}
