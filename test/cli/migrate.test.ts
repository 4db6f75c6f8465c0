/**
 * `auth0-tokens migrate` end to end (the built CLI on temporary copies of the legacy app): the dirty-tree refusal,
 * `--dry` leaving the tree byte-identical, `--diff` / `--print`, atomic writes that keep mode and BOM, `--report`,
 * `--annotate`, per-file errors, and Ctrl-C during the write phase.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  cli,
  copyLegacyApp,
  ensureBuilt,
  git,
  hashTree,
  ID_TOKEN_FLOW,
  legacyAppRepository,
  NEEDS_MANUAL_ONLY,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

const SUMMARY = /^(\d+) modified, (\d+) unchanged, (\d+) skipped, (\d+) needs-manual, (\d+) errors/m;
const BROKEN = "const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', responseType: 'id_token' ;\n";
const BOM = '\uFEFF';

function summary(stderr: string): number[] {
  const match = SUMMARY.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return match!.slice(1).map(Number);
}

/** The `==> file <==` blocks of `--print`. */
function printed(stdout: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const block of stdout.split(/^==> /m).filter(Boolean)) {
    const [header, ...rest] = block.split('\n');
    files.set(header!.replace(/ <==$/, ''), rest.join('\n'));
  }
  return files;
}

function temporaryFiles(directory: string): string[] {
  return Object.keys(hashTree(directory)).filter((file) => file.endsWith('.auth0-tokens.tmp'));
}

describe('auth0-tokens migrate', () => {
  afterAll(removeTemporaryDirectories);
  beforeAll(() => ensureBuilt());

  it('refuses tracked changes in the paths unless --force; --dry is not checked; other paths are not blocked', async () => {
    const repository = legacyAppRepository('dirty');
    fs.appendFileSync(path.join(repository, 'public/js/header.js'), '// a local edit\n');
    const before = hashTree(repository);

    // Run from outside the repository: each path is checked in its own repository.
    const refused = await cli(['migrate', path.basename(repository)], path.dirname(repository));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to migrate');
    expect(refused.stderr).toContain('public/js/header.js');
    expect(hashTree(repository)).toEqual(before);

    const [dry, elsewhere] = await Promise.all([
      cli(['migrate', '--dry'], repository),
      cli(['migrate', 'server'], repository),
    ]);
    expect(dry.status).toBe(0);
    expect(elsewhere.status).toBe(0);
    expect(hashTree(repository)).toEqual(before);

    const forced = await cli(['migrate', '--force'], repository);
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(path.join(repository, 'public/js/auth.js'), 'utf8')).toContain(
      "responseType: 'token id_token'",
    );
    expect(fs.readFileSync(path.join(repository, 'public/js/header.js'), 'utf8')).toMatch(/\/\/ a local edit\n$/);
  });

  describe('--dry', () => {
    let app: string;
    let reportFile: string;
    let before: Record<string, string>;
    let diff: Awaited<ReturnType<typeof cli>>;
    let print: Awaited<ReturnType<typeof cli>>;

    beforeAll(async () => {
      app = copyLegacyApp('dry');
      reportFile = path.join(temporaryDirectory('dry-report'), 'migration.json');
      before = hashTree(app);
      [diff, print] = await Promise.all([
        cli(['migrate', '--dry', '--diff', '--color'], app),
        cli(['migrate', '--dry', '--print', '--report', reportFile], app),
      ]);
    });

    it('leaves the tree byte-identical', () => {
      expect(diff.status).toBe(0);
      expect(print.status).toBe(0);
      expect(hashTree(app)).toEqual(before);
      expect(diff.stderr).toMatch(/ errors \(dry run: nothing written\)$/m);
    });

    it('--diff prints a unified diff per changed file, coloured with --color', () => {
      expect(diff.stdout).toContain('\x1b[32m+');
      // eslint-disable-next-line no-control-regex -- removes the colours' escape sequences
      const plain = diff.stdout.replace(/\x1b\[\d+m/g, '');
      expect(plain).toMatch(/^--- a\/public\/js\/auth\.js\n\+\+\+ b\/public\/js\/auth\.js\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      expect(plain).toMatch(/^- {2}responseType: 'id_token',$/m);
      expect(plain).toMatch(/^\+ {2}responseType: 'token id_token',$/m);
      expect(plain).not.toContain('support-widget.js');
      const [modified] = summary(diff.stderr);
      expect(plain.match(/^\+\+\+ b\//gm)).toHaveLength(modified!);
    });

    it('--print prints each changed file in full; the summary counts files and needs-manual sites', () => {
      const files = printed(print.stdout);
      expect(files.get('public/js/auth.js')).toContain("responseType: 'token id_token'");
      const [modified, unchanged, skipped, needsManual, errors] = summary(print.stderr);
      expect(files.size).toBe(modified);
      expect(modified! + unchanged! + skipped!).toBe(
        Object.keys(before).filter((file) => /\.(jsx?|tsx?|html?)$/.test(file)).length,
      );
      expect(errors).toBe(0);
      expect(print.stderr.match(/^\S+:\d+:\d+ needs manual work \(/gm) ?? []).toHaveLength(needsManual!);
    });

    it('--report FILE.json: per file what changed and why, the needs-manual sites, the scopes and the tenant checklist', () => {
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
      expect(Object.keys(report)).toEqual([
        'schemaVersion',
        'tool',
        'version',
        'dryRun',
        'interrupted',
        'summary',
        'files',
        'tokenRequests',
        'errors',
        'tenantChecklist',
      ]);
      expect(report).toMatchObject({
        schemaVersion: 1,
        tool: 'auth0-tokens',
        dryRun: true,
        interrupted: false,
        errors: [],
      });
      const [modified, unchanged, skipped, needsManual, errors] = summary(print.stderr);
      expect(report.summary).toEqual({ modified, unchanged, skipped, needsManual, errors });
      const auth = report.files.find((file: { file: string }) => file.file === 'public/js/auth.js');
      expect(auth.status).toBe('modified');
      expect(auth.changes.length).toBeGreaterThan(0);
      for (const change of auth.changes) expect(Object.keys(change)).toEqual(['line', 'ruleId', 'message']);
      expect(report.files.flatMap((file: { needsManual: unknown[] }) => file.needsManual)).toHaveLength(needsManual!);
      expect(
        report.tokenRequests.some(
          (request: { file: string; requiredScopes: unknown[] }) =>
            request.file === 'public/js/auth.js' && request.requiredScopes.length > 0,
        ),
      ).toBe(true);
      expect(report.tenantChecklist.join('\n')).toMatch(
        /Allow ID Tokens for Management API v2 Authentication[\s\S]*Allow Skipping User Consent[\s\S]*localhost[\s\S]*one audience/,
      );
    });
  });

  it('writes atomically what the dry run printed, keeping mode and BOM; untracked files do not block; a second run changes nothing', async () => {
    const repository = legacyAppRepository('write');
    writeFiles(repository, { 'public/js/bom.js': BOM + ID_TOKEN_FLOW });
    fs.chmodSync(path.join(repository, 'public/js/auth.js'), 0o600);
    const expected = printed((await cli(['migrate', '--dry', '--print'], repository)).stdout);
    expect([...expected.keys()]).toEqual(expect.arrayContaining(['public/js/auth.js', 'public/js/bom.js']));

    const written = await cli(['migrate', '--report', 'MIGRATION.md'], repository);
    expect(written.status).toBe(0);
    for (const [file, text] of expected) expect(fs.readFileSync(path.join(repository, file), 'utf8'), file).toBe(text);
    expect(fs.readFileSync(path.join(repository, 'public/js/bom.js'), 'utf8').startsWith(BOM)).toBe(true);
    expect(fs.statSync(path.join(repository, 'public/js/auth.js')).mode & 0o777).toBe(0o600);
    expect(temporaryFiles(repository)).toEqual([]);
    const tracked = [...expected.keys()].filter((file) => file !== 'public/js/bom.js').sort();
    expect(
      git(repository, 'status', '--porcelain', '--untracked-files=no')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3))
        .sort(),
    ).toEqual(tracked);

    const report = fs.readFileSync(path.join(repository, 'MIGRATION.md'), 'utf8');
    for (const heading of [
      '## Changes',
      '### `public/js/auth.js`',
      '## Scopes per token request',
      '## Needs manual work',
      '## Tenant checklist',
    ])
      expect(report).toContain(heading);
    expect(report).toMatch(/^- \[ \] Turn off "Allow ID Tokens for Management API v2 Authentication"/m);

    const again = await cli(['migrate', '--dry'], repository);
    expect(summary(again.stderr)[0]).toBe(0);
  });

  it('reports files it cannot migrate, migrates the rest, exits 1; --annotate marks the sites left for manual work', async () => {
    const directory = temporaryDirectory('errors');
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${ID_TOKEN_FLOW}`)]);
    writeFiles(directory, {
      'broken.js': BROKEN,
      'flow.js': ID_TOKEN_FLOW,
      'colour.js': NEEDS_MANUAL_ONLY,
      'latin1.js': latin1,
    });
    const result = await cli(['migrate', '--annotate'], directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^broken\.js: .*cannot parse/m);
    expect(result.stderr).toMatch(/^latin1\.js: not valid UTF-8 .*: skipped; save it as UTF-8 to analyse it$/m);
    expect(summary(result.stderr)).toEqual([2, 0, 0, expect.any(Number), 2]);
    expect(fs.readFileSync(path.join(directory, 'broken.js'), 'utf8')).toBe(BROKEN);
    expect(fs.readFileSync(path.join(directory, 'latin1.js')).equals(latin1)).toBe(true);
    expect(fs.readFileSync(path.join(directory, 'flow.js'), 'utf8')).toContain('authResult.accessToken');
    expect(fs.readFileSync(path.join(directory, 'colour.js'), 'utf8')).toMatch(
      /^ {4}\/\/ TODO\(auth0-tokens\): .+\n {4}headers:/m,
    );
  });

  it('Ctrl-C during the write phase finishes the file being written, leaves the rest untouched and exits 130', async () => {
    const directory = temporaryDirectory('interrupt');
    const count = 120;
    for (let index = 0; index < count; index++)
      writeFiles(directory, { [`flow-${String(index).padStart(3, '0')}.js`]: ID_TOKEN_FLOW });

    const child = spawn(process.execPath, [BIN, 'migrate'], { cwd: directory, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The first temporary file appearing means the write phase has begun.
    const watcher = fs.watch(directory, () => {
      watcher.close();
      child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    expect(status).toBe(130);
    expect(stderr).toMatch(/interrupted; \d+ files were left untouched/);
    expect(temporaryFiles(directory)).toEqual([]);
    const contents = Object.keys(hashTree(directory)).map((file) =>
      fs.readFileSync(path.join(directory, file), 'utf8'),
    );
    expect(contents).toHaveLength(count);
    const migrated = contents.filter((text) => text !== ID_TOKEN_FLOW);
    expect(migrated.length).toBeGreaterThanOrEqual(1);
    expect(migrated.length).toBeLessThan(count);
    // Every written file is whole: exactly the migrated text.
    expect(new Set(migrated).size).toBe(1);
    expect(migrated[0]).toContain('authResult.accessToken');
  });

  it('a reader that goes away (--diff | head -1) ends the output, not the run: files are still written, no EPIPE', async () => {
    const directory = copyLegacyApp('epipe');
    const before = hashTree(directory);
    const child = spawn(process.execPath, [BIN, 'migrate', '.', '--force', '--diff'], {
      cwd: directory,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(status).toBe(0);
    expect(summary(stderr)[0]).toBeGreaterThan(0);
    const after = hashTree(directory);
    expect(Object.keys(after).filter((file) => after[file] !== before[file]).length).toBe(summary(stderr)[0]);
  });
});
