/**
 * JSON and CSV downloads of what a view shows.
 * @module
 */

/** Flatten nested objects to dotted keys; arrays of objects become rows. */
export function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = Array.isArray(value) ? JSON.stringify(value) : value;
  return out;
}

const cell = (v: unknown) => {
  const text = v === undefined || v === null ? "" : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(data: unknown): string {
  const rows = Array.isArray(data) ? data.map((r) => flatten(r)) : [flatten(data)];
  const head = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [head.join(","), ...rows.map((r) => head.map((h) => cell(r[h])).join(","))].join("\n");
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
