/**
 * Nothing a user has is lost by `migrate`, through the built CLI: a rewritten file keeps its identity (owner, group,
 * mode, extended attributes, hard links), a file the user may not write is refused, nothing outside the real paths of
 * the arguments is written, the git check asks the repository that really holds each file, a concurrent edit is
 * never overwritten, a flow is written whole or not at all, a report survives a full disk, and the backups a killed
 * run leaves are resolved by the next one. Tests that need another user run the CLI as an unprivileged one when root.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  cli,
  ensureBuilt,
  git,
  hashTree,
  ID_TOKEN_FLOW,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

const UNPRIVILEGED = 65534;
const runsAsRoot = process.getuid?.() === 0;

/** A flow across two modules (the login stores the ID token, another module sends it), and a flow of its own. */
const TWO_MODULE_FLOW = {
  'src/auth.js': `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`,
  'src/profile.js': `function loadProfile(userId) {
  return fetch('https://acme.auth0.com/api/v2/users/' + userId, { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });
}
`,
  'src/other.js': ID_TOKEN_FLOW,
};

function read(directory: string, file: string): string {
  return fs.readFileSync(path.join(directory, file), 'utf8');
}

function leftovers(directory: string): string[] {
  return Object.keys(hashTree(directory)).filter((file) => /\.auth0-tokens\.tmp(\.part)?$/.test(file));
}

/** Why the CLI cannot run as the unprivileged user here, if it cannot. */
function cannotRunUnprivileged(): string | undefined {
  if (!runsAsRoot) return 'not root: the tests run the CLI as this user, who cannot own files for another';
  const reach = spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`],
    { uid: UNPRIVILEGED, gid: UNPRIVILEGED },
  );
  return reach.status === 0 ? undefined : `the unprivileged user (${UNPRIVILEGED}) cannot read this checkout`;
}

/** Extended attributes through Python (Node has no API for them); undefined when not available here. */
function xattr(file: string, value?: string): string | undefined {
  const script =
    value === undefined
      ? 'import os,sys; print(os.getxattr(sys.argv[1], "user.origin").decode())'
      : 'import os,sys; os.setxattr(sys.argv[1], "user.origin", sys.argv[2].encode())';
  const result = spawnSync('python3', ['-c', script, file, ...(value === undefined ? [] : [value])], {
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

describe('nothing lost', () => {
  beforeAll(() => ensureBuilt());
  afterAll(removeTemporaryDirectories);

  it('a rewrite keeps the file itself: inode, mode, hard links, extended attributes, and (as root) owner and a group unlike its setgid directory', async () => {
    const directory = temporaryDirectory('identity');
    writeFiles(directory, { 'src/app.js': ID_TOKEN_FLOW });
    const file = path.join(directory, 'src/app.js');
    fs.chmodSync(file, 0o640);
    fs.linkSync(file, path.join(directory, 'app-link.txt'));
    const hasXattr = xattr(file, 'kept') !== undefined;
    if (runsAsRoot) {
      fs.chownSync(path.join(directory, 'src'), 0, 0);
      fs.chmodSync(path.join(directory, 'src'), 0o2775);
      fs.chownSync(file, UNPRIVILEGED, UNPRIVILEGED);
    }
    const before = fs.statSync(file);

    const result = await cli(['migrate', '--force', 'src'], directory);
    expect(result.status, result.stderr).toBe(0);
    const after = fs.statSync(file);
    expect(read(directory, 'src/app.js')).toContain('authResult.accessToken');
    expect({ ino: after.ino, mode: after.mode, nlink: after.nlink, uid: after.uid, gid: after.gid }).toEqual({
      ino: before.ino,
      mode: before.mode,
      nlink: 2,
      uid: before.uid,
      gid: before.gid,
    });
    expect(read(directory, 'app-link.txt')).toBe(read(directory, 'src/app.js'));
    if (hasXattr) expect(xattr(file)).toBe('kept');
    expect(leftovers(directory)).toEqual([]);
  });

  it('two names of one file (hard links) in the run are written once, together', async () => {
    const directory = temporaryDirectory('hard-links');
    writeFiles(directory, { 'src/app.js': ID_TOKEN_FLOW });
    fs.linkSync(path.join(directory, 'src/app.js'), path.join(directory, 'src/copy.js'));
    const result = await cli(['migrate', '--force'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.statSync(path.join(directory, 'src/copy.js')).nlink).toBe(2);
    expect(read(directory, 'src/copy.js')).toContain('authResult.accessToken');
    expect(read(directory, 'src/copy.js')).toBe(read(directory, 'src/app.js'));
  });

  it('a read-only file is reported, not replaced (even for root)', async () => {
    const directory = temporaryDirectory('read-only');
    writeFiles(directory, { 'src/locked.js': ID_TOKEN_FLOW, 'src/open.js': ID_TOKEN_FLOW.replace("'abc'", "'def'") });
    fs.chmodSync(path.join(directory, 'src/locked.js'), 0o444);
    const result = await cli(['migrate', '--force'], directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^src\/locked\.js: not written: it is read-only \(mode 0444\)/m);
    expect(read(directory, 'src/locked.js')).toBe(ID_TOKEN_FLOW);
    expect(fs.statSync(path.join(directory, 'src/locked.js')).mode & 0o777).toBe(0o444);
    expect(read(directory, 'src/open.js')).toContain('authResult.accessToken');
    expect(leftovers(directory)).toEqual([]);
  });

  it.skipIf(cannotRunUnprivileged() !== undefined)(
    'another user: a file owned by root in a directory the user may write is reported, not replaced',
    async () => {
      const directory = temporaryDirectory('other-owner');
      writeFiles(directory, {
        'src/root-owned.js': ID_TOKEN_FLOW,
        'src/own.js': ID_TOKEN_FLOW.replace("'abc'", "'def'"),
      });
      for (const entry of [directory, path.join(directory, 'src'), path.join(directory, 'src/own.js')])
        fs.chownSync(entry, UNPRIVILEGED, UNPRIVILEGED);
      fs.chmodSync(path.join(directory, 'src/root-owned.js'), 0o644);
      const result = await cli(['migrate', '--force'], directory, {}, { uid: UNPRIVILEGED, gid: UNPRIVILEGED });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^src\/root-owned\.js: not written: this user may not write it \(EACCES\)/m);
      const stat = fs.statSync(path.join(directory, 'src/root-owned.js'));
      expect([stat.uid, read(directory, 'src/root-owned.js')]).toEqual([0, ID_TOKEN_FLOW]);
      expect(read(directory, 'src/own.js')).toContain('authResult.accessToken');
    },
  );

  it('nothing outside the real paths of the arguments is written unless --write-through-symlinks', async () => {
    const outside = temporaryDirectory('outside');
    writeFiles(outside, {
      'linked-file.js': ID_TOKEN_FLOW,
      'linked-dir/inner.js': ID_TOKEN_FLOW.replace("'abc'", "'def'"),
    });
    const directory = temporaryDirectory('inside');
    writeFiles(directory, { 'src/own.js': ID_TOKEN_FLOW.replace("'abc'", "'ghi'") });
    fs.symlinkSync(path.join(outside, 'linked-file.js'), path.join(directory, 'src/linked-file.js'));
    fs.symlinkSync(path.join(outside, 'linked-dir'), path.join(directory, 'src/linked-dir'));
    const before = hashTree(outside);

    const refused = await cli(['migrate', '--force'], directory);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^src\/linked-file\.js: not written: its real path .* lies outside the paths given .*--write-through-symlinks/m,
    );
    expect(refused.stderr).toMatch(/^src\/linked-dir\/inner\.js: not written: its real path/m);
    expect(hashTree(outside)).toEqual(before);
    expect(read(directory, 'src/own.js')).toContain('authResult.accessToken');

    const allowed = await cli(['migrate', '--force', '--write-through-symlinks'], directory);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(read(outside, 'linked-file.js')).toContain('authResult.accessToken');
    expect(fs.lstatSync(path.join(directory, 'src/linked-file.js')).isSymbolicLink()).toBe(true);
  });

  it('the git check asks the repository that really holds each file: a dirty nested repository, and one reached through a link', async () => {
    const outer = temporaryDirectory('outer-repository');
    writeFiles(outer, {
      'src/app.js': ID_TOKEN_FLOW,
      'nested/src/inner.js': ID_TOKEN_FLOW.replace("'abc'", "'def'"),
      'nested/notes.md': 'notes\n',
    });
    const nested = path.join(outer, 'nested');
    git(nested, 'init', '-q');
    git(nested, 'add', '.');
    git(nested, 'commit', '-q', '-m', 'nested');
    git(outer, 'init', '-q');
    git(outer, 'add', 'src');
    git(outer, 'commit', '-q', '-m', 'outer');
    fs.appendFileSync(path.join(nested, 'notes.md'), 'uncommitted\n');
    const before = hashTree(outer);

    const refused = await cli(['migrate'], outer);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to migrate');
    expect(refused.stderr).toContain(path.join('nested', 'notes.md'));
    expect(hashTree(outer)).toEqual(before);

    // The other repository holds the file only through a link: it is still the one asked.
    const elsewhere = temporaryDirectory('linked-repository');
    writeFiles(elsewhere, { 'shared.js': ID_TOKEN_FLOW.replace("'abc'", "'xyz'") });
    git(elsewhere, 'init', '-q');
    git(elsewhere, 'add', '.');
    git(elsewhere, 'commit', '-q', '-m', 'shared');
    fs.appendFileSync(path.join(elsewhere, 'shared.js'), '// uncommitted\n');
    const linking = temporaryDirectory('linking');
    writeFiles(linking, {});
    fs.symlinkSync(path.join(elsewhere, 'shared.js'), path.join(linking, 'shared.js'));
    const throughLink = await cli(['migrate', '--write-through-symlinks'], linking);
    expect(throughLink.status).toBe(2);
    expect(throughLink.stderr).toContain('refusing to migrate');
    expect(read(elsewhere, 'shared.js')).not.toContain('accessToken');
  });

  it('an edit saved (as editors save: a new file renamed over the old) while migrate writes is never overwritten', async () => {
    const COUNT = 60;
    const directory = temporaryDirectory('concurrent');
    const files: Record<string, string> = {};
    for (let index = 0; index < COUNT; index++)
      files[`src/flow-${index}.js`] = ID_TOKEN_FLOW.replace("'abc'", `'client-${index}'`);
    writeFiles(directory, files);
    const EDIT = '// saved by an editor\n';
    const edited = new Set<string>();
    // An editor saving each file as soon as migrate starts on it (its backup appears), the moment the old check came too early for.
    const watcher = fs.watch(path.join(directory, 'src'), (_event, name) => {
      const match = /^\.(flow-\d+\.js)\.[0-9a-f]{12}\.auth0-tokens\.tmp$/.exec(String(name));
      if (!match || edited.has(match[1]!)) return;
      edited.add(match[1]!);
      const saved = path.join(directory, 'src', `.${match[1]}.swp`);
      fs.writeFileSync(saved, files[`src/${match[1]}`] + EDIT);
      fs.renameSync(saved, path.join(directory, 'src', match[1]!));
    });
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'migrate', '--force'], {
        cwd: directory,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    watcher.close();
    expect(edited.size).toBeGreaterThan(0);
    for (const name of edited) expect(read(directory, `src/${name}`), name).toMatch(/\/\/ saved by an editor\n$/);
    const refused =
      result.stderr.match(/^src\/flow-\d+\.js: not written: (changed|replaced) on disk .*while migrating/gm) ?? [];
    expect(result.code).toBe(refused.length > 0 ? 1 : 0);
    expect(leftovers(directory)).toEqual([]);
  });

  it('a flow is written whole or not at all: a file that cannot be written holds back the other modules of its flow', async () => {
    const directory = temporaryDirectory('half-flow');
    writeFiles(directory, TWO_MODULE_FLOW);
    fs.chmodSync(path.join(directory, 'src/profile.js'), 0o444);
    const result = await cli(['migrate', '--force'], directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^src\/profile\.js: not written: it is read-only/m);
    expect(result.stderr).toMatch(
      /^src\/auth\.js: not written: its flow continues in src\/profile\.js, which cannot be written/m,
    );
    expect(read(directory, 'src/auth.js')).toBe(TWO_MODULE_FLOW['src/auth.js']);
    expect(read(directory, 'src/other.js')).toContain('authResult.accessToken');

    fs.chmodSync(path.join(directory, 'src/profile.js'), 0o644);
    const again = await cli(['migrate', '--force'], directory);
    expect(again.status, again.stderr).toBe(0);
    expect(read(directory, 'src/auth.js')).toContain("localStorage.setItem('access_token', authResult.accessToken)");
    expect(read(directory, 'src/profile.js')).toContain("localStorage.getItem('access_token')");
  });

  describe('backups left by a killed run', () => {
    const backupName = (file: string, hash: string) =>
      path.join(path.dirname(file), `.${path.basename(file)}.${hash}.auth0-tokens.tmp`);

    it('one that says nothing the file does not is named by scan, removed by migrate; one that may hold the only old text is kept and holds its file back', async () => {
      const directory = temporaryDirectory('leftovers');
      writeFiles(directory, { 'src/whole.js': ID_TOKEN_FLOW, 'src/cut.js': ID_TOKEN_FLOW.replace("'abc'", "'def'") });
      const whole = path.join(directory, 'src/whole.js');
      const cut = path.join(directory, 'src/cut.js');
      fs.writeFileSync(backupName(whole, 'aaaaaaaaaaaa'), ID_TOKEN_FLOW);
      // The file is neither its backup's text nor the text the backup's name hashes: a write cut short.
      fs.writeFileSync(backupName(cut, 'bbbbbbbbbbbb'), 'var previous = 1;\n');

      const scan = await cli(['scan'], directory);
      expect(scan.stderr).toMatch(
        /^src\/\.whole\.js\.a{12}\.auth0-tokens\.tmp: a backup left by an interrupted migrate; src\/whole\.js is whole, so the next migrate removes it$/m,
      );
      expect(scan.stdout + scan.stderr).toMatch(
        /src\/cut\.js.*backup src\/\.cut\.js\.b{12}\.auth0-tokens\.tmp left by an interrupted migrate is kept/,
      );
      expect(leftovers(directory)).toHaveLength(2);

      const migrate = await cli(['migrate', '--force'], directory);
      expect(migrate.status).toBe(1);
      expect(migrate.stderr).toMatch(
        /^src\/\.whole\.js\.a{12}\.auth0-tokens\.tmp: removed a backup left by an interrupted migrate/m,
      );
      expect(migrate.stderr).toMatch(
        /^src\/cut\.js: not written: a backup left by an interrupted migrate is beside it/m,
      );
      expect(leftovers(directory)).toEqual(['src/.cut.js.bbbbbbbbbbbb.auth0-tokens.tmp']);
      expect(read(directory, 'src/whole.js')).toContain('authResult.accessToken');
      expect(read(directory, 'src/cut.js')).toBe(ID_TOKEN_FLOW.replace("'abc'", "'def'"));
    });

    it('SIGKILL during the writes: the next run finds what was left, removes it, and finishes the migration', async () => {
      const COUNT = 120;
      const directory = temporaryDirectory('sigkill');
      const files: Record<string, string> = {};
      for (let index = 0; index < COUNT; index++)
        files[`src/flow-${index}.js`] = ID_TOKEN_FLOW.replace("'abc'", `'client-${index}'`);
      writeFiles(directory, files);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'migrate', '--force', '-q'], { cwd: directory });
        let events = 0;
        const watcher = fs.watch(path.join(directory, 'src'), () => ++events === 40 && child.kill('SIGKILL'));
        child.on('exit', () => {
          watcher.close();
          resolve();
        });
      });
      const next = await cli(['migrate', '--force'], directory);
      expect(next.status, next.stderr).toBe(0);
      expect(leftovers(directory)).toEqual([]);
      for (const file of Object.keys(files)) expect(read(directory, file), file).toContain('authResult.accessToken');
    });
  });

  it('--output and --report are written whole or not at all; an error names the file', async () => {
    const directory = temporaryDirectory('outputs');
    writeFiles(directory, { 'src/app.js': ID_TOKEN_FLOW, 'not-a-directory': 'x' });
    const result = await cli(['scan', '--output', 'not-a-directory/report.txt'], directory);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^auth0-tokens: cannot write not-a-directory\/report\.txt: .*\((ENOTDIR|EEXIST)\)$/m);
    expect(Object.keys(hashTree(directory)).sort()).toEqual(['not-a-directory', 'src/app.js']);
  });

  it.skipIf(!runsAsRoot)(
    'a full disk leaves an existing report as it was and names it (root: a small tmpfs)',
    async () => {
      const mount = temporaryDirectory('full-disk');
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status !== 0) return;
      try {
        const directory = temporaryDirectory('full-disk-app');
        writeFiles(directory, { 'src/app.js': ID_TOKEN_FLOW });
        const report = path.join(mount, 'report.md');
        fs.writeFileSync(report, '# the previous report\n');
        // Fill what is left of the disk.
        const filler = fs.openSync(path.join(mount, 'filler'), 'w');
        try {
          for (;;) fs.writeSync(filler, Buffer.alloc(4096, 1));
        } catch {
          fs.closeSync(filler);
        }
        const result = await cli(['migrate', '--dry', '--report', report], directory);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`cannot write ${report}: no space left on device (ENOSPC)`);
        expect(fs.readFileSync(report, 'utf8')).toBe('# the previous report\n');
        expect(fs.readdirSync(mount).sort()).toEqual(['filler', 'report.md']);
      } finally {
        spawnSync('umount', [mount]);
      }
    },
  );
});
