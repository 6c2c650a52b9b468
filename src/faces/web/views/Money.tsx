import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { chipById } from "../../../planners/catalog.ts";
import type { TcoOutput } from "../../../planners/tco.ts";
import { formatMoney, formatNumber, formatPercent, formatSi, formatUsd } from "../../../units/format.ts";
import { categoryColor, categoryScale } from "../colors.ts";
import { Chart, Exports, Metric, Sourced } from "../common.tsx";
import type { TrainView } from "../engine.ts";
import type { Messages } from "../i18n.ts";

export function moneyFigures(r: TrainView["result"], lang: "en" | "zh" = "en") {
  return {
    facilityPower: `${formatNumber(r.facilityMegawatts)} MW`,
    energy: `${formatNumber(r.energyMegawattHours)} MWh`,
    chipHours: formatSi(r.chipHours),
    cost: r.costUsd === undefined ? "n/a" : formatMoney(r.costUsd, lang),
  };
}

const MONTH_HOURS = 8766 / 12;

/**
 * Cumulative cost of the cluster by month: owned = upfront capex + running (power at the utilization,
 * operations) per month; rented = all-in $/chip-hour × busy hours. The same terms as planTco's break-even months.
 */
export function buildVsRent(tco: TcoOutput) {
  const c = tco.perChip;
  const months = tco.years * 12;
  const runningPerMonth = (c.ownedPerChipUsd.power + c.ownedPerChipUsd.operations) / months;
  const busyPerMonth = tco.utilization * MONTH_HOURS;
  const horizon = Math.ceil(Math.max(months, Math.min(2 * months, (c.breakEvenMonthsOnDemand ?? 0) * 1.2, (c.breakEvenMonthsCommitted ?? 0) * 1.2)));
  const rows: Array<{ month: number; series: string; usd: number }> = [];
  for (let m = 0; m <= horizon; m++) {
    rows.push({ month: m, series: "owned", usd: tco.count * (c.upfrontPerChipUsd + runningPerMonth * m) });
    if (c.rentedOnDemandAllInUsdPerChipHour !== undefined)
      rows.push({ month: m, series: "rentedOnDemand", usd: tco.count * c.rentedOnDemandAllInUsdPerChipHour * busyPerMonth * m });
    if (c.rentedCommittedAllInUsdPerChipHour !== undefined)
      rows.push({ month: m, series: "rentedCommitted", usd: tco.count * c.rentedCommittedAllInUsdPerChipHour * busyPerMonth * m });
  }
  const breakEvens = (
    [
      ["rentedOnDemand", c.breakEvenMonthsOnDemand],
      ["rentedCommitted", c.breakEvenMonthsCommitted],
    ] as const
  )
    .filter(([, m]) => m !== undefined && Number.isFinite(m) && m <= horizon)
    .map(([series, m]) => ({ series, month: m as number, usd: tco.count * (c.upfrontPerChipUsd + runningPerMonth * (m as number)) }));
  return { rows, breakEvens, horizon };
}

export function tcoFigures(tco: TcoOutput) {
  const c = tco.perChip;
  return {
    ownedPerChipHour: formatUsd(c.ownedUsdPerChipHour),
    rentedPerChipHour: c.rentedOnDemandUsdPerChipHour === undefined ? "n/a" : formatUsd(c.rentedOnDemandUsdPerChipHour),
    breakEvenUtilization: c.breakEvenUtilizationOnDemand === undefined ? "n/a" : formatPercent(c.breakEvenUtilizationOnDemand),
    breakEvenMonths: c.breakEvenMonthsOnDemand === undefined ? "n/a" : formatNumber(c.breakEvenMonthsOnDemand),
    acceleratorShare: formatPercent(c.acceleratorShare),
  };
}

export function Money({ view, tco, tcoIssue, t, lang = "en" }: { view: TrainView; tco?: TcoOutput; tcoIssue?: string; t: Messages; lang?: "en" | "zh" }) {
  const r = view.result;
  const f = moneyFigures(r, lang);
  const chip = chipById.get(r.chip);
  const chart = useMemo<Plot.PlotOptions | undefined>(() => {
    if (!tco) return undefined;
    const { rows, breakEvens } = buildVsRent(tco);
    const name = (k: string) => t[k as "owned"];
    const data = rows.map((x) => ({ ...x, label: name(x.series) }));
    return {
      height: 300,
      grid: true,
      marginLeft: 60,
      x: { label: `${t.months} →` },
      y: { label: `↑ ${t.usd}`, tickFormat: (v: number) => formatSi(v) },
      // One colour per category in every language and whichever series exist: owned, on-demand, committed.
      color: { legend: true, ...categoryScale(["owned", "rentedOnDemand", "rentedCommitted"], name) },
      marks: [
        Plot.line(data, {
          x: "month",
          y: "usd",
          stroke: "label",
          strokeWidth: 2,
          tip: true,
          title: (d: (typeof data)[number]) => `${d.label}, ${d.month} ${t.months}: ${formatUsd(d.usd)}`,
        }),
        Plot.ruleX(breakEvens, { x: "month", stroke: categoryColor("breakEven"), strokeDasharray: "4,3" }),
        Plot.dot(breakEvens, { x: "month", y: "usd", r: 5, fill: categoryColor("breakEven") }),
        ...breakEvens.map((b, i) =>
          Plot.text([b], {
            x: "month",
            frameAnchor: "top",
            text: (d: { series: string; month: number }) => `${t.breakEven} (${name(d.series)}): ${formatNumber(d.month)} ${t.months}`,
            dy: 4 + 16 * i,
            dx: -4,
            textAnchor: "end",
            fill: categoryColor("breakEven"),
            stroke: "#fafaf7",
            strokeWidth: 3,
            paintOrder: "stroke",
          }),
        ),
      ],
    };
  }, [tco, t]);
  const tf = tco ? tcoFigures(tco) : undefined;
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t.money}</h2>
      <dl className="cards">
        <Metric id="money-facilityPower" label={t.facilityPower} value={f.facilityPower} />
        <Metric id="money-energy" label={t.energy} value={f.energy} />
        <Metric id="money-chipHours" label={t.chipHours} value={f.chipHours} />
        <Metric id="money-cost" label={t.cost} value={f.cost} />
        {tco && tf ? (
          <>
            <Metric id="tco-owned" label={t.ownedPerChipHour} value={tf.ownedPerChipHour} />
            <Metric id="tco-rented" label={t.rentedPerChipHour} value={tf.rentedPerChipHour} />
            <Metric id="tco-breakEvenUtilization" label={t.breakEvenUtilization} value={tf.breakEvenUtilization} />
            <Metric id="tco-breakEvenMonths" label={t.breakEvenMonths} value={tf.breakEvenMonths} />
            <Metric id="tco-acceleratorShare" label={t.acceleratorShare} value={tf.acceleratorShare} />
            {tco.trainRun ? <Metric id="tco-trainOwned" label={t.trainOwned} value={formatMoney(tco.trainRun.ownedUsd, lang)} /> : null}
            {tco.trainRun?.rentedOnDemandUsd !== undefined ? <Metric id="tco-trainRented" label={t.trainRented} value={formatMoney(tco.trainRun.rentedOnDemandUsd, lang)} /> : null}
          </>
        ) : null}
      </dl>
      {chart ? (
        <Chart
          label={t.buildVsRent}
          options={chart}
          testId="chart-tco"
          legend={tco && buildVsRent(tco).breakEvens.length ? [{ id: "breakEven", label: t.breakEven, color: categoryColor("breakEven"), shape: "dot" }] : undefined}
        />
      ) : tcoIssue ? (
        <p className="hook" data-testid="tco-issue">
          {tcoIssue}
        </p>
      ) : (
        <p aria-busy="true">…</p>
      )}
      {chip?.rentalUsdPerChipHour ? (
        <p>
          {t.pricePerChipHour}: <Sourced text={`$${chip.rentalUsdPerChipHour}`} sources={chip.sources} field="rentalUsdPerChipHour" /> · {t.power}:{" "}
          <Sourced text={`${chip.tdpWatts} W`} sources={chip.sources} field="tdpWatts" />
        </p>
      ) : null}
      {tco ? (
        <details>
          <summary>{t.assumptions}</summary>
          <ul className="muted" data-testid="tco-assumptions">
            {tco.assumptions.map((a) => (
              <li key={a.name}>
                {a.name}: {typeof a.value === "number" ? formatNumber(a.value) : a.value}
                {a.source ? (
                  <>
                    {" "}
                    —{" "}
                    {/^https?:/.test(a.source.ref) ? (
                      <a href={a.source.ref} target="_blank" rel="noreferrer">
                        {a.source.title}
                      </a>
                    ) : (
                      <abbr title={a.source.ref}>{a.source.title}</abbr>
                    )}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Exports
        caption={t.money}
        name="money"
        data={{
          ...f,
          facilityMegawatts: r.facilityMegawatts,
          energyMegawattHours: r.energyMegawattHours,
          chipHours: r.chipHours,
          costUsd: r.costUsd,
          perChip: tco?.perChip,
          cluster: tco?.cluster,
          trainRun: tco?.trainRun,
        }}
        t={t}
      />
      {tco ? <Exports caption={t.buildVsRent} name="build-vs-rent" data={buildVsRent(tco).rows} t={t} /> : null}
    </section>
  );
}
