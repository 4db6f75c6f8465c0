/**
 * Bad input through the built CLI: each kind beside good files, under `scan --format json`, `migrate --dry` and
 * `migrate`. Each is reported on stderr (and counted in the JSON summary), nothing is modified, the good files are
 * still analysed and migrated, and the exit code says errors happened. Then large bundles, and BOM and CRLF files,
 * whose bytes survive a rewrite except where the edits are.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  cli,
  type CliResult,
  ensureBuilt,
  hashTree,
  ID_TOKEN_FLOW,
  NEEDS_MANUAL_ONLY,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';
import { NATIVE_MAX_CHARS } from '../../src/native-parse';

const UNPARSABLE = "const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', responseType: 'id_token' ;\n";
const BOM = '\uFEFF';
const MIB = 1024 * 1024;
/** The summary line `migrate` ends with. */
const SUMMARY = /^(\d+) modified, (\d+) unchanged, (\d+) skipped, (\d+) needs-manual, (\d+) errors/m;
/** The user that runs the CLI when the tests run as root, for whom `chmod 000` does not make a file unreadable. */
const UNPRIVILEGED = 65534;
const runsAsRoot = process.getuid?.() === 0;

interface JsonDocument {
  findings: { file: string; certainty: string }[];
  summary: { filesScanned: number; filesSkipped: number; findings: number; errors: number };
}

/** One line of generated code per ~100 bytes, no newline: a minified bundle with an ID-token flow at its start. */
function minifiedBundle(bytes: number): string {
  const chunks = [ID_TOKEN_FLOW.replace(/\n\s*/g, '')];
  let length = chunks[0]!.length;
  for (let index = 0; length < bytes; index++) {
    const chunk = `function f${index}(a,b){var c=a+b*${index};if(c>${index % 97}){return{k${index}:c,s:"s${index}"}}return[a,b,c].map(function(x){return x*2})};`;
    chunks.push(chunk);
    length += chunk.length;
  }
  return chunks.join('');
}

/** Why `chmod 000` cannot make a file unreadable to the CLI here, if it cannot (root runs the CLI as another user). */
function chmodCannotLock(): string | undefined {
  if (process.platform === 'win32') return 'Windows has no chmod 000';
  if (runsAsRoot) {
    // A checkout under a private directory (a `mktemp -d` clone, say) is out of that user's reach.
    const reach = spawnSync(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`],
      { uid: UNPRIVILEGED, gid: UNPRIVILEGED },
    );
    return reach.status === 0
      ? undefined
      : `the unprivileged user (${UNPRIVILEGED}) that would run the CLI cannot read this checkout`;
  }
  const probe = path.join(temporaryDirectory('chmod-probe'), 'probe.js');
  fs.writeFileSync(probe, '');
  fs.chmodSync(probe, 0o000);
  try {
    fs.readFileSync(probe);
    return 'this user reads chmod 000 files (a capability such as CAP_DAC_OVERRIDE) and is not root, so cannot switch users';
  } catch {
    return undefined;
  }
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

/** Error lines as the CLI prints them on stderr: `<file>: <reason>`. */
function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^\S[^:]*: (?!needs manual work)/.test(line) && !line.startsWith('auth0-tokens:'));
}

interface BadInput {
  readonly name: string;
  /** Puts the bad input into `directory` (beside `flow.js` and `colour.js`). */
  readonly create: (directory: string) => void;
  /** The paths to run on; `.` by default. */
  readonly paths?: readonly string[];
  /** Each error the run must report, as a whole stderr line. */
  readonly errors: readonly RegExp[];
  /** 1 (files with errors) unless given. */
  readonly exitCode?: number;
  /** Why this input cannot be made here, if it cannot. */
  readonly unavailable?: () => string | undefined;
  /** Run the CLI as an unprivileged user (for `chmod 000`, which root ignores). */
  readonly unprivileged?: boolean;
}

const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'an unparsable file that mentions Auth0',
    create: (directory) => writeFiles(directory, { 'broken.js': UNPARSABLE }),
    errors: [/^broken\.js: cannot parse \(line 1, column \d+: .+\); the file is left unchanged$/],
  },
  {
    name: 'a binary file with a .js name',
    create: (directory) =>
      writeFiles(directory, {
        'logo.js': Buffer.concat([Buffer.from('\x89PNG auth0 '), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x80])]),
      }),
    errors: [/^logo\.js: binary file \(contains NUL bytes\): skipped$/],
  },
  {
    name: 'a 5 MB minified bundle named on the command line (reported, not parsed for minutes)',
    create: (directory) => writeFiles(directory, { 'vendor.min.js': minifiedBundle(5 * MIB) }),
    paths: ['.', 'vendor.min.js'],
    errors: [
      /^vendor\.min\.js: too large to analyse \(5\.0 MB; the limit is 1\.0 MB\): skipped; bundles and generated code are migrated through their sources$/,
    ],
  },
  {
    name: 'a 5 MB bundle under an ordinary name',
    create: (directory) => writeFiles(directory, { 'public/app.js': minifiedBundle(5 * MIB) }),
    errors: [/^public\/app\.js: too large to analyse \(5\.0 MB; the limit is 1\.0 MB\)/],
  },
  {
    name: 'non-UTF-8 bytes (Latin-1)',
    create: (directory) =>
      writeFiles(directory, {
        'latin1.js': Buffer.concat([
          Buffer.from('// Caf'),
          Buffer.from([0xe9]),
          Buffer.from(` cr${String.fromCharCode(0xe8)}me\n`, 'latin1'),
          Buffer.from(ID_TOKEN_FLOW),
        ]),
      }),
    errors: [
      /^latin1\.js: not valid UTF-8 \(another encoding, such as Latin-1\?\): skipped; save it as UTF-8 to analyse it$/,
    ],
  },
  {
    name: 'an unreadable file (chmod 000)',
    create: (directory) => {
      writeFiles(directory, { 'locked.js': ID_TOKEN_FLOW });
      fs.chmodSync(path.join(directory, 'locked.js'), 0o000);
    },
    unprivileged: true,
    unavailable: chmodCannotLock,
    errors: [/^locked\.js: cannot read: permission denied \(EACCES\)$/],
  },
  {
    name: 'an unreadable directory (chmod 000)',
    create: (directory) => {
      writeFiles(directory, { 'private/flow.js': ID_TOKEN_FLOW });
      fs.chmodSync(path.join(directory, 'private'), 0o000);
    },
    unprivileged: true,
    unavailable: chmodCannotLock,
    errors: [/^private: cannot read directory: permission denied \(EACCES\)$/],
  },
  {
    name: 'a symbolic link loop between two files',
    create: (directory) => {
      fs.symlinkSync('loop-b.js', path.join(directory, 'loop-a.js'));
      fs.symlinkSync('loop-a.js', path.join(directory, 'loop-b.js'));
    },
    unavailable: () => (process.platform === 'win32' ? 'symbolic links need privileges on Windows' : undefined),
    errors: [/^loop-a\.js: symbolic link loop; not followed$/, /^loop-b\.js: symbolic link loop; not followed$/],
  },
  {
    name: 'a symbolic link loop named on the command line',
    create: (directory) => fs.symlinkSync('self.js', path.join(directory, 'self.js')),
    paths: ['.', 'self.js'],
    unavailable: () => (process.platform === 'win32' ? 'symbolic links need privileges on Windows' : undefined),
    // Walked and named: reported once.
    errors: [/^self\.js: symbolic link loop; not followed$/],
  },
  {
    name: 'a path that does not exist',
    create: () => {},
    paths: ['.', 'src/missing.js'],
    errors: [/^src\/missing\.js: no such file or directory \(given on the command line\)$/],
    exitCode: 2,
  },
  {
    name: 'a FIFO and a device with .js names (reading them would block or never end)',
    create: (directory) => {
      if (!mkfifo(path.join(directory, 'pipe.js'))) throw new Error('mkfifo failed');
      fs.symlinkSync('/dev/zero', path.join(directory, 'zero.js'));
    },
    unavailable: () =>
      process.platform === 'win32' || spawnSync('mkfifo', ['--version']).error
        ? 'no mkfifo or /dev/zero here'
        : undefined,
    errors: [
      /^pipe\.js: not a regular file \(a FIFO, socket or device\): skipped$/,
      /^zero\.js: not a regular file \(a FIFO, socket or device\): skipped$/,
    ],
  },
  {
    // Refused before any parser (see `nesting.ts`).
    name: 'nesting too deep to parse',
    create: (directory) =>
      writeFiles(directory, { 'deep.js': `// auth0\nvar nested = ${'['.repeat(5000)}${']'.repeat(5000)};\n` }),
    errors: [/^deep\.js: nested too deeply to analyse: skipped$/],
  },
  {
    // Arrow functions nest without brackets, which the pre-check does not count: espree runs out of stack.
    name: 'nesting without brackets too deep for the parser',
    create: (directory) => writeFiles(directory, { 'deep.js': `// auth0\nvar nested = ${'a => '.repeat(5000)}a;\n` }),
    errors: [/^deep\.js: cannot parse \(nested too deeply for the parser\); the file is left unchanged$/],
  },
  {
    name: 'TypeScript nested too deep to analyse',
    create: (directory) =>
      writeFiles(directory, { 'deep.ts': `// auth0\nconst nested = ${'['.repeat(5000)}${']'.repeat(5000)};\n` }),
    errors: [/^deep\.ts: nested too deeply to analyse: skipped$/],
  },
  {
    // A tree as deep as a text oxc's thread takes can hold, one level per character, built by a loop in the parser:
    // oxc serialises it for this thread; the analysis runs out of stack.
    name: "TypeScript tree as deep as oxc's thread takes",
    create: (directory) => writeFiles(directory, { 'deep.ts': `// auth0\nx${'!'.repeat(NATIVE_MAX_CHARS - 20)};\n` }),
    errors: [/^deep\.ts: nested too deeply to analyse: skipped$/],
  },
  {
    // The deepest nesting a text oxc's thread takes could hold, one level per character: refused before any parser.
    name: "TypeScript nested as deep as oxc's thread takes",
    create: (directory) => writeFiles(directory, { 'deep.ts': `// auth0\nx = ${'('.repeat(NATIVE_MAX_CHARS - 20)}` }),
    errors: [/^deep\.ts: nested too deeply to analyse: skipped$/],
  },
  {
    // Unary operators nest without brackets: oxc survives 32 K of them and rejects the unfinished text;
    // typescript-estree, next, runs out of stack.
    name: "TypeScript nested without brackets as deep as oxc's thread takes",
    create: (directory) => writeFiles(directory, { 'deep.ts': `// auth0\nx = ${'!'.repeat(NATIVE_MAX_CHARS - 20)}` }),
    errors: [/^deep\.ts: cannot parse \(nested too deeply for the parser\); the file is left unchanged$/],
  },
];

/** The good files beside every bad input: `flow.js` is migrated; `colour.js` has only a needs-manual finding. */
function goodFiles(directory: string): void {
  writeFiles(directory, { 'flow.js': ID_TOKEN_FLOW, 'colour.js': NEEDS_MANUAL_ONLY });
}

describe('bad input', () => {
  beforeAll(() => ensureBuilt());
  afterAll(removeTemporaryDirectories);

  it('the good files alone: scan (flow.js aside) exits 0, migrate migrates flow.js and exits 0', async () => {
    const directory = temporaryDirectory('good');
    goodFiles(directory);
    const scan = await cli(['scan', '--format', 'json', '--ignore', 'flow.js'], directory);
    const migrate = await cli(['migrate'], directory);
    expect(scan.status, scan.stderr).toBe(0);
    expect(scan.stderr).toBe('');
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(fs.readFileSync(path.join(directory, 'flow.js'), 'utf8')).toContain('authResult.accessToken');
  });

  describe.each(BAD_INPUTS)('$name', (input) => {
    const reason = input.unavailable?.();
    let directory: string;
    let user: { uid?: number; gid?: number } = {};
    let before: Record<string, string>;
    let afterDry: Record<string, string>;
    let scan: CliResult;
    let dry: CliResult;
    let migrate: CliResult;
    const paths = input.paths ?? ['.'];
    const exitCode = input.exitCode ?? 1;

    beforeAll(async () => {
      if (reason) return;
      directory = temporaryDirectory('bad-input');
      goodFiles(directory);
      input.create(directory);
      if (input.unprivileged && runsAsRoot) {
        // Root reads a chmod 000 file: the CLI runs as an unprivileged user that owns the tree instead.
        expect(spawnSync('chown', ['-R', '-h', `${UNPRIVILEGED}:${UNPRIVILEGED}`, directory]).status).toBe(0);
        user = { uid: UNPRIVILEGED, gid: UNPRIVILEGED };
      }
      before = hashTree(directory);
      // flow.js has proven findings, so scan leaves it out: its exit code then depends on the errors alone.
      [scan, dry] = await Promise.all([
        cli(['scan', ...paths, '--format', 'json', '--ignore', 'flow.js'], directory, {}, user),
        cli(['migrate', '--dry', ...paths], directory, {}, user),
      ]);
      afterDry = hashTree(directory);
      migrate = await cli(['migrate', ...paths], directory, {}, user);
    });
    // So that the directory can be removed (chmod 000 directories included).
    afterAll(() => {
      if (directory) spawnSync('chmod', ['-R', 'u+rwX', directory]);
    });

    const skipped = reason ? ` (skipped: ${reason})` : '';

    it.skipIf(reason)(
      `scan: each error on stderr and in summary.errors; the good file is analysed; exit ${exitCode}${skipped}`,
      () => {
        expect(scan.status, scan.stderr).toBe(exitCode);
        const document = JSON.parse(scan.stdout) as JsonDocument;
        expect(document.summary.errors).toBe(input.errors.length);
        expect(errorLines(scan.stderr)).toHaveLength(input.errors.length);
        for (const error of input.errors) expect(scan.stderr).toMatch(new RegExp(error.source, 'm'));
        expect(document.findings.map((finding) => finding.file)).toContain('colour.js');
        expect(document.findings.every((finding) => finding.certainty === 'needs-manual')).toBe(true);
      },
    );

    it.skipIf(reason)(`migrate --dry: the same errors, nothing written${skipped}`, () => {
      expect(dry.status, dry.stderr).toBe(exitCode);
      for (const error of input.errors) expect(dry.stderr).toMatch(new RegExp(error.source, 'm'));
      expect(dry.stderr).toMatch(
        new RegExp(
          `^1 modified, \\d+ unchanged, \\d+ skipped, \\d+ needs-manual, ${input.errors.length} errors \\(dry run: nothing written\\)$`,
          'm',
        ),
      );
      expect(afterDry).toEqual(before);
    });

    it.skipIf(reason)(
      `migrate: the same errors, the good file migrated, nothing else modified, exit ${exitCode}${skipped}`,
      () => {
        expect(migrate.status, migrate.stderr).toBe(exitCode);
        expect(errorLines(migrate.stderr)).toHaveLength(input.errors.length);
        for (const error of input.errors) expect(migrate.stderr).toMatch(new RegExp(error.source, 'm'));
        expect(SUMMARY.exec(migrate.stderr)?.slice(1).map(Number)).toEqual([
          1,
          expect.any(Number),
          expect.any(Number),
          expect.any(Number),
          input.errors.length,
        ]);
        expect(fs.readFileSync(path.join(directory, 'flow.js'), 'utf8')).toContain('authResult.accessToken');
        const after = hashTree(directory);
        const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
        expect(changed).toEqual(['flow.js']);
        expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      },
    );
  });

  describe('minified bundles', () => {
    it('the default ignores skip *.min.js, *.bundle.js and *.chunk.js in a walked directory; --no-default-ignores reports them', async () => {
      const directory = temporaryDirectory('bundles');
      const bundle = minifiedBundle(5 * MIB);
      writeFiles(directory, {
        'colour.js': NEEDS_MANUAL_ONLY,
        'static/vendor.min.js': bundle,
        'static/main.bundle.js': bundle,
        'static/3.chunk.js': bundle,
      });
      const before = hashTree(directory);
      const [ignored, included] = await Promise.all([
        cli(['scan', '--format', 'json'], directory),
        cli(['scan', '--format', 'json', '--no-default-ignores'], directory),
      ]);
      expect(ignored.status, ignored.stderr).toBe(0);
      expect((JSON.parse(ignored.stdout) as JsonDocument).summary).toMatchObject({ filesScanned: 1, errors: 0 });
      expect(included.status).toBe(1);
      expect((JSON.parse(included.stdout) as JsonDocument).summary).toMatchObject({ filesScanned: 4, errors: 3 });
      expect(errorLines(included.stderr).every((line) => /^static\/\S+: too large to analyse/.test(line))).toBe(true);
      expect(hashTree(directory)).toEqual(before);
    });

    it('the default ignores skip bundles named by their content hash, wherever deployed; other names stay', async () => {
      const directory = temporaryDirectory('hashed-bundles');
      writeFiles(directory, {
        'docs/main.32fa654471932910.js': NEEDS_MANUAL_ONLY,
        'public/app.3f2a9c1e.mjs': NEEDS_MANUAL_ONLY,
        'src/cafe1234.js': NEEDS_MANUAL_ONLY,
        'src/user.service.js': NEEDS_MANUAL_ONLY,
      });
      const [ignored, included] = await Promise.all([
        cli(['scan', '--format', 'json'], directory),
        cli(['scan', '--format', 'json', '--no-default-ignores'], directory),
      ]);
      expect((JSON.parse(ignored.stdout) as JsonDocument).summary).toMatchObject({ filesScanned: 2 });
      expect((JSON.parse(included.stdout) as JsonDocument).summary).toMatchObject({ filesScanned: 4 });
    });

    it('--max-file-size raises the limit (a 1.2 MB bundle is then analysed) and rejects a negative value', async () => {
      const directory = temporaryDirectory('max-file-size');
      writeFiles(directory, { 'app.js': minifiedBundle(1.2 * MIB) });
      const [limited, raised, invalid] = await Promise.all([
        cli(['scan', '--format', 'json'], directory),
        cli(['scan', '--format', 'json', '--max-file-size', '1.5'], directory),
        cli(['scan', '--max-file-size', '-1'], directory),
      ]);
      expect((JSON.parse(limited.stdout) as JsonDocument).summary).toMatchObject({ errors: 1, findings: 0 });
      expect(limited.stderr).toMatch(/^app\.js: too large to analyse \(1\.2 MB; the limit is 1\.0 MB\)/m);
      const document = JSON.parse(raised.stdout) as JsonDocument;
      expect(document.summary.errors).toBe(0);
      expect(document.findings.length).toBeGreaterThan(0);
      expect(invalid.status).toBe(2);
      expect(invalid.stderr).toContain('--max-file-size must be a number of megabytes, 0 or more');
    });
  });

  describe('the run-wide size limit', () => {
    /** Files of `bytes` each: an ID-token flow, then a comment, which costs next to nothing to parse. */
    function paddedFlows(count: number, bytes: number): Record<string, string> {
      const padding = `/*${'x'.repeat(bytes - ID_TOKEN_FLOW.length - 5)}*/\n`;
      return Object.fromEntries(
        Array.from({ length: count }, (_, index) => [
          `flow-${String(index).padStart(2, '0')}.js`,
          ID_TOKEN_FLOW + padding,
        ]),
      );
    }
    const notAnalysed = (stderr: string): string[] =>
      errorLines(stderr)
        .filter((line) => line.includes(': not analysed: the run already holds'))
        .map((line) => line.split(':')[0]!);

    it('--max-total-size: each file beyond it is reported by name and not migrated, the files within it are analysed; a negative value is refused', async () => {
      const directory = temporaryDirectory('max-total-size');
      writeFiles(directory, paddedFlows(6, 1000));
      const before = hashTree(directory);
      // One after the other: a scan running beside the migration would meet its backups and the files it rewrites.
      const [scan, invalid] = await Promise.all([
        cli(['scan', '--format', 'json', '--max-total-size', String(3500 / MIB)], directory),
        cli(['scan', '--max-total-size', '-1'], directory),
      ]);
      const migrate = await cli(['migrate', '--force', '--max-total-size', String(3500 / MIB)], directory);
      const document = JSON.parse(scan.stdout) as JsonDocument;
      expect(scan.status).toBe(1);
      expect(new Set(document.findings.map((finding) => finding.file))).toEqual(
        new Set(['flow-00.js', 'flow-01.js', 'flow-02.js']),
      );
      expect(document.summary).toMatchObject({ filesScanned: 6, filesSkipped: 0, errors: 3 });
      expect(notAnalysed(scan.stderr)).toEqual(['flow-03.js', 'flow-04.js', 'flow-05.js']);
      expect(migrate.status).toBe(1);
      expect(notAnalysed(migrate.stderr)).toEqual(['flow-03.js', 'flow-04.js', 'flow-05.js']);
      const after = hashTree(directory);
      expect(Object.keys(after).filter((file) => after[file] !== before[file])).toEqual([
        'flow-00.js',
        'flow-01.js',
        'flow-02.js',
      ]);
      expect(invalid.status).toBe(2);
      expect(invalid.stderr).toContain('--max-total-size must be a number of megabytes, 0 or more');
    });

    it('holds 12 MB by default: the files beyond the first 12 MB of Auth0-related code are reported, and 0 lifts the limit', async () => {
      const directory = temporaryDirectory('default-total-size');
      // Under the default --max-file-size of 1 MB each; twelve of them hold 11.4 MB, a thirteenth would make 12.4.
      writeFiles(directory, paddedFlows(14, Math.floor(0.95 * MIB)));
      const [limited, unlimited] = await Promise.all([
        cli(['scan', '--format', 'json'], directory),
        cli(['scan', '--format', 'json', '--max-total-size', '0'], directory),
      ]);
      expect(notAnalysed(limited.stderr)).toEqual(['flow-12.js', 'flow-13.js']);
      expect(limited.stderr).toContain(
        'flow-12.js: not analysed: the run already holds 11.4 MB of Auth0-related code (the limit is 12.0 MB)',
      );
      expect(new Set((JSON.parse(limited.stdout) as JsonDocument).findings.map((finding) => finding.file)).size).toBe(
        12,
      );
      expect(unlimited.stderr).toBe('');
      expect(new Set((JSON.parse(unlimited.stdout) as JsonDocument).findings.map((finding) => finding.file)).size).toBe(
        14,
      );
    });
  });

  describe('paths', () => {
    const FILES = Object.fromEntries(['a.js', 'b.js', '-c.js'].map((file) => [file, ID_TOKEN_FLOW]));

    it('paths after -- are the only paths, even one named like an option; nothing else is written', async () => {
      const directory = temporaryDirectory('double-dash');
      writeFiles(directory, FILES);
      const before = hashTree(directory);
      const result = await cli(['migrate', '--force', '--', 'a.js', '-c.js'], directory);
      expect(result.status, result.stderr).toBe(0);
      const after = hashTree(directory);
      expect(
        Object.keys(after)
          .filter((file) => after[file] !== before[file])
          .sort(),
      ).toEqual(['-c.js', 'a.js']);
    });

    it('--output and --report refuse a source file (analysed, or existing with a source extension): exit 2, nothing written', async () => {
      const directory = temporaryDirectory('report-path');
      writeFiles(directory, FILES);
      const before = hashTree(directory);
      const results = await Promise.all([
        cli(['scan', '--output', 'a.js'], directory),
        cli(['scopes', '-o', 'src/new.ts'], directory),
        cli(['migrate', '--force', '--report', 'b.js'], directory),
        cli(['scan', 'a.js', '--output', 'b.js'], directory),
      ]);
      for (const result of results) {
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toContain('is a source file this run analyses or would overwrite');
      }
      expect(hashTree(directory)).toEqual(before);
      const markdown = await cli(['scan', '--output', 'report.md'], directory);
      expect(markdown.status).toBe(1);
      expect(fs.readFileSync(path.join(directory, 'report.md'), 'utf8')).toContain('a.js');
    });

    it('an empty path is a usage error: exit 2, nothing written', async () => {
      const directory = temporaryDirectory('empty-path');
      writeFiles(directory, FILES);
      const before = hashTree(directory);
      const [empty, blank] = await Promise.all([
        cli(['migrate', '--force', ''], directory),
        cli(['scan', 'a.js', ' '], directory),
      ]);
      for (const result of [empty, blank]) {
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('a path is empty');
      }
      expect(hashTree(directory)).toEqual(before);
    });
  });

  describe('BOM and CRLF survive a rewrite byte for byte outside the edits', () => {
    // A login, a stored token read elsewhere (an inserted line), and a site left for manual work (a TODO line).
    const FLOW = `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  management.getUser(authResult.idTokenPayload.sub, function () {});
});
function saveTheme(theme) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: localStorage.getItem('id_token') });
  management.patchUserMetadata('me', { theme: theme }, function () {});
}
${NEEDS_MANUAL_ONLY}`;
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const VARIANTS: Record<string, string> = {
      'crlf.js': crlf(FLOW),
      'bom.js': BOM + FLOW,
      'bom-crlf.js': BOM + crlf(FLOW),
    };
    let expected: string;
    let directory: string;
    let result: CliResult;

    beforeAll(async () => {
      // The same code with LF and no BOM, migrated on its own, is what every variant must become (its way).
      const reference = temporaryDirectory('lf');
      writeFiles(reference, { 'lf.js': FLOW });
      expect((await cli(['migrate', '--annotate'], reference)).status).toBe(0);
      expected = fs.readFileSync(path.join(reference, 'lf.js'), 'utf8');
      directory = temporaryDirectory('bom-crlf');
      writeFiles(directory, VARIANTS);
      result = await cli(['migrate', '--annotate'], directory);
    });

    it('migrate exits 0; the reference migration both inserts lines and edits inside lines', () => {
      expect(result.status, result.stderr).toBe(0);
      expect(expected).toContain("localStorage.setItem('access_token', authResult.accessToken);\n");
      expect(expected).toContain("localStorage.getItem('access_token')");
      expect(expected).toMatch(/^ {4}\/\/ TODO\(auth0-tokens\): .+\n/m);
      expect(expected.split('\n').length).toBeGreaterThan(FLOW.split('\n').length);
    });

    it.each(Object.keys(VARIANTS))('%s: the reference text with the BOM and line endings the file had', (file) => {
      const bytes = fs.readFileSync(path.join(directory, file));
      const original = VARIANTS[file]!;
      const hasBom = original.startsWith(BOM);
      const usesCrlf = original.includes('\r\n');
      const want = (hasBom ? BOM : '') + (usesCrlf ? crlf(expected) : expected);
      expect(bytes.equals(Buffer.from(want, 'utf8'))).toBe(true);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(hasBom);
      if (usesCrlf) expect(bytes.toString('utf8')).not.toMatch(/[^\r]\n/);
    });
  });
});
