/**
 * `danlu catalog [chips|systems|networks|models|formats] [ID]`: the sourced catalog as tables or JSON.
 * @module
 */
import type { CAC } from "cac";
import {
  catalogModels,
  chips,
  formats,
  getChip,
  getFormat,
  getModelArchitecture,
  getNetwork,
  getSystem,
  modelById,
  networks,
  type Sources,
  systems,
} from "../../../planners/catalog.ts";
import { InputError, lookup, nearestIds } from "../../../errors.ts";
import { parameterBreakdown } from "../../../planners/catalog.ts";
import { formatBytes, formatNumber, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { guard, type Output, table, toJson } from "../io.ts";
import { isWide } from "../table.ts";

const kinds = ["chips", "systems", "networks", "models", "formats"] as const;

function sourceTable(sources: Sources): string {
  return table(
    ["field", "source", "date", "estimate?"],
    Object.entries(sources).map(([field, s]) => [field, `${s.title}\n${s.ref}`, s.date, s.estimate ?? ""]),
  );
}

const tflops = (v: number | undefined) => (v === undefined ? "–" : formatNumber(v / 1e12));

/** A catalog field as a person reads it (`80 GB`, `3.35 TB/s`, `bf16 989 TFLOP/s`, `700 W`, `$3.29/h`); --json keeps SI. */
export function humaneField(field: string, value: unknown): string {
  if (typeof value === "number") {
    if (/UsdPerChipHour$/.test(field)) return `${formatUsd(value)}/h`;
    if (/Usd$/.test(field)) return formatUsd(value);
    if (/BytesPerSecond$/.test(field)) return formatSi(value, "B/s");
    if (/Bytes$/.test(field)) return formatBytes(value);
    if (/Watts$/.test(field)) return formatSi(value, "W");
    if (/Seconds$/.test(field)) return formatSeconds(value);
    if (/FlopsPerSecond$/.test(field)) return formatSi(value, "FLOP/s");
    if (/Year$/.test(field)) return String(value);
    return formatNumber(value);
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (/FlopsPerSecond$/.test(field)) return entries.map(([k, v]) => `${k} ${formatSi(Number(v), "FLOP/s")}`).join(", ");
    return entries.map(([k, v]) => `${k}: ${humaneField(k, v)}`).join(", ");
  }
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export function catalogText(kind: string | undefined, id: string | undefined, json: boolean): string {
  const k = kind ?? "chips";
  if (!(kinds as readonly string[]).includes(k)) {
    throw new InputError({ path: "kind", value: JSON.stringify(k), expected: `one of ${kinds.join(", ")}`, suggestions: nearestIds(k, kinds) });
  }
  if (id) {
    const entry =
      k === "chips"
        ? getChip(id, "id")
        : k === "systems"
          ? getSystem(id, "id")
          : k === "networks"
            ? getNetwork(id, "id")
            : k === "formats"
              ? getFormat(id, "id")
              : lookup("id", id, modelById, "model");
    if (json) {
      const extra = k === "models" ? { architecture: getModelArchitecture(id), parameters: parameterBreakdown(getModelArchitecture(id)) } : {};
      return toJson({ ...entry, ...extra });
    }
    const { sources, ...fields } = entry as { sources: Sources } & Record<string, unknown>;
    const rows = Object.entries(fields).map(([f, v]) => [f, humaneField(f, v)]);
    if (k === "models") {
      const p = parameterBreakdown(getModelArchitecture(id));
      rows.push(["parameters (derived)", formatSi(p.total)], ["active per token (derived)", formatSi(p.activePerToken)]);
    }
    return `${table(["field", "value"], rows)}\nSources:\n${sourceTable(sources)}`;
  }
  if (json) {
    const list = k === "chips" ? chips : k === "systems" ? systems : k === "networks" ? networks : k === "formats" ? formats : catalogModels;
    return toJson(list);
  }
  switch (k) {
    case "chips":
      if (!isWide())
        return table(
          ["id", "year", "memory", "memory B/W", "bf16", "fp8", "TDP", "$/h rented"],
          chips.map((c) => [
            c.id,
            c.releaseYear,
            formatBytes(c.memoryBytes),
            formatSi(c.memoryBytesPerSecond, "B/s"),
            c.denseFlopsPerSecond.bf16 ? formatSi(c.denseFlopsPerSecond.bf16, "FLOP/s") : "–",
            c.denseFlopsPerSecond.fp8 ? formatSi(c.denseFlopsPerSecond.fp8, "FLOP/s") : "–",
            formatSi(c.tdpWatts, "W"),
            c.rentalUsdPerChipHour === undefined ? "–" : formatUsd(c.rentalUsdPerChipHour),
          ]),
        );
      return table(
        ["id", "name", "year", "memory", "HBM/s", "bf16 TF", "fp8 TF", "fp4 TF", "TDP W", "scale-up/dir", "domain", "NIC/dir", "$/h", "source (bf16)"],
        chips.map((c) => [
          c.id,
          c.name,
          c.releaseYear,
          formatBytes(c.memoryBytes),
          formatSi(c.memoryBytesPerSecond, "B/s"),
          tflops(c.denseFlopsPerSecond.bf16),
          tflops(c.denseFlopsPerSecond.fp8),
          tflops(c.denseFlopsPerSecond.fp4),
          c.tdpWatts,
          formatSi(c.scaleUpBytesPerSecond, "B/s"),
          c.scaleUpDomainChips,
          formatSi(c.scaleOutBytesPerSecond, "B/s"),
          c.rentalUsdPerChipHour === undefined ? "–" : formatUsd(c.rentalUsdPerChipHour),
          (c.sources["denseFlopsPerSecond.bf16"] ?? c.sources.denseFlopsPerSecond ?? c.sources["*"])?.ref ?? "",
        ]),
      );
    case "systems":
      return table(
        ["id", "name", "chip", "chips", "domain", "power", "cooling", "scale-up", "scale-out"],
        systems.map((s) => [s.id, s.name, s.chipId, s.chipsPerSystem, s.scaleUpDomainChips, formatSi(s.systemPowerWatts, "W"), s.cooling, s.scaleUpNetworkId, s.scaleOutNetworkId]),
      );
    case "networks":
      return table(
        ["id", "name", "kind", "per link/dir", "latency", "switch hop"],
        networks.map((n) => [
          n.id,
          n.name,
          n.kind,
          formatSi(n.linkBytesPerSecond, "B/s"),
          `${formatNumber(n.latencySeconds * 1e6)} µs`,
          `${formatNumber(n.switchLatencySeconds * 1e9)} ns`,
        ]),
      );
    case "formats":
      return table(
        ["id", "name", "bytes/value", "computes as"],
        formats.map((f) => [f.id, f.name, f.bytesPerValue, f.computeAs]),
      );
    default:
      return table(
        ["id", "name", "layers", "hidden", "heads/kv", "experts", "parameters", "active", "source"],
        catalogModels.map((m) => {
          const a = getModelArchitecture(m.id);
          const p = parameterBreakdown(a);
          const heads = a.attention.kind === "gqa" ? `${a.attention.numHeads}/${a.attention.numKvHeads}` : `${a.attention.numHeads}/MLA`;
          return [
            m.id,
            m.name,
            a.numLayers,
            a.hiddenSize,
            heads,
            a.moe ? `${a.moe.expertsPerToken}/${a.moe.numExperts}` : "–",
            formatSi(p.total),
            formatSi(p.activePerToken),
            Object.values(m.sources)[0]?.ref ?? "",
          ];
        }),
      );
  }
}

export function register(cli: CAC, out: Output): void {
  cli
    .command("catalog [kind] [id]", "Chips, systems, networks, models, formats with their sources")
    .option("--json", "Print as JSON (SI units: bytes, FLOP/s, watts, USD)")
    .example("danlu catalog chips")
    .example("danlu catalog chips --wide")
    .example("danlu catalog chips h100-sxm")
    .example("danlu catalog models llama-3.1-405b --json")
    .action((kind: string | undefined, id: string | undefined, flags: { json?: boolean }) => guard(() => out.write(catalogText(kind, id, !!flags.json)), out));
}
