import { chipById } from "../../../catalog/hardware.ts";
import { formatNumber, formatSi, formatUsd } from "../../../units/format.ts";
import { Exports, Metric, Sourced } from "../common.tsx";
import type { TrainView } from "../engine.ts";
import type { Messages } from "../i18n.ts";

export function moneyFigures(r: TrainView["result"]) {
  return {
    facilityPower: `${formatNumber(r.facilityMegawatts)} MW`,
    energy: `${formatNumber(r.energyMegawattHours)} MWh`,
    chipHours: formatSi(r.chipHours),
    cost: r.costUsd === undefined ? "n/a" : formatUsd(r.costUsd),
  };
}

export function Money({ view, tco, t }: { view: TrainView; tco?: Record<string, unknown>; t: Messages }) {
  const r = view.result;
  const f = moneyFigures(r);
  const chip = chipById.get(r.chip);
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t.money}</h2>
      {tco ? (
        <pre data-testid="tco">{JSON.stringify(tco, null, 2)}</pre>
      ) : (
        <p className="hook" data-testid="hook-tco">{t.pendingTco}</p>
      )}
      <dl className="cards">
        <Metric id="money-facilityPower" label={t.facilityPower} value={f.facilityPower} />
        <Metric id="money-energy" label={t.energy} value={f.energy} />
        <Metric id="money-chipHours" label={t.chipHours} value={f.chipHours} />
        <Metric id="money-cost" label={t.cost} value={f.cost} />
      </dl>
      {chip?.rentalUsdPerChipHour ? (
        <p>
          {t.pricePerChipHour}: <Sourced text={`$${chip.rentalUsdPerChipHour}`} sources={chip.sources} field="rentalUsdPerChipHour" /> · {t.power}:{" "}
          <Sourced text={`${chip.tdpWatts} W`} sources={chip.sources} field="tdpWatts" />
        </p>
      ) : null}
      <Exports name="money" data={{ ...f, facilityMegawatts: r.facilityMegawatts, energyMegawattHours: r.energyMegawattHours, chipHours: r.chipHours, costUsd: r.costUsd, tco }} t={t} />
    </section>
  );
}
