/**
 * Labels of the Money & power inputs, the plan-source line, shared links and translated engine errors, in
 * English and 简体中文 (kept apart from i18n.ts so each feature's words sit together).
 * @module
 */
import type { Lang } from "./i18n.ts";

const en = {
  moneyInputs: "Money & power inputs (blank = catalog default)",
  years: "Years of depreciation",
  utilization: "Utilization (0–1)",
  kwh: "Electricity, $/kWh",
  pue: "PUE",
  rentPrice: "Rental price, $/chip-hour",
  buyPrice: "Purchase price, $/accelerator",
  rentalBasis: "Rented at: on-demand at a neocloud (RunPod Secure Cloud list price) unless you give a price",
  noRentalPrice: "no published on-demand price on the default basis: give a rental price",
  planFixed: "fixed",
  planSearched: "searched",
  planSource: "Plan",
  metaPlan: "Meta's published plan for this run",
  planFields: "Rest of the plan (blank = searched)",
  recompute: "Recompute",
  offload: "Offload to host memory",
  offloadModules: "Offload only these modules' inputs (Megatron-Core --offload-modules)",
  recomputeModules: "Recompute only these modules (Megatron-Core --recompute-modules)",
  recomputedModules: "selective recompute of the modules",
  offloadChoices: { none: "none", activations: "activations", optimizer: "optimizer", both: "activations + optimizer" },
  searched: "searched",
  software: "Software stack",
  dispatcher: "MoE dispatcher",
  stackDefault: "the stack's",
  dispatcherChoices: { deduplicated: "once per node (DeepEP/HybridEP)", "all-to-all": "one copy per expert (all-to-all)" },
  assumedSoftware: "Software",
  expertAllToAll: "expert all-to-all",
  attentionKernelIs: "attention kernel",
  a2aOverlapped: "overlapped with another micro-batch",
  a2aExposed: "on the critical path",
  alternateMatmulRecompute: "selective recompute also re-runs every second matmul (torchtitan op-level policy)",
  attentionCoreRecompute: "selective recompute also re-runs the attention core (MaxText minimal remat)",
  runFlags: { fullGraph: "Full-iteration CUDA graph", fp8Attention: "fp8 attention (fp8/fp4 runs)", splitEmbeddingLoss: "Embedding and loss count as pipeline layers" },
  missingConfig:
    "This link names a dropped config.json (hash {hash}) that is kept only in the browser that made the link; drop the file again to see its plan. Links carry configs up to 2 KB whole.",
  configStored: "This config is too big for a link: it is kept in this browser and the link carries its hash ({hash}).",
  batchHint: "e.g. 16Mi",
  noClearTrend: "no clear trend",
};

export type Words = typeof en;

const zh: Words = {
  moneyInputs: "成本与电力输入（留空 = 目录默认值）",
  years: "折旧年限",
  utilization: "利用率（0–1）",
  kwh: "电价，美元/千瓦时",
  pue: "PUE",
  rentPrice: "租用价格，美元/芯片·小时",
  buyPrice: "购置价格，美元/加速器",
  rentalBasis: "租用价格：新兴云厂商按需价（RunPod Secure Cloud 标价），除非您给出价格",
  noRentalPrice: "默认价格基准下无公开按需价格：请给出租用价格",
  planFixed: "固定",
  planSearched: "搜索",
  planSource: "方案",
  metaPlan: "Meta 公布的该次训练方案",
  planFields: "方案其余部分（留空 = 搜索）",
  recompute: "重计算",
  offload: "卸载到主机内存",
  offloadModules: "只卸载这些模块的输入（Megatron-Core --offload-modules）",
  recomputeModules: "只重计算这些模块（Megatron-Core --recompute-modules）",
  recomputedModules: "选择性重计算的模块",
  offloadChoices: { none: "不卸载", activations: "激活值", optimizer: "优化器", both: "激活值 + 优化器" },
  searched: "搜索",
  software: "软件栈",
  dispatcher: "MoE 分发器",
  stackDefault: "软件栈默认",
  dispatcherChoices: { deduplicated: "每节点发送一次（DeepEP/HybridEP）", "all-to-all": "每个专家一份（all-to-all）" },
  assumedSoftware: "软件栈",
  expertAllToAll: "专家 all-to-all",
  attentionKernelIs: "注意力内核",
  a2aOverlapped: "与另一微批次重叠",
  a2aExposed: "在关键路径上",
  alternateMatmulRecompute: "选择性重计算还会重算每隔一个矩阵乘（torchtitan 算子级策略）",
  attentionCoreRecompute: "选择性重计算还会重算注意力核心（MaxText minimal 重物化）",
  runFlags: { fullGraph: "整轮迭代 CUDA 图", fp8Attention: "fp8 注意力（fp8/fp4 训练）", splitEmbeddingLoss: "嵌入层与损失层计入流水线切分" },
  missingConfig: "此链接指向一个拖入的 config.json（哈希 {hash}），它只保存在生成链接的浏览器中；请重新拖入该文件以查看方案。不超过 2 KB 的配置会完整放入链接。",
  configStored: "此配置太大，无法放入链接：它保存在本浏览器中，链接只携带其哈希（{hash}）。",
  batchHint: "例如 16Mi",
  noClearTrend: "无明显趋势",
};

export const words: Record<Lang, Words> = { en, zh };

const fieldNames: Record<Lang, Record<string, string>> = {
  en: { EP: "EP", ZeRO: "ZeRO", "micro-batch": "micro-batch", "virtual stages": "virtual stages", recompute: "recompute" },
  zh: { EP: "EP", ZeRO: "ZeRO", "micro-batch": "微批次", "virtual stages": "虚拟流水级", recompute: "重计算" },
};

/** "Plan: fixed TP, PP, DP, CP · searched ZeRO, … (24 plans timed) — Meta's published plan" in the page's language. */
export function provenanceText(lang: Lang, p: { fixed: string[]; searched: string[] }, evaluated: number | undefined, isDefault: boolean): string {
  const w = words[lang];
  const name = (f: string) => fieldNames[lang][f] ?? f;
  const parts: string[] = [];
  if (p.fixed.length) parts.push(`${w.planFixed} ${p.fixed.map(name).join(", ")}`);
  if (p.searched.length)
    parts.push(
      `${w.planSearched} ${p.searched.map(name).join(", ")}${evaluated ? (lang === "zh" ? `（计算了 ${evaluated.toLocaleString("en-US")} 个方案）` : ` (${evaluated.toLocaleString("en-US")} plans timed)`) : ""}`,
    );
  return `${w.planSource}: ${parts.join(" · ")}${isDefault ? ` — ${w.metaPlan}` : ""}`;
}

/** Fill `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}
