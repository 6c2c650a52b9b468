/**
 * Input bounds of the forecast question: the year the baseline is priced in and how many years to project.
 * @module
 */
import { z } from "zod";

export const ForecastSpan = z
  .object({
    /** Year the baseline is priced in. */
    baseYear: z.number().int().min(1990).max(2100),
    /** Years to project (one row each). */
    years: z.number().int().min(1).max(50),
  })
  .strict();
