/**
 * `danlu model`: what a model is — total and active parameters, components, layer pattern, KV cache (or Mamba
 * state) per token per format, weights at each format and the training state at 16 bytes per parameter.
 * @module
 */
import type { CAC } from "cac";
import { type ModelSummary, planModel } from "../../../planners/model.ts";
import { formatBytes, formatNumber } from "../../../units/format.ts";
import { guard, loadModelReference, type Output, table, toJson } from "../io.ts";
import { InputError } from "../../../errors.ts";

const billions = (n: number) => `${formatNumber(n / 1e9, 4)}B`;

export function renderModel(s: ModelSummary): string {
  const b = s.breakdown;
  const lines: string[] = [];
  lines.push(`${s.model} (${s.family}, from ${s.source === "catalog" ? "the catalog" : "a config.json"}), context ${formatNumber(s.maxContextTokens)} tokens`);
  lines.push(
    table(
      ["parameters", "count"],
      [
        ["total", billions(s.totalParameters)],
        ["active per token", billions(s.activeParameters)],
        ["active, without the input embedding", billions(s.activeParametersExcludingInputEmbedding)],
        ["active, non-embedding", billions(s.activeNonEmbeddingParameters)],
        ["embedding", billions(b.embedding)],
        ["output head", billions(b.outputHead)],
        ["attention", billions(b.attention)],
        ...(b.stateSpace > 0 ? [["mamba mixers", billions(b.stateSpace)]] : []),
        ["dense MLP", billions(b.denseMlp)],
        ...(b.routedExperts > 0
          ? [
              ["routed experts", billions(b.routedExperts)],
              ["shared experts", billions(b.sharedExperts)],
              ["router", billions(b.router)],
            ]
          : []),
        ["norms", billions(b.norms)],
        ...(b.vision > 0 ? [["vision tower", billions(b.vision)]] : []),
      ],
    ),
  );
  const runs = s.layers.pattern.length <= 12 ? s.layers.pattern : s.layers.kinds;
  lines.push(
    table(
      [s.layers.pattern.length <= 12 ? "layers, in order" : "layers, by kind", "mixer", "FFN"],
      runs.map((r) => [`${r.count}×`, r.mixer, r.ffn]),
    ),
  );
  if (s.layers.pattern.length > 12) lines.push(`layer code (A full / S windowed attention, M Mamba; d dense, e MoE, . none): ${s.layers.code}`);
  const kv = s.kvCache;
  lines.push(
    table(
      ["memory", "bf16", "fp8", "fp4"],
      [
        ["KV cache per token", formatBytes(kv.bytesPerTokenByFormat.bf16), formatBytes(kv.bytesPerTokenByFormat.fp8), formatBytes(kv.bytesPerTokenByFormat.fp4)],
        ["weights", formatBytes(s.weightsBytesByFormat.bf16), formatBytes(s.weightsBytesByFormat.fp8), formatBytes(s.weightsBytesByFormat.fp4)],
      ],
    ),
  );
  const rows: string[][] = [
    ["weights fp32 / int8 / int4", `${formatBytes(s.weightsBytesByFormat.fp32)} / ${formatBytes(s.weightsBytesByFormat.int8)} / ${formatBytes(s.weightsBytesByFormat.int4)}`],
    ...(s.nativeWeights ? [[`checkpoint as shipped (${s.nativeWeights.description})`, formatBytes(s.nativeWeights.bytes)]] : []),
    ...(kv.stateBytesPerSequence > 0 ? [["Mamba state per sequence", formatBytes(kv.stateBytesPerSequence)]] : []),
    ...kv.bytesPerSequenceBf16.map((x) => [
      `KV${kv.stateBytesPerSequence > 0 ? " + state" : ""} per sequence at ${formatNumber(x.contextTokens)} tokens (bf16)`,
      formatBytes(x.bytes),
    ]),
    [`training state (${s.training.bytesPerParameter} bytes/parameter, unsharded)`, formatBytes(s.training.stateBytes)],
    ["forward FLOPs per token (4K context)", formatNumber(s.forwardFlopsPerToken)],
  ];
  lines.push(table(["", ""], rows));
  for (const note of s.notes) lines.push(`note: ${note}`);
  return lines.join("\n");
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("model", "What a model is: parameters, layers, KV/SSM bytes, weights")
    .option("--model <id|path>", "Catalog model id or path to a Hugging Face config.json")
    .option("--json", "Print JSON")
    .example("danlu model --model deepseek-v3")
    .example("danlu model --model ./config.json --json")
    .action((flags: { model?: string; json?: boolean }) =>
      guard(() => {
        if (!flags.model) throw new InputError({ path: "--model", expected: "a catalog model id or the path of a Hugging Face config.json" });
        const summary = planModel(loadModelReference({ model: flags.model }));
        out.write(flags.json ? toJson(summary) : renderModel(summary));
      }, out),
    );
}
