#!/usr/bin/env node
// The `danlu` command. An installed package runs the compiled CLI in dist/ (plain JavaScript, no transpiler).
// A development checkout (src/ beside this folder, tsx installed) runs the TypeScript source through tsx, so
// an edit takes effect without a build and a stale dist/ is never run; DANLU_DIST=1 runs dist/ there too.
import { existsSync } from "node:fs";

const source = new URL("../src/faces/cli/main.ts", import.meta.url);
const compiled = new URL("../dist/cli.js", import.meta.url);
const development = existsSync(source) && process.env.DANLU_DIST !== "1";
if (!development && existsSync(compiled)) {
  await import(compiled.href);
} else {
  let tsx;
  try {
    tsx = await import("tsx/esm/api");
  } catch {
    console.error("danlu: dist/ is not built and tsx is not installed: run `npm ci && npm run build` in the checkout.");
    process.exit(1);
  }
  tsx.register();
  await import(source.href);
}
