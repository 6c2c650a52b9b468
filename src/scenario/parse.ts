/**
 * Turn zod validation failures into the project's InputError (field path, value, expectation).
 * @module
 */
import type { z } from "zod";
import { boundText, InputError, type InputIssue, nearestIds } from "../errors.ts";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Parse `input` with `schema`; on failure throw an InputError listing every issue with its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = [];
  // A value of the wrong type is that one problem: zod also runs the size checks on it (a string's length against an
  // array's bounds), which would only restate it wrongly.
  const wrongType = new Set(result.error.issues.filter((i) => i.code === "invalid_type").map((i) => i.path.map(String).join(".")));
  for (const issue of result.error.issues) {
    if ((issue.code === "too_big" || issue.code === "too_small") && wrongType.has(issue.path.map(String).join("."))) continue;
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      const parent = valueAt(input, issue.path);
      const schemaKeys = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        issues.push({
          path: base ? `${base}.${key}` : key,
          value: show((parent as Record<string, unknown> | undefined)?.[key]),
          expected: `no such key${schemaKeys.length ? `; known keys: ${schemaKeys.join(", ")}` : ""}`,
          suggestions: schemaKeys.length ? nearestIds(key, schemaKeys, 2) : undefined,
          code: "unknown-key",
          params: { keys: schemaKeys.join(", ") },
        });
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    issues.push({ path: base, value: value === undefined ? "(missing)" : show(value), expected: describe(issue), ...messageId(issue) });
  }
  throw new InputError(issues);
}

/** The message id and parameters of a schema issue (see InputIssue.code). */
function messageId(issue: z.core.$ZodIssue): Pick<InputIssue, "code" | "params"> {
  switch (issue.code) {
    case "invalid_type":
      return { code: "invalid-type", params: { type: String(issue.expected) } };
    case "too_small":
      return { code: "too-small", params: { op: issue.inclusive ? ">=" : ">", limit: String(issue.minimum) } };
    case "too_big":
      return { code: "too-big", params: { op: issue.inclusive ? "<=" : "<", limit: String(issue.maximum) } };
    case "invalid_value":
      return { code: "one-of", params: { values: issue.values.map((v) => JSON.stringify(v)).join(", ") } };
    case "custom":
      return issue.message?.startsWith("a positive number") ? { code: "quantity" } : {};
    default:
      return {};
  }
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `${issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return `a string of at least ${boundText(issue.minimum)} characters`;
      if (issue.origin === "array") return `at least ${boundText(issue.minimum)} ${issue.minimum === 1 ? "entry" : "entries"}`;
      return `a value ${issue.inclusive ? ">=" : ">"} ${boundText(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") return `a string of at most ${boundText(issue.maximum)} characters`;
      if (issue.origin === "array") return `at most ${boundText(issue.maximum)} entries`;
      return `a value ${issue.inclusive ? "<=" : "<"} ${boundText(issue.maximum)}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return issue.message && !issue.message.startsWith("Invalid input") ? issue.message : "one of the accepted forms";
    default:
      return issue.message;
  }
}

/** Keys a (possibly nested) object schema accepts at `path`, for suggestions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof key !== "string") return [];
    node = shape[key];
  }
  node = unwrap(node);
  const shape = (node as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { innerType?: unknown; type?: string; in?: unknown } } | undefined;
  for (let i = 0; i < 8 && current?.def; i++) {
    const def = current.def;
    if (def.innerType) current = def.innerType as typeof current;
    else if (def.type === "pipe" && def.in) current = def.in as typeof current;
    else break;
  }
  return current;
}
