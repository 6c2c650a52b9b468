/**
 * Optional engines (inference, economics, plan search) that other parts of the project provide.
 * Each is looked up once by module path and export name; a missing one leaves its route answering 501,
 * so the API grows as the planners land without edits here beyond the names below.
 * @module
 */
import type { z } from "zod";

export interface Engine {
  /** Scenario in (unknown JSON), result out; throws InputError on bad input. */
  plan(input: unknown): unknown;
  /** The zod schema of the scenario, for the OpenAPI document, when the module exports one. */
  schema?: z.ZodType;
}

export interface Engines {
  infer?: Engine;
  tco?: Engine;
}

interface Hook {
  planner: string;
  planNames: string[];
  scenario?: string;
  schemaNames: string[];
}

// HOOK: the module paths and export names each optional engine is expected under.
const hooks: Record<keyof Engines, Hook> = {
  infer: { planner: "../../planners/infer.ts", planNames: ["planInfer", "planInference"], scenario: "../../scenario/infer.ts", schemaNames: ["InferScenario"] },
  tco: { planner: "../../planners/tco.ts", planNames: ["planTco", "planTCO", "planEconomics"], scenario: "../../scenario/tco.ts", schemaNames: ["TcoInput", "TcoScenario", "TCOScenario"] },
};

async function tryImport(path: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!path) return undefined;
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function pick<T>(module: Record<string, unknown> | undefined, names: string[], test: (v: unknown) => boolean): T | undefined {
  if (!module) return undefined;
  for (const name of names) if (test(module[name])) return module[name] as T;
  return undefined;
}

async function load(hook: Hook): Promise<Engine | undefined> {
  const planner = await tryImport(hook.planner);
  const plan = pick<Engine["plan"]>(planner, hook.planNames, (v) => typeof v === "function");
  if (!plan) return undefined;
  const isSchema = (v: unknown) => typeof (v as { safeParse?: unknown })?.safeParse === "function";
  const schema = pick<z.ZodType>(planner, hook.schemaNames, isSchema) ?? pick<z.ZodType>(await tryImport(hook.scenario), hook.schemaNames, isSchema);
  return { plan, schema };
}

let cached: Promise<Engines> | undefined;

/** The optional engines present in this checkout (loaded once). */
export function loadEngines(): Promise<Engines> {
  cached ??= (async () => ({ infer: await load(hooks.infer), tco: await load(hooks.tco) }))();
  return cached;
}
