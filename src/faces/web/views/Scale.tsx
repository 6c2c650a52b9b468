import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatNumber, formatPercent, formatSi, formatUsd } from "../../../units/format.ts";
import { categoryColor, categoryScale } from "../colors.ts";
import { logTicksOf } from "../ticks.ts";
import { Chart, Exports, Metric } from "../common.tsx";
import type { ScaleData } from "../engine.ts";
import type { Messages } from "../i18n.ts";

/** The formatted numbers the scale view shows (the e2e test compares them with planScale's). */
export function scaleFigures(r: ScaleData["result"]) {
  return {
    parameters: formatSi(r.parameters),
    tokens: formatSi(r.tokens),
    tokensPerParameter: formatNumber(r.tokensPerParameter),
    compute: `${r.computeFlops.toExponential(3)} FLOP`,
    predictedLoss: formatNumber(r.predictedLoss, 4),
  };
}

export function Scale({ data, t, ms }: { data: ScaleData; t: Messages; ms?: number }) {
  const r = data.result;
  const f = scaleFigures(r);
  const ceiling = { below: t.ceilingBelow, within: t.ceilingWithin, above: t.ceilingAbove }[r.dataCeiling.status];
  const chart = useMemo<Plot.PlotOptions>(() => {
    const withRepeat = data.curve.filter((p) => p.constrainedLoss !== undefined);
    return {
      height: 300,
      grid: true,
      x: { label: `${t.parameters} →`, type: "log", tickFormat: (v: number) => formatSi(v), ticks: logTicksOf([...data.curve.map((p) => p.parameters), r.parameters]) },
      y: { label: `↑ ${t.predictedLoss}` },
      color: { legend: true, ...categoryScale(withRepeat.length ? ["chinchillaOptimum", "withRepetition"] : ["chinchillaOptimum"], (id) => t[id as "chinchillaOptimum"]) },
      marks: [
        Plot.line(data.curve, { x: "parameters", y: "loss", stroke: () => t.chinchillaOptimum, strokeWidth: 2 }),
        withRepeat.length ? Plot.line(withRepeat, { x: "parameters", y: "constrainedLoss", stroke: () => t.withRepetition, strokeDasharray: "6,3" }) : null,
        Plot.dot([r], {
          x: "parameters",
          y: "predictedLoss",
          fill: categoryColor("answer"),
          r: 6,
          tip: true,
          title: () => `${f.parameters} · ${f.tokens} tokens · ${f.predictedLoss}`,
        }),
      ],
    };
  }, [data, r, f, t]);
  const dc = r.dataConstrained;
  const ia = r.inferenceAware;
  const tr = r.training;
  return (
    <section aria-labelledby="scale-heading">
      <h2 id="scale-heading">{t.scaleHeading}</h2>
      <p className="muted">
        {r.law}
        {ms !== undefined ? ` · ${t.replan} ${formatNumber(ms)} ms` : ""}
      </p>
      <dl className="cards">
        <Metric id="scale-compute" label={t.computeBudget} value={f.compute} />
        <Metric id="scale-parameters" label={t.parameters} value={f.parameters} />
        <Metric id="scale-tokens" label={t.tokens} value={`${f.tokens} (${f.tokensPerParameter} ${t.tokensPerParameter})`} />
        <Metric id="scale-loss" label={t.predictedLoss} value={f.predictedLoss} />
        <Metric id="scale-ceiling" label={t.dataCeiling} value={ceiling} bad={r.dataCeiling.status === "above"} />
      </dl>
      <Chart label={t.isoFlop} options={chart} testId="chart-scale" legend={[{ id: "answer", label: t.lgAnswer, color: categoryColor("answer"), shape: "dot" }]} />
      <div className="table-wrap">
        <table data-testid="scale-answers">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t.parameters}</th>
              <th scope="col">{t.tokens}</th>
              <th scope="col">{t.predictedLoss}</th>
              <th scope="col">{t.note}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.chinchillaOptimum}</th>
              <td>{formatSi(r.unconstrained.parameters)}</td>
              <td>{formatSi(r.unconstrained.tokens)}</td>
              <td>{formatNumber(r.unconstrained.predictedLoss, 4)}</td>
              <td />
            </tr>
            {dc ? (
              <tr data-testid="scale-data-constrained">
                <th scope="row">{t.dataConstrained}</th>
                <td>{formatSi(dc.parameters)}</td>
                <td>{formatSi(dc.tokens)}</td>
                <td>{formatNumber(dc.predictedLoss, 4)}</td>
                <td>
                  {dc.binds ? t.binds : t.doesNotBind}: {formatNumber(dc.epochs)} {t.epochs}, {formatSi(dc.effectiveTokens)} {t.effectiveTokens}
                </td>
              </tr>
            ) : null}
            {ia ? (
              <tr data-testid="scale-inference-aware">
                <th scope="row">{t.inferenceAware}</th>
                <td>{formatSi(ia.parameters)}</td>
                <td>{formatSi(ia.tokens)}</td>
                <td>{formatNumber(r.unconstrained.predictedLoss, 4)}</td>
                <td>
                  {formatPercent(ia.savingFraction)} {t.lifetimeSaving}
                  {ia.withinUniqueTokens ? "" : ` · ${t.beyondUnique}`}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {tr ? (
        <dl className="cards" aria-label={t.trainingPlan}>
          <Metric id="scale-train-fits" label={`${t.trainingPlan}: ${t.fits}`} value={tr.fits ? t.yes : `${t.no}: ${tr.reason ?? ""}`} bad={!tr.fits} />
          <Metric id="scale-train-mfu" label={t.mfu} value={formatPercent(tr.mfu)} />
          <Metric id="scale-train-days" label={`${t.wallClock} (${t.days}, ${tr.chipCount} × ${tr.chip})`} value={formatNumber(tr.wallClockDays)} />
          <Metric id="scale-train-cost" label={t.cost} value={tr.costUsd === undefined ? "n/a" : formatUsd(tr.costUsd)} />
        </dl>
      ) : null}
      <Exports name="scale" data={r} t={t} caption={t.scale} />
      <Exports name="scale-isoflop" data={data.curve} t={t} caption={t.isoFlop} />
    </section>
  );
}
