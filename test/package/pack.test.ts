// The package as a user gets it: `npm pack` (its prepack builds dist/ in a copy of this checkout), then
// `npm install ./danlu-*.tgz --omit=dev` in an empty folder. The installed `danlu` plans a training run and
// serves the web page, the installed types compile, and no build-time package (vite, tsx, react,
// typescript, esbuild) is among the installed runtime dependencies. Installing the tarball's runtime
// dependencies needs the npm registry: without it the test is skipped with a notice (CI has it).
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const online = spawnSync("npm", ["ping"], { encoding: "utf8", timeout: 20_000 }).status === 0;
if (!online) console.warn("\n[test/package] SKIPPED: the npm registry is unreachable, so the packed tarball's runtime dependencies cannot be installed.\n");

const work = mkdtempSync(join(tmpdir(), "danlu-pack-"));
const consumer = join(work, "consumer");
const installed = join(consumer, "node_modules");
const bin = join(installed, ".bin", "danlu");
let server: ChildProcess | undefined;

describe.skipIf(!online)("npm pack → npm install --omit=dev", () => {
  beforeAll(() => {
    // Pack from a copy (tracked and new files, node_modules linked) so the build never touches this
    // checkout's dist/ while other suites read it.
    const checkout = join(work, "checkout");
    const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    for (const file of listed) {
      if (!existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(checkout, file)), { recursive: true });
      cpSync(join(root, file), join(checkout, file));
    }
    symlinkSync(join(root, "node_modules"), join(checkout, "node_modules"), "dir");
    execFileSync("npm", ["pack", "--pack-destination", work], { cwd: checkout, stdio: "pipe" });
    const tarball = readdirSync(work).find((f) => /^danlu-.*\.tgz$/.test(f));
    if (!tarball) throw new Error("npm pack wrote no danlu-*.tgz");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", join(work, tarball), "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: consumer, stdio: "pipe" });
  }, 300_000);

  afterAll(() => {
    if (server?.pid) process.kill(server.pid);
    rmSync(work, { recursive: true, force: true });
  });

  it("ships dist/ (library, types, CLI, server, web page) and no TypeScript source", () => {
    const pkg = join(installed, "danlu");
    for (const file of ["dist/index.js", "dist/types/index.d.ts", "dist/cli.js", "dist/server.js", "dist/sweep-worker.js", "dist/web/index.html", "bin/danlu.js"])
      expect(existsSync(join(pkg, file)), file).toBe(true);
    expect(existsSync(join(pkg, "src"))).toBe(false);
  });

  it("installs no build-time package", () => {
    const names = readdirSync(installed).flatMap((n) => (n.startsWith("@") ? readdirSync(join(installed, n)).map((m) => `${n}/${m}`) : [n]));
    expect(names).toContain("zod");
    for (const dev of ["vite", "tsx", "react", "react-dom", "typescript", "esbuild", "@vitejs/plugin-react", "@observablehq/plot", "picocolors"]) expect(names).not.toContain(dev);
  });

  it("`danlu train` plans from the shipped example and `danlu --version` answers", () => {
    const r = spawnSync(bin, ["train", "--scenario", join(installed, "danlu/examples/llama-3.1-405b-h100.yaml"), "--json"], { cwd: consumer, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.fits).toBe(true);
    expect(plan.parallelism.tp).toBe(8);
    expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout).toMatch(/^danlu\/0\.1\.0/);
    const bad = spawnSync(bin, ["train", "--model", "llama-3.1-405b", "--chip", "h10"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\s+at .*\.js:\d+/);
  });

  it("`danlu sweep` runs its worker threads from the compiled worker", () => {
    const r = spawnSync(bin, ["sweep", "--models", "llama-3.1-8b", "--chips", "h100-sxm,a100-sxm-80gb", "--counts", "8", "--workers", "2", "--format", "json"], {
      cwd: consumer,
      encoding: "utf8",
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows.length).toBe(2);
  });

  it("`danlu serve` serves the web page and the API", async () => {
    server = spawn(bin, ["serve", "--port", "0"], { cwd: consumer, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL from danlu serve: ${text}`)), 30_000);
      const read = (chunk: Buffer) => {
        text += chunk;
        const m = text.match(/danlu planner: (http:\/\/[^\s]+?)\/?\s/);
        if (m) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      server?.stdout?.on("data", read);
      server?.stderr?.on("data", read);
    });
    expect(text).not.toMatch(/not built/);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>danlu/);
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    expect(health.status).toBe("ok");
    // A plan over the API runs on the worker pool's compiled worker (dist/plan-worker.js).
    const tco = await fetch(`${url}/api/v1/tco`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chip: "h100-sxm", count: 1024, years: 4 }),
    });
    expect(tco.status).toBe(200);
    expect((await tco.json()).count).toBe(1024);
  });

  it("the installed types compile in a consumer", () => {
    writeFileSync(
      join(consumer, "use.ts"),
      'import { planTrain, InputError } from "danlu";\nconst r = planTrain({ model: "llama-3.1-8b" } as never);\nconst seconds: number = r.stepTimeSeconds;\nconsole.log(seconds, InputError);\n',
    );
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const r = spawnSync(
      process.execPath,
      [
        tsc,
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--resolveJsonModule",
        "--types",
        "node",
        "--typeRoots",
        join(root, "node_modules/@types"),
        "use.ts",
      ],
      {
        cwd: consumer,
        encoding: "utf8",
      },
    );
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
