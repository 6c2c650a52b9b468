/**
 * `danlu` — the command line face. Each command lives in commands/<name>.ts and exports `register(cli, out)`.
 * @module
 */
import { cac } from "cac";
import { register as registerCatalog } from "./commands/catalog.ts";
import { register as registerInfer } from "./commands/infer.ts";
import { register as registerSlo } from "./commands/slo.ts";
import { register as registerServe } from "./commands/serve.ts";
import { register as registerStart } from "./commands/start.ts";
import { register as registerTrain } from "./commands/train.ts";
import { register as registerSearch } from "./commands/search.ts";
import { register as registerCapacity } from "./commands/capacity.ts";
import { register as registerSweep } from "./commands/sweep.ts";
import { register as registerValidate } from "./commands/validate.ts";
import { register as registerTco } from "./commands/tco.ts";
import { register as registerPower } from "./commands/power.ts";
import { register as registerReliability } from "./commands/reliability.ts";
import { register as registerForecast } from "./commands/forecast.ts";
import { register as registerCompare } from "./commands/compare.ts";
import { InputError } from "../../errors.ts";
import { argumentIssues, errorFormat, processOutput, reportInputError, usageLine } from "./io.ts";

export function buildCli(out = processOutput) {
  const cli = cac("danlu");
  registerTrain(cli, out);
  registerInfer(cli, out);
  registerSlo(cli, out);
  registerSearch(cli, out);
  registerCapacity(cli, out);
  registerSweep(cli, out);
  registerCatalog(cli, out);
  registerValidate(cli, out);
  registerStart(cli, out);
  registerServe(cli, out);
  registerTco(cli, out);
  registerPower(cli, out);
  registerReliability(cli, out);
  registerForecast(cli, out);
  registerCompare(cli, out);
  cli.help();
  cli.version("0.1.0");
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  const cli = buildCli();
  try {
    cli.parse(["node", "danlu", ...argv], { run: false });
  } catch (error) {
    processOutput.error(`danlu: ${(error as Error).message}\nRun \`danlu --help\` for usage.`);
    return 2;
  }
  if (!cli.matchedCommand) {
    if (cli.options.help || cli.options.version) return 0;
    if (cli.args.length) {
      processOutput.error(`danlu: unknown command "${cli.args[0]}". Run \`danlu --help\` for the list.`);
      return 2;
    }
    cli.outputHelp();
    return 0;
  }
  const command = cli.matchedCommand;
  errorFormat.json = argv.some((a) => a === "--json" || a.startsWith("--json="));
  const rest = [...argv];
  rest.splice(rest.indexOf(command.name) >= 0 ? rest.indexOf(command.name) : 0, 1);
  const issues = argumentIssues(command, cli.globalCommand.options, rest);
  if (issues.length) return reportInputError(new InputError(issues), processOutput, usageLine(command));
  try {
    const code = await cli.runMatchedCommand();
    return typeof code === "number" ? code : 0;
  } catch (error) {
    if ((error as Error)?.name !== "CACError") throw error;
    return reportInputError(new InputError({ path: "(arguments)", expected: (error as Error).message }), processOutput, usageLine(command));
  }
}

const invokedDirectly = process.argv[1] && /(main\.ts|danlu(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
