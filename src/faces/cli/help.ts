/**
 * `danlu --help` on one screen: the command list (descriptions wrapped to 100 columns), a few examples that
 * answer the common questions, and the global options — instead of cac's list of `<command> --help` lines.
 * @module
 */
import { tableWidth } from "./table.ts";

interface HelpSection {
  title?: string;
  body: string;
}

const examples = [
  "danlu train                          # Llama 3.1 405B on 16,384 H100: days, MFU, MWh, $",
  "danlu train --model llama-3.1-70b --chip b200 --count 256 --tokens 15T --seq 8k --batch 16Mi",
  "danlu compare                        # every chip on the same run, one price basis",
  "danlu slo --model llama-3.1-70b --input 2000 --output 256 --ttft 300ms --tpot 50ms --rps 100",
  "danlu tco --chip h100-sxm --count 1024 --years 4 --prices examples/prices-cloud.yaml",
  "danlu catalog chips h100-sxm         # every number with its source (--json: SI units)",
];

/** Wrap "  name   description" lines so the description continues under itself. */
function wrapCommands(body: string): string {
  return body
    .split("\n")
    .flatMap((line) => {
      const m = /^(\s+\S.*?\s{2,})(\S.*)$/.exec(line);
      if (!m || line.length <= tableWidth) return [line];
      const indent = " ".repeat(m[1].length);
      const out: string[] = [];
      let current = m[1];
      for (const word of m[2].split(" ")) {
        if (current.trim() && current.length + word.length + 1 > tableWidth && current.length > indent.length) {
          out.push(current.trimEnd());
          current = indent;
        }
        current += (current.endsWith(" ") ? "" : " ") + word;
      }
      out.push(current.trimEnd());
      return out;
    })
    .join("\n");
}

/** cac's help callback: shorter, wrapped, with examples. */
export function shortHelp(sections: HelpSection[]): HelpSection[] {
  const out: HelpSection[] = [];
  for (const s of sections) {
    if (s.title?.startsWith("For more info")) {
      out.push({ title: "Examples", body: examples.map((e) => `  $ ${e}`).join("\n") });
      out.push({ body: "Every command takes --help (its flags and examples) and --json." });
      continue;
    }
    out.push(s.title === "Commands" ? { ...s, body: wrapCommands(s.body) } : s);
  }
  return out;
}
