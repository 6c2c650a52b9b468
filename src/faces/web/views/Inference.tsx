import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatNumber, formatSeconds, formatSi } from "../../../units/format.ts";
import { Chart, Exports, Metric } from "../common.tsx";
import type { Messages } from "../i18n.ts";

export type InferData = { point: Record<string, unknown>; curve: Array<Record<string, unknown>> };
const num = (v: unknown) => (typeof v === "number" ? v : Number.NaN);

export function inferFigures(p: Record<string, unknown>) {
  return {
    ttft: formatSeconds(num(p.ttftSeconds)),
    tpot: formatSeconds(num(p.tpotSeconds)),
    outputTps: formatSi(num(p.outputTokensPerSecond)),
    maxConcurrency: formatNumber(num(p.maxConcurrency)),
    requestsPerSecond: formatNumber(num(p.requestsPerSecond)),
  };
}

export function Inference({ data, t }: { data?: InferData; t: Messages }) {
  const chart = useMemo<Plot.PlotOptions | undefined>(
    () =>
      data && {
        height: 280,
        grid: true,
        x: { label: `${t.outputTps}`, type: "log" },
        y: { label: `${t.tpot} (s)`, type: "log" },
        marks: [Plot.line(data.curve, { x: "outputTokensPerSecond", y: "tpotSeconds", stroke: "#c8782a" }), Plot.dot(data.curve, { x: "outputTokensPerSecond", y: "tpotSeconds", tip: true, title: (d: { concurrency: number }) => `${t.concurrency} ${d.concurrency}` })],
      },
    [data, t],
  );
  if (!data) return <p className="hook" data-testid="hook-infer">{t.pendingInfer}</p>;
  const f = inferFigures(data.point);
  return (
    <section aria-labelledby="inference-heading">
      <h2 id="inference-heading">{t.inference}</h2>
      <dl className="cards">
        <Metric id="ttft" label={t.ttft} value={f.ttft} />
        <Metric id="tpot" label={t.tpot} value={f.tpot} />
        <Metric id="outputTps" label={t.outputTps} value={f.outputTps} />
        <Metric id="maxConcurrency" label={t.maxConcurrency} value={f.maxConcurrency} />
        <Metric id="requestsPerSecond" label={t.requestsPerSecond} value={f.requestsPerSecond} />
      </dl>
      {chart ? <Chart label={t.latencyThroughput} options={chart} testId="chart-infer" /> : null}
      <Exports name="inference" data={data.curve} t={t} />
    </section>
  );
}
