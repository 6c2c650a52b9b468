/**
 * The hardware catalog: every chip, system and network entry, imported statically (the same code runs in the
 * browser), validated against the zod schema at module load, checked for unsourced numbers and dangling ids,
 * and exposed as arrays, id maps and lookups that raise `InputError` with the nearest ids.
 * @module
 */
import type { z } from "zod";
import { InputError, lookup } from "../errors.ts";
import a100Sxm40gbChip from "./chips/a100-sxm-40gb.ts";
import a100Sxm80gbChip from "./chips/a100-sxm-80gb.ts";
import b200Chip from "./chips/b200.ts";
import b300Chip from "./chips/b300.ts";
import gaudi2Chip from "./chips/gaudi2.ts";
import gaudi3Chip from "./chips/gaudi3.ts";
import gb200Chip from "./chips/gb200.ts";
import gb300Chip from "./chips/gb300.ts";
import h100PcieChip from "./chips/h100-pcie.ts";
import h100SxmChip from "./chips/h100-sxm.ts";
import h20Chip from "./chips/h20.ts";
import h200SxmChip from "./chips/h200-sxm.ts";
import h800SxmChip from "./chips/h800-sxm.ts";
import maia100Chip from "./chips/maia-100.ts";
import mi250xChip from "./chips/mi250x.ts";
import mi300xChip from "./chips/mi300x.ts";
import mi325xChip from "./chips/mi325x.ts";
import mi355xChip from "./chips/mi355x.ts";
import l40sChip from "./chips/l40s.ts";
import rtx3090Chip from "./chips/rtx-3090.ts";
import l4Chip from "./chips/l4.ts";
import rtx4090Chip from "./chips/rtx-4090.ts";
import rtx5090Chip from "./chips/rtx-5090.ts";
import rtx6000AdaChip from "./chips/rtx-6000-ada.ts";
import rtxA6000Chip from "./chips/rtx-a6000.ts";
import a10gChip from "./chips/a10g.ts";
import h100NvlChip from "./chips/h100-nvl.ts";
import mi300aChip from "./chips/mi300a.ts";
import tpuV4Chip from "./chips/tpu-v4.ts";
import tpuV5eChip from "./chips/tpu-v5e.ts";
import tpuV5pChip from "./chips/tpu-v5p.ts";
import tpuV6eChip from "./chips/tpu-v6e.ts";
import tpuV7Chip from "./chips/tpu-v7.ts";
import trainium2Chip from "./chips/trainium2.ts";
import { formats as formatEntries } from "./formats.ts";
import efaNet from "./networks/efa.ts";
import eth400gNet from "./networks/eth-400g.ts";
import eth800gNet from "./networks/eth-800g.ts";
import gaudiRoceNet from "./networks/gaudi-roce.ts";
import ibHdr200Net from "./networks/ib-hdr-200.ts";
import ibNdr400Net from "./networks/ib-ndr-400.ts";
import ibXdr800Net from "./networks/ib-xdr-800.ts";
import infinityFabricNet from "./networks/infinity-fabric.ts";
import neuronlinkNet from "./networks/neuronlink.ts";
import nvlink3Net from "./networks/nvlink3.ts";
import nvlink4Net from "./networks/nvlink4.ts";
import nvlink5Net from "./networks/nvlink5.ts";
import pcie4Net from "./networks/pcie4.ts";
import pcie5Net from "./networks/pcie5.ts";
import pcie6Net from "./networks/pcie6.ts";
import tpuDcnNet from "./networks/tpu-dcn.ts";
import tpuIciNet from "./networks/tpu-ici.ts";
import { Chip, Network, NumberFormat, System, unsourcedFields } from "./schema.ts";
import gaudi38Sys from "./systems/gaudi3-8.ts";
import gb200Nvl72Sys from "./systems/gb200-nvl72.ts";
import gb300Nvl72Sys from "./systems/gb300-nvl72.ts";
import hgxA1008Sys from "./systems/hgx-a100-8.ts";
import hgxB2008Sys from "./systems/hgx-b200-8.ts";
import hgxB3008Sys from "./systems/hgx-b300-8.ts";
import hgxH1008Sys from "./systems/hgx-h100-8.ts";
import hgxH2008Sys from "./systems/hgx-h200-8.ts";
import mi300x8Sys from "./systems/mi300x-8.ts";
import tpuV5pPodSys from "./systems/tpu-v5p-pod.ts";
import tpuV6ePodSys from "./systems/tpu-v6e-pod.ts";
import trn216Sys from "./systems/trn2-16.ts";
import trn2Ultra64Sys from "./systems/trn2-ultra-64.ts";

/**
 * Parse every entry with `schema`; throw an Error naming the entry and field on the first problem, on a number
 * without a citation, or on a repeated id. Exported for tests.
 */
export function validated<T extends { id: string }>(kind: string, schema: z.ZodType<T>, entries: readonly unknown[]): T[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const label = String((entry as { id?: unknown } | undefined)?.id ?? `#${index}`);
    const fail = (problem: string): never => {
      throw new Error(`catalog ${kind} "${label}": ${problem}`);
    };
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    const missing = unsourcedFields(parsed.data as Record<string, unknown>);
    if (missing.length > 0) fail(`unsourced fields ${missing.join(", ")}`);
    if (seen.has(parsed.data.id)) fail("duplicate id");
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

export const chips: readonly Chip[] = validated("chip", Chip, [
  a100Sxm40gbChip,
  a100Sxm80gbChip,
  h100SxmChip,
  h100PcieChip,
  h800SxmChip,
  h20Chip,
  h200SxmChip,
  b200Chip,
  b300Chip,
  gb200Chip,
  gb300Chip,
  mi250xChip,
  mi300xChip,
  mi325xChip,
  mi355xChip,
  tpuV4Chip,
  tpuV5eChip,
  tpuV5pChip,
  tpuV6eChip,
  tpuV7Chip,
  gaudi2Chip,
  gaudi3Chip,
  maia100Chip,
  trainium2Chip,
  rtx3090Chip,
  rtx4090Chip,
  l40sChip,
  l4Chip,
  rtx5090Chip,
  rtx6000AdaChip,
  rtxA6000Chip,
  a10gChip,
  h100NvlChip,
  mi300aChip,
]);

export const networks: readonly Network[] = validated("network", Network, [
  nvlink3Net,
  nvlink4Net,
  nvlink5Net,
  infinityFabricNet,
  tpuIciNet,
  neuronlinkNet,
  gaudiRoceNet,
  pcie4Net,
  pcie5Net,
  pcie6Net,
  ibHdr200Net,
  ibNdr400Net,
  ibXdr800Net,
  eth400gNet,
  eth800gNet,
  efaNet,
  tpuDcnNet,
]);

/** Systems; `systems.find((s) => s.chipId === id)` picks the first as a chip's default, so order matters. */
export const systems: readonly System[] = validated("system", System, [
  hgxA1008Sys,
  hgxH1008Sys,
  hgxH2008Sys,
  hgxB2008Sys,
  hgxB3008Sys,
  gb200Nvl72Sys,
  gb300Nvl72Sys,
  mi300x8Sys,
  gaudi38Sys,
  trn216Sys,
  trn2Ultra64Sys,
  tpuV5pPodSys,
  tpuV6ePodSys,
]);

export const formats: readonly NumberFormat[] = validated("format", NumberFormat, formatEntries);

const byId = <T extends { id: string }>(entries: readonly T[]): ReadonlyMap<string, T> => new Map(entries.map((e) => [e.id, e]));

export const chipById = byId(chips);
export const systemById = byId(systems);
export const networkById = byId(networks);
export const formatById = byId(formats);

for (const system of systems) {
  if (!chipById.has(system.chipId)) {
    throw new Error(`catalog system "${system.id}": field chipId: unknown chip "${system.chipId}"`);
  }
  for (const field of ["scaleUpNetworkId", "scaleOutNetworkId"] as const) {
    if (!networkById.has(system[field])) {
      throw new Error(`catalog system "${system.id}": field ${field}: unknown network "${system[field]}"`);
    }
  }
  if (system.scaleUpDomainChips > system.chipsPerSystem) {
    throw new Error(`catalog system "${system.id}": field scaleUpDomainChips: exceeds chipsPerSystem`);
  }
}

export function getChip(id: string, path = "hardware.chip"): Chip {
  return lookup(path, id, chipById, "chip");
}

/** The marker every figure of a user-supplied chip carries: it comes from the scenario, not from a source. */
export const userFiguresSource = {
  ref: "the scenario (user-supplied chip)",
  title: "figures given by the user, not taken from the catalog or a vendor source",
  date: "0000",
  estimate: "user-supplied",
} as const;

/** The line every answer based on an inline chip carries. */
export function userChipNote(name: string): string {
  return `based on chip figures supplied by the user (${name}), not on the catalog`;
}

/** True for a chip built by {@link resolveChip} from an inline object. */
export function isUserChip(chip: Chip): boolean {
  return chip.sources["*"]?.estimate === "user-supplied";
}

/**
 * A scenario's `hardware.chip`: a catalog id, or an inline object in the catalog's own schema (src/catalog/schema.ts
 * `Chip`), validated like a catalog entry. `base: "<catalog id>"` starts from that chip and overrides the fields given
 * (a what-if "B300 with twice the HBM bandwidth": `{ base: "b300", memoryBytesPerSecond: 16e12 }`). Every figure of
 * the result is marked as the user's ({@link isUserChip}); sources, when given, are kept beside that mark.
 * @throws InputError naming `path.<field>` for a missing or invalid field, or `path.base` for an unknown base
 */
export function resolveChip(input: string | Record<string, unknown>, path = "hardware.chip"): Chip {
  if (typeof input === "string") return getChip(input, path);
  const { base: baseId, ...fields } = input;
  let merged: Record<string, unknown> = fields;
  if (baseId !== undefined) {
    if (typeof baseId !== "string") throw new InputError({ path: `${path}.base`, value: JSON.stringify(baseId), expected: "a catalog chip id" });
    const base = getChip(baseId, `${path}.base`);
    const flops = { ...base.denseFlopsPerSecond, ...((fields.denseFlopsPerSecond as object | undefined) ?? {}) };
    merged = { ...base, id: `${base.id}-custom`, name: `${base.name} (modified)`, ...fields, denseFlopsPerSecond: flops };
  }
  const given = (merged.sources ?? {}) as Record<string, unknown>;
  const parsed = Chip.safeParse({ ...merged, sources: { ...given, "*": userFiguresSource } });
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue, i) => ({
        path: [path, ...issue.path.map(String)].join("."),
        expected:
          i > 0
            ? issue.message
            : `${issue.message} (a chip in the catalog's schema: id, name, vendor, generation, releaseYear, use, memoryBytes, memoryBytesPerSecond, denseFlopsPerSecond, tdpWatts, scaleUpBytesPerSecond, scaleUpDomainChips, scaleOutBytesPerSecond; or base: a catalog chip id)`,
      })),
    );
  }
  if (chipById.has(parsed.data.id)) {
    throw new InputError({ path: `${path}.id`, value: JSON.stringify(parsed.data.id), expected: "an id that is not a catalog chip's (give base to start from one)" });
  }
  return parsed.data;
}

export function getSystem(id: string, path = "hardware.system"): System {
  return lookup(path, id, systemById, "system");
}

export function getNetwork(id: string, path = "network"): Network {
  return lookup(path, id, networkById, "network");
}

export function getFormat(id: string, path = "precision"): NumberFormat {
  return lookup(path, id, formatById, "number format");
}

/**
 * The reference system of a chip: the one named (which must hold that chip), else the first catalog
 * system built from it (sets the scale-up domain, networks and host power), else none.
 */
export function referenceSystem(chip: Chip, systemId?: string, path = "hardware.system"): System | undefined {
  if (systemId === undefined) return systems.find((s) => s.chipId === chip.id);
  const system = getSystem(systemId, path);
  if (system.chipId !== chip.id) {
    throw new InputError({ path, value: JSON.stringify(systemId), expected: `a system built from ${chip.id} (it holds ${system.chipId})` });
  }
  return system;
}
