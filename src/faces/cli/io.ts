/**
 * The CLI's edge: reading scenario files (JSON or YAML), loading Hugging Face config.json paths,
 * printing tables and JSON, and turning InputError into exit code 2 without a stack trace.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "../../errors.ts";
import { parseJsonText } from "../../planners/model.ts";
import { fitTable } from "./table.ts";

export interface Output {
  write(text: string): void;
  error(text: string): void;
}

export const processOutput: Output = {
  write: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  error: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Read a JSON or YAML scenario file; errors name the file and the line. */
export function readScenarioFile(path: string): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new InputError({ path: "--scenario", value: JSON.stringify(path), expected: "an existing JSON or YAML file" });
  const text = readFileSync(full, "utf8");
  try {
    if (/\.json$/i.test(path)) return JSON.parse(text);
    return parseYaml(text);
  } catch (error) {
    throw new InputError({ path: "--scenario", value: JSON.stringify(path), expected: `valid JSON or YAML (${(error as Error).message.split("\n")[0]})` });
  }
}

/** A `--chip-file`: a chip object in the catalog's schema (validated by the core, figures marked as the user's). */
export function readChipFile(path: string): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new InputError({ path: "--chip-file", value: JSON.stringify(path), expected: "an existing JSON or YAML file" });
  const text = readFileSync(full, "utf8");
  let chip: unknown;
  try {
    chip = /\.json$/i.test(path) ? parseJsonText(text, "--chip-file") : parseYaml(text);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ path: "--chip-file", value: JSON.stringify(path), expected: `valid YAML (${(error as Error).message.split("\n")[0]})` });
  }
  if (!chip || typeof chip !== "object" || Array.isArray(chip)) throw new InputError({ path: "--chip-file", value: JSON.stringify(path), expected: "a chip object" });
  return chip;
}

/** If `model` is a path to a config.json, replace it by the parsed object (the core does no I/O). */
export function loadModelReference(scenario: unknown, baseDir = process.cwd()): unknown {
  if (!scenario || typeof scenario !== "object") return scenario;
  const model = (scenario as { model?: unknown }).model;
  if (typeof model !== "string" || !(/\.json$/i.test(model) || model.includes("/"))) return scenario;
  const full = resolve(baseDir, model);
  if (!existsSync(full)) throw new InputError({ path: "model", value: JSON.stringify(model), expected: "a catalog model id or the path of an existing Hugging Face config.json" });
  // Python's json writes NaN/Infinity (Nemotron-H); a malformed file names its line and column.
  let config = parseJsonText(readFileSync(full, "utf8"), `model (${model})`);
  // Name an unnamed config after its folder (a downloaded repo) or file, so outputs say which model ran.
  if (config && typeof config === "object" && !Array.isArray(config) && typeof (config as { _name_or_path?: unknown })._name_or_path !== "string") {
    const parts = full.split(/[\\/]/).filter(Boolean);
    const file = parts.pop() ?? "custom";
    const name = file.toLowerCase() === "config.json" && parts.length ? parts.pop() : file.replace(/\.json$/i, "");
    config = { ...(config as object), _name_or_path: name };
  }
  return { ...(scenario as object), model: config };
}

/** A terminal table that fits 100 columns (wrapping its widest columns), or its natural width with --wide. */
export function table(head: string[], rows: Array<Array<string | number>>): string {
  return fitTable(head, rows);
}

/** JSON for machines: replaces any non-finite number by null so NaN/Infinity never reach an output. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/** Run a command body; InputError → message on stderr and exit code 2; anything else → exit code 1. */
export async function guard(body: () => unknown | Promise<unknown>, out: Output = processOutput): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      out.error(
        `danlu: invalid input\n${error.message
          .split("\n")
          .map((l) => `  ${l}`)
          .join("\n")}`,
      );
      return 2;
    }
    out.error(`danlu: internal error: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

/** A flag value as a number when it reads as one ("8"), else unchanged ("15.6T" is parsed by the schema). */
export function numericFlag(v: string | number | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : v;
}

/** Set `value` at `path` in a scenario object, creating parents; undefined leaves it untouched. */
export function setIn(target: Record<string, unknown>, path: string[], value: unknown): void {
  if (value === undefined) return;
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
