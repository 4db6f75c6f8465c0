/**
 * Project-wide analysis: the per-file recogniser on every candidate file, then the links between modules that the
 * ESLint rules cannot see (a login in `auth.js`, the token stored or exported there, the Management call in
 * `profile.js`), so each token request is judged by every call its tokens reach. Feeds `scan`, `scopes` and `migrate`.
 */
import { readCandidates, type Candidates } from './candidates';
import { migrateProject } from './migrate';
import { analyzeModules, ModuleAnalysis, type ProjectState } from './modules';
import type { ProjectOptions } from './options';
import { buildReport } from './report';
import type { FileError, ProjectAnalysis } from './types';

export type * from './types';
export type { ProjectOptions } from './options';

/** Analyses the given files (absolute paths) as one project. Bad files become `errors`, never exceptions. */
export function analyzeProject(
  files: readonly string[],
  options: ProjectOptions,
  onProgress?: (done: number, total: number) => void,
): ProjectAnalysis {
  const errors: FileError[] = [];
  const { texts, scanned, skipped, state } = analyseCandidates(files, options, errors, onProgress);
  // Handed to the first `migrate` and forgotten here, so a migration can release what it re-analyses.
  let analysed: ProjectState | undefined = state;
  const take = (): ProjectState => {
    const state = analysed ?? analyzeModules(texts, options);
    analysed = undefined;
    return state;
  };
  return {
    report: {
      ...buildReport(state, options),
      errors: [...errors, ...state.errors],
      scannedFiles: scanned,
      skippedFiles: skipped,
      filesScanned: scanned.length,
      filesSkipped: skipped.length,
    },
    migrate: ({ annotate: withTodos }) => migrateProject(texts, take, options, withTodos),
  };
}

/**
 * The first analysis: selected files are parsed as they are read, while the reader thread (on large runs) reads on.
 * A function of its own so that nothing outlives it but what it returns: a closure over the analysis would keep every
 * first-pass tree alive through the migration that replaces them.
 */
function analyseCandidates(
  files: readonly string[],
  options: ProjectOptions,
  errors: FileError[],
  onProgress?: (done: number, total: number) => void,
): Candidates & { readonly state: ProjectState } {
  const analysis = new ModuleAnalysis(options);
  const candidates = readCandidates(
    files,
    options,
    errors,
    (file, text, inert) => analysis.add(file, text, inert),
    onProgress,
  );
  return { ...candidates, state: analysis.finish(candidates.texts.keys()) };
}
