/**
 * README examples, regenerated from the CLI: every ```text block that starts with `$ npx danlu …` gets the
 * command's real output (stdout, then stderr), so the README never shows an answer the CLI does not give.
 *   npx tsx scripts/readme-examples.ts          rewrite README.md
 *   npx tsx scripts/readme-examples.ts --check  exit 1 when a block differs (test/cli/readme.test.ts does this)
 * @module
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const block = /```text\n\$ npx danlu ([^\n]*)\n([\s\S]*?)```/g;

export interface Example {
  /** The command line as written after `$ npx danlu`, comment included. */
  line: string;
  args: string[];
  shown: string;
}

/** The examples of a README text, in order. */
export function examples(readme: string): Example[] {
  return [...readme.matchAll(block)].map((m) => ({ line: m[1], args: m[1].replace(/#.*$/, "").trim().split(/\s+/).filter(Boolean), shown: m[2] }));
}

/** What `danlu args` prints (stdout then stderr, trailing blank lines dropped). */
export function runCli(args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", resolve(root, "src/faces/cli/main.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return `${r.stdout}${r.stderr}`.replace(/\s+$/, "");
}

/** The README with every example's output replaced by the CLI's. */
export function regenerate(readme: string): string {
  return readme.replace(block, (_all, line: string) => {
    const args = line.replace(/#.*$/, "").trim().split(/\s+/).filter(Boolean);
    return `\`\`\`text\n$ npx danlu ${line}\n${runCli(args)}\n\`\`\``;
  });
}

if (process.argv[1] && /readme-examples\.ts$/.test(process.argv[1])) {
  const path = resolve(root, "README.md");
  const readme = readFileSync(path, "utf8");
  const next = regenerate(readme);
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README examples differ from the CLI: run npx tsx scripts/readme-examples.ts");
      process.exit(1);
    }
  } else {
    writeFileSync(path, next);
    console.log(`${examples(next).length} README examples regenerated`);
  }
}
