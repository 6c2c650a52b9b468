// Worker entry when danlu runs from its TypeScript sources (tsx, vitest): register tsx's loader in this
// thread, then load the worker module. A compiled build loads plan-worker.js directly (see pool.ts).
import { register } from "tsx/esm/api";

register();
const worker = await import("./plan-worker.ts");
export default worker.default;
