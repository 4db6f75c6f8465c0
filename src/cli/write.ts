/**
 * Writing migrated files without losing anything. Each file is rewritten in place, so it keeps everything that makes
 * it the same file: owner and group, mode, extended attributes and ACLs, hard links, its inode. A backup of its old
 * text is written beside it first, so a run killed mid-write (SIGKILL, a power cut) leaves the old text on disk for
 * the next run to find (see `backups.ts`). The files of one flow are written together: all are checked and backed up
 * first, then rewritten; if any fails, those already rewritten are put back, and none of the flow is written.
 */
import fs from 'node:fs';
import { errorText } from '../project/read';
import { backupPath, PARTIAL_SUFFIX } from './backups';
import { writeThenRename } from './output-file';

/**
 * A file to rewrite: its report name, its absolute path, the text it was read with, and the text to write. Names of
 * one file (hard links) share `identity`, its device and inode.
 */
export interface PlannedWrite {
  readonly file: string;
  readonly absolute: string;
  readonly before: string;
  readonly after: string;
  readonly identity?: string;
}

/** The device and inode a path leads to (through symbolic links): names with the same identity are one file. */
export function fileIdentity(absolute: string): string | undefined {
  try {
    const { dev, ino } = fs.statSync(absolute);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

function identityOf(plan: PlannedWrite): string {
  return plan.identity ?? plan.absolute;
}

/** A refusal to write a file, said for the reader (`not written: …` is added by the caller). */
export class WriteRefused extends Error {}

interface Prepared {
  readonly plan: PlannedWrite;
  /** The file, held open from the first check to the end. */
  readonly descriptor: number;
  readonly original: Buffer;
  readonly replacement: Buffer;
  readonly backup: string;
  readonly real: string;
  readonly identity: string;
}

/**
 * Writes the files of one flow, all or none. Resolves to why each file was not written (nothing for a flow written
 * in full); a file that could not be put back after a failed write names its backup.
 */
export function writeTogether(plans: readonly PlannedWrite[]): Map<string, string> {
  const prepared: Prepared[] = [];
  const refused = new Map<string, string>();
  try {
    for (const plan of plans) {
      // Another name of a file already prepared (a hard link) is written with it.
      const same = prepared.find((entry) => entry.identity === identityOf(plan));
      if (same && same.plan.before === plan.before && same.plan.after === plan.after) continue;
      if (same)
        return refuseFlow(plans, plan, `it is a hard link of ${same.plan.file}, which is migrated to another text`);
      try {
        prepared.push(prepare(plan));
      } catch (error) {
        return refuseFlow(plans, plan, reasonOf(error));
      }
    }
    for (const [index, entry] of prepared.entries()) {
      try {
        commit(entry);
      } catch (error) {
        // A write that failed midway left part of the new text: that file is put back too. A refused one is untouched.
        const touched = error instanceof WriteRefused ? index : index + 1;
        if (error instanceof ConcurrentWrite) refused.set(entry.plan.file, error.message);
        for (const written of prepared.slice(0, touched)) {
          const restored = restore(written);
          if (!restored)
            refused.set(
              written.plan.file,
              `a failed write could not be undone: its text before this run is in ${written.backup}`,
            );
        }
        const flow = refuseFlow(plans, entry.plan, reasonOf(error));
        for (const [file, reason] of refused) flow.set(file, reason);
        return flow;
      }
    }
    return refused;
  } finally {
    // A backup stays only for a file whose old text is nowhere else.
    for (const entry of prepared) release(entry, refused.has(entry.plan.file));
  }
}

/** The failing file's reason, and for each other file of its flow the file that held it back. */
function refuseFlow(plans: readonly PlannedWrite[], failing: PlannedWrite, reason: string): Map<string, string> {
  const refused = new Map<string, string>();
  for (const plan of plans)
    refused.set(
      plan.file,
      plan === failing ? reason : `its flow continues in ${failing.file}, which cannot be written (${reason})`,
    );
  return refused;
}

/**
 * Checks that the file may be written and still holds the text the analysis read, and writes its backup. Holds the file
 * open, so the rewrite goes to the very file checked.
 */
function prepare(plan: PlannedWrite): Prepared {
  const real = fs.realpathSync.native(plan.absolute);
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new WriteRefused('not a regular file');
  // Root may write anything; a file no one may write was made read-only on purpose.
  if ((stat.mode & 0o222) === 0)
    throw new WriteRefused(
      `it is read-only (mode ${(stat.mode & 0o7777).toString(8).padStart(4, '0')}); make it writable to migrate it`,
    );
  const descriptor = openForWriting(real);
  try {
    const original = readWhole(descriptor);
    if (original.toString('utf8') !== plan.before)
      throw new WriteRefused('changed on disk since it was read; run migrate again');
    // Text decoded from another encoding (Latin-1, say) would be written back with its bytes replaced.
    if (!Buffer.from(plan.before, 'utf8').equals(original)) throw new WriteRefused('not valid UTF-8');
    const replacement = Buffer.from(plan.after, 'utf8');
    const backup = backupPath(real, replacement);
    writeDurably(backup, original);
    return { plan, descriptor, original, replacement, backup, real, identity: identityOf(plan) };
  } catch (error) {
    fs.closeSync(descriptor);
    throw error;
  }
}

function openForWriting(file: string): number {
  try {
    return fs.openSync(file, 'r+');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new WriteRefused(`this user may not write it (${code})`);
    throw error;
  }
}

/**
 * Writes a new file, flushed to disk, under a partial name renamed once whole (a run killed meanwhile leaves a file
 * that is known to be incomplete); refuses to replace one (another run's backup, say).
 */
function writeDurably(file: string, bytes: Buffer): void {
  const taken = `its backup ${file} already exists (another run writing it?)`;
  if (fs.existsSync(file)) throw new WriteRefused(taken);
  try {
    writeThenRename(file + PARTIAL_SUFFIX, file, bytes, 0o600);
  } catch (error) {
    throw new WriteRefused(
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? taken
        : `its backup cannot be written beside it: ${errorText(error)}`,
    );
  }
}

/**
 * Rewrites the file in place. Checked again first, just before the write and with no pause between (synchronous
 * calls): a file another program changed (or replaced) since it was read is left as that program left it.
 */
function commit(entry: Prepared): void {
  const [onPath, held] = [fs.statSync(entry.real), fs.fstatSync(entry.descriptor)];
  if (onPath.ino !== held.ino || onPath.dev !== held.dev)
    throw new WriteRefused('replaced on disk by another program while migrating');
  if (!readWhole(entry.descriptor).equals(entry.original))
    throw new WriteRefused('changed on disk while migrating; run migrate again');
  overwrite(entry.descriptor, entry.replacement);
  // Another program writing at the very same moment is not prevented (editors take no locks), only reported.
  if (!readWhole(entry.descriptor).equals(entry.replacement))
    throw new ConcurrentWrite(
      'another program wrote it at the same moment: check it; its text before this run is in the backup beside it',
    );
}

/** The file changed under the write itself: it is neither put back nor rewritten, and its backup is kept. */
class ConcurrentWrite extends WriteRefused {}

/** Puts the old text back after a failed or undone write; whether that worked. */
function restore(entry: Prepared): boolean {
  try {
    overwrite(entry.descriptor, entry.original);
    return true;
  } catch {
    return false;
  }
}

function release(entry: Prepared, keepBackup: boolean): void {
  try {
    fs.closeSync(entry.descriptor);
  } catch {
    // Closing cannot lose what was flushed already.
  }
  if (!keepBackup) fs.rmSync(entry.backup, { force: true });
}

function overwrite(descriptor: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length;)
    written += fs.writeSync(descriptor, bytes, written, bytes.length - written, written);
  fs.ftruncateSync(descriptor, bytes.length);
  fs.fsyncSync(descriptor);
}

function readWhole(descriptor: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const bytesRead = fs.readSync(descriptor, chunk, 0, chunk.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof WriteRefused ? error.message : errorText(error);
}

/** Signals that end a run: Ctrl-C, `kill` and CI cancellation, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Holds Ctrl-C (SIGINT), SIGTERM and SIGHUP off while files are written: the flow in progress is finished, `signal` is
 * set, and the caller stops before the next flow, so no file is left half-written and no backup is left behind. Outside
 * `hold`, a signal ends the process at once (nothing is being written).
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
