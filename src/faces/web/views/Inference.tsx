import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import type { InputIssue } from "../../../errors.ts";
import type { InferResult } from "../../../planners/infer.ts";
import type { SloAnswer, SloSetup } from "../../../planners/slo.ts";
import { formatBytes, formatNumber, formatSeconds, formatSi, formatUsd } from "../../../units/format.ts";
import { categoryColor, categoryScale } from "../colors.ts";
import { logTicksOf } from "../ticks.ts";
import { Chart, Exports, Issues, Metric } from "../common.tsx";
import type { InferData } from "../engine.ts";
import type { Messages } from "../i18n.ts";
import { type State, voicePreset } from "../state.ts";

export type { InferData };

const plan = (p: InferResult["parallelism"]) => `TP${p.tp} PP${p.pp}${p.ep > 1 ? ` EP${p.ep}` : ""} ×${p.replicas}`;

/** The formatted numbers the inference view shows (the e2e test compares them with planInfer's). */
export function inferFigures(p: InferResult) {
  return {
    plan: plan(p.parallelism),
    totalParameters: formatSi(p.totalParameters),
    activeParameters: formatSi(p.activeParameters),
    ttft: formatSeconds(p.ttftSeconds),
    tpot: formatSeconds(p.tpotSeconds),
    outputTps: formatSi(p.outputTokensPerSecond),
    outputTpsPerChip: formatNumber(p.outputTokensPerSecondPerChip),
    maxConcurrency: formatNumber(p.maxConcurrency),
    concurrency: formatNumber(p.concurrency),
    requestsPerSecond: formatNumber(p.requestsPerSecond),
    memory: `${formatBytes(p.memoryPerChipBytes)} / ${formatBytes(p.memoryCapacityBytes)}`,
    kvPerToken: formatBytes(p.kvCacheBytesPerToken),
    usdPerMtok: p.usdPerMillionOutputTokens === undefined ? "n/a" : formatUsd(p.usdPerMillionOutputTokens),
  };
}

/** One row of the SLO table, formatted (also used by the e2e test). */
export function sloFigures(r: SloSetup) {
  const precision = `${r.precision.weights}/${r.precision.kvCache}`;
  return {
    chip: r.chipName,
    count: formatNumber(r.chipCount),
    plan: `${plan(r.parallelism)} ${precision}`,
    ttft: formatSeconds(r.atPercentile?.ttftSeconds ?? r.ttftSeconds),
    tpot: formatSeconds(r.atPercentile?.tpotSeconds ?? r.tpotSeconds),
    usdPerHour: formatUsd(r.usdPerHour),
    usdPerMtok: formatUsd(r.usdPerMillionOutputTokens),
  };
}

type Set = (patch: Partial<State>) => void;

function SloNumber({ id, label, value, set, step }: { id: keyof State; label: string; value: number; set: Set; step?: number }) {
  return (
    <label>
      {label}
      <input
        type="number"
        name={id}
        data-testid={`slo-${id}`}
        min={step ?? 1}
        step={step ?? 1}
        value={value}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n) && n > 0) set({ [id]: n });
        }}
      />
    </label>
  );
}

function OptionalNumber({ id, label, value, set, max }: { id: keyof State; label: string; value: number | undefined; set: Set; max: number }) {
  return (
    <label>
      {label}
      <input
        type="number"
        name={id}
        data-testid={`opt-${id}`}
        min={0}
        max={max}
        step={0.05}
        value={value ?? ""}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          set({ [id]: Number.isFinite(n) && n >= 0 && n <= max ? n : undefined });
        }}
      />
    </label>
  );
}

function ServingOptions({ s, set, t }: { s: State; set: Set; t: Messages }) {
  return (
    <form className="slo-inputs" aria-label={t.servingOptions} onSubmit={(e) => e.preventDefault()}>
      <OptionalNumber id="prefixHit" label={t.prefixHit} value={s.prefixHit} set={set} max={0.99} />
      <OptionalNumber id="specAcceptance" label={t.specAcceptance} value={s.specAcceptance} set={set} max={0.99} />
      <label>
        <input type="checkbox" data-testid="opt-disagg" checked={s.disagg === 1} onChange={(e) => set({ disagg: e.target.checked ? 1 : undefined })} /> {t.disaggregatedPools}
      </label>
    </form>
  );
}

/** The mix's assignment: each class on its cheapest chip kind, and the whole mix against one chip kind for all. */
function MixTable({ mix, t }: { mix: NonNullable<SloAnswer["mix"]>; t: Messages }) {
  return (
    <section aria-label={t.mixHeading} data-testid="slo-mix-table">
      <h4>{t.mixHeading}</h4>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.mixClass}</th>
              <th scope="col">{t.mixShare}</th>
              <th scope="col">{t.sloRps}</th>
              <th scope="col">{t.chip}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.perHour}</th>
            </tr>
          </thead>
          <tbody>
            {mix.classes.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{formatNumber(c.share)}</td>
                <td>{formatNumber(c.requestsPerSecond)}</td>
                <td>{c.setup?.chipName ?? "—"}</td>
                <td>{c.setup ? formatNumber(c.setup.chipCount) : ""}</td>
                <td>{c.setup ? formatUsd(c.setup.usdPerHour) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="slo-mix-total">
        {mix.chips.length
          ? `${t.mixTotal}: ${formatUsd(mix.usdPerHour)} ${t.perHour} · ${formatUsd(mix.usdPerMillionOutputTokens)} ${t.usdPerMtok}${mix.singleChip ? ` (${t.mixSingle}, ${mix.singleChip.chip}: ${formatUsd(mix.singleChip.usdPerHour)})` : ""}`
          : t.mixNone}
      </p>
    </section>
  );
}

function SloPanel({ s, set, t, answer, issues, ms }: { s: State; set: Set; t: Messages; answer?: SloAnswer; issues?: InputIssue[]; ms?: number }) {
  return (
    <section aria-labelledby="slo-heading" className="slo">
      <h3 id="slo-heading">{t.slo}</h3>
      <form className="slo-inputs" aria-label={t.slo} onSubmit={(e) => e.preventDefault()}>
        <SloNumber id="sloTtftMs" label={t.ttftTarget} value={s.sloTtftMs} set={set} />
        <SloNumber id="sloTpotMs" label={t.tpotTarget} value={s.sloTpotMs} set={set} />
        <SloNumber id="sloRps" label={t.sloRps} value={s.sloRps} set={set} step={0.1} />
        <SloNumber id="sloIn" label={t.inputTokens} value={s.sloIn} set={set} />
        <SloNumber id="sloOut" label={t.outputTokens} value={s.sloOut} set={set} />
        <OptionalNumber id="sloPercentile" label={t.sloPercentile} value={s.sloPercentile} set={set} max={99.9} />
        <label className="wide">
          {t.sloMix}
          <input
            name="sloMix"
            data-testid="slo-mix"
            placeholder="chat=0.8:200/100:2000/200, rag=0.2:8000/300"
            value={s.sloMix ?? ""}
            onChange={(e) => set({ sloMix: e.target.value || undefined })}
          />
        </label>
        <button type="button" data-testid="slo-voice" onClick={() => set({ ...voicePreset })}>
          {t.voicePreset}
        </button>
      </form>
      {issues ? <Issues issues={issues} t={t} /> : null}
      {!answer && !issues ? <p aria-busy="true">…</p> : null}
      {answer ? (
        <>
          {ms !== undefined ? (
            <p className="muted" data-testid="slo-ms">
              {t.replan} {ms.toFixed(0)} ms
            </p>
          ) : null}
          {answer.setups.length === 0 ? <p data-testid="slo-none">{t.sloNone}</p> : null}
          <div className="table-wrap">
            <table data-testid="slo-table">
              <thead>
                <tr>
                  <th scope="col">{t.chip}</th>
                  <th scope="col">{t.mode}</th>
                  <th scope="col">{t.count}</th>
                  <th scope="col">{t.plan}</th>
                  <th scope="col">{t.ttft}</th>
                  <th scope="col">{t.tpot}</th>
                  <th scope="col">{t.perHour}</th>
                  <th scope="col">{t.usdPerMtok}</th>
                </tr>
              </thead>
              <tbody>
                {answer.setups.map((r, i) => {
                  const f = sloFigures(r);
                  return (
                    <tr key={`${r.class ?? ""}-${r.chip}-${r.mode.disaggregated}-${r.mode.speculative}`} data-chip={r.chip} data-testid={`slo-row-${i}`}>
                      <th scope="row">
                        {f.chip}
                        {r.class !== undefined ? ` (${r.class})` : ""}
                      </th>
                      <td>
                        {r.mode.disaggregated ? `${t.disaggregation} ${r.disaggregation?.prefillChips}P+${r.disaggregation?.decodeChips}D` : t.aggregated}
                        {r.mode.speculative ? " + spec" : ""}
                      </td>
                      <td>{f.count}</td>
                      <td>
                        <code>{f.plan}</code>
                      </td>
                      <td>{f.ttft}</td>
                      <td>{f.tpot}</td>
                      <td>{f.usdPerHour}</td>
                      <td data-testid={`slo-usd-${i}`}>{f.usdPerMtok}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {answer.mix ? <MixTable mix={answer.mix} t={t} /> : null}
          {answer.infeasible.length ? (
            <details>
              <summary>
                {t.infeasible} ({answer.infeasible.length})
              </summary>
              <ul className="muted">
                {answer.infeasible.map((x) => (
                  <li key={x.chip}>
                    <code>{x.chip}</code>: {x.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Exports name="slo" data={answer.setups} t={t} />
        </>
      ) : null}
    </section>
  );
}

export function Inference({
  data,
  issues,
  ms,
  slo,
  s,
  set,
  t,
}: {
  data?: InferData;
  issues?: InputIssue[];
  ms?: number;
  slo: { data?: SloAnswer; issues?: InputIssue[]; ms?: number };
  s: State;
  set: Set;
  t: Messages;
}) {
  const curveChart = useMemo<Plot.PlotOptions | undefined>(() => {
    if (!data) return undefined;
    const rows = data.curve.map((p) => ({ ...p, tpotMs: p.tpotSeconds * 1000, ttftMs: p.ttftSeconds * 1000 }));
    const here = { x: data.point.outputTokensPerSecond, y: data.point.tpotSeconds * 1000 };
    const band = data.point.latency ? [data.point.latency.tpotSeconds.p50 * 1000, data.point.latency.tpotSeconds.p99 * 1000] : [];
    return {
      height: 300,
      grid: true,
      x: { label: `${t.outputTps} →`, type: "log", ticks: logTicksOf([...rows.map((d) => d.outputTokensPerSecond), here.x]) },
      y: {
        label: `↑ ${t.tpot} (ms, ●) · ${t.ttft} (ms, ■)`,
        type: "log",
        ticks: logTicksOf([...rows.flatMap((d) => [d.tpotMs, d.ttftMs]), here.y, ...band]),
      },
      marks: [
        // TTFT beside TPOT (issue 13): the first-token latency grows with the queue, in its own colour.
        Plot.line(rows, { x: "outputTokensPerSecond", y: "ttftMs", stroke: categoryColor("ttft"), strokeDasharray: "4 3" }),
        Plot.dot(rows, { x: "outputTokensPerSecond", y: "ttftMs", fill: categoryColor("ttft"), symbol: "square", r: 2.5 }),
        Plot.line(rows, { x: "outputTokensPerSecond", y: "tpotMs", stroke: categoryColor("tpot") }),
        Plot.dot(rows, {
          x: "outputTokensPerSecond",
          y: "tpotMs",
          fill: categoryColor("tpot"),
          tip: true,
          title: (d: (typeof rows)[number]) =>
            `${t.concurrency} ${formatNumber(d.concurrency)}\n${t.tpot} ${formatSeconds(d.tpotSeconds)}\n${t.ttft} ${formatSeconds(d.ttftSeconds)}\n${t.outputTps} ${formatSi(d.outputTokensPerSecond)}`,
        }),
        Plot.text(rows, { x: "outputTokensPerSecond", y: "tpotMs", text: (d: (typeof rows)[number]) => formatNumber(d.concurrency), dy: -9, fontSize: 9 }),
        // Percentile band of the operating point (scheduler simulation): TPOT p50 to p99, p90 marked.
        ...(data.point.latency
          ? [
              Plot.ruleX([{ x: here.x, y1: data.point.latency.tpotSeconds.p50 * 1000, y2: data.point.latency.tpotSeconds.p99 * 1000 }], {
                x: "x",
                y1: "y1",
                y2: "y2",
                stroke: categoryColor("chosen"),
                strokeWidth: 6,
                strokeOpacity: 0.3,
              }),
              Plot.dot([{ x: here.x, y: data.point.latency.tpotSeconds.p90 * 1000 }], { x: "x", y: "y", r: 3, fill: categoryColor("chosen"), symbol: "diamond" }),
            ]
          : []),
        Plot.dot([here], { x: "x", y: "y", r: 6, stroke: categoryColor("chosen"), strokeWidth: 2 }),
      ],
    };
  }, [data, t]);
  const memoryChart = useMemo<Plot.PlotOptions | undefined>(() => {
    if (!data) return undefined;
    const b = data.point.memoryBreakdownBytes;
    const ids = (Object.keys(b) as Array<keyof typeof b>).filter((k) => b[k] > 0);
    const rows = ids.map((k) => ({ bar: "", part: t[k], gb: b[k] / 1e9 }));
    const cap = data.point.memoryCapacityBytes / 1e9;
    return {
      height: 130,
      marginLeft: 20,
      x: { label: "GB", grid: true },
      y: { axis: null },
      color: { legend: true, label: t.memParts, ...categoryScale(ids, (id) => t[id as keyof typeof b]) },
      marks: [Plot.barX(rows, Plot.stackX({ x: "gb", y: "bar", fill: "part", tip: true })), Plot.ruleX([cap], { stroke: categoryColor("capacity"), strokeWidth: 2 })],
    };
  }, [data, t]);

  const sloPanel = <SloPanel s={s} set={set} t={t} answer={slo.data} issues={slo.issues} ms={slo.ms} />;
  if (issues)
    return (
      <section aria-labelledby="inference-heading">
        <h2 id="inference-heading">{t.inference}</h2>
        <Issues issues={issues} t={t} />
        {sloPanel}
      </section>
    );
  if (!data) return <p aria-busy="true">…</p>;
  const p = data.point;
  const f = inferFigures(p);
  return (
    <section aria-labelledby="inference-heading">
      <h2 id="inference-heading">{t.inference}</h2>
      <p data-testid="infer-plan">
        {t.plan}: <code>{f.plan}</code> · {p.precision.weights}/{p.precision.activations}/{p.precision.kvCache}
        {ms !== undefined ? (
          <span className="muted" data-testid="infer-ms">
            {" "}
            — {t.replan} {ms.toFixed(1)} ms
          </span>
        ) : null}
      </p>
      {!p.sustainable ? (
        <p className="bad" role="status">
          {t.notSustainable}
        </p>
      ) : null}
      {p.userSuppliedChip ? (
        <p className="muted" data-testid="user-chip-note">
          {p.userSuppliedChip}
        </p>
      ) : null}
      <dl className="cards">
        <Metric id="infer-fits" label={t.fits} value={p.fits ? t.yes : `${t.no}${p.reason ? `: ${p.reason}` : ""}`} bad={!p.fits} />
        <Metric id="infer-totalParameters" label={t.totalParameters} value={f.totalParameters} />
        <Metric id="infer-activeParameters" label={t.activeParameters} value={f.activeParameters} />
        <Metric id="ttft" label={t.ttft} value={f.ttft} />
        <Metric id="tpot" label={t.tpot} value={f.tpot} />
        <Metric id="outputTps" label={t.outputTps} value={f.outputTps} />
        <Metric id="outputTpsPerChip" label={t.outputTpsPerChip} value={f.outputTpsPerChip} />
        <Metric id="concurrency" label={t.concurrency} value={f.concurrency} />
        <Metric id="maxConcurrency" label={t.maxConcurrency} value={f.maxConcurrency} />
        <Metric id="requestsPerSecond" label={t.requestsPerSecond} value={f.requestsPerSecond} />
        <Metric id="infer-memory" label={t.memoryVsCapacity} value={f.memory} bad={!p.fits} />
        <Metric id="kvPerToken" label={t.kvPerToken} value={f.kvPerToken} />
        <Metric id="usdPerMtok" label={t.usdPerMtok} value={f.usdPerMtok} />
      </dl>
      <h3>{t.servingOptions}</h3>
      <ServingOptions s={s} set={set} t={t} />
      {p.acceptedTokensPerStep !== undefined || p.goodputRequestsPerSecond !== undefined ? (
        <dl className="cards">
          {p.acceptedTokensPerStep !== undefined ? <Metric id="acceptedPerStep" label={t.acceptedPerStep} value={formatNumber(p.acceptedTokensPerStep)} /> : null}
          {p.goodputRequestsPerSecond !== undefined ? <Metric id="goodput" label={t.goodput} value={formatNumber(p.goodputRequestsPerSecond)} /> : null}
        </dl>
      ) : null}
      {p.latency ? (
        <div className="table-wrap">
          <table data-testid="infer-percentiles">
            <caption>{t.simulatedLatency}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">mean</th>
                <th scope="col">p50</th>
                <th scope="col">p90</th>
                <th scope="col">p99</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["TTFT", p.latency.ttftSeconds],
                  ["TPOT", p.latency.tpotSeconds],
                  ["ITL", p.latency.itlSeconds],
                  ["E2E", p.latency.e2eSeconds],
                ] as const
              ).map(([name, q]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{formatSeconds(q.mean)}</td>
                  <td>{formatSeconds(q.p50)}</td>
                  <td>{formatSeconds(q.p90)}</td>
                  <td>{formatSeconds(q.p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {p.disaggregation ? (
        <div className="table-wrap">
          <table data-testid="infer-disaggregation">
            <caption>{t.disaggregation}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t.prefillPool}</th>
                <th scope="col">{t.decodePool}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.count}</th>
                <td>{formatNumber(p.disaggregation.prefillChips)}</td>
                <td>{formatNumber(p.disaggregation.decodeChips)}</td>
              </tr>
              <tr>
                <th scope="row">{t.plan}</th>
                <td>
                  <code>{plan(p.disaggregation.prefillParallelism)}</code>
                </td>
                <td>
                  <code>{plan(p.disaggregation.decodeParallelism)}</code>
                </td>
              </tr>
              <tr>
                <th scope="row">{t.outputTpsPerChip}</th>
                <td>{formatNumber(p.disaggregation.prefillInputTokensPerSecondPerChip)} in</td>
                <td>{formatNumber(p.disaggregation.decodeOutputTokensPerSecondPerChip)} out</td>
              </tr>
              <tr>
                <th scope="row">{t.kvTransfer}</th>
                <td colSpan={2}>{formatSeconds(p.disaggregation.kvTransferSeconds)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {memoryChart ? (
        <Chart
          label={t.memoryBreakdown}
          options={memoryChart}
          testId="chart-infer-memory"
          legend={[{ id: "capacity", label: t.capacity, color: categoryColor("capacity"), shape: "line" }]}
        />
      ) : null}
      {curveChart ? (
        <Chart
          label={t.latencyThroughput}
          options={curveChart}
          testId="chart-infer"
          legend={[
            { id: "tpot", label: t.tpot, color: categoryColor("tpot"), shape: "dot" },
            { id: "ttft", label: t.ttft, color: categoryColor("ttft"), shape: "square" },
            { id: "chosen", label: t.lgThisSetup, color: categoryColor("chosen"), shape: "ring" },
            ...(data?.point.latency
              ? [
                  { id: "band", label: t.lgTpotBand, color: categoryColor("chosen"), shape: "band" as const },
                  { id: "p90", label: t.lgTpotP90, color: categoryColor("chosen"), shape: "diamond" as const },
                ]
              : []),
          ]}
        />
      ) : null}
      <Exports name="inference" data={p} t={t} caption={t.plan} />
      <Exports name="inference-curve" data={data.curve} t={t} caption={t.latencyThroughput} />
      {sloPanel}
    </section>
  );
}
