/**
 * The web planner: inputs on the left, the chosen view on the right; the engine runs in a worker and
 * the whole state lives in the URL.
 * @module
 */
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import type { InputIssue } from "../../errors.ts";
import type { BacktestData } from "./engine.ts";
import { ask } from "./client.ts";
import { Issues } from "./common.tsx";
import type { SloAnswer } from "../../planners/slo.ts";
import type { TcoOutput } from "../../planners/tco.ts";
import type { ServeCompareRow } from "../../planners/compare.ts";
import type { CompareRow, FinetuneData, ForecastData, ScaleData, TrainView } from "./engine.ts";
import { messages } from "./i18n.ts";
import { Inputs } from "./Inputs.tsx";
import { FinetuneInputs, ScaleInputs } from "./PostInputs.tsx";
import { finetuneScenario, inferScenario, readState, scaleScenario, sloScenario, tcoScenario, type State, trainScenario, type View, views, writeState } from "./state.ts";
import { Finetune } from "./views/Finetune.tsx";
import { Scale } from "./views/Scale.tsx";
import { fill, provenanceText, words } from "./words.ts";
import { defaultTrainScenario, planProvenance } from "../../planners/defaults.ts";
import { Backtest } from "./views/Backtest.tsx";
import { Compare, CompareServe, CompareTrain } from "./views/Compare.tsx";
import { Forecast } from "./views/Forecast.tsx";
import { type InferData, Inference } from "./views/Inference.tsx";
import { Money } from "./views/Money.tsx";
import { Training } from "./views/Training.tsx";

interface Outcome<T> {
  data?: T;
  issues?: InputIssue[];
  ms?: number;
}

/** Ask the worker whenever `key` changes; keeps only the newest answer. */
function useEngine<T>(enabled: boolean, key: string, message: () => Parameters<typeof ask>[0], onDone?: () => void): Outcome<T> {
  const [outcome, setOutcome] = useState<Outcome<T>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request identity; `message` and `onDone` are fresh closures each render.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void ask<T>(message()).then((reply) => {
      if (!live) return;
      setOutcome(reply.ok ? { data: reply.result, ms: reply.ms } : { issues: reply.issues, ms: reply.ms });
      onDone?.();
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, key]);
  return outcome;
}

export function App() {
  const [s, setState] = useState<State>(() => readState(location.search));
  const [generation, setGeneration] = useState(0);
  const t = messages[s.lang];
  const set = useCallback((patch: Partial<State>) => setState((prev) => ({ ...prev, ...patch })), []);
  // Every input change is a history entry, so Back undoes it; Back itself re-reads the URL without pushing.
  const fromHistory = useRef(true);
  useEffect(() => {
    const onPop = () => {
      fromHistory.current = true;
      setState(readState(location.search));
    };
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    const url = `${location.pathname}${writeState(s)}`;
    if (fromHistory.current) history.replaceState(null, "", url);
    else if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
    fromHistory.current = false;
    document.documentElement.lang = s.lang === "zh" ? "zh-CN" : "en";
    document.title = t.title;
  }, [s, t]);

  const scenario = trainScenario(s);
  const trainKey = JSON.stringify([scenario, s.search]);
  const needsTrain = s.view === "training" || s.view === "money" || s.view === "forecast";
  const train = useEngine<TrainView>(
    needsTrain,
    trainKey,
    () => ({ kind: "train", request: { scenario, search: s.search } }),
    () => setGeneration((g) => g + 1),
  );
  const compare = useEngine<CompareRow[]>(s.view === "compare" && s.compareMode === "train", JSON.stringify([scenario, s.compare]), () => ({
    kind: "compare",
    scenario,
    chips: s.compare,
  }));
  const backtest = useEngine<BacktestData>(s.view === "backtest", "once", () => ({ kind: "backtest" }));
  const inferInput = inferScenario(s);
  const infer = useEngine<InferData>(
    s.view === "inference",
    JSON.stringify(inferInput),
    () => ({ kind: "infer", scenario: inferInput }),
    () => setGeneration((g) => g + 1),
  );
  const sloInput = sloScenario(s);
  const slo = useEngine<SloAnswer>(
    s.view === "inference",
    JSON.stringify(sloInput),
    () => ({ kind: "slo", scenario: sloInput }),
    () => setGeneration((g) => g + 1),
  );
  const serve = useEngine<ServeCompareRow[]>(
    s.view === "compare" && s.compareMode === "serve",
    JSON.stringify(sloInput),
    () => ({ kind: "compareServe", slo: sloInput }),
    () => setGeneration((g) => g + 1),
  );
  const run = train.data?.result;
  const chipHours = run?.chipHours;
  const tcoInput = tcoScenario(s, chipHours);
  const tco = useEngine<TcoOutput>(s.view === "money", JSON.stringify(tcoInput), () => ({ kind: "tco", scenario: tcoInput }));
  const baseYear = new Date().getFullYear();
  const baseline = run
    ? { description: `${run.model} on ${run.chipCount} × ${run.chip}`, costUsd: run.costUsd ?? Number.NaN, days: run.wallClockDays, megawattHours: run.energyMegawattHours }
    : undefined;
  const forecastData = useEngine<ForecastData>(s.view === "forecast", JSON.stringify([baseline, baseYear]), () => ({ kind: "forecast", baseline, baseYear }));

  const finetuneInput = finetuneScenario(s);
  const finetune = useEngine<FinetuneData>(
    s.view === "finetune",
    JSON.stringify(finetuneInput),
    () => ({ kind: "finetune", scenario: finetuneInput }),
    () => setGeneration((g) => g + 1),
  );
  const scaleInput = scaleScenario(s);
  const scale = useEngine<ScaleData>(
    s.view === "scale",
    JSON.stringify(scaleInput),
    () => ({ kind: "scale", scenario: scaleInput }),
    () => setGeneration((g) => g + 1),
  );

  const onTabKey = (e: KeyboardEvent) => {
    const i = views.indexOf(s.view);
    if (e.key === "ArrowRight") set({ view: views[(i + 1) % views.length] });
    if (e.key === "ArrowLeft") set({ view: views[(i + views.length - 1) % views.length] });
  };

  const body = (() => {
    switch (s.view) {
      case "training":
        return train.issues ? <Issues issues={train.issues} t={t} /> : train.data ? <Training view={train.data} t={t} ms={train.ms} lang={s.lang} /> : <p aria-busy="true">…</p>;
      case "money":
        return train.issues ? (
          <Issues issues={train.issues} t={t} />
        ) : train.data ? (
          <Money view={train.data} lang={s.lang} tco={tco.data} tcoIssue={tco.issues?.map((i) => `${i.path}: ${i.expected}`).join("; ")} t={t} />
        ) : (
          <p aria-busy="true">…</p>
        );
      case "compare":
        return (
          <Compare mode={s.compareMode} set={set} t={t}>
            {s.compareMode === "serve" ? (
              <CompareServe rows={serve.data} issues={serve.issues} ms={serve.ms} t={t} />
            ) : compare.issues ? (
              <Issues issues={compare.issues} t={t} />
            ) : compare.data ? (
              <CompareTrain rows={compare.data} t={t} />
            ) : (
              <p aria-busy="true">…</p>
            )}
          </Compare>
        );
      case "backtest":
        return backtest.data ? <Backtest data={backtest.data} t={t} /> : <p aria-busy="true">…</p>;
      case "inference":
        return <Inference data={infer.data} issues={infer.issues} ms={infer.ms} slo={slo} s={s} set={set} t={t} />;
      case "finetune":
        return finetune.issues ? <Issues issues={finetune.issues} t={t} /> : finetune.data ? <Finetune data={finetune.data} t={t} ms={finetune.ms} /> : <p aria-busy="true">…</p>;
      case "scale":
        return scale.issues ? <Issues issues={scale.issues} t={t} /> : scale.data ? <Scale data={scale.data} t={t} ms={scale.ms} /> : <p aria-busy="true">…</p>;
      case "forecast":
        return forecastData.issues ? (
          <Issues issues={forecastData.issues} t={t} />
        ) : forecastData.data ? (
          <Forecast data={forecastData.data} s={s} set={set} t={t} />
        ) : (
          <p aria-busy="true">…</p>
        );
    }
  })();

  return (
    <>
      <header>
        <h1>{t.title}</h1>
        <div role="tablist" aria-label={t.views} onKeyDown={onTabKey}>
          {views.map((v: View) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={s.view === v}
              aria-controls="view"
              tabIndex={s.view === v ? 0 : -1}
              data-testid={`tab-${v}`}
              onClick={() => set({ view: v })}
            >
              {t[v]}
            </button>
          ))}
        </div>
        <label>
          {t.language}{" "}
          <select data-testid="lang" value={s.lang} onChange={(e) => set({ lang: e.target.value as State["lang"] })}>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
      </header>
      <main className={`layout${s.view === "backtest" ? " no-inputs" : ""}`} data-generation={generation} data-testid="app">
        {s.view === "finetune" ? <FinetuneInputs s={s} set={set} t={t} /> : s.view === "scale" ? <ScaleInputs s={s} set={set} t={t} /> : <Inputs s={s} set={set} t={t} />}
        <div id="view" role="tabpanel" aria-labelledby={`tab-${s.view}`} aria-live="polite">
          {s.missingConfig ? (
            <p className="bad" role="alert" data-testid="missing-config">
              {fill(words[s.lang].missingConfig, { hash: s.missingConfig })}
            </p>
          ) : null}
          {s.view === "training" && train.data ? (
            <p className="muted" data-testid="plan-source">
              {provenanceText(
                s.lang,
                planProvenance(scenario.parallelism as Record<string, unknown>),
                train.data.searched?.evaluated ?? train.data.result.search?.evaluated,
                JSON.stringify(scenario.parallelism) === JSON.stringify(defaultTrainScenario.parallelism) && scenario.model === defaultTrainScenario.model,
              )}
            </p>
          ) : null}
          {body}
        </div>
      </main>
    </>
  );
}
