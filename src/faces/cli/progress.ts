/**
 * A progress bar on stderr for commands that run over a second: shown only on a terminal, only after the
 * first second, with an ETA from the measured rate (never "INF": no estimate is printed until one item is done).
 * @module
 */

export interface Progress {
  /** `total` may be given (or corrected) on any update. */
  update(done: number, total?: number): void;
  stop(): void;
}

/** `label [#####-----] 12/27 chips · ~2 s left`, redrawn in place; a no-op off a terminal. */
export function progressBar(label: string, initialTotal: number, unit: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  let shown = false;
  let total = initialTotal;
  const draw = (done: number, newTotal?: number) => {
    if (newTotal !== undefined) total = newTotal;
    const elapsed = (now() - started) / 1000;
    if (!stream.isTTY || (!shown && elapsed < 1) || total <= 0) return;
    shown = true;
    const width = 24;
    const filled = Math.round((Math.min(done, total) / total) * width);
    const eta = done > 0 ? Math.max(0, (elapsed / done) * (total - done)) : undefined;
    const left = eta === undefined ? "" : ` · ~${eta < 60 ? `${Math.ceil(eta)} s` : `${Math.ceil(eta / 60)} min`} left`;
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${unit}${left}   `);
  };
  return {
    update: draw,
    stop: () => {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
