import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import type { BacktestSummary } from "../../../validation/backtest.ts";
import { formatNumber, formatPercent } from "../../../units/format.ts";
import { Chart, Exports } from "../common.tsx";
import type { Messages } from "../i18n.ts";

export function Backtest({ summary, t }: { summary: BacktestSummary; t: Messages }) {
  const chart = useMemo<Plot.PlotOptions>(() => {
    const rows = summary.rows.filter((r) => r.kind === "throughput");
    const max = Math.max(...rows.flatMap((r) => [r.predicted, r.published]));
    return {
      height: 300,
      grid: true,
      x: { label: `${t.published} (tokens/s/chip)`, type: "log" },
      y: { label: `${t.predicted} (tokens/s/chip)`, type: "log" },
      marks: [Plot.line([[1, 1], [max, max]], { stroke: "#999" }), Plot.dot(rows, { x: "published", y: "predicted", fill: "#c8782a", tip: true, title: (d: { rowId: string; error: number }) => `${d.rowId}: ${formatPercent(d.error)}` })],
    };
  }, [summary, t]);
  return (
    <section aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">{t.backtest}</h2>
      <p>
        {t.mape}: <strong data-testid="mape">{formatPercent(summary.throughputMape)}</strong>
      </p>
      <Chart label={`${t.predicted} vs ${t.published}`} options={chart} testId="chart-backtest" />
      <div className="table-wrap">
        <table data-testid="backtest-table">
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.chip}</th>
              <th scope="col">{t.plan}</th>
              <th scope="col">{t.predicted}</th>
              <th scope="col">{t.published}</th>
              <th scope="col">{t.error}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r) => (
              <tr key={r.rowId} data-row={r.rowId}>
                <th scope="row">
                  {/^https?:/.test(r.source) ? (
                    <a href={r.source} target="_blank" rel="noreferrer">
                      {r.rowId}
                    </a>
                  ) : (
                    <abbr title={r.source}>{r.rowId}</abbr>
                  )}
                </th>
                <td>
                  {r.chipCount} × {r.chip}
                </td>
                <td><code>{r.plan}</code></td>
                <td>{formatNumber(r.predicted)}</td>
                <td>{formatNumber(r.published)}</td>
                <td data-testid={`error-${r.rowId}`}>{formatPercent(r.error)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Exports name="backtest" data={summary.rows} t={t} />
    </section>
  );
}
