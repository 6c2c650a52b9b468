// The layers of the folder tree, checked on the real import graph: the catalog is data (it imports no
// physics), the physics is pure arithmetic on catalog types, scenarios resolve into jobs, planners answer
// questions, and the faces (CLI, server, web, node) reach the engine only through the planners and the
// backtests. Runtime import cycles are refused everywhere.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const edges: Edge[] = files(root).flatMap((file) => {
  const text = readFileSync(file, "utf8");
  const found: Edge[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)"/gms)) {
    if (!/\.tsx?$/.test(m[3])) continue;
    found.push({ from: relative(root, file), to: relative(root, resolve(dirname(file), m[3])), typeOnly: !!m[2] });
  }
  return found;
});

const layer = (path: string) => (path.includes("/") ? path.split("/")[0] : path.replace(/\.tsx?$/, ""));

/** Which layers each layer may import at run time (type-only imports may also reach the layers below). */
const allowed: Record<string, string[]> = {
  errors: [],
  units: ["units"],
  catalog: ["catalog", "errors", "units"],
  physics: ["physics", "catalog", "errors", "units"],
  scenario: ["scenario", "catalog", "physics", "errors", "units"],
  planners: ["planners", "scenario", "physics", "catalog", "errors", "units"],
  validation: ["validation", "planners", "scenario", "errors", "units"],
  faces: ["faces", "planners", "validation", "errors", "units"],
  index: ["errors", "catalog", "physics", "scenario", "planners", "validation", "units"],
};
const typeAllowed: Record<string, string[]> = { faces: ["planners", "validation", "errors", "units", "faces"], catalog: ["catalog", "errors", "units"] };

describe("import graph", () => {
  it("reads a real graph (the test can fail)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === "planners/train.ts" && e.to === "planners/search.ts")).toBe(true);
  });

  it("every import stays inside its layer's allowance", () => {
    const violations = edges
      .filter((e) => {
        const from = layer(e.from);
        const to = layer(e.to);
        const ok = e.typeOnly ? (typeAllowed[from] ?? [...(allowed[from] ?? []), "catalog", "physics", "scenario"]) : (allowed[from] ?? []);
        return !ok.includes(to);
      })
      .map((e) => `${e.from} → ${e.to}${e.typeOnly ? " (type)" : ""}`);
    expect(violations).toEqual([]);
  });

  it("no runtime import cycle", () => {
    const next = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const to of next.get(node) ?? []) visit(to, [...path, node]);
      state.set(node, "done");
    };
    for (const node of next.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
