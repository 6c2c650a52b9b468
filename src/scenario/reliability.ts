/**
 * Input schema of the reliability question: a train scenario (checked by the training planner) and the
 * checkpoint and Monte Carlo settings.
 * @module
 */
import { z } from "zod";

const positive = z.number().finite().positive();

export const ReliabilityOptions = z
  .object({
    /** The training run (a train scenario, contract (docs/contract.md)). */
    scenario: z.record(z.string(), z.unknown()),
    /** Checkpoint write bandwidth, bytes/s (default: the catalog's 2 TB/s, Llama 3). */
    storageWriteBytesPerSecond: positive.max(1e15).optional(),
    /** Restart time after a failure, seconds (default 600). */
    restartSeconds: positive.max(1e7).optional(),
    /** Checkpoint interval, seconds (default: the Young/Daly optimum); at least one second. */
    checkpointIntervalSeconds: z.number().finite().min(1).max(1e8).optional(),
    /** Monte Carlo trials (default 400). */
    trials: z.number().int().min(1).max(100_000).optional(),
    /** Monte Carlo seed (default 42). */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** Window for the expected-interruption count, days (default 54, the Llama 3 window). */
    windowDays: positive.max(36_500).default(54),
  })
  .strict();
