/**
 * Start-up and end-to-end wall time of the `danlu` process (reports, not gates): the median of `runs`
 * spawns of bare `node -e 0`, `danlu --version` and single plans, from the compiled dist/ (what an installed
 * package runs) and from the TypeScript source through tsx (a checkout), as ratios to bare node.
 * Targets (issue 11): --version ≤ 6× bare node, any single plan ≤ 0.5 s. Compiles dist/ first.
 * `npx tsx bench/startup.ts [runs]`.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
// Compile the current source (esbuild, well under a second; types and the web page are not timed here).
spawnSync(process.execPath, ["scripts/build.mjs", "--no-types", "--no-web"], { cwd: root, stdio: "inherit" });

function spawnMs(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0 && r.status !== null) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bare node, dist/ and source spawned in turn, `runs` times, so all three see the same machine load. */
function row(args: string[]): { node: number; dist: number; source: number } {
  const t = { node: [] as number[], dist: [] as number[], source: [] as number[] };
  for (let i = 0; i < runs; i++) {
    t.node.push(spawnMs(["-e", "0"]));
    t.dist.push(spawnMs(["bin/danlu.js", ...args], { DANLU_DIST: "1" }));
    t.source.push(spawnMs(["bin/danlu.js", ...args]));
  }
  return { node: median(t.node), dist: median(t.dist), source: median(t.source) };
}

const plans: Array<[string, string[]]> = [
  ["--version", ["--version"]],
  ["--help", ["--help"]],
  ["train 405B × 16,384 H100 (searched)", ["train", "--scenario", "examples/llama-3.1-405b-h100.yaml", "--json"]],
  ["train DeepSeek-V3 × 2,048 H800 fp8", ["train", "--scenario", "examples/deepseek-v3-h800-fp8.yaml", "--json"]],
  ["infer 70B × 4 H100 fp8", ["infer", "--scenario", "examples/infer-llama-3.1-70b-h100x4-fp8.yaml", "--json"]],
  ["slo 70B voice (every chip)", ["slo", "--scenario", "examples/infer-slo-llama-3.1-70b-voice.yaml", "--json"]],
  ["tco h100 × 1,024", ["tco", "--chip", "h100-sxm", "--count", "1024", "--json"]],
  ["power (default cluster)", ["power", "--json"]],
  ["reliability 405B", ["reliability", "--scenario", "examples/llama-3.1-405b-h100.yaml", "--json"]],
];

console.log(`startup and end-to-end wall time, median of ${runs} processes each, bare \`node -e 0\` spawned in turn with each`);
console.log(`${"".padEnd(38)} ${"node -e 0".padStart(9)} ${"dist/ (installed)".padStart(24)} ${"source via tsx".padStart(24)}`);
for (const [name, args] of plans) {
  const r = row(args);
  const cell = (ms: number) => `${ms.toFixed(0)} ms = ${(ms / r.node).toFixed(1)}× node`.padStart(24);
  console.log(`${name.padEnd(38)} ${`${r.node.toFixed(0)} ms`.padStart(9)} ${cell(r.dist)} ${cell(r.source)}`);
}
console.log("targets: --version ≤ 6× bare node; a single plan ≤ 500 ms end to end (dist/ column)");
