import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { chipById } from "../../../planners/catalog.ts";
import { formatBytes, formatNumber, formatPercent, formatPlan, formatSeconds, formatSi, formatMoney } from "../../../units/format.ts";
import { type CategoryId, categoryColor, categoryScale } from "../colors.ts";
import { Chart, Exports, Metric } from "../common.tsx";
import type { TrainView } from "../engine.ts";
import type { Messages } from "../i18n.ts";
import { words } from "../words.ts";

/** The formatted numbers the training view shows (also used by the e2e test to compare with the engine). */
export function trainFigures(r: TrainView["result"], lang: "en" | "zh" = "en") {
  return {
    totalParameters: formatSi(r.totalParameters),
    activeParameters: formatSi(r.activeParameters),
    plan: formatPlan(r.parallelism),
    fits: r.fits,
    stepTime: formatSeconds(r.stepTimeSeconds),
    mfu: formatPercent(r.mfu),
    tokensPerSecond: formatSi(r.tokensPerSecond),
    tokensPerSecondPerChip: formatNumber(r.tokensPerSecondPerChip),
    wallClock: formatNumber(r.wallClockDays),
    chipHours: formatSi(r.chipHours),
    energy: `${formatNumber(r.energyMegawattHours)} MWh`,
    facilityPower: `${formatNumber(r.facilityMegawatts)} MW`,
    cost: r.costUsd === undefined ? "n/a" : formatMoney(r.costUsd, lang),
    memoryPerChip: formatBytes(r.memoryPerChipBytes),
    hostMemory: r.memoryBreakdownBytes.hostBytes === undefined ? undefined : formatBytes(r.memoryBreakdownBytes.hostBytes),
  };
}

/** The idle-chip answer (plans on fewer chips than the cluster), in the view's language; undefined when every chip is used. */
export function idleText(r: TrainView["result"], t: Pick<Messages, "idleChips" | "idleSuggestion">): string | undefined {
  if (!r.idle) return undefined;
  const head = t.idleChips.replace("{idle}", formatNumber(r.idle.idleChips)).replace("{cluster}", formatNumber(r.idle.clusterChips));
  const tokens = r.idle.suggestedGlobalBatchTokens;
  return tokens === undefined ? head : `${head} ${t.idleSuggestion.replace("{tokens}", formatNumber(tokens))}`;
}

const change = (capped: number, tdp: number) => `${capped >= tdp ? "+" : "−"}${formatPercent(Math.abs(capped / tdp - 1))}`;

/** What a power cap changes at the same plan: facility MW, energy, tokens/s per chip, days (the e2e test reads these). */
export function powerCapFigures(r: TrainView["result"], u: NonNullable<TrainView["uncapped"]>) {
  return [
    {
      id: "facilityPower",
      tdp: `${formatNumber(u.facilityMegawatts)} MW`,
      capped: `${formatNumber(r.facilityMegawatts)} MW`,
      change: change(r.facilityMegawatts, u.facilityMegawatts),
    },
    {
      id: "energy",
      tdp: `${formatNumber(u.energyMegawattHours)} MWh`,
      capped: `${formatNumber(r.energyMegawattHours)} MWh`,
      change: change(r.energyMegawattHours, u.energyMegawattHours),
    },
    {
      id: "tokensPerSecondPerChip",
      tdp: formatNumber(u.tokensPerSecondPerChip),
      capped: formatNumber(r.tokensPerSecondPerChip),
      change: change(r.tokensPerSecondPerChip, u.tokensPerSecondPerChip),
    },
    { id: "wallClock", tdp: formatNumber(u.wallClockDays), capped: formatNumber(r.wallClockDays), change: change(r.wallClockDays, u.wallClockDays) },
  ] as const;
}

function PowerCap({ r, u, t }: { r: TrainView["result"]; u: NonNullable<TrainView["uncapped"]>; t: Messages }) {
  const label = { facilityPower: t.facilityPower, energy: t.energy, tokensPerSecondPerChip: t.tokensPerSecondPerChip, wallClock: `${t.wallClock} (${t.days})` };
  return (
    <div className="table-wrap">
      <table data-testid="power-cap">
        <caption>{t.powerCap}</caption>
        <thead>
          <tr>
            <th scope="col">{t.metric}</th>
            <th scope="col">{t.atTdp}</th>
            <th scope="col">{t.capped}</th>
            <th scope="col">{t.change}</th>
          </tr>
        </thead>
        <tbody>
          {powerCapFigures(r, u).map((f) => (
            <tr key={f.id}>
              <th scope="row">{label[f.id]}</th>
              <td>{f.tdp}</td>
              <td>{f.capped}</td>
              <td data-testid={`cap-change-${f.id}`}>{f.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Training({ view, t, ms, lang = "en" }: { view: TrainView; t: Messages; ms?: number; lang?: "en" | "zh" }) {
  const r = view.result;
  const w = words[lang];
  const f = trainFigures(r, lang);
  const capacity = chipById.get(r.chip)?.memoryBytes ?? r.memoryCapacityBytes;
  const memoryChart = useMemo<Plot.PlotOptions>(() => {
    const rows = Object.entries(r.memoryBreakdownBytes)
      .filter(([part, v]) => part !== "totalBytes" && part !== "hostBytes" && typeof v === "number" && v > 0)
      .map(([part, v]) => ({ id: part as CategoryId, bar: "", part: t[part as keyof typeof t] ?? part, gb: (v as number) / 1e9 }));
    return {
      height: 140,
      marginLeft: 20,
      x: { label: "GB", grid: true },
      y: { axis: null },
      color: {
        legend: true,
        label: t.memParts,
        ...categoryScale(
          rows.map((r) => r.id),
          (id) => t[id as keyof typeof t] ?? id,
        ),
      },
      marks: [
        Plot.barX(rows, Plot.stackX({ x: "gb", y: "bar", fill: "part", tip: true })),
        Plot.ruleX([capacity / 1e9], { stroke: categoryColor("capacity"), strokeWidth: 2 }),
        Plot.text([capacity / 1e9], { x: (d: number) => d, text: () => t.capacity, dy: -50, fill: categoryColor("capacity") }),
      ],
    };
  }, [r, capacity, t]);
  const stepChart = useMemo<Plot.PlotOptions>(() => {
    const b = r.breakdownSeconds;
    const rows = (["compute", "exposedCommunication", "pipelineBubble", "other"] as const).map((k) => ({ part: t[k], seconds: b[k] }));
    return { height: 180, marginLeft: 170, x: { label: "s", grid: true }, marks: [Plot.barX(rows, { x: "seconds", y: "part", fill: "#c8782a", tip: true }), Plot.ruleX([0])] };
  }, [r, t]);
  const topChart = useMemo<Plot.PlotOptions>(
    () => ({
      height: 260,
      grid: true,
      x: { label: `${t.memoryPerChip} (GB)` },
      y: { label: `${t.stepTime} (s)` },
      marks: [
        Plot.dot(
          view.top.map((p) => ({ ...p, gb: p.memoryPerChipBytes / 1e9 })),
          {
            x: "gb",
            y: "stepTimeSeconds",
            fill: (d: { label: string }) => categoryColor(d.label === f.plan ? "chosen" : "others"),
            r: 4,
            tip: true,
            title: "label",
          },
        ),
        Plot.ruleX([capacity / 1e9], { stroke: categoryColor("capacity"), strokeDasharray: "4,3" }),
      ],
    }),
    [view.top, capacity, t, f.plan],
  );
  return (
    <section aria-labelledby="training-heading">
      <h2 id="training-heading">{t.training}</h2>
      <p data-testid="plan">
        {t.plan}: <code>{f.plan}</code>
        {view.searched ? (
          <span className="muted" data-testid="searched">
            {" "}
            — {formatNumber(view.searched.considered)} {t.considered}, {formatNumber(view.searched.evaluated)} {t.evaluated}
          </span>
        ) : null}
        {ms !== undefined ? (
          <span className="muted" data-testid="replan-ms">
            {" "}
            — {t.replan} {ms.toFixed(1)} ms
          </span>
        ) : null}
      </p>
      {r.software ? (
        <p className="muted" data-testid="software">
          {w.assumedSoftware}: <code>{r.software}</code>
          {r.expertAllToAllOverlap !== undefined
            ? `; ${w.expertAllToAll}: ${r.expertAllToAllOverlap ? w.a2aOverlapped : w.a2aExposed}, ${w.dispatcherChoices[r.expertDispatcher ?? "deduplicated"]}`
            : ""}
          {`; ${w.attentionKernelIs}: ${r.attentionKernel}${r.fp8Attention ? ` (${w.runFlags.fp8Attention})` : ""}`}
          {r.fullIterationCudaGraph ? `; ${w.runFlags.fullGraph}` : ""}
          {r.pipelineSplitCountsEmbeddingAndLoss ? `; ${w.runFlags.splitEmbeddingLoss}` : ""}
          {r.selectiveRecompute === "alternate-matmuls" ? `; ${w.alternateMatmulRecompute}` : ""}
          {r.selectiveRecompute === "attention-core" ? `; ${w.attentionCoreRecompute}` : ""}
          {r.parallelism.recomputeModules ? `; ${w.recomputedModules}: ${r.parallelism.recomputeModules.join(", ")}` : ""}
        </p>
      ) : null}
      {r.idle ? (
        <p className="warning" data-testid="idle-chips">
          {idleText(r, t)}
        </p>
      ) : null}
      {r.userSuppliedChip ? (
        <p className="muted" data-testid="user-chip-note">
          {r.userSuppliedChip}
        </p>
      ) : null}
      <dl className="cards">
        <Metric id="fits" label={t.fits} value={r.fits ? t.yes : `${t.no}${r.reason ? `: ${r.reason}` : ""}`} bad={!r.fits} />
        <Metric id="totalParameters" label={t.totalParameters} value={f.totalParameters} />
        <Metric id="activeParameters" label={t.activeParameters} value={f.activeParameters} />
        <Metric id="stepTime" label={t.stepTime} value={f.stepTime} />
        <Metric id="mfu" label={t.mfu} value={f.mfu} />
        <Metric id="tokensPerSecond" label={t.tokensPerSecond} value={f.tokensPerSecond} />
        <Metric id="tokensPerSecondPerChip" label={t.tokensPerSecondPerChip} value={f.tokensPerSecondPerChip} />
        <Metric id="wallClock" label={`${t.wallClock} (${t.days})`} value={f.wallClock} />
        <Metric id="chipHours" label={t.chipHours} value={f.chipHours} />
        <Metric id="energy" label={t.energy} value={f.energy} />
        <Metric id="facilityPower" label={t.facilityPower} value={f.facilityPower} />
        <Metric id="cost" label={t.cost} value={f.cost} />
        <Metric id="memoryPerChip" label={t.memoryPerChip} value={f.memoryPerChip} />
        {f.hostMemory !== undefined ? <Metric id="hostMemory" label={t.hostMemory} value={f.hostMemory} /> : null}
      </dl>
      {view.uncapped ? <PowerCap r={r} u={view.uncapped} t={t} /> : null}
      <Chart label={t.memoryBreakdown} options={memoryChart} testId="chart-memory" />
      <Chart label={t.stepBreakdown} options={stepChart} testId="chart-step" />
      {view.top.length > 1 ? (
        <Chart
          label={t.topPlans}
          options={topChart}
          testId="chart-top"
          legend={[
            { id: "chosen", label: t.lgChosenPlan, color: categoryColor("chosen"), shape: "dot" },
            { id: "others", label: t.lgOtherPlans, color: categoryColor("others"), shape: "dot" },
            { id: "capacity", label: t.capacity, color: categoryColor("capacity"), shape: "dash" },
          ]}
        />
      ) : null}
      <Exports name="training" data={view} t={t} />
    </section>
  );
}
