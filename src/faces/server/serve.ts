/**
 * Start the HTTP server on 127.0.0.1 (node adapter); used by `danlu serve` and the tests.
 * @module
 */
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";

/** Where `vite build` writes the web planner. */
export const defaultStaticDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../dist/web");

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on `host:port` (port 0 = ephemeral) and resolve once listening. */
export async function startServer(options: AppOptions & { port?: number; host?: string } = {}): Promise<RunningServer> {
  const app = await createApp({ staticDir: defaultStaticDir, ...options });
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 5178, hostname: host }, (info: AddressInfo) => {
      resolvePromise({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on("error", reject);
  });
}
