/**
 * Engine errors in the page's language: an InputIssue's message id (`code`, set by the engine) and its
 * `params` pick a template; an issue without a known id falls back to the engine's English text.
 * @module
 */
import type { InputIssue } from "../../errors.ts";
import type { Lang } from "./i18n.ts";

type Templates = Record<string, (p: Record<string, string>) => string>;

const templates: Record<Lang, Templates> = {
  en: {},
  zh: {
    "unknown-id": (p) => `已知的${({ chip: "芯片", model: "模型", system: "系统", network: "网络", format: "数值格式" } as Record<string, string>)[p.kind] ?? p.kind} id`,
    "unknown-key": (p) => `没有这个字段${p.keys ? `；可用字段：${p.keys}` : ""}`,
    "invalid-type": (p) => `类型应为 ${({ number: "数字", string: "字符串", object: "对象", boolean: "布尔值", array: "数组" } as Record<string, string>)[p.type] ?? p.type}`,
    "too-small": (p) => `数值应 ${p.op} ${p.limit}`,
    "too-big": (p) => `数值应 ${p.op} ${p.limit}`,
    "one-of": (p) => `以下之一：${p.values}`,
    quantity: () => '正数（例如 15.6e12 或 "15.6T"）',
    "plan-chip-count": (p) => `一个恰好使用 hardware.count = ${p.count} 块芯片的方案（当前方案用了 ${p.used} 块）`,
    "tp-heads": (p) => `${p.heads} 个注意力头的约数`,
    "pp-layers": (p) => `不超过 ${p.layers} 层`,
  },
};

const words: Record<Lang, { expected: string; didYouMean: string }> = {
  en: { expected: "expected", didYouMean: "did you mean" },
  zh: { expected: "应为", didYouMean: "您是否想输入" },
};

/** What was expected, in `lang` when the issue carries a message id this page knows. */
export function expectedText(issue: InputIssue, lang: Lang): string {
  const template = issue.code ? templates[lang][issue.code] : undefined;
  return template ? template(issue.params ?? {}) : issue.expected;
}

/** One issue as a line: `training.tokens = "lots": 应为 正数（…）（您是否想输入：…？）`. */
export function issueText(issue: InputIssue, lang: Lang): string {
  const w = words[lang];
  const value = issue.value === undefined ? "" : ` = ${issue.value}`;
  const near = issue.suggestions?.length ? (lang === "zh" ? `（${w.didYouMean}：${issue.suggestions.join("、")}？）` : ` (${w.didYouMean}: ${issue.suggestions.join(", ")}?)`) : "";
  return `${issue.path || "(input)"}${value}: ${w.expected} ${expectedText(issue, lang)}${near}`;
}
