/**
 * Inputs of the post-training and sizing views: the fine-tune run (model, chips, method, LoRA, optimizer,
 * shape, budget) and the scale question (budget kind and amount, chips, loss law, data, serving).
 * @module
 */
import { catalogModels, chips } from "../../planners/catalog.ts";
import type { Messages } from "./i18n.ts";
import { NumberField, Select } from "./Inputs.tsx";
import type { State } from "./state.ts";

type Set = (patch: Partial<State>) => void;

const optimizerIds = ["adamw", "adamw-8bit", "adafactor", "sgd", "muon"];

export function FinetuneInputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  return (
    <form className="inputs" aria-label={t.inputs} onSubmit={(e) => e.preventDefault()} data-testid="finetune-inputs">
      <Select id="ftModel" label={t.model} value={s.ftModel} options={catalogModels.map((m) => [m.id, m.name])} set={set} />
      <Select id="ftChip" label={t.chip} value={s.ftChip} options={chips.map((c) => [c.id, c.name])} set={set} />
      <NumberField id="ftCount" label={t.count} value={s.ftCount} set={set} />
      <Select
        id="ftMethod"
        label={t.method}
        value={s.ftMethod}
        options={[
          ["full", "full"],
          ["lora", "LoRA"],
          ["qlora", "QLoRA (NF4)"],
        ]}
        set={set}
      />
      {s.ftMethod !== "full" ? (
        <>
          <NumberField id="ftRank" label={t.loraRank} value={s.ftRank} set={set} />
          <Select
            id="ftTargets"
            label={t.loraTargets}
            value={s.ftTargets}
            options={[
              ["default", t.targetsDefault],
              ["all-linear", t.allLinear],
            ]}
            set={set}
          />
        </>
      ) : null}
      <Select id="ftOptimizer" label={t.optimizer} value={s.ftOptimizer} options={optimizerIds.map((o) => [o, o])} set={set} />
      <NumberField id="ftSeq" label={t.sequenceLength} value={s.ftSeq} set={set} />
      <NumberField id="ftBatch" label={t.microBatch} value={s.ftBatch} set={set} />
      <label>
        {t.tokenBudget}
        <input name="ftTokens" data-testid="input-ftTokens" value={s.ftTokens} onChange={(e) => set({ ftTokens: e.target.value })} />
      </label>
    </form>
  );
}

export function ScaleInputs({ s, set, t }: { s: State; set: Set; t: Messages }) {
  return (
    <form className="inputs" aria-label={t.inputs} onSubmit={(e) => e.preventDefault()} data-testid="scale-inputs">
      <Select
        id="scaleBudget"
        label={t.budgetKind}
        value={s.scaleBudget}
        options={[
          ["computeFlops", t.budgetFlop],
          ["chipHours", t.budgetChipHours],
          ["usd", t.budgetUsd],
          ["days", t.budgetDays],
        ]}
        set={set}
      />
      <label>
        {t.amount}
        <input name="scaleAmount" data-testid="input-scaleAmount" value={s.scaleAmount} onChange={(e) => set({ scaleAmount: e.target.value })} />
      </label>
      <Select id="scaleChip" label={t.chip} value={s.scaleChip} options={chips.map((c) => [c.id, c.name])} set={set} />
      <NumberField id="scaleCount" label={t.count} value={s.scaleCount} set={set} />
      <Select
        id="scaleLaw"
        label={t.law}
        value={s.scaleLaw}
        options={[
          ["besiroglu-2024", "Besiroglu 2024 (Chinchilla refit)"],
          ["hoffmann-2022", "Hoffmann 2022 (Chinchilla)"],
        ]}
        set={set}
      />
      <label>
        {t.uniqueTokens}
        <input name="scaleUnique" data-testid="input-scaleUnique" value={s.scaleUnique ?? ""} onChange={(e) => set({ scaleUnique: e.target.value || undefined })} />
      </label>
      <label>
        {t.servedTokens}
        <input name="scaleServe" data-testid="input-scaleServe" value={s.scaleServe ?? ""} onChange={(e) => set({ scaleServe: e.target.value || undefined })} />
      </label>
    </form>
  );
}
