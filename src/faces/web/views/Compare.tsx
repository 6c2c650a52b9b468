import * as Plot from "@observablehq/plot";
import { type ReactNode, useMemo } from "react";
import { chipById } from "../../../planners/catalog.ts";
import type { InputIssue } from "../../../errors.ts";
import type { ServeCompareRow } from "../../../planners/compare.ts";
import { formatBytes, formatNumber, formatPercent, formatPlan, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { categoryColor } from "../colors.ts";
import { Chart, Exports, Issues, Sourced } from "../common.tsx";
import type { CompareRow } from "../engine.ts";
import { type Messages, messages } from "../i18n.ts";
import { type CompareMode, compareModes, type State } from "../state.ts";
import { validationNote } from "../../../validation/coverage.ts";
import { words } from "../words.ts";

type Set = (patch: Partial<State>) => void;

/** Training or serving: which comparison the view shows (kept in the URL as compareMode). */
export function CompareModeToggle({ mode, set, t }: { mode: CompareMode; set: Set; t: Messages }) {
  const label = { train: t.compareTrain, serve: t.compareServe };
  return (
    <fieldset className="mode" data-testid="compare-mode">
      <legend>{t.compareMode}</legend>
      {compareModes.map((m) => (
        <label key={m}>
          <input type="radio" name="compare-mode" value={m} data-testid={`compare-mode-${m}`} checked={mode === m} onChange={() => set({ compareMode: m })} /> {label[m]}
        </label>
      ))}
    </fieldset>
  );
}

/** One serving row, formatted (the e2e test compares these with compareServe's). */
export function serveFigures(row: ServeCompareRow, t: Messages = messages.en) {
  const shown = row.rented ?? row.owned ?? row.unpriced;
  const owned = row.owned;
  const otherOwned = owned && row.rented && (owned.chipCount !== row.rented.chipCount || owned.plan !== row.rented.plan || owned.precision !== row.rented.precision);
  // A chip with no price meets the SLO but cannot be ranked: say so in the page's language.
  const reason = row.unpriced ? t.unpricedNote : (row.reason ?? "");
  const notes = [otherOwned ? `${t.ownedSetup}: ${formatNumber(owned.chipCount)} × ${owned.plan} ${owned.precision}` : "", reason].filter(Boolean);
  return {
    chip: row.name,
    chips: shown ? formatNumber(shown.chipCount) : "–",
    plan: shown?.plan ?? "–",
    precision: shown?.precision ?? "–",
    ttft: shown ? formatSeconds(shown.ttftSeconds) : "–",
    tpot: shown ? formatSeconds(shown.tpotSeconds) : "–",
    rentedUsdPerMtok: row.rented ? formatUsd(row.rented.usdPerMillionOutputTokens) : "–",
    ownedUsdPerChipHour: owned ? formatUsd(owned.usdPerChipHour) : "–",
    ownedUsdPerMtok: owned ? formatUsd(owned.usdPerMillionOutputTokens) : "–",
    note: notes.join("; "),
  };
}

/** A chip's name without its parenthesised variant, for chart labels. */
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, "");

/** Every ranking names the chips danlu has no published run to check against, and the rental basis. */
function ValidationNote({ chips, job, t }: { chips: string[]; job: "train" | "infer"; t: Messages }) {
  const zh = t.invalid === messages.zh.invalid;
  const missing = chips.filter((c) => validationNote(c, job) !== undefined);
  return (
    <p className="muted" data-testid={`validation-note-${job}`}>
      {missing.length ? `${zh ? "无验证数据（未在该芯片上验证）" : "not validated on this chip"}: ${missing.join(", ")}. ` : ""}
      {words[zh ? "zh" : "en"].rentalBasis}.
    </p>
  );
}

export function CompareServe({ rows, issues, ms, t }: { rows?: ServeCompareRow[]; issues?: InputIssue[]; ms?: number; t: Messages }) {
  const served = rows?.filter((r) => r.runs) ?? [];
  const cannot = rows?.filter((r) => !r.runs) ?? [];
  const chart = useMemo<Plot.PlotOptions>(() => {
    const priced = served.filter((r) => r.rented || r.owned);
    const data = priced.flatMap((r) => [
      ...(r.rented ? [{ chip: shortName(r.name), series: t.rented, usd: r.rented.usdPerMillionOutputTokens }] : []),
      ...(r.owned ? [{ chip: shortName(r.name), series: t.owned, usd: r.owned.usdPerMillionOutputTokens }] : []),
    ]);
    return {
      height: 40 + priced.length * 26,
      marginLeft: 190,
      x: { label: `${t.usdPerMtok} ($)`, grid: true },
      y: { axis: null, domain: [t.rented, t.owned] },
      fy: { label: null, domain: priced.map((r) => shortName(r.name)), axis: "left" },
      // The rental basis is on-demand: the same colours as the Money view's "rented on demand" and "owned".
      color: { legend: true, domain: [t.rented, t.owned], range: [categoryColor("rentedOnDemand"), categoryColor("owned")] },
      marks: [Plot.barX(data, { x: "usd", y: "series", fy: "chip", fill: "series", tip: true }), Plot.ruleX([0])],
    };
  }, [served, t]);
  return (
    <section aria-labelledby="compare-serve-heading">
      <h3 id="compare-serve-heading">{t.compareServeHeading}</h3>
      {issues ? <Issues issues={issues} t={t} /> : null}
      {!rows && !issues ? <p aria-busy="true">…</p> : null}
      {rows ? (
        <>
          {ms !== undefined ? (
            <p className="muted" data-testid="serve-ms">
              {t.replan} {ms.toFixed(0)} ms
            </p>
          ) : null}
          <div className="table-wrap">
            <table data-testid="serve-table">
              <thead>
                <tr>
                  <th scope="col">{t.chip}</th>
                  <th scope="col">{t.chipCount}</th>
                  <th scope="col">{t.plan}</th>
                  <th scope="col">{t.weightsKv}</th>
                  <th scope="col">TTFT</th>
                  <th scope="col">TPOT</th>
                  <th scope="col">{t.rentedUsdPerMtok}</th>
                  <th scope="col">{t.ownedUsdPerChipHourShort}</th>
                  <th scope="col">{t.ownedUsdPerMtok}</th>
                  <th scope="col">{t.note}</th>
                </tr>
              </thead>
              <tbody>
                {served.map((row, i) => {
                  const f = serveFigures(row, t);
                  return (
                    <tr key={row.chip} data-chip={row.chip} data-testid={`serve-row-${i}`}>
                      <th scope="row">{f.chip}</th>
                      <td>{f.chips}</td>
                      <td>
                        <code>{f.plan}</code>
                      </td>
                      <td>{f.precision}</td>
                      <td>{f.ttft}</td>
                      <td>{f.tpot}</td>
                      <td data-testid={`serve-rented-${i}`}>{f.rentedUsdPerMtok}</td>
                      <td>{f.ownedUsdPerChipHour}</td>
                      <td data-testid={`serve-owned-${i}`}>{f.ownedUsdPerMtok}</td>
                      <td className="muted">{f.note}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ValidationNote chips={served.map((r) => r.chip)} job="infer" t={t} />
          {served.some((r) => r.rented || r.owned) ? <Chart label={t.serveChart} options={chart} testId="chart-serve" /> : null}
          {cannot.length ? (
            <>
              <h4>{t.cannotServe}</h4>
              <ul data-testid="serve-cannot">
                {cannot.map((r) => (
                  <li key={r.chip} data-chip={r.chip}>
                    <strong>{r.name}</strong>: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Exports name="compare-serve" data={rows} t={t} />
        </>
      ) : null}
    </section>
  );
}

export function compareFigures(row: CompareRow) {
  const r = row.result;
  return r
    ? { wallClock: formatNumber(r.wallClockDays), mfu: formatPercent(r.mfu), cost: r.costUsd === undefined ? "n/a" : formatUsd(r.costUsd), plan: formatPlan(r.parallelism) }
    : undefined;
}

export function Compare({ mode, set, t, children }: { mode: CompareMode; set: Set; t: Messages; children: ReactNode }) {
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t.compare}</h2>
      <CompareModeToggle mode={mode} set={set} t={t} />
      {children}
    </section>
  );
}

export function CompareTrain({ rows, t }: { rows: CompareRow[]; t: Messages }) {
  return (
    <section aria-label={t.compareTrain}>
      <div className="table-wrap">
        <table data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t.chip}</th>
              <th scope="col">{t.memory}</th>
              <th scope="col">{t.bandwidth}</th>
              <th scope="col">{t.peak} (bf16)</th>
              <th scope="col">{t.power}</th>
              <th scope="col">{t.price}</th>
              <th scope="col">{t.plan}</th>
              <th scope="col">
                {t.wallClock} ({t.days})
              </th>
              <th scope="col">{t.mfu}</th>
              <th scope="col">{t.cost}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = chipById.get(row.chip);
              const f = compareFigures(row);
              if (!c) return null;
              return (
                <tr key={row.chip} data-chip={row.chip}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <Sourced text={formatBytes(c.memoryBytes)} sources={c.sources} field="memoryBytes" />
                  </td>
                  <td>
                    <Sourced text={formatSi(c.memoryBytesPerSecond, "B/s")} sources={c.sources} field="memoryBytesPerSecond" />
                  </td>
                  <td>
                    <Sourced text={c.denseFlopsPerSecond.bf16 ? formatSi(c.denseFlopsPerSecond.bf16, "FLOP/s") : "–"} sources={c.sources} field="denseFlopsPerSecond.bf16" />
                  </td>
                  <td>
                    <Sourced text={`${c.tdpWatts} W`} sources={c.sources} field="tdpWatts" />
                  </td>
                  <td>{c.rentalUsdPerChipHour ? <Sourced text={`$${c.rentalUsdPerChipHour}/h`} sources={c.sources} field="rentalUsdPerChipHour" /> : "–"}</td>
                  {f ? (
                    <>
                      <td>
                        <code>{f.plan}</code>
                      </td>
                      <td data-testid={`compare-days-${row.chip}`}>{f.wallClock}</td>
                      <td>{f.mfu}</td>
                      <td>{f.cost}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="bad">
                      {row.issues?.map((i) => `${i.path}: ${i.expected}`).join("; ")}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ValidationNote chips={rows.map((r) => r.chip)} job="train" t={t} />
      <Exports name="compare" data={rows.map((r) => ({ chip: r.chip, ...(r.result ?? {}), issues: r.issues }))} t={t} />
    </section>
  );
}
