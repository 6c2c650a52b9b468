/**
 * Latency percentiles under load: a seeded, in-process discrete-event simulation of an iteration-level
 * continuous-batching scheduler (Orca/vLLM/SGLang/TRT-LLM in-flight batching), driven by danlu's own step times.
 *
 * One event per engine iteration. Each iteration: admit waiting requests FCFS while the running set is below the
 * engine's maximum and their KV fits the pool (mean residency input·(1−h) + output/2, as maxConcurrency counts it);
 * fill the token budget with one token per decoding sequence (γ+1 with speculation) first, then chunked prefill
 * of the admitted prompts in admission order (Sarathi-Serve stall-free batching; vLLM max_num_batched_tokens);
 * the iteration lasts step(tokens) + KV read of the decoding contexts + the chunk's causal attention (+ the drafts).
 * A prompt's last chunk emits its first token (TTFT); each later iteration emits one token per decoding sequence
 * (with speculation 1..γ+1, drawn from the truncated geometric law of i.i.d. acceptance). Poisson arrivals (open loop)
 * or N clients that send the next request when one finishes (closed loop); lengths fixed, exponential or lognormal.
 * Percentiles follow `vllm bench serve`: TTFT, TPOT = (e2e − TTFT)/(output − 1) per request, ITL per emitted step,
 * e2e; the first 10% of requests are warm-up and not counted. Sources: Yu et al. 2022 (Orca); Kwon et al. 2023
 * (vLLM); Agrawal et al. 2024 (Sarathi-Serve); Agrawal et al. 2024 (Vidur, iteration-level simulation);
 * vLLM benchmarks/serve.py (metric definitions). Pure and deterministic for a seed.
 * @module
 */

/** A length distribution (mean; fixed, exponential, or lognormal with log-σ). */
export interface SimLength {
  mean: number;
  distribution: "fixed" | "exponential" | "lognormal";
  sigma: number;
}

/** The engine's iteration time, tabulated from danlu's roofline (see servingStepModel in physics/infer.ts). */
export interface SimStepModel {
  /** Seconds of an iteration whose GEMMs carry `tokens` tokens (decode + verify + prefill), no KV read. */
  linearSeconds: (tokens: number) => number;
  /** Seconds per cached token read by decode attention. */
  kvSecondsPerToken: number;
  /** Seconds per (prefill token × key it attends). */
  prefillAttentionSecondsPerTokenKey: number;
  /** Seconds to draft for `sequences` decoding sequences (speculation), or 0. */
  draftSeconds: (sequences: number) => number;
}

export interface SimConfig {
  arrivals: { kind: "poisson"; requestsPerSecond: number } | { kind: "closed"; concurrency: number };
  requests: number;
  seed: number;
  input: SimLength;
  output: SimLength;
  prefixCacheHitRate: number;
  /** Tokens per iteration (decode tokens count against it). */
  tokenBudget: number;
  maxRunning: number;
  /** KV pool of the replica, in tokens. */
  kvCapacityTokens: number;
  speculative?: { draftTokens: number; acceptanceRate: number };
  /**
   * A disaggregated decode pool: prompts arrive already prefilled (their KV transferred, their first token emitted
   * by the prefill pool); the simulation decodes only, and TPOT counts from the hand-over (admission wait included).
   */
  prefilled?: boolean;
  slo?: { ttftSeconds?: number; tpotSeconds?: number; percentile: number };
}

export interface Percentiles {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

export interface SimResult {
  ttftSeconds: Percentiles;
  tpotSeconds: Percentiles;
  itlSeconds: Percentiles;
  e2eSeconds: Percentiles;
  /** Requests per second completed (measured requests over their span). */
  completedRequestsPerSecond: number;
  /** Requests per second meeting both SLO targets (all completed ones when no SLO is given). */
  goodputRequestsPerSecond: number;
  /** Share of measured requests meeting both targets. */
  sloAttainment: number;
  /** TTFT and TPOT at the SLO's percentile (when an SLO is given). */
  atPercentile?: { percentile: number; ttftSeconds: number; tpotSeconds: number };
  meanRunning: number;
  /** True when the queue kept growing (offered load above capacity): figures describe an overloaded server. */
  saturated: boolean;
  iterations: number;
}

/** Mulberry32: a small, fast, seeded PRNG (public domain, Tommy Ettinger). */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  const a = Math.max(u(), 1e-12);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

function sampleLength(l: SimLength, u: () => number): number {
  if (l.distribution === "fixed") return Math.max(1, Math.round(l.mean));
  if (l.distribution === "exponential") return Math.max(1, Math.round(-Math.log(Math.max(u(), 1e-12)) * l.mean));
  const mu = Math.log(l.mean) - (l.sigma * l.sigma) / 2;
  return Math.max(1, Math.round(Math.exp(mu + l.sigma * normal(u))));
}

function percentiles(values: Float64Array): Percentiles {
  if (values.length === 0) return { mean: 0, p50: 0, p90: 0, p99: 0 };
  const v = values.slice().sort();
  const at = (q: number) => {
    const x = q * (v.length - 1);
    const i = Math.floor(x);
    const f = x - i;
    return i + 1 < v.length ? v[i] * (1 - f) + v[i + 1] * f : v[i];
  };
  let sum = 0;
  for (const x of v) sum += x;
  return { mean: sum / v.length, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return 0;
  const v = values.slice().sort();
  const x = q * (v.length - 1);
  const i = Math.floor(x);
  return i + 1 < v.length ? v[i] + (x - i) * (v[i + 1] - v[i]) : v[i];
}

/** Weighted log-binned histogram for ITL (one sample per decoding sequence per iteration; ≤ 2.4% bin width). */
class LogHistogram {
  private readonly bins = new Float64Array(600);
  private total = 0;
  private sum = 0;
  private static readonly LO = Math.log(1e-6);
  private static readonly STEP = Math.log(1e9) / 600;
  add(x: number, weight: number): void {
    const i = Math.min(599, Math.max(0, Math.floor((Math.log(Math.max(x, 1e-6)) - LogHistogram.LO) / LogHistogram.STEP)));
    this.bins[i] += weight;
    this.total += weight;
    this.sum += x * weight;
  }
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const target = q * this.total;
    let acc = 0;
    for (let i = 0; i < 600; i++) {
      if (acc + this.bins[i] >= target) {
        const f = this.bins[i] > 0 ? (target - acc) / this.bins[i] : 0;
        return Math.exp(LogHistogram.LO + (i + f) * LogHistogram.STEP);
      }
      acc += this.bins[i];
    }
    return Math.exp(LogHistogram.LO + 600 * LogHistogram.STEP);
  }
  percentiles(): Percentiles {
    return { mean: this.total ? this.sum / this.total : 0, p50: this.quantile(0.5), p90: this.quantile(0.9), p99: this.quantile(0.99) };
  }
}

/** Run the simulation. */
export function simulateServing(cfg: SimConfig, step: SimStepModel): SimResult {
  const n = Math.max(1, Math.floor(cfg.requests));
  const u = rng(cfg.seed);
  const hit = cfg.prefixCacheHitRate;
  const arrival = new Float64Array(n);
  const promptLen = new Float64Array(n);
  const newTokens = new Float64Array(n);
  const outLen = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    promptLen[i] = sampleLength(cfg.input, u);
    newTokens[i] = Math.max(1, Math.round(promptLen[i] * (1 - hit)));
    outLen[i] = sampleLength(cfg.output, u);
  }
  const closed = cfg.arrivals.kind === "closed";
  const clients = closed ? Math.max(1, Math.min(n, Math.floor((cfg.arrivals as { concurrency: number }).concurrency))) : 0;
  if (cfg.arrivals.kind === "poisson") {
    const rate = cfg.arrivals.requestsPerSecond;
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += -Math.log(Math.max(u(), 1e-12)) / rate;
      arrival[i] = t;
    }
  } else {
    for (let i = 0; i < n; i++) arrival[i] = i < clients ? 0 : Number.POSITIVE_INFINITY;
  }
  const prefillDone = new Float64Array(n); // prompt tokens prefilled so far
  const generated = new Float64Array(n);
  const firstToken = new Float64Array(n).fill(-1);
  const finish = new Float64Array(n).fill(-1);
  const reserve = new Float64Array(n);
  const chunkOf = new Float64Array(n); // this iteration's prefill chunk per request (0 = none)
  const running: number[] = [];
  let nextArrival = 0; // next request index not yet arrived (arrivals are in index order)
  const waiting: number[] = [];
  let waitHead = 0;
  let kvUsed = 0;
  let t = 0;
  let iterations = 0;
  let runningTime = 0;
  let completed = 0;
  let nextClosed = clients; // closed loop: next request to release when one finishes
  const itl = new LogHistogram();
  const warm = Math.floor(n * 0.1);
  const spec = cfg.speculative;
  const q = spec ? spec.draftTokens + 1 : 1;
  const alpha = spec ? spec.acceptanceRate : 0;
  const maxIterations = 5_000_000;
  let queuedAtLastArrival = -1;
  while (completed < n && iterations < maxIterations) {
    // Arrivals up to now.
    while (nextArrival < n && arrival[nextArrival] <= t) waiting.push(nextArrival++);
    if (queuedAtLastArrival < 0 && nextArrival >= n && !closed) queuedAtLastArrival = waiting.length - waitHead;
    // Admission (FCFS) under the running cap and the KV pool.
    while (waitHead < waiting.length && running.length < cfg.maxRunning) {
      const r = waiting[waitHead];
      const need = newTokens[r] + outLen[r] / 2;
      if (kvUsed + need > cfg.kvCapacityTokens && running.length > 0) break;
      kvUsed += need;
      reserve[r] = need;
      running.push(r);
      waitHead++;
      if (cfg.prefilled) {
        prefillDone[r] = newTokens[r];
        firstToken[r] = arrival[r];
        generated[r] = 1;
      }
    }
    if (running.length === 0) {
      if (nextArrival >= n) break;
      t = Math.max(t, arrival[nextArrival]);
      continue;
    }
    // Build the batch: decode tokens first, then prefill chunks in admission order.
    let budget = cfg.tokenBudget;
    let decoding = 0;
    let kvTokens = 0;
    for (let k = 0; k < running.length; k++) {
      const r = running[k];
      if (prefillDone[r] >= newTokens[r]) {
        decoding++;
        kvTokens += promptLen[r] + generated[r];
      }
    }
    // Fast-forward (exact): when every running sequence is decoding, no speculation draws, and no request arrives
    // or finishes, the iterations differ only by the growing KV read — run them without rebuilding the batch, up to
    // the one before the first finish (that one, and any arrival, take the full path below).
    if (!spec && decoding === running.length) {
      let minLeft = Number.POSITIVE_INFINITY;
      let measuredDecoding = 0;
      for (let k = 0; k < running.length; k++) {
        const r = running[k];
        const left = outLen[r] - generated[r];
        if (left < minLeft) minLeft = left;
        if (r >= warm) measuredDecoding++;
      }
      const skip = Math.min(minLeft - 1, maxIterations - iterations);
      const nextAt = nextArrival < n ? arrival[nextArrival] : Number.POSITIVE_INFINITY;
      if (skip >= 1 && t < nextAt) {
        const fixed = step.linearSeconds(decoding);
        let i = 0;
        let kv = kvTokens;
        while (i < skip && t < nextAt) {
          const dt = fixed + kv * step.kvSecondsPerToken;
          t += dt;
          runningTime += running.length * dt;
          if (measuredDecoding > 0) itl.add(dt, measuredDecoding);
          kv += decoding;
          i++;
        }
        for (let k = 0; k < running.length; k++) generated[running[k]] += i;
        iterations += i;
        continue;
      }
    }
    // The same with speculation: the accepted tokens are drawn per sequence in the order the full path draws them
    // (same random stream, same result), while no sequence can finish (each emits at most γ+1).
    if (spec && decoding === running.length) {
      let minLeft = Number.POSITIVE_INFINITY;
      let measuredDecoding = 0;
      for (let k = 0; k < running.length; k++) {
        const r = running[k];
        const left = outLen[r] - generated[r];
        if (left < minLeft) minLeft = left;
        if (r >= warm) measuredDecoding++;
      }
      const nextAt = nextArrival < n ? arrival[nextArrival] : Number.POSITIVE_INFINITY;
      if (minLeft > q && t < nextAt) {
        const fixed = step.linearSeconds(decoding * q) + step.draftSeconds(decoding);
        let kv = kvTokens;
        while (minLeft > q && t < nextAt && iterations < maxIterations) {
          const dt = fixed + kv * step.kvSecondsPerToken;
          t += dt;
          runningTime += running.length * dt;
          if (measuredDecoding > 0) itl.add(dt, measuredDecoding);
          iterations++;
          minLeft = Number.POSITIVE_INFINITY;
          for (let k = 0; k < running.length; k++) {
            const r = running[k];
            let emitted = 1;
            while (emitted < q && u() < alpha) emitted++;
            generated[r] += emitted;
            kv += emitted;
            const left = outLen[r] - generated[r];
            if (left < minLeft) minLeft = left;
          }
        }
        continue;
      }
    }
    budget -= decoding * q;
    let prefillTokens = 0;
    let prefillKeys = 0;
    for (let k = 0; k < running.length && budget > 0; k++) {
      const r = running[k];
      const left = newTokens[r] - prefillDone[r];
      if (left <= 0) continue;
      const chunk = Math.min(left, budget);
      budget -= chunk;
      chunkOf[r] = chunk;
      prefillTokens += chunk;
      // Causal attention of positions [s, e) of the prompt (the cached prefix comes first).
      const s0 = promptLen[r] - newTokens[r] + prefillDone[r];
      const e0 = s0 + chunk;
      prefillKeys += (e0 * e0 - s0 * s0) / 2;
    }
    const dt =
      step.linearSeconds(decoding * q + prefillTokens) +
      kvTokens * step.kvSecondsPerToken +
      prefillKeys * step.prefillAttentionSecondsPerTokenKey +
      (spec && decoding > 0 ? step.draftSeconds(decoding) : 0);
    t += dt;
    iterations++;
    runningTime += running.length * dt;
    // Emit tokens; retire finished requests.
    let w = 0;
    let itlCount = 0;
    for (let k = 0; k < running.length; k++) {
      const r = running[k];
      const chunk = chunkOf[r];
      if (chunk > 0) {
        chunkOf[r] = 0;
        prefillDone[r] += chunk;
        if (prefillDone[r] >= newTokens[r]) {
          firstToken[r] = t;
          generated[r] = 1;
        }
      } else if (prefillDone[r] >= newTokens[r]) {
        let emitted = 1;
        if (spec) {
          while (emitted < q && u() < alpha) emitted++;
        }
        generated[r] += emitted;
        if (r >= warm) itlCount++;
      }
      if (generated[r] >= outLen[r] && firstToken[r] >= 0) {
        finish[r] = t;
        kvUsed -= reserve[r];
        completed++;
        if (closed && nextClosed < n) {
          arrival[nextClosed] = t;
          nextClosed++;
        }
        continue;
      }
      running[w++] = r;
    }
    running.length = w;
    if (itlCount > 0) itl.add(dt, itlCount);
    if (waitHead > 4096) {
      waiting.splice(0, waitHead);
      waitHead = 0;
    }
  }
  // Measured requests: after the warm-up, completed.
  const ttft: number[] = [];
  const tpot: number[] = [];
  const e2e: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  let good = 0;
  const slo = cfg.slo;
  for (let r = warm; r < n; r++) {
    if (finish[r] < 0) continue;
    const a = arrival[r];
    const tt = firstToken[r] - a;
    const tp = outLen[r] > 1 ? (finish[r] - firstToken[r]) / (outLen[r] - 1) : 0;
    ttft.push(tt);
    tpot.push(tp);
    e2e.push(finish[r] - a);
    first = Math.min(first, a);
    last = Math.max(last, finish[r]);
  }
  const tt = Float64Array.from(ttft);
  const tp = Float64Array.from(tpot);
  const measured = tt.length;
  // Goodput at the percentile: the SLO holds for the run when its percentile of TTFT and TPOT meet the targets
  // (DistServe attainment); the requests that meet both count.
  for (let i = 0; i < measured; i++) {
    if ((slo?.ttftSeconds === undefined || tt[i] <= slo.ttftSeconds) && (slo?.tpotSeconds === undefined || tp[i] <= slo.tpotSeconds)) good++;
  }
  const span = last > first ? last - first : 1;
  const attainment = measured ? good / measured : 0;
  // Saturated: requests still queueing when the last one arrives (more than 5% of the run), or not all served.
  const saturated = completed < n || queuedAtLastArrival > 0.05 * n;
  const completedRequestsPerSecond = cfg.arrivals.kind === "poisson" && !saturated ? cfg.arrivals.requestsPerSecond * (measured / Math.max(n - warm, 1)) : measured / span;
  return {
    ...(slo ? { atPercentile: { percentile: slo.percentile, ttftSeconds: quantile(tt, slo.percentile / 100), tpotSeconds: quantile(tp, slo.percentile / 100) } } : {}),
    ttftSeconds: percentiles(tt),
    tpotSeconds: percentiles(tp),
    itlSeconds: itl.percentiles(),
    e2eSeconds: percentiles(Float64Array.from(e2e)),
    completedRequestsPerSecond,
    goodputRequestsPerSecond: completedRequestsPerSecond * attainment,
    sloAttainment: attainment,
    meanRunning: t > 0 ? runningTime / t : 0,
    saturated,
    iterations,
  };
}

/** The q-quantile of a sample (exported for tests and closed forms). */
export function sampleQuantile(values: readonly number[], q: number): number {
  return quantile(Float64Array.from(values), q);
}
