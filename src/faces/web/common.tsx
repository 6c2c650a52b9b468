/**
 * Shared pieces of the views: metric cards, export buttons, source links and a Plot wrapper.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import type { Source, Sources } from "../../planners/catalog.ts";
import type { InputIssue } from "../../errors.ts";
import { download, toCsv } from "./export.ts";
import { type Messages, messages } from "./i18n.ts";
import { expectedText } from "./issues.ts";

export function Metric({ id, label, value, bad }: { id: string; label: string; value: string; bad?: boolean }) {
  return (
    <div className="card">
      <dt id={`${id}-label`}>{label}</dt>
      <dd data-testid={id} className={bad ? "bad" : undefined}>
        {value}
      </dd>
    </div>
  );
}

export function Exports({ name, data, t, caption }: { name: string; data: unknown; t: Messages; caption?: string }) {
  return (
    <div className="exports">
      {caption ? <span className="muted">{caption}:</span> : null}
      <button
        type="button"
        data-testid="export-json"
        aria-label={`${t.exportJson}: ${name}`}
        onClick={() => download(`danlu-${name}.json`, JSON.stringify(data, null, 2), "application/json")}
      >
        {t.exportJson}
      </button>
      <button type="button" data-testid="export-csv" aria-label={`${t.exportCsv}: ${name}`} onClick={() => download(`danlu-${name}.csv`, toCsv(data), "text/csv")}>
        {t.exportCsv}
      </button>
    </div>
  );
}

export function sourceOf(sources: Sources, field: string): Source | undefined {
  return sources[field] ?? sources[field.split(".")[0]] ?? sources["*"];
}

/** A catalog figure with a link to where it was read. */
export function Sourced({ text, sources, field }: { text: string; sources: Sources; field: string }) {
  const s = sourceOf(sources, field);
  if (!s) return <span>{text}</span>;
  const title = `${s.title} (${s.date})${s.estimate ? ` — estimate: ${s.estimate}` : ""}`;
  const href = /^https?:\/\//.test(s.ref) ? s.ref : undefined;
  return href ? (
    <a href={href} target="_blank" rel="noreferrer" title={title} data-source={field}>
      {text}
    </a>
  ) : (
    <abbr title={`${title}: ${s.ref}`} data-source={field}>
      {text}
    </abbr>
  );
}

export function Issues({ issues, t }: { issues: InputIssue[]; t: Messages }) {
  // The page's language, from its messages (Issues is called from many views with only `t`).
  const lang = t.invalid === messages.zh.invalid ? "zh" : "en";
  return (
    <div className="error" role="alert" data-testid="issues">
      <strong>{t.invalid}</strong>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}-${i.expected}`}>
            <code>{i.path || "(input)"}</code>
            {i.value !== undefined ? ` = ${i.value}` : ""}: {expectedText(i, lang)}
            {i.suggestions?.length ? ` (${i.suggestions.join(", ")}?)` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Render a Plot chart (a pure options object) into a figure with an accessible label. */
/** A labelled swatch for a marked point or reference line (issue 13: legends for marked points). */
export interface LegendItem {
  id: string;
  label: string;
  color: string;
  shape: "dot" | "ring" | "square" | "diamond" | "line" | "dash" | "band";
}

function Swatch({ color, shape }: Pick<LegendItem, "color" | "shape">) {
  const mark =
    shape === "dot" ? (
      <circle cx="7" cy="7" r="4" fill={color} />
    ) : shape === "ring" ? (
      <circle cx="7" cy="7" r="5" fill="none" stroke={color} strokeWidth="2" />
    ) : shape === "square" ? (
      <rect x="3.5" y="3.5" width="7" height="7" fill={color} />
    ) : shape === "diamond" ? (
      <path d="M7 2 L12 7 L7 12 L2 7 Z" fill={color} />
    ) : shape === "band" ? (
      <rect x="4" y="0" width="6" height="14" fill={color} fillOpacity="0.3" />
    ) : (
      <line x1="0" y1="7" x2="14" y2="7" stroke={color} strokeWidth="2" strokeDasharray={shape === "dash" ? "4,3" : undefined} />
    );
  return (
    <svg width="14" height="14" aria-hidden="true" style={{ verticalAlign: "middle", marginRight: 4 }}>
      {mark}
    </svg>
  );
}

export function Chart({ label, options, testId, legend }: { label: string; options: Plot.PlotOptions; testId: string; legend?: LegendItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = Plot.plot({ width: Math.min(720, Math.max(300, node.clientWidth || 640)), ...options, ariaLabel: label });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label]);
  return (
    <figure className="chart" aria-label={label} data-testid={testId}>
      <figcaption>{label}</figcaption>
      <div ref={ref} />
      {legend?.length ? (
        <ul className="chart-legend" data-testid={`${testId}-legend`}>
          {legend.map((item) => (
            <li key={item.id} data-legend={item.id}>
              <Swatch color={item.color} shape={item.shape} />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
