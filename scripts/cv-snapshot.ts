/**
 * Writes src/validation/data/training-cross-validation.json: the leave-one-source-out cross-validation of the training
 * backtest (src/validation/cross-validation.ts). The folds take about a minute, too long for a browser tab or a quick
 * `danlu validate`, and the result is a pure function of the repository's rows, catalog and physics, so both read this
 * snapshot while it reproduces every row's in-sample prediction (trainingCrossValidation) and run the folds otherwise;
 * `danlu validate --refit` always runs them.
 *   npx tsx scripts/cv-snapshot.ts          write it (after any change to the rows, the physics or the catalog)
 *   npx tsx scripts/cv-snapshot.ts --check  exit 1 when the file is not what the folds give now
 * test/validation/cross-validation.test.ts fails when the checked-in file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { runTrainingCrossValidation } from "../src/validation/cross-validation.ts";

export const snapshotPath = resolve(import.meta.dirname, "../src/validation/data/training-cross-validation.json");

/** The file's text, exactly as written. */
export function snapshotText(): string {
  return `${JSON.stringify(runTrainingCrossValidation(), null, 1)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = snapshotText();
  if (process.argv.includes("--check")) {
    const current = readFileSync(snapshotPath, "utf8");
    if (current !== text) {
      console.error("src/validation/data/training-cross-validation.json is stale: run npx tsx scripts/cv-snapshot.ts");
      process.exit(1);
    }
    console.log("training cross-validation snapshot is current");
  } else {
    writeFileSync(snapshotPath, text);
    console.log(`wrote ${snapshotPath}`);
  }
}
