/**
 * The backup `migrate` keeps beside a file while rewriting it (`.app.js.<hash>.auth0-tokens.tmp`, holding the file's
 * text before the run), and what the next run does with one that a killed run (SIGKILL, a power cut) left behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorText } from '../project/read';

const SUFFIX = '.auth0-tokens.tmp';
/** A backup is written under this suffix and renamed once whole: one still so named was cut short before its file was touched. */
export const PARTIAL_SUFFIX = '.part';
const BACKUP_NAME = /^\.(.+)\.([0-9a-f]{12})\.auth0-tokens\.tmp(\.part)?$/;

/** Whether a directory entry is a backup of this tool, whole or partial. */
export function isBackupName(name: string): boolean {
  return name.includes(SUFFIX) && BACKUP_NAME.test(name);
}

/** The first 12 hex digits of the SHA-256 of `bytes`: names the text a rewrite was writing. */
export function shortHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** Where the backup of `file` goes while it is rewritten to `after`: beside it, named by the text being written. */
export function backupPath(file: string, after: Buffer): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${shortHash(after)}${SUFFIX}`);
}

export interface Leftover {
  /** The backup's absolute path. */
  readonly backup: string;
  /** The file it is the backup of. */
  readonly file: string;
  /** The file was fully migrated, or never touched: the backup says nothing the file does not. */
  readonly settled: boolean;
  /** Why the backup must be kept, when it must. */
  readonly reason?: string;
}

/**
 * What a backup left by an earlier run means. The file holds the backup's text (the rewrite never began, or was rolled
 * back) or the text the backup's name hashes (the rewrite ended, only the clean-up was missed): the backup can go.
 * Anything else (a rewrite cut short, or the file edited since) keeps it, and the file is not written again until
 * someone has looked.
 */
export function inspectLeftover(backup: string): Leftover {
  const [, base, hash, partial] = BACKUP_NAME.exec(path.basename(backup))!;
  const file = path.join(path.dirname(backup), base!);
  // The file is rewritten only once its backup is whole.
  if (partial) return { backup, file, settled: true };
  let current: Buffer;
  try {
    current = fs.readFileSync(file);
  } catch (error) {
    return { backup, file, settled: false, reason: `its file cannot be read (${errorText(error)})` };
  }
  let saved: Buffer;
  try {
    saved = fs.readFileSync(backup);
  } catch (error) {
    return { backup, file, settled: false, reason: `it cannot be read (${errorText(error)})` };
  }
  if (current.equals(saved) || shortHash(current) === hash) return { backup, file, settled: true };
  return {
    backup,
    file,
    settled: false,
    reason:
      'a run was stopped while writing the file, which may be incomplete; the backup holds its text before that run',
  };
}
