/**
 * The bounded-cost scenarios of `npm run bench`, each measured once per command:
 *
 * - `large-mixed`, `large-repeated`: Auth0-related files of 900 KB (bench/large.mjs), at the default limits. The run
 *   analyses as many as its `--max-total-size` holds and reports each of the others by name, so its peak memory must
 *   not grow with the count. It runs with the heap Node gives itself on a 7 GB CI runner
 *   (`--max-old-space-size=1750`), which the default limits must fit.
 * - `copies-<n>`: n copies of the demo app (fixtures/legacy-app), each in a folder of its own, with no run-wide limit
 *   (1,000 copies hold 14 MB of Auth0-related code, over the default `--max-total-size`). Every copy must give the
 *   same findings and changes, and the cost per copy must not grow with n.
 *
 * `scan --format json` and `migrate --dry`, with the report written to a file and checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GNU_TIME, measureNode, round } from './measure.mjs';
import { SHAPES, writeLargeFiles } from './large.mjs';
import { BIN, ROOT } from './tree.mjs';

const DEMO_APP = path.join(ROOT, 'fixtures/legacy-app');
const LARGE_FILE_KB = 900;
const NOT_ANALYSED = /^not analysed: the run already holds /;
/** Node's default heap on a machine of 7 GB (a quarter of it): see docs/performance.md. */
const SMALL_RUNNER_HEAP = { NODE_OPTIONS: '--max-old-space-size=1750' };

/** Measures the scenarios in `work`: `large` files of each shape (none when 0), and each count of `copies`. */
export function measureScenarios(work, { large, copies }) {
  const scenarios = [
    ...(large > 0
      ? SHAPES.map((shape) => ({
          id: `large-${shape}`,
          count: large,
          env: SMALL_RUNNER_HEAP,
          build: (dir) => writeLargeFiles(dir, large, { kb: LARGE_FILE_KB, shape }),
          check: checkLarge,
        }))
      : []),
    ...copies.map((count) => ({
      id: `copies-${count}`,
      count,
      limits: ['--max-total-size', '0'],
      build: (dir) => copyDemoApp(dir, count),
      check: checkCopies,
    })),
  ];
  return Object.fromEntries(scenarios.map((scenario) => [scenario.id, measureScenario(work, scenario)]));
}

function measureScenario(work, { id, count, env = {}, limits = [], build, check }) {
  const dir = path.join(work, id);
  process.stderr.write(`building ${dir}\n`);
  build(dir);
  const output = path.join(work, 'out', `${id}.json`);
  const commands = {
    scan: ['scan', '--format', 'json', '--fail-on', 'none', '--quiet', '--output', output, ...limits],
    migrate: ['migrate', '--dry', '--quiet', '--report', output, ...limits],
  };
  const results = {};
  for (const [command, args] of Object.entries(commands)) {
    const run = measureNode([BIN, ...args], { cwd: dir, env: { ...process.env, ...env } });
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`${id} ${command}: exit ${run.status} (signal ${run.signal})\n${run.stderr.slice(-2000)}`);
    const details = check(command, JSON.parse(fs.readFileSync(output, 'utf8')), count, id);
    results[command] = {
      wallSeconds: round(run.wallSeconds, 2),
      cpuSeconds: GNU_TIME ? round(run.cpuSeconds, 2) : null,
      peakRssMb: GNU_TIME ? Math.round(run.rssMb) : null,
      details,
    };
    process.stderr.write(
      `  ${id.padEnd(16)} ${command.padEnd(8)} ${run.wallSeconds.toFixed(2)} s  ${run.rssMb?.toFixed(0) ?? '?'} MB\n`,
    );
  }
  return { count, nodeOptions: env.NODE_OPTIONS ?? null, results };
}

/** Each file is analysed (it has findings) or reported as beyond the run's total, never anything else. */
function checkLarge(command, report, count, id) {
  // Both reports count the files not analysed; only migrate's lists them, with their messages.
  const notAnalysed = report.summary.errors;
  const stray = (report.errors ?? []).filter((error) => !NOT_ANALYSED.test(error.message));
  if (stray.length > 0) throw new Error(`${id} ${command}: unexpected errors: ${JSON.stringify(stray.slice(0, 3))}`);
  const analysed =
    command === 'scan' ? new Set(report.findings.map((finding) => finding.file)).size : report.files.length;
  if (analysed + notAnalysed !== count)
    throw new Error(`${id} ${command}: ${analysed} files analysed and ${notAnalysed} reported, of ${count}`);
  return { analysed, notAnalysed };
}

/** No errors, and every copy gives what the first gives. */
function checkCopies(command, report, count, id) {
  if (report.summary.errors > 0)
    throw new Error(
      `${id} ${command}: ${report.summary.errors} files not analysed: ${JSON.stringify(report.errors?.slice(0, 3))}`,
    );
  const items = command === 'scan' ? report.findings : report.files.flatMap((file) => file.changes.map(() => file));
  const perCopy = new Map();
  for (const item of items) {
    const copy = item.file.split('/')[0];
    perCopy.set(copy, (perCopy.get(copy) ?? 0) + 1);
  }
  const counts = new Set(perCopy.values());
  if (perCopy.size !== count || counts.size !== 1)
    throw new Error(`${id} ${command}: copies differ: ${JSON.stringify([...counts])} over ${perCopy.size} copies`);
  return { copies: count, [command === 'scan' ? 'findingsPerCopy' : 'changesPerCopy']: [...counts][0] };
}

function copyDemoApp(dir, count) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let copy = 1; copy <= count; copy++) fs.cpSync(DEMO_APP, path.join(dir, `copy-${copy}`), { recursive: true });
}

/** The table lines for `printTable` in bench/run.mjs. */
export function scenarioLines(scenarios) {
  const lines = [];
  for (const [id, { count, results }] of Object.entries(scenarios)) {
    for (const [command, result] of Object.entries(results)) {
      const details = Object.entries(result.details)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ');
      lines.push(
        `${`${id} (${count})`.padEnd(24)} ${command.padEnd(8)} ${`${result.wallSeconds.toFixed(2)} s`.padStart(9)} ${result.cpuSeconds === null ? '-' : `${result.cpuSeconds.toFixed(1)} s cpu`.padStart(11)} ${result.peakRssMb === null ? '-' : `${result.peakRssMb} MB`.padStart(8)}  ${details}`,
      );
    }
  }
  return lines;
}
