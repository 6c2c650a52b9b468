import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFormat } from "../../src/faces/cli/io.ts";
import { main } from "../../src/faces/cli/main.ts";

/** Run the CLI in-process and capture what it prints. */
async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
afterEach(() => {
  errorFormat.json = false;
});

const noStack = /\s+at .*\.(ts|js):\d+/;

describe("CLI discipline: bad arguments exit 2 with the command's usage line, never a stack trace", () => {
  it.each([
    [["train", "--count", "-5"], /--count = -5: expected a positive number/],
    [["train", "--chip", "h100-sxm", "--count", "0x10"], /--count = "0x10": expected a decimal number/],
    [["train", "--bogus"], /--bogus: expected a flag of `danlu train`/],
    [["train", "--count"], /--count = \(missing\): expected a value \(--count <n>\)/],
    [["train", "--offload-modules", ""], /--offload-modules = "": expected a value \(--offload-modules <list>\)/],
    [["train", "extra", "args"], /\(arguments\) = "extra" "args": expected no arguments/],
    [["capacity", "--chip", "--precision", "bf16"], /--chip = \(missing\)/],
    [["reliability", "--interval", "0"], /checkpointIntervalSeconds = 0: expected a value >= 1/],
    [["forecast", "--years", "1e8"], /years = 100000000: expected a value <= 50/],
    [["train", "--count", "1e300", "--chip", "h100-sxm"], /hardware.count = 1e\+300: expected a value <= 1e7/],
  ])("%j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(noStack);
    if (!/reliability|forecast|1e300/.test(argv.join(" "))) expect(r.stderr).toMatch(/usage: danlu \S+ \[options\]/);
  });

  it("reports every problem at once, and names the flags that give a missing section", async () => {
    const r = await run("train", "--model", "llama-3.1-8b", "--chip", "h100-sxmm", "--count", "8");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/training = \(missing\): expected object \(give --tokens, --seq and --batch/);
    expect(r.stderr).toMatch(/hardware\.chip = "h100-sxmm": expected a known chip id \(did you mean: h100-sxm/);
  });

  it("with --json, errors are JSON on stdout", async () => {
    for (const argv of [
      ["train", "--json", "--count", "-5"],
      ["train", "--json", "--model", "llama-3.1-8b", "--chip", "h100-sxmm", "--count", "8"],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.stdout);
      expect(json.error.issues.length).toBeGreaterThan(0);
      for (const issue of json.error.issues) expect(issue.expected).toBeTypeOf("string");
    }
  });

  it("a directory, a FIFO or /dev/zero as --scenario is a clear error, not a hang", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danlu-"));
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const big = join(dir, "big.json");
    writeFileSync(big, " ".repeat(5 * 1024 * 1024));
    for (const [path, kind] of [
      [dir, "a directory"],
      [fifo, "a FIFO"],
      ["/dev/zero", "a device"],
      [big, "at most 4194304 bytes"],
    ]) {
      const r = await run("train", "--scenario", path);
      expect(r.code, path).toBe(2);
      expect(r.stderr).toContain(kind);
    }
  });
});
