/**
 * `danlu serve [--port N]`: the web planner and the JSON API at http://127.0.0.1:PORT (npm start).
 * @module
 */
import { existsSync } from "node:fs";
import type { CAC } from "cac";
import { InputError } from "../../../errors.ts";
import { defaultHost, defaultStaticDir, exposes, startServer } from "../../server/serve.ts";
import { planTrain } from "../../../planners/train.ts";
import { formatBytes, formatNumber, formatPercent, formatPlan } from "../../../units/format.ts";
import { guard, type Output } from "../io.ts";
import { defaultTrainScenario } from "./train.ts";

export const defaultPort = 5178;

export function register(cli: CAC, out: Output): void {
  cli
    .command("serve", "Serve the web planner and the JSON API (/api/v1) on 127.0.0.1")
    .option("--port <port>", `TCP port (0 = any free port)`, { default: defaultPort })
    .option("--host <host>", "Interface to bind (default 127.0.0.1: this machine only; 0.0.0.0 exposes it, with a warning)", { default: "127.0.0.1" })
    .example("danlu serve")
    .example("danlu serve --port 8080")
    .example("curl -s -X POST http://127.0.0.1:5178/api/v1/train -H 'content-type: application/json' -d @examples/inline-hf-config.json")
    .action((flags: { port: string | number; host: string }) =>
      guard(async () => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError({ path: "--port", value: String(flags.port), expected: "an integer 0–65535" });
        const host = String(flags.host ?? defaultHost);
        if (exposes(host))
          out.error(
            `danlu: warning: --host ${host} exposes the planner and its API beyond this machine (no authentication; requests are bounded in time and size). The default, ${defaultHost}, is reachable only from here.`,
          );
        const server = await startServer({ port, host });
        if (!existsSync(defaultStaticDir)) out.error("danlu: the web planner is not built (run `npm start` or `npx vite build`); serving the API only.");
        out.write(`danlu planner: ${server.url}/\nAPI: ${server.url}/api/v1/health  OpenAPI: ${server.url}/api/v1/openapi.json`);
        const r = planTrain(structuredClone(defaultTrainScenario));
        out.write(
          `default plan: ${r.model} on ${formatNumber(r.chipCount)} × ${r.chip}, ${formatPlan(r.parallelism)}: ` +
            `${formatBytes(r.memoryPerChipBytes)} per chip, ${formatNumber(r.tokensPerSecondPerChip)} tokens/s per chip, MFU ${formatPercent(r.mfu)}, ${formatNumber(r.wallClockDays)} days, ${formatNumber(r.energyMegawattHours)} MWh`,
        );
      }, out),
    );
}
