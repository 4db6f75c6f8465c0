/**
 * Cross-file analysis over `fixtures/legacy-app`: a login in `auth.js` whose tokens reach Management calls in other
 * modules through storage (`profile.js`), an exported getter (`settings.js`), the exported client itself
 * (`devices.js`), a module-level Management client (`management.js`, used by `accounts.js`) and a helper that takes
 * the token as a parameter (`api.js`, called from `auth.js`); and an Angular service (`auth.service.ts`) whose token
 * another service reads through constructor injection (`enrollments.service.ts`); and a React provider
 * (`AuthProvider.jsx`) whose context value a page uses (`Preferences.jsx`) or hands on as a prop (`App.jsx` ->
 * `ProfileCard.jsx`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NATIVE_MAX_CHARS } from '../src/native-parse';
import { analyzeProject } from '../src/project';
import { provenInert, SCREENED_MAX_CHARS, SCREENED_MIN_CHARS, screened } from '../src/project/screen';
import { ensureBuilt, removeTemporaryDirectories, ROOT as REPOSITORY, temporaryDirectory } from './cli/cli-helpers';

const ROOT = path.join(__dirname, '../fixtures/legacy-app');
/** The whole app: the cross-file flows in `notes/` must hold up beside the rest of it. */
const FILES = fs
  .readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(jsx?|tsx?)$/.test(file))
  .map((file) => path.join(ROOT, file));
const inNotes = (file: string): boolean => file.startsWith('notes/');
const OPTIONS = { cwd: ROOT, environment: 'auto', metadataScope: 'update' } as const;
const LOGIN = { file: 'notes/auth.js', line: 6, message: 'the login that issues this token' };

afterAll(removeTemporaryDirectories);

/** Writes files (path -> lines) under a fresh temporary directory and returns it. */
function project(name: string, files: Record<string, readonly string[]>): string {
  const dir = temporaryDirectory(name);
  for (const [file, lines] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), lines.join('\n'));
  }
  return dir;
}

describe('cross-file analysis', () => {
  const analysis = analyzeProject(FILES, OPTIONS);

  it('derives the login scopes from the calls every module makes with its tokens, naming each call site', () => {
    const byFile = (file: string) => analysis.report.tokenRequests.filter((report) => report.file === file);
    expect(analysis.report.tokenRequests.map((report) => report.file).filter(inNotes)).toEqual([
      'notes/AuthProvider.jsx',
      'notes/auth.js',
      'notes/auth.service.ts',
    ]);
    const [request] = byFile('notes/auth.js');
    const [service] = byFile('notes/auth.service.ts');
    expect(byFile('notes/AuthProvider.jsx')[0]).toMatchObject({
      line: 7,
      requiredScopes: [
        // Through the context, then a prop of another module's component.
        {
          scope: 'read:current_user',
          because: [
            { file: 'notes/ProfileCard.jsx', line: 7, via: 'fetch', method: 'GET', path: '/api/v2/users/{id}' },
          ],
        },
        {
          scope: 'update:current_user_metadata',
          because: [
            { file: 'notes/Preferences.jsx', line: 8, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' },
          ],
        },
      ],
    });
    expect(service).toMatchObject({
      file: 'notes/auth.service.ts',
      line: 8,
      requiredScopes: [
        {
          scope: 'read:current_user',
          because: [
            {
              file: 'notes/enrollments.service.ts',
              line: 12,
              via: 'HttpClient.get',
              method: 'GET',
              path: '/api/v2/users/{id}/enrollments',
            },
          ],
        },
      ],
      missingScopes: ['read:current_user'],
    });
    expect(request).toMatchObject({
      file: 'notes/auth.js',
      line: 6,
      sdk: 'auth0.js',
      audience: null,
      responseType: 'id_token',
      declaredScopes: ['openid', 'profile'],
      excessScopes: [],
    });
    expect(request!.requiredScopes).toEqual([
      {
        scope: 'read:current_user',
        because: [{ file: 'notes/profile.js', line: 6, via: 'fetch', method: 'GET', path: '/api/v2/users/{id}' }],
      },
      {
        scope: 'update:current_user_identities',
        because: [
          {
            file: 'notes/accounts.js',
            line: 6,
            via: 'auth0.js Management#linkUser',
            method: 'POST',
            path: '/api/v2/users/{id}/identities',
          },
        ],
      },
      {
        scope: 'update:current_user_metadata',
        because: [
          { file: 'notes/api.js', line: 5, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' },
          { file: 'notes/settings.js', line: 6, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' },
        ],
      },
      {
        scope: 'delete:current_user_device_credentials',
        because: [
          {
            file: 'notes/devices.js',
            line: 8,
            via: 'fetch',
            method: 'DELETE',
            path: '/api/v2/device-credentials/{id}',
          },
        ],
      },
    ]);
    expect(request!.missingScopes).toEqual([
      'read:current_user',
      'update:current_user_identities',
      'update:current_user_metadata',
      'delete:current_user_device_credentials',
    ]);
  });

  it('proves the ID token in each module and points at the login that issued it', () => {
    const credentials = analysis.report.findings.filter(
      (finding) => finding.ruleId === 'auth0-tokens/no-id-token-for-management-api' && inNotes(finding.file),
    );
    expect(credentials.map((finding) => [finding.file, finding.line, finding.certainty, finding.related])).toEqual([
      ['notes/Preferences.jsx', 10, 'proven', [{ ...LOGIN, file: 'notes/AuthProvider.jsx', line: 7 }]],
      ['notes/ProfileCard.jsx', 7, 'proven', [{ ...LOGIN, file: 'notes/AuthProvider.jsx', line: 7 }]],
      ['notes/api.js', 7, 'proven', [LOGIN]],
      ['notes/devices.js', 10, 'proven', [LOGIN]],
      ['notes/enrollments.service.ts', 11, 'proven', [{ ...LOGIN, file: 'notes/auth.service.ts', line: 8 }]],
      ['notes/management.js', 5, 'proven', [LOGIN]],
      ['notes/profile.js', 7, 'proven', [LOGIN]],
      ['notes/settings.js', 8, 'proven', [LOGIN]],
    ]);
    // The secondary account's ID token passed to linkUser is never a finding.
    expect(analysis.report.findings.filter((finding) => finding.file === 'notes/accounts.js')).toEqual([]);
    const scopes = analysis.report.findings.find(
      (finding) => finding.ruleId === 'auth0-tokens/minimal-management-scopes' && finding.file === 'notes/auth.js',
    );
    expect(scopes?.related.map((related) => `${related.file}:${related.line}`)).toEqual([
      'notes/accounts.js:6',
      'notes/api.js:5',
      'notes/devices.js:8',
      'notes/profile.js:6',
      'notes/settings.js:6',
    ]);
  });

  it('migrates the login with the scopes other modules need, and switches the stored token where they read it', () => {
    const migrations = Object.fromEntries(
      analysis.migrate({ annotate: false }).map((migration) => [migration.file, migration]),
    );
    const auth = migrations['notes/auth.js']!;
    expect(auth.after).toContain(
      "  responseType: 'token id_token',\n  scope: 'openid profile read:current_user update:current_user_identities update:current_user_metadata delete:current_user_device_credentials',\n  audience: `https://${AUTH0_DOMAIN}/api/v2/`,\n",
    );
    expect(auth.after).toContain(
      "    localStorage.setItem('notes:id_token', authResult.idToken);\n    localStorage.setItem('notes:access_token', authResult.accessToken);\n",
    );
    expect(migrations['notes/profile.js']!.after).toContain("Bearer ${localStorage.getItem('notes:access_token')}");
    expect(migrations['notes/management.js']!.after).toContain("token: localStorage.getItem('notes:access_token')");
    expect(migrations['notes/devices.js']!.after).toContain('Bearer ${result.accessToken}');
    // A shared getter, and a helper whose callers pass the token: changing them is a decision for a developer.
    expect(migrations['notes/auth.service.ts']!.after).toContain(
      "responseType: 'token id_token', scope: 'openid read:current_user', audience: 'https://acme-notes.eu.auth0.com/api/v2/' });",
    );
    for (const file of [
      'notes/settings.js',
      'notes/api.js',
      'notes/enrollments.service.ts',
      'notes/Preferences.jsx',
      'notes/ProfileCard.jsx',
    ]) {
      expect(migrations[file]!.after).toBe(migrations[file]!.before);
      expect(migrations[file]!.manual.map((site) => site.rule)).toEqual(['no-id-token-for-management-api']);
    }
    for (const file of ['notes/auth.js', 'notes/profile.js', 'notes/devices.js', 'notes/management.js'])
      expect(migrations[file]!.manual).toEqual([]);
    expect(migrations['notes/accounts.js']).toBeUndefined();
  });

  it('is idempotent across the project', () => {
    const migrated = new Map(
      analysis.migrate({ annotate: false }).map((migration) => [path.join(ROOT, migration.file), migration.after]),
    );
    const dir = temporaryDirectory('project');
    const copies = FILES.map((file) => {
      const copy = path.join(dir, path.relative(ROOT, file));
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, migrated.get(file) ?? fs.readFileSync(file, 'utf8'));
      return copy;
    });
    const again = analyzeProject(copies, { ...OPTIONS, cwd: dir }).migrate({ annotate: false });
    expect(again.filter((migration) => migration.after !== migration.before)).toEqual([]);
  });
});

describe('module resolution', () => {
  it('follows tsconfig paths to link a login to a call in another module', () => {
    const dir = temporaryDirectory('paths');
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@auth/*': ['src/auth/*'] } } }),
      'src/auth/login.ts': [
        "import { WebAuth } from 'auth0-js';",
        "export const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });",
        'export const idTokenOf = (result: { idToken: string }) => result.idToken;',
      ].join('\n'),
      'src/pages/profile.ts': [
        "import { webAuth } from '@auth/login';",
        'webAuth.checkSession({}, (err, result) => {',
        '  fetch(`https://acme.auth0.com/api/v2/users/${result.idTokenPayload.sub}`, { headers: { Authorization: `Bearer ${result.idToken}` } });',
        '});',
      ].join('\n'),
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const report = analyzeProject(
      ['src/auth/login.ts', 'src/pages/profile.ts'].map((file) => path.join(dir, file)),
      { ...OPTIONS, cwd: dir },
    ).report;
    expect(
      report.tokenRequests.map((request) => [
        request.file,
        request.requiredScopes.map(({ scope, because }) => [scope, because.map((site) => site.file)]),
      ]),
    ).toEqual([['src/auth/login.ts', [['read:current_user', ['src/pages/profile.ts']]]]]);
  });
});

describe('robustness of the analysis', () => {
  it('treats implicit globals named like Object.prototype members as unknown names, not SDK entities', () => {
    const dir = temporaryDirectory('proto');
    const file = path.join(dir, 'helpers.js');
    fs.writeFileSync(
      file,
      "// auth0 helpers\nconst own = hasOwnProperty.call({}, 'x') && constructor.name;\nfetch('https://acme.auth0.com/api/v2/users/1', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });\n",
    );
    const report = analyzeProject([file], { ...OPTIONS, cwd: dir }).report;
    expect(report.errors).toEqual([]);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['auth0-tokens/no-id-token-for-management-api']);
  });

  it('reads leading comments in linear time (adjacent block comments once made the Flow check exponential)', () => {
    const dir = temporaryDirectory('comments');
    const file = path.join(dir, 'documented.js');
    fs.writeFileSync(
      file,
      `${Array.from({ length: 60 }, (_, index) => `/** a */\n/** b */\nfunction f${index}() {}\n`).join('')}// auth0\n`,
    );
    expect(analyzeProject([file], { ...OPTIONS, cwd: dir }).report.errors).toEqual([]);
  });

  it('analyses classes in code parsed by espree and Babel, whose trees lack the arrays typescript-estree adds', () => {
    const call =
      "fetch('https://acme.auth0.com/api/v2/users/1', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });";
    const dir = project('classes', {
      'plain.js': [
        'class Profile {',
        '  static cache = {};',
        '  load(id, { force } = {}) {',
        `    return ${call}`,
        '  }',
        '}',
      ],
      'typed.js': ['// @flow', 'class Profile {', '  load(id: string) {', `    return ${call}`, '  }', '}'],
      // Sloppy-mode code is no module: espree parses it as a script.
      'sloppy.js': ['with (window) {', `  ${call}`, '}'],
      // Decorators are not standard JavaScript yet: typescript-estree parses them.
      'decorated.js': ['@Injectable()', 'class Profile {', '  load() {', `    return ${call}`, '  }', '}'],
    });
    const report = analyzeProject(
      ['decorated.js', 'plain.js', 'sloppy.js', 'typed.js'].map((file) => path.join(dir, file)),
      { ...OPTIONS, cwd: dir },
    ).report;
    expect(report.errors).toEqual([]);
    expect(report.findings.map(({ file, ruleId }) => `${file} ${ruleId}`)).toEqual(
      ['decorated.js', 'plain.js', 'sloppy.js', 'typed.js'].map(
        (file) => `${file} auth0-tokens/no-id-token-for-management-api`,
      ),
    );
  });
});

describe('what the project analysis parses and keeps', () => {
  it('parses again a module it released for having nothing of its own, once another module imports it', () => {
    // session.ts finds nothing on its own (no login, no call), so its tree is released; profile.ts reads its member.
    const dir = project('released', {
      'session.ts': [
        'export class Session {',
        "  token = '';",
        '  store(result: { idToken: string }) {',
        '    this.token = result.idToken;',
        '  }',
        '}',
      ],
      'profile.ts': [
        "import { Session } from './session';",
        'export class Profile {',
        '  constructor(private readonly session: Session) {}',
        '  load(id: string) {',
        '    return fetch(`https://acme.auth0.com/api/v2/users/${id}`, { headers: { Authorization: `Bearer ${this.session.token}` } });',
        '  }',
        '}',
      ],
    });
    const report = analyzeProject(
      ['profile.ts', 'session.ts'].map((file) => path.join(dir, file)),
      { ...OPTIONS, cwd: dir },
    ).report;
    expect(report.findings.map(({ ruleId, file, line, certainty }) => ({ ruleId, file, line, certainty }))).toEqual([
      { ruleId: 'auth0-tokens/no-id-token-for-management-api', file: 'profile.ts', line: 5, certainty: 'proven' },
    ]);
  });

  it('parses a module the pre-filter skips when it imports an Auth0-related one, but not one it only requires', () => {
    const dir = project('neighbours', {
      'auth.js': [
        "import auth0 from 'auth0-js';",
        "export const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });",
      ],
      'page.js': ["import { webAuth } from './auth';", 'export const start = () => webAuth.authorize();'],
      'legacy.js': ["const { webAuth } = require('./auth.js');", 'module.exports = () => webAuth.authorize();'],
      'unrelated.js': ["import { format } from './format';", 'export const show = (value) => format(value);'],
      'format.js': ['export const format = (value) => String(value);'],
    });
    const report = analyzeProject(
      ['auth.js', 'format.js', 'legacy.js', 'page.js', 'unrelated.js'].map((file) => path.join(dir, file)),
      { ...OPTIONS, cwd: dir },
    ).report;
    expect(report.scannedFiles).toEqual(['auth.js', 'format.js', 'legacy.js', 'page.js', 'unrelated.js']);
    expect(report.skippedFiles).toEqual(['format.js', 'legacy.js', 'unrelated.js']);
  });

  it('loads TypeScript only for a TypeScript file that oxc does not take', () => {
    ensureBuilt();
    const dir = project('typescript-on-demand', {
      // Sloppy-mode code (`with`): parsed as a script once it fails as a module.
      'profile.js': [
        'with (window) {',
        "  fetch('https://acme.auth0.com/api/v2/users/1', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });",
        '}',
      ],
      'session.ts': ["export const token: string = localStorage.getItem('id_token') ?? '';"],
      // Past the length oxc's thread takes: typescript-estree parses it.
      'large.ts': [
        "export const token: string = localStorage.getItem('id_token') ?? '';",
        ...Array.from({ length: 1200 }, (_, index) => `export const padding${index}: number = ${index};`),
      ],
    });
    const loaded = (file: string) => {
      const script = [
        `const { analyzeProject } = require(${JSON.stringify(path.join(REPOSITORY, 'dist/src/project'))});`,
        `const { report } = analyzeProject([${JSON.stringify(path.join(dir, file))}], { cwd: ${JSON.stringify(dir)}, environment: 'auto', metadataScope: 'update' });`,
        'const typescript = Object.keys(require.cache).some((module) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(module));',
        'process.stdout.write(JSON.stringify({ findings: report.findings.length, errors: report.errors, typescript }));',
      ].join('\n');
      return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as unknown;
    };
    expect(fs.statSync(path.join(dir, 'large.ts')).size).toBeGreaterThan(NATIVE_MAX_CHARS);
    expect(loaded('profile.js')).toEqual({ findings: 1, errors: [], typescript: false });
    expect(loaded('session.ts')).toEqual({ findings: 0, errors: [], typescript: false });
    expect(loaded('large.ts')).toEqual({ findings: 0, errors: [], typescript: true });
  });

  it('lets the reader thread prove a large plain JavaScript candidate inert, and only such a candidate', () => {
    const vendored = (line: (index: number) => string) =>
      Array.from({ length: 1000 }, (_, index) => line(index)).join('');
    const inert = vendored(
      (index) =>
        `function check${index}(tokens) { const idToken = tokens[${index}]; return idToken && idToken.value; }\n`,
    );
    const login = `${inert}fetch('https://acme.auth0.com/api/v2/users/1', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });\n`;
    expect(screened(inert, undefined)).toBe(true);
    expect(
      screened(inert.slice(0, SCREENED_MIN_CHARS - 100), undefined),
      'small: the main thread analyses it at once',
    ).toBe(false);
    expect(screened(inert, inert.length - 1), 'over the size limit: skipped unparsed').toBe(false);
    expect(
      screened(inert.repeat(Math.ceil(SCREENED_MAX_CHARS / inert.length) + 1), undefined),
      'a bundle: its trees would add a peak of their own',
    ).toBe(false);
    expect(provenInert('indent.js', inert)).toBe(true);
    expect(provenInert('login.js', login), 'a finding').toBe(false);
    expect(provenInert('indent.ts', inert), 'TypeScript: the reader thread has no TypeScript parser').toBe(false);
    expect(provenInert('indent.js', `// @flow\n${inert}`), 'Flow: nor Babel').toBe(false);
    expect(provenInert('indent.js', `${inert}}`), 'a syntax error: the main thread reports it').toBe(false);
  });

  it('takes a U+FFFD written in a UTF-8 file for itself, not for bytes of another encoding', () => {
    const dir = project('replacement-character', {
      'profile.js': [
        '// Shown as \uFFFD when the name cannot be decoded',
        "fetch('https://acme.auth0.com/api/v2/users/1', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });",
      ],
      'latin1.js': [],
    });
    fs.writeFileSync(
      path.join(dir, 'latin1.js'),
      Buffer.from("// caf\xe9\nfetch('https://acme.auth0.com/api/v2/users/1');\n", 'latin1'),
    );
    const report = analyzeProject(
      ['latin1.js', 'profile.js'].map((file) => path.join(dir, file)),
      { ...OPTIONS, cwd: dir },
    ).report;
    expect(report.errors).toEqual([
      {
        file: 'latin1.js',
        message: 'not valid UTF-8 (another encoding, such as Latin-1?): skipped; save it as UTF-8 to analyse it',
      },
    ]);
    expect(report.findings.map((finding) => finding.file)).toEqual(['profile.js']);
  });
});

describe('bounded memory', () => {
  /** A login whose ID token calls the Management API, on a tenant of its own: each file has findings of its own. */
  const flow = (tenant: string): string[] => [
    `var webAuth = new auth0.WebAuth({ domain: '${tenant}.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });`,
    'webAuth.parseHash(function (err, authResult) {',
    `  var management = new auth0.Management({ domain: '${tenant}.auth0.com', token: authResult.idToken });`,
    '  management.getUser(authResult.idTokenPayload.sub, function () {});',
    '});',
  ];
  const NAMES = ['a.js', 'b.js', 'c.js', 'd.js', 'e.js', 'f.js'];

  it('holds at most maxTotalBytes of Auth0-related source: each file beyond it is an error naming it, and is not migrated', () => {
    const dir = project('total-size', Object.fromEntries(NAMES.map((file) => [file, flow(file[0]!)])));
    const files = NAMES.map((file) => path.join(dir, file));
    const size = fs.statSync(files[0]!).size;
    const analysis = analyzeProject(files, { ...OPTIONS, cwd: dir, maxTotalBytes: 3 * size + 10 });
    const { report } = analysis;
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['a.js', 'b.js', 'c.js']));
    expect(report.errors.map((error) => error.file)).toEqual(['d.js', 'e.js', 'f.js']);
    for (const error of report.errors) {
      expect(error.message).toMatch(
        /^not analysed: the run already holds 0\.0 MB of Auth0-related code \(the limit is 0\.0 MB\); analyse this path in a separate run or raise --max-total-size$/,
      );
    }
    expect(report.scannedFiles).toEqual(NAMES);
    expect(report.skippedFiles, 'a file not analysed is no file with nothing Auth0-related').toEqual([]);
    expect(analysis.migrate({ annotate: false }).map((migration) => migration.file)).toEqual(['a.js', 'b.js', 'c.js']);
  });

  it('applies the limits to the files as they are read: a file the analysis took is migrated even when its edits take it over them', () => {
    const dir = project('limits-first-pass', { 'login.js': flow('acme') });
    const file = path.join(dir, 'login.js');
    const size = fs.statSync(file).size;
    const analysis = analyzeProject([file], { ...OPTIONS, cwd: dir, maxFileBytes: size, maxTotalBytes: size });
    expect(analysis.report.errors).toEqual([]);
    const [migration] = analysis.migrate({ annotate: false });
    expect(migration?.file).toBe('login.js');
    expect(Buffer.byteLength(migration!.after)).toBeGreaterThan(size);
  });
});
