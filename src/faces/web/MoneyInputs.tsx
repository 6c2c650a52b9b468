/**
 * Money & power inputs: depreciation years, utilization, electricity price, PUE and the training chip's rental
 * and purchase prices. Blank means the catalog default; every one changes the answer (the run's cost and build vs rent).
 * @module
 */
import { chipById } from "../../planners/catalog.ts";
import type { State } from "./state.ts";
import { words } from "./words.ts";

type Set = (patch: Partial<State>) => void;

const fields = [
  ["years", 0.5, 15, 0.5],
  ["utilization", 0.01, 1, 0.01],
  ["kwh", 0.001, 10, 0.001],
  ["pue", 1, 3, 0.01],
  ["rentPrice", 0.01, 1000, 0.01],
  ["buyPrice", 1, 10_000_000, 1],
] as const;

export function MoneyInputs({ s, set }: { s: State; set: Set }) {
  const w = words[s.lang];
  const chip = chipById.get(s.chip);
  return (
    <fieldset data-testid="money-inputs">
      <legend>{w.moneyInputs}</legend>
      {fields.map(([key, min, max, step]) => (
        <label key={key}>
          {w[key]}
          <input
            name={key}
            data-testid={`input-${key}`}
            type="number"
            min={min}
            max={max}
            step={step}
            inputMode="decimal"
            value={s[key] ?? ""}
            placeholder={
              key === "rentPrice"
                ? chip?.rentalUsdPerChipHour !== undefined
                  ? String(chip.rentalUsdPerChipHour)
                  : "—"
                : key === "buyPrice"
                  ? String(chip?.purchaseUsd ?? "—")
                  : ""
            }
            onChange={(e) => {
              const n = e.target.valueAsNumber;
              if (e.target.value === "") set({ [key]: undefined });
              else if (Number.isFinite(n) && n >= min && n <= max) set({ [key]: n });
            }}
          />
        </label>
      ))}
      <p className="muted" data-testid="rental-basis">
        {chip?.rentalUsdPerChipHour === undefined && s.rentPrice === undefined ? w.noRentalPrice : w.rentalBasis}
      </p>
    </fieldset>
  );
}
