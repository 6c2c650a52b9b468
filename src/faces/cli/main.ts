/**
 * `danlu` — the command line face. Each command lives in commands/<name>.ts and exports `register(cli, out)`.
 * Commands load lazily: the table below names each one and says how to import it; a run imports only the
 * module of the command it runs, and `danlu --help` lists every command from the table without importing any.
 * To add a command: one line in `commands` (test/cli/lazy.test.ts checks the line matches the module).
 * @module
 */
import { type CAC, cac } from "cac";
import { InputError } from "../../errors.ts";
import { shortHelp } from "./help.ts";
import { argumentIssues, errorFormat, type Output, processOutput, reportInputError, usageLine } from "./io.ts";
import { setWide } from "./table.ts";

export const version = "0.1.0";

export interface CommandEntry {
  /** cac's raw name, as the module registers it: "catalog [kind] [id]". */
  readonly usage: string;
  readonly summary: string;
  readonly load: () => Promise<{ register(cli: CAC, out: Output): void }>;
}

export const commands: readonly CommandEntry[] = [
  { usage: "train", summary: "Memory, step time, MFU, days, energy and cost of a training run", load: () => import("./commands/train.ts") },
  { usage: "infer", summary: "Serving memory, TTFT, TPOT, throughput, percentiles and $/Mtok", load: () => import("./commands/infer.ts") },
  { usage: "slo", summary: "Cheapest setup per chip meeting TTFT/TPOT targets at a request rate", load: () => import("./commands/slo.ts") },
  { usage: "search", summary: "Search parallel plans: best plan, top-k, rejected plans by reason", load: () => import("./commands/search.ts") },
  { usage: "capacity", summary: "Largest dense and MoE model each chip can train and serve", load: () => import("./commands/capacity.ts") },
  { usage: "sweep", summary: "Best plan for every model × chip × count × precision (CSV, JSON)", load: () => import("./commands/sweep.ts") },
  { usage: "catalog [kind] [id]", summary: "Chips, systems, networks, models, formats with their sources", load: () => import("./commands/catalog.ts") },
  { usage: "validate", summary: "Backtest against published runs: in-sample and cross-validated MAPE", load: () => import("./commands/validate.ts") },
  { usage: "start", summary: "The plan for the built-in default (Llama 3.1 405B on 16,384 H100)", load: () => import("./commands/start.ts") },
  { usage: "serve", summary: "Serve the web planner and the JSON API (/api/v1) on 127.0.0.1", load: () => import("./commands/serve.ts") },
  { usage: "tco", summary: "Build vs rent: owned vs rented $/chip-hour, break-even", load: () => import("./commands/tco.ts") },
  { usage: "power", summary: "IT and facility power, racks, cooling and energy of a cluster", load: () => import("./commands/power.ts") },
  { usage: "reliability", summary: "Failures, checkpoint interval, goodput, p50/p90 wall clock", load: () => import("./commands/reliability.ts") },
  { usage: "forecast", summary: "Hardware trends and a run's cost, time and energy ahead", load: () => import("./commands/forecast.ts") },
  { usage: "compare", summary: "Every chip on one training run: days, chip-hours, $, MWh", load: () => import("./commands/compare.ts") },
  { usage: "model", summary: "What a model is: parameters, layers, KV/SSM bytes, weights", load: () => import("./commands/model.ts") },
  { usage: "finetune", summary: "Fine-tuning (full, LoRA, QLoRA): fit, memory, time and $", load: () => import("./commands/finetune.ts") },
  { usage: "rl", summary: "One GRPO/PPO step: rollout, reference, reward, training, sync", load: () => import("./commands/rl.ts") },
  {
    usage: "scale",
    summary: "Compute-optimal size and tokens for a budget, predicted loss",
    load: () => import("./commands/scale.ts"),
  },
  { usage: "schema <question>", summary: "JSON Schema of a question's input, for editors and clients", load: () => import("./commands/schema.ts") },
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
  cli.option("--wide", "Print tables at full width (default: fit 100 columns, wrapping long cells)");
  cli.help(shortHelp);
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
  setWide(Boolean(cli.options.wide));
  const command = cli.matchedCommand;
  errorFormat.json = argv.some((a) => a === "--json" || a.startsWith("--json="));
  const rest = [...argv];
  rest.splice(rest.indexOf(command.name) >= 0 ? rest.indexOf(command.name) : 0, 1);
  const issues = argumentIssues(command, cli.globalCommand.options, rest);
  if (issues.length) return reportInputError(new InputError(issues), out, usageLine(command));
  try {
    const code = await cli.runMatchedCommand();
    return typeof code === "number" ? code : 0;
  } catch (error) {
    if ((error as Error)?.name !== "CACError") throw error;
    return reportInputError(new InputError({ path: "(arguments)", expected: (error as Error).message }), out, usageLine(command));
  }
}

const invokedDirectly = process.argv[1] && /(main\.[jt]s|cli\.js|danlu(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
