/**
 * The scale scenario: a budget (FLOP, chip-hours on a chip, dollars, or days on N chips), the loss law, the
 * unique tokens available and the tokens the model will serve; resolution of chip-time budgets into FLOP.
 * @module
 */
import { z } from "zod";
import { getChip } from "../catalog/hardware.ts";
import { type LossLaw, lossLaws } from "../catalog/scaling.ts";
import type { Chip } from "../catalog/schema.ts";
import { InputError } from "../errors.ts";
import { parseInput } from "./parse.ts";
import { Quantity, quantityUpTo } from "./train.ts";

export const ScaleScenario = z
  .object({
    budget: z
      .object({
        /** Training FLOP (at most 1e32: a million times the largest run to date). */
        computeFlops: quantityUpTo(1e32).optional(),
        chipHours: quantityUpTo(1e12).optional(),
        usd: quantityUpTo(1e13).optional(),
        days: quantityUpTo(36_500).optional(),
      })
      .strict(),
    /** The chips the budget buys time on (needed for chipHours, usd, days) and the training plan runs on. */
    hardware: z
      .object({ chip: z.string().min(1), count: z.number().int().positive().optional() })
      .strict()
      .optional(),
    law: z.enum(["besiroglu-2024", "hoffmann-2022"]).default("besiroglu-2024"),
    /** Unique tokens available: when the optimum wants more, the data-constrained regime applies (repeated epochs). */
    uniqueTokens: Quantity.optional(),
    /** Tokens the model will serve over its life: inference-aware sizing (Sardana 2024). */
    inferenceTokens: quantityUpTo(1e20).optional(),
    /** MFU for turning chip time into FLOP; default: what the training planner predicts for the answer. */
    mfu: z.number().gt(0).max(1).optional(),
    sequenceLength: z.number().int().positive().default(4096),
    options: z.object({ usdPerChipHour: z.number().positive().optional() }).strict().default({}),
  })
  .strict();
export type ScaleScenarioInput = z.input<typeof ScaleScenario>;
export type ScaleScenario = z.output<typeof ScaleScenario>;

export interface ResolvedScale {
  scenario: ScaleScenario;
  law: LossLaw;
  chip?: Chip;
  /** Chip-hours the budget buys (chip-time budgets), else undefined. */
  chipHours?: number;
  /** Chips the training plan runs on. */
  chipCount: number;
}

/** Chips a chip-hours or dollar budget runs on when the scenario does not say. */
export const defaultScaleChips = 1024;

export function resolveScaleScenario(input: unknown): ResolvedScale {
  const scenario = parseInput(ScaleScenario, input);
  const b = scenario.budget;
  const given = (["computeFlops", "chipHours", "usd", "days"] as const).filter((k) => b[k] !== undefined);
  if (given.length !== 1) {
    throw new InputError({ path: "budget", value: given.length ? given.join(", ") : "{}", expected: "exactly one of computeFlops, chipHours, usd, days" });
  }
  const chip = scenario.hardware ? getChip(scenario.hardware.chip, "hardware.chip") : undefined;
  const kind = given[0];
  if (kind !== "computeFlops" && !chip) throw new InputError({ path: "hardware.chip", value: undefined, expected: `a chip id (a ${kind} budget buys time on a chip)` });
  if (kind === "days" && scenario.hardware?.count === undefined)
    throw new InputError({ path: "hardware.count", value: undefined, expected: "the number of chips (a days budget runs on N chips)" });
  const count = scenario.hardware?.count ?? defaultScaleChips;
  let chipHours: number | undefined;
  if (kind === "chipHours") chipHours = b.chipHours;
  if (kind === "days") chipHours = (b.days as number) * 24 * count;
  if (kind === "usd") {
    const price = scenario.options.usdPerChipHour ?? chip?.rentalUsdPerChipHour;
    if (price === undefined)
      throw new InputError({ path: "options.usdPerChipHour", value: undefined, expected: `a rental price per chip-hour (${chip?.name} has none in the catalog)` });
    chipHours = (b.usd as number) / price;
  }
  return { scenario, law: lossLaws[scenario.law], chip, chipHours, chipCount: count };
}
