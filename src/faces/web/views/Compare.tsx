import { chipById } from "../../../catalog/hardware.ts";
import { formatBytes, formatNumber, formatPercent, formatSi, formatUsd } from "../../../units/format.ts";
import { Exports, Sourced } from "../common.tsx";
import type { CompareRow } from "../engine.ts";
import { planLabel } from "../engine.ts";
import type { Messages } from "../i18n.ts";

export function compareFigures(row: CompareRow) {
  const r = row.result;
  return r ? { wallClock: formatNumber(r.wallClockDays), mfu: formatPercent(r.mfu), cost: r.costUsd === undefined ? "n/a" : formatUsd(r.costUsd), plan: planLabel(r.parallelism) } : undefined;
}

export function Compare({ rows, t }: { rows: CompareRow[]; t: Messages }) {
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t.compare}</h2>
      <div className="table-wrap">
        <table data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t.chip}</th>
              <th scope="col">{t.memory}</th>
              <th scope="col">{t.bandwidth}</th>
              <th scope="col">{t.peak} (bf16)</th>
              <th scope="col">{t.power}</th>
              <th scope="col">{t.price}</th>
              <th scope="col">{t.plan}</th>
              <th scope="col">{t.wallClock} ({t.days})</th>
              <th scope="col">{t.mfu}</th>
              <th scope="col">{t.cost}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = chipById.get(row.chip);
              const f = compareFigures(row);
              if (!c) return null;
              return (
                <tr key={row.chip} data-chip={row.chip}>
                  <th scope="row">{c.name}</th>
                  <td><Sourced text={formatBytes(c.memoryBytes)} sources={c.sources} field="memoryBytes" /></td>
                  <td><Sourced text={formatSi(c.memoryBytesPerSecond, "B/s")} sources={c.sources} field="memoryBytesPerSecond" /></td>
                  <td><Sourced text={c.denseFlopsPerSecond.bf16 ? formatSi(c.denseFlopsPerSecond.bf16, "FLOP/s") : "–"} sources={c.sources} field="denseFlopsPerSecond.bf16" /></td>
                  <td><Sourced text={`${c.tdpWatts} W`} sources={c.sources} field="tdpWatts" /></td>
                  <td>{c.rentalUsdPerChipHour ? <Sourced text={`$${c.rentalUsdPerChipHour}/h`} sources={c.sources} field="rentalUsdPerChipHour" /> : "–"}</td>
                  {f ? (
                    <>
                      <td><code>{f.plan}</code></td>
                      <td data-testid={`compare-days-${row.chip}`}>{f.wallClock}</td>
                      <td>{f.mfu}</td>
                      <td>{f.cost}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="bad">{row.issues?.map((i) => `${i.path}: ${i.expected}`).join("; ")}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Exports name="compare" data={rows.map((r) => ({ chip: r.chip, ...(r.result ?? {}), issues: r.issues }))} t={t} />
    </section>
  );
}
