/**
 * The engine in a Web Worker: every input change re-plans here, off the page's thread, with no server.
 * @module
 */
import { InputError } from "../../errors.ts";
import { type EngineRequest, runEngine } from "./engine.ts";

self.onmessage = (event: MessageEvent<{ id: number; message: EngineRequest }>) => {
  const { id, message } = event.data;
  const started = performance.now();
  try {
    const result = runEngine(message);
    self.postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (error) {
    const issues = error instanceof InputError ? error.issues : [{ path: "", expected: (error as Error)?.message ?? String(error) }];
    self.postMessage({ id, ok: false, issues, ms: performance.now() - started });
  }
};
