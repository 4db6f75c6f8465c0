/**
 * `npm run bench`: the CLI, the ESLint plugin and the baselines over deterministic trees of 1k, 5k and 20k files
 * (bench/tree.mjs), each measured several times (median wall time, files/s, peak RSS), with the ratios the project
 * targets; then the trees dense in Auth0 code (`--dense` sizes: 2% of the files are whole copies of every fixture and
 * of the demo app, the rest real files), measured with the fast tools only; then the bounded-cost scenarios
 * (bench/bounded.mjs): `--large` Auth0-related files of 900 KB, and `--copies` copies of the demo app (0 / an empty
 * list skips them). Writes bench/results.json and prints a table. Not a test: figures depend on the machine.
 *
 *   node bench/run.mjs [--sizes 1000,5000,20000] [--dense 20000] [--reps 5] [--slow-reps 3] [--slow-reps-large 3]
 *                      [--ab-files 2500] [--tools scan,migrate,...] [--large 300] [--copies 250,1000]
 *                      [--work DIR] [--out FILE]
 *
 * Fast tools (the floors, scan, migrate) run `--reps` times after one untimed warm-up; the slow baselines (the
 * jscodeshift no-op, ESLint with and without the plugin) run `--slow-reps` times, and `--slow-reps-large` times on
 * trees above 5k files. Runs of a group are interleaved (a, b, c, a, b, c, ...) so drift hits all tools alike. Peak RSS
 * is GNU time's maximum resident set size: the largest single process (jscodeshift's worker, not the sum).
 *
 * Two separate ESLint runs differ by more than the plugin costs (±10% and worse on a busy machine), so what the plugin
 * adds is also measured in one process (bench/eslint-ab.mjs, on `--ab-files` files spread over the tree) and from
 * ESLint's own rule timing; the target is judged on the in-process figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measureScenarios, scenarioLines } from './bounded.mjs';
import { GNU_TIME, measureNode, round } from './measure.mjs';
import { buildTree, DEFAULT_SEED, DENSE_SHARE, EXTENSIONS, LEGACY_SHARE, realFilePool, BIN, ROOT } from './tree.mjs';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    dense: { type: 'string', default: '20000' },
    reps: { type: 'string', default: '5' },
    'slow-reps': { type: 'string', default: '3' },
    'slow-reps-large': { type: 'string', default: '3' },
    'ab-files': { type: 'string', default: '2500' },
    tools: { type: 'string' },
    large: { type: 'string', default: '300' },
    copies: { type: 'string', default: '250,1000' },
    work: { type: 'string', default: path.join(os.tmpdir(), 'auth0-tokens-bench') },
    out: { type: 'string', default: path.join(ROOT, 'bench/results.json') },
  },
});

const SIZES = options.sizes.split(',').map(Number);
const DENSE_SIZES = options.dense.split(',').filter(Boolean).map(Number);
const REPS = Number(options.reps);
const SLOW_REPS = Number(options['slow-reps']);
const SLOW_REPS_LARGE = Number(options['slow-reps-large']);
const AB_FILES = Number(options['ab-files']);
const LARGE_FILES = Number(options.large);
const COPIES = options.copies.split(',').filter(Boolean).map(Number);
const LARGE = 5000;
const WORK = path.resolve(options.work);
const JSCODESHIFT = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
/** The CLI walks the tree with every ignore rule off: the tree's `vendor/**` paths hold `dist/`, `build/`, `*.min.js`. */
const WALK_ALL = ['--no-default-ignores', '--no-gitignore', `--extensions=${EXTENSIONS.join(',')}`];

/** Each tool: how to run it on a tree, and what its output must show (the files it saw) for the run to count. */
const TOOLS = [
  {
    id: 'floor-a',
    label: 'floor (a): read + pre-filter',
    args: (tree) => [path.join(ROOT, 'bench/floor.mjs'), tree.path],
    check: (run, tree) => floorCheck(run, tree),
  },
  {
    id: 'floor-b',
    label: 'floor (b): + parse candidates',
    args: (tree) => [path.join(ROOT, 'bench/floor.mjs'), tree.path, '--parse'],
    check: (run, tree) => floorCheck(run, tree),
  },
  {
    id: 'scan',
    label: 'auth0-tokens scan',
    args: (tree) => [
      BIN,
      'scan',
      tree.path,
      ...WALK_ALL,
      '--format',
      'json',
      '--quiet',
      '--fail-on',
      'none',
      '--output',
      outputFile(`scan-${tree.name}.json`),
    ],
    check: (run, tree) => {
      expectStatus(run, [0]);
      const report = JSON.parse(fs.readFileSync(outputFile(`scan-${tree.name}.json`), 'utf8'));
      expectFiles(report.summary.filesScanned, tree, run);
      const files = report.findings.map((finding) => finding.file);
      if (tree.manifest.denseFiles > 0)
        return { ...report.summary, findingsPerCopy: samePerCopy(files, tree, run, 'findings') };
      const legacyWithFindings = new Set(files.filter((file) => file.includes('/app/'))).size;
      return { ...report.summary, legacyFilesWithFindings: legacyWithFindings };
    },
  },
  {
    id: 'migrate',
    label: 'auth0-tokens migrate --dry',
    args: (tree) => [
      BIN,
      'migrate',
      tree.path,
      ...WALK_ALL,
      '--dry',
      '--quiet',
      '--report',
      outputFile(`migrate-${tree.name}.json`),
    ],
    check: (run, tree) => {
      expectStatus(run, [0, 1]);
      const { summary, files } = JSON.parse(fs.readFileSync(outputFile(`migrate-${tree.name}.json`), 'utf8'));
      expectFiles(summary.modified + summary.unchanged + summary.skipped + summary.errors, tree, run);
      if (tree.manifest.denseFiles === 0) return summary;
      const changed = files.flatMap((file) => file.changes.map(() => file.file));
      return { ...summary, changesPerCopy: samePerCopy(changed, tree, run, 'changes') };
    },
  },
  {
    id: 'jscodeshift',
    label: 'jscodeshift no-op (tsx)',
    slow: true,
    args: (tree) => [
      JSCODESHIFT,
      '--no-babel',
      '--dry',
      '--parser=tsx',
      '--cpus=1',
      `--extensions=${EXTENSIONS.join(',')}`,
      '-t',
      path.join(ROOT, 'bench/noop-transform.cjs'),
      tree.path,
    ],
    check: (run, tree) => {
      expectStatus(run, [0]);
      const count = (label) => Number(new RegExp(`(\\d+) ${label}`).exec(run.stdout)?.[1]);
      const stats = {
        errors: count('errors'),
        unmodified: count('unmodified'),
        skipped: count('skipped'),
        ok: count('ok'),
      };
      expectFiles(stats.errors + stats.unmodified + stats.skipped + stats.ok, tree, run);
      return stats;
    },
  },
  eslintTool('eslint-parser', 'ESLint, parser only', false),
  eslintTool('eslint-plugin', 'ESLint + recommended', true),
].filter((tool) => !options.tools || options.tools.split(',').includes(tool.id));

/** ESLint over a tree with the TypeScript parser, with or without the plugin's `recommended` preset. */
function eslintTool(id, label, withPlugin) {
  return {
    id,
    env: { TIMING: 'all' },
    label,
    slow: true,
    args: (tree) => eslintArgs(tree.path, withPlugin),
    check: (run, tree) => eslintCheck(run, tree),
  };
}

function outputFile(name) {
  return path.join(WORK, 'out', name);
}

function floorCheck(run, tree) {
  expectStatus(run, [0]);
  const summary = JSON.parse(run.stdout);
  expectFiles(summary.files, tree, run);
  return summary;
}

function eslintArgs(tree, withPlugin) {
  return [
    ESLINT,
    '--config',
    path.join(WORK, withPlugin ? 'eslint.plugin.config.mjs' : 'eslint.parser.config.mjs'),
    '--format',
    path.join(ROOT, 'bench/eslint-count-formatter.cjs'),
    tree,
  ];
}

/**
 * ESLint runs with TIMING=all: it times each rule's listeners and prints the table after the formatter's output. The
 * plugin's rules do all their work in their listeners, so their total is the plugin's own cost within the run.
 */
function eslintCheck(run, tree) {
  // 1: lint messages (fatal parse errors of third-party files, the plugin's findings); 2 would be a crash.
  expectStatus(run, [0, 1]);
  const [formatted, ...timing] = run.stdout.split('\n');
  const summary = JSON.parse(formatted);
  expectFiles(summary.files, tree, run);
  const ruleTimes = timing.map((line) => /^(auth0-tokens\/\S+)\s*\|\s*([\d.]+)\s*\|/.exec(line)).filter(Boolean);
  return { ...summary, pluginRuleMs: Math.round(ruleTimes.reduce((total, match) => total + Number(match[2]), 0)) };
}

function expectStatus(run, allowed) {
  if (!allowed.includes(run.status)) throw new Error(`${run.command}: exit ${run.status}\n${run.stderr.slice(-2000)}`);
}

function expectFiles(seen, tree, run) {
  if (seen !== tree.size) throw new Error(`${run.command}: saw ${seen} files, the tree has ${tree.size}`);
}

/**
 * On a dense tree every fixture copy must give what the first gives (its cross-file links stay within the copy): the
 * count of `what` per copy, given the file of each item.
 */
function samePerCopy(files, tree, run, what) {
  const perCopy = new Map(tree.manifest.denseRoots.map((root) => [root, 0]));
  for (const file of files) {
    const root = tree.manifest.denseRoots.find((candidate) => file.startsWith(`${tree.path}/${candidate}/`));
    if (root) perCopy.set(root, perCopy.get(root) + 1);
  }
  const counts = new Set(perCopy.values());
  if (counts.size !== 1 || counts.has(0))
    throw new Error(`${run.command}: ${what} per fixture copy differ: ${JSON.stringify(Object.fromEntries(perCopy))}`);
  return [...counts][0];
}

/**
 * ESLint config files in the work directory, outside the trees: ESLint matches `files` patterns from the config
 * file's directory, so configs kept in bench/ would not reach the trees. Both re-export bench/eslint-configs.mjs.
 */
function writeEslintConfigs() {
  const shared = JSON.stringify(pathToFileURL(path.join(ROOT, 'bench/eslint-configs.mjs')).href);
  fs.writeFileSync(path.join(WORK, 'eslint.parser.config.mjs'), `export { parserOnly as default } from ${shared};\n`);
  fs.writeFileSync(path.join(WORK, 'eslint.plugin.config.mjs'), `export { withPlugin as default } from ${shared};\n`);
}

function execute(tool, tree) {
  const measured = measureNode(tool.args(tree), { cwd: WORK, env: { ...process.env, ...tool.env } });
  const details = tool.check({ ...measured, command: `${tool.id} (${tree.name})` }, tree);
  return { wall: measured.wallSeconds, rssMb: measured.rssMb, cpu: measured.cpuSeconds, details };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measureGroup(tools, tree, reps, warmUp) {
  const runs = new Map(tools.map((tool) => [tool.id, []]));
  if (warmUp) for (const tool of tools) execute(tool, tree);
  for (let rep = 0; rep < reps; rep++) {
    for (const tool of tools) {
      const run = execute(tool, tree);
      runs.get(tool.id).push(run);
      process.stderr.write(
        `  ${tool.id.padEnd(14)} ${tree.name.padStart(12)} files  run ${rep + 1}/${reps}  ${run.wall.toFixed(2)} s  ${run.rssMb?.toFixed(0) ?? '?'} MB\n`,
      );
    }
  }
  return Object.fromEntries(
    tools.map((tool) => {
      const list = runs.get(tool.id);
      const walls = list.map((run) => run.wall);
      const wall = median(walls);
      return [
        tool.id,
        {
          label: tool.label,
          reps: list.length,
          wallSeconds: round(wall, 3),
          wallSecondsRange: [round(Math.min(...walls), 3), round(Math.max(...walls), 3)],
          cpuSeconds: GNU_TIME ? round(median(list.map((run) => run.cpu)), 2) : null,
          filesPerSecond: Math.round(tree.size / wall),
          peakRssMb: GNU_TIME ? Math.round(Math.max(...list.map((run) => run.rssMb))) : null,
          details: list[0].details,
        },
      ];
    }),
  );
}

/** The plugin's cost in one ESLint process (see bench/eslint-ab.mjs). */
function eslintAb(tree) {
  const run = measureNode([path.join(ROOT, 'bench/eslint-ab.mjs'), tree, '--limit', String(AB_FILES)], { cwd: WORK });
  if (run.status !== 0) throw new Error(`eslint-ab: exit ${run.status}\n${run.stderr.slice(-2000)}`);
  const summary = JSON.parse(run.stdout);
  process.stderr.write(`  eslint in-process A/B on ${summary.files} files: ${summary.ratio}\n`);
  return summary;
}

function ratio(results, a, b) {
  return results[a] && results[b] ? round(results[a].wallSeconds / results[b].wallSeconds, 3) : null;
}

function machine() {
  const version = (name) =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: Object.fromEntries(
      ['eslint', 'jscodeshift', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree', 'typescript'].map(
        (name) => [name, version(name)],
      ),
    ),
    peakRss: GNU_TIME ? 'GNU time %M (largest single process)' : 'not measured (no GNU time)',
  };
}

/**
 * The targets, judged on the largest tree (and on the largest dense tree for `scan`). Growth compares the cost per file on the largest tree with that on the
 * one before it: start-up costs make it fall with size when time grows linearly, so above 1.1 it grows faster.
 */
function targets(trees, denseTrees, scenarios) {
  const largest = trees.at(-1);
  const results = largest.results;
  const perFile = (tree, id) => tree.results[id].wallSeconds / tree.size;
  const growth = (id) =>
    trees.length < 2 || !results[id] ? null : round(perFile(largest, id) / perFile(trees.at(-2), id), 2);
  const check = (value, limit, higherIsBetter = false) =>
    value === null ? null : { value, limit, pass: higherIsBetter ? value >= limit : value <= limit };
  // "Under 300 MB": the limit itself fails.
  const under = (value, limit) => (value === null ? null : { value, limit, pass: value < limit });
  return {
    size: largest.size,
    scanOverFloorB: check(largest.ratios.scanOverFloorB, 1.5),
    migrateOverFloorB: check(largest.ratios.migrateOverFloorB, 2),
    jscodeshiftOverMigrate: check(largest.ratios.jscodeshiftOverMigrate, 50, true),
    eslintPluginOverParserOnly: check(largest.ratios.eslintPluginOverParserOnlyInProcess, 1.03),
    eslintPluginRuleShare: check(largest.ratios.eslintPluginRuleShare, 0.03),
    scanPeakRssMb: under(results.scan?.peakRssMb ?? null, 300),
    migratePeakRssMb: under(results.migrate?.peakRssMb ?? null, 300),
    scanGrowth: check(growth('scan'), 1.1),
    migrateGrowth: check(growth('migrate'), 1.1),
    denseScanOverFloorB: check(denseTrees.at(-1)?.ratios.scanOverFloorB ?? null, 1.5),
    largeFilesPeakRssMb: under(largeFilesPeakRss(scenarios), LARGE_FILES_RSS_LIMIT_MB),
    copiesScanGrowth: check(copiesGrowth(scenarios, 'scan'), 1.1),
    copiesMigrateGrowth: check(copiesGrowth(scenarios, 'migrate'), 1.1),
  };
}

/** The large files run with a heap of 1.75 GB (Node's default on a 7 GB CI runner); threads and code add the rest. */
const LARGE_FILES_RSS_LIMIT_MB = 2048;

/** The largest peak RSS of any command over the large files, whatever their count. */
function largeFilesPeakRss(scenarios) {
  const peaks = Object.entries(scenarios)
    .filter(([id]) => id.startsWith('large-'))
    .flatMap(([, scenario]) => Object.values(scenario.results).map((result) => result.peakRssMb));
  return peaks.length > 0 && peaks.every((peak) => peak !== null) ? Math.max(...peaks) : null;
}

/** As for the trees: wall time per copy on the most copies over that on the count before it. */
function copiesGrowth(scenarios, command) {
  const measured = Object.entries(scenarios)
    .filter(([id]) => id.startsWith('copies-'))
    .map(([, scenario]) => scenario);
  if (measured.length < 2) return null;
  const perCopy = (scenario) => scenario.results[command].wallSeconds / scenario.count;
  return round(perCopy(measured.at(-1)) / perCopy(measured.at(-2)), 2);
}

function printTable(report) {
  const lines = [];
  const row = (cells, widths) =>
    cells
      .map((cell, index) => (index === 0 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index])))
      .join('  ');
  const widths = [30, 7, 9, 17, 9, 8, 5];
  for (const tree of [...report.trees, ...report.denseTrees]) {
    const auth0Files =
      tree.tree.denseFiles > 0
        ? `${tree.tree.denseFiles} fixture files in ${tree.tree.denseRoots.length} copies`
        : `${tree.tree.legacyFiles} generated legacy`;
    lines.push('', `${tree.size} files (${auth0Files}, ${tree.tree.resampledRealFiles} real files sampled again)`);
    lines.push(row(['tool', 'median', 'cpu', 'range', 'files/s', 'peak RSS', 'reps'], widths));
    for (const result of Object.values(tree.results)) {
      lines.push(
        row(
          [
            result.label,
            `${result.wallSeconds.toFixed(2)} s`,
            result.cpuSeconds === null ? '-' : `${result.cpuSeconds.toFixed(1)} s`,
            `${result.wallSecondsRange[0].toFixed(2)}-${result.wallSecondsRange[1].toFixed(2)} s`,
            result.filesPerSecond,
            result.peakRssMb === null ? '-' : `${result.peakRssMb} MB`,
            result.reps,
          ],
          widths,
        ),
      );
    }
    const r = tree.ratios;
    lines.push(
      `ratios: scan/floor(b) ${r.scanOverFloorB ?? '-'}  migrate/floor(b) ${r.migrateOverFloorB ?? '-'}  jscodeshift/migrate ${r.jscodeshiftOverMigrate ?? '-'}  ESLint+plugin/ESLint ${r.eslintPluginOverParserOnly ?? '-'} (in one process ${r.eslintPluginOverParserOnlyInProcess ?? '-'}; plugin rules ${r.eslintPluginRuleShare === null ? '-' : `${(r.eslintPluginRuleShare * 100).toFixed(1)}%`} of the run)`,
    );
  }
  if (Object.keys(report.scenarios).length > 0)
    lines.push('', 'bounded cost (default limits; one run each)', ...scenarioLines(report.scenarios));
  lines.push('', `targets on ${report.targets.size} files (and the scenarios):`);
  for (const [name, target] of Object.entries(report.targets)) {
    if (name === 'size' || target === null) continue;
    lines.push(`  ${target.pass ? 'PASS' : 'FAIL'}  ${name.padEnd(28)} ${target.value} (limit ${target.limit})`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Builds the tree `name` of `size` files in the work directory and measures `tools` on it: the fast ones `--reps`
 * times after a warm-up, the slow ones `--slow-reps` times, then the plugin's cost in one ESLint process.
 */
function measureTree(name, size, treeOptions, tools) {
  const directory = path.join(WORK, name);
  process.stderr.write(`building ${directory}\n`);
  const manifest = buildTree(directory, size, treeOptions);
  const tree = { name, size, manifest, path: path.relative(WORK, directory) };
  const loadBefore = os.loadavg()[0];
  const results = {
    ...measureGroup(
      tools.filter((tool) => !tool.slow),
      tree,
      REPS,
      true,
    ),
    ...measureGroup(
      tools.filter((tool) => tool.slow),
      tree,
      size > LARGE ? SLOW_REPS_LARGE : SLOW_REPS,
      false,
    ),
  };
  const eslintInProcess = tools.some((tool) => tool.id === 'eslint-plugin') ? eslintAb(tree.path) : null;
  const ratios = {
    scanOverFloorB: ratio(results, 'scan', 'floor-b'),
    migrateOverFloorB: ratio(results, 'migrate', 'floor-b'),
    // This way round: the inverse, rounded to three places, left only two significant digits (0.020 for 49 to 51).
    jscodeshiftOverMigrate: ratio(results, 'jscodeshift', 'migrate'),
    eslintPluginOverParserOnly: ratio(results, 'eslint-plugin', 'eslint-parser'),
    eslintPluginOverParserOnlyInProcess: eslintInProcess?.ratio ?? null,
    eslintPluginRuleShare: results['eslint-plugin']
      ? round(results['eslint-plugin'].details.pluginRuleMs / 1000 / results['eslint-plugin'].wallSeconds, 4)
      : null,
  };
  // Other work on the machine skews every figure: the 1-minute load average before and after says how much there was.
  return {
    size,
    tree: manifest,
    loadAverage: [round(loadBefore, 2), round(os.loadavg()[0], 2)],
    results,
    eslintInProcess,
    ratios,
  };
}

function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/src/cli/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does)');
  fs.mkdirSync(path.join(WORK, 'out'), { recursive: true });
  writeEslintConfigs();
  const started = Date.now();
  const realPool = realFilePool();
  const trees = SIZES.map((size) => measureTree(`tree-${size}`, size, { realPool }, TOOLS));
  const denseTrees = DENSE_SIZES.map((size) =>
    measureTree(
      `dense-${size}`,
      size,
      { realPool, denseShare: DENSE_SHARE },
      TOOLS.filter((tool) => !tool.slow),
    ),
  );
  const scenarios = measureScenarios(WORK, { large: LARGE_FILES, copies: COPIES });
  const report = {
    generated: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    durationMinutes: round((Date.now() - started) / 60000, 1),
    machine: machine(),
    settings: {
      seed: DEFAULT_SEED,
      legacyShare: LEGACY_SHARE,
      denseShare: DENSE_SHARE,
      extensions: EXTENSIONS,
      reps: REPS,
      slowReps: SLOW_REPS,
      slowRepsAbove5k: SLOW_REPS_LARGE,
      eslintInProcessFiles: AB_FILES,
      largeFiles: LARGE_FILES,
      copies: COPIES,
      statistic: 'median wall time; peak RSS is the maximum over the runs',
    },
    trees,
    denseTrees,
    scenarios,
    targets: targets(trees, denseTrees, scenarios),
  };
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), options.out)} (${report.durationMinutes} min)\n`);
}

main();
