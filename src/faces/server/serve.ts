/**
 * Start the HTTP server (node adapter) on 127.0.0.1 by default; used by `danlu serve` and the tests.
 * Planning runs on a worker pool with a time budget; slow clients meet header, request and idle timeouts.
 * @module
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";
import { allowedHostNames, wildcardHosts } from "./guards.ts";
import { createPlanPool, type PlanRunner, type PoolOptions } from "./pool.ts";

/** Where `vite build` writes the web planner. */
export const defaultStaticDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../dist/web");

/** The interface `danlu serve` binds unless told otherwise: loopback only. */
export const defaultHost = "127.0.0.1";

export interface RunningServer {
  url: string;
  port: number;
  /** The planning pool (counters for tests and /health). */
  runner: PlanRunner;
  close(): Promise<void>;
}

export interface ServerOptions extends AppOptions, PoolOptions {
  port?: number;
  host?: string;
  /** Extra Host names to accept (e.g. a name on the LAN when --host exposes the server). */
  extraHosts?: readonly string[];
  /** Time to receive a request's headers, ms (default 10,000). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included, ms (default 30,000). */
  requestTimeoutMs?: number;
}

/** True when `host` is reachable from other machines (anything but loopback). */
export function exposes(host: string): boolean {
  return !["127.0.0.1", "localhost", "::1", "[::1]"].includes(host.toLowerCase());
}

/** Listen on `host:port` (port 0 = ephemeral) and resolve once listening. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? defaultHost;
  const runner = options.runner ?? createPlanPool(options);
  const wildcard = wildcardHosts.has(host);
  const allowedHosts = options.allowedHosts ?? [...allowedHostNames(host, options.extraHosts), ...(wildcard ? ["ip-literals"] : [])];
  const app = await createApp({ staticDir: defaultStaticDir, ...options, runner, allowedHosts });
  return new Promise((resolvePromise, reject) => {
    const headersTimeout = options.headersTimeoutMs ?? 10_000;
    const requestTimeout = options.requestTimeoutMs ?? 30_000;
    // Node checks the header and request timeouts every connectionsCheckingInterval (default 30 s): check each second.
    const serverOptions = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) };
    const server = serve({ fetch: app.fetch, port: options.port ?? 5178, hostname: host, serverOptions }, (info: AddressInfo) => {
      const shown = host.includes(":") && !host.startsWith("[") ? `[${host}]` : wildcard ? "127.0.0.1" : host;
      resolvePromise({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        runner,
        close: async () => {
          await new Promise<void>((done) => {
            (server as Server).closeAllConnections?.();
            server.close(() => done());
          });
          await runner.close();
        },
      });
    }) as Server;
    // Slow clients: headers within 10 s, the whole request within 30 s, idle keep-alive sockets closed after 5 s.
    server.keepAliveTimeout = 5_000;
    server.timeout = 120_000;
    server.maxHeadersCount = 100;
    server.on("error", (error) => {
      void runner.close();
      reject(error);
    });
  });
}
