/**
 * How deep each parser can nest before the stack runs out: the measurement behind `MAX_NESTING` in `src/nesting.ts`.
 * For each shape of nesting and each parser, the smallest number of levels at which parsing and analysing a file
 * (`parseFile` and the recogniser, as the CLI runs them, with the nesting pre-check lifted) fails, found by bisection
 * in a fresh process each time (so an abort is seen, and the parser is as cold as on a run's first file). `reader` is
 * the reader thread's screening (`parseJavaScriptFile`: espree alone) on a thread with its stack (`READER_STACK_MB` in
 * `src/project/candidates.ts`). Prints each
 * failure as its nesting depth, as the pre-check counts it, and the shallowest per parser. About half an hour on 2 cores.
 *
 *   npm run build && node bench/nesting.mjs [--shapes iife,object] [--parsers espree,babel]
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './tree.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { nestsDeeperThan, MAX_NESTING, MAX_FLOW_NESTING } = require('./dist/src/nesting.js');
const { NATIVE_MAX_CHARS } = require('./dist/src/native-parse.js');

const READER_STACK_MB = 0.9;
const MAX_LEVELS = 2048;

/** Each shape: its text at `n` levels. */
const SHAPES = {
  'if blocks': (n) => `${'if (a) {\n'.repeat(n)}x();\n${'}\n'.repeat(n)}`,
  IIFEs: (n) => `${'(function () {\n'.repeat(n)}x();\n${'})();\n'.repeat(n)}`,
  callbacks: (n) => `${'f(a, function (error, result) {\n'.repeat(n)}x();\n${'});\n'.repeat(n)}`,
  'arrow callbacks': (n) => `var v = ${'f(() => '.repeat(n)}1${')'.repeat(n)};\n`,
  'async arrow callbacks': (n) => `var v = ${'f(async () => await '.repeat(n)}1${')'.repeat(n)};\n`,
  'promise chains': (n) =>
    `${'p.then(function (r) { return p.then(function (s) {\n'.repeat(n)}x();\n${'}); });\n'.repeat(n)}`,
  'object methods': (n) => `var v = ${'{ a: function () { return '.repeat(n)}1${'} }'.repeat(n)};\n`,
  'class expressions': (n) => `var v = ${'(class { m() { return '.repeat(n)}1${'} })'.repeat(n)};\n`,
  objects: (n) => `var v = ${'{ a: '.repeat(n)}1${' }'.repeat(n)};\n`,
  arrays: (n) => `var v = ${'['.repeat(n)}${']'.repeat(n)};\n`,
  parentheses: (n) => `var v = ${'('.repeat(n)}1${')'.repeat(n)};\n`,
  templates: (n) => `var v = ${'`${'.repeat(n)}1${'}`'.repeat(n)};\n`,
  'JSX elements': (n) => `var v = ${'<div>'.repeat(n)}x${'</div>'.repeat(n)};\n`,
  'JSX expressions': (n) => `var v = ${'<div>{'.repeat(n)}x${'}</div>'.repeat(n)};\n`,
};

/** Each parser: the file name that selects it, and the text around a shape's. */
const PARSERS = {
  espree: { file: 'deep.js', text: (body) => `// auth0\n${body}` },
  reader: { file: 'deep.js', text: (body) => `// auth0\n${body}`, stackMb: READER_STACK_MB },
  babel: { file: 'deep.js', text: (body) => `// @flow\n// auth0\n${body}` },
  // Up to 32 K characters; a longer text goes to typescript-estree.
  oxc: { file: 'deep.ts', text: (body) => `// auth0\n${body}` },
  // Past oxc's share, so typescript-estree parses it.
  'typescript-estree': { file: 'deep.ts', text: (body) => `// auth0\n/*${' '.repeat(NATIVE_MAX_CHARS)}*/\n${body}` },
};

/** Parses and analyses the text with the pre-check lifted (on a thread, as the reader thread screens it); says 'ok' or why not. */
const TRIAL = `
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
const nesting = require(${JSON.stringify(path.join(ROOT, 'dist/src/nesting.js'))});
nesting.MAX_NESTING = nesting.MAX_FLOW_NESTING = Infinity;
const { parseFile, parseJavaScriptFile } = require(${JSON.stringify(path.join(ROOT, 'dist/src/parse.js'))});
const { moduleView } = require(${JSON.stringify(path.join(ROOT, 'dist/src/analysis/facts.js'))});
const { file, text } = isMainThread ? JSON.parse(require('node:fs').readFileSync(0, 'utf8')) : workerData;
let outcome = 'ok';
try {
  const units = isMainThread ? parseFile(file, text) : parseJavaScriptFile(file, text);
  if (!units) outcome = 'espree cannot parse it';
  for (const unit of units ?? []) moduleView(unit.program, unit.text, unit.scopeManager);
} catch (error) {
  outcome = String(error.message).split('\\n')[0];
}
if (isMainThread) process.stdout.write(outcome);
else parentPort.postMessage(outcome);
`;

/** The trial on a thread with a stack of `stackMb`, from a fresh process. */
const ON_THREAD = (stackMb) => `
const { Worker } = require('node:worker_threads');
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
new Worker(${JSON.stringify(TRIAL)}, { eval: true, workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 4, stackSizeMb: ${stackMb} } })
  .on('message', (outcome) => process.stdout.write(outcome));
`;

const { values: options } = parseArgs({ options: { shapes: { type: 'string' }, parsers: { type: 'string' } } });
const shapes = options.shapes ? options.shapes.split(',') : Object.keys(SHAPES);
const parsers = options.parsers ? options.parsers.split(',') : Object.keys(PARSERS);

/** 'ok', or why parsing and analysing the shape at `levels` failed: an error's message, or how the process ended. */
function attempt(parser, shape, levels) {
  const { file, text, stackMb } = PARSERS[parser];
  const child = spawn(process.execPath, ['-e', stackMb ? ON_THREAD(stackMb) : TRIAL]);
  child.stdin.end(JSON.stringify({ file, text: text(SHAPES[shape](levels)) }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      const fatal = /FATAL ERROR: [^\n]*/.exec(stderr)?.[0];
      if (signal || fatal) resolve(`process ended (${signal ?? status}): ${fatal ?? ''}`);
      else resolve(stdout || `no answer: ${stderr.split('\n')[0]}`);
    });
  });
}

/** The smallest failing level count (bisection: the first attempts fail only past it), or undefined. */
async function firstFailure(parser, shape) {
  if ((await attempt(parser, shape, MAX_LEVELS)) === 'ok') return undefined;
  let [good, bad] = [0, MAX_LEVELS];
  let outcome;
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    const result = await attempt(parser, shape, middle);
    if (result === 'ok') good = middle;
    else [bad, outcome] = [middle, result];
  }
  return { levels: bad, outcome: outcome ?? (await attempt(parser, shape, bad)) };
}

/** The text's nesting depth as the pre-check counts it. */
function depth(parser, shape, levels) {
  const text = PARSERS[parser].text(SHAPES[shape](levels));
  const jsx = !PARSERS[parser].file.endsWith('.ts');
  let [low, high] = [0, text.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (nestsDeeperThan(text, middle, jsx)) low = middle + 1;
    else high = middle;
  }
  return low;
}

// A .ts file has no JSX.
const pairs = parsers.flatMap((parser) =>
  shapes
    .filter((shape) => !PARSERS[parser].file.endsWith('.ts') || !shape.startsWith('JSX'))
    .map((shape) => ({ parser, shape })),
);
const shallowest = {};
// One bisection per processor: each attempt is a process of its own, so they do not share a stack.
const next = pairs.values();
const bisect = async () => {
  for (const { parser, shape } of next) {
    const failure = await firstFailure(parser, shape);
    const at = failure ? depth(parser, shape, failure.levels) : undefined;
    if (at !== undefined && !(at >= shallowest[parser]?.depth)) shallowest[parser] = { depth: at, shape };
    console.log(
      `${parser.padEnd(18)} ${shape.padEnd(22)} ${failure ? `fails at ${failure.levels} levels, depth ${at}: ${failure.outcome}` : `no failure up to ${MAX_LEVELS} levels`}`,
    );
  }
};
await Promise.all(Array.from({ length: os.availableParallelism() }, bisect));
console.log(`\nShallowest failure per parser (limits: ${MAX_NESTING}, Flow ${MAX_FLOW_NESTING}):`);
for (const [parser, { depth: at, shape }] of Object.entries(shallowest))
  console.log(`  ${parser.padEnd(18)} depth ${at} (${shape})`);
