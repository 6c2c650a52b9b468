import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultTrainScenario } from "../../src/faces/cli/commands/train.ts";
import { createApp } from "../../src/faces/server/app.ts";
import { allowedHostNames, hostName, isJsonContentType, jsonDepth } from "../../src/faces/server/guards.ts";
import { exposes } from "../../src/faces/server/serve.ts";

let app: Hono;
beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), "danlu-web-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>danlu</title>");
  app = await createApp({ staticDir, allowedHosts: allowedHostNames("127.0.0.1") });
});

const request = (path: string, init: RequestInit & { host?: string } = {}) =>
  app.request(`http://127.0.0.1:5178${path}`, { ...init, headers: { host: init.host ?? "127.0.0.1:5178", ...(init.headers as Record<string, string>) } });
const body = JSON.stringify(defaultTrainScenario);

describe("local-server safety", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined])("refuses a %s body with 415", async (type) => {
    const res = await request("/api/v1/train", { method: "POST", body, headers: type ? { "content-type": type } : {} });
    expect(res.status).toBe(415);
    expect((await res.json()).issues[0].path).toBe("content-type");
  });

  it("accepts application/json with a charset", async () => {
    const res = await request("/api/v1/train", { method: "POST", body, headers: { "content-type": "application/json; charset=utf-8" } });
    expect(res.status).toBe(200);
  });

  it.each(["evil.example", "evil.example:5178", "127.0.0.1.nip.io", "localhost.evil.example"])("answers a foreign Host %s with 421 (DNS rebinding)", async (host) => {
    const res = await request("/api/v1/health", { host });
    expect(res.status).toBe(421);
    expect((await res.json()).issues[0].path).toBe("Host");
    expect((await request("/", { host })).status).toBe(421);
  });

  it.each(["127.0.0.1:5178", "localhost:5178", "[::1]:5178", "LOCALHOST"])("accepts the loopback Host %s", async (host) => {
    expect((await request("/api/v1/health", { host })).status).toBe(200);
  });

  it("sends CSP, nosniff, frame-ancestors and a referrer policy with the page and the API", async () => {
    for (const path of ["/", "/api/v1/health"]) {
      const res = await request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it.each([
    ["GET", "/api/v1/trian", 404],
    ["GET", "/api/v1/", 404],
    ["GET", "/api/v2/train", 404],
    ["GET", "/api", 404],
    ["GET", "/api/v1/train", 405],
    ["PUT", "/api/v1/train", 405],
    ["DELETE", "/api/v1/health", 405],
    ["POST", "/api/v1/catalog/chips", 405],
  ])("%s %s answers JSON %d, never the page", async (method, path, status) => {
    const res = await request(path, { method, ...(method === "POST" ? { body: "{}", headers: { "content-type": "application/json" } } : {}) });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    if (status === 405) expect(res.headers.get("allow")).toMatch(/^(GET|POST)$/);
  });

  it("answers 20,000-deep JSON with 400, not 500", async () => {
    for (const deep of ["[".repeat(20_000) + "]".repeat(20_000), `{"model":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`]) {
      const res = await request("/api/v1/train", { method: "POST", body: deep, headers: { "content-type": "application/json" } });
      expect(res.status).toBe(400);
      expect((await res.json()).issues[0].expected).toMatch(/nested at most 64 levels/);
    }
  });

  it("guards' helpers", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(isJsonContentType("application/problem+json")).toBe(true);
    expect(isJsonContentType("text/json")).toBe(false);
    expect(hostName("[::1]:80")).toBe("::1");
    expect(exposes("127.0.0.1")).toBe(false);
    expect(exposes("0.0.0.0")).toBe(true);
  });
});
