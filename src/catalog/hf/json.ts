/**
 * Reading a config.json as Python writes it: `json.dump` emits the bare literals `NaN`, `Infinity` and
 * `-Infinity` (allow_nan=True by default; Nemotron-H's `time_step_limit` holds one), which JSON.parse refuses.
 * They are read as the numbers they name. A malformed file is an InputError naming its line and column.
 * @module
 */
import { InputError } from "../../errors.ts";

const sentinel = "\u0000danlu-nonfinite:";

/** Replace bare NaN/Infinity/-Infinity outside strings by sentinel strings the reviver turns back into numbers. */
function quoteNonFinite(text: string): string {
  let out = "";
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") {
        out += text[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
      continue;
    }
    const word = text.startsWith("-Infinity", i) ? "-Infinity" : text.startsWith("Infinity", i) ? "Infinity" : text.startsWith("NaN", i) ? "NaN" : undefined;
    if (word) {
      out += JSON.stringify(sentinel + word);
      i += word.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Parse JSON text that may hold Python's NaN/Infinity literals.
 * @param source what to name in the error (`--model`, a file name)
 * @throws InputError naming `source`, the line and the column of the first syntax error
 */
export function parseJsonText(text: string, source: string): unknown {
  const quoted = quoteNonFinite(text);
  try {
    return JSON.parse(quoted, (_key, value) => {
      if (typeof value === "string" && value.startsWith(sentinel)) {
        const word = value.slice(sentinel.length);
        return word === "NaN" ? Number.NaN : word === "-Infinity" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      }
      return value;
    });
  } catch {
    const position = syntaxErrorOffset(text);
    const where = lineAndColumn(text, position.offset);
    throw new InputError({ path: source, expected: `valid JSON (line ${where.line}, column ${where.column}: ${position.reason})` });
  }
}

/**
 * Offset of the first syntax error: a small recursive-descent JSON reader (with Python's NaN/Infinity),
 * run only after JSON.parse failed, because V8's messages do not always give a position.
 */
export function syntaxErrorOffset(text: string): { offset: number; reason: string } {
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {}
  }
  const fail = (reason: string): never => {
    throw new Stop(i, reason);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${i < text.length ? JSON.stringify(text[i]) : "end of file"}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text[i] === "\n") fail("line break inside a string");
      i++;
    }
    if (i >= text.length) fail("unterminated string");
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-" || m[0] === "") fail(`unexpected ${JSON.stringify(text[i])}`);
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a quoted key, found ${i < text.length ? JSON.stringify(text[i]) : "end of file"}`);
        string();
        ws();
        if (text[i] !== ":") fail(`expected ':' after a key, found ${i < text.length ? JSON.stringify(text[i]) : "end of file"}`);
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${i < text.length ? JSON.stringify(text[i]) : "end of file"}`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${i < text.length ? JSON.stringify(text[i]) : "end of file"}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "t") {
      literal("true");
      return;
    }
    if (c === "f") {
      literal("false");
      return;
    }
    if (c === "n") {
      literal("null");
      return;
    }
    if (c === "N") {
      literal("NaN");
      return;
    }
    if (c === "I") {
      literal("Infinity");
      return;
    }
    if (c === "-" && text[i + 1] === "I") {
      i++;
      literal("Infinity");
      return;
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      number();
      return;
    }
    fail(i < text.length ? `unexpected ${JSON.stringify(c)}` : "unexpected end of file");
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the end of the document`);
  } catch (stop) {
    if (stop instanceof Stop) return { offset: stop.offset, reason: stop.reason };
    throw stop;
  }
  return { offset: Math.max(0, text.length - 1), reason: "not valid JSON" };
}
