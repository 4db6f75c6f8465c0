/**
 * What a project-wide analysis reports: the shapes behind the CLI's `--format json` schema (version 1). Files are
 * relative to the working directory with POSIX separators; lines and columns are 1-based.
 */
import type { HttpMethod } from '../catalog';
import type { RuleName } from '../analysis/checks';
import type { Certainty, DetectedEnvironment, TokenKind, TokenRequestSdk } from '../analysis/types';

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ProjectFinding extends Location {
  /** `auth0-tokens/<rule>`, for per-file findings and cross-file findings of the same kind. */
  readonly ruleId: `auth0-tokens/${RuleName}`;
  readonly certainty: Certainty;
  readonly message: string;
  /** Other places that explain the finding (the login in another module, the call that needs a scope). */
  readonly related: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

export interface CallSite {
  readonly file: string;
  readonly line: number;
  /** `auth0.js Management#getUser`, `fetch`, `axios.patch`, ... */
  readonly via: string;
  readonly method?: HttpMethod;
  /** `/api/v2/users/{id}` */
  readonly path?: string;
}

export interface TokenRequestReport {
  readonly file: string;
  readonly line: number;
  readonly sdk: TokenRequestSdk;
  readonly audience: string | null;
  readonly responseType: string | null;
  readonly declaredScopes: readonly string[];
  readonly requiredScopes: readonly { readonly scope: string; readonly because: readonly CallSite[] }[];
  readonly missingScopes: readonly string[];
  readonly excessScopes: readonly string[];
}

export interface ManagementCallReport extends CallSite {
  readonly currentUserScope: string | null;
  readonly anyUserScope: string | null;
  readonly credential: TokenKind;
  /** Where the file making the call runs, and the evidence that says so (none for `unknown`). */
  readonly environment: DetectedEnvironment;
  readonly environmentEvidence: string | null;
}

export interface FileError {
  readonly file: string;
  readonly message: string;
}

export interface ProjectReport {
  readonly findings: readonly ProjectFinding[];
  readonly tokenRequests: readonly TokenRequestReport[];
  readonly managementCalls: readonly ManagementCallReport[];
  readonly errors: readonly FileError[];
  readonly filesScanned: number;
  /** Files the text pre-filter ruled out (never parsed). */
  readonly filesSkipped: number;
  /** The files read as text, and those of them skipped unparsed (relative, POSIX), so a shard can count its own. */
  readonly scannedFiles: readonly string[];
  readonly skippedFiles: readonly string[];
}

/** One file's migration with the project's cross-file facts applied. */
export interface FileMigration {
  readonly file: string;
  /** The flow the file belongs to, named by its first file: a flow's files are written together or not at all. */
  readonly flow: string;
  readonly before: string;
  readonly after: string;
  /** What changed and why (the rule message of each resolved finding). */
  readonly changed: readonly { readonly line: number; readonly rule: RuleName; readonly message: string }[];
  readonly manual: readonly {
    readonly line: number;
    readonly column: number;
    readonly rule: RuleName;
    readonly message: string;
  }[];
}

/**
 * The contract the CLI builds on (implemented in `src/project/index.ts`):
 *
 *   analyzeProject(files: readonly string[], options: ProjectOptions, onProgress?: (done: number, total: number) => void): ProjectAnalysis
 *
 * `files` are absolute paths (already discovered and filtered by the CLI). Unreadable or unparsable files become
 * `errors`, never exceptions. `migrate` returns one entry per file whose text changes or that has needs-manual sites.
 */
export interface ProjectAnalysis {
  readonly report: ProjectReport;
  migrate(options: { readonly annotate: boolean }): FileMigration[];
}
