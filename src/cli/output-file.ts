/**
 * Writing a file so that it is whole or not there: a temporary file beside it, flushed to disk, then renamed over it.
 * Reports (`--output`, `--report`) are written so: a full disk leaves the old report as it was, and the error names
 * the file. `migrate`'s backups are too.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorText } from '../project/read';

/** A report that could not be written; the message names it. */
export class OutputFileError extends Error {}

/** Writes `text` to `file` (absolute) atomically; `shown` is the name the error gives. */
export function writeOutputFile(file: string, shown: string, text: string): void {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.auth0-tokens-output.tmp`,
  );
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeThenRename(temporary, file, text, 0o666);
  } catch (error) {
    throw new OutputFileError(`cannot write ${shown}: ${errorText(error)}`);
  }
}

/**
 * Creates `temporary` (never replacing a file of that name) with `data`, flushes it to disk, and renames it to `file`.
 * On any failure the temporary file is gone and the error is thrown as it came.
 */
export function writeThenRename(temporary: string, file: string, data: string | Buffer, mode: number): void {
  try {
    const descriptor = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeFileSync(descriptor, data);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') removeQuietly(temporary);
    throw error;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Its directory is not there or not a directory: there is nothing to remove.
  }
}
