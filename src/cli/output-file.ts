/**
 * Writing a report (`--output`, `--report`) so that it is whole or not there: a temporary file beside it, flushed,
 * then renamed over it. A full disk leaves the old report as it was, and the error names the file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorText } from '../project/read';

/** A report that could not be written; the message names it. */
export class OutputFileError extends Error {}

/** Writes `text` to `file` (absolute) atomically; `shown` is the name the error gives. */
export function writeOutputFile(file: string, shown: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.auth0-tokens-output.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const descriptor = fs.openSync(temporary, 'wx', 0o666);
    try {
      fs.writeFileSync(descriptor, text);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw new OutputFileError(`cannot write ${shown}: ${errorText(error)}`);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Its directory is not there or not a directory: there is nothing to remove.
  }
}
