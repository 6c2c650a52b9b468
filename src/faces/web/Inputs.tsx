import { type DragEvent, useState } from "react";
import { catalogModels, chipById, chips, DEFAULT_TRAINING_STACK, expertDispatchers, modelById, trainingStacks } from "../../planners/catalog.ts";
import { planModel, parseJsonText } from "../../planners/model.ts";
import { formatBytes, formatSi } from "../../units/format.ts";
import { Sourced } from "./common.tsx";
import type { Messages } from "./i18n.ts";
import { MoneyInputs } from "./MoneyInputs.tsx";
import { quantityInput, type RunFlag, runFlagOptions, type State } from "./state.ts";
import { words } from "./words.ts";

type Set = (patch: Partial<State>) => void;

export function NumberField({
  id,
  label,
  value,
  set,
  optional,
  step,
  placeholder,
}: {
  id: keyof State;
  label: string;
  value: number | undefined;
  set: Set;
  optional?: boolean;
  step?: number;
  placeholder?: string;
}) {
  return (
    <label>
      {label}
      <input
        name={id}
        data-testid={`input-${id}`}
        type="number"
        min={step ? step : 1}
        step={step}
        inputMode={step ? "decimal" : "numeric"}
        value={value ?? ""}
        placeholder={optional ? (placeholder ?? "auto") : undefined}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (e.target.value === "" && optional) set({ [id]: undefined });
          else if (Number.isFinite(n) && n > 0) set({ [id]: n });
        }}
      />
    </label>
  );
}

/** A count typed with a prefix (`16Mi`, `4M`, `8k`); the field keeps the text while it does not parse yet. */
function QuantityField({ id, label, value, set, hint }: { id: keyof State; label: string; value: number; set: Set; hint: string }) {
  const [text, setText] = useState(String(value));
  const shown = quantityInput(text) === value ? text : String(value);
  return (
    <label>
      {label}
      <input
        name={id}
        data-testid={`input-${id}`}
        inputMode="text"
        value={shown}
        placeholder={hint}
        onChange={(e) => {
          setText(e.target.value);
          const n = quantityInput(e.target.value);
          if (n !== undefined && Number.isInteger(n)) set({ [id]: n });
        }}
      />
    </label>
  );
}

/** EP, ZeRO stage, micro-batch, virtual stages and recompute: fixed when set, searched when blank. */
function PlanFields({ s, set }: { s: State; set: Set }) {
  const w = words[s.lang];
  return (
    <fieldset data-testid="plan-fields">
      <legend>{w.planFields}</legend>
      <NumberField id="ep" label="EP" value={s.ep} set={set} optional placeholder={w.searched} />
      <label>
        ZeRO
        <select name="zero" data-testid="input-zero" value={s.zero ?? ""} onChange={(e) => set({ zero: e.target.value === "" ? undefined : Number(e.target.value) })}>
          <option value="">{w.searched}</option>
          {[0, 1, 2, 3].map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <NumberField id="mbs" label="micro-batch" value={s.mbs} set={set} optional placeholder={w.searched} />
      <NumberField id="vp" label="virtual stages" value={s.vp} set={set} optional placeholder={w.searched} />
      <label>
        {w.recompute}
        <select name="recompute" data-testid="input-recompute" value={s.recompute ?? ""} onChange={(e) => set({ recompute: e.target.value || undefined })}>
          <option value="">{w.searched}</option>
          {["none", "selective", "full"].map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {w.offload}
        <select name="offload" data-testid="input-offload" value={s.offload ?? ""} onChange={(e) => set({ offload: e.target.value || undefined })}>
          <option value="">{w.searched}</option>
          {(["none", "activations", "optimizer", "both"] as const).map((o) => (
            <option key={o} value={o}>
              {w.offloadChoices[o]}
            </option>
          ))}
        </select>
      </label>
      {(
        [
          ["offloadModules", w.offloadModules, "expert_fc1,moe_act"],
          ["recomputeModules", w.recomputeModules, "layernorm,moe_act"],
        ] as const
      ).map(([key, label, placeholder]) => (
        // Megatron-Core module lists, comma-separated: --offload-modules and --recompute-modules.
        <label key={key}>
          {label}
          <input name={key} data-testid={`input-${key}`} placeholder={placeholder} value={s[key] ?? ""} onChange={(e) => set({ [key]: e.target.value || undefined })} />
        </label>
      ))}
      <label>
        {w.software}
        <select
          name="software"
          data-testid="input-software"
          value={s.software ?? DEFAULT_TRAINING_STACK}
          onChange={(e) => set({ software: e.target.value === DEFAULT_TRAINING_STACK ? undefined : e.target.value })}
        >
          {trainingStacks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {w.dispatcher}
        <select name="dispatcher" data-testid="input-dispatcher" value={s.dispatcher ?? ""} onChange={(e) => set({ dispatcher: e.target.value || undefined })}>
          <option value="">{w.stackDefault}</option>
          {expertDispatchers.map((d) => (
            <option key={d} value={d}>
              {w.dispatcherChoices[d]}
            </option>
          ))}
        </select>
      </label>
      {(Object.keys(runFlagOptions) as RunFlag[]).map((key) => (
        <label key={key}>
          <input type="checkbox" name={key} data-testid={`input-${key}`} checked={s[key] === true} onChange={(e) => set({ [key]: e.target.checked ? true : undefined })} />{" "}
          {w.runFlags[key]}
        </label>
      ))}
    </fieldset>
  );
}

export function Select({ id, label, value, options, set }: { id: keyof State; label: string; value: string; options: Array<[string, string]>; set: Set }) {
  return (
    <label>
      {label}
      <select name={id} data-testid={`input-${id}`} value={value} onChange={(e) => set({ [id]: e.target.value })}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const weightFormats = ["fp16", "bf16", "fp8", "int8", "int4", "fp4"];
const kvFormats = ["fp16", "bf16", "fp8", "int8", "fp4"];

/** The inference view's own inputs: model, chip, count, weights/KV formats, traffic. */
export function InferInputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  const chip = chipById.get(s.inferChip);
  const byRate = s.rps !== undefined;
  return (
    <form className="inputs" aria-label={t.inputs} onSubmit={(e) => e.preventDefault()} data-testid="infer-inputs">
      <Select id="inferModel" label={t.model} value={s.inferModel} options={catalogModels.map((m) => [m.id, m.name])} set={set} />
      {s.config ? (
        <p className="muted">
          {t.customModel}: <code>{String(s.config._name_or_path ?? "config.json")}</code>{" "}
          <button type="button" onClick={() => set({ config: undefined })}>
            {t.clearConfig}
          </button>
        </p>
      ) : null}
      {s.config ? <ModelCard config={s.config} t={t} /> : null}
      <Select id="inferChip" label={t.chip} value={s.inferChip} options={chips.map((c) => [c.id, c.name])} set={set} />
      <ChipEditor s={s} set={set} t={t} base={s.inferChip} />
      {chip ? (
        <ul className="muted">
          <li>
            {t.memory}: <Sourced text={formatBytes(chip.memoryBytes)} sources={chip.sources} field="memoryBytes" />
          </li>
          <li>
            {t.bandwidth}: <Sourced text={formatSi(chip.memoryBytesPerSecond, "B/s")} sources={chip.sources} field="memoryBytesPerSecond" />
          </li>
          <li>
            {t.price}: {chip.rentalUsdPerChipHour ? <Sourced text={`$${chip.rentalUsdPerChipHour}/h`} sources={chip.sources} field="rentalUsdPerChipHour" /> : "–"}
          </li>
        </ul>
      ) : null}
      <NumberField id="inferCount" label={t.count} value={s.inferCount} set={set} />
      <Select id="weights" label={t.weightsFormat} value={s.weights} options={weightFormats.map((f) => [f, f])} set={set} />
      <Select id="kv" label={t.kvFormat} value={s.kv} options={kvFormats.map((f) => [f, f])} set={set} />
      <NumberField id="inputTokens" label={t.inputTokens} value={s.inputTokens} set={set} />
      <NumberField id="outputTokens" label={t.outputTokens} value={s.outputTokens} set={set} />
      <fieldset>
        <legend>{t.rateMode}</legend>
        <label>
          <span>
            <input type="radio" name="rate-mode" data-testid="mode-concurrency" checked={!byRate} onChange={() => set({ rps: undefined })} /> {t.byConcurrency}
          </span>
        </label>
        <label>
          <span>
            <input type="radio" name="rate-mode" data-testid="mode-rps" checked={byRate} onChange={() => set({ rps: 1 })} /> {t.byRate}
          </span>
        </label>
        {byRate ? (
          <NumberField id="rps" label={t.requestsPerSecond} value={s.rps} set={set} step={0.1} />
        ) : (
          <>
            <label>
              {t.concurrency}
              <input
                name="concurrency"
                data-testid="input-concurrency"
                type="number"
                min={1}
                inputMode="numeric"
                disabled={s.concurrency === "max"}
                value={s.concurrency === "max" ? "" : s.concurrency}
                onChange={(e) => {
                  const n = e.target.valueAsNumber;
                  if (Number.isInteger(n) && n > 0) set({ concurrency: n });
                }}
              />
            </label>
            <label>
              <span>
                <input
                  type="checkbox"
                  data-testid="input-concurrency-max"
                  checked={s.concurrency === "max"}
                  onChange={(e) => set({ concurrency: e.target.checked ? "max" : 64 })}
                />{" "}
                {t.concurrencyMax}
              </span>
            </label>
          </>
        )}
      </fieldset>
    </form>
  );
}

/** Compare view, serving mode: the SLO solver's inputs (shared with the inference view's SLO panel). */
export function ServeInputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  return (
    <form className="inputs" aria-label={t.serveInputs} onSubmit={(e) => e.preventDefault()} data-testid="serve-inputs">
      <Select id="inferModel" label={t.model} value={s.inferModel} options={catalogModels.map((m) => [m.id, m.name])} set={set} />
      <NumberField id="sloIn" label={t.inputTokens} value={s.sloIn} set={set} />
      <NumberField id="sloOut" label={t.outputTokens} value={s.sloOut} set={set} />
      <NumberField id="sloTtftMs" label={t.ttftTarget} value={s.sloTtftMs} set={set} />
      <NumberField id="sloTpotMs" label={t.tpotTarget} value={s.sloTpotMs} set={set} />
      <NumberField id="sloRps" label={t.sloRps} value={s.sloRps} set={set} step={0.1} />
    </form>
  );
}

/** What a dropped config.json is (the `danlu model` summary): parameters, layers, KV/SSM bytes, weights. */
export function ModelCard({ config, t }: { config: Record<string, unknown>; t: Messages }) {
  let summary: ReturnType<typeof planModel>;
  try {
    summary = planModel({ model: config });
  } catch (error) {
    return (
      <p className="bad" role="alert" data-testid="model-card-error">
        {(error as Error).message}
      </p>
    );
  }
  const l = summary.layers;
  const layers = [
    `${l.count}`,
    l.windowedAttention ? `${l.fullAttention} full + ${l.windowedAttention} windowed attention` : `${l.fullAttention} attention`,
    l.stateSpace ? `${l.stateSpace} Mamba` : "",
    l.moe ? `${l.moe} MoE` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <dl className="muted model-card" data-testid="model-card" aria-label={t.modelSummary}>
      <dt>{t.modelSummary}</dt>
      <dd>
        {summary.model} ({summary.family})
      </dd>
      <dt>{t.totalParameters}</dt>
      <dd data-testid="model-card-total">{formatSi(summary.totalParameters)}</dd>
      <dt>{t.activeParameters}</dt>
      <dd data-testid="model-card-active">{formatSi(summary.activeParameters)}</dd>
      <dt>{t.layerPattern}</dt>
      <dd>{layers}</dd>
      <dt>{t.kvPerTokenBf16}</dt>
      <dd>{formatBytes(summary.kvCache.bytesPerTokenByFormat.bf16)}</dd>
      {summary.kvCache.stateBytesPerSequence > 0 ? (
        <>
          <dt>{t.ssmStatePerSequence}</dt>
          <dd>{formatBytes(summary.kvCache.stateBytesPerSequence)}</dd>
        </>
      ) : null}
      <dt>{t.weightsBf16}</dt>
      <dd>{formatBytes(summary.weightsBytesByFormat.bf16)}</dd>
      {summary.nativeWeights ? (
        <>
          <dt>{t.nativeWeights}</dt>
          <dd>
            {formatBytes(summary.nativeWeights.bytes)} ({summary.nativeWeights.description})
          </dd>
        </>
      ) : null}
      {summary.vision ? (
        <>
          <dt>{t.visionTower}</dt>
          <dd>
            {formatSi(summary.vision.parameters)} ({summary.vision.modelType})
          </dd>
        </>
      ) : null}
      <dt>{t.trainingState}</dt>
      <dd>{formatBytes(summary.training.stateBytes)}</dd>
    </dl>
  );
}

/** The custom-chip editor: a chip object (or base + overrides) that replaces the catalog chip in training and serving. */
export function ChipEditor({ s, set, t, base }: { s: State; set: Set; t: Messages; base: string }) {
  const initial = s.customChip
    ? JSON.stringify(s.customChip, null, 2)
    : JSON.stringify({ base, name: `${base} (what-if)`, memoryBytesPerSecond: chipById.get(base)?.memoryBytesPerSecond }, null, 2);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const apply = () => {
    try {
      const chip = parseJsonText(text, t.customChip);
      if (!chip || typeof chip !== "object" || Array.isArray(chip)) throw new Error("not a JSON object");
      setError(undefined);
      set({ customChip: chip as Record<string, unknown> });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <details className="chip-editor" data-testid="chip-editor" open={s.customChip !== undefined}>
      <summary>{t.customChip}</summary>
      <p className="muted">{t.customChipHelp}</p>
      <textarea name="customChip" data-testid="input-custom-chip" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" data-testid="apply-custom-chip" onClick={apply}>
        {t.applyChip}
      </button>
      {s.customChip ? (
        <button type="button" onClick={() => set({ customChip: undefined })}>
          {t.clearChip}
        </button>
      ) : null}
      {error ? (
        <p className="bad" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}

/** The inputs the current view needs (each form its own component, so switching keeps hooks in order). */
export function Inputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  // The backtest runs published cases, not the user's run: no training form beside it.
  if (s.view === "backtest") return null;
  if (s.view === "inference") return <InferInputs s={s} set={set} t={t} />;
  if (s.view === "compare" && s.compareMode === "serve") return <ServeInputs s={s} set={set} t={t} />;
  return <TrainInputs s={s} set={set} t={t} />;
}

/** The training run's inputs (training, money, compare-for-training, forecast). */
export function TrainInputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string>();
  const readConfig = async (file: File | undefined) => {
    if (!file) return;
    try {
      // Python's json writes NaN/Infinity (Nemotron-H); a malformed file names its line.
      const config = parseJsonText(await file.text(), file.name) as Record<string, unknown>;
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
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file input inside it is the keyboard path. */}
      <div
        className={`drop${over ? " over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop"
      >
        <label>
          {t.dropConfig}
          <input type="file" accept=".json,application/json" data-testid="input-config" onChange={(e) => void readConfig(e.target.files?.[0])} />
        </label>
        {s.config ? (
          <button type="button" onClick={() => set({ config: undefined })}>
            {t.clearConfig}
          </button>
        ) : null}
        {dropError ? (
          <p className="bad" role="alert">
            {dropError}
          </p>
        ) : null}
      </div>
      {s.config ? <ModelCard config={s.config} t={t} /> : null}
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
      <ChipEditor s={s} set={set} t={t} base={s.chip} />
      {chip ? (
        <ul className="muted" data-testid="chip-figures">
          <li>
            {t.memory}: <Sourced text={formatBytes(chip.memoryBytes)} sources={chip.sources} field="memoryBytes" />
          </li>
          <li>
            {t.bandwidth}: <Sourced text={formatSi(chip.memoryBytesPerSecond, "B/s")} sources={chip.sources} field="memoryBytesPerSecond" />
          </li>
          <li>
            {t.peak} ({s.precision}):{" "}
            <Sourced text={formatSi(chip.denseFlopsPerSecond[s.precision as "bf16"] ?? Number.NaN, "FLOP/s")} sources={chip.sources} field={`denseFlopsPerSecond.${s.precision}`} />
          </li>
          <li>
            {t.power}: <Sourced text={`${chip.tdpWatts} W`} sources={chip.sources} field="tdpWatts" />
          </li>
        </ul>
      ) : null}
      <NumberField id="count" label={t.count} value={s.count} set={set} />
      <NumberField id="powerLimit" label={t.powerLimit} value={s.powerLimit} set={set} optional placeholder={t.powerLimitHint} />
      <label>
        {t.precision}
        <select name="precision" data-testid="input-precision" value={s.precision} onChange={(e) => set({ precision: e.target.value })}>
          {["bf16", "fp16", "fp8", "fp4", "auto"].map((p) => (
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
      <QuantityField id="batch" label={t.globalBatchTokens} value={s.batch} set={set} hint={words[s.lang].batchHint} />
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
      <PlanFields s={s} set={set} />
      {s.view === "money" ? <MoneyInputs s={s} set={set} /> : null}
    </form>
  );
}
