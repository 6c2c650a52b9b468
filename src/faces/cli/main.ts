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
import { processOutput } from "./io.ts";
import { setWide } from "./table.ts";
import { shortHelp } from "./help.ts";

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
  cli.option("--wide", "Print tables at full width (default: fit 100 columns, wrapping long cells)");
  cli.help(shortHelp);
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
  setWide(Boolean(cli.options.wide));
  const code = await cli.runMatchedCommand();
  return typeof code === "number" ? code : 0;
}

const invokedDirectly = process.argv[1] && /(main\.ts|danlu(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
