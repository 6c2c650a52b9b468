/**
 * Humane formatting for the faces: SI numbers in, short strings out. Never prints NaN or Infinity.
 * @module
 */

const prefixes: Array<[number, string]> = [
  [1e18, "E"],
  [1e15, "P"],
  [1e12, "T"],
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
];

function finite(value: number): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** 3 significant digits, SI prefix: 989.4e12 → "989 T", 16777216 → "16.8 M". */
export function formatSi(value: number, unit = "", digits = 3): string {
  if (!finite(value)) return "n/a";
  const abs = Math.abs(value);
  for (const [scale, prefix] of prefixes) {
    if (abs >= scale) return `${(value / scale).toPrecision(digits).replace(/\.0+$|(\.\d*?)0+$/, "$1")} ${prefix}${unit}`.trim();
  }
  return `${Number(value.toPrecision(digits))} ${unit}`.trim();
}

export const formatBytes = (bytes: number): string => formatSi(bytes, "B");
export const formatFlops = (flopsPerSecond: number): string => formatSi(flopsPerSecond, "FLOP/s");

export function formatSeconds(seconds: number): string {
  if (!finite(seconds)) return "n/a";
  if (seconds === 0) return "0 s";
  const abs = Math.abs(seconds);
  if (abs < 1e-3) return `${(seconds * 1e6).toPrecision(3)} µs`;
  if (abs < 1) return `${(seconds * 1e3).toPrecision(3)} ms`;
  if (abs < 120) return `${seconds.toPrecision(3)} s`;
  if (abs < 7200) return `${(seconds / 60).toPrecision(3)} min`;
  if (abs < 172800) return `${(seconds / 3600).toPrecision(3)} h`;
  return `${(seconds / 86400).toPrecision(3)} days`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return finite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : "n/a";
}

/**
 * One number style for every face: `digits` significant digits below 1,000 (`23.3`, `0.0421`), whole numbers
 * with thousands separators from 1,000 up (`1,235`, `48,012`), `0` for zero.
 */
export function formatNumber(value: number, digits = 3): string {
  if (!finite(value)) return "n/a";
  if (value === 0) return "0";
  if (Math.abs(value) >= 1000 || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  return Number(value.toPrecision(digits)).toLocaleString("en-US", { maximumFractionDigits: 20 });
}

/** A large count with a word-like suffix: 27,500,000 → "27.5M", 9,160 → "9,160", 1.2e9 → "1.2B". */
export function formatCount(value: number, digits = 3): string {
  if (!finite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${Number((value / 1e9).toPrecision(digits))}B`;
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(digits))}M`;
  return formatNumber(value, digits);
}

/** Dollars: `$2.99`, `$27,500`, `$95.3M`, `$1.8B`, `$1.2T` (B for billion, never SI's G). */
export function formatUsd(usd: number): string {
  if (!finite(usd)) return "n/a";
  const abs = Math.abs(usd);
  const scaled = (scale: number, suffix: string) => `$${Number((usd / scale).toPrecision(3))}${suffix}`;
  if (abs >= 1e12) return scaled(1e12, "T");
  if (abs >= 1e9) return scaled(1e9, "B");
  if (abs >= 1e6) return scaled(1e6, "M");
  return `$${usd.toLocaleString("en-US", abs < 10 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 })}`;
}

/** Dollars in Chinese: `18 亿美元` (1.8e9), `9,530 万美元` (9.53e7), `2.99 美元`. */
export function formatUsdZh(usd: number): string {
  if (!finite(usd)) return "n/a";
  const abs = Math.abs(usd);
  if (abs >= 1e8) return `${formatNumber(Number((usd / 1e8).toPrecision(3)))} 亿美元`;
  if (abs >= 1e4) return `${formatNumber(Number((usd / 1e4).toPrecision(3)))} 万美元`;
  return `${usd.toLocaleString("en-US", { maximumFractionDigits: abs < 10 ? 2 : 0 })} 美元`;
}

/** Dollars in the page's language. */
export function formatMoney(usd: number, lang: "en" | "zh" = "en"): string {
  return lang === "zh" ? formatUsdZh(usd) : formatUsd(usd);
}

/** The fields of a training plan that `formatPlan` shows (structurally typed: units does not import physics). */
export interface PlanShape {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  ep: number;
  zeroStage: number;
  microBatchSize: number;
  virtualStages: number;
  recompute: string;
  offloadActivations?: boolean;
  offloadActivationLayers?: number;
  offloadActivationModules?: readonly string[];
  offloadOptimizer?: boolean;
  recomputeModules?: readonly string[];
}

/** One label for a training plan on every face: `TP8·PP4·DP512·CP1 Z2 mb1 v16 sel` (`sel[layernorm+moe_act]`: those recompute modules; `act→host`, `act20→host`, `act[expert_fc1+moe_act]→host`: all layers, 20 per stage or those modules' inputs; `opt→host`: offloaded to host memory). */
export function formatPlan(p: PlanShape): string {
  const modules = p.recomputeModules ? `[${p.recomputeModules.join("+")}]` : "";
  const recompute = p.recompute === "none" ? "" : p.recompute === "selective" ? ` sel${modules}` : " full";
  const which = p.offloadActivationModules ? `[${p.offloadActivationModules.join("+")}]` : (p.offloadActivationLayers ?? "");
  const offload = `${p.offloadActivations ? ` act${which}→host` : ""}${p.offloadOptimizer ? " opt→host" : ""}`;
  return `TP${p.tp}·PP${p.pp}·DP${p.dp}·CP${p.cp}${p.ep > 1 ? `·EP${p.ep}` : ""} Z${p.zeroStage} mb${p.microBatchSize} v${p.virtualStages}${recompute}${offload}`;
}
