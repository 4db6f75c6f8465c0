/**
 * The codemod over every fixture pair in `fixtures/transforms`: exact output, idempotency, no byte changed outside
 * the edits, and lint-clean output (the `recommended` preset reports nothing but the sites left for manual work).
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import plugin from '../src';
import { pageScripts } from '../src/parse';
import { migrateSource, type MigrationResult } from '../src/migration';
import transformer, { migrationOptions, type TransformOptions } from '../transforms/id-token-to-access-token';

const DIR = path.join(__dirname, '../fixtures/transforms');
const INPUT = /^(?<name>.+)\.input\.(?<ext>[a-z]+)$/;

interface Case {
  readonly name: string;
  readonly ext: string;
  readonly input: string;
  readonly output: string;
  readonly options: TransformOptions;
  /** Rules expected to leave needs-manual sites, in order (from `<case>.expect.json`). */
  readonly manual: readonly string[];
}

function loadCases(): Case[] {
  return fs
    .readdirSync(DIR)
    .map((file) => INPUT.exec(file)?.groups)
    .filter((groups): groups is { name: string; ext: string } => !!groups)
    .map(({ name, ext }) => {
      const read = (suffix: string): string | undefined =>
        fs.existsSync(path.join(DIR, `${name}.${suffix}`))
          ? fs.readFileSync(path.join(DIR, `${name}.${suffix}`), 'utf8')
          : undefined;
      const input = read(`input.${ext}`)!;
      const expectations = JSON.parse(read('expect.json') ?? '{}') as { options?: TransformOptions; manual?: string[] };
      return {
        name,
        ext,
        input,
        output: read(`output.${ext}`) ?? input,
        options: expectations.options ?? {},
        manual: expectations.manual ?? [],
      };
    });
}

function run(
  file: string,
  source: string,
  options: TransformOptions,
): { output: string; stats: Record<string, number> } {
  const stats: Record<string, number> = {};
  const output = transformer(
    { path: file, source },
    { stats: (name, quantity = 1) => (stats[name] = (stats[name] ?? 0) + quantity), report: () => undefined },
    options,
  );
  return { output: output ?? source, stats };
}

/** Lines of `text` that an edit range starts in or covers. */
function editedLines(pass: MigrationResult['passes'][number]): Set<number> {
  const lines = new Set<number>();
  for (const edit of pass.edits) {
    const first = pass.text.slice(0, edit.range[0]).split('\n').length;
    const last = pass.text.slice(0, edit.range[1]).split('\n').length;
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

/**
 * The `recommended` preset, with the scope rules told the same `metadataScope` the codemod used, and ESLint's core
 * `no-dupe-keys`: an edit that adds a key the object already has loses a setting silently.
 */
function recommended(options: TransformOptions): Linter.Config {
  const metadataScope = options.metadataScope ?? 'update';
  return {
    ...(plugin.configs.recommended as Linter.Config),
    files: ['**/*'],
    rules: {
      ...(plugin.configs.recommended as Linter.Config).rules,
      'no-dupe-keys': 'error',
      'auth0-tokens/minimal-management-scopes': ['error', { metadataScope }],
      'auth0-tokens/no-any-user-scopes-in-browser': ['error', { metadataScope }],
    },
  };
}

function lint(file: string, text: string, options: TransformOptions): Linter.LintMessage[] {
  const ext = path.extname(file);
  // ESLint reads no HTML: a page is linted by its inline scripts, at their lines in the page.
  if (ext === '.html') return lint(`${file}.js`, pageScripts(text), options);
  if (/@flow/.test(text)) {
    // @babel/eslint-parser 7 does not run on ESLint 10, so Flow output is linted with ESLint 9.
    return new Linter9({ configType: 'flat' }).verify(
      text,
      [
        {
          ...recommended(options),
          languageOptions: {
            parser: require('@babel/eslint-parser'),
            parserOptions: { requireConfigFile: false, babelOptions: { parserOpts: { plugins: ['flow', 'jsx'] } } },
          },
        },
      ] as never,
      file,
    );
  }
  const languageOptions =
    ext === '.vue'
      ? {
          parser: require('vue-eslint-parser'),
          parserOptions: { parser: require('@typescript-eslint/parser'), sourceType: 'module' },
        }
      : { parser: require('@typescript-eslint/parser'), parserOptions: { ecmaFeatures: { jsx: ext !== '.ts' } } };
  return new Linter({ configType: 'flat' }).verify(text, [{ ...recommended(options), languageOptions }] as never, file);
}

/** An Auth0 Rule is one anonymous function, which no ESLint parser takes as a program: it is linted as an expression. */
function asProgram(text: string): string {
  return /^\s*(async\s+)?function\s*\(/.test(text) ? `0,${text}` : text;
}

const cases = loadCases();

describe('id-token-to-access-token fixtures', () => {
  it('has at least 40 fixture pairs that change code, and negative controls that must not', () => {
    expect(cases.filter((entry) => entry.output !== entry.input).length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((entry) => entry.output === entry.input).length).toBeGreaterThanOrEqual(5);
  });

  describe.each(cases.map((entry) => [`${entry.name}.${entry.ext}`, entry] as const))(
    '%s',
    (_, { name, ext, input, output, options, manual }) => {
      const file = `${name}.${ext}`;

      it('produces the expected output', () => {
        expect(run(file, input, options).output).toBe(output);
      });

      it('is idempotent', () => {
        expect(run(file, output, options).output).toBe(output);
      });

      it('changes no line outside the edited ranges', () => {
        const result = migrateSource(file, input, migrationOptions(options));
        let text = input;
        for (const pass of result.passes) {
          expect(pass.text).toBe(text);
          const allowed = editedLines(pass);
          const next = result.passes[result.passes.indexOf(pass) + 1]?.text ?? result.output;
          let line = 1;
          for (const part of diffLines(pass.text, next)) {
            const count = part.count ?? 0;
            if (part.removed)
              for (let offset = 0; offset < count; offset++)
                expect(allowed, `line ${line + offset} changed without an edit`).toContain(line + offset);
            if (!part.added) line += count;
          }
          for (const edit of pass.edits)
            expect(pass.text.slice(edit.range[0], edit.range[1])).not.toMatch(/\n[\s\S]*\n/);
          text = next;
        }
      });

      it('parses, and has no duplicate key', () => {
        const problems = lint(file, asProgram(output), options).filter(
          (message) => message.fatal || message.ruleId === 'no-dupe-keys',
        );
        expect(problems.map((message) => `${message.line}: ${message.message}`)).toEqual([]);
      });

      it('leaves only the expected needs-manual sites, and lints clean elsewhere', () => {
        const result = migrateSource(file, output, migrationOptions(options));
        expect(result.manual.map((site) => site.rule)).toEqual(manual);
        const manualLines = new Set(result.manual.map((site) => site.line));
        const messages = lint(file, output, options).filter((message) => message.ruleId?.startsWith('auth0-tokens/'));
        for (const message of messages)
          expect(manualLines, `${message.ruleId} at line ${message.line}: ${message.message}`).toContain(message.line);
        if (!options.annotate) expect(result.output).toBe(output);
      });
    },
  );
});
