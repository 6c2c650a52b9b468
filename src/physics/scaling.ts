/**
 * Compute-optimal sizing from a parametric loss law L(N, D) = E + A/N^α + B/D^β with C = 6·N·D
 * (Hoffmann et al. 2022 §3.3, closed form of Eq. 4), data-constrained repetition (Muennighoff et al. 2023 Eq. 5)
 * and inference-aware sizing (Sardana et al. 2024). Pure arithmetic.
 * @module
 */
export interface LawConstants {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

export function lossOf(law: LawConstants, parameters: number, tokens: number): number {
  return law.E + law.A / parameters ** law.alpha + law.B / tokens ** law.beta;
}

/**
 * N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b, a = β/(α+β), b = α/(α+β), G = (αA/(βB))^(1/(α+β)).
 */
export function computeOptimal(law: LawConstants, computeFlops: number): { parameters: number; tokens: number } {
  const { A, B, alpha, beta } = law;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const x = computeFlops / 6;
  return { parameters: G * x ** (beta / (alpha + beta)), tokens: x ** (alpha / (alpha + beta)) / G };
}

/** Muennighoff Eq. 5: effective tokens of D tokens drawn from U unique ones. */
export function effectiveTokens(tokens: number, uniqueTokens: number, halfLife: number): number {
  if (tokens <= uniqueTokens) return tokens;
  const repetitions = tokens / uniqueTokens - 1;
  return uniqueTokens + uniqueTokens * halfLife * (1 - Math.exp(-repetitions / halfLife));
}

/** Minimise f over log-spaced x in [lo, hi] (golden-section on log x after a coarse grid). */
export function minimiseLog(f: (x: number) => number, lo: number, hi: number): number {
  let best = lo;
  let bestValue = Number.POSITIVE_INFINITY;
  const steps = 200;
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let i = 0; i <= steps; i++) {
    const x = Math.exp(a + ((b - a) * i) / steps);
    const v = f(x);
    if (v < bestValue) {
      bestValue = v;
      best = x;
    }
  }
  let l = Math.log(best) - (b - a) / steps;
  let h = Math.log(best) + (b - a) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = h - g * (h - l);
    const d = l + g * (h - l);
    if (f(Math.exp(c)) < f(Math.exp(d))) h = d;
    else l = c;
  }
  return Math.exp((l + h) / 2);
}

/** Data-constrained optimum: the N minimising L(N, D'(C/6N, U)) for a fixed compute C. */
export function dataConstrainedOptimal(
  law: LawConstants,
  computeFlops: number,
  uniqueTokens: number,
  halfLife: number,
): { parameters: number; tokens: number; effectiveTokens: number; loss: number } {
  const loss = (n: number) => lossOf(law, n, effectiveTokens(computeFlops / (6 * n), uniqueTokens, halfLife));
  const free = computeOptimal(law, computeFlops);
  const parameters = minimiseLog(loss, free.parameters / 100, free.parameters * 100);
  const tokens = computeFlops / (6 * parameters);
  return { parameters, tokens, effectiveTokens: effectiveTokens(tokens, uniqueTokens, halfLife), loss: loss(parameters) };
}

/**
 * Sardana et al. 2024: the model reaching `targetLoss` with the fewest lifetime FLOPs when it will serve
 * `inferenceTokens`: minimise 6·N·D(N) + 2·N·D_inf where L(N, D(N)) = targetLoss.
 */
export function inferenceAwareOptimal(
  law: LawConstants,
  targetLoss: number,
  inferenceTokens: number,
  maxParameters: number,
): { parameters: number; tokens: number; trainingFlops: number; inferenceFlops: number } {
  const tokensFor = (n: number) => {
    const rest = targetLoss - law.E - law.A / n ** law.alpha;
    return rest > 0 ? (law.B / rest) ** (1 / law.beta) : Number.POSITIVE_INFINITY;
  };
  // The smallest N that can reach the loss at all: A/N^α < L − E.
  const smallest = (law.A / (targetLoss - law.E)) ** (1 / law.alpha) * 1.0001;
  const total = (n: number) => 6 * n * tokensFor(n) + 2 * n * inferenceTokens;
  const parameters = minimiseLog(total, smallest, Math.max(maxParameters * 1.0001, smallest * 1.01));
  const tokens = tokensFor(parameters);
  return { parameters, tokens, trainingFlops: 6 * parameters * tokens, inferenceFlops: 2 * parameters * inferenceTokens };
}
