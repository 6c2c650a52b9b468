/**
 * The CLI's edge: reading scenario files (JSON or YAML), loading Hugging Face config.json paths,
 * printing tables and JSON, and turning InputError into exit code 2 without a stack trace.
 * @module
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { formatIssue, InputError, type InputIssue, nearestIds } from "../../errors.ts";
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

/** Largest scenario or config.json file read, bytes (a real one is a few kB). */
export const maxInputFileBytes = 4 * 1024 * 1024;

/**
 * A regular file's text, at most `maxInputFileBytes`: a directory, a FIFO, a device (/dev/zero) or a huge
 * file is an InputError at once, never a hang or an unbounded read.
 */
export function readInputFile(path: string, field: string, what: string): string {
  const full = resolve(path);
  if (!existsSync(full)) throw new InputError({ path: field, value: JSON.stringify(path), expected: `an existing ${what}` });
  const stat = statSync(full);
  const kind = stat.isDirectory()
    ? "a directory"
    : stat.isFIFO()
      ? "a FIFO"
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? "a device"
        : stat.isSocket()
          ? "a socket"
          : undefined;
  if (kind || !stat.isFile()) throw new InputError({ path: field, value: JSON.stringify(path), expected: `a regular ${what} (this is ${kind ?? "not a regular file"})` });
  if (stat.size > maxInputFileBytes)
    throw new InputError({ path: field, value: JSON.stringify(path), expected: `a ${what} of at most ${maxInputFileBytes} bytes (it has ${stat.size})` });
  // Read at most the limit + 1 bytes, whatever the size claimed (a file can grow between stat and read).
  const fd = openSync(full, "r");
  try {
    const buffer = Buffer.alloc(Math.min(stat.size, maxInputFileBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxInputFileBytes) throw new InputError({ path: field, value: JSON.stringify(path), expected: `a ${what} of at most ${maxInputFileBytes} bytes` });
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Read a JSON or YAML scenario file; errors name the file and the line. */
export function readScenarioFile(path: string): unknown {
  const text = readInputFile(path, "--scenario", "JSON or YAML file");
  try {
    if (/\.json$/i.test(path)) return JSON.parse(text);
    return parseYaml(text);
  } catch (error) {
    throw new InputError({ path: "--scenario", value: JSON.stringify(path), expected: `valid JSON or YAML (${(error as Error).message.split("\n")[0]})` });
  }
}

/** A `--chip-file`: a chip object in the catalog's schema (validated by the core, figures marked as the user's). */
export function readChipFile(path: string): unknown {
  const text = readInputFile(path, "--chip-file", "JSON or YAML file");
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
  let config = parseJsonText(readInputFile(full, "model", "Hugging Face config.json"), `model (${model})`);
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

/**
 * How the running command reports errors: set once by main() from the raw arguments.
 * `json`: errors as `{ "error": { "issues": [...] } }` on stdout (the command was given --json).
 */
export const errorFormat: { json: boolean } = { json: false };

/** The flags that give a scenario section or field, named when it is missing ("give --tokens, --seq and --batch"). */
const flagsFor: Readonly<Record<string, string>> = {
  model: "--model",
  hardware: "--chip and --count",
  "hardware.chip": "--chip",
  "hardware.count": "--count",
  training: "--tokens, --seq and --batch",
  "training.tokens": "--tokens",
  "training.sequenceLength": "--seq",
  "training.globalBatchTokens": "--batch",
  workload: "--input and --output",
  "workload.inputTokens": "--input",
  "workload.outputTokens": "--output",
  "workload.requestsPerSecond": "--rps",
  "slo.ttftSeconds": "--ttft",
  "slo.tpotSeconds": "--tpot",
};

/** Issues with the flags that would fill a missing section (CLI only: the API speaks in field paths). */
export function withFlagHints(issues: readonly InputIssue[]): InputIssue[] {
  return issues.map((issue) => {
    const flags = flagsFor[issue.path];
    if (issue.value !== "(missing)" || !flags) return issue;
    return { ...issue, expected: `${issue.expected} (give ${flags}, or --scenario <file>)` };
  });
}

/** Write an InputError as the CLI reports it (text on stderr, or JSON on stdout under --json); exit code 2. */
export function reportInputError(error: InputError, out: Output = processOutput, usage?: string): number {
  const issues = withFlagHints(error.issues);
  if (errorFormat.json) {
    out.write(JSON.stringify({ error: { message: "invalid input", issues, ...(usage ? { usage } : {}) } }, null, 2));
    return 2;
  }
  const lines = issues.map(formatIssue).map((l) => `  ${l}`);
  out.error(`danlu: invalid input\n${lines.join("\n")}${usage ? `\n${usage}` : ""}`);
  return 2;
}

/** Run a command body; InputError → message on stderr (JSON on stdout under --json) and exit code 2; anything else → exit code 1. */
export async function guard(body: () => unknown | Promise<unknown>, out: Output = processOutput): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof InputError) return reportInputError(error, out);
    const message = (error as Error)?.message ?? String(error);
    if (errorFormat.json) out.write(JSON.stringify({ error: { message: `internal error: ${message}`, issues: [] } }, null, 2));
    else out.error(`danlu: internal error: ${message}`);
    return 1;
  }
}

/** A decimal number as people type it: 8, -2.5, 1e8, .5 (not 0x10, 0b1, "", " 5", Infinity). */
const decimalLiteral = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A flag value as a number when it reads as a decimal number ("8"), else unchanged ("15.6T" is parsed by the schema). */
export function numericFlag(v: string | number | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") return v;
  return decimalLiteral.test(v) ? Number(v) : v;
}

/** Option of a cac command, as far as the argument check needs it. */
interface FlagSpec {
  names: string[];
  rawName: string;
  isBoolean?: boolean;
  negated: boolean;
}

/** What the argument check needs of a command: its name, declared arguments and options. */
export interface CommandSpec {
  name: string;
  rawName: string;
  args: Array<{ variadic: boolean }>;
  options: FlagSpec[];
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The usage line of a command: "usage: danlu train [options] (danlu train --help lists them)". */
export function usageLine(command: CommandSpec): string {
  return `usage: danlu ${command.rawName} [options]   (\`danlu ${command.name} --help\` lists them)`;
}

/**
 * Check raw arguments against a command before it runs: unknown flags, flags without their value,
 * negative numbers, non-decimal numbers (0x10) and extra arguments are all reported at once.
 * `argv` is what follows the command name.
 */
export function argumentIssues(command: CommandSpec, globals: FlagSpec[], argv: readonly string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const all = [...command.options, ...globals];
  const find = (name: string) => {
    const key = camel(name.replace(/^no-/, ""));
    return all.find((o) => o.names.includes(key) || o.names.includes(camel(name)));
  };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-" || /^-\d|^-\.\d/.test(token)) {
      if (/^-\d|^-\.\d/.test(token)) issues.push({ path: "(arguments)", value: token, expected: "no negative numbers (every count, size and rate is positive)" });
      else positionals.push(token);
      continue;
    }
    const eq = token.indexOf("=");
    const flag = eq >= 0 ? token.slice(0, eq) : token;
    const name = flag.replace(/^-{1,2}/, "");
    const spec = find(name);
    if (!spec) {
      const longNames = all.flatMap((o) => o.names.filter((n) => n.length > 1)).map((n) => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
      issues.push({ path: flag.slice(0, 64), expected: `a flag of \`danlu ${command.name}\``, suggestions: nearestIds(name, longNames, 2).map((n) => `--${n}`) });
      continue;
    }
    if (spec.isBoolean) {
      if (eq >= 0) issues.push({ path: flag, value: token.slice(eq + 1), expected: "no value (it is a switch)" });
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1].startsWith("-") && !/^-\d|^-\.\d/.test(argv[i + 1]))) value = argv[++i];
    if (value === undefined) {
      issues.push({ path: flag, value: "(missing)", expected: `a value (${spec.rawName})` });
      continue;
    }
    if (/^-\d|^-\.\d/.test(value)) issues.push({ path: flag, value, expected: "a positive number" });
    else if (value.trim() === "") issues.push({ path: flag, value: JSON.stringify(value), expected: `a value (${spec.rawName})` });
    // mri turns anything `+value` reads as a number into one; only decimal numbers are meant as numbers.
    else if (Number.isFinite(+value) && !decimalLiteral.test(value))
      issues.push({ path: flag, value: JSON.stringify(value), expected: "a decimal number (e.g. 16, 1e6) or a quantity (16Mi)" });
  }
  const maxArgs = command.args.some((a) => a.variadic) ? Number.POSITIVE_INFINITY : command.args.length;
  if (positionals.length > maxArgs) {
    issues.push({
      path: "(arguments)",
      value: positionals
        .slice(maxArgs)
        .map((p) => JSON.stringify(p.slice(0, 64)))
        .join(" "),
      expected: maxArgs === 0 ? `no arguments after \`danlu ${command.name}\` (values go after their flag)` : `at most ${maxArgs} argument${maxArgs === 1 ? "" : "s"}`,
    });
  }
  return issues;
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
