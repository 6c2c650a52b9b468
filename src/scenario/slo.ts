/**
 * Input schema of the SLO question: a model, a traffic mix, latency targets and the chips and formats to try.
 * @module
 */
import { z } from "zod";
import { WeightFormat } from "./infer.ts";
import { ModelInput } from "./train.ts";

export const SloScenario = z
  .object({
    model: ModelInput,
    workload: z
      .object({
        inputTokens: z.number().int().positive().max(268_435_456),
        outputTokens: z.number().int().positive().max(268_435_456).default(256),
        requestsPerSecond: z.number().finite().positive().max(1e9),
      })
      .strict(),
    slo: z
      .object({
        ttftSeconds: z.number().finite().positive().max(1e6),
        tpotSeconds: z.number().finite().positive().max(1e6),
      })
      .strict(),
    /** Chips to consider (default: every catalog chip). */
    chips: z.array(z.string().min(1).max(256)).min(1).max(1000).optional(),
    /** Weight formats to consider; activations and KV cache follow (see expandPrecision). */
    precisions: z.array(WeightFormat).min(1).default(["bf16", "fp8", "fp4"]),
    /** One rental price for every chip (USD per chip-hour); default: each chip's catalog price. */
    usdPerChipHour: z.number().finite().positive().max(1e6).optional(),
    /** Largest replica (chips per model copy) to consider. */
    maxChipsPerReplica: z.number().int().positive().max(1024).default(64),
  })
  .strict();
export type SloScenarioInput = z.input<typeof SloScenario>;
