/**
 * `--prices FILE`: a price table (JSON or YAML: chip id → rentalUsdPerChipHour and/or purchaseUsd) that every
 * command that prices merges into its scenario's `prices` field; the engine checks its ids and values.
 * @module
 */
import { InputError } from "../../errors.ts";
import { readScenarioFile } from "./io.ts";

/** Read a price table file; a file that is not a mapping is an InputError naming the flag. */
export function readPricesFile(path: string): Record<string, unknown> {
  let table: unknown;
  try {
    table = readScenarioFile(path);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.issues.map((i) => ({ ...i, path: "--prices" })));
    throw error;
  }
  if (!table || typeof table !== "object" || Array.isArray(table)) {
    throw new InputError({ path: "--prices", value: JSON.stringify(path), expected: "a mapping of chip id to { rentalUsdPerChipHour, purchaseUsd }" });
  }
  return table as Record<string, unknown>;
}

/** Merge `--prices FILE` over a scenario's own `prices` (the file wins per chip). */
export function withPrices<T>(scenario: T, path: string | undefined): T {
  if (!path) return scenario;
  const s = scenario as Record<string, unknown>;
  return { ...s, prices: { ...((s.prices as object) ?? {}), ...readPricesFile(path) } } as T;
}

/** The help line every pricing command shows for --prices. */
export const pricesHelp = "Price table file (YAML/JSON: chip id → rentalUsdPerChipHour, purchaseUsd); see examples/prices-cloud.yaml";
