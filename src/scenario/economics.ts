/**
 * Input schemas of the money and power questions: a cluster's power and facility, and build vs rent.
 * @module
 */
import { z } from "zod";
import { PriceTable } from "./prices.ts";

const positive = z.number().finite().positive();

export const ClusterInput = z
  .object({
    chip: z.string().min(1).max(256),
    count: z.number().int().positive().max(1e7),
    system: z.string().min(1).max(256).optional(),
    powerUsageEffectiveness: z.number().min(1).max(3).optional(),
    electricityUsdPerKilowattHour: positive.max(1e3).optional(),
  })
  .strict();

export const PowerInput = ClusterInput.extend({
  /** Run length for energy, days (optional). */
  days: positive.max(36_500).optional(),
}).strict();

export const TcoInput = ClusterInput.extend({
  years: positive.max(15).optional(),
  utilization: z.number().gt(0).max(1).optional(),
  /** On-demand rental override, USD per chip-hour. */
  usdPerChipHour: positive.max(1e6).optional(),
  /** Accelerator purchase price override, USD. */
  purchaseUsd: positive.max(1e9).optional(),
  /** A price table (chip id → rental and purchase prices); usdPerChipHour and purchaseUsd win over it. */
  prices: PriceTable.optional(),
  /** Chip-hours of a training run to price (e.g. from `danlu train`). */
  trainChipHours: positive.max(1e12).optional(),
  /** Serving throughput per chip, tokens/s (default: MLPerf H100 reference scaled by memory bandwidth). */
  servingTokensPerSecondPerChip: positive.max(1e9).optional(),
  /** Renting's left-outs: vCPU per rented chip, internet egress per chip-month (GB). */
  vcpusPerChip: z.number().finite().nonnegative().max(1e4).optional(),
  egressGigabytesPerChipMonth: z.number().finite().nonnegative().max(1e9).optional(),
}).strict();
export type TcoInputShape = z.input<typeof TcoInput>;
