#!/usr/bin/env node
// `npm run build` (and `npm pack` through prepack): compiles the package into dist/.
//   dist/*.js       esbuild bundles (ESM, Node 20, runtime packages left as imports): index.js (the library),
//                   cli.js (the CLI; each command a chunk loaded when it runs), server.js, sweep-worker.js, and
//                   the shared chunks, all side by side; JSON data is inlined.
//   dist/types/     the library's .d.ts (tsc --emitDeclarationOnly, tsconfig.build.json; the backtest JSON copied).
//   dist/web/       the web planner (vite build), served by `danlu serve`.
// Flags: --no-web (skip the page, keep dist/web), --no-types (skip .d.ts).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const flags = new Set(process.argv.slice(2));
const shell = process.platform === "win32";

// A fresh dist/ (with --no-web the page already built stays).
const dist = join(root, "dist");
if (!flags.has("--no-web")) rmSync(dist, { recursive: true, force: true });
else if (existsSync(dist)) for (const entry of readdirSync(dist)) if (entry !== "web") rmSync(join(dist, entry), { recursive: true, force: true });
const started = Date.now();
// Every output file lies directly in dist/, so a path relative to import.meta.url is the same from any of
// them: the web page is ./web, the sweep worker ./sweep-worker.js and the API's plan worker ./plan-worker.js. The one source path written for the
// src/ layout (serve.ts: ../../../dist/web) is rewritten here; the build fails if it is not found.
const rewrites = { [join("src", "faces", "server", "serve.ts")]: ['"../../../dist/web"', '"web"'] };
await build({
  absWorkingDir: root,
  entryPoints: {
    index: "src/index.ts",
    cli: "src/faces/cli/main.ts",
    server: "src/faces/server/serve.ts",
    "sweep-worker": "src/faces/node/sweep-worker.ts",
    "plan-worker": "src/faces/server/plan-worker.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  chunkNames: "[name]-[hash]",
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  plugins: [
    {
      name: "flat-dist-paths",
      setup(b) {
        b.onLoad({ filter: /\.ts$/ }, (args) => {
          const rewrite = rewrites[relative(root, args.path)];
          if (!rewrite) return undefined;
          const text = readFileSync(args.path, "utf8");
          if (!text.includes(rewrite[0])) throw new Error(`${args.path} no longer contains ${rewrite[0]}: update scripts/build.mjs`);
          return { contents: text.replace(rewrite[0], rewrite[1]), loader: "ts" };
        });
      },
    },
  ],
});
// The backtest data is inlined in the JavaScript; the .d.ts files still name it (typeof rows).
cpSync(join(root, "src/validation/data"), join(root, "dist/types/validation/data"), { recursive: true, filter: (f) => !f.endsWith(".md") });
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
  for (const file of ["dist/types/validation/inference-cases.d.ts", "dist/types/validation/training-cases.d.ts"]) {
    const path = join(root, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^(import \w+ from "\.\/data\/[\w-]+\.json");$/gm, '$1 with { type: "json" };'));
  }
}
if (!flags.has("--no-web")) step("web page (vite)", "npx", ["vite", "build", "--config", "vite.config.ts"]);
