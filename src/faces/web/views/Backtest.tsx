import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatNumber, formatPercent, formatSeconds } from "../../../units/format.ts";
import type { BacktestRow } from "../../../validation/backtest.ts";
import type { InferBacktestRow } from "../../../validation/infer-backtest.ts";
import { categoryColor } from "../colors.ts";
import { logTicksOf } from "../ticks.ts";
import { Chart, type LegendItem, Exports } from "../common.tsx";
import type { BacktestData } from "../engine.ts";
import type { Messages } from "../i18n.ts";

type Row = Pick<BacktestRow, "rowId" | "chip" | "chipCount" | "plan" | "predicted" | "published" | "error" | "source">;

/** Predicted vs published on log axes, with the diagonal. */
function scatter(rows: Row[], unit: string, t: Messages): Plot.PlotOptions {
  const values = rows.flatMap((r) => [r.predicted, r.published]);
  const lo = Math.min(...values) / 1.5;
  const hi = Math.max(...values) * 1.5;
  return {
    height: 280,
    grid: true,
    x: { label: `${t.published} (${unit})`, type: "log", domain: [lo, hi], ticks: logTicksOf([lo, hi]) },
    y: { label: `${t.predicted} (${unit})`, type: "log", domain: [lo, hi], ticks: logTicksOf([lo, hi]) },
    marks: [
      Plot.line(
        [
          [lo, lo],
          [hi, hi],
        ],
        { stroke: categoryColor("parity") },
      ),
      Plot.dot(rows, { x: "published", y: "predicted", fill: categoryColor("published"), tip: true, title: (d: Row) => `${d.rowId}: ${formatPercent(d.error)}` }),
    ],
  };
}

function scatterLegend(t: Messages): LegendItem[] {
  return [
    { id: "published", label: t.lgPublished, color: categoryColor("published"), shape: "dot" },
    { id: "parity", label: t.lgParity, color: categoryColor("parity"), shape: "line" },
  ];
}

function RowsTable({ rows, format, t, testId }: { rows: Row[]; format: (x: number) => string; t: Messages; testId: string }) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
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
          {rows.map((r) => (
            <tr key={`${r.rowId}-${testId}`} data-row={r.rowId}>
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
              <td>
                <code>{r.plan}</code>
              </td>
              <td>{format(r.predicted)}</td>
              <td>{format(r.published)}</td>
              <td data-testid={`error-${testId}-${r.rowId}`}>{formatPercent(r.error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const mape = (rows: Row[]) => (rows.length ? rows.reduce((a, r) => a + Math.abs(r.error), 0) / rows.length : 0);

export function Backtest({ data, t }: { data: BacktestData; t: Messages }) {
  const training = data.training;
  const cv = data.crossValidation;
  const throughput = training.rows.filter((r) => r.kind === "throughput");
  const partial = training.rows.filter((r) => r.kind === "partial");
  const aggregate = training.rows.filter((r) => r.kind === "aggregate");
  const inferRows = (metric: InferBacktestRow["metric"]): Row[] => data.inference.rows.filter((r) => r.metric === metric).map((r) => ({ ...r }));
  const inferThroughput = inferRows("outputTokensPerSecond");
  const inferTpot = inferRows("tpotSeconds");
  const trainChart = useMemo(() => scatter(throughput, "tokens/s/chip", t), [throughput, t]);
  const inferChart = useMemo(() => scatter(inferThroughput, "tokens/s", t), [inferThroughput, t]);
  return (
    <section aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">{t.backtest}</h2>

      <h3>{t.backtestThroughput}</h3>
      <p>
        {t.crossValidatedMape}: <strong data-testid="mape-cv">{formatPercent(cv.crossValidatedMape)}</strong> ({cv.rows.length} {t.rows}, {cv.families.length}{" "}
        {t.sourceFamily.toLowerCase()}) — {t.inSampleMape}: <span data-testid="mape">{formatPercent(training.throughputMape)}</span>
      </p>
      <p>
        {t.moeRows}: {t.crossValidated} <span data-testid="mape-cv-moe">{formatPercent(cv.moe.crossValidatedMape)}</span>, {t.inSample} {formatPercent(cv.moe.inSampleMape)} (
        {cv.moe.rows} {t.rows})
      </p>
      <p>{t.crossValidationNote}</p>
      <div className="table-wrap">
        <table data-testid="cv-families">
          <thead>
            <tr>
              <th scope="col">{t.sourceFamily}</th>
              <th scope="col">{t.rows}</th>
              <th scope="col">{t.inSample}</th>
              <th scope="col">{t.crossValidated}</th>
            </tr>
          </thead>
          <tbody>
            {cv.families.map((f) => (
              <tr key={f.sourceFamily} data-family={f.sourceFamily}>
                <th scope="row">{f.sourceFamily}</th>
                <td>{f.rows}</td>
                <td>{formatPercent(f.inSampleMape)}</td>
                <td data-testid={`cv-${f.sourceFamily}`}>{formatPercent(f.crossValidatedMape)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Chart label={`${t.predicted} vs ${t.published}`} options={trainChart} testId="chart-backtest" legend={scatterLegend(t)} />
      <RowsTable rows={throughput} format={formatNumber} t={t} testId="train" />

      <h3>{t.backtestPartial}</h3>
      <p>
        MAPE: <strong data-testid="mape-partial">{formatPercent(training.partialMape)}</strong> ({partial.length} {t.rows})
      </p>
      <RowsTable rows={partial} format={formatNumber} t={t} testId="partial" />

      <h3>{t.backtestAggregate}</h3>
      <p>
        <strong data-testid="aggregate-within">
          {training.aggregateWithin30} / {training.aggregateCount}
        </strong>{" "}
        {t.within30}
      </p>
      <RowsTable rows={aggregate} format={formatNumber} t={t} testId="aggregate" />

      {data.inference.crossValidation ? (
        <>
          <h3>{t.backtestInferCv}</h3>
          <p>
            {t.crossValidated}: <strong data-testid="mape-infer-cv">{formatPercent(data.inference.crossValidation.crossValidatedMape)}</strong> · {t.inSample}:{" "}
            {formatPercent(data.inference.crossValidation.inSampleMape)} ({data.inference.crossValidation.rows.length} {t.rows}, {data.inference.crossValidation.families.length}{" "}
            {t.sourceFamilies})
          </p>
          <table data-testid="table-infer-cv">
            <thead>
              <tr>
                <th>{t.sourceFamily}</th>
                <th>{t.rows}</th>
                <th>{t.inSample}</th>
                <th>{t.crossValidated}</th>
              </tr>
            </thead>
            <tbody>
              {data.inference.crossValidation.byFamily.map((g) => (
                <tr key={g.key}>
                  <td>{g.key}</td>
                  <td>{g.rows}</td>
                  <td>{formatPercent(g.inSampleMape)}</td>
                  <td>{formatPercent(g.crossValidatedMape)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h3>{t.backtestInferThroughput}</h3>
      <p>
        MAPE: <strong data-testid="mape-infer">{formatPercent(data.inference.throughputMape)}</strong> ({inferThroughput.length} {t.rows})
      </p>
      <Chart label={`${t.predicted} vs ${t.published}`} options={inferChart} testId="chart-backtest-infer" legend={scatterLegend(t)} />
      <RowsTable rows={inferThroughput} format={formatNumber} t={t} testId="infer" />

      <h3>{t.backtestInferTpot}</h3>
      <p>
        MAPE: <strong data-testid="mape-tpot">{formatPercent(mape(inferTpot))}</strong> ({inferTpot.length} {t.rows})
      </p>
      <RowsTable rows={inferTpot} format={formatSeconds} t={t} testId="tpot" />

      <Exports name="backtest" data={[...training.rows, ...data.inference.rows]} t={t} />
    </section>
  );
}
