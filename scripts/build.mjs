#!/usr/bin/env node
// `npm run build` (and `npm pack` through prepack): compiles the package into dist/.
//   dist/**.js      every module of src/ except the web page, transpiled one file each by esbuild (ESM, Node 20),
//                   so paths relative to import.meta.url (dist/web, the sweep worker) stay what they are in src/;
//                   relative `.ts` imports become `.js`, JSON data is inlined (and copied for the .d.ts).
//   dist/**.d.ts    the library's types (tsc --emitDeclarationOnly, tsconfig.build.json).
//   dist/web/       the web planner (vite build), served by `danlu serve`.
// Flags: --no-web (skip the page, keep dist/web), --no-types (skip .d.ts).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const flags = new Set(process.argv.slice(2));
const shell = process.platform === "win32";

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return relative(root, path) === join("src", "faces", "web") ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path] : [];
  });

// A fresh dist/ (with --no-web the page already built stays).
const dist = join(root, "dist");
if (!flags.has("--no-web")) rmSync(dist, { recursive: true, force: true });
else if (existsSync(dist)) for (const entry of readdirSync(dist)) if (entry !== "web") rmSync(join(dist, entry), { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: sources(join(root, "src")),
  outdir: "dist",
  outbase: "src",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  plugins: [
    {
      // One output file per source file: keep every relative import of a module external, renamed to .js.
      name: "one-file-each",
      setup(b) {
        b.onResolve({ filter: /^\.\.?\/.*\.tsx?$/ }, (args) => (args.kind === "entry-point" ? undefined : { path: args.path.replace(/\.tsx?$/, ".js"), external: true }));
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === "entry-point" ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
// The backtest data is inlined in the JavaScript; the .d.ts files still name it (typeof rows).
cpSync(join(root, "src/validation/data"), join(root, "dist/validation/data"), { recursive: true, filter: (f) => !f.endsWith(".md") });
console.log(`danlu build: dist/ modules in ${Date.now() - started} ms`);

const step = (name, cmd, args) => {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell });
  if (r.status !== 0) {
    console.error(`danlu build: ${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`danlu build: ${name} in ${Date.now() - t} ms`);
};
if (!flags.has("--no-types")) {
  step("types (tsc)", "npx", ["tsc", "-p", "tsconfig.build.json"]);
  // tsc drops the `with { type: "json" }` of a JSON import from the .d.ts; a NodeNext consumer needs it back.
  for (const file of ["dist/validation/inference-cases.d.ts", "dist/validation/training-cases.d.ts"]) {
    const path = join(root, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^(import \w+ from "\.\/data\/[\w-]+\.json");$/gm, '$1 with { type: "json" };'));
  }
}
if (!flags.has("--no-web")) step("web page (vite)", "npx", ["vite", "build", "--config", "vite.config.ts"]);
