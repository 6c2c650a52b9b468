/**
 * The one error type the core raises on bad input: it names the field, the value, what was expected
 * and the nearest valid ids. Faces turn it into exit code 2 (CLI) or HTTP 400 (API).
 * @module
 */

export interface InputIssue {
  /** Dotted path of the offending field, e.g. `hardware.chip` or `parallelism.tp`. */
  path: string;
  /** What was given (as the user wrote it, stringified). */
  value?: string;
  /** What is accepted. */
  expected: string;
  /** Nearest valid ids, when the field names a catalog entry. */
  suggestions?: string[];
  /**
   * A stable message id for the faces to translate (`unknown-id`, `invalid-type`, `too-small`, `too-big`,
   * `one-of`, `unknown-key`); `params` fill its placeholders. `expected` stays the English text.
   */
  code?: string;
  params?: Record<string, string>;
}

export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[] | InputIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join("\n"));
    this.name = "InputError";
    this.issues = list;
  }
}

export function formatIssue(issue: InputIssue): string {
  const value = issue.value === undefined ? "" : ` = ${issue.value}`;
  const near = issue.suggestions?.length ? ` (did you mean: ${issue.suggestions.join(", ")}?)` : "";
  return `${issue.path || "(input)"}${value}: expected ${issue.expected}${near}`;
}

/** Levenshtein distance, for suggesting the nearest ids. */
export function editDistance(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Longest string for which nearest ids are suggested (edit distance costs length × length). */
export const suggestionMaxLength = 64;

/** Up to `count` ids closest to `given`: substring matches first, then by edit distance; none for long strings. */
export function nearestIds(given: string, ids: readonly string[], count = 3): string[] {
  if (given.length > suggestionMaxLength) return [];
  const needle = given.toLowerCase();
  return [...ids]
    .map((id) => {
      const hay = id.toLowerCase();
      return { id, score: hay.includes(needle) || needle.includes(hay) ? -1 : editDistance(needle, hay) };
    })
    .sort((x, y) => x.score - y.score || x.id.localeCompare(y.id))
    .slice(0, count)
    .map((x) => x.id);
}

/** Look an id up in a map, or throw an InputError naming the field and the nearest ids. */
export function lookup<T>(path: string, id: string, table: ReadonlyMap<string, T>, kind: string): T {
  const found = table.get(id);
  if (found !== undefined) return found;
  throw new InputError({
    path,
    value: JSON.stringify(id),
    expected: `a known ${kind} id`,
    suggestions: nearestIds(id, [...table.keys()]),
    code: "unknown-id",
    params: { kind },
  });
}

/** A bound as people read it in an error: 4096, 1e7, 1e16 (powers of ten from 1e5 up in exponent form). */
export function boundText(n: number | bigint): string {
  const v = Number(n);
  return Math.abs(v) >= 1e5 && Number.isInteger(Math.log10(Math.abs(v))) ? v.toExponential().replace("e+", "e") : String(n);
}
