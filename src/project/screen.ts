/**
 * The reader thread's screening of large candidates. Most large files the pre-filter selects are vendored code that
 * only names a variable `idToken`, and analysing one costs the main thread more than dozens of small files: the
 * reader thread, which has time to spare, analyses it first, and the main thread never parses it when it is inert.
 */
import { moduleView } from '../analysis/facts';
import { parseJavaScriptFile } from '../parse';
import { overSizeLimit } from './read';

/** Below this size a candidate costs less to analyse on the main thread than to wait for. */
export const SCREENED_MIN_CHARS = 32 * 1024;
/** Above it, the reader thread's trees would add to the main thread's a peak of their own: bundles stay with the main thread. */
export const SCREENED_MAX_CHARS = 256 * 1024;

/** Whether the reader thread screens a candidate: a large one, not a bundle, and one the main thread would parse. */
export function screened(text: string, maxFileBytes: number | undefined): boolean {
  return (
    text.length >= SCREENED_MIN_CHARS &&
    text.length <= SCREENED_MAX_CHARS &&
    !overSizeLimit(Buffer.byteLength(text), maxFileBytes)
  );
}

/**
 * Whether a candidate is proven inert (see `ModuleView.inert`): the same analysis the main thread would run, on the
 * same espree tree. False when it cannot say: a file espree alone cannot parse (TypeScript, Flow, a syntax error), or
 * an analysis that fails; the main thread then analyses the file itself.
 */
export function provenInert(file: string, text: string): boolean {
  try {
    const units = parseJavaScriptFile(file, text);
    return units !== undefined && units.every((unit) => moduleView(unit.program, unit.text, unit.scopeManager).inert);
  } catch {
    return false;
  }
}
