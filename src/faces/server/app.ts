/**
 * The HTTP face: a Hono app serving the JSON API under /api/v1 and, when built, the web planner.
 * Bad input never reaches a 500: malformed JSON, unknown keys, wrong types and unknown ids answer 400
 * with field paths; bodies over the limit answer 413.
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
import { openApiDocument } from "./openapi.ts";

export interface AppOptions {
  /** Largest accepted request body, bytes. @default 1 MiB */
  bodyLimitBytes?: number;
  /** Folder of the built web planner (index.html); omitted or missing = API only. */
  staticDir?: string;
}

/** JSON with every non-finite number replaced by null, so NaN/Infinity never reach a client. */
function finiteJson(c: Context, value: unknown, status: 200 | 400 | 404 | 413 | 415 | 500 | 501 = 200): Response {
  const body = JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
  return c.body(body, status, { "content-type": "application/json; charset=utf-8" });
}

function errorBody(error: string, issues: InputIssue[]) {
  return { error, issues };
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new InputError({ path: "", value: "(empty body)", expected: "a JSON object" });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError({ path: "", value: text.length > 40 ? `${text.slice(0, 37)}...` : text, expected: `valid JSON (${(error as Error).message})` });
  }
}

/** Build the app: one POST route per question of src/planners/questions.ts, the catalog, health and OpenAPI. */
export async function createApp(options: AppOptions = {}): Promise<Hono> {
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof InputError) return finiteJson(c, errorBody("invalid input", error.issues), 400);
    return finiteJson(c, errorBody("internal error", [{ path: "", expected: (error as Error)?.message ?? String(error) }]), 500);
  });

  const api = new Hono();
  api.use(
    "*",
    bodyLimit({
      maxSize: limit,
      onError: (c) => finiteJson(c, errorBody("payload too large", [{ path: "", expected: `a body of at most ${limit} bytes` }]), 413),
    }),
  );
  api.get("/health", (c) => finiteJson(c, { status: "ok", version: "0.1.0", questions: questions.map((q) => q.id) }));
  api.get("/openapi.json", (c) => finiteJson(c, openApiDocument(limit)));

  for (const question of questions) api.post(`/${question.id}`, async (c) => finiteJson(c, question.plan(await readJson(c))));

  const notFoundOnInputError = (c: Context, body: () => unknown) => {
    try {
      return finiteJson(c, body());
    } catch (error) {
      if (error instanceof InputError) return finiteJson(c, errorBody("not found", error.issues), 404);
      throw error;
    }
  };
  api.get("/catalog/:kind", (c) => notFoundOnInputError(c, () => catalogList(catalogKind(c.req.param("kind")))));
  api.get("/catalog/:kind/:id", (c) => notFoundOnInputError(c, () => catalogEntry(catalogKind(c.req.param("kind")), c.req.param("id"))));
  api.notFound((c) => finiteJson(c, errorBody("not found", [{ path: c.req.path, expected: "an /api/v1 route (see /api/v1/openapi.json)" }]), 404));
  app.route("/api/v1", api);

  if (options.staticDir && existsSync(options.staticDir)) {
    // serveStatic resolves its root against the working directory.
    const root = relative(process.cwd(), options.staticDir) || ".";
    app.use("/*", serveStatic({ root }));
    app.get("*", serveStatic({ root, path: "index.html" }));
  }
  return app;
}
