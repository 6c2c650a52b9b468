/**
 * The HTTP face: a Hono app serving the JSON API under /api/v1 and, when built, the web planner.
 * Bad input never reaches a 500: malformed or too-deep JSON, unknown keys, wrong types and unknown ids answer
 * 400 with field paths; bodies over the limit 413; non-JSON bodies 415; a search past its time budget 422;
 * a full server 503 + Retry-After; a foreign Host header 421; unknown API routes a JSON 404 (405 for a known
 * route with the wrong method). Planning runs on a worker pool (pool.ts) when the server gives one.
 * @module
 */
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { InputError, type InputIssue } from "../../errors.ts";
import { catalogEntry, catalogKind, catalogList } from "../../planners/catalog.ts";
import { questions } from "../../planners/questions.ts";
import { hostName, isIpLiteral, isJsonContentType, jsonDepth, maxJsonDepth, securityHeaders } from "./guards.ts";
import { openApiDocument } from "./openapi.ts";
import { inlineRunner, type PlanRunner } from "./pool.ts";

export interface AppOptions {
  /** Largest accepted request body, bytes. @default 1 MiB */
  bodyLimitBytes?: number;
  /** Folder of the built web planner (index.html); omitted or missing = API only. */
  staticDir?: string;
  /** Where questions are planned (default: on the calling thread; `startServer` gives a worker pool). */
  runner?: PlanRunner;
  /**
   * Host names the server answers to (DNS-rebinding guard); any other Host header answers 421.
   * Omitted: no check (in-process tests). `"ip-literals"` in the list also admits any IP address.
   */
  allowedHosts?: readonly string[];
}

type Status = 200 | 400 | 403 | 404 | 405 | 413 | 415 | 421 | 422 | 499 | 500 | 501 | 503;

/** JSON with every non-finite number replaced by null, so NaN/Infinity never reach a client. */
function finiteJson(c: Context, value: unknown, status: Status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
  return c.body(body, status as 200, { "content-type": "application/json; charset=utf-8", ...headers });
}

function errorBody(error: string, issues: InputIssue[]) {
  return { error, issues };
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new InputError({ path: "", value: "(empty body)", expected: "a JSON object" });
  if (jsonDepth(text) > maxJsonDepth)
    throw new InputError({ path: "", value: `(nested deeper than ${maxJsonDepth})`, expected: `JSON nested at most ${maxJsonDepth} levels deep` });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError({ path: "", value: text.length > 40 ? `${text.slice(0, 37)}...` : text, expected: `valid JSON (${(error as Error).message.slice(0, 200)})` });
  }
}

/** Build the app: one POST route per question of src/planners/questions.ts, the catalog, health and OpenAPI. */
export async function createApp(options: AppOptions = {}): Promise<Hono> {
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const runner = options.runner ?? inlineRunner();
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof InputError) return finiteJson(c, errorBody("invalid input", error.issues), 400);
    return finiteJson(c, errorBody("internal error", [{ path: "", expected: (error as Error)?.message ?? String(error) }]), 500);
  });

  // Security headers on every response, the page's included.
  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(securityHeaders)) c.res.headers.set(k, v);
  });

  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example.
  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    const ipLiterals = allowed.has("ip-literals");
    app.use("*", async (c, next) => {
      const name = hostName(c.req.header("host"));
      if (name !== undefined && (allowed.has(name) || (ipLiterals && isIpLiteral(name)))) return next();
      return finiteJson(
        c,
        errorBody("misdirected request", [
          {
            path: "Host",
            value: JSON.stringify(c.req.header("host") ?? "(none)").slice(0, 300),
            expected: `a name this server is bound to: ${[...allowed].filter((h) => h !== "ip-literals").join(", ")}`,
          },
        ]),
        421,
      );
    });
  }

  const api = new Hono();
  api.use(
    "*",
    bodyLimit({
      maxSize: limit,
      onError: (c) => finiteJson(c, errorBody("payload too large", [{ path: "", expected: `a body of at most ${limit} bytes` }]), 413),
    }),
  );
  // Only JSON bodies: a form or text/plain post (which a browser sends cross-site without a CORS preflight) is refused.
  api.use("*", async (c, next) => {
    if (c.req.method !== "POST") return next();
    const type = c.req.header("content-type");
    if (isJsonContentType(type)) return next();
    return finiteJson(
      c,
      errorBody("unsupported media type", [{ path: "content-type", value: JSON.stringify(type ?? "(none)").slice(0, 200), expected: "application/json" }]),
      415,
      { accept: "application/json" },
    );
  });
  api.get("/health", (c) => finiteJson(c, { status: "ok", version: "0.1.0", questions: questions.map((q) => q.id), planning: runner.stats() }));
  api.get("/openapi.json", (c) => finiteJson(c, openApiDocument(limit)));

  for (const question of questions) {
    api.post(`/${question.id}`, async (c) => {
      const input = await readJson(c);
      const outcome = await runner.run(question.id, input, c.req.raw.signal);
      switch (outcome.kind) {
        case "result":
          return finiteJson(c, outcome.result);
        case "invalid":
          return finiteJson(c, errorBody("invalid input", outcome.issues), 400);
        case "timeout":
          return finiteJson(
            c,
            errorBody("time budget exceeded", [
              {
                path: "",
                expected: `a question this server answers within ${outcome.budgetMs / 1000} s: fix more of the plan (parallelism.tp, pp, dp, cp), or use a chip count with fewer divisors`,
              },
            ]),
            422,
          );
        case "busy":
          return finiteJson(c, errorBody("server busy", [{ path: "", expected: `at most ${outcome.limit} requests in flight; retry after ${outcome.retryAfterSeconds} s` }]), 503, {
            "retry-after": String(outcome.retryAfterSeconds),
          });
        case "aborted":
          return finiteJson(c, errorBody("client closed request", []), 499);
        default:
          return finiteJson(c, errorBody("internal error", [{ path: "", expected: outcome.message }]), 500);
      }
    });
  }

  const notFoundOnInputError = (c: Context, body: () => unknown) => {
    try {
      return finiteJson(c, body());
    } catch (error) {
      if (error instanceof InputError) return finiteJson(c, errorBody("not found", error.issues), 404);
      throw error;
    }
  };
  api.get("/catalog/:kind", (c) => notFoundOnInputError(c, () => catalogList(catalogKind(c.req.param("kind").slice(0, 256)))));
  api.get("/catalog/:kind/:id", (c) => notFoundOnInputError(c, () => catalogEntry(catalogKind(c.req.param("kind").slice(0, 256)), c.req.param("id").slice(0, 256))));

  // A known route with the wrong method: 405 naming the allowed one.
  const methodNotAllowed = (allow: string) => (c: Context) =>
    finiteJson(c, errorBody("method not allowed", [{ path: c.req.path.slice(0, 300), value: c.req.method, expected: allow }]), 405, { allow });
  api.all("/health", methodNotAllowed("GET"));
  api.all("/openapi.json", methodNotAllowed("GET"));
  api.all("/catalog/:kind", methodNotAllowed("GET"));
  api.all("/catalog/:kind/:id", methodNotAllowed("GET"));
  for (const question of questions) api.all(`/${question.id}`, methodNotAllowed("POST"));
  const notFound = (c: Context) => finiteJson(c, errorBody("not found", [{ path: c.req.path.slice(0, 300), expected: "an /api/v1 route (see /api/v1/openapi.json)" }]), 404);
  api.all("*", notFound);
  app.route("/api/v1", api);
  // Every other /api path is an API typo, never the page.
  app.all("/api", notFound);
  app.all("/api/*", notFound);

  if (options.staticDir && existsSync(options.staticDir)) {
    // serveStatic resolves its root against the working directory.
    const root = relative(process.cwd(), options.staticDir) || ".";
    app.use("/*", serveStatic({ root }));
    app.get("*", serveStatic({ root, path: "index.html" }));
  }
  return app;
}
