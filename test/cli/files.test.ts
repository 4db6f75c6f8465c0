/**
 * Which files the CLI analyses (end to end, through `scan --format json`): .gitignore files (nested ones too),
 * `--ignore`, the default ignores, `--extensions`, bad input reported per file, and `--shard` partitions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyLegacyApp, ensureBuilt, ID_TOKEN_FLOW, removeTemporaryDirectories, temporaryDirectory, writeFiles } from './cli-helpers';

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
      'src/tests/app.spec.js': ID_TOKEN_FLOW,
      'src/notes.txt': ID_TOKEN_FLOW,
      'generated/client.js': ID_TOKEN_FLOW,
      'node_modules/auth0-helper/index.js': ID_TOKEN_FLOW,
      'dist/app.js': ID_TOKEN_FLOW,
      'build/app.js': ID_TOKEN_FLOW,
      'coverage/app.js': ID_TOKEN_FLOW,
      'public/vendor.min.js': ID_TOKEN_FLOW,
      'public/main.bundle.js': ID_TOKEN_FLOW,
    });
    fs.mkdirSync(path.join(project, '.git'));
  });

  it('respects .gitignore (nested files and negations), the default ignores and the extensions', async () => {
    const { stdout } = await cli(['scan', '--format', 'json', '--fail-on', 'none'], project);
    const document = JSON.parse(stdout) as Document;
    expect(filesWithFindings(document)).toEqual(['src/app.js', 'src/legacy/current.js', 'src/legacy/keep.local.js', 'src/tests/app.spec.js', 'src/widget.vue']);
    expect(document.summary.filesScanned).toBe(5);
  });

  it('--ignore (repeatable), --extensions, --no-gitignore and --no-default-ignores', async () => {
    const [ignored, extensions, everything] = await Promise.all([
      cli(['scan', '--format', 'json', '--ignore', 'src/tests/', '--ignore', '*.vue'], project),
      cli(['scan', 'src', '--format', 'json', '--extensions', 'vue,.TXT'], project),
      cli(['scan', '--format', 'json', '--no-gitignore', '--no-default-ignores', '--extensions', 'js'], project),
    ]);
    expect(filesWithFindings(JSON.parse(ignored.stdout) as Document)).toEqual(['src/app.js', 'src/legacy/current.js', 'src/legacy/keep.local.js']);
    expect((JSON.parse(extensions.stdout) as Document).summary.filesScanned).toBe(2);
    expect(filesWithFindings(JSON.parse(everything.stdout) as Document)).toHaveLength(13);
  });

  it('a file named on the command line is analysed even when ignored; a .gitignore above the walked directory applies', async () => {
    const { stdout } = await cli(['scan', 'dist/app.js', 'generated/client.js', 'src/legacy', '--format', 'json'], project);
    expect(filesWithFindings(JSON.parse(stdout) as Document)).toEqual(['dist/app.js', 'generated/client.js', 'src/legacy/current.js', 'src/legacy/keep.local.js']);
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

    const [text, json, github] = await Promise.all([cli(['scan'], directory), cli(['scan', '--format', 'json'], directory), cli(['scan', '--format', 'github', '--fail-on', 'none'], directory)]);
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
      ...Array.from({ length: count }, (_, index) => cli(['scan', '--format', 'json', '--shard', `${index + 1}/${count}`], app)),
    ]);
    const full = JSON.parse(whole!.stdout) as Document;
    const parts = shards.map((shard) => JSON.parse(shard.stdout) as Document);
    const fileSets = parts.map(filesWithFindings);
    for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) expect(fileSets[a]!.filter((file) => fileSets[b]!.includes(file))).toEqual([]);
    expect(fileSets.flat().sort()).toEqual(filesWithFindings(full));
    expect(parts.reduce((sum, part) => sum + part.summary.filesScanned + part.summary.filesSkipped, 0)).toBe(full.summary.filesScanned + full.summary.filesSkipped);
    const key = (finding: { file: string; ruleId: string }) => JSON.stringify(finding);
    expect(parts.flatMap((part) => part.findings.map(key)).sort()).toEqual(full.findings.map(key).sort());
    expect(fileSets.every((files) => files.length > 0)).toBe(true);
  });
});
