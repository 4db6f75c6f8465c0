/**
 * HTML pages: their inline `<script>` blocks are parsed as the browser runs them (one script, shared globals), at their
 * places in the page, and the CLI reads `.html` files by default.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS } from '../src/cli/files';
import { analyseFiles } from '../src/cli/run';
import { pageScripts, parseFile, ParseError } from '../src/parse';
import { removeTemporaryDirectories, temporaryDirectory, writeFiles } from './cli/cli-helpers';

/** The source text of each top-level statement the page's unit holds. */
function statements(page: string): string[] {
  return parseFile('page.html', page).flatMap((unit) =>
    unit.program.body.map((statement) => page.slice(statement.range[0], statement.range[1])),
  );
}

describe('inline scripts of HTML pages', () => {
  it('parses every block a browser runs as JavaScript into one unit, each node at its offset in the page', () => {
    const page = [
      '<!doctype html>',
      '<script>var webAuth = 1;</script>',
      '<script type="text/javascript">webAuth++</script><script type="module">import x from "./x.js";</script>',
      "<SCRIPT TYPE='application/javascript'>const a = <b />;</SCRIPT>",
      '<script type=text/babel>const element = <p>hi</p>;</script>',
      '',
    ].join('\n');
    const units = parseFile('page.html', page);
    expect(units).toHaveLength(1);
    expect(units[0]!.offset).toBe(0);
    expect(statements(page)).toEqual([
      'var webAuth = 1;',
      'webAuth++',
      'import x from "./x.js";',
      'const a = <b />;',
      'const element = <p>hi</p>;',
    ]);
    expect(units[0]!.program.body.every((statement) => statement.parent === units[0]!.program)).toBe(true);
  });

  it('shares the globals of the blocks: a name declared in one block resolves in the next', () => {
    const page = '<script>var webAuth = {};</script>\n<p></p>\n<script>webAuth.authorize();</script>\n';
    const [unit] = parseFile('page.htm', page);
    const references = unit!.scopeManager.scopes.flatMap((scope) => scope.references);
    const call = references.find((reference) => reference.identifier.range[0] > page.indexOf('<p>'));
    expect(call?.resolved?.name).toBe('webAuth');
  });

  it('skips scripts with a src, data and templates, and scripts inside HTML comments', () => {
    const page = [
      '<script src="app.js">ignored()</script>',
      '<script type="text/template"><p>{{ name }}</p></script>',
      '<script type="application/ld+json">{ "a": 1 }</script>',
      '<script type="importmap">{ "imports": {} }</script>',
      '<!-- <script>commentedOut()</script> -->',
      '<script data-type="x">runs()</script>',
    ].join('\n');
    expect(statements(page)).toEqual(['runs()']);
    expect(parseFile('empty.html', '<p>No scripts</p><script src="a.js"></script>')).toEqual([]);
  });

  it('leaves out a block no parser takes that names nothing Auth0-related (server template syntax)', () => {
    const page = '<script>var settings = {{ settings | tojson }};</script>\n<script>start(settings)</script>';
    expect(statements(page)).toEqual(['start(settings)']);
  });

  it("reports an Auth0-related block no parser takes as the page's parse error, at its line in the page", () => {
    const page = '<html>\n<body>\n<script>\n  var webAuth = new auth0.WebAuth({ domain: {{ domain }} });\n</script>';
    expect(() => parseFile('login.html', page)).toThrow(ParseError);
    expect(() => parseFile('login.html', page)).toThrow(/login\.html: cannot parse \(line 4, column \d+: /);
  });

  it('gives a linter the scripts at their lines and columns, the markup blanked', () => {
    const page = '<p>a</p>\n  <script>var a = 1 // one</script><script>(a)</script>\n';
    const text = pageScripts(page);
    expect(text).toHaveLength(page.length);
    expect(text.split('\n').map((line) => line.trimEnd())).toEqual([
      '',
      `          var a = 1 // one\u2028;${' '.repeat(15)}(a)\u2028;`,
      '',
    ]);
  });
});

describe('the CLI on HTML pages', () => {
  afterAll(removeTemporaryDirectories);

  it('reads .html and .htm files by default', () => {
    expect(DEFAULT_EXTENSIONS).toEqual(expect.arrayContaining(['html', 'htm']));
  });

  it("reports a page's login and its Management call in another block as one flow", () => {
    const dir = temporaryDirectory('pages');
    writeFiles(dir, {
      'public/profile.html': fs.readFileSync(
        path.join(__dirname, '../fixtures/transforms/html-webauth-blocks.input.html'),
        'utf8',
      ),
      'public/inert.html': fs.readFileSync(
        path.join(__dirname, '../fixtures/transforms/negative-html-inert-blocks.input.html'),
        'utf8',
      ),
    });
    const { report } = analyseFiles({
      paths: ['.'],
      cwd: dir,
      extensions: [...DEFAULT_EXTENSIONS],
      ignore: [],
      gitignore: true,
      defaultIgnores: true,
      quiet: true,
      environment: 'auto',
      metadataScope: 'update',
    });
    expect(report.errors).toEqual([]);
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.ruleId, finding.certainty])).toEqual([
      ['public/profile.html', 10, 'auth0-tokens/require-management-audience', 'proven'],
      ['public/profile.html', 14, 'auth0-tokens/require-token-response-type', 'proven'],
      ['public/profile.html', 15, 'auth0-tokens/minimal-management-scopes', 'proven'],
      ['public/profile.html', 29, 'auth0-tokens/no-id-token-for-management-api', 'proven'],
    ]);
    expect(report.managementCalls.map((call) => [call.file, call.line, call.via, call.credential])).toEqual([
      ['public/profile.html', 33, 'auth0.js Management#patchUserMetadata', 'id-token'],
    ]);
  });
});
