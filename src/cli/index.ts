/**
 * `auth0-tokens`: the command-line tool (`scan`, `migrate`, `scopes`). Exit codes: 0 clean, 1 findings at or above
 * `--fail-on` (scan), scope differences (scopes) or file errors, 2 usage or internal errors, 130 interrupted
 * (143 on SIGTERM).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { ProjectReport } from '../project/types';
import { printable } from './escape';
import { DEFAULT_EXTENSIONS, parseExtensions, parseShard } from './files';
import {
  formatGithub,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatScopesMarkdown,
  formatScopesText,
  formatText,
  TOOL_NAME,
  TOOL_VERSION,
} from './formats';
import { runMigrate } from './migrate';
import { OutputFileError, writeOutputFile } from './output-file';
import { analyseFiles, EXIT, settleLeftovers, type RunOptions } from './run';

const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
const SCOPES_FORMATS = ['text', 'json', 'markdown'] as const;
/** `warning` and `needs-manual` are one level: needs-manual findings are reported as warnings. */
const FAIL_ON = ['error', 'warning', 'needs-manual', 'none'] as const;
/** Hand-written source is far smaller; a larger Auth0-related file is a bundle (1 MB of it parses in seconds into 500 MB). */
const DEFAULT_MAX_FILE_MB = 1;
/**
 * Auth0-related code a run keeps parsed: at 100 to 150 bytes of memory per byte of source, 12 MB fits the heap Node
 * gives itself on a 7 GB CI runner (see docs/performance.md).
 */
const DEFAULT_MAX_TOTAL_MB = 12;

class UsageError extends Error {}

function ignoreClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

type Formatter = (report: ProjectReport, colors: Colors) => string;
const SCAN_FORMATTERS: Record<(typeof SCAN_FORMATS)[number], Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  github: formatGithub,
};
const SCOPES_FORMATTERS: Record<(typeof SCOPES_FORMATS)[number], Formatter> = {
  text: formatScopesText,
  json: formatJson,
  markdown: formatScopesMarkdown,
};

/** Parses `argv` (without `node` and the script) and runs the command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that goes away (`auth0-tokens migrate --diff | head -1`) ends the output, not the run.
  for (const stream of [process.stdout, process.stderr])
    if (!stream.listeners('error').includes(ignoreClosedReader)) stream.on('error', ignoreClosedReader);
  let exitCode: number = EXIT.ok;
  const { default: yargs } = await import('yargs');
  const parser = yargs([...argv])
    .scriptName(TOOL_NAME)
    .usage(
      '$0 <command> [paths..] [options]\n\nFind and migrate front-end code that calls the Auth0 Management API v2 with ID tokens.',
    )
    .command(
      'scan [paths..]',
      'Report every finding: the plugin rules per file plus the flows across modules',
      (command) =>
        commonOptions(command)
          .option('format', {
            alias: 'f',
            choices: SCAN_FORMATS,
            default: 'text' as const,
            describe: 'Output format (github = workflow annotations)',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            requiresArg: true,
            describe: 'Write the report to this file instead of stdout',
          })
          .option('fail-on', {
            choices: FAIL_ON,
            default: 'error' as const,
            describe:
              'Exit 1 when a finding at or above this level exists: error = proven findings and files not analysed; warning (= needs-manual) = also needs-manual findings; none = never',
          }),
      async (args) => {
        exitCode = await guarded(() =>
          report(args, SCAN_FORMATTERS[args.format], (found) => failsOn(found, args.failOn)),
        );
      },
    )
    .command(
      'migrate [paths..]',
      'Migrate the code to access tokens with the fewest scopes; writes files unless --dry',
      (command) =>
        commonOptions(command)
          .option('dry', {
            alias: 'd',
            type: 'boolean',
            default: false,
            describe: 'Write nothing; show what would change (with --diff or --print)',
          })
          .option('force', {
            type: 'boolean',
            default: false,
            describe: 'Migrate even when the git working tree has uncommitted changes in the paths',
          })
          .option('diff', {
            type: 'boolean',
            default: false,
            describe: 'Print a unified diff of each changed file to stdout (coloured on a terminal)',
          })
          .option('print', {
            alias: 'p',
            type: 'boolean',
            default: false,
            describe: 'Print each changed file in full to stdout',
          })
          .option('report', {
            type: 'string',
            requiresArg: true,
            describe: 'Write a PR-ready report to FILE.md (Markdown) or FILE.json',
          })
          .option('annotate', {
            type: 'boolean',
            default: false,
            describe: 'Insert a `// TODO(auth0-tokens): <reason>` line above each site left for manual work',
          })
          .option('write-through-symlinks', {
            type: 'boolean',
            default: false,
            describe: 'Also write files whose real path lies outside the given paths (reached through a symbolic link)',
          }),
      async (args) => {
        exitCode = await guarded(() =>
          runMigrate({
            ...withReportPath(runOptions(args), '--report', args.report),
            dry: args.dry,
            force: args.force,
            diff: args.diff,
            print: args.print,
            annotate: args.annotate,
            writeThroughSymlinks: args.writeThroughSymlinks,
            report: args.report,
            colors: colorsFor(args.color, process.stdout),
          }),
        );
      },
    )
    .command(
      'scopes [paths..]',
      'The least-privilege report per token request: declared, required (with the calls that need them), missing and excess scopes',
      (command) =>
        commonOptions(command)
          .option('format', {
            alias: 'f',
            choices: SCOPES_FORMATS,
            default: 'text' as const,
            describe: 'Output format',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            requiresArg: true,
            describe: 'Write the report to this file instead of stdout',
          }),
      async (args) => {
        exitCode = await guarded(() => report(args, SCOPES_FORMATTERS[args.format], scopesDiffer));
      },
    )
    .demandCommand(1, 'Name a command: scan, migrate or scopes.')
    // Paths after `--` (a file named like an option) are paths, not `_` entries yargs would leave unread.
    .parserConfiguration({ 'populate--': true })
    .strict()
    .version(TOOL_VERSION)
    .help()
    .alias('help', 'h')
    .wrap(Math.min(120, process.stdout.columns ?? 120))
    .epilogue(
      'Exit codes: 0 clean; 1 findings at or above --fail-on (scan), scope differences (scopes) or files with errors; 2 usage error, missing path, refused dirty tree or internal error; 130 interrupted (143 on SIGTERM).',
    )
    .exitProcess(false)
    // Thrown, so that yargs runs no command after a validation failure. Command handlers catch their own errors.
    .fail((message: string | undefined, error: Error | undefined) => {
      throw new UsageError(message ?? error?.message ?? 'invalid arguments');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    const usage = error instanceof UsageError ? `\nRun '${TOOL_NAME} --help' for usage.` : '';
    process.stderr.write(
      `${TOOL_NAME}: ${printable(error instanceof Error ? error.message : String(error))}${usage}\n`,
    );
    return EXIT.usage;
  }
  return exitCode;
}

function commonOptions<T>(command: Argv<T>) {
  return (
    command
      .positional('paths', {
        type: 'string',
        array: true,
        describe:
          'Files and directories to analyse (default: the current directory); paths after -- are taken as paths whatever they look like',
      })
      .option('extensions', {
        type: 'string',
        requiresArg: true,
        default: DEFAULT_EXTENSIONS.join(','),
        describe: 'File extensions to analyse, comma-separated (repeatable)',
        coerce: (value: string | string[]) => parseExtensions([value].flat()),
      })
      .option('ignore', {
        type: 'string',
        requiresArg: true,
        default: [] as string[],
        describe: 'Skip paths matching this gitignore-style pattern, relative to the working directory (repeatable)',
        coerce: (value: string | string[]) => [value].flat(),
      })
      .option('gitignore', {
        type: 'boolean',
        default: true,
        describe: 'Respect .gitignore files (nested ones too); --no-gitignore to analyse ignored files',
      })
      .option('default-ignores', {
        type: 'boolean',
        default: true,
        describe:
          'Skip node_modules, vendored code (vendor, www/lib, bower folders and the folders .bowerrc files name), dist, build, coverage and minified bundles; --no-default-ignores to include them',
      })
      // Strings, checked in `runOptions`: as numbers, yargs would read '' as 0 (no limit) and 'Infinity' as a limit.
      .option('max-file-size', {
        type: 'string',
        requiresArg: true,
        defaultDescription: String(DEFAULT_MAX_FILE_MB),
        describe:
          'Report and skip Auth0-related files larger than this many megabytes (bundles, generated code: parsing 5 MB takes half a minute and 2 GB of memory); 0 for no limit',
      })
      .option('max-total-size', {
        type: 'string',
        requiresArg: true,
        defaultDescription: String(DEFAULT_MAX_TOTAL_MB),
        describe:
          'Keep at most this many megabytes of Auth0-related code parsed in one run (it is held in memory at 100 to 150 times its size); a file beyond it is reported and not analysed; 0 for no limit',
      })
      .option('shard', {
        type: 'string',
        requiresArg: true,
        describe:
          'Report (and migrate) only shard i of n (i/n, 1-based): a deterministic, disjoint and complete split for CI matrices',
      })
      .option('environment', {
        choices: ['auto', 'browser', 'server'] as const,
        default: 'auto' as const,
        describe: 'Whether the files run in a browser; auto decides per file',
      })
      .option('metadata-scope', {
        choices: ['update', 'create', 'both'] as const,
        default: 'update' as const,
        describe: 'Scope required by PATCH /api/v2/users/{id}: update:current_user_metadata, create:…, or both',
      })
      .option('quiet', {
        alias: 'q',
        type: 'boolean',
        default: false,
        describe: 'No progress bar, summary or needs-manual list on stderr (errors are still printed)',
      })
      .option('color', {
        type: 'boolean',
        describe: 'Colour the output (default: when stdout is a terminal and NO_COLOR is unset)',
      })
  );
}

interface CommonArguments {
  paths: string[] | undefined;
  '--'?: (string | number)[];
  extensions: string[];
  ignore: string[];
  gitignore: boolean;
  defaultIgnores: boolean;
  shard: string | string[] | undefined;
  environment: 'auto' | 'browser' | 'server';
  metadataScope: 'update' | 'create' | 'both';
  maxFileSize: string | string[] | undefined;
  maxTotalSize: string | string[] | undefined;
  quiet: boolean;
}

function runOptions(args: CommonArguments): RunOptions {
  const shardText = once('--shard', args.shard);
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (typeof shard === 'string') throw new UsageError(shard);
  if (args.extensions.length === 0) throw new UsageError('--extensions names no extension');
  const paths = [...(args.paths ?? []), ...(args['--'] ?? []).map(String)];
  if (paths.some((given) => given.trim() === ''))
    throw new UsageError('a path is empty: name a file or directory, or leave the paths out for the current directory');
  return {
    cwd: process.cwd(),
    paths: paths.length > 0 ? paths : ['.'],
    extensions: args.extensions,
    ignore: args.ignore,
    gitignore: args.gitignore,
    defaultIgnores: args.defaultIgnores,
    shard,
    quiet: args.quiet,
    environment: args.environment,
    metadataScope: args.metadataScope,
    maxFileBytes: bytesLimit('--max-file-size', args.maxFileSize, DEFAULT_MAX_FILE_MB),
    maxTotalBytes: bytesLimit('--max-total-size', args.maxTotalSize, DEFAULT_MAX_TOTAL_MB),
  };
}

/** The value of an option given at most once (yargs gathers a repeated one into an array). */
function once(flag: string, value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) throw new UsageError(`${flag} is given more than once`);
  return value;
}

/**
 * A limit given at most once as a decimal number of megabytes, 0 or more (no sign, exponent or surrounding space), in
 * bytes; 0 is no limit.
 */
function bytesLimit(flag: string, value: string | string[] | undefined, defaultMegabytes: number): number | undefined {
  const text = once(flag, value) ?? String(defaultMegabytes);
  const megabytes = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(megabytes))
    throw new UsageError(`${flag} must be a number of megabytes, 0 or more (got '${text}')`);
  return megabytes > 0 ? megabytes * 1024 * 1024 : undefined;
}

/**
 * Refuses a report path the run would read as source (`--output src/auth.js`): writing it would overwrite a file, or
 * the next run would analyse the report. Such a path has one of the run's extensions and lies in its paths, or is an
 * existing file with one of them.
 */
function withReportPath(options: RunOptions, flag: string, file: string | undefined): RunOptions {
  if (file === undefined) return options;
  if (file.trim() === '') throw new UsageError(`${flag} names no file`);
  const target = realPathOf(path.resolve(options.cwd, file));
  const extension = path.extname(target).slice(1).toLowerCase();
  const inPaths = options.paths.some((given) => {
    const root = realPathOf(path.resolve(options.cwd, given));
    return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
  if (options.extensions.includes(extension) && (inPaths || fs.existsSync(target))) {
    throw new UsageError(
      `${flag} ${file} is a source file this run analyses or would overwrite: write the report under another extension (.md, .json, .sarif, …)`,
    );
  }
  return options;
}

/** The real path of a file or of the directory it would be created in (a report path need not exist yet). */
function realPathOf(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPathOf(parent), path.basename(absolute));
  }
}

/** Usage errors, system errors and crashes become exit code 2 with a one-line message (and the stack for crashes). */
async function guarded(command: () => number | Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    // A system error (an --output or --report path that cannot be written) names the path and the cause: no stack.
    if (
      error instanceof UsageError ||
      error instanceof OutputFileError ||
      (error as NodeJS.ErrnoException | undefined)?.syscall !== undefined
    )
      process.stderr.write(`${TOOL_NAME}: ${printable((error as Error).message)}\n`);
    else process.stderr.write(`${TOOL_NAME}: internal error: ${crashText(error)}\n`);
    return EXIT.usage;
  }
}

/** A crash's message, which may quote a file's name, made printable; then its stack frames. */
function crashText(error: unknown): string {
  if (!(error instanceof Error)) return printable(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [printable(`${error.name}: ${error.message}`), ...frames].join('\n');
}

interface ReportArguments extends CommonArguments {
  format: string;
  output: string | undefined;
  color: boolean | undefined;
}

/** `scan` and `scopes`: analyse, write the report, and pick the exit code (`failed` decides 1 or 0). */
function report(args: ReportArguments, formatter: Formatter, failed: (report: ProjectReport) => boolean): number {
  const options = withReportPath(runOptions(args), '--output', args.output);
  const run = analyseFiles(options);
  if (!options.quiet)
    for (const note of settleLeftovers(run, options.cwd, false)) process.stderr.write(`${printable(note)}\n`);
  const colors = colorsFor(args.color, args.output === undefined ? process.stdout : undefined);
  emit(formatter(run.report, colors), args.output, options.cwd);
  if (args.format === 'json' || args.format === 'sarif') reportErrorsOnStderr(run.report);
  if (run.missing.length > 0) return EXIT.usage;
  return failed(run.report) ? EXIT.failures : EXIT.ok;
}

/** `scopes` fails while a token request's declared scopes differ from the required ones, or a file was not analysed. */
function scopesDiffer(report: ProjectReport): boolean {
  return (
    report.errors.length > 0 ||
    report.tokenRequests.some((request) => request.missingScopes.length > 0 || request.excessScopes.length > 0)
  );
}

function failsOn(report: ProjectReport, level: (typeof FAIL_ON)[number]): boolean {
  if (level === 'none') return false;
  const errors = report.errors.length > 0 || report.findings.some((finding) => finding.certainty === 'proven');
  return level === 'error' ? errors : errors || report.findings.length > 0;
}

/** `--color` / `--no-color` win; otherwise colours on a terminal, unless NO_COLOR is set or FORCE_COLOR says otherwise. */
function colorsFor(requested: boolean | undefined, stream: NodeJS.WriteStream | undefined): Colors {
  const { NO_COLOR, FORCE_COLOR } = process.env;
  const enabled =
    requested ??
    (stream !== undefined &&
      NO_COLOR === undefined &&
      (FORCE_COLOR === undefined ? stream.isTTY === true : FORCE_COLOR !== '0'));
  return pc.createColors(enabled);
}

function emit(text: string, output: string | undefined, cwd: string): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  writeOutputFile(path.resolve(cwd, output), output, text);
}

/** The JSON schema has no list of the files not analysed (SARIF has only tool notifications): name them on stderr. */
function reportErrorsOnStderr(report: ProjectReport): void {
  for (const error of report.errors) process.stderr.write(`${printable(error.file)}: ${printable(error.message)}\n`);
}
