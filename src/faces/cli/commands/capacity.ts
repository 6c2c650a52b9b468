/**
 * `danlu capacity`: the largest dense model and the largest MoE (at an active/total ratio) that each
 * chip in the catalog can train and serve, per chip, per scale-up domain, or per N chips.
 * @module
 */
import type { CAC } from "cac";
import { chips } from "../../../planners/catalog.ts";
import { InputError } from "../../../errors.ts";
import type { TrainPrecision } from "../../../planners/train.ts";
import { type CapacityAnswer, capacityRows, defaultMoeActiveRatio } from "../../../planners/capacity.ts";
import { formatBytes } from "../../../units/format.ts";
import { parseQuantity } from "../../../units/parse.ts";
import { guard, type Output, table, toJson } from "../io.ts";

interface CapacityFlags {
  context?: string | number;
  scope?: string;
  chip?: string;
  precision?: string;
  serveBytes?: number;
  moeRatio?: number;
  json?: boolean;
}

/** Parameters as people write them: 38.0B, 1.20T, 812M. */
export function formatParams(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toPrecision(3)}T`;
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)}B`;
  return `${(n / 1e6).toPrecision(3)}M`;
}

const params = (a: CapacityAnswer | undefined) => (a ? formatParams(a.params) : "—");

export function register(cli: CAC, out: Output): void {
  cli
    .command("capacity", "Largest dense and MoE model each chip can train and serve")
    .option("--context <tokens>", "Context (sequence) length, e.g. 8192 or 128k (default 8192)")
    .option("--scope <list>", "Comma list of chip | domain | a chip count (default chip,domain)")
    .option("--chip <list>", "Only these chip ids (comma list; default all in the catalog)")
    .option("--precision <p>", "Training precision (default bf16)")
    .option("--serve-bytes <b>", "Bytes per served weight and KV value (default 2 = bf16; 1 = fp8)")
    .option("--moe-ratio <r>", `MoE active/total parameter ratio (default ${defaultMoeActiveRatio.toFixed(3)}, DeepSeek-V3)`)
    .option("--json", "Print JSON")
    .example("danlu capacity")
    .example("danlu capacity --context 128k --scope chip,domain,64 --serve-bytes 1")
    .action((flags: CapacityFlags) =>
      guard(() => {
        const context = flags.context === undefined ? 8192 : typeof flags.context === "number" ? flags.context : parseQuantity(flags.context);
        if (context === undefined || !Number.isInteger(context) || context < 1)
          throw new InputError({ path: "--context", value: String(flags.context), expected: "a positive whole number of tokens, e.g. 8192 or 128Ki" });
        const scopes = String(flags.scope ?? "chip,domain")
          .split(",")
          .map((s) => s.trim())
          .map((s) => {
            if (s === "chip" || s === "domain" || s === "node" || s === "rack") return s === "chip" ? "chip" : "domain";
            const n = Number(s);
            if (!Number.isInteger(n) || n < 1) throw new InputError({ path: "--scope", value: JSON.stringify(s), expected: "chip, domain (node/rack) or a positive chip count" });
            return n;
          }) as Array<"chip" | "domain" | number>;
        const ids = flags.chip
          ? String(flags.chip)
              .split(",")
              .map((s) => s.trim())
          : chips.map((c) => c.id);
        const ratio = flags.moeRatio === undefined ? defaultMoeActiveRatio : Number(flags.moeRatio);
        if (!(ratio > 0 && ratio <= 1)) throw new InputError({ path: "--moe-ratio", value: String(flags.moeRatio), expected: "a ratio in (0, 1]" });
        const serveBytes = flags.serveBytes === undefined ? 2 : Number(flags.serveBytes);
        if (!(serveBytes > 0)) throw new InputError({ path: "--serve-bytes", value: String(flags.serveBytes), expected: "a positive number of bytes" });
        const rows = capacityRows(ids, {
          contextTokens: context,
          scopes,
          trainPrecision: (flags.precision ?? "bf16") as TrainPrecision,
          serveWeightBytesPerParameter: serveBytes,
          moeActiveRatio: ratio,
        });
        if (flags.json) {
          out.write(toJson({ contextTokens: context, moeActiveRatio: ratio, rows }));
          return;
        }
        out.write(
          [
            `Largest model (total parameters) at ${context.toLocaleString("en-US")} tokens of context. Train: some plan fits (ZeRO-3, full recompute, ${flags.precision ?? "bf16"} mixed precision, 16 B/param of state). Serve: weights + one sequence's KV cache at ${serveBytes} B/value. MoE: active/total ${ratio.toFixed(3)}, top-8 experts. Models: Llama-3-shaped family.`,
            table(
              ["chip", "memory", "scope", "train dense", "train MoE", "serve dense", "serve MoE"],
              rows.map((r) => [r.chip, formatBytes(r.memoryBytes), r.scope, params(r.trainDense), params(r.trainMoe), params(r.serveDense), params(r.serveMoe)]),
            ),
          ].join("\n"),
        );
      }, out),
    );
}
