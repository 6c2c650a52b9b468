/**
 * One planning task, run on a worker thread of the API's pool (pool.ts): the question's planner on the
 * request's JSON. Bad input comes back as issues (an InputError does not survive the thread boundary as a class).
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import { InputError, type InputIssue } from "../../errors.ts";
import { questionById } from "../../planners/questions.ts";

export interface PlanTask {
  question: string;
  input: unknown;
  /** Told "start" the moment this thread takes the task (the pool's time budget runs from then). */
  port?: MessagePort;
}

export type PlanReply = { ok: true; result: unknown } | { ok: false; issues: InputIssue[] } | { ok: false; internal: string };

/** Non-finite numbers become null here, where the result is made, so the reply is plain JSON data. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v)));
}

export default function plan(task: PlanTask): PlanReply {
  task.port?.postMessage("start");
  task.port?.close();
  const question = questionById.get(task.question);
  if (!question) return { ok: false, issues: [{ path: "", value: JSON.stringify(task.question), expected: "a question id" }] };
  try {
    return { ok: true, result: plain(question.plan(task.input)) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, issues: error.issues };
    return { ok: false, internal: (error as Error)?.message ?? String(error) };
  }
}
