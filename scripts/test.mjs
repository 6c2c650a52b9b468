#!/usr/bin/env node
// Runs the static checks (Biome lint + format, `tsc --noEmit`) and the whole Vitest suite, and prints the
// plain `N passed, N failed` line CI reads (Vitest's own summary is not read). Each static check counts as
// one test. A test file that failed without a failed assertion (a throw at import or in beforeAll) counts
// as one failure. Exit status: non-zero when anything failed or no test ran.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const shell = process.platform === "win32";
const vitestArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;

// Static checks only for a whole-suite run (a filtered run is a developer's quick loop).
if (vitestArgs.length === 0) {
  for (const [name, cmd, args] of [
    ["biome (lint + format)", "npx", ["biome", "check", "."]],
    ["typecheck (tsc --noEmit)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ]) {
    const r = spawnSync(cmd, args, { stdio: "inherit", shell });
    if (r.status === 0) passed++;
    else {
      failed++;
      console.error(`✗ ${name} failed`);
    }
  }
}

const report = ".vitest-report.json";
rmSync(report, { force: true });
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...vitestArgs];
const run = spawnSync("npx", args, { stdio: "inherit", shell });
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
  failed += (json.numFailedTests ?? 0) + brokenFiles;
} else {
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? run.status || 1 : passed === 0 ? 1 : 0);
