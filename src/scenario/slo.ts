/**
 * Input schema of the SLO question: a model, a traffic mix, latency targets and the chips and formats to try.
 * @module
 */
import { z } from "zod";
import { SpeculativeInput, WeightFormat } from "./infer.ts";
import { PriceTable } from "./prices.ts";
import { ModelInput } from "./train.ts";

/** One class of a request mix: its share of the rate, its lengths, and optionally its own targets. */
export const MixClass = z
  .object({
    name: z.string().min(1).max(64).optional(),
    share: z.number().finite().positive().max(1),
    inputTokens: z.number().int().positive().max(268_435_456),
    outputTokens: z.number().int().positive().max(268_435_456),
    slo: z
      .object({ ttftSeconds: z.number().finite().positive().max(1e6), tpotSeconds: z.number().finite().positive().max(1e6) })
      .strict()
      .optional(),
  })
  .strict();

export const SloScenario = z
  .object({
    model: ModelInput,
    workload: z
      .object({
        /** Input tokens per request (with `mix`: optional, and ignored). */
        inputTokens: z.number().int().positive().max(268_435_456).optional(),
        outputTokens: z.number().int().positive().max(268_435_456).default(256),
        /** Requests per second in all (with `mix`: split over the classes by their shares). */
        requestsPerSecond: z.number().finite().positive().max(1e9),
        /** Share of input tokens served from the prefix cache. */
        prefixCacheHitRate: z.number().finite().min(0).max(0.99).optional(),
        /**
         * A mix of request classes (issue 12 §6, Mélange-style): each its share of the rate, its lengths and
         * optionally its own targets (default: `slo`); each class is served by the cheapest chip kind for it.
         */
        mix: z.array(MixClass).min(1).max(16).optional(),
      })
      .strict()
      .superRefine((w, ctx) => {
        if (w.mix === undefined && w.inputTokens === undefined)
          ctx.addIssue({ code: "custom", path: ["inputTokens"], message: "input tokens per request (a positive integer), or a mix of request classes" });
        if (w.mix) {
          const total = w.mix.reduce((a, c) => a + c.share, 0);
          if (Math.abs(total - 1) > 1e-6) ctx.addIssue({ code: "custom", path: ["mix"], message: `class shares that sum to 1 (they sum to ${Number(total.toFixed(6))})` });
        }
      }),
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
