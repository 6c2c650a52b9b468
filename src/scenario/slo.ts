/**
 * Input schema of the SLO question: a model, a traffic mix, latency targets and the chips and formats to try.
 * @module
 */
import { z } from "zod";
import { SpeculativeInput, WeightFormat } from "./infer.ts";
import { PriceTable } from "./prices.ts";
import { ModelInput } from "./train.ts";

export const SloScenario = z
  .object({
    model: ModelInput,
    workload: z
      .object({
        inputTokens: z.number().int().positive().max(268_435_456),
        outputTokens: z.number().int().positive().max(268_435_456).default(256),
        requestsPerSecond: z.number().finite().positive().max(1e9),
        /** Share of input tokens served from the prefix cache. */
        prefixCacheHitRate: z.number().finite().min(0).max(0.99).optional(),
      })
      .strict(),
    slo: z
      .object({
        ttftSeconds: z.number().finite().positive().max(1e6),
        tpotSeconds: z.number().finite().positive().max(1e6),
        /** Percentile the targets hold at (e.g. 99): checked on the scheduler simulation; absent = means. */
        percentile: z.number().min(50).max(99.9).optional(),
      })
      .strict(),
    /** Also price disaggregated prefill/decode pools (issue 12 §2), reported beside the aggregated setup. */
    disaggregated: z.boolean().default(false),
    /** Also price speculative decoding with these settings, beside the setup without. */
    speculative: SpeculativeInput.optional(),
    /** Requests the simulation runs per candidate check (percentile targets). */
    simulatedRequests: z.number().int().min(100).max(20000).default(2000),
    /** Chips to consider (default: every catalog chip). */
    chips: z.array(z.string().min(1).max(256)).min(1).max(1000).optional(),
    /** Weight formats to consider; activations and KV cache follow (see expandPrecision). */
    precisions: z.array(WeightFormat).min(1).default(["bf16", "fp8", "fp4"]),
    /** One rental price for every chip (USD per chip-hour); default: each chip's catalog price. */
    usdPerChipHour: z.number().finite().positive().max(1e6).optional(),
    /** A price table (chip id → rental price) over the catalog's defaults; usdPerChipHour wins over it. */
    prices: PriceTable.optional(),
    /** Largest replica (chips per model copy) to consider. */
    maxChipsPerReplica: z.number().int().positive().max(1024).default(64),
  })
  .strict();
export type SloScenarioInput = z.input<typeof SloScenario>;
