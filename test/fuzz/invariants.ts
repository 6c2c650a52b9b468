/**
 * What must hold of every planner answer: an InputError or a result whose numbers are all finite, with
 * MFU and HFU in (0, 1], a lower power cap never faster, twice the chips at a fixed plan shape never more
 * than twice as fast, and inference `fits` false above maxConcurrency. Shared by the property tests and
 * the fuzzer; a check returns the broken invariants (empty = all hold) instead of throwing.
 */
import { InputError } from "../../src/errors.ts";
import { type InferResult, planInfer } from "../../src/planners/infer.ts";
import { planTrain, type TrainPlanOutput } from "../../src/planners/train.ts";
import { type InferCase, type TrainCase, tdpWatts } from "./arbitraries.ts";

export type Outcome = { kind: "result" | "input-error"; breaks: string[] } | { kind: "unexpected"; breaks: string[]; error: string };

/** Paths of every non-finite number (or null, which is how JSON shows an overflow) in a result. */
export function nonFinite(value: unknown, path = "result", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (value === null) out.push(`${path} = null`);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  return out;
}

const tolerance = 1e-9;

/** Run `plan` on `input`; classify the outcome and check `check` on a result. */
export function outcomeOf<R>(plan: (input: unknown) => R, input: unknown, check: (r: R) => string[]): Outcome {
  let result: R;
  try {
    result = plan(input);
  } catch (error) {
    if (error instanceof InputError) {
      const bad = error.issues.filter((i) => !i.expected || typeof i.path !== "string");
      return { kind: "input-error", breaks: bad.length ? ["an issue without a path or an expectation"] : [] };
    }
    return { kind: "unexpected", breaks: [], error: `${(error as Error)?.name}: ${(error as Error)?.message}` };
  }
  let breaks: string[];
  try {
    breaks = [...nonFinite(result).map((p) => `non-finite ${p}`), ...check(result)];
  } catch (error) {
    return { kind: "unexpected", breaks: [], error: `in a follow-up plan: ${(error as Error)?.message}` };
  }
  return { kind: "result", breaks };
}

function trainBreaks(r: TrainPlanOutput): string[] {
  const breaks: string[] = [];
  if (!(r.mfu > 0 && r.mfu <= 1 + tolerance)) breaks.push(`MFU ${r.mfu} outside (0, 1] (${r.chip} ${r.precision})`);
  if (!(r.hfu > 0 && r.hfu <= 1 + tolerance)) breaks.push(`HFU ${r.hfu} outside (0, 1] (${r.chip} ${r.precision})`);
  if (r.hfu < r.mfu * (1 - tolerance)) breaks.push(`HFU ${r.hfu} below MFU ${r.mfu}`);
  if (!(r.stepTimeSeconds > 0)) breaks.push(`step time ${r.stepTimeSeconds}`);
  return breaks;
}

/** A plan of `s` that may be an InputError (follow-ups of a case: skipped then). */
function tryTrain(s: unknown): TrainPlanOutput | undefined {
  try {
    return planTrain(s);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** planTrain on `s` plus its invariants; `followUps` also re-plans under a power cap and on twice the chips. */
export function checkTrain(s: unknown, followUps = true): Outcome {
  return outcomeOf(planTrain, s, (r) => {
    const breaks = trainBreaks(r);
    if (!followUps) return breaks;
    const c = s as TrainCase;
    const tdp = tdpWatts.get(c.hardware?.chip);
    // The same scenario at 60 % of TDP: never faster (the cap lowers clocks, it never frees memory).
    if (tdp !== undefined && r.precision !== "auto") {
      const capped = tryTrain({ ...c, precision: r.precision, hardware: { ...c.hardware, powerLimitWatts: 0.6 * tdp } });
      if (capped && capped.stepTimeSeconds < r.stepTimeSeconds * (1 - tolerance)) breaks.push(`power cap 60% faster: ${capped.stepTimeSeconds} s < ${r.stepTimeSeconds} s`);
    }
    // Twice the chips at the same plan shape (dp doubled, same global batch): at most twice as fast.
    const p = r.parallelism;
    const microBatches = c.training.globalBatchTokens / (c.training.sequenceLength * p.microBatchSize * p.dp);
    if (microBatches % 2 === 0) {
      const shape = { ...p, dp: p.dp * 2 };
      const twice = tryTrain({ ...c, precision: r.precision, hardware: { ...c.hardware, count: c.hardware.count * 2 }, parallelism: shape });
      if (twice && twice.stepTimeSeconds < (r.stepTimeSeconds / 2) * (1 - tolerance))
        breaks.push(`twice the chips more than twice as fast: ${twice.stepTimeSeconds} s < ${r.stepTimeSeconds} s / 2 (${JSON.stringify(shape)})`);
    }
    return breaks;
  });
}

function inferBreaks(s: InferCase, r: InferResult): string[] {
  const breaks: string[] = [];
  const wanted = s.workload?.concurrency;
  if (typeof wanted === "number" && wanted > r.maxConcurrency && r.fits) breaks.push(`fits with concurrency ${wanted} above maxConcurrency ${r.maxConcurrency}`);
  if (r.fits && r.concurrency > r.maxConcurrency * (1 + tolerance)) breaks.push(`fits running ${r.concurrency} above maxConcurrency ${r.maxConcurrency}`);
  if (r.fits && !(r.tpotSeconds > 0 && r.ttftSeconds > 0)) breaks.push(`latency ${r.ttftSeconds} / ${r.tpotSeconds}`);
  return breaks;
}

export function checkInfer(s: unknown): Outcome {
  return outcomeOf(planInfer, s, (r) => inferBreaks(s as InferCase, r));
}
