/**
 * `auth0-tokens migrate`: the project analysis, then each file's migration with the cross-file facts, written
 * atomically (or only shown, with `--dry`), and a PR-ready report of what changed, why, and what is left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Colors } from 'picocolors/types';
import type { FileError, FileMigration, ProjectReport } from '../project/types';
import {
  jsonDocument,
  markdownCell,
  markdownChecklist,
  markdownCode,
  markdownErrors,
  markdownText,
  markdownTokenRequest,
  TENANT_CHECKLIST,
  TOOL_NAME,
  TOOL_VERSION,
} from './formats';
import { printable } from './escape';
import { uncommittedWork } from './git';
import { writeOutputFile } from './output-file';
import { analyseFiles, EXIT, settleLeftovers, sortErrors, type Run, type RunOptions } from './run';
import { fileIdentity, InterruptGuard, writeTogether, type PlannedWrite } from './write';

export interface MigrateOptions extends RunOptions {
  readonly dry: boolean;
  readonly force: boolean;
  readonly diff: boolean;
  readonly print: boolean;
  readonly annotate: boolean;
  /** Write files whose real path lies outside the given paths (reached through a symbolic link). */
  readonly writeThroughSymlinks: boolean;
  readonly report?: string;
  /** Colours for `--diff` on stdout. */
  readonly colors: Colors;
}

export interface MigrationSummary {
  modified: number;
  unchanged: number;
  skipped: number;
  needsManual: number;
  errors: number;
}

type FileStatus = 'modified' | 'unchanged' | 'not-written';

interface Outcome {
  readonly migrations: readonly FileMigration[];
  readonly status: ReadonlyMap<string, FileStatus>;
  readonly errors: readonly FileError[];
  readonly summary: MigrationSummary;
  readonly interrupted: boolean;
}

/** Runs `migrate`; returns the exit code (0, 1 on errors, 2 on a refused dirty tree or a missing path, 130 on Ctrl-C, 143 on SIGTERM). */
export async function runMigrate(options: MigrateOptions): Promise<number> {
  const run = analyseFiles(options);
  const migrations = run.analysis
    .migrate({ annotate: options.annotate })
    .filter((migration) => run.files.has(migration.file));
  const changed = migrations.filter((migration) => migration.after !== migration.before);
  const status = new Map<string, FileStatus>(
    migrations.map((migration) => [migration.file, migration.after === migration.before ? 'unchanged' : 'modified']),
  );
  const notes = settleLeftovers(run, options.cwd, !options.dry);
  const plans = changed.map((migration) => ({ ...migration, absolute: path.resolve(options.cwd, migration.file) }));
  if (!options.dry && !options.force && plans.length > 0 && refuseUncommittedWork(options, plans)) return EXIT.usage;
  const {
    errors: writeErrors,
    untouched,
    signal,
  } = options.dry
    ? { errors: [], untouched: 0, signal: undefined }
    : await writeAll(plans, refusals(run, options, plans), status);
  const interrupted = signal !== undefined;

  const shown = changed.filter((migration) => status.get(migration.file) === 'modified');
  if (options.diff)
    for (const migration of shown) process.stdout.write(colourDiff(unifiedDiff(migration), options.colors));
  if (options.print)
    for (const migration of shown)
      process.stdout.write(
        `==> ${printable(migration.file)} <==\n${migration.after}${migration.after.endsWith('\n') ? '' : '\n'}`,
      );

  const errors = sortErrors([...run.report.errors, ...writeErrors]);
  const outcome: Outcome = {
    migrations,
    status,
    errors,
    summary: summarise(run.report, run.files, migrations, status, errors),
    interrupted,
  };

  for (const error of errors) process.stderr.write(`${printable(error.file)}: ${printable(error.message)}\n`);
  if (!options.quiet) {
    for (const note of notes) process.stderr.write(`${printable(note)}\n`);
    for (const migration of migrations) {
      for (const site of migration.manual)
        process.stderr.write(
          `${printable(migration.file)}:${site.line}:${site.column} needs manual work (${site.rule}): ${printable(site.message)}\n`,
        );
    }
    process.stderr.write(`${summaryLine(outcome.summary)}${options.dry ? ' (dry run: nothing written)' : ''}\n`);
  }
  if (interrupted)
    process.stderr.write(
      `${TOOL_NAME}: interrupted; ${untouched} file${untouched === 1 ? ' was' : 's were'} left untouched.\n`,
    );
  if (options.report)
    writeReport(path.resolve(options.cwd, options.report), options.report, run.report, outcome, options.dry);

  // 128 + the signal's number, as a shell reports a process the signal ended: 130 for Ctrl-C, 143 for SIGTERM.
  if (signal) return 128 + os.constants.signals[signal];
  if (run.missing.length > 0) return EXIT.usage;
  return errors.length > 0 ? EXIT.failures : EXIT.ok;
}

type Plan = PlannedWrite & Pick<FileMigration, 'flow'>;

/**
 * Whether a repository holding a given path or a file to be written has uncommitted changes there (or cannot be asked);
 * if so, says why nothing will be migrated.
 */
function refuseUncommittedWork(options: MigrateOptions, plans: readonly Plan[]): boolean {
  const roots = options.paths.flatMap((given) => realPath(path.resolve(options.cwd, given)) ?? []);
  const { dirty, unchecked } = uncommittedWork(
    roots,
    plans.flatMap((plan) => realPath(plan.absolute) ?? []),
  );
  if (dirty.length === 0 && unchecked.length === 0) return false;
  const listed = dirty.slice(0, 10).map((file) => `  ${printable(path.relative(options.cwd, file) || file)}`);
  if (dirty.length > listed.length) listed.push(`  … and ${dirty.length - listed.length} more`);
  for (const { repository, reason } of unchecked)
    listed.push(
      `  ${printable(path.relative(options.cwd, repository) || '.')} (git cannot tell: ${printable(reason)})`,
    );
  process.stderr.write(
    `${TOOL_NAME}: refusing to migrate: the git working tree has uncommitted changes in these paths:\n${listed.join('\n')}\n` +
      'Commit or stash them first so the migration can be reviewed and undone on its own, or pass --force (or --dry to only look).\n',
  );
  return true;
}

/**
 * Why a file must not be written whatever it holds: its real path lies outside the given paths (a symbolic link leads
 * there) unless --write-through-symlinks, or a backup an interrupted run left beside it is still unresolved.
 */
function refusals(run: Run, options: MigrateOptions, plans: readonly Plan[]): Map<string, string> {
  const refused = new Map<string, string>();
  const roots = options.paths.flatMap((given) => realPath(path.resolve(options.cwd, given)) ?? []);
  const unresolved = new Set(run.leftovers.filter((leftover) => !leftover.settled).map((leftover) => leftover.file));
  for (const plan of plans) {
    const real = realPath(plan.absolute) ?? plan.absolute;
    if (unresolved.has(real) || unresolved.has(plan.absolute))
      refused.set(plan.file, 'a backup left by an interrupted migrate is beside it (see its error)');
    else if (!options.writeThroughSymlinks && !roots.some((root) => isWithin(real, root))) {
      refused.set(
        plan.file,
        `its real path ${real} lies outside the paths given (a symbolic link leads there); pass --write-through-symlinks to write it`,
      );
    }
  }
  return refused;
}

/**
 * Writes the changed files flow by flow (see `writeTogether`): a flow is written in full or not at all, and a flow with
 * a refused file is not written. On Ctrl-C (or SIGTERM, SIGHUP) the flow being written is finished and the rest are
 * left untouched. Marks each file not written in `status`.
 */
async function writeAll(
  plans: readonly Plan[],
  refused: ReadonlyMap<string, string>,
  status: Map<string, FileStatus>,
): Promise<{ errors: FileError[]; untouched: number; signal: NodeJS.Signals | undefined }> {
  const errors: FileError[] = [];
  let untouched = 0;
  const flows = flowsOf(plans);
  const notWritten = (file: string, reason: string) => {
    status.set(file, 'not-written');
    errors.push({ file, message: `not written: ${reason}` });
  };
  const signal = await new InterruptGuard().hold(async (guard) => {
    for (const flow of flows.values()) {
      if (guard.interrupted) {
        for (const plan of flow) status.set(plan.file, 'not-written');
        untouched += flow.length;
        continue;
      }
      const blocker = flow.find((plan) => refused.has(plan.file));
      if (blocker) {
        for (const plan of flow)
          notWritten(
            plan.file,
            plan === blocker ? refused.get(plan.file)! : `its flow continues in ${blocker.file}, which is not written`,
          );
        continue;
      }
      for (const [file, reason] of writeTogether(flow)) notWritten(file, reason);
      // The writes are synchronous: a signal is heard here, between flows.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return guard.signal;
  });
  return { errors, untouched, signal };
}

/**
 * The plans by flow, each with its file's identity. Names of one file (hard links, found as separate files) are one
 * file: their flows are written together.
 */
function flowsOf(plans: readonly Plan[]): Map<string, Plan[]> {
  const flowOfFile = new Map<string, string>();
  const merged = new Map<string, string>();
  const flowName = (flow: string): string => (merged.has(flow) ? flowName(merged.get(flow)!) : flow);
  const identified = plans.map((plan) => ({ ...plan, identity: fileIdentity(plan.absolute) }));
  for (const plan of identified) {
    if (plan.identity === undefined) continue;
    const other = flowOfFile.get(plan.identity);
    if (other !== undefined && flowName(other) !== flowName(plan.flow))
      merged.set(flowName(plan.flow), flowName(other));
    else flowOfFile.set(plan.identity, plan.flow);
  }
  const flows = new Map<string, Plan[]>();
  for (const plan of identified) {
    const flow = flowName(plan.flow);
    const members = flows.get(flow);
    if (members) members.push(plan);
    else flows.set(flow, [plan]);
  }
  return flows;
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function isWithin(file: string, directory: string): boolean {
  return file === directory || file.startsWith(directory.endsWith(path.sep) ? directory : directory + path.sep);
}

/**
 * Files by outcome. The analysed files are the modified and unchanged ones, those the text pre-filter skipped,
 * and those with errors (unreadable, unparsable, not written); `needsManual` counts sites, not files.
 */
function summarise(
  report: ProjectReport,
  analysed: ReadonlySet<string>,
  migrations: readonly FileMigration[],
  status: ReadonlyMap<string, FileStatus>,
  errors: readonly FileError[],
): MigrationSummary {
  const modified = [...status.values()].filter((value) => value === 'modified').length;
  const notWritten = [...status.values()].filter((value) => value === 'not-written').length;
  const failed = new Set(report.errors.map((error) => error.file).filter((file) => analysed.has(file))).size;
  return {
    modified,
    unchanged: Math.max(0, analysed.size - report.filesSkipped - failed - modified - notWritten),
    skipped: report.filesSkipped,
    needsManual: migrations.reduce((sum, migration) => sum + migration.manual.length, 0),
    errors: errors.length,
  };
}

function summaryLine(summary: MigrationSummary): string {
  return `${summary.modified} modified, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.needsManual} needs-manual, ${summary.errors} errors`;
}

function unifiedDiff(migration: FileMigration): string {
  return createTwoFilesPatch(
    `a/${printable(migration.file)}`,
    `b/${printable(migration.file)}`,
    migration.before,
    migration.after,
    undefined,
    undefined,
    { context: 3 },
  );
}

function colourDiff(diff: string, colors: Colors): string {
  return diff
    .split('\n')
    .map((line) => {
      if (/^(---|\+\+\+|={3,})/.test(line)) return colors.bold(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      return line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// `--report FILE.md|FILE.json`

function writeReport(file: string, shown: string, report: ProjectReport, outcome: Outcome, dry: boolean): void {
  const text = file.toLowerCase().endsWith('.json')
    ? jsonReport(report, outcome, dry)
    : markdownReport(report, outcome, dry);
  writeOutputFile(file, shown, text);
}

function jsonReport(report: ProjectReport, outcome: Outcome, dry: boolean): string {
  const document = {
    schemaVersion: 1,
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    dryRun: dry,
    interrupted: outcome.interrupted,
    summary: outcome.summary,
    files: outcome.migrations.map((migration) => ({
      file: migration.file,
      status: outcome.status.get(migration.file)!,
      changes: migration.changed.map(({ line, rule, message }) => ({ line, ruleId: `auth0-tokens/${rule}`, message })),
      needsManual: migration.manual.map(({ line, column, rule, message }) => ({
        line,
        column,
        ruleId: `auth0-tokens/${rule}`,
        message,
      })),
    })),
    tokenRequests: jsonDocument(report).tokenRequests,
    errors: outcome.errors.map(({ file, message }) => ({ file, message })),
    tenantChecklist: [...TENANT_CHECKLIST],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function markdownReport(report: ProjectReport, outcome: Outcome, dry: boolean): string {
  const lines = ['# Auth0 Management API: ID tokens to access tokens', ''];
  lines.push(
    `Made by \`${TOOL_NAME} migrate\` ${TOOL_VERSION}${dry ? ' (dry run: nothing was written)' : ''}${outcome.interrupted ? ' (interrupted)' : ''}.`,
    '',
  );
  lines.push(`**${summaryLine(outcome.summary)}**`, '');

  const changed = outcome.migrations.filter((migration) => migration.changed.length > 0);
  lines.push('## Changes', '');
  if (changed.length === 0) lines.push('No file changed.', '');
  for (const migration of changed) {
    const status = outcome.status.get(migration.file);
    lines.push(`### ${markdownCode(migration.file)}${status === 'not-written' ? ' (not written)' : ''}`, '');
    for (const change of migration.changed)
      lines.push(`- Line ${change.line} (\`auth0-tokens/${change.rule}\`): ${markdownText(change.message)}`);
    lines.push('');
  }

  if (report.tokenRequests.length > 0) {
    lines.push(
      '## Scopes per token request',
      '',
      'Each scope is there because of the Management API calls listed beside it.',
      '',
    );
    for (const request of report.tokenRequests) lines.push(...markdownTokenRequest(request));
  }

  const manual = outcome.migrations.flatMap((migration) =>
    migration.manual.map((site) => ({ file: migration.file, ...site })),
  );
  lines.push('## Needs manual work', '');
  if (manual.length === 0) lines.push('Nothing: every site was migrated.', '');
  else {
    lines.push('| File | Line | Rule | What to do |', '| :-- | --: | :-- | :-- |');
    for (const site of manual)
      lines.push(
        `| ${markdownCell(markdownCode(site.file))} | ${site.line}:${site.column} | \`auth0-tokens/${site.rule}\` | ${markdownCell(markdownText(site.message))} |`,
      );
    lines.push('');
  }
  lines.push(...markdownErrors(outcome.errors, 'Files not migrated'), ...markdownChecklist());
  return `${lines.join('\n')}\n`;
}
