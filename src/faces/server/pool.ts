/**
 * Planning off the event loop: every API question runs on a worker thread of a tinypool pool, with a time
 * budget per request (the worker is terminated when it runs out), cancellation when the client goes away,
 * and a bound on requests in flight (beyond it: 503 + Retry-After). The HTTP thread only parses and routes,
 * so /health answers at once while every worker is busy.
 * @module
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import Tinypool from "tinypool";
import type { InputIssue } from "../../errors.ts";
import type { PlanReply, PlanTask } from "./plan-worker.ts";
import runInline from "./plan-worker.ts";

/** What became of one planning request. */
export type PlanOutcome =
  | { kind: "result"; result: unknown }
  | { kind: "invalid"; issues: InputIssue[] }
  | { kind: "timeout"; budgetMs: number }
  | { kind: "busy"; retryAfterSeconds: number; limit: number }
  | { kind: "aborted" }
  | { kind: "failed"; message: string };

export interface PlanRunner {
  run(question: string, input: unknown, signal?: AbortSignal): Promise<PlanOutcome>;
  /** Requests running or queued. */
  inFlight(): number;
  /** Threads, limits and counters for /health. */
  stats(): Record<string, number>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (default: cores − 1, at least 2, at most 8). */
  threads?: number;
  /** Most requests running or queued at once; more answer 503 + Retry-After (default 256). */
  maxInFlight?: number;
  /** Time budget of one request's planning, ms, from when a worker takes it (default 8,000). */
  timeBudgetMs?: number;
  /** Longest wait for a free worker, ms; past it the request answers 503 + Retry-After (default 60,000). */
  queueWaitMs?: number;
  /** Heap limit of one worker, MB (default 1,024): a memory bomb kills its worker, not the server. */
  workerHeapMb?: number;
}

function fromReply(reply: PlanReply): PlanOutcome {
  if (reply.ok) return { kind: "result", result: reply.result };
  if ("issues" in reply) return { kind: "invalid", issues: reply.issues };
  return { kind: "failed", message: reply.internal };
}

/** The worker module next to this one: the .ts sources under tsx/vitest (through a tsx bootstrap), .js in a build. */
export function workerFile(): string {
  const fromSource = import.meta.url.endsWith(".ts");
  return fileURLToPath(new URL(fromSource ? "./plan-worker-tsx.mjs" : "./plan-worker.js", import.meta.url));
}

/** A pool of planning workers. */
export function createPlanPool(options: PoolOptions = {}): PlanRunner {
  const threads = options.threads ?? Math.min(8, Math.max(2, availableParallelism() - 1));
  const maxInFlight = options.maxInFlight ?? 256;
  const budgetMs = options.timeBudgetMs ?? 8000;
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    // Queue bounded here by maxInFlight; tinypool's own limit would answer with an error instead of a 503.
    maxQueue: Number.MAX_SAFE_INTEGER,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 1024 },
  });
  const queueWaitMs = options.queueWaitMs ?? 60_000;
  let inFlight = 0;
  let running = 0;
  const waiting: Array<() => void> = [];
  const counters = { completed: 0, timedOut: 0, aborted: 0, refused: 0, failed: 0 };
  const retryAfter = () => Math.max(1, Math.ceil((budgetMs / 1000) * (inFlight / (threads * 8))));
  /** Wait for a free worker (FIFO); false when the wait ran out or the client left. */
  const acquire = (signal?: AbortSignal) =>
    new Promise<boolean>((resolve) => {
      if (running < threads) {
        running++;
        return resolve(true);
      }
      const done = (ok: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", gone);
        const i = waiting.indexOf(wake);
        if (i >= 0) waiting.splice(i, 1);
        resolve(ok);
      };
      const wake = () => {
        running++;
        done(true);
      };
      const gone = () => done(false);
      const timer = setTimeout(gone, queueWaitMs);
      signal?.addEventListener("abort", gone, { once: true });
      waiting.push(wake);
    });
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    inFlight: () => inFlight,
    stats: () => ({ threads, maxInFlight, timeBudgetMs: budgetMs, queueWaitMs, inFlight, running, queued: waiting.length, ...counters }),
    async run(question, input, signal) {
      if (inFlight >= maxInFlight) {
        counters.refused++;
        return { kind: "busy", retryAfterSeconds: retryAfter(), limit: maxInFlight };
      }
      if (signal?.aborted) return { kind: "aborted" };
      inFlight++;
      if (!(await acquire(signal))) {
        inFlight--;
        if (signal?.aborted) {
          counters.aborted++;
          return { kind: "aborted" };
        }
        counters.refused++;
        return { kind: "busy", retryAfterSeconds: retryAfter(), limit: maxInFlight };
      }
      const controller = new AbortController();
      let why: "timeout" | "client" | "stuck" | undefined;
      // The budget runs from when the worker takes the task (not while a replaced worker boots); a worker
      // that never takes it within queueWaitMs is given up on as well.
      const channel = new MessageChannel();
      let timer = setTimeout(() => {
        why = "stuck";
        controller.abort();
      }, queueWaitMs);
      channel.port1.once("message", () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          why = "timeout";
          controller.abort();
        }, budgetMs);
      });
      const onClientGone = () => {
        why ??= "client";
        controller.abort();
      };
      signal?.addEventListener("abort", onClientGone, { once: true });
      try {
        const task: PlanTask = { question, input, port: channel.port2 };
        const reply = (await pool.run(task, { signal: controller.signal, transferList: [channel.port2] })) as PlanReply;
        counters.completed++;
        return fromReply(reply);
      } catch (error) {
        if (why === "timeout") {
          counters.timedOut++;
          return { kind: "timeout", budgetMs };
        }
        if (why === "client") {
          counters.aborted++;
          return { kind: "aborted" };
        }
        if (why === "stuck") {
          counters.refused++;
          return { kind: "busy", retryAfterSeconds: retryAfter(), limit: maxInFlight };
        }
        counters.failed++;
        return { kind: "failed", message: (error as Error)?.message ?? String(error) };
      } finally {
        clearTimeout(timer);
        channel.port1.close();
        signal?.removeEventListener("abort", onClientGone);
        release();
        inFlight--;
      }
    },
    close: () => pool.destroy(),
  };
}

/** Planning on the calling thread (tests of the routes, the library): no budget, no pool. */
export function inlineRunner(): PlanRunner {
  let inFlight = 0;
  return {
    inFlight: () => inFlight,
    stats: () => ({ threads: 0, inFlight }),
    async run(question, input) {
      inFlight++;
      try {
        return fromReply(runInline({ question, input }));
      } finally {
        inFlight--;
      }
    },
    close: async () => {},
  };
}
