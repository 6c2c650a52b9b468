// Runs the danlu CLI in this process (src/faces/cli/main.ts `main`) with captured output: what a spawned
// `danlu` would print, without a process and a transpiler per call. Tests of the process itself (the bin,
// exit status of a real process) spawn it instead.
import { main } from "../../src/faces/cli/main.ts";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { write: (t) => void (stdout += t.endsWith("\n") ? t : `${t}\n`), error: (t) => void (stderr += t.endsWith("\n") ? t : `${t}\n`) });
  return { status, stdout, stderr };
}
