import { type DragEvent, useState } from "react";
import { chipById, chips } from "../../catalog/hardware.ts";
import { catalogModels, modelById } from "../../catalog/models.ts";
import { formatBytes, formatSi } from "../../units/format.ts";
import { Sourced } from "./common.tsx";
import type { Messages } from "./i18n.ts";
import type { State } from "./state.ts";

type Set = (patch: Partial<State>) => void;

function NumberField({ id, label, value, set, optional }: { id: keyof State; label: string; value: number | undefined; set: Set; optional?: boolean }) {
  return (
    <label>
      {label}
      <input
        name={id}
        data-testid={`input-${id}`}
        type="number"
        min={1}
        inputMode="numeric"
        value={value ?? ""}
        placeholder={optional ? "auto" : undefined}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (e.target.value === "" && optional) set({ [id]: undefined });
          else if (Number.isFinite(n) && n > 0) set({ [id]: n });
        }}
      />
    </label>
  );
}

export function Inputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string>();
  const readConfig = async (file: File | undefined) => {
    if (!file) return;
    try {
      const config = JSON.parse(await file.text());
      if (!config || typeof config !== "object" || Array.isArray(config)) throw new Error("not a JSON object");
      setDropError(undefined);
      set({ config: { _name_or_path: file.name.replace(/\.json$/i, ""), ...config } });
    } catch (error) {
      setDropError((error as Error).message);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void readConfig(e.dataTransfer.files[0]);
  };
  const chip = chipById.get(s.chip);
  const model = modelById.get(s.model);
  return (
    <form className="inputs" aria-label={t.inputs} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.model}
        <select name="model" data-testid="input-model" value={s.config ? "" : s.model} onChange={(e) => set({ model: e.target.value, config: undefined })}>
          {s.config ? <option value="">{t.customModel}</option> : null}
          {catalogModels.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {model && !s.config ? (
        <span className="muted">
          <Sourced text={`${t.sources}: ${model.name}`} sources={model.sources} field="config" />
        </span>
      ) : null}
      <div className={`drop${over ? " over" : ""}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop} data-testid="drop">
        <label>
          {t.dropConfig}
          <input type="file" accept=".json,application/json" data-testid="input-config" onChange={(e) => void readConfig(e.target.files?.[0])} />
        </label>
        {s.config ? (
          <button type="button" onClick={() => set({ config: undefined })}>
            {t.clearConfig}
          </button>
        ) : null}
        {dropError ? <p className="bad" role="alert">{dropError}</p> : null}
      </div>
      <label>
        {t.chip}
        <select name="chip" data-testid="input-chip" value={s.chip} onChange={(e) => set({ chip: e.target.value })}>
          {chips.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {chip ? (
        <ul className="muted" data-testid="chip-figures">
          <li>{t.memory}: <Sourced text={formatBytes(chip.memoryBytes)} sources={chip.sources} field="memoryBytes" /></li>
          <li>{t.bandwidth}: <Sourced text={formatSi(chip.memoryBytesPerSecond, "B/s")} sources={chip.sources} field="memoryBytesPerSecond" /></li>
          <li>{t.peak} ({s.precision}): <Sourced text={formatSi(chip.denseFlopsPerSecond[s.precision as "bf16"] ?? Number.NaN, "FLOP/s")} sources={chip.sources} field={`denseFlopsPerSecond.${s.precision}`} /></li>
          <li>{t.power}: <Sourced text={`${chip.tdpWatts} W`} sources={chip.sources} field="tdpWatts" /></li>
        </ul>
      ) : null}
      <NumberField id="count" label={t.count} value={s.count} set={set} />
      <label>
        {t.precision}
        <select name="precision" data-testid="input-precision" value={s.precision} onChange={(e) => set({ precision: e.target.value })}>
          {["bf16", "fp16", "fp8", "fp4"].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.tokens}
        <input name="tokens" data-testid="input-tokens" value={s.tokens} onChange={(e) => set({ tokens: e.target.value })} />
      </label>
      <NumberField id="seq" label={t.sequenceLength} value={s.seq} set={set} />
      <NumberField id="batch" label={t.globalBatchTokens} value={s.batch} set={set} />
      <label>
        <span>
          <input type="checkbox" data-testid="input-search" checked={s.search} onChange={(e) => set({ search: e.target.checked })} /> {t.fullSearch}
        </span>
      </label>
      <fieldset>
        <legend>{t.fixedPlan}</legend>
        {(["tp", "pp", "dp", "cp"] as const).map((k) => (
          <NumberField key={k} id={k} label={k.toUpperCase()} value={s[k]} set={set} optional />
        ))}
      </fieldset>
    </form>
  );
}
