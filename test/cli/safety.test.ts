/**
 * What `migrate` must never do, through the built CLI: leave a file half-written when stopped by a signal at any
 * moment, widen a token's scopes (a property over generated logins and calls), or print a pasted JWT in full.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src';
import {
  ANY_USER_SCOPES,
  CURRENT_USER_SCOPES,
  findEndpoint,
  findSdkMethod,
  isAnyUserScope,
  isCurrentUserScope,
  OIDC_SCOPES,
  type HttpMethod,
} from '../../src/catalog';
import {
  BIN,
  cli,
  type CliResult,
  ensureBuilt,
  hashTree,
  ID_TOKEN_FLOW,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

/** When to send the signal: after a delay, or after a number of file-system events in `src/` (the writes). */
type Moment = { readonly afterMs: number } | { readonly afterWriteEvents: number };

/** Runs `migrate` on `directory` and sends it `signal` at `moment`; resolves to how it ended. */
function migrateStopped(
  directory: string,
  signal: NodeJS.Signals,
  moment: Moment,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'migrate'], { cwd: directory, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let events = 0;
  const watcher =
    'afterWriteEvents' in moment
      ? fs.watch(path.join(directory, 'src'), () => ++events === moment.afterWriteEvents && child.kill(signal))
      : undefined;
  const timer = 'afterMs' in moment ? setTimeout(() => child.kill(signal), moment.afterMs) : undefined;
  return new Promise((resolve) =>
    child.on('exit', (code, ended) => {
      watcher?.close();
      clearTimeout(timer);
      resolve({ code, signal: ended, stderr });
    }),
  );
}

/** Files `migrate` would write, each with its own text: the calls (and so the scopes) differ from file to file. */
function distinctFlows(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const calls = [
      index % 2 === 0 ? '  management.getUser(authResult.idTokenPayload.sub, function () {});' : '',
      index % 3 === 0
        ? `  management.patchUserMetadata(authResult.idTokenPayload.sub, { visits: ${index} }, function () {});`
        : '',
      index % 2 === 1
        ? `  fetch('https://acme.auth0.com/api/v2/device-credentials/device-${index}', { method: 'DELETE', headers: { Authorization: 'Bearer ' + authResult.idToken } });`
        : '',
    ].filter(Boolean);
    files[`src/flow-${String(index).padStart(3, '0')}.js`] =
      `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'client-${index}', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
${calls.join('\n')}
});
`;
  }
  return files;
}

function temporaryFiles(directory: string): string[] {
  return Object.keys(hashTree(directory)).filter((file) => file.endsWith('.auth0-tokens.tmp'));
}

describe('safety', () => {
  beforeAll(() => ensureBuilt());
  afterAll(removeTemporaryDirectories);

  describe('a signal at any moment leaves every file either old or new', () => {
    const COUNT = 150;
    const originals = distinctFlows(COUNT);
    const migrated = new Map<string, string>();

    beforeAll(async () => {
      const reference = temporaryDirectory('signal-reference');
      writeFiles(reference, originals);
      const result = await cli(['migrate'], reference);
      expect(result.status, result.stderr).toBe(0);
      for (const file of Object.keys(originals))
        migrated.set(file, fs.readFileSync(path.join(reference, file), 'utf8'));
      expect(new Set(migrated.values()).size).toBe(COUNT);
    });

    /** Every file is its original text or its migrated text; returns how many were migrated. */
    function checkWhole(directory: string): number {
      expect(temporaryFiles(directory)).toEqual([]);
      expect(Object.keys(hashTree(directory)).sort()).toEqual(Object.keys(originals).sort());
      let written = 0;
      for (const [file, original] of Object.entries(originals)) {
        const text = fs.readFileSync(path.join(directory, file), 'utf8');
        if (text === migrated.get(file)) written++;
        else expect(text, file).toBe(original);
      }
      return written;
    }

    it('SIGTERM during the writes: the file being written is finished, the rest untouched, no temporary file, exit 143', async () => {
      const directory = temporaryDirectory('sigterm');
      writeFiles(directory, originals);
      // The first event (a temporary file appearing) means the write phase has begun.
      const ended = await migrateStopped(directory, 'SIGTERM', { afterWriteEvents: 1 });
      expect(ended.code, ended.stderr).toBe(143);
      expect(ended.stderr).toMatch(/interrupted; \d+ files were left untouched/);
      const written = checkWhole(directory);
      expect(written).toBeGreaterThanOrEqual(1);
      expect(written).toBeLessThan(COUNT);
    });

    it.each<Moment>([
      { afterMs: 50 },
      { afterMs: 400 },
      { afterWriteEvents: 2 },
      { afterWriteEvents: 60 },
      { afterWriteEvents: 200 },
      { afterWriteEvents: 420 },
    ])('SIGINT %o: while analysing, while writing, or after the end', async (moment) => {
      const directory = temporaryDirectory('sigint');
      writeFiles(directory, originals);
      const ended = await migrateStopped(directory, 'SIGINT', moment);
      const written = checkWhole(directory);
      if (ended.code === 130) {
        expect(ended.stderr).toMatch(new RegExp(`interrupted; ${COUNT - written} files? (were|was) left untouched`));
        expect(written).toBeLessThan(COUNT);
      } else if (ended.code === 0) expect(written).toBe(COUNT);
      else {
        // Outside the writes Node's default handler ends the process: before them nothing is written, after them all is.
        expect(ended.signal).toBe('SIGINT');
        expect([0, COUNT]).toContain(written);
      }
    });
  });

  describe('the migrated scopes never include an any-user scope, nor exceed the derived and the kept OIDC/custom ones', () => {
    const CUSTOM_SCOPES = ['read:invoices', 'write:reports', 'admin', 'read:current_user_invoices'];
    const DECLARABLE = [
      ...OIDC_SCOPES,
      ...CURRENT_USER_SCOPES,
      ...ANY_USER_SCOPES.slice(0, 8),
      'read:roles',
      'read:logs',
      ...CUSTOM_SCOPES,
    ];
    const USER = 'authResult.idTokenPayload.sub';
    const bearer = "{ Authorization: 'Bearer ' + authResult.idToken }";

    interface Call {
      readonly code: string;
      /** The current-user scope the call can be migrated with; none for backend-only calls. */
      readonly scope: string | undefined;
    }

    /** An SDK method's or an HTTP call's current-user scope, from the catalog. */
    const sdkScope = (call: string) => {
      const method = findSdkMethod('auth0.js', call)!;
      return findEndpoint(method.method, method.path)?.currentUserScope;
    };
    const httpScope = (method: HttpMethod, template: string) => findEndpoint(method, template)?.currentUserScope;

    const CALLS: readonly (() => Call)[] = [
      () => ({ code: `management.getUser(${USER}, done);`, scope: sdkScope('getUser') }),
      () => ({
        code: `management.patchUserMetadata(${USER}, { theme: 'dark' }, done);`,
        scope: sdkScope('patchUserMetadata'),
      }),
      () => ({ code: `management.linkUser(${USER}, secondaryIdToken, done);`, scope: sdkScope('linkUser') }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER}, { headers: ${bearer} });`,
        scope: httpScope('GET', 'users/{id}'),
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER}, { method: 'PATCH', headers: ${bearer}, body: JSON.stringify({ user_metadata: { theme: 'dark' } }) });`,
        scope: httpScope('PATCH', 'users/{id}'),
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/device-credentials/' + deviceId, { method: 'DELETE', headers: ${bearer} });`,
        scope: httpScope('DELETE', 'device-credentials/{id}'),
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER} + '/multifactor/guardian', { method: 'DELETE', headers: ${bearer} });`,
        scope: httpScope('DELETE', 'users/{id}/multifactor/{provider}'),
      }),
      // Backend only: they justify no scope at all.
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER}, { method: 'PATCH', headers: ${bearer}, body: JSON.stringify({ app_metadata: { plan: 'pro' } }) });`,
        scope: undefined,
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users?q=' + query, { headers: ${bearer} });`,
        scope: httpScope('GET', 'users'),
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER}, { method: 'DELETE', headers: ${bearer} });`,
        scope: httpScope('DELETE', 'users/{id}'),
      }),
      () => ({
        code: `fetch('https://acme.auth0.com/api/v2/users/' + ${USER} + '/roles', { headers: ${bearer} });`,
        scope: httpScope('GET', 'users/{id}/roles'),
      }),
    ];

    /** mulberry32: the same inputs on every run. */
    function prng(seed: number): () => number {
      let state = seed >>> 0;
      return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let value = Math.imul(state ^ (state >>> 15), 1 | state);
        value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
      };
    }

    interface Generated {
      readonly file: string;
      readonly text: string;
      readonly declared: readonly string[];
      readonly calls: readonly Call[];
    }

    function generate(count: number, seed: number): Generated[] {
      const random = prng(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      return Array.from({ length: count }, (_, index) => {
        const declared = [...new Set(Array.from({ length: Math.floor(random() * 6) }, () => pick(DECLARABLE)))];
        const calls = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(CALLS)());
        const responseType = pick(['id_token', 'token id_token', 'id_token token']);
        const text = `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'client-${index}', responseType: '${responseType}', scope: '${declared.join(' ')}' });
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
${calls.map((call) => `  ${call.code}`).join('\n')}
});
`;
        return { file: `login-${String(index).padStart(3, '0')}.js`, text, declared, calls };
      });
    }

    /** The scope string of the login in a file. */
    function loginScopes(text: string): string[] {
      const scope = /new auth0\.WebAuth\(\{[^}]*?\bscope: '([^']*)'/.exec(text)?.[1];
      expect(scope, text).toBeDefined();
      return scope!.split(' ').filter(Boolean);
    }

    it.each([
      { seed: 1, metadataScope: 'update' },
      { seed: 2, metadataScope: 'both' },
      { seed: 3, metadataScope: 'create' },
    ])('seed $seed, --metadata-scope $metadataScope', async ({ seed, metadataScope }) => {
      const inputs = generate(60, seed);
      const directory = temporaryDirectory('scopes-property');
      writeFiles(directory, Object.fromEntries(inputs.map((input) => [input.file, input.text])));
      const result = await cli(['migrate', '--metadata-scope', metadataScope], directory);
      expect(result.status, result.stderr).toBe(0);

      let rewritten = 0;
      for (const input of inputs) {
        const after = fs.readFileSync(path.join(directory, input.file), 'utf8');
        if (after === input.text) continue;
        const scopes = loginScopes(after);
        if (scopes.join(' ') !== input.declared.join(' ')) rewritten++;
        const derived = new Set(
          input.calls.flatMap(({ scope }) => {
            if (scope !== 'update:current_user_metadata') return scope ? [scope] : [];
            return metadataScope === 'both'
              ? [scope, 'create:current_user_metadata']
              : metadataScope === 'create'
                ? ['create:current_user_metadata']
                : [scope];
          }),
        );
        const kept = input.declared.filter((scope) => !isCurrentUserScope(scope) && !isAnyUserScope(scope));
        const why = `${input.file}\n${input.text}\n->\n${after}`;
        expect(scopes.filter(isAnyUserScope), why).toEqual([]);
        expect(
          scopes.filter((scope) => !derived.has(scope) && !kept.includes(scope)),
          why,
        ).toEqual([]);
        // OIDC and custom scopes are kept as written, in their order.
        expect(
          scopes.filter((scope) => kept.includes(scope)),
          why,
        ).toEqual(kept);
        // A credential switched to the access token reads one the login now asks for, for the Management API.
        if (after.includes('authResult.accessToken'))
          expect(after, why).toMatch(
            /responseType: '(token id_token|id_token token)'.*audience: 'https:\/\/acme\.auth0\.com\/api\/v2\/'/,
          );
      }
      // Not vacuous: most logins had their scopes rewritten.
      expect(rewritten).toBeGreaterThan(inputs.length / 3);
    });
  });

  describe('a JWT pasted into the code is never printed in full', () => {
    const base64url = (value: object | string) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const JWT = [
      base64url({ alg: 'RS256', typ: 'JWT', kid: 'test-key-1' }),
      base64url({
        iss: 'https://acme.auth0.com/',
        sub: 'auth0|5f7c8ec7',
        aud: 'https://acme.auth0.com/api/v2/',
        scope: 'read:users update:users',
      }),
      createHash('sha256').update('not a real signature').digest('base64url'),
    ].join('.');
    const REDACTED = `${JWT.slice(0, 12)}…`;
    // A Management API token, and the token where messages and reports quote the code: an audience, a scope, an argument.
    const ADMIN = `var MANAGEMENT_TOKEN = '${JWT}';
var management = new auth0.Management({ domain: 'acme.auth0.com', token: MANAGEMENT_TOKEN });
management.getUser('auth0|5f7c8ec7', function () {});
fetch('https://acme.auth0.com/api/v2/users/auth0|5f7c8ec7', { headers: { Authorization: 'Bearer ${JWT}' } });
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: '${JWT}', responseType: 'id_token', scope: 'openid ${JWT}' });
webAuth.parseHash(function (err, authResult) {
  var client = new auth0.Management({ domain: 'acme.auth0.com', token: getIdToken('${JWT}') });
  client.getUser(authResult.idTokenPayload.sub, function () {});
});
`;
    const occurrences = (text: string) => text.split(JWT).length - 1;
    let directory: string;
    let reportDirectory: string;
    const outputs: Record<string, CliResult> = {};
    const reports: Record<string, string> = {};

    beforeAll(async () => {
      directory = temporaryDirectory('redact');
      reportDirectory = temporaryDirectory('redact-reports');
      const report = (name: string) => path.join(reportDirectory, name);
      writeFiles(directory, { 'public/js/admin.js': ADMIN, 'public/js/login.js': ID_TOKEN_FLOW });
      const runs: Record<string, string[]> = {
        ...Object.fromEntries(
          ['text', 'json', 'markdown', 'github'].map((format) => [`scan ${format}`, ['scan', '--format', format]]),
        ),
        'scan sarif': ['scan', '--format', 'sarif', '--output', report('scan.sarif')],
        ...Object.fromEntries(
          ['text', 'json', 'markdown'].map((format) => [`scopes ${format}`, ['scopes', '--format', format]]),
        ),
        'migrate --dry': ['migrate', '--dry', '--report', report('dry.md')],
      };
      const entries = await Promise.all(
        Object.entries(runs).map(async ([name, args]) => [name, await cli(args, directory)] as const),
      );
      Object.assign(outputs, Object.fromEntries(entries));
      outputs.migrate = await cli(['migrate', '--annotate', '--report', report('migration.json')], directory);
      outputs['migrate again'] = await cli(['migrate', '--report', report('again.md')], directory);
      for (const file of fs.readdirSync(reportDirectory)) reports[file] = fs.readFileSync(report(file), 'utf8');
    });

    it('scan (every format), scopes (every format) and migrate (--report md and json): stdout, stderr and the reports', () => {
      expect(outputs.migrate!.status, outputs.migrate!.stderr).toBe(0);
      for (const [name, { stdout, stderr }] of Object.entries(outputs)) {
        expect(occurrences(stdout), `${name} stdout`).toBe(0);
        expect(occurrences(stderr), `${name} stderr`).toBe(0);
      }
      expect(Object.keys(reports).sort()).toEqual(['again.md', 'dry.md', 'migration.json', 'scan.sarif']);
      for (const [file, text] of Object.entries(reports)) expect(occurrences(text), file).toBe(0);
      // The messages that quote the token show its prefix only.
      expect(outputs['scan text']!.stdout).toContain(`getIdToken('${REDACTED}')`);
      expect(outputs['scan text']!.stdout).toContain(`audience '${REDACTED}'`);
      expect(outputs['scopes text']!.stdout).toMatch(new RegExp(`^ {2}audience: +${REDACTED}$`, 'm'));
      expect(outputs['migrate --dry']!.stderr).toContain(REDACTED);
    });

    it('the TODO lines --annotate writes quote the token redacted: the file holds no new copy', () => {
      const after = fs.readFileSync(path.join(directory, 'public/js/admin.js'), 'utf8');
      expect(after).toMatch(/\/\/ TODO\(auth0-tokens\): .*eyJ[\w-]{9}…/);
      expect(occurrences(after)).toBe(occurrences(ADMIN));
    });

    it('ESLint: the rules report the token redacted, in messages and suggestions', () => {
      const messages = new Linter({ configType: 'flat' }).verify(
        ADMIN,
        [plugin.configs.strict as Linter.Config],
        'public/js/admin.js',
      );
      expect(messages.length).toBeGreaterThan(2);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const printed = messages
        .flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)])
        .join('\n');
      expect(occurrences(printed)).toBe(0);
      expect(printed).toContain(REDACTED);
    });
  });
});
