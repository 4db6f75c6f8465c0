/** Helpers for the end-to-end CLI tests: the built `bin/auth0-tokens.js` spawned on temporary copies of fixtures. */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.join(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/auth0-tokens.js');
const ENTRY = path.join(ROOT, 'dist/src/cli/index.js');
export const LEGACY_APP = path.join(ROOT, 'fixtures/legacy-app');

/** The only finding is a likely ID token (known by its name only): a needs-manual warning, no proven error. */
export const NEEDS_MANUAL_ONLY = `function saveColour(userId, colour) {
  return fetch('https://acme.auth0.com/api/v2/users/' + userId, {
    method: 'PATCH',
    headers: { Authorization: 'Bearer ' + getUserIdToken() },
    body: JSON.stringify({ user_metadata: { colour: colour } }),
  });
}
`;

/** A login whose ID token calls the Management API: proven findings. */
export const ID_TOKEN_FLOW = `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  management.getUser(authResult.idTokenPayload.sub, function () {});
});
`;

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Builds `dist/` when the CLI is missing (`npm test` builds first). Test files run in parallel, so one build at a time:
 * a lock directory, and the others wait for it.
 */
export function ensureBuilt(): void {
  if (fs.existsSync(ENTRY)) return;
  const lock = path.join(
    os.tmpdir(),
    `auth0-tokens-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`,
  );
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      Atomics.wait(wait, 0, 0, 200);
      if (!fs.existsSync(lock) && fs.existsSync(ENTRY)) return;
    }
  }
  try {
    if (!fs.existsSync(ENTRY)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the CLI (as another user when `user` is given); never rejects (the exit code is part of what the tests check). */
export function cli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  user: { uid?: number; gid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024, ...user },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({
          status: typeof failure?.code === 'number' ? failure.code : failure ? null : 0,
          signal: failure?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

const temporaryDirectories: string[] = [];

/** A fresh temporary directory, removed by `removeTemporaryDirectories` (tests never touch the fixtures themselves). */
export function temporaryDirectory(name: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `auth0-tokens-cli-${name}-`));
  temporaryDirectories.push(directory);
  return directory;
}

/** Call in `afterAll`. */
export function removeTemporaryDirectories(): void {
  for (const directory of temporaryDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}

/** A temporary copy of `fixtures/legacy-app`. */
export function copyLegacyApp(name: string): string {
  const directory = temporaryDirectory(name);
  fs.cpSync(LEGACY_APP, directory, { recursive: true });
  return directory;
}

/** Writes `files` (relative path to content) under `directory`. */
export function writeFiles(directory: string, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), content);
  }
}

/**
 * Relative path (POSIX) to what is there, for every entry under `directory` (`.git` aside): a file's SHA-256 and mode
 * (its size and time when it cannot be read), a symbolic link's target (not followed: it may loop or dangle), the mode
 * of an unreadable directory, and the mode of anything else (a FIFO is never read: that would block).
 */
export function hashTree(directory: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const describe = (file: string, stat: fs.Stats): string => {
    if (stat.isSymbolicLink()) return `-> ${fs.readlinkSync(file)}`;
    if (!stat.isFile()) return `special ${stat.mode.toString(8)}`;
    try {
      return `${createHash('sha256').update(fs.readFileSync(file)).digest('hex')} ${stat.mode.toString(8)}`;
    } catch {
      return `unreadable ${stat.size} ${stat.mtimeMs} ${stat.mode.toString(8)}`;
    }
  };
  const walk = (current: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      hashes[`${path.relative(directory, current).split(path.sep).join('/')}/`] =
        `unreadable ${fs.statSync(current).mode.toString(8)}`;
      return;
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      const stat = fs.lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else hashes[path.relative(directory, full).split(path.sep).join('/')] = describe(full, stat);
    }
  };
  walk(directory);
  return hashes;
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A git repository holding a copy of the legacy app, everything committed. */
export function legacyAppRepository(name: string): string {
  const directory = copyLegacyApp(name);
  git(directory, 'init', '-q');
  git(directory, 'add', '.');
  git(directory, 'commit', '-q', '-m', 'legacy app');
  return directory;
}
