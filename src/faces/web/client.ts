/**
 * Promise wrapper over the engine worker; a newer request of the same kind supersedes an older one.
 * @module
 */
import type { InputIssue } from "../../errors.ts";
import type { EngineRequest } from "./engine.ts";

export type EngineReply<T> = { ok: true; result: T; ms: number } | { ok: false; issues: InputIssue[]; ms: number };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (reply: EngineReply<unknown>) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<{ id: number } & EngineReply<unknown>>) => {
      const { id, ...reply } = event.data;
      pending.get(id)?.(reply as EngineReply<unknown>);
      pending.delete(id);
    };
  }
  return worker;
}

export function ask<T>(message: EngineRequest): Promise<EngineReply<T>> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve as (reply: EngineReply<unknown>) => void);
    getWorker().postMessage({ id, message });
  });
}
