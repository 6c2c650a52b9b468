/**
 * The catalog question: every chip, system, network, number format and model, with its sources, and one
 * entry by id (models with their derived parameter breakdown). The faces read the catalog through here.
 * @module
 */
import type { Architecture } from "../catalog/architecture.ts";
import { chipById, chips, formats, getChip, getFormat, getNetwork, getSystem, networks, systems } from "../catalog/hardware.ts";
import { catalogModels, getModelArchitecture, modelById } from "../catalog/models.ts";
import { InputError, lookup, nearestIds } from "../errors.ts";
import { type ParameterBreakdown, parameterBreakdown } from "../physics/workload.ts";

export { parameterBreakdown };
export { chipById, chips, formats, getChip, getFormat, getNetwork, getSystem, networks, systems, catalogModels, getModelArchitecture, modelById };
export type { Chip, Source, Sources, System } from "../catalog/schema.ts";
export { DEFAULT_TRAINING_STACK, expertDispatchers, trainingStacks } from "../catalog/training-stacks.ts";
export type { Architecture };

export const catalogKinds = ["chips", "systems", "networks", "models", "formats"] as const;
export type CatalogKind = (typeof catalogKinds)[number];

/** A catalog model with its architecture and derived parameter breakdown. */
export function modelEntry(id: string): Record<string, unknown> & { architecture: Architecture; parameters: ParameterBreakdown } {
  const entry = lookup("id", id, modelById, "model");
  const architecture = getModelArchitecture(id);
  return { ...entry, architecture, parameters: parameterBreakdown(architecture) };
}

export function catalogList(kind: CatalogKind): unknown[] {
  switch (kind) {
    case "chips":
      return [...chips];
    case "systems":
      return [...systems];
    case "networks":
      return [...networks];
    case "formats":
      return [...formats];
    case "models":
      return catalogModels.map((m) => ({ ...m, parameters: parameterBreakdown(getModelArchitecture(m.id)) }));
  }
}

export function catalogEntry(kind: CatalogKind, id: string): unknown {
  switch (kind) {
    case "chips":
      return getChip(id, "id");
    case "systems":
      return getSystem(id, "id");
    case "networks":
      return getNetwork(id, "id");
    case "formats":
      return getFormat(id, "id");
    case "models":
      return modelEntry(id);
  }
}

export function catalogKind(kind: string): CatalogKind {
  if ((catalogKinds as readonly string[]).includes(kind)) return kind as CatalogKind;
  throw new InputError({ path: "kind", value: JSON.stringify(kind), expected: `one of ${catalogKinds.join(", ")}`, suggestions: nearestIds(kind, catalogKinds) });
}
