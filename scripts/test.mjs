#!/usr/bin/env node
// Runs the whole Vitest suite and prints the plain `N passed, N failed` line CI reads
// (Vitest's own summary is not read). Exit status is Vitest's, or 1 when no test ran.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = ".vitest-report.json";
rmSync(report, { force: true });
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit", shell: process.platform === "win32" });
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  // A file that failed to load has no assertions but a failed status: count it as one failure.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  failed = (json.numFailedTests ?? 0) + brokenFiles;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status !== 0 ? run.status ?? 1 : passed === 0 ? 1 : 0);
