/**
 * Refit the inference calibration's shared parameters on all scored backtest rows and print them beside the
 * catalog values, then the leave-one-source-out folds (the same folds `danlu validate --infer` reports).
 * Usage: npx tsx scripts/calibrate-infer.ts
 */
import { defaultInferParameters, fittedInferParameters } from "../src/planners/infer.ts";
import { crossValidateInference, fitAll } from "../src/validation/infer-cv.ts";
import { inferenceCases } from "../src/validation/inference-cases.ts";

const all = fitAll(inferenceCases);
for (const { id } of fittedInferParameters) console.log(`${id.padEnd(36)} catalog ${defaultInferParameters[id]}  fit ${all[id].toPrecision(3)}`);
const cv = crossValidateInference(inferenceCases);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`serving MAPE in-sample ${pct(cv.inSampleMape)}, cross-validated ${pct(cv.crossValidatedMape)} over ${cv.rows.length} rows`);
for (const f of cv.folds) console.log(f.sourceFamily, JSON.stringify(f.parameters));
