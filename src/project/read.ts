/** Reading source files as UTF-8 text, or saying clearly why a file cannot be read, and naming them in reports. */
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { mightContainAuth0 } from '../analysis/prefilter';
import type { FileError } from './types';

/** What the first pass over a tree keeps of a file: its text if the pre-filter selects it, else its relative imports. */
export type FirstRead =
  /** `inert`: the reader thread proved that analysing the text finds nothing (see `screen.ts`). */
  | { readonly kind: 'selected'; readonly text: string; readonly inert?: true }
  /** `imports`: the relative `from` specifiers, one per line (a string of its own, not slices keeping the text alive). */
  | { readonly kind: 'other'; readonly imports: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * A relative `import ... from` / `export ... from`: the only module links the analysis follows (a `require` never
 * carries a login or a token across modules here, so a module reached only by one is not worth parsing).
 */
const RELATIVE_IMPORT = /\bfrom\s*['"](\.{1,2}\/[^'"\n]+)['"]/g;

export function firstRead(file: string): FirstRead {
  const read = readSource(file);
  if (typeof read !== 'string') return { kind: 'error', message: read.error };
  return mightContainAuth0(read)
    ? { kind: 'selected', text: read }
    : { kind: 'other', imports: relativeImports(read).join('\n') };
}

export function relativeImports(text: string): string[] {
  return Array.from(text.matchAll(RELATIVE_IMPORT), (match) => match[1]!);
}

/** Reads a file as UTF-8 text (see `readSource`); an unreadable one is added to `errors` under its reported name. */
export function readText(file: string, reported: string, errors: FileError[]): string | undefined {
  const read = readSource(file);
  if (typeof read === 'string') return read;
  errors.push({ file: reported, message: read.error });
  return undefined;
}

/**
 * Reads a file as UTF-8 text. Binary and unreadable files become errors. So does an Auth0-related file in another
 * encoding: decoded as UTF-8 its other bytes would be replaced, and a migration would write the replacements back.
 * Any other non-UTF-8 file is returned decoded; the text pre-filter skips it (or `replaceFile` refuses to write it).
 */
function readSource(file: string): string | { readonly error: string } {
  let text: string;
  try {
    // Decoded as it is read: no Buffer per file, which over a large tree costs time and memory the allocator keeps.
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read: ${errorText(error)}` };
  }
  if (text.includes('\0')) return { error: 'binary file (contains NUL bytes): skipped' };
  // Invalid bytes decode to U+FFFD; only then are the bytes checked (the character itself is valid UTF-8 too).
  if (text.includes('\uFFFD') && mightContainAuth0(text) && !isUtf8(readBytes(file))) {
    return { error: 'not valid UTF-8 (another encoding, such as Latin-1?): skipped; save it as UTF-8 to analyse it' };
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

/** Whether a text of `bytes` is over the size of files worth parsing (`ProjectOptions.maxFileBytes`; none when undefined). */
export function overSizeLimit(bytes: number, maxFileBytes: number | undefined): boolean {
  return maxFileBytes !== undefined && bytes > maxFileBytes;
}

/** `permission denied (EACCES)` from Node's `EACCES: permission denied, open '/x'`. */
export function errorText(error: unknown): string {
  const { code, message } = error as Partial<NodeJS.ErrnoException>;
  if (!code) return String(message ?? error);
  return `${String(message)
    .replace(/^[A-Z]+: /, '')
    .replace(/, \w+( '.*')?$/s, '')} (${code})`;
}

/** `from`-relative path with POSIX separators, the form every report uses. */
export function relativePath(from: string, to: string): string {
  // Nearly every path lies under `from`: slicing costs far less than path.relative's normalisation of both paths.
  const prefix = from.endsWith(path.sep) ? from : from + path.sep;
  const relative =
    to.startsWith(prefix) && !to.includes(`${path.sep}.`) ? to.slice(prefix.length) : path.relative(from, to);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}
