/**
 * Writing migrated files safely: the git working-tree check that guards uncommitted work, atomic replacement (a
 * temporary file in the same directory, flushed to disk, then renamed over the original), and Ctrl-C (or SIGTERM)
 * handling that lets the file being written finish.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Tracked files with uncommitted changes (staged or not) under `paths`, as git prints them (relative to their
 * repository's top). Each path is asked of its own repository; paths outside any repository have nothing to check.
 */
export function dirtyTrackedFiles(cwd: string, paths: readonly string[]): string[] {
  const dirty = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let directory: string;
    try {
      directory = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    } catch {
      continue;
    }
    const result = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=no', '--', absolute], { cwd: directory, encoding: 'utf8' });
    if (result.error || result.status !== 0) continue;
    const entries = result.stdout.split('\0').filter(Boolean);
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      dirty.add(entry.slice(3));
      // A rename or copy is followed by its source path as a separate entry.
      if (/^[RC]/.test(entry)) index++;
    }
  }
  return [...dirty];
}

/**
 * Replaces `file` with `text` atomically: readers see the old content or the new, never a part. The file keeps its
 * permission bits; a symbolic link stays a link (its target is replaced). Throws, leaving the file untouched, when
 * it no longer holds `expected` (changed on disk since it was read) or is not UTF-8.
 */
export async function replaceFile(file: string, expected: string, text: string): Promise<void> {
  const target = await fs.promises.realpath(file);
  const [stat, bytes] = await Promise.all([fs.promises.stat(target), fs.promises.readFile(target)]);
  if (bytes.toString('utf8') !== expected) throw new Error('changed on disk since it was read');
  // Text decoded from another encoding (Latin-1, say) would be written back with its bytes replaced.
  if (!Buffer.from(expected, 'utf8').equals(bytes)) throw new Error('not valid UTF-8');
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.auth0-tokens.tmp`);
  try {
    const handle = await fs.promises.open(temporary, 'wx', stat.mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      // The umask narrows the mode given to open(); set it exactly.
      await handle.chmod(stat.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** Signals that end a run: Ctrl-C, `kill` and CI cancellation, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Holds Ctrl-C (SIGINT), SIGTERM and SIGHUP off while files are written: the file in progress is finished,
 * `signal` is set, and the caller stops before the next file, so no file is left half-written and no temporary file
 * is left behind. Outside `hold`, a signal ends the process at once (nothing is being written).
 */
export class InterruptGuard {
  /** The first stop signal received while holding. */
  signal: NodeJS.Signals | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.signal ??= signal;
  };

  get interrupted(): boolean {
    return this.signal !== undefined;
  }

  async hold<T>(work: (guard: InterruptGuard) => Promise<T>): Promise<T> {
    for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
    try {
      return await work(this);
    } finally {
      for (const signal of STOP_SIGNALS) process.off(signal, this.onSignal);
    }
  }
}
