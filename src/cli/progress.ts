/** A one-line progress bar on stderr, shown only on a terminal and only for long runs, so logs and pipes stay clean. */

/** Runs over fewer files finish too soon for a bar to help. */
export const PROGRESS_MIN_FILES = 200;
const REDRAW_MS = 100;
const WIDTH = 30;

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar. */
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream, label: string, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update() {}, finish() {} };
  let drawnAt = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total <= PROGRESS_MIN_FILES || (now - drawnAt < REDRAW_MS && done < total)) return;
      drawnAt = now;
      drawn = true;
      const filled = Math.round((done / total) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} files`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
