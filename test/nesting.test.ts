/**
 * The nesting pre-check's count: brackets, template `${` and JSX elements are levels; what strings, comments and
 * regular expressions hold is not; a `<` is a JSX element only where an expression starts. The CLI tests run deep
 * files through the whole tool.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FLOW_NESTING, MAX_NESTING, nestsDeeperThan } from '../src/nesting';
import { parseFile, ParseError } from '../src/parse';

/** The depth the pre-check counts: the smallest limit the text does not exceed. */
function depth(text: string, jsx = true): number {
  let limit = 0;
  while (nestsDeeperThan(text, limit, jsx)) limit++;
  return limit;
}

describe('nesting depth', () => {
  it.each([
    ['brackets', 'f([{ a: (1) }]);', 4],
    ['a template expression', 'x = `a${ f(`b${c}`) }d`;', 3],
    ['brackets in strings and comments', `x = '((((' + "[[[[" // {{{{\n/* (((( */ + 1;`, 0],
    ['a regular expression', 'x = /[(/]{2}\\(/g.test(s) + /(((/;', 1],
    ['a division, not a regular expression', 'x = (a) / (b) / (c);', 1],
    ['a regular expression after a keyword', 'function f() { return /[{(]/.test(s); }', 2],
    ['a shift, not a JSX element', 'x = (1 << c) - 1; y = e << t | e >>> 32 - t;', 1],
    ['comparisons, not JSX elements', 'if (a < b && c > d) { for (let i = 0; i <n; i++) {} }', 2],
    [
      'JSX elements and expressions',
      'x = <div className="a"><p>{items.map((item) => <b key={item}>{item}</b>)}</p></div>;',
      6,
    ],
    ['JSX text with quotes and brackets', "x = <p>Don't (or do) [it]</p>;", 1],
    ['self-closing JSX and fragments', 'x = <><br /><img src="a" /></>;', 2],
    ['a generic arrow function in TSX', 'const f = <T,>(x: T) => [x]; const g = <T extends object>(x: T) => x;', 1],
  ])('%s', (_name, text, expected) => {
    expect(depth(text)).toBe(expected);
  });

  it('a TypeScript cast or generic is no JSX element', () => {
    expect(depth('const x = <Foo>(<Bar>y); type T = Array<Array<number>>;', false)).toBe(1);
  });

  it('the count stops at the limit: a deep text costs no more than its first levels', () => {
    expect(nestsDeeperThan('('.repeat(10_000_000), MAX_NESTING, true)).toBe(true);
  });

  it('this repository and its fixtures nest well under the limits', () => {
    const root = path.join(__dirname, '..');
    const files = ['src', 'fixtures', 'test']
      .flatMap((folder) =>
        fs
          .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
          .map((file) => path.join(root, folder, file)),
      )
      .filter((file) => /\.(jsx?|tsx?|mjs|cjs)$/.test(file));
    expect(files.length).toBeGreaterThan(100);
    expect(
      files.filter((file) =>
        nestsDeeperThan(fs.readFileSync(file, 'utf8'), MAX_FLOW_NESTING / 2, !/\.[mc]?ts$/.test(file)),
      ),
    ).toEqual([]);
  });
});

describe('parseFile refuses a text nested past the limit before any parser', () => {
  const nested = (levels: number) => `// auth0\nx = ${'['.repeat(levels)}${']'.repeat(levels)};\n`;

  it.each([
    ['deep.js', MAX_NESTING],
    ['deep.ts', MAX_NESTING],
    ['deep.tsx', MAX_NESTING],
  ])('%s: %i levels parse, one more is refused', (file, limit) => {
    expect(() => parseFile(file, nested(limit))).not.toThrow();
    expect(() => parseFile(file, nested(limit + 1))).toThrow(
      new ParseError(file, '', `${file}: nested too deeply to analyse: skipped`),
    );
  });

  it('a Flow file (Babel) at its own limit', () => {
    expect(() => parseFile('deep.js', `// @flow\n${nested(MAX_FLOW_NESTING)}`)).not.toThrow();
    expect(() => parseFile('deep.js', `// @flow\n${nested(MAX_FLOW_NESTING + 1)}`)).toThrow(
      'deep.js: nested too deeply to analyse: skipped',
    );
  });

  it("a .vue file: each <script> block's own nesting", () => {
    const vue = (levels: number) =>
      `<template><div><div><div></div></div></div></template>\n<script>\n${nested(levels)}</script>\n`;
    expect(() => parseFile('deep.vue', vue(MAX_NESTING))).not.toThrow();
    expect(() => parseFile('deep.vue', vue(MAX_NESTING + 1))).toThrow(
      'deep.vue: nested too deeply to analyse: skipped',
    );
  });
});
