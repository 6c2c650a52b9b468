/**
 * Input schemas of the questions asked about one training scenario: search its plans, find the fewest chips
 * for a deadline, compare chips, and project it forward (forecast). The scenario itself is a train scenario
 * (docs/contract.md), validated here and again by the training planner.
 * @module
 */
import { z } from "zod";
import { HardwareInput, TrainScenario } from "./train.ts";

/** Concrete training precisions a search may try. */
export const SearchPrecision = z.enum(["fp16", "bf16", "fp8", "fp4"]);

const example = {
  model: "llama-3.1-405b",
  hardware: { chip: "h100-sxm", count: 16384 },
  training: { tokens: "15.6T", sequenceLength: 8192, globalBatchTokens: "16Mi" },
};

export const SearchInput = z
  .object({
    scenario: TrainScenario.meta({ description: "The training run; parallelism fields it gives are kept, the rest searched. Required.", examples: [example] }),
    /** Precisions to search (default: the scenario's). */
    precisions: z
      .array(SearchPrecision)
      .min(1)
      .optional()
      .meta({ description: "Precisions to search. Default: the scenario's precision.", examples: [["bf16", "fp8"]] }),
    objective: z
      .enum(["fastest", "cheapest", "energy"])
      .default("fastest")
      .meta({ description: "What ranks the plans. Default fastest.", examples: ["cheapest"] }),
    top: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .meta({ description: "How many of the best plans to return. Default 10.", examples: [5] }),
  })
  .strict();

export const DeadlineInput = z
  .object({
    scenario: TrainScenario.extend({
      hardware: HardwareInput.partial({ count: true }).meta({ description: "The chip (and system); count is searched. Required.", examples: [{ chip: "h100-sxm" }] }),
    }).meta({
      description: "The training run; hardware.count is searched (a value given is ignored). Required.",
      examples: [{ ...example, hardware: { chip: "h100-sxm" } }],
    }),
    deadlineDays: z
      .number()
      .positive()
      .max(36_500)
      .meta({ description: "Wall-clock days the run must finish in (ideal, without failures). Required.", examples: [54] }),
    precisions: z
      .array(SearchPrecision)
      .min(1)
      .optional()
      .meta({ description: "Precisions to search. Default: the scenario's precision.", examples: [["bf16", "fp8"]] }),
    step: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "Chip counts tried are multiples of this. Default: the chip's scale-up domain.", examples: [8] }),
    maxChips: z
      .number()
      .int()
      .positive()
      .max(1_048_576)
      .optional()
      .meta({ description: "Largest chip count tried. Default 1,048,576.", examples: [65536] }),
  })
  .strict();

export const CompareInput = z
  .object({
    scenario: TrainScenario.meta({ description: "The training run; hardware.chip is replaced by each chip and the plan is searched per chip. Required.", examples: [example] }),
    chips: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: "Chip ids to compare. Default: every chip in the catalog.", examples: [["h100-sxm", "b200", "mi300x"]] }),
  })
  .strict();

export const ForecastInput = z
  .object({
    scenario: TrainScenario.optional().meta({ description: "The run to project. Default: Llama 3.1 405B, 15.6T tokens, on 16,384 H100 SXM.", examples: [example] }),
    fromYear: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .meta({ description: "Year the baseline is priced in. Required (the core reads no clock).", examples: [2026] }),
    years: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(3)
      .meta({ description: "Years to project. Default 3.", examples: [5] }),
    vendor: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Fit the trends on one vendor's data-centre chips. Default: every vendor.", examples: ["NVIDIA"] }),
  })
  .strict();
