/**
 * The syntax zoo: no rule, no migration and no project analysis crashes on any valid syntax. The samples in
 * `syntax-zoo/cases.ts` hold every node type `AST_NODE_TYPES` names (checked here), plus Flow, `.vue` script blocks,
 * and Auth0 Rules and Actions (server code, never a parse error); each mixes Auth0 names into its constructs so the
 * recogniser looks at them all. Crash-proofing only: what is reported is the rule tests' business.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as babelParse } from '@babel/parser';
import babelParser from '@babel/eslint-parser';
import tsParser from '@typescript-eslint/parser';
import { parse as tsParse } from '@typescript-eslint/typescript-estree';
import { parse as espreeParse } from 'espree';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import vueParser from 'vue-eslint-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src';
import { mightContainAuth0 } from '../src/analysis/prefilter';
import { migrateSource, type MigrationOptions } from '../src/migration';
import { parseFile, ParseError } from '../src/parse';
import { analyzeProject, type ProjectAnalysis } from '../src/project';
import { CASES, NEVER_PRODUCED, type LintParser, type ZooCase } from './syntax-zoo/cases';

const VUE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const FLOW_PLUGINS = ['flow', 'jsx'] as const;

/** Every node type in a tree (any parser's: whatever object has a string `type`). */
function nodeTypes(node: unknown, seen: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const child of node) nodeTypes(child, seen);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string') seen.add(record.type);
    for (const [key, value] of Object.entries(record))
      if (key !== 'parent' && key !== 'loc' && key !== 'range' && value && typeof value === 'object')
        nodeTypes(value, seen);
  }
  return seen;
}

/** The node types of a sample, parsed by an independent parser (typescript-estree; Babel for Flow, espree for Annex B). */
function typesOf(sample: ZooCase): Set<string> {
  const seen = new Set<string>();
  if (sample.lintWith.includes('flow'))
    return nodeTypes(
      babelParse(sample.code, { sourceType: 'module', plugins: [...FLOW_PLUGINS, 'estree'] }).program,
      seen,
    );
  if (sample.lintWith.length === 1 && sample.lintWith[0] === 'espree')
    return nodeTypes(espreeParse(sample.code, { ecmaVersion: 'latest', sourceType: sample.sourceType }), seen);
  // A Rule is not a program: its function is an expression.
  if (sample.file.startsWith('auth0-rules/')) return nodeTypes(tsParse(`0,${sample.code}`, { range: true }), seen);
  const scripts = sample.file.endsWith('.vue')
    ? Array.from(sample.code.matchAll(VUE_SCRIPT), (match) => ({
        text: match[2]!,
        jsx: !/lang=["']ts["']/.test(match[1]!),
      }))
    : [{ text: sample.code, jsx: !sample.file.endsWith('.ts') }];
  for (const { text, jsx } of scripts) nodeTypes(tsParse(text, { jsx, range: true }), seen);
  return seen;
}

const BASE_OPTIONS = { ecmaVersion: 'latest', ecmaFeatures: { jsx: true } } as const;

/** Flat config running every rule with `reportNeedsManual` (the `strict` preset) through one parser. */
function lintConfig(sample: ZooCase, parser: LintParser): Linter.Config[] {
  const sourceType =
    parser === 'espree' ? sample.sourceType : sample.sourceType === 'commonjs' ? 'script' : sample.sourceType;
  const languageOptions: Linter.LanguageOptions = {
    espree: { sourceType, parserOptions: BASE_OPTIONS },
    typescript: { sourceType, parser: tsParser, parserOptions: BASE_OPTIONS },
    vue: { sourceType, parser: vueParser, parserOptions: { ...BASE_OPTIONS, parser: { ts: tsParser } } },
    flow: {
      sourceType,
      parser: babelParser as Linter.Parser,
      parserOptions: {
        requireConfigFile: false,
        babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: FLOW_PLUGINS } },
      },
    },
  }[parser] as Linter.LanguageOptions;
  return [plugin.configs.strict as Linter.Config, { files: [sample.file], languageOptions }];
}

function fatal(messages: readonly Linter.LintMessage[]): string[] {
  return messages
    .filter((message) => message.fatal || !message.ruleId)
    .map((message) => `${message.line}:${message.column} ${message.message}`);
}

const MIGRATIONS: readonly MigrationOptions[] = [
  { environment: 'auto', metadataScope: 'update', annotate: false },
  { environment: 'browser', metadataScope: 'both', annotate: true },
];

/** The ESLint rules that only make sense in a browser: never for an Auth0 Rule or Action. */
const BROWSER_ONLY = [
  'no-any-user-scopes-in-browser',
  'no-backend-only-management-endpoints',
  'no-management-secrets-in-browser',
];

/** A chain of `depth` operands: deeper than the scope analysis follows, and at the top end deeper than the parsers do. */
const deepText = (depth: number): string =>
  `import auth0 from 'auth0-js';\nconst t = localStorage.getItem('id_token');\nfetch('https://acme.auth0.com/api/v2/users/' ${'+ t '.repeat(depth)}, { headers: { Authorization: 'Bearer ' + t } });\n`;

// First in the file: how deep a stack overflow comes depends on how warm the code is, and a cold run finds it soonest.
describe('nesting too deep to follow', () => {
  it.each([3000, 3500, 4000, 5000, 8000])(
    'migrating %i chained operands succeeds or throws a ParseError, never a stack overflow',
    (depth) => {
      try {
        migrateSource('app/deep.js', deepText(depth), MIGRATIONS[0]!);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
    },
  );
});

describe('the syntax zoo', () => {
  it('holds every node type AST_NODE_TYPES names, but for those no parser produces', () => {
    const seen = new Set(CASES.flatMap((sample) => [...typesOf(sample)]));
    const missing = Object.values(AST_NODE_TYPES).filter((type) => !seen.has(type) && !(type in NEVER_PRODUCED));
    expect(missing).toEqual([]);
    // The exclusions stay honest: none of them turns up.
    expect(Object.keys(NEVER_PRODUCED).filter((type) => seen.has(type))).toEqual([]);
  });

  it('covers every file type', () => {
    const extensions = new Set(CASES.map((sample) => path.extname(sample.file)));
    expect([...extensions].sort()).toEqual(['.cjs', '.js', '.jsx', '.mjs', '.ts', '.tsx', '.vue']);
    expect(CASES.some((sample) => sample.lintWith.includes('flow'))).toBe(true);
  });
});

describe.each(CASES)('$file', (sample) => {
  it('passes the text pre-filter', () => {
    expect(mightContainAuth0(sample.code)).toBe(true);
  });

  describe.each(sample.lintWith.map((parser) => [parser]))('ESLint with %s', (parser) => {
    // @babel/eslint-parser 7 runs on ESLint 8 and 9 only (see compat.test.ts).
    const LinterClass = parser === 'flow' ? (Linter9 as unknown as typeof Linter) : Linter;

    it('runs every rule without an exception or a fatal message, fixes included', () => {
      const linter = new LinterClass({ configType: 'flat' });
      const config = lintConfig(sample, parser);
      const messages = linter.verify(sample.code, config, { filename: sample.file });
      expect(fatal(messages)).toEqual([]);
      const fixed = linter.verifyAndFix(sample.code, config, { filename: sample.file });
      expect(fatal(fixed.messages)).toEqual([]);
    });
  });

  it.each(MIGRATIONS.map((options) => [JSON.stringify(options), options] as const))(
    'migrates (%s) without throwing, to text that parses again',
    (_name, options) => {
      const result = migrateSource(sample.file, sample.code, options);
      expect(() => parseFile(sample.file, result.output)).not.toThrow();
    },
  );
});

describe('project analysis over the whole zoo', () => {
  let root: string;
  let analysis: ProjectAnalysis;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-syntax-zoo-'));
    for (const sample of CASES) {
      fs.mkdirSync(path.dirname(path.join(root, sample.file)), { recursive: true });
      fs.writeFileSync(path.join(root, sample.file), sample.code);
    }
    analysis = analyzeProject(
      CASES.map((sample) => path.join(root, sample.file)),
      { cwd: root, environment: 'auto', metadataScope: 'update' },
    );
  });

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('parses every sample (none skipped by the pre-filter)', () => {
    expect(analysis.report.skippedFiles).toEqual([]);
    expect(analysis.report.filesScanned).toBe(CASES.length);
  });

  it.each(CASES.map((sample) => [sample.file]))('reports no error for %s', (file) => {
    expect(analysis.report.errors.filter((error) => error.file === file)).toEqual([]);
  });

  it('migrates the project without throwing, to files that parse again', () => {
    const migrations = analysis.migrate({ annotate: true });
    for (const migration of migrations)
      expect(() => parseFile(migration.file, migration.after), migration.file).not.toThrow();
  });

  it.each(CASES.filter((sample) => sample.file.startsWith('auth0-')).map((sample) => [sample.file]))(
    'treats %s as server code: no browser-only finding',
    (file) => {
      expect(
        analysis.report.findings.filter(
          (finding) => finding.file === file && BROWSER_ONLY.some((rule) => finding.ruleId === `auth0-tokens/${rule}`),
        ),
      ).toEqual([]);
    },
  );
});
