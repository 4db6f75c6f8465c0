/** Reading source files as UTF-8 text, or saying clearly why a file cannot be read, and naming them in reports. */
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { mightContainAuth0 } from '../analysis/facts';
import type { FileError } from './types';

/**
 * Reads a file as UTF-8 text. Binary and unreadable files become errors. So does an Auth0-related file in another
 * encoding: decoded as UTF-8 its other bytes would be replaced, and a migration would write the replacements back.
 * Any other non-UTF-8 file is returned decoded; the text pre-filter skips it (or `replaceFile` refuses to write it).
 */
export function readText(file: string, reported: string, errors: FileError[]): string | undefined {
  let text: string;
  try {
    // Decoded as it is read: no Buffer per file, which over a large tree costs time and memory the allocator keeps.
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    errors.push({ file: reported, message: `cannot read: ${errorText(error)}` });
    return undefined;
  }
  if (text.includes('\0')) {
    errors.push({ file: reported, message: 'binary file (contains NUL bytes): skipped' });
    return undefined;
  }
  // Invalid bytes decode to U+FFFD; only then are the bytes checked (the character itself is valid UTF-8 too).
  if (text.includes('\uFFFD') && mightContainAuth0(text) && !isUtf8(readBytes(file))) {
    errors.push({ file: reported, message: 'not valid UTF-8 (another encoding, such as Latin-1?): skipped; save it as UTF-8 to analyse it' });
    return undefined;
  }
  return text;
}

/** The file's bytes; none if it has gone since it was read, so it is not taken for another encoding. */
function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

/** `permission denied (EACCES)` from Node's `EACCES: permission denied, open '/x'`. */
export function errorText(error: unknown): string {
  const { code, message } = error as Partial<NodeJS.ErrnoException>;
  if (!code) return String(message ?? error);
  return `${String(message).replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '')} (${code})`;
}

/** `from`-relative path with POSIX separators, the form every report uses. */
export function relativePath(from: string, to: string): string {
  // Nearly every path lies under `from`: slicing costs far less than path.relative's normalisation of both paths.
  const prefix = from.endsWith(path.sep) ? from : from + path.sep;
  const relative = to.startsWith(prefix) && !to.includes(`${path.sep}.`) ? to.slice(prefix.length) : path.relative(from, to);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}
