import { planInfer } from "./src/planners/infer.ts";
const pr = { weights: "fp8", activations: "fp8", kvCache: "bf16" } as const;
for (const L of [1000, 2000, 4000]) {
const dsH = planInfer({ model: "deepseek-v3", hardware: { chip: "h100-sxm", count: 104 }, precision: pr, software: "sglang", workload: { inputTokens: L, outputTokens: 100, concurrency: 72*256 }, serving: { disaggregated: { prefill: { chips: 32, tp: 1, dp: 32, ep: 32 }, decode: { chips: 72, tp: 1, dp: 72, ep: 72 } } } });
console.log("H100", L, dsH.disaggregation!.prefillInputTokensPerSecondPerChip, dsH.disaggregation!.decodeOutputTokensPerSecondPerChip);
}
for (const [n, pre] of [[48, pr], [48, { weights: "fp4", activations: "fp4", kvCache: "bf16" }]] as const) {
const dsG = planInfer({ model: "deepseek-v3", hardware: { chip: "gb200", count: n + 8 }, precision: pre, software: "sglang", workload: { inputTokens: 2000, outputTokens: 100, concurrency: 48*1408 }, serving: { disaggregated: { prefill: { chips: 8, tp: 1, dp: 8, ep: 8 }, decode: { chips: 48, tp: 1, dp: 48, ep: 48 } } } });
console.log("GB200", JSON.stringify(pre), dsG.disaggregation, dsG.tpotSeconds, dsG.concurrency);
}
