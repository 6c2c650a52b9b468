/**
 * The scale planner: for a budget, the compute-optimal model size and tokens (Chinchilla approach 3 with
 * Besiroglu 2024's refit), the predicted loss, the data-constrained answer when unique tokens run out
 * (Muennighoff 2023), the 10–50T unique-token ceiling as a stated check, inference-aware sizing (Sardana 2024),
 * and the training plan of the answer on the chosen hardware (planTrain on a Llama-shaped model of that size).
 * @module
 */
import { dataConstrained, inferenceAwareSource, lossLaws, uniqueTokenCeiling } from "../catalog/scaling.ts";
import { InputError } from "../errors.ts";
import { computeOptimal, dataConstrainedOptimal, effectiveTokens, inferenceAwareOptimal, lossOf } from "../physics/scaling.ts";
import { resolveScaleScenario } from "../scenario/scale.ts";
import { planTrain } from "./train.ts";

export { ScaleScenario, type ScaleScenarioInput } from "../scenario/scale.ts";

export interface ScaleResult {
  law: string;
  computeFlops: number;
  /** Compute-optimal parameters (after the data constraint, when it binds). */
  parameters: number;
  tokens: number;
  tokensPerParameter: number;
  predictedLoss: number;
  /** The unconstrained Chinchilla optimum. */
  unconstrained: { parameters: number; tokens: number; predictedLoss: number };
  dataConstrained?: { uniqueTokens: number; epochs: number; effectiveTokens: number; parameters: number; tokens: number; predictedLoss: number; binds: boolean };
  /** The lecture's 10–50T unique-token ceiling, as a check on the tokens the answer wants. */
  dataCeiling: { tokens: number; lowTokens: number; highTokens: number; status: "below" | "within" | "above"; note: string };
  inferenceAware?: {
    inferenceTokens: number;
    parameters: number;
    tokens: number;
    trainingFlops: number;
    inferenceFlops: number;
    lifetimeFlops: number;
    chinchillaLifetimeFlops: number;
    savingFraction: number;
    source: string;
    /** False when the longer training wants more tokens than `uniqueTokens` (Sardana's sizing assumes fresh data). */
    withinUniqueTokens: boolean;
  };
  /** The budget as chip-hours, when it was given as chip time or dollars. */
  chipHours?: number;
  /** The answer handed to the training planner on the chosen hardware. */
  training?: {
    chip: string;
    chipCount: number;
    model: Record<string, unknown>;
    fits: boolean;
    reason?: string;
    parallelism: unknown;
    mfu: number;
    wallClockDays: number;
    chipHours: number;
    costUsd?: number;
  };
}

/** A Llama-shaped config of about `parameters` (h ≈ 128·L, gated MLP 8/3·h, 128-wide heads, 32k vocabulary). */
export function shapeFor(parameters: number): Record<string, unknown> {
  const vocab = 32000;
  let layers = Math.max(2, Math.round((parameters / (12 * 128 * 128)) ** (1 / 3)));
  // Widths in steps of 1024 above 4096, so the head count (hidden / 128) has divisors for tensor parallelism.
  const step = 128 * layers > 4096 ? 1024 : 128;
  const hidden = Math.max(256, Math.round((128 * layers) / step) * step);
  layers = Math.max(2, Math.round((parameters - 2 * vocab * hidden) / (12 * hidden * hidden)));
  const heads = hidden / 128;
  return {
    _name_or_path: `scale-${(parameters / 1e9).toFixed(1)}b`,
    model_type: "llama",
    hidden_size: hidden,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: heads,
    intermediate_size: Math.round((8 * hidden) / 3 / 256) * 256,
    vocab_size: vocab,
  };
}

export function planScale(input: unknown): ScaleResult {
  const r = resolveScaleScenario(input);
  const { scenario, law, chip } = r;
  const seq = scenario.sequenceLength;
  const trainOn = (parameters: number, tokens: number) => {
    if (!chip) return undefined;
    const model = shapeFor(parameters);
    const count = r.chipCount;
    const globalBatchTokens = seq * count * Math.max(1, Math.round(1024 / count));
    try {
      const t = planTrain({
        model,
        hardware: { chip: chip.id, count },
        precision: "bf16",
        training: { tokens, sequenceLength: seq, globalBatchTokens },
        options: { usdPerChipHour: scenario.options.usdPerChipHour },
      });
      return {
        chip: chip.id,
        chipCount: count,
        model,
        fits: t.fits,
        reason: t.reason,
        parallelism: t.parallelism,
        mfu: t.mfu,
        wallClockDays: t.wallClockDays,
        chipHours: t.chipHours,
        costUsd: t.costUsd,
      };
    } catch (error) {
      if (error instanceof InputError)
        return { chip: chip.id, chipCount: count, model, fits: false, reason: error.message, parallelism: undefined, mfu: 0, wallClockDays: 0, chipHours: 0 };
      throw error;
    }
  };
  // Budget in FLOP: given, or chip time × peak × MFU, the MFU being the training planner's for the answer (two passes).
  let computeFlops = scenario.budget.computeFlops ?? 0;
  if (r.chipHours !== undefined && chip) {
    const peak = chip.denseFlopsPerSecond.bf16 ?? chip.denseFlopsPerSecond.fp16 ?? 0;
    if (peak <= 0) throw new InputError({ path: "hardware.chip", value: JSON.stringify(chip.id), expected: "a chip with a bf16 or fp16 peak" });
    let mfu = scenario.mfu ?? 0.4;
    for (let pass = 0; pass < (scenario.mfu === undefined ? 2 : 1); pass++) {
      computeFlops = r.chipHours * 3600 * peak * mfu;
      if (scenario.mfu !== undefined) break;
      const guess = computeOptimal(law, computeFlops);
      const t = trainOn(guess.parameters, guess.tokens);
      if (!t?.fits || !(t.mfu > 0)) break;
      mfu = t.mfu;
      computeFlops = r.chipHours * 3600 * peak * mfu;
    }
  }
  const free = computeOptimal(law, computeFlops);
  const freeLoss = lossOf(law, free.parameters, free.tokens);
  let parameters = free.parameters;
  let tokens = free.tokens;
  let predictedLoss = freeLoss;
  let constrained: ScaleResult["dataConstrained"];
  if (scenario.uniqueTokens !== undefined) {
    const U = scenario.uniqueTokens;
    const binds = free.tokens > U;
    const dc = binds ? dataConstrainedOptimal(law, computeFlops, U, dataConstrained.repetitionHalfLife) : { ...free, effectiveTokens: free.tokens, loss: freeLoss };
    constrained = { uniqueTokens: U, epochs: dc.tokens / U, effectiveTokens: dc.effectiveTokens, parameters: dc.parameters, tokens: dc.tokens, predictedLoss: dc.loss, binds };
    parameters = dc.parameters;
    tokens = dc.tokens;
    predictedLoss = dc.loss;
  }
  const unique = constrained ? Math.min(tokens, constrained.uniqueTokens) : tokens;
  const c = uniqueTokenCeiling;
  const status = unique < c.lowTokens ? "below" : unique <= c.highTokens ? "within" : "above";
  const note =
    status === "below"
      ? "within reach of today's open pre-training corpora (10T+ tokens)"
      : status === "within"
        ? "at the 10–50T unique tokens the lecture puts as what quality data can supply"
        : "beyond the 10–50T unique-token ceiling: give uniqueTokens to plan repeated epochs (Muennighoff 2023)";
  let inferenceAware: ScaleResult["inferenceAware"];
  if (scenario.inferenceTokens !== undefined) {
    const served = scenario.inferenceTokens;
    const ia = inferenceAwareOptimal(law, freeLoss, served, free.parameters);
    const chinchillaLifetime = 6 * free.parameters * free.tokens + 2 * free.parameters * served;
    const lifetime = ia.trainingFlops + ia.inferenceFlops;
    inferenceAware = {
      inferenceTokens: served,
      ...ia,
      lifetimeFlops: lifetime,
      chinchillaLifetimeFlops: chinchillaLifetime,
      savingFraction: 1 - lifetime / chinchillaLifetime,
      source: inferenceAwareSource.ref,
      withinUniqueTokens: scenario.uniqueTokens === undefined || ia.tokens <= scenario.uniqueTokens,
    };
  }
  return {
    law: law.id,
    computeFlops,
    parameters,
    tokens,
    tokensPerParameter: tokens / parameters,
    predictedLoss,
    unconstrained: { parameters: free.parameters, tokens: free.tokens, predictedLoss: freeLoss },
    dataConstrained: constrained,
    dataCeiling: { tokens: unique, lowTokens: c.lowTokens, highTokens: c.highTokens, status, note },
    inferenceAware,
    chipHours: r.chipHours,
    training: trainOn(parameters, tokens),
  };
}

/** The loss along the budget's iso-FLOP line (N from optimum/30 to ×30), with repetition when unique tokens are given: the chart of the web view. */
export function isoFlopCurve(result: ScaleResult, points = 41, uniqueTokens?: number): Array<{ parameters: number; tokens: number; loss: number; constrainedLoss?: number }> {
  const law = lossLaws[result.law as keyof typeof lossLaws];
  const out: Array<{ parameters: number; tokens: number; loss: number; constrainedLoss?: number }> = [];
  const center = result.unconstrained.parameters;
  for (let i = 0; i < points; i++) {
    const parameters = center * 30 ** ((2 * i) / (points - 1) - 1);
    const tokens = result.computeFlops / (6 * parameters);
    const loss = lossOf(law, parameters, tokens);
    const constrainedLoss = uniqueTokens === undefined ? undefined : lossOf(law, parameters, effectiveTokens(tokens, uniqueTokens, dataConstrained.repetitionHalfLife));
    out.push({ parameters, tokens, loss, constrainedLoss });
  }
  return out;
}
