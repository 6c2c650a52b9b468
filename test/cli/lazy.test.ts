// The command table of main.ts is what `danlu --help` shows without importing the commands: each line
// must say what its module registers (name, arguments, summary), and a run must register only its command.
import { cac } from "cac";
import { describe, expect, it } from "vitest";
import { buildCli, commands } from "../../src/faces/cli/main.ts";
import { runCli } from "./run.ts";

const silent = { write: () => {}, error: () => {} };

describe("lazy command table", () => {
  it("every line matches the command its module registers", async () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
    for (const entry of commands) {
      const cli = cac("danlu");
      (await entry.load()).register(cli, silent);
      expect(cli.commands.map((c) => [c.rawName, c.description])).toEqual([[entry.usage, entry.summary]]);
    }
  });

  it("a run registers its own command in full and the others by name only", async () => {
    const cli = await buildCli(["tco", "--json"], silent);
    const tco = cli.commands.find((c) => c.name === "tco");
    expect(tco?.options.map((o) => o.name)).toContain("json");
    const others = cli.commands.filter((c) => c.name !== "tco");
    expect(others.length).toBe(commands.length - 1);
    for (const c of others) expect(c.options).toEqual([]);
  });

  it("--help lists every command with its summary", async () => {
    const lines: string[] = [];
    const info = console.info;
    console.info = (text: string) => void lines.push(text);
    try {
      expect((await runCli("--help")).status).toBe(0);
    } finally {
      console.info = info;
    }
    const help = lines.join("\n");
    for (const entry of commands) expect(help).toContain(entry.summary);
  });
});
