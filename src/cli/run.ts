/** What every command does first: discover the files, run the project analysis over them, and keep the shard's share. */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject } from '../project';
import { errorText } from '../project/read';
import { redactStrings } from '../redact';
import type { FileError, ProjectAnalysis, ProjectReport } from '../project/types';
import { inspectLeftover, type Leftover } from './backups';
import { discoverFiles, inShard, relativePath, type DiscoveryOptions, type Shard } from './files';
import { createProgress } from './progress';

/** The exit codes of every command (see the README's CLI section); a signal during `migrate`'s writes gives 128 + its number. */
export const EXIT = { ok: 0, failures: 1, usage: 2 } as const;

export interface RunOptions extends DiscoveryOptions {
  readonly paths: readonly string[];
  readonly shard?: Shard;
  readonly quiet: boolean;
  readonly environment: 'auto' | 'browser' | 'server';
  readonly metadataScope: 'update' | 'create' | 'both';
  readonly maxFileBytes?: number;
  readonly maxTotalBytes?: number;
}

export interface Run {
  readonly analysis: ProjectAnalysis;
  /** The analysis report limited to this run's files (the shard's), sorted, with the discovery errors added. */
  readonly report: ProjectReport;
  /** `cwd`-relative paths of the files this run reports on (and `migrate` writes). */
  readonly files: ReadonlySet<string>;
  /** Paths given on the command line that do not exist. */
  readonly missing: readonly string[];
  /** Backups left by a killed `migrate` beside this run's files; those not settled are also in the report's errors. */
  readonly leftovers: readonly Leftover[];
}

/**
 * Every shard analyses all the files, so that a flow across modules that fall into different shards is found just as
 * in an unsharded run (only Auth0-related files are parsed, so the rest costs a read); each shard then reports and
 * writes only its own files. The shards' outputs are disjoint and together equal the unsharded output.
 */
export function analyseFiles(options: RunOptions): Run {
  const discovery = discoverFiles(options.paths, options);
  const { shard } = options;
  const own = shard
    ? discovery.files.filter((file) => inShard(relativePath(options.cwd, file), shard))
    : discovery.files;
  const files = new Set(own.map((file) => relativePath(options.cwd, file)));
  const missing = new Set(
    discovery.missing.map((given) => relativePath(options.cwd, path.resolve(options.cwd, given))),
  );
  // A missing command-line path is every shard's error; the others belong to the shard of their path.
  const discoveryErrors = shard
    ? discovery.errors.filter((error) => missing.has(error.file) || inShard(error.file, shard))
    : discovery.errors;
  const leftovers = discovery.leftovers
    .map(inspectLeftover)
    .filter((leftover) => !shard || inShard(relativePath(options.cwd, leftover.file), shard));
  const leftoverErrors = leftovers
    .filter((leftover) => !leftover.settled)
    .map((leftover) => leftoverError(options.cwd, leftover));

  const progress = createProgress(process.stderr, 'auth0-tokens', !options.quiet);
  const analysis = analyzeProject(
    discovery.files,
    {
      cwd: options.cwd,
      environment: options.environment,
      metadataScope: options.metadataScope,
      maxFileBytes: options.maxFileBytes,
      maxTotalBytes: options.maxTotalBytes,
    },
    (done, total) => progress.update(done, total),
  );
  progress.finish();

  const ours = <T extends { readonly file: string }>(items: readonly T[]) =>
    items.filter((item) => files.has(item.file));
  const { report } = analysis;
  // A shard counts its own files, from the analysis' own decision for each.
  const scannedFiles = report.scannedFiles.filter((file) => files.has(file));
  const skippedFiles = report.skippedFiles.filter((file) => files.has(file));
  return {
    analysis,
    // What every command prints quotes the code (an audience, a scope, a message): a JWT pasted there is redacted.
    report: redactStrings({
      findings: ours(report.findings).sort(
        (a, b) => compareFile(a, b) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId),
      ),
      tokenRequests: ours(report.tokenRequests).sort((a, b) => compareFile(a, b) || a.line - b.line),
      managementCalls: ours(report.managementCalls).sort((a, b) => compareFile(a, b) || a.line - b.line),
      errors: sortErrors([...discoveryErrors, ...leftoverErrors, ...ours(report.errors)]),
      scannedFiles,
      skippedFiles,
      filesScanned: scannedFiles.length,
      filesSkipped: skippedFiles.length,
    }),
    files,
    missing: discovery.missing,
    leftovers,
  };
}

/**
 * Backups that a killed `migrate` left and that say nothing their files do not: `remove` deletes them (`migrate`),
 * otherwise they are only named (read-only commands write nothing). Returns the lines to print.
 */
export function settleLeftovers(run: Run, cwd: string, remove: boolean): string[] {
  const notes: string[] = [];
  for (const leftover of run.leftovers.filter((candidate) => candidate.settled)) {
    const shown = relativePath(cwd, leftover.backup);
    if (!remove) {
      notes.push(
        `${shown}: a backup left by an interrupted migrate; ${relativePath(cwd, leftover.file)} is whole, so the next migrate removes it`,
      );
      continue;
    }
    try {
      fs.rmSync(leftover.backup, { force: true });
      notes.push(
        `${shown}: removed a backup left by an interrupted migrate (${relativePath(cwd, leftover.file)} is whole)`,
      );
    } catch (error) {
      notes.push(`${shown}: a backup left by an interrupted migrate could not be removed: ${errorText(error)}`);
    }
  }
  return notes;
}

/** A backup that must stay: its file is not written until someone has compared the two. */
function leftoverError(cwd: string, leftover: Leftover): FileError {
  return {
    file: relativePath(cwd, leftover.file),
    message: `backup ${relativePath(cwd, leftover.backup)} left by an interrupted migrate is kept (${leftover.reason}): compare the two, restore or delete the backup; the file is not migrated until then`,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFile(a: { readonly file: string }, b: { readonly file: string }): number {
  return compareText(a.file, b.file);
}

export function sortErrors(errors: readonly FileError[]): FileError[] {
  return [...errors].sort(compareFile);
}
