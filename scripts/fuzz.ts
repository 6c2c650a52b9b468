/**
 * `npm run fuzz [-- COUNT [SEED]]`: plan COUNT generated scenarios (default 1,000,000) on worker threads and
 * report unexpected throws, non-finite outputs and invariant breaks (test/fuzz/invariants.ts). The mix:
 * 40 % valid train scenarios (fixed plans, 0.2 % left to the search) with power-cap and doubled-chip
 * follow-ups, 30 % valid infer scenarios, 20 % train scenarios with one field broken, 10 % inline configs
 * with hostile sizes. Exit code 1 when anything unexpected happened.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import fc from "fast-check";
import { brokenTrainScenarioWith, hostileConfigScenario, inferScenario, trainScenarioWith } from "../test/fuzz/arbitraries.ts";
import { checkInfer, checkTrain, type Outcome } from "../test/fuzz/invariants.ts";

const kinds = [
  { name: "train", share: 0.4, arb: trainScenarioWith(0.002) as fc.Arbitrary<unknown>, check: (s: unknown) => checkTrain(s) },
  { name: "infer", share: 0.3, arb: inferScenario as fc.Arbitrary<unknown>, check: checkInfer },
  { name: "broken-train", share: 0.2, arb: brokenTrainScenarioWith(0.002), check: (s: unknown) => checkTrain(s, false) },
  { name: "hostile-config", share: 0.1, arb: hostileConfigScenario, check: (s: unknown) => checkTrain(s, false) },
] as const;

interface Tally {
  scenarios: number;
  byKind: Record<string, { scenarios: number; results: number; inputErrors: number }>;
  unexpected: number;
  nonFinite: number;
  invariantBreaks: number;
  examples: string[];
}

const emptyTally = (): Tally => ({ scenarios: 0, byKind: {}, unexpected: 0, nonFinite: 0, invariantBreaks: 0, examples: [] });

function add(t: Tally, kind: string, scenario: unknown, o: Outcome): void {
  t.scenarios++;
  const k = (t.byKind[kind] ??= { scenarios: 0, results: 0, inputErrors: 0 });
  k.scenarios++;
  if (o.kind === "result") k.results++;
  if (o.kind === "input-error") k.inputErrors++;
  const nonFinite = o.breaks.filter((b) => b.startsWith("non-finite"));
  if (o.kind === "unexpected") t.unexpected++;
  if (nonFinite.length) t.nonFinite++;
  if (o.breaks.length > nonFinite.length) t.invariantBreaks++;
  if ((o.kind === "unexpected" || o.breaks.length) && t.examples.length < 10)
    t.examples.push(`${kind}: ${o.kind === "unexpected" ? o.error : o.breaks.slice(0, 3).join("; ")} — ${JSON.stringify(scenario).slice(0, 600)}`);
}

/** Run `count` scenarios from `seed` (batches of 1,000, each kind in its share). */
function run(count: number, seed: number, progress?: (done: number) => void): Tally {
  const tally = emptyTally();
  const batch = 1000;
  for (let b = 0; tally.scenarios < count; b++) {
    const n = Math.min(batch, count - tally.scenarios);
    for (const [i, kind] of kinds.entries()) {
      const share = i === kinds.length - 1 ? n - kinds.slice(0, -1).reduce((a, k) => a + Math.round(k.share * n), 0) : Math.round(kind.share * n);
      if (share <= 0) continue;
      for (const s of fc.sample(kind.arb, { numRuns: share, seed: seed * 1_000_003 + b * kinds.length + i })) add(tally, kind.name, s, kind.check(s));
    }
    progress?.(tally.scenarios);
  }
  return tally;
}

function merge(into: Tally, from: Tally): Tally {
  into.scenarios += from.scenarios;
  into.unexpected += from.unexpected;
  into.nonFinite += from.nonFinite;
  into.invariantBreaks += from.invariantBreaks;
  for (const [k, v] of Object.entries(from.byKind)) {
    const t = (into.byKind[k] ??= { scenarios: 0, results: 0, inputErrors: 0 });
    t.scenarios += v.scenarios;
    t.results += v.results;
    t.inputErrors += v.inputErrors;
  }
  into.examples.push(...from.examples.slice(0, Math.max(0, 10 - into.examples.length)));
  return into;
}

if (!isMainThread) {
  const { count, seed } = workerData as { count: number; seed: number };
  const tally = run(count, seed, (done) => parentPort?.postMessage({ progress: done }));
  parentPort?.postMessage({ tally });
} else {
  const count = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error("usage: npm run fuzz -- [COUNT] [SEED]");
    process.exit(2);
  }
  const threads = Math.max(1, Math.min(Number(process.env.FUZZ_THREADS ?? availableParallelism()), Math.ceil(count / 1000)));
  const started = performance.now();
  const done = new Array<number>(threads).fill(0);
  let lastReport = 0;
  const self = new URL(import.meta.url);
  const tallies = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const share = Math.floor(count / threads) + (w < count % threads ? 1 : 0);
      return new Promise<Tally>((resolve, reject) => {
        const worker = new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(self.href)}); });`, {
          eval: true,
          workerData: { count: share, seed: seed * 1000 + w },
        });
        worker.on("message", (m: { progress?: number; tally?: Tally }) => {
          if (m.tally) resolve(m.tally);
          if (m.progress !== undefined) {
            done[w] = m.progress;
            const now = performance.now();
            if (now - lastReport > 15_000) {
              lastReport = now;
              const total = done.reduce((a, b) => a + b, 0);
              console.error(`fuzz: ${total.toLocaleString("en-US")} / ${count.toLocaleString("en-US")} scenarios, ${((now - started) / 1000).toFixed(0)} s`);
            }
          }
        });
        worker.on("error", reject);
      });
    }),
  );
  const tally = tallies.reduce(merge, emptyTally());
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ ...tally, threads, seed, seconds: Math.round(seconds), scenariosPerSecond: Math.round(tally.scenarios / seconds) }, null, 2));
  console.log(
    `fuzz: ${tally.scenarios.toLocaleString("en-US")} scenarios in ${seconds.toFixed(0)} s: ${tally.unexpected} unexpected throws, ${tally.nonFinite} non-finite outputs, ${tally.invariantBreaks} invariant breaks`,
  );
  process.exitCode = tally.unexpected + tally.nonFinite + tally.invariantBreaks > 0 ? 1 : 0;
}
