/**
 * A user's price table: per chip id, a rental price (USD per chip-hour) and/or a purchase price (USD per
 * accelerator) that replace the catalog's defaults (src/catalog/prices.ts says what the default rental basis is).
 * @module
 */
import { z } from "zod";
import { getChip } from "../catalog/hardware.ts";
import type { Chip } from "../catalog/schema.ts";

const positive = z.number().finite().positive();

export const PriceEntry = z
  .object({
    /** Rental price, USD per chip-hour. */
    rentalUsdPerChipHour: positive.optional(),
    /** Purchase price of one accelerator, USD. */
    purchaseUsd: positive.optional(),
  })
  .strict();

/** Chip id → prices; ids are checked against the catalog (an unknown id names the nearest ones). */
export const PriceTable = z.record(z.string().min(1), PriceEntry);
export type PriceTable = z.output<typeof PriceTable>;

/** Check every chip id of a price table (throws InputError naming the nearest ids). */
export function checkPriceTable(prices: PriceTable | undefined, path = "prices"): void {
  for (const id of Object.keys(prices ?? {})) getChip(id, `${path}.${id}`);
}

/** The rental price of `chip`: the table's, else the catalog's default basis; undefined when neither has one. */
export function rentalPrice(chip: Chip, prices?: PriceTable): number | undefined {
  return prices?.[chip.id]?.rentalUsdPerChipHour ?? chip.rentalUsdPerChipHour;
}

/** The purchase price of one `chip`: the table's, else the catalog's. */
export function purchasePrice(chip: Chip, prices?: PriceTable): number | undefined {
  return prices?.[chip.id]?.purchaseUsd ?? chip.purchaseUsd;
}
