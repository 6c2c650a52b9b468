import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/faces/cli/progress.ts";
import { fitTable, fitWidths } from "../../src/faces/cli/table.ts";
import { formatCount, formatNumber, formatSeconds, formatUsd, formatUsdZh } from "../../src/units/format.ts";
import { parseSequenceLength } from "../../src/units/parse.ts";

const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/faces/cli/main.ts", ...args], { encoding: "utf8" });
const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("one number formatter", () => {
  it("separators from 1,000 up, significant digits below, zero as zero", () => {
    expect(formatNumber(1234.5)).toBe("1,235");
    expect(formatNumber(48_012.4)).toBe("48,012");
    expect(formatNumber(23.34)).toBe("23.3");
    expect(formatNumber(0.04213)).toBe("0.0421");
    expect(formatNumber(0)).toBe("0");
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(2.59e-4)).toBe("259 µs");
    expect(formatCount(27_500_000)).toBe("27.5M");
    expect(formatUsd(1.8e9)).toBe("$1.8B");
    expect(formatUsd(0.3)).toBe("$0.30");
    expect(formatUsdZh(1.8e9)).toBe("18 亿美元");
  });

  it("--seq 8k is 8,192 tokens", () => {
    expect(parseSequenceLength("8k")).toBe(8192);
    expect(parseSequenceLength("128K")).toBe(131072);
    expect(parseSequenceLength("4096")).toBe(4096);
    expect(parseSequenceLength("8x")).toBeUndefined();
    const r = cli("train", "--model", "llama-3.1-8b", "--chip", "h100-sxm", "--count", "64", "--tokens", "1T", "--seq", "8k", "--batch", "4Mi", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tokensPerSecond).toBeGreaterThan(0);
  });
});

describe("tables fit 100 columns", () => {
  it("shrinks the widest columns and wraps their cells", () => {
    const head = ["a", "b"];
    const rows = [["x".repeat(80), "y ".repeat(40).trim()]];
    const widths = fitWidths(head, rows, 100);
    expect(widths.reduce((s, w) => s + w, 0) + 3).toBeLessThanOrEqual(100);
    expect(widest(fitTable(head, rows, 100))).toBeLessThanOrEqual(100);
    expect(widest(fitTable(head, rows, Number.POSITIVE_INFINITY))).toBeGreaterThan(100);
  });

  it("catalog entries are humane by default and SI with --json; --wide shows every column", () => {
    const text = cli("catalog", "chips", "h100-sxm").stdout;
    expect(text).toMatch(/memoryBytes\s+│ 80 GB/);
    expect(text).toMatch(/bf16 989 TFLOP\/s/);
    expect(text).toMatch(/tdpWatts\s+│ 700 W/);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(JSON.parse(cli("catalog", "chips", "h100-sxm", "--json").stdout).memoryBytes).toBe(80e9);
    const list = cli("catalog", "chips").stdout;
    expect(widest(list)).toBeLessThanOrEqual(100);
    expect(widest(cli("catalog", "chips", "--wide").stdout)).toBeGreaterThan(100);
  });

  it("the help fits one screen, with examples", () => {
    const help = cli("--help").stdout;
    expect(help.split("\n").length).toBeLessThanOrEqual(50);
    expect(widest(help)).toBeLessThanOrEqual(100);
    expect(help).toMatch(/Examples:\n {2}\$ danlu train/);
  });
});

describe("progress bar", () => {
  it("draws only on a terminal, after a second, and never prints an INF ETA", () => {
    let t = 0;
    const written: string[] = [];
    const tty = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const bar = progressBar("compare", 0, "chips", tty, () => t);
    bar.update(0, 27);
    expect(written).toHaveLength(0);
    t = 1500;
    bar.update(0, 27);
    t = 3000;
    bar.update(9, 27);
    bar.stop();
    expect(written.join("")).not.toMatch(/INF|NaN|Infinity/);
    expect(written.join("")).toMatch(/9\/27 chips · ~6 s left/);
    const pipe: string[] = [];
    const off = progressBar("x", 10, "y", { isTTY: false, write: (s: string) => pipe.push(s) } as unknown as NodeJS.WriteStream, () => 5000);
    off.update(5);
    expect(pipe).toHaveLength(0);
  });
});
