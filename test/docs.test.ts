/**
 * The rule docs and the README, checked against the rules themselves (after typescript-eslint's docs test): every
 * rule has a doc at its `meta.docs.url`, every option and the required sections are there, and every code example
 * under "Examples" is linted: each ❌ block must be reported by its rule, each ✅ block by no rule at all.
 * `npm run docs:check` separately verifies the generated parts (headers, rules table, scope tables).
 */
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src';
import { rules } from '../rules';

const ROOT = path.join(__dirname, '..');
const DOCS = path.join(ROOT, 'docs/rules');
const PREFIX = 'auth0-tokens';

interface CodeBlock {
  readonly lang: string;
  /** Rule options from the fence's info string, e.g. ```` ```js {"reportNeedsManual": true} ````. */
  readonly options?: Record<string, unknown>;
  readonly code: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
  /** The `##` and `###` headings the block sits under. */
  readonly section: string;
  readonly subsection: string;
}

interface ParsedDoc {
  readonly text: string;
  /** `## ` headings in order. */
  readonly sections: string[];
  /** `### ` headings by the `## ` heading they sit under. */
  readonly subsections: Map<string, string[]>;
  readonly blocks: CodeBlock[];
}

/** Headings and fenced code blocks of a Markdown file; headings inside fences are code, not headings. */
function parseMarkdown(text: string): ParsedDoc {
  const sections: string[] = [];
  const subsections = new Map<string, string[]>();
  const blocks: CodeBlock[] = [];
  let section = '';
  let subsection = '';
  let fence: { lang: string; options?: Record<string, unknown>; line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, index) => {
    if (fence) {
      if (line.startsWith('```')) {
        blocks.push({
          lang: fence.lang,
          options: fence.options,
          code: fence.lines.join('\n'),
          line: fence.line,
          section,
          subsection,
        });
        fence = undefined;
      } else fence.lines.push(line);
      return;
    }
    const opening = /^```(\w*)\s*(.*)$/.exec(line);
    if (opening) {
      fence = {
        lang: opening[1]!,
        options: opening[2] ? (JSON.parse(opening[2]) as Record<string, unknown>) : undefined,
        line: index + 1,
        lines: [],
      };
    } else if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      subsection = '';
      sections.push(section);
      subsections.set(section, []);
    } else if (line.startsWith('### ')) {
      subsection = line.slice(4).trim();
      subsections.get(section)?.push(subsection);
    }
  });
  return { text, sections, subsections, blocks };
}

function readDoc(name: string): ParsedDoc {
  const file = path.join(DOCS, `${name}.md`);
  return parseMarkdown(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
}

function optionNames(name: keyof typeof rules): string[] {
  const schema = rules[name].meta.schema;
  const first = Array.isArray(schema) ? schema[0] : schema;
  return Object.keys(first?.properties ?? {});
}

const EXAMPLE_FILES: Record<string, string> = {
  js: 'example.js',
  jsx: 'example.jsx',
  ts: 'example.ts',
  tsx: 'example.tsx',
};

/** Lints one example with `recommended` plus the rule under test set to the block's options. */
function lintExample(name: string, block: CodeBlock): Linter.LintMessage[] {
  const filename = EXAMPLE_FILES[block.lang];
  if (!filename)
    throw new Error(`Example at line ${block.line} has no lintable language (js, jsx, ts, tsx): '${block.lang}'`);
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    block.code,
    [
      plugin.configs.recommended as Linter.Config,
      { rules: { [`${PREFIX}/${name}`]: ['error', block.options ?? {}] } },
      { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
    ],
    { filename },
  );
}

const describeMessages = (messages: readonly Linter.LintMessage[]): string[] =>
  messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`);

const RULE_NAMES = Object.keys(rules) as (keyof typeof rules)[];

describe('rule docs', () => {
  it('exist for every rule and only for rules', () => {
    const docs = fs
      .readdirSync(DOCS)
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/, ''))
      .sort();
    expect(docs).toEqual([...RULE_NAMES].sort());
  });

  describe.each(RULE_NAMES)('%s', (name) => {
    const doc = readDoc(name);
    const examples = doc.blocks.filter((block) => block.section === 'Examples');

    it('is the file meta.docs.url points to', () => {
      const url = rules[name].meta.docs?.url ?? '';
      expect(url.endsWith(`docs/rules/${name}.md`), url).toBe(true);
      expect(fs.existsSync(path.join(ROOT, url.slice(url.indexOf('docs/rules/'))))).toBe(true);
    });

    it('starts with the generated header', () => {
      expect(doc.text.startsWith(`# ${PREFIX}/${name}\n`)).toBe(true);
      expect(doc.text).toContain('<!-- end auto-generated rule header -->');
    });

    it('has the required sections in order', () => {
      const required = ['Examples', 'Options', 'When Not To Use It'];
      expect(doc.sections.filter((section) => required.includes(section))).toEqual(required);
      expect(doc.subsections.get('Examples')).toEqual(['❌ Incorrect', '✅ Correct']);
    });

    it('has a `### `option`` heading for every schema option, and none for others', () => {
      const headings = (doc.subsections.get('Options') ?? []).filter((heading) => heading.startsWith('`'));
      expect(headings.sort()).toEqual(
        optionNames(name)
          .map((option) => `\`${option}\``)
          .sort(),
      );
    });

    it('shows the scope table when the rule derives scopes', () => {
      if (!optionNames(name).includes('metadataScope')) return;
      expect(doc.text).toMatch(
        /<!-- begin auto-generated scope table -->\n\n\| Endpoint[^]*`read:current_user`[^]*<!-- end auto-generated scope table -->/,
      );
    });

    it('has incorrect and correct examples', () => {
      expect(examples.some((block) => block.subsection === '❌ Incorrect')).toBe(true);
      expect(examples.some((block) => block.subsection === '✅ Correct')).toBe(true);
    });

    it.each(examples.map((block) => [`${block.subsection.slice(0, 1)} line ${block.line}`, block] as const))(
      'example %s',
      (_label, block) => {
        const messages = lintExample(name, block);
        expect(describeMessages(messages.filter((message) => message.fatal)), 'the example must parse').toEqual([]);
        if (block.subsection === '❌ Incorrect') {
          expect(
            messages.filter((message) => message.ruleId === `${PREFIX}/${name}`).length,
            'reported by its rule',
          ).toBeGreaterThan(0);
        } else {
          expect(describeMessages(messages), 'reported by no rule').toEqual([]);
        }
      },
    );
  });
});

describe('README', () => {
  const readme = parseMarkdown(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

  it('has the sections users look for', () => {
    expect(readme.sections).toEqual(
      expect.arrayContaining([
        'Quick Start',
        'Setup',
        'Presets',
        'Rules',
        'How Certainty Works',
        'Scopes',
        'GitHub Code Scanning (SARIF)',
      ]),
    );
    expect(readme.subsections.get('Setup')).toEqual(
      expect.arrayContaining(['Flat Config (ESLint 9 and 10)', 'Legacy Config (`.eslintrc`, ESLint 8.57)']),
    );
  });

  it('documents every preset', () => {
    for (const preset of Object.keys(plugin.configs)) expect(readme.text).toContain(`\`${preset}\``);
  });

  it('links every rule doc from the generated rules table', () => {
    for (const name of RULE_NAMES) expect(readme.text).toContain(`(docs/rules/${name}.md)`);
  });

  it('shows the SARIF setup for GitHub code scanning', () => {
    expect(readme.text).toContain('-f @microsoft/eslint-formatter-sarif -o eslint.sarif');
    expect(readme.text).toContain('github/codeql-action/upload-sarif');
  });
});
