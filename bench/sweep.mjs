/**
 * `npm run sweep`: the robustness sweep over real third-party code that never uses Auth0. `scan` and `migrate --dry`
 * run over every JS/TS file under `node_modules` (default ignores and .gitignore off); neither may crash, and every
 * finding, recognised token request or Management call, and every file `migrate` would change is printed: the
 * expected count is zero, so each one is a false positive.
 *
 * `--deep` also runs the per-file recogniser and every rule's check with the text pre-filter bypassed, so files the
 * pre-filter skips are parsed and analysed too: any exception other than a parse error is a crash.
 *
 *   node bench/sweep.mjs [--root DIR] [--deep] [--sample N] [--json]
 *
 * `--sample N` takes N files spread evenly over the sorted list (files up to 64 KiB), passed to the CLI by name: the
 * bounded subset `npm test` runs. `--json` prints the summary as JSON on stdout instead of the text report.
 * Exit code: 0 clean, 1 crashes or findings.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode } from './measure.mjs';
import { BIN, ROOT, sourceFiles } from './tree.mjs';

const SAMPLE_MAX_BYTES = 64 * 1024;
/** The CLI's default extensions: the sweep takes whatever the CLI would. */
const CLI_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue'];
/** Every file: no ignore rules, and no size limits (the multi-megabyte bundles are part of the sweep). */
const WALK_ALL = ['--no-default-ignores', '--no-gitignore', '--max-file-size', '0', '--max-total-size', '0'];

const { values: options } = parseArgs({
  options: {
    root: { type: 'string', default: path.join(ROOT, 'node_modules') },
    deep: { type: 'boolean', default: false },
    sample: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const require = createRequire(path.join(ROOT, 'package.json'));
const root = path.resolve(options.root);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-sweep-'));

/** Evenly spread, so the subset crosses many packages; the same on every run for the same tree. */
function sampleFiles(count) {
  const small = sourceFiles(root, CLI_EXTENSIONS).filter(
    (file) => fs.statSync(path.join(root, file)).size <= SAMPLE_MAX_BYTES,
  );
  const step = Math.max(1, small.length / count);
  const chosen = [];
  for (let index = 0; index < small.length && chosen.length < count; index += step)
    chosen.push(small[Math.floor(index)]);
  return chosen.map((file) => path.join(root, file));
}

/** A crash is exit code 2 (usage or internal error), a signal, or an internal error printed on stderr. */
function crashOf(run) {
  if (run.signal) return `killed by ${run.signal}`;
  if (run.status === 2 || /internal error/i.test(run.stderr))
    return `exit ${run.status}: ${run.stderr.trim().split('\n').slice(0, 20).join('\n')}`;
  return undefined;
}

function cli(command, targets, extra) {
  return measureNode([BIN, command, ...targets, ...WALK_ALL, '--quiet', ...extra], { cwd: root });
}

function sweepScan(targets) {
  const output = path.join(work, 'scan.json');
  const run = cli('scan', targets, ['--format', 'json', '--fail-on', 'none', '--output', output]);
  const crash = crashOf(run);
  const report = crash ? undefined : JSON.parse(fs.readFileSync(output, 'utf8'));
  return {
    wallSeconds: run.wallSeconds,
    peakRssMb: run.rssMb,
    crash,
    summary: report?.summary,
    findings: (report?.findings ?? []).map(
      (finding) =>
        `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} (${finding.certainty}): ${finding.message}`,
    ),
    recognised: [
      ...(report?.tokenRequests ?? []).map(
        (request) => `${request.file}:${request.line} token request (${request.sdk})`,
      ),
      ...(report?.managementCalls ?? []).map(
        (call) => `${call.file}:${call.line} Management call ${call.method ?? '?'} ${call.path ?? '?'} (${call.via})`,
      ),
    ],
    errors: (report?.errors ?? []).map((error) => `${error.file}: ${error.message}`),
  };
}

function sweepMigrate(targets) {
  const output = path.join(work, 'migrate.json');
  const run = cli('migrate', targets, ['--dry', '--report', output]);
  const crash = crashOf(run);
  const report = crash ? undefined : JSON.parse(fs.readFileSync(output, 'utf8'));
  const files = report?.files ?? [];
  return {
    wallSeconds: run.wallSeconds,
    peakRssMb: run.rssMb,
    crash,
    summary: report?.summary,
    changes: files.flatMap((file) => [
      ...file.changes.map((change) => `${file.file}:${change.line} would change (${change.ruleId}): ${change.message}`),
      ...file.needsManual.map(
        (site) => `${file.file}:${site.line} needs manual work (${site.ruleId}): ${site.message}`,
      ),
    ]),
  };
}

/** The recogniser and every check on each file, pre-filter bypassed; ASTs are dropped file by file. */
function sweepDeep(files) {
  const { parseFile, ParseError } = require('./dist/src/parse.js');
  const { moduleView } = require('./dist/src/analysis/facts.js');
  const { CHECKS, RULE_NAMES, DEFAULT_CHECK_OPTIONS } = require('./dist/src/analysis/checks.js');
  const started = process.hrtime.bigint();
  const findings = [];
  const recognised = [];
  const crashes = [];
  let parseErrors = 0;
  let binary = 0;
  for (const file of files) {
    const relative = path.relative(root, file);
    const bytes = fs.readFileSync(file);
    if (bytes.includes(0)) {
      binary++;
      continue;
    }
    const text = bytes.toString('utf8');
    try {
      for (const unit of parseFile(file, text)) {
        const { facts } = moduleView(unit.program, unit.text, unit.scopeManager);
        for (const kind of ['tokenRequests', 'managementCalls', 'credentials', 'legacyApis', 'secrets']) {
          for (const item of facts[kind])
            recognised.push(`${relative}:${lineOf(text, unit.offset + item.node.range[0])} ${kind}`);
        }
        for (const rule of RULE_NAMES) {
          for (const finding of CHECKS[rule](facts, unit.text, DEFAULT_CHECK_OPTIONS)) {
            findings.push(
              `${relative}:${lineOf(text, unit.offset + finding.node.range[0])} auth0-tokens/${rule} (${finding.certainty}) ${finding.messageId}`,
            );
          }
        }
      }
    } catch (error) {
      if (error instanceof ParseError) parseErrors++;
      else crashes.push(`${relative}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  return {
    files: files.length,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    parseErrors,
    binary,
    crashes,
    findings,
    recognised,
  };
}

function lineOf(text, offset) {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/src/cli/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first (`npm run sweep` does)');
  const sample = options.sample === undefined ? undefined : sampleFiles(Number(options.sample));
  const targets = sample ?? [root];
  const files = sample ?? sourceFiles(root, CLI_EXTENSIONS).map((file) => path.join(root, file));
  const result = {
    root: path.relative(process.cwd(), root) || '.',
    files: files.length,
    scan: sweepScan(targets),
    migrate: sweepMigrate(targets),
    deep: options.deep ? sweepDeep(files) : undefined,
  };
  fs.rmSync(work, { recursive: true, force: true });
  const crashes = [result.scan.crash, result.migrate.crash, ...(result.deep?.crashes ?? [])].filter(Boolean);
  const falsePositives = [
    ...result.scan.findings,
    ...result.scan.recognised,
    ...result.migrate.changes,
    ...(result.deep?.findings ?? []),
  ];
  result.crashes = crashes.length;
  result.falsePositives = falsePositives.length;
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printReport(result);
  process.exitCode = crashes.length > 0 || falsePositives.length > 0 ? 1 : 0;
}

function printReport(result) {
  const lines = [`sweep over ${result.files} files under ${result.root}`];
  const figures = (step) =>
    `${step.wallSeconds.toFixed(1)} s${step.peakRssMb === null ? '' : `, peak RSS ${Math.round(step.peakRssMb)} MB`}`;
  const { scan, migrate, deep } = result;
  lines.push('', `scan: ${figures(scan)}${scan.crash ? `\n  CRASH ${scan.crash}` : ''}`);
  if (scan.summary)
    lines.push(
      `  ${scan.summary.filesScanned} scanned, ${scan.summary.filesSkipped} skipped by the pre-filter, ${scan.summary.findings} findings, ${scan.summary.errors} file errors`,
    );
  for (const line of [...scan.findings, ...scan.recognised]) lines.push(`  FALSE POSITIVE ${line}`);
  for (const line of scan.errors) lines.push(`  file error (not a crash) ${line}`);
  lines.push('', `migrate --dry: ${figures(migrate)}${migrate.crash ? `\n  CRASH ${migrate.crash}` : ''}`);
  if (migrate.summary)
    lines.push(
      `  ${migrate.summary.modified} would be modified, ${migrate.summary.needsManual} needs-manual sites, ${migrate.summary.errors} file errors`,
    );
  for (const line of migrate.changes) lines.push(`  FALSE POSITIVE ${line}`);
  if (deep) {
    lines.push('', `deep (recogniser and checks on every file, pre-filter bypassed): ${figures(deep)}`);
    lines.push(
      `  ${deep.files} files, ${deep.parseErrors} not parsable (reported as file errors, not crashes), ${deep.binary} binary, ${deep.recognised.length} recognised sites, ${deep.findings.length} findings`,
    );
    for (const line of deep.crashes) lines.push(`  CRASH ${line}`);
    for (const line of deep.findings) lines.push(`  FALSE POSITIVE ${line}`);
    for (const line of deep.recognised) lines.push(`  recognised (no finding) ${line}`);
  }
  lines.push('', `${result.crashes} crashes, ${result.falsePositives} false positives`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
