import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatBytes, formatNumber, formatPercent, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { type CategoryId, categoryColor } from "../colors.ts";
import { Chart, Exports, Metric } from "../common.tsx";
import type { FinetuneData } from "../engine.ts";
import type { Messages } from "../i18n.ts";

/** The formatted numbers the fine-tune view shows (the e2e test compares them with planFinetune's). */
export function finetuneFigures(r: FinetuneData["result"]) {
  return {
    fits: r.fits,
    memoryPerChip: formatBytes(r.memoryPerChipBytes),
    trainable: `${formatSi(r.trainableParameters)} (${formatPercent(r.trainableFraction, 2)})`,
    stepTime: formatSeconds(r.stepTimeSeconds),
    tokensPerSecond: formatNumber(r.tokensPerSecond),
    mfu: formatPercent(r.mfu),
    wallClock: formatNumber(r.wallClockDays),
    cost: r.costUsd === undefined ? "n/a" : formatUsd(r.costUsd),
  };
}

export function Finetune({ data, t, ms }: { data: FinetuneData; t: Messages; ms?: number }) {
  const r = data.result;
  const f = finetuneFigures(r);
  const m = r.memoryBreakdownBytes;
  const parts = useMemo<Array<[string, number, CategoryId]>>(
    () => [
      [t.baseWeights, m.baseWeightsBytes, "baseWeightsBytes"],
      [t.adapters, m.adapterWeightsBytes, "adapterWeightsBytes"],
      [t.gradients, m.gradientsBytes, "gradientsBytes"],
      [t.optimizerStates, m.optimizerBytes, "optimizerBytes"],
      [t.activations, m.activationsBytes, "activationsBytes"],
      [t.dequantization, m.dequantizationBytes, "dequantizationBytes"],
      [t.buffers, m.buffersBytes, "buffersBytes"],
      [t.runtimeReserve, m.runtimeReserveBytes, "runtimeReserveBytes"],
    ],
    [m, t],
  );
  const memoryChart = useMemo<Plot.PlotOptions>(() => {
    const shown = parts.filter(([, b]) => b > 0);
    const rows = shown.map(([part, bytes]) => ({ part, gb: bytes / 1e9, bar: t.memoryPerChip }));
    return {
      height: 140,
      marginLeft: 120,
      x: { label: "GB", grid: true, domain: [0, (Math.max(r.memoryCapacityBytes, r.memoryPerChipBytes) / 1e9) * 1.05] },
      y: { label: null },
      color: { legend: true, domain: shown.map(([part]) => part), range: shown.map(([, , id]) => categoryColor(id)) },
      marks: [
        Plot.barX(rows, Plot.stackX({ x: "gb", y: "bar", fill: "part", tip: true })),
        Plot.ruleX([r.memoryCapacityBytes / 1e9], { stroke: categoryColor("capacity"), strokeWidth: 2 }),
      ],
    };
  }, [parts, r, t]);
  return (
    <section aria-labelledby="finetune-heading">
      <h2 id="finetune-heading">{t.finetuneHeading}</h2>
      <p className="muted">
        {r.model} · {r.method} · {r.optimizer} · {r.chipCount} × {r.chip}
        {ms !== undefined ? ` · ${t.replan} ${formatNumber(ms)} ms` : ""}
      </p>
      <dl className="cards">
        <Metric id="ft-fits" label={t.fits} value={f.fits ? t.yes : `${t.no}: ${r.reason ?? ""}`} bad={!f.fits} />
        <Metric id="ft-memory" label={t.memoryPerChip} value={`${f.memoryPerChip} / ${formatBytes(r.memoryCapacityBytes)}`} bad={!f.fits} />
        <Metric id="ft-trainable" label={t.trainableParameters} value={f.trainable} />
        <Metric id="ft-step" label={t.stepTime} value={f.stepTime} />
        <Metric id="ft-tps" label={t.tokensPerSecond} value={f.tokensPerSecond} />
        <Metric id="ft-mfu" label={t.mfu} value={f.mfu} />
        <Metric id="ft-days" label={`${t.wallClock} (${t.days})`} value={f.wallClock} />
        <Metric id="ft-cost" label={t.cost} value={f.cost} />
      </dl>
      <Chart
        label={t.memoryBreakdown}
        options={memoryChart}
        testId="chart-finetune-memory"
        legend={[{ id: "capacity", label: t.capacity, color: categoryColor("capacity"), shape: "line" }]}
      />
      <div className="table-wrap">
        <table data-testid="finetune-memory">
          <caption>{t.memoryBreakdown}</caption>
          <tbody>
            {parts.map(([part, bytes]) => (
              <tr key={part}>
                <th scope="row">{part}</th>
                <td>{formatBytes(bytes)}</td>
              </tr>
            ))}
            {r.hostOptimizerBytes > 0 ? (
              <tr>
                <th scope="row">
                  {t.optimizerStates} ({t.pagedToHost})
                </th>
                <td>{formatBytes(r.hostOptimizerBytes)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table data-testid="finetune-methods">
          <caption>{t.methodsCompared}</caption>
          <thead>
            <tr>
              <th scope="col">{t.method}</th>
              <th scope="col">{t.fits}</th>
              <th scope="col">{t.memoryPerChip}</th>
              <th scope="col">{t.stepTime}</th>
              <th scope="col">{t.trainable}</th>
            </tr>
          </thead>
          <tbody>
            {data.methods.map((x) => (
              <tr key={x.method} data-testid={`finetune-method-${x.method}`} aria-selected={x.method === r.method}>
                <th scope="row">{x.method}</th>
                <td className={x.fits ? undefined : "bad"}>{x.fits ? t.yes : t.no}</td>
                <td>{formatBytes(x.memoryPerChipBytes)}</td>
                <td>{formatSeconds(x.stepTimeSeconds)}</td>
                <td>{formatPercent(x.trainableFraction, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table data-testid="finetune-backtest">
          <caption>{t.finetuneBacktest}</caption>
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.predicted}</th>
              <th scope="col">{t.published}</th>
              <th scope="col">{t.error}</th>
            </tr>
          </thead>
          <tbody>
            {data.backtest.rows.map((b) => {
              const show = (v: number) => (b.kind === "memory" ? formatBytes(v) : b.kind === "fits" ? (v ? t.yes : t.no) : formatNumber(v));
              return (
                <tr key={b.id}>
                  <th scope="row" title={`${b.derivation} — ${b.source}`}>
                    {b.id}
                  </th>
                  <td>{show(b.predicted)}</td>
                  <td>{show(b.published)}</td>
                  <td>{b.kind === "fits" ? (b.error === 0 ? "✓" : "✗") : formatPercent(b.error)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Exports name="finetune" data={{ ...r }} t={t} caption={t.finetune} />
    </section>
  );
}
