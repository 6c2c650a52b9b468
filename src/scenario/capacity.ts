/**
 * Input schema of the capacity question: the largest dense and MoE model each chip can train and serve.
 * @module
 */
import { z } from "zod";

export const CapacityInput = z
  .object({
    chips: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: "Chip ids. Default: every chip in the catalog.", examples: [["h100-sxm", "b200"]] }),
    contextTokens: z
      .number()
      .int()
      .positive()
      .max(16_777_216)
      .default(8192)
      .meta({ description: "Context (sequence) length, tokens. Default 8192.", examples: [131072] }),
    scopes: z
      .array(z.union([z.enum(["chip", "domain"]), z.number().int().positive().max(1_048_576)]))
      .min(1)
      .default(["chip", "domain"])
      .meta({ description: 'Scopes: "chip", "domain" (the chip\'s scale-up domain) or a chip count. Default ["chip", "domain"].', examples: [["chip", 64]] }),
    trainPrecision: z
      .enum(["fp16", "bf16", "fp8", "fp4"])
      .default("bf16")
      .meta({ description: "Training precision. Default bf16.", examples: ["fp8"] }),
    serveWeightBytesPerParameter: z
      .number()
      .positive()
      .max(4)
      .default(2)
      .meta({ description: "Bytes per served weight and KV value. Default 2 (bf16).", examples: [1] }),
    moeActiveRatio: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .meta({ description: "MoE active/total parameter ratio. Default 37/671 (DeepSeek-V3).", examples: [0.1] }),
  })
  .strict();
