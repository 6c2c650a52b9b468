import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import type { FittedTrend } from "../../../planners/forecast.ts";
import { formatNumber, formatSi, formatUsd } from "../../../units/format.ts";
import { categoryColor } from "../colors.ts";
import { logTicksOf } from "../ticks.ts";
import { Chart, Exports } from "../common.tsx";
import type { ForecastData } from "../engine.ts";
import { type Lang, type Messages, lectureClaims, metricNames } from "../i18n.ts";
import type { State } from "../state.ts";
import { words } from "../words.ts";
import { ruleOfThumbSource } from "../../../planners/rules-of-thumb.ts";

/** The doubling time and fit quality as shown (the e2e test compares them with fitTrends'). */
export function trendFigures(trend: FittedTrend, lang: Lang = "en") {
  const doublingYears =
    trend.doublingYears !== undefined
      ? formatNumber(trend.doublingYears)
      : trend.halvingYears !== undefined
        ? lang === "zh"
          ? `减半：${formatNumber(trend.halvingYears)}`
          : `halves in ${formatNumber(trend.halvingYears)}`
        : words[lang].noClearTrend;
  return { doublingYears, rSquared: formatNumber(trend.rSquared, 2), annualFactor: formatNumber(trend.annualFactor) };
}

export function Forecast({ data, s, set, t }: { data: ForecastData; s: State; set: (patch: Partial<State>) => void; t: Messages }) {
  const names = metricNames[s.lang as Lang];
  const series = data.trends.find((x) => x.trend.metric === s.trend) ?? data.trends[0];
  const f = series ? trendFigures(series.trend, s.lang as Lang) : undefined;
  const legend = series && f ? `${t.fit}: ${t.doublingYears} ${f.doublingYears}, ${t.rSquared} ${f.rSquared} (${series.trend.points} ${t.points})` : "";
  const chart = useMemo<Plot.PlotOptions | undefined>(() => {
    if (!series) return undefined;
    return {
      height: 320,
      grid: true,
      x: { label: `${t.releaseYear} →`, tickFormat: "d" },
      y: {
        label: `↑ ${names[series.trend.metric]}`,
        type: "log",
        tickFormat: (v: number) => formatSi(v),
        ticks: logTicksOf([...series.points, ...series.line].map((p) => p.value)),
      },
      marks: [
        Plot.line(series.line, { x: "year", y: "value", stroke: categoryColor("fit"), strokeWidth: 2, strokeDasharray: "6,3" }),
        Plot.dot(series.points, {
          x: "year",
          y: "value",
          fill: categoryColor("chips"),
          r: 4,
          tip: true,
          title: (d: { chip: string; year: number; value: number }) => `${d.chip} (${d.year}): ${formatSi(d.value)}`,
        }),
      ],
    };
  }, [series, names, t]);
  const p = data.projection;
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">{t.forecast}</h2>
      <label>
        {t.metric}{" "}
        <select data-testid="input-trend" value={series?.trend.metric} onChange={(e) => set({ trend: e.target.value })}>
          {data.trends.map((x) => (
            <option key={x.trend.metric} value={x.trend.metric}>
              {names[x.trend.metric]}
            </option>
          ))}
        </select>
      </label>
      {chart ? (
        <>
          <p className="legend" data-testid="trend-legend">
            <span className="swatch dot" aria-hidden="true" /> {series.points.length} {t.points} · <span className="swatch line" aria-hidden="true" /> {legend}
          </p>
          <Chart
            label={`${t.trends}: ${names[series.trend.metric]}`}
            options={chart}
            testId="chart-forecast"
            legend={[
              { id: "chips", label: t.lgChips, color: categoryColor("chips"), shape: "dot" },
              { id: "fit", label: t.lgFit, color: categoryColor("fit"), shape: "dash" },
            ]}
          />
        </>
      ) : null}
      <div className="table-wrap">
        <table data-testid="trend-table">
          <caption>{t.trends}</caption>
          <thead>
            <tr>
              <th scope="col">{t.metric}</th>
              <th scope="col">{t.doublingYears}</th>
              <th scope="col">{t.fittedFactor}</th>
              <th scope="col">{t.rSquared}</th>
              <th scope="col">{t.points}</th>
            </tr>
          </thead>
          <tbody>
            {data.trends.map(({ trend }) => {
              const tf = trendFigures(trend, s.lang as Lang);
              return (
                <tr key={trend.metric} aria-selected={trend.metric === series?.trend.metric}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => set({ trend: trend.metric })}>
                      {names[trend.metric]}
                    </button>
                  </th>
                  <td data-testid={`doubling-${trend.metric}`}>{tf.doublingYears}</td>
                  <td>×{tf.annualFactor}</td>
                  <td data-testid={`r2-${trend.metric}`}>{tf.rSquared}</td>
                  <td>{trend.points}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {p ? (
        <>
          <h3>{t.projection}</h3>
          <div className="table-wrap">
            <table data-testid="projection-table">
              <thead>
                <tr>
                  <th scope="col">{t.year}</th>
                  <th scope="col">{t.cost}</th>
                  <th scope="col">
                    {t.wallClock} ({t.days})
                  </th>
                  <th scope="col">{t.energy} (MWh)</th>
                  <th scope="col">{t.modelScale}</th>
                </tr>
              </thead>
              <tbody>
                {[{ year: p.baseYear, costUsd: p.baseline.costUsd, days: p.baseline.days, megawattHours: p.baseline.megawattHours, modelScale: 1 }, ...p.projections].map((r) => (
                  <tr key={r.year} data-testid={`projection-${r.year}`}>
                    <th scope="row">{r.year}</th>
                    <td>{formatUsd(r.costUsd)}</td>
                    <td>{formatNumber(r.days)}</td>
                    <td>{formatNumber(r.megawattHours)}</td>
                    <td>×{formatNumber(r.modelScale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted" data-testid="rule-source">
            {t.lectureClaim}:{" "}
            <a href={ruleOfThumbSource.url} target="_blank" rel="noreferrer">
              {ruleOfThumbSource.author}, {ruleOfThumbSource.title}, {ruleOfThumbSource.date}
            </a>
          </p>
          <div className="table-wrap">
            <table data-testid="lecture-table">
              <thead>
                <tr>
                  <th scope="col">{t.lectureClaim}</th>
                  <th scope="col">{t.lectureFactor}</th>
                  <th scope="col">{t.fittedFactor}</th>
                  <th scope="col">{t.rSquared}</th>
                </tr>
              </thead>
              <tbody>
                {p.lecture.map((l, i) => (
                  <tr key={l.claim}>
                    <th scope="row">{lectureClaims[s.lang as Lang][i] ?? l.claim}</th>
                    <td>×{formatNumber(l.lectureFactorPerYear)}</td>
                    <td>{l.clearTrend ? `×${formatNumber(l.fittedFactorPerYear)}` : words[s.lang as Lang].noClearTrend}</td>
                    <td>{formatNumber(l.rSquared, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <Exports name="forecast-trends" data={data.trends.map(({ trend }) => ({ ...trend, chips: trend.chips.join(" ") }))} t={t} caption={t.trends} />
      {p ? <Exports name="forecast-projection" data={p.projections} t={t} caption={t.projection} /> : null}
    </section>
  );
}
