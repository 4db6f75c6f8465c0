/**
 * Which files the CLI analyses (end to end, through `scan --format json`): .gitignore files (nested ones too),
 * `--ignore`, the default ignores, `--extensions`, bad input reported per file, and `--shard` partitions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, discoverFiles, type DiscoveryOptions } from '../../src/cli/files';
import {
  cli,
  copyLegacyApp,
  ensureBuilt,
  ID_TOKEN_FLOW,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

interface Document {
  findings: { file: string; ruleId: string }[];
  tokenRequests: { file: string }[];
  managementCalls: { file: string }[];
  summary: { filesScanned: number; filesSkipped: number; findings: number; errors: number };
}

function filesWithFindings(document: Document): string[] {
  return [...new Set(document.findings.map((finding) => finding.file))].sort();
}

describe('file discovery', () => {
  afterAll(removeTemporaryDirectories);
  let project: string;

  beforeAll(() => {
    ensureBuilt();
    project = temporaryDirectory('files');
    writeFiles(project, {
      '.gitignore': 'generated/\n*.local.js\n',
      'src/app.js': ID_TOKEN_FLOW,
      'src/app.local.js': ID_TOKEN_FLOW,
      'src/widget.vue': `<template><p>hi</p></template>\n<script>\n${ID_TOKEN_FLOW}</script>\n`,
      'src/legacy/.gitignore': 'old.js\n!keep.local.js\n',
      'src/legacy/old.js': ID_TOKEN_FLOW,
      'src/legacy/keep.local.js': ID_TOKEN_FLOW,
      'src/legacy/current.js': ID_TOKEN_FLOW,
      // Not under tests/: test code yields no findings, and these tests tell discovery by the findings.
      'src/admin/panel.js': ID_TOKEN_FLOW,
      'src/notes.txt': ID_TOKEN_FLOW,
      'generated/client.js': ID_TOKEN_FLOW,
      'node_modules/auth0-helper/index.js': ID_TOKEN_FLOW,
      'dist/app.js': ID_TOKEN_FLOW,
      'build/app.js': ID_TOKEN_FLOW,
      'coverage/app.js': ID_TOKEN_FLOW,
      'public/vendor.min.js': ID_TOKEN_FLOW,
      'public/main.bundle.js': ID_TOKEN_FLOW,
      'vendor/auth0-helper.js': ID_TOKEN_FLOW,
      'www/lib/auth0/auth0.js': ID_TOKEN_FLOW,
      '.bowerrc': '{ "directory": "assets/libs" }',
      'assets/libs/lock/lock.js': ID_TOKEN_FLOW,
    });
    fs.mkdirSync(path.join(project, '.git'));
  });

  it('respects .gitignore (nested files and negations), the default ignores and the extensions', async () => {
    const { stdout } = await cli(['scan', '--format', 'json', '--fail-on', 'none'], project);
    const document = JSON.parse(stdout) as Document;
    expect(filesWithFindings(document)).toEqual([
      'src/admin/panel.js',
      'src/app.js',
      'src/legacy/current.js',
      'src/legacy/keep.local.js',
      'src/widget.vue',
    ]);
    expect(document.summary.filesScanned).toBe(5);
  });

  it('--ignore (repeatable), --extensions, --no-gitignore and --no-default-ignores', async () => {
    const [ignored, extensions, everything] = await Promise.all([
      cli(['scan', '--format', 'json', '--ignore', 'src/admin/', '--ignore', '*.vue'], project),
      cli(['scan', 'src', '--format', 'json', '--extensions', 'vue,.TXT'], project),
      cli(['scan', '--format', 'json', '--no-gitignore', '--no-default-ignores', '--extensions', 'js'], project),
    ]);
    expect(filesWithFindings(JSON.parse(ignored.stdout) as Document)).toEqual([
      'src/app.js',
      'src/legacy/current.js',
      'src/legacy/keep.local.js',
    ]);
    expect((JSON.parse(extensions.stdout) as Document).summary.filesScanned).toBe(2);
    expect(filesWithFindings(JSON.parse(everything.stdout) as Document)).toHaveLength(16);
  });

  it('a file named on the command line is analysed even when ignored; a .gitignore above the walked directory applies', async () => {
    const { stdout } = await cli(
      ['scan', 'dist/app.js', 'generated/client.js', 'vendor/auth0-helper.js', 'src/legacy', '--format', 'json'],
      project,
    );
    expect(filesWithFindings(JSON.parse(stdout) as Document)).toEqual([
      'dist/app.js',
      'generated/client.js',
      'src/legacy/current.js',
      'src/legacy/keep.local.js',
      'vendor/auth0-helper.js',
    ]);
  });

  it('reports bad input per file and goes on: parse errors, binary files, symbolic link loops', async () => {
    const directory = temporaryDirectory('bad-input');
    writeFiles(directory, {
      'odd,name%.js': ID_TOKEN_FLOW,
      'broken.js': "const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', responseType: 'id_token' ;\n",
      'binary.js': Buffer.from([0x61, 0x75, 0x74, 0x68, 0x30, 0x00, 0x01, 0x02]),
    });
    fs.mkdirSync(path.join(directory, 'nested'));
    fs.symlinkSync('..', path.join(directory, 'nested/loop'));
    fs.symlinkSync('missing.js', path.join(directory, 'dangling.js'));

    const [text, json, github] = await Promise.all([
      cli(['scan'], directory),
      cli(['scan', '--format', 'json'], directory),
      cli(['scan', '--format', 'github', '--fail-on', 'none'], directory),
    ]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^Not analysed$/m);
    expect(text.stdout).toMatch(/^ {2}error {2}broken\.js: .*cannot parse/m);
    expect(text.stdout).toMatch(/^ {2}error {2}binary\.js: binary file/m);
    expect(text.stdout).toMatch(/^ {2}error {2}nested\/loop: symbolic link loop/m);
    expect(text.stdout).toMatch(/^ {2}error {2}dangling\.js: broken symbolic link/m);
    const document = JSON.parse(json.stdout) as Document;
    expect(filesWithFindings(document)).toEqual(['odd,name%.js']);
    expect(document.summary.errors).toBe(4);
    expect(json.stderr).toContain('broken.js: ');
    expect(json.status).toBe(1);
    // Workflow commands escape `%`, `,` and `:` in properties; files not analysed are error annotations too.
    expect(github.status).toBe(0);
    expect(github.stdout).toContain('::error file=odd%2Cname%25.js,line=');
    expect(github.stdout).toMatch(/^::error file=binary\.js,title=auth0-tokens::binary file/m);
  });

  it('--shard i/n: shards are disjoint and together complete', async () => {
    const app = copyLegacyApp('shards');
    for (let index = 0; index < 12; index++) writeFiles(app, { [`extra/flow-${index}.js`]: ID_TOKEN_FLOW });
    const count = 3;
    const [whole, ...shards] = await Promise.all([
      cli(['scan', '--format', 'json'], app),
      ...Array.from({ length: count }, (_, index) =>
        cli(['scan', '--format', 'json', '--shard', `${index + 1}/${count}`], app),
      ),
    ]);
    const full = JSON.parse(whole!.stdout) as Document;
    const parts = shards.map((shard) => JSON.parse(shard.stdout) as Document);
    const fileSets = parts.map(filesWithFindings);
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++)
        expect(fileSets[a]!.filter((file) => fileSets[b]!.includes(file))).toEqual([]);
    expect(fileSets.flat().sort()).toEqual(filesWithFindings(full));
    expect(parts.reduce((sum, part) => sum + part.summary.filesScanned + part.summary.filesSkipped, 0)).toBe(
      full.summary.filesScanned + full.summary.filesSkipped,
    );
    const key = (finding: { file: string; ruleId: string }) => JSON.stringify(finding);
    expect(parts.flatMap((part) => part.findings.map(key)).sort()).toEqual(full.findings.map(key).sort());
    expect(fileSets.every((files) => files.length > 0)).toBe(true);
  });
});

/** Vendored code, walked by `discoverFiles` itself (no build needed): the vendor folders and `.bowerrc` install folders. */
describe('default ignores: vendored code', () => {
  afterAll(removeTemporaryDirectories);

  /** The files found, relative to `cwd` (POSIX), with the CLI's defaults. */
  function discover(cwd: string, paths: readonly string[] = ['.'], options: Partial<DiscoveryOptions> = {}): string[] {
    const discovery = discoverFiles(paths, {
      cwd,
      extensions: [...DEFAULT_EXTENSIONS],
      ignore: [],
      gitignore: true,
      defaultIgnores: true,
      ...options,
    });
    expect(discovery.errors).toEqual([]);
    return discovery.files.map((file) => path.relative(cwd, file).split(path.sep).join('/'));
  }

  function project(name: string, files: Record<string, string>): string {
    const directory = temporaryDirectory(name);
    writeFiles(directory, files);
    fs.mkdirSync(path.join(directory, '.git'));
    return directory;
  }

  const VENDORED = {
    'src/app.js': 'a',
    'vendor/auth0.js': 'v',
    'vendors/lock.js': 'v',
    'third_party/jwt.js': 'v',
    'third-party/jwt.js': 'v',
    'packages/web/vendor/auth0.js': 'v',
    'www/lib/auth0.js/build/auth0.js': 'v',
    'www/js/app.js': 'a',
    'apps/mobile/www/lib/angular/angular.js': 'v',
    'apps/mobile/www/js/app.js': 'a',
    'public/lib/helpers.js': 'a',
    'src/vendor.js': 'a',
    'src/vendored/own.js': 'a',
  };

  it('skips the .js output compiled beside its TypeScript source, unless --no-default-ignores', () => {
    const directory = project('compiled', {
      'src/app.component.ts': 'a',
      'src/app.component.js': 'compiled',
      'src/app.component.js.map': 'map',
      'src/Profile.tsx': 'a',
      'src/Profile.jsx': 'compiled',
      'src/types.d.ts': 'a',
      'src/types.js': 'own',
      'src/plain.js': 'own',
    });
    expect(discover(directory)).toEqual([
      'src/Profile.tsx',
      'src/app.component.ts',
      'src/plain.js',
      'src/types.d.ts',
      'src/types.js',
    ]);
    expect(discover(directory, ['.'], { defaultIgnores: false })).toEqual([
      'src/Profile.jsx',
      'src/Profile.tsx',
      'src/app.component.js',
      'src/app.component.ts',
      'src/plain.js',
      'src/types.d.ts',
      'src/types.js',
    ]);
  });

  it('skips vendor/, vendors/, third_party/, third-party/ at any depth', () => {
    const directory = project('vendor-dirs', VENDORED);
    const files = discover(directory);
    expect(files.filter((file) => /(^|\/)(vendors?|third[_-]party)\//.test(file))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['src/app.js', 'src/vendor.js', 'src/vendored/own.js', 'public/lib/helpers.js']),
    );
  });

  it('skips www/lib/ (Ionic / Cordova bower folder), at the top and in a nested app, but not www/js/', () => {
    const directory = project('www-lib', VENDORED);
    const files = discover(directory);
    expect(files.filter((file) => file.includes('www/lib/'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['www/js/app.js', 'apps/mobile/www/js/app.js']));
  });

  it('--no-default-ignores (defaultIgnores: false) walks the vendor folders and the .bowerrc folders', () => {
    const directory = project('no-defaults', {
      ...VENDORED,
      '.bowerrc': '{ "directory": "app/libs" }',
      'app/libs/jquery/jquery.js': 'v',
    });
    expect(discover(directory, ['.'], { defaultIgnores: false })).toEqual(
      Object.keys({ ...VENDORED, 'app/libs/jquery/jquery.js': '' }).sort(),
    );
  });

  it('a file named on the command line inside vendor/ or a .bowerrc folder is still taken', () => {
    const directory = project('named-vendor', {
      ...VENDORED,
      '.bowerrc': '{ "directory": "app/libs" }',
      'app/libs/x/x.js': 'v',
    });
    expect(
      discover(directory, ['vendor/auth0.js', 'www/lib/auth0.js/build/auth0.js', 'app/libs/x/x.js', 'src']),
    ).toEqual([
      'app/libs/x/x.js',
      'src/app.js',
      'src/vendor.js',
      'src/vendored/own.js',
      'vendor/auth0.js',
      'www/lib/auth0.js/build/auth0.js',
    ]);
  });

  it('a .bowerrc naming app/libs skips app/libs/** but not app/src/** nor app/libs2/', () => {
    const directory = project('bowerrc', {
      '.bowerrc': '{\n  "directory": "app/libs/",\n  "analytics": false\n}\n',
      'app/libs/auth0.js/build/auth0.js': 'v',
      'app/libs/angular/angular.js': 'v',
      'app/src/login.js': 'a',
      'app/libs2/own.js': 'a',
      'app/libs.js': 'a',
    });
    expect(discover(directory)).toEqual(['app/libs.js', 'app/libs2/own.js', 'app/src/login.js']);
    // Walking a folder between the .bowerrc and its install folder still skips it (`scan app` in the project above).
    expect(discover(directory, ['app'])).toEqual(['app/libs.js', 'app/libs2/own.js', 'app/src/login.js']);
    // Walking the install folder itself walks it: it was asked for by name.
    expect(discover(directory, ['app/libs/angular'])).toEqual(['app/libs/angular/angular.js']);
  });

  it('a nested .bowerrc applies beneath its own directory, relative to it', () => {
    const directory = project('nested-bowerrc', {
      'client/.bowerrc': '{ "directory": "static/lib" }',
      'client/static/lib/lock/lock.js': 'v',
      'client/static/js/app.js': 'a',
      'static/lib/own.js': 'a',
      'other/static/lib/own.js': 'a',
    });
    expect(discover(directory)).toEqual(['client/static/js/app.js', 'other/static/lib/own.js', 'static/lib/own.js']);
    expect(discover(path.join(directory, 'client'), ['.'])).toEqual(['static/js/app.js']);
  });

  it('an invalid .bowerrc, one without a directory, or one that leaves its directory is ignored', () => {
    const directory = project('invalid-bowerrc', {});
    writeFiles(directory, {
      'broken/.bowerrc': '{ "directory": "libs", }',
      'broken/libs/a.js': 'a',
      'none/.bowerrc': '{ "registry": "https://registry.bower.io" }',
      'none/libs/a.js': 'a',
      'wrong-type/.bowerrc': '{ "directory": ["libs"] }',
      'wrong-type/libs/a.js': 'a',
      'not-object/.bowerrc': 'null',
      'not-object/libs/a.js': 'a',
      'itself/.bowerrc': '{ "directory": "." }',
      'itself/a.js': 'a',
      'escape/.bowerrc': '{ "directory": "../outside" }',
      'escape/a.js': 'a',
      'outside/a.js': 'a',
      'absolute/.bowerrc': JSON.stringify({ directory: path.join(directory, 'elsewhere') }),
      'absolute/a.js': 'a',
      'elsewhere/a.js': 'a',
      // An absolute path inside its own directory is fine.
      'absolute-inside/.bowerrc': JSON.stringify({ directory: path.join(directory, 'absolute-inside/libs') }),
      'absolute-inside/libs/v.js': 'v',
      'absolute-inside/a.js': 'a',
    });
    expect(discover(directory)).toEqual([
      'absolute-inside/a.js',
      'absolute/a.js',
      'broken/libs/a.js',
      'elsewhere/a.js',
      'escape/a.js',
      'itself/a.js',
      'none/libs/a.js',
      'not-object/libs/a.js',
      'outside/a.js',
      'wrong-type/libs/a.js',
    ]);
  });
});
