/**
 * Terminal tables that fit the terminal: at most 100 columns unless `--wide`. Columns wider than their share
 * wrap (words first, then characters); a table that cannot fit at the narrowest wrap is printed as is.
 * @module
 */
import Table from "cli-table3";

/** The width every table fits in by default (columns of a terminal). */
export const tableWidth = 100;

let wide = false;

/** `--wide`: print every table at its natural width (no wrapping). */
export function setWide(value: boolean): void {
  wide = value;
}

/** Whether `--wide` is in effect (commands may then add columns they leave out by default). */
export function isWide(): boolean {
  return wide;
}

/** Visible width of a cell's longest line (Unicode code points; ANSI colour codes are not used in tables). */
function cellWidth(text: string): number {
  return Math.max(0, ...text.split("\n").map((line) => [...line].length));
}

/** Column widths (content + 2 padding) that fit `max` total characters including borders. */
export function fitWidths(head: string[], rows: string[][], max = tableWidth): number[] {
  const n = head.length;
  const natural = head.map((h, i) => Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ""))) + 2);
  const borders = n + 1;
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + borders;
  const floor = (i: number) => Math.min(natural[i], Math.max(6, Math.min(cellWidth(head[i]) + 2, 12)));
  while (total() > max) {
    // Shrink the widest column that can still shrink.
    let widest = -1;
    for (let i = 0; i < n; i++) if (widths[i] > floor(i) && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break;
    widths[widest] -= 1;
  }
  return widths;
}

/** A table of strings that fits `tableWidth` columns (or its natural width with --wide). */
export function fitTable(head: string[], rows: Array<Array<string | number>>, max = wide ? Number.POSITIVE_INFINITY : tableWidth): string {
  const cells = rows.map((row) => row.map((c) => (typeof c === "number" ? String(c) : c)));
  const widths = Number.isFinite(max) ? fitWidths(head, cells, max) : undefined;
  const t = new Table({
    head,
    style: { head: [], border: [] },
    // No rule between body rows: one line per row unless a cell wraps.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(widths ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  for (const row of cells) t.push(row);
  return t.toString();
}

/** Width of the widest line of `text` (what a README check asserts). */
export function textWidth(text: string): number {
  return cellWidth(text);
}

/** Wrap prose to `width` columns at spaces; continuation lines start with `indent`. */
export function wrapText(text: string, width = wide ? Number.POSITIVE_INFINITY : tableWidth, indent = "  "): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && [...line].length + 1 + [...word].length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
