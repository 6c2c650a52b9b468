/**
 * Reliability defaults: interruption rates per chip-hour by component, calibrated to the Llama 3 report
 * (419 unexpected interruptions in a 54-day snapshot on 16,384 H100, Table 5), plus checkpoint storage
 * bandwidth and restart time. Validated (zod) and sourced at module load.
 * @module
 */
import { z } from "zod";
import { Sources, unsourcedFields } from "./schema.ts";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

const llama3 = {
  ref: "https://arxiv.org/abs/2407.21783",
  title: "Llama Team, 'The Llama 3 Herd of Models', arXiv:2407.21783",
  date: "2024-07",
};

/** Unexpected-interruption counts of Llama 3 Table 5, grouped by the component that failed. */
export const ReliabilityDefaults = z
  .object({
    /** The observation the rates are calibrated on. */
    calibration: z.object({ chips: positive, days: positive, unexpectedInterruptions: positive, plannedInterruptions: nonNegative }).strict(),
    /** Unexpected interruptions observed per component group in the calibration window. */
    interruptionsByComponent: z.object({ gpu: nonNegative, hbm: nonNegative, host: nonNegative, network: nonNegative, software: nonNegative }).strict(),
    /** Sustained checkpoint write bandwidth of the cluster's storage, bytes/s. */
    storageWriteBytesPerSecond: positive,
    /** Time from a failure to training again (detect, reschedule, reload, re-initialise collectives), seconds. */
    restartSeconds: positive,
    /** Bytes per parameter in a checkpoint: bf16 weights (2) + fp32 master, Adam m and v (12). */
    checkpointBytesPerParameter: positive,
    notes: z.string().optional(),
    sources: Sources,
  })
  .strict()
  .refine(
    (d) => {
      const c = d.interruptionsByComponent;
      return Math.abs(c.gpu + c.hbm + c.host + c.network + c.software - d.calibration.unexpectedInterruptions) < 1e-9;
    },
    { message: "component counts must sum to the unexpected interruptions" },
  );
export type ReliabilityDefaults = z.infer<typeof ReliabilityDefaults>;

const defaults: ReliabilityDefaults = {
  calibration: { chips: 16_384, days: 54, unexpectedInterruptions: 419, plannedInterruptions: 47 },
  // gpu = faulty GPU 148 + GPU SRAM 19 + GPU system processor 17 + thermal interface/sensor 6 + silent data corruption 6
  // hbm = GPU HBM3 memory 72
  // host = host maintenance 32 + SSD 3 + power supply 3 + chassis 2 + IO expansion board 2 + CPU 2 + system memory 2
  // network = switch/cable 35 + NIC 7 + NCCL watchdog timeouts 7
  // software = software bug 54 + dependency 2
  interruptionsByComponent: { gpu: 196, hbm: 72, host: 46, network: 49, software: 56 },
  storageWriteBytesPerSecond: 2e12,
  restartSeconds: 600,
  checkpointBytesPerParameter: 14,
  notes:
    "Rates are per accelerator-hour: count / (16,384 GPUs x 54 days x 24 h). Llama 3 reports >90% effective training time " +
    "over the same window; 78% of unexpected interruptions were hardware, 58.7% GPU issues (incl. NVLink).",
  sources: {
    calibration: { ...llama3, title: `${llama3.title} — §3.3.4: 466 interruptions (47 planned, 419 unexpected) in 54 days on 16,384 H100` },
    "interruptionsByComponent.gpu": { ...llama3, title: `${llama3.title} — Table 5: faulty GPU 148, GPU SRAM 19, GPU system processor 17, thermal 6, SDC 6` },
    "interruptionsByComponent.hbm": { ...llama3, title: `${llama3.title} — Table 5: GPU HBM3 memory 72` },
    "interruptionsByComponent.host": { ...llama3, title: `${llama3.title} — Table 5: host maintenance 32, SSD 3, PSU 3, chassis 2, IO board 2, CPU 2, system memory 2` },
    "interruptionsByComponent.network": { ...llama3, title: `${llama3.title} — Table 5: network switch/cable 35, NIC 7, NCCL watchdog 7` },
    "interruptionsByComponent.software": { ...llama3, title: `${llama3.title} — Table 5: software bug 54, dependency 2` },
    storageWriteBytesPerSecond: { ...llama3, title: `${llama3.title} — §3.3.1: Tectonic storage sustains 2 TB/s (7 TB/s peak)` },
    restartSeconds: {
      ...llama3,
      title: `${llama3.title} — §3.3.4 (no restart time published)`,
      estimate:
        "10 minutes to detect, reschedule, reload a ~6 TB checkpoint and re-initialise NCCL on 16k ranks; with Young/Daly " +
        "checkpointing this gives ~90% goodput, matching the reported >90% effective training time.",
    },
    checkpointBytesPerParameter: {
      ref: "https://arxiv.org/abs/1910.02054",
      title: "Rajbhandari et al., 'ZeRO' — mixed-precision Adam: 2 B fp16/bf16 weights + 12 B fp32 master, momentum, variance",
      date: "2019-10",
    },
  },
};

function validate(value: unknown): ReliabilityDefaults {
  const parsed = ReliabilityDefaults.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`catalog reliability defaults: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const missing = unsourcedFields(parsed.data as Record<string, unknown>);
  if (missing.length > 0) throw new Error(`catalog reliability defaults: unsourced fields ${missing.join(", ")}`);
  return parsed.data;
}

/** Validated, sourced reliability defaults. */
export const reliabilityDefaults: Readonly<ReliabilityDefaults> = validate(defaults);

export type Component = keyof ReliabilityDefaults["interruptionsByComponent"];

/** Unexpected interruptions per accelerator-hour by component, from the calibration window. */
export function failureRatesPerChipHour(d: ReliabilityDefaults = reliabilityDefaults): Record<Component, number> {
  const chipHours = d.calibration.chips * d.calibration.days * 24;
  const c = d.interruptionsByComponent;
  return { gpu: c.gpu / chipHours, hbm: c.hbm / chipHours, host: c.host / chipHours, network: c.network / chipHours, software: c.software / chipHours };
}
