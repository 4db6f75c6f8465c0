/**
 * Code nested too deeply, through the built CLI in a child process: near the end of the stack V8 may abort the whole
 * process ("FATAL ERROR: RegExpCompiler Allocation failed") instead of throwing, so such a file must be skipped before
 * any parser sees it, with a per-file error, while the other files of the run are still analysed. Realistic nesting,
 * up to the limit, is analysed as before, on the main thread and on the reader thread of a large run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FLOW_NESTING, MAX_NESTING, nestsDeeperThan } from '../../src/nesting';
import { NATIVE_MAX_CHARS } from '../../src/native-parse';
import {
  cli,
  type CliResult,
  ensureBuilt,
  ID_TOKEN_FLOW,
  NEEDS_MANUAL_ONLY,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

/** The reader thread reads the files of runs this large, and analyses candidates of 32 K to 256 K characters first. */
const READER_THREAD_FILES = 2000;
const READER_SCREENED = `/*${' '.repeat(40_000)}*/\n`;

const iifes = (levels: number) => `${'(function () {\n'.repeat(levels)}go();\n${'})();\n'.repeat(levels)}`;
const ifBlocks = (levels: number) => `${'if (a) {\n'.repeat(levels)}go();\n${'}\n'.repeat(levels)}`;
const objectMethods = (levels: number) =>
  `var v = ${'{ a: function () { return '.repeat(levels)}1${' } }'.repeat(levels)};\n`;
const templates = (levels: number) => `var v = ${'`${'.repeat(levels)}1${'}`'.repeat(levels)};\n`;
const jsxExpressions = (levels: number) => `var v = ${'<div>{'.repeat(levels)}x${'}</div>'.repeat(levels)};\n`;
const arrays = (levels: number) => `var v = ${'['.repeat(levels)}${']'.repeat(levels)};\n`;
const asyncCallbacks = (levels: number) => `var v = ${'f(async () => await '.repeat(levels)}1${')'.repeat(levels)};\n`;

/** Each deep file, alone beside the good files; every one of them aborted the process or was misreported before. */
const DEEP_FILES: readonly { readonly name: string; readonly file: string; readonly text: string }[] = [
  { name: '450 nested IIFEs', file: 'iife.js', text: `// auth0\n${iifes(450)}` },
  { name: '300 nested object methods', file: 'methods.js', text: `// auth0\n${objectMethods(300)}` },
  { name: '600 nested template literals', file: 'template.js', text: `// auth0\n${templates(600)}` },
  { name: '600 nested JSX elements and expressions', file: 'view.jsx', text: `// auth0\n${jsxExpressions(600)}` },
  {
    name: '450 nested IIFEs in a Vue <script>',
    file: 'page.vue',
    text: `<template><p /></template>\n<script>\n// auth0\n${iifes(450)}</script>\n`,
  },
  {
    name: 'TypeScript past the native parser, 1,000 nested arrays',
    file: 'deep.ts',
    text: `// auth0\n/*${' '.repeat(NATIVE_MAX_CHARS)}*/\n${arrays(1000)}`,
  },
  {
    name: 'a Flow file (Babel), 100 nested async callbacks',
    file: 'flow-typed.js',
    text: `// @flow\n// auth0\n${asyncCallbacks(100)}`,
  },
];

/** The good files beside every deep one: `colour.js` has only a needs-manual finding, so the run exits 0 without errors. */
function goodFiles(directory: string): void {
  writeFiles(directory, { 'colour.js': NEEDS_MANUAL_ONLY });
}

interface JsonDocument {
  findings: { file: string; certainty: string }[];
  summary: { errors: number };
}

/** The run ended by itself, reported `errors` (each on stderr as `<file>: nested too deeply to analyse: skipped`), and analysed `analysed`. */
function expectSkipped(run: CliResult, errors: readonly string[], analysed: readonly string[]): void {
  expect(run.signal, run.stderr.slice(0, 2000)).toBeNull();
  expect(run.stderr).not.toContain('FATAL ERROR');
  expect(run.status, run.stderr.slice(0, 2000)).toBe(1);
  const document = JSON.parse(run.stdout) as JsonDocument;
  expect(document.summary.errors).toBe(errors.length);
  for (const file of errors)
    expect(run.stderr).toMatch(
      new RegExp(`^${file.replace(/\./g, '\\.')}: nested too deeply to analyse: skipped$`, 'm'),
    );
  for (const file of analysed) expect(document.findings.map((finding) => finding.file)).toContain(file);
}

/**
 * `ID_TOKEN_FLOW` inside callbacks and `if` blocks, nested exactly `depth` levels deep in all (as the pre-check
 * counts them), so that its findings prove the file was analysed.
 */
function nestedFlow(depth: number, header = ''): string {
  const inner = levels(ID_TOKEN_FLOW);
  const callbacks = Math.floor((depth - inner) / 2);
  const blocks = depth - inner - 2 * callbacks;
  const text = `${header}${'f(function () {\n'.repeat(callbacks)}${'if (a) {\n'.repeat(blocks)}${ID_TOKEN_FLOW}${'}\n'.repeat(blocks)}${'});\n'.repeat(callbacks)}`;
  expect(levels(text)).toBe(depth);
  return text;
}

function levels(text: string): number {
  let depth = 0;
  while (nestsDeeperThan(text, depth, true)) depth++;
  return depth;
}

describe('nesting too deep', () => {
  beforeAll(() => ensureBuilt());
  afterAll(removeTemporaryDirectories);

  describe.each(DEEP_FILES)('$name', ({ file, text }) => {
    it('scan: the file is skipped with an error naming it, the other files are analysed, exit 1', async () => {
      const directory = temporaryDirectory('nesting');
      goodFiles(directory);
      writeFiles(directory, { [file]: text });
      expectSkipped(await cli(['scan', '--format', 'json'], directory), [file], ['colour.js']);
    });
  });

  it(`the reader thread of a run of ${READER_THREAD_FILES}+ files: deep candidates are skipped, the others analysed`, async () => {
    const directory = temporaryDirectory('nesting-reader');
    goodFiles(directory);
    writeFiles(
      directory,
      Object.fromEntries(
        Array.from({ length: READER_THREAD_FILES }, (_, index) => [
          `lib/module${index}.js`,
          `export const value${index} = ${index};\n`,
        ]),
      ),
    );
    writeFiles(directory, {
      'deep/if-blocks.js': `// auth0\n${READER_SCREENED}${ifBlocks(2000)}`,
      'deep/iife.js': `// auth0\n${READER_SCREENED}${iifes(300)}`,
      'deep/methods.js': `// auth0\n${READER_SCREENED}${objectMethods(300)}`,
      'realistic.js': nestedFlow(MAX_NESTING, READER_SCREENED),
    });
    expectSkipped(
      await cli(['scan', '--format', 'json'], directory),
      ['deep/if-blocks.js', 'deep/iife.js', 'deep/methods.js'],
      ['colour.js', 'realistic.js'],
    );
  });

  it(`realistic nesting, ${MAX_NESTING} levels (${MAX_FLOW_NESTING} in a Flow file), is analysed in every kind of file`, async () => {
    const directory = temporaryDirectory('nesting-realistic');
    const files = {
      // Stems of their own: a .js file beside a .ts file of the same stem is taken for its build output.
      'script.js': nestedFlow(MAX_NESTING),
      'module.ts': nestedFlow(MAX_NESTING),
      'view.tsx': nestedFlow(MAX_NESTING),
      'long.ts': nestedFlow(MAX_NESTING, `/*${' '.repeat(NATIVE_MAX_CHARS)}*/\n`),
      'nested.vue': `<template><p /></template>\n<script>\n${nestedFlow(MAX_NESTING)}</script>\n`,
      'flow-typed.js': nestedFlow(MAX_FLOW_NESTING, '// @flow\n'),
    };
    writeFiles(directory, files);
    const run = await cli(['scan', '--format', 'json'], directory);
    expect(run.stderr).toBe('');
    const document = JSON.parse(run.stdout) as JsonDocument;
    expect(document.summary.errors).toBe(0);
    for (const file of Object.keys(files))
      expect(
        document.findings.some((finding) => finding.file === file && finding.certainty === 'proven'),
        file,
      ).toBe(true);
  });
});
