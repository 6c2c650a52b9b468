/**
 * Refit the shared efficiency parameters of src/catalog/calibration.ts on the training backtest's
 * full-plan throughput rows (coordinate descent on mean |log error|, src/planners/refit.ts), and run the
 * same leave-one-source-out folds as `danlu validate` (src/validation/cross-validation.ts).
 * Usage: npx tsx scripts/calibrate.ts   (prints the best values; copy them into calibration.ts)
 */
import { catalogParameters, meanAbsLogError, refitShared, resolveRefitRow } from "../src/planners/refit.ts";
import { runTrainingCrossValidation } from "../src/validation/cross-validation.ts";
import { trainingCases } from "../src/validation/training-cases.ts";

const rows = trainingCases.filter((c) => c.kind === "throughput").map((c) => resolveRefitRow(c.scenario, c.published));
const current = catalogParameters();
console.log("catalog values", current, "mean |log error|", meanAbsLogError(rows, current).toFixed(4));
const all = refitShared(rows, current, 8);
console.log("refit on all rows", all.parameters, "mean |log error|", all.objective.toFixed(4));

const cv = runTrainingCrossValidation();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`\nleave-one-source-out over ${cv.rows.length} rows, ${cv.families.length} families`);
for (const f of cv.families)
  console.log(
    `  ${f.sourceFamily.padEnd(34)} ${String(f.rows).padStart(3)} rows  in-sample ${pct(f.inSampleMape).padStart(6)}  cross-validated ${pct(f.crossValidatedMape).padStart(6)}`,
  );
console.log(
  `overall: in-sample ${pct(cv.inSampleMape)}, cross-validated ${pct(cv.crossValidatedMape)}; MoE (${cv.moe.rows} rows): in-sample ${pct(cv.moe.inSampleMape)}, cross-validated ${pct(cv.moe.crossValidatedMape)}`,
);
