/**
 * The rules of thumb danlu checks its answers against, and where they come from: Mu Li's (李沐) talk on
 * large language models at Shanghai Jiao Tong University (August 2024), summarised in Chinese in the
 * project's lecture notes and in English in docs/rules-of-thumb.md. They are printed as checks
 * ("rule of thumb: … — holds / does not hold here"), never used as inputs.
 * @module
 */

export const ruleOfThumbSource = {
  author: "Mu Li (李沐)",
  title: "Large language models: practice and predictions (talk at Shanghai Jiao Tong University)",
  date: "2024-08",
  url: "https://www.youtube.com/watch?v=ziHUcDh0DwM",
  summary: "docs/rules-of-thumb.md",
  /** How a face names it in one breath. */
  short: "Mu Li, SJTU talk 2024",
  /** How a face names it with where to read it. */
  citation:
    "Mu Li (李沐), 'Large language models: practice and predictions', talk at Shanghai Jiao Tong University, Aug 2024 — video https://www.youtube.com/watch?v=ziHUcDh0DwM; summary docs/rules-of-thumb.md",
} as const;

/** One check as the faces print it: "rule of thumb: accelerators are about half … — holds here (49.8%; expected 40-60%)". */
export function ruleLine(rule: string, holds: boolean, measured: string, expected: string): string {
  return `rule of thumb: ${rule} — ${holds ? "holds here" : "does not hold here"} (${measured}; expected ${expected})`;
}
