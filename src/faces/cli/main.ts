/**
 * `danlu` — the command line face. Each command lives in commands/<name>.ts and exports `register(cli, out)`.
 * Commands load lazily: the table below names each one and says how to import it; a run imports only the
 * module of the command it runs, and `danlu --help` lists every command from the table without importing any.
 * To add a command: one line in `commands` (test/cli/lazy.test.ts checks the line matches the module).
 * @module
 */
import { type CAC, cac } from "cac";
import { type Output, processOutput } from "./io.ts";

export const version = "0.1.0";

export interface CommandEntry {
  /** cac's raw name, as the module registers it: "catalog [kind] [id]". */
  readonly usage: string;
  readonly summary: string;
  readonly load: () => Promise<{ register(cli: CAC, out: Output): void }>;
}

export const commands: readonly CommandEntry[] = [
  { usage: "train", summary: "Predict memory, step time, throughput, days, energy and cost of a training run", load: () => import("./commands/train.ts") },
  { usage: "infer", summary: "Predict serving memory, TTFT, TPOT, throughput and $/Mtok (docs/contract.md Infer contract)", load: () => import("./commands/infer.ts") },
  { usage: "slo", summary: "Cheapest chip × count × plan × precision meeting TTFT/TPOT targets at a request rate, with $/Mtok", load: () => import("./commands/slo.ts") },
  { usage: "search", summary: "Search parallel plans for a training job: best plan, top-k table, rejected plans by reason", load: () => import("./commands/search.ts") },
  { usage: "capacity", summary: "Largest dense and MoE model each chip can train and serve (per chip, scale-up domain, or N chips)", load: () => import("./commands/capacity.ts") },
  { usage: "sweep", summary: "Best plan for every model × chip × count × precision (worker threads; table, CSV or JSON)", load: () => import("./commands/sweep.ts") },
  { usage: "catalog [kind] [id]", summary: "List chips, systems, networks, models or formats with their sources", load: () => import("./commands/catalog.ts") },
  { usage: "validate", summary: "Backtest danlu against published training runs (predicted vs published, MAPE)", load: () => import("./commands/validate.ts") },
  { usage: "start", summary: "Print the plan for the built-in default (Llama 3.1 405B on 16,384 H100 SXM)", load: () => import("./commands/start.ts") },
  { usage: "serve", summary: "Serve the web planner and the JSON API (/api/v1) on 127.0.0.1", load: () => import("./commands/serve.ts") },
  { usage: "tco", summary: "Build vs rent: owned vs rented $/chip-hour, break-even utilization and months", load: () => import("./commands/tco.ts") },
  { usage: "power", summary: "IT and facility power, racks, cooling and energy of a cluster", load: () => import("./commands/power.ts") },
  { usage: "reliability", summary: "Failures, checkpoint interval, goodput and p50/p90 wall clock of a training run", load: () => import("./commands/reliability.ts") },
  { usage: "forecast", summary: "Hardware trends with doubling times, and the default run's cost, time and energy ahead", load: () => import("./commands/forecast.ts") },
  { usage: "compare", summary: "Rank catalog chips for one training run: days, chip-hours, $ owned and rented, MWh", load: () => import("./commands/compare.ts") },
  { usage: "model", summary: "What a model is: total and active parameters, layer pattern, KV/SSM bytes per token, weights per format", load: () => import("./commands/model.ts") },
  { usage: "finetune", summary: "Fine-tuning (full, LoRA, QLoRA): fit, memory by part, step time, days and $ for a token budget", load: () => import("./commands/finetune.ts") },
  { usage: "rl", summary: "One GRPO/PPO step: rollout, reference, reward, training and weight-sync time, colocated or split", load: () => import("./commands/rl.ts") },
  {
    usage: "scale",
    summary: "Compute-optimal model size and tokens for a budget (Chinchilla / Besiroglu refit), loss, data and inference checks",
    load: () => import("./commands/scale.ts"),
  },
  { usage: "schema <question>", summary: "Print the JSON Schema of a question's input (train, infer, …) for editors and clients", load: () => import("./commands/schema.ts") },
];

const commandName = (usage: string) => usage.split(" ")[0];

/**
 * Build the CLI for `argv`: the command argv names is registered in full (its module imported); every other
 * command is registered by name and summary only, for the command list of `--help`.
 */
export async function buildCli(argv: readonly string[], out: Output = processOutput): Promise<CAC> {
  const cli = cac("danlu");
  const wanted = argv.find((a) => !a.startsWith("-"));
  for (const entry of commands) {
    if (commandName(entry.usage) === wanted) (await entry.load()).register(cli, out);
    else cli.command(entry.usage, entry.summary);
  }
  cli.help();
  cli.version(version);
  return cli;
}

/** Run the CLI in this process; resolves to the exit code (0 ok, 1 internal error, 2 bad input). */
export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const cli = await buildCli(argv, out);
  try {
    cli.parse(["node", "danlu", ...argv], { run: false });
  } catch (error) {
    out.error(`danlu: ${(error as Error).message}\nRun \`danlu --help\` for usage.`);
    return 2;
  }
  if (!cli.matchedCommand) {
    if (cli.options.help || cli.options.version) return 0;
    if (cli.args.length) {
      out.error(`danlu: unknown command "${cli.args[0]}". Run \`danlu --help\` for the list.`);
      return 2;
    }
    cli.outputHelp();
    return 0;
  }
  const code = await cli.runMatchedCommand();
  return typeof code === "number" ? code : 0;
}

const invokedDirectly = process.argv[1] && /(main\.[jt]s|cli\.js|danlu(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
