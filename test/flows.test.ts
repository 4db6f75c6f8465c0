/**
 * What `migrate` may do to a flow (a login, the tokens it yields and the Management calls they reach, in any module):
 * a credential never moves ahead of its login, a flow whose login cannot be fixed stays byte-identical, the edits
 * never add a key twice, a secondary (linking) login and a machine-to-machine token are never taken for the app's
 * login, and server, test and vendored code is not judged as browser code. Each project is written by the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject, type FileMigration } from '../src/project';
import { removeTemporaryDirectories, temporaryDirectory } from './cli/cli-helpers';
import { linkingLock } from './rules/shapes';

afterAll(removeTemporaryDirectories);

const OPTIONS = { environment: 'auto', metadataScope: 'update' } as const;
const LEGACY_APP = path.join(__dirname, '../fixtures/legacy-app');

/** Writes the files under a fresh directory and analyses them as one project. */
function analyse(name: string, files: Record<string, string>) {
  const dir = temporaryDirectory(name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return analyzeProject(
    Object.keys(files).map((file) => path.join(dir, file)),
    { ...OPTIONS, cwd: dir },
  );
}

function migrations(analysis: ReturnType<typeof analyse>): Record<string, FileMigration> {
  return Object.fromEntries(analysis.migrate({ annotate: false }).map((migration) => [migration.file, migration]));
}

const changed = (migrated: Record<string, FileMigration>): string[] =>
  Object.values(migrated)
    .filter((migration) => migration.after !== migration.before)
    .map((migration) => migration.file);

/** ESLint's core `no-dupe-keys`, and whether the text still parses. */
function keyProblems(file: string, text: string): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: {
          parser: require('@typescript-eslint/parser'),
          parserOptions: { ecmaFeatures: { jsx: !file.endsWith('.ts') } },
        },
        rules: { 'no-dupe-keys': 'error' },
      },
    ] as never,
    file,
  );
  return messages.map((message) => `${file}:${message.line} ${message.ruleId ?? 'parse'}: ${message.message}`);
}

const STORES_ID_TOKEN = `lock.on('authenticated', function (authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`;
const PROFILE = `export function loadProfile(userId) {
  return fetch('https://acme.auth0.com/api/v2/users/' + userId, { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });
}
`;

describe('a credential never moves ahead of its login', () => {
  it('Lock without options gets an options argument, so its calls can switch to the access token', () => {
    const analysis = analyse('lock-no-options', {
      'auth.js': `var lock = new Auth0Lock('k3yC1ient', 'acme.auth0.com');\n${STORES_ID_TOKEN}`,
      'profile.js': PROFILE,
    });
    const migrated = migrations(analysis);
    expect(migrated['auth.js']!.after)
      .toBe(`var lock = new Auth0Lock('k3yC1ient', 'acme.auth0.com', { auth: { audience: 'https://acme.auth0.com/api/v2/', params: { scope: 'openid profile email read:current_user' } } });
lock.on('authenticated', function (authResult) {
  localStorage.setItem('id_token', authResult.idToken);
  localStorage.setItem('access_token', authResult.accessToken);
});
`);
    expect(migrated['profile.js']!.after).toContain("localStorage.getItem('access_token')");
    expect(Object.values(migrated).flatMap((migration) => migration.manual)).toEqual([]);
  });

  it('a login whose audience no edit can add leaves the whole flow byte-identical, saying what blocks it', () => {
    const analysis = analyse('blocked', {
      'auth.js': `import { WebAuth } from 'auth0-js';
import settings from './settings';
const webAuth = new WebAuth({ ...settings, responseType: 'id_token' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`,
      'settings.js': "export default { domain: 'acme.auth0.com', clientID: 'k3yC1ient' };\n",
      'profile.js': PROFILE,
    });
    const migrated = migrations(analysis);
    expect(changed(migrated)).toEqual([]);
    expect(migrated['auth.js']!.manual.map((site) => site.rule)).toEqual(['require-management-audience']);
    expect(migrated['auth.js']!.manual[0]!.message).toMatch(/built dynamically/);
    expect(migrated['profile.js']!.manual.map((site) => site.rule)).toEqual(['no-id-token-for-management-api']);
  });

  it("a login whose scope no edit can extend keeps the reader module's ID token, and the call says why", () => {
    const analysis = analyse('escaped-scope', {
      'auth.js': `import { WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'k3yC1ient', responseType: 'id_token', scope: 'openid\\nprofile' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`,
      'profile.js': PROFILE,
    });
    const migrated = migrations(analysis);
    expect(migrated['profile.js']!.after).toBe(migrated['profile.js']!.before);
    // The login moves ahead of its call as far as it can; it stores no access token for a call that will not read it.
    expect(migrated['auth.js']!.after).toBe(`import { WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'k3yC1ient', responseType: 'token id_token', scope: 'openid\\nprofile', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`);
    expect(migrated['auth.js']!.manual.map((site) => site.rule)).toEqual(['minimal-management-scopes']);
    expect(migrated['profile.js']!.manual.map((site) => site.message)).toEqual([
      "storage key 'id_token' is an ID token used as the Management API credential, and stays one until its login is fixed, as the login, in another module, does not ask for read:current_user yet. Once the login asks for audience 'https://<domain>/api/v2/', a response type with 'token' and read:current_user, send its access token instead.",
    ]);
  });

  it("a redirect in the login's module that asks for another API's audience keeps the reader module's ID token", () => {
    const analysis = analyse('redirect-audience', {
      'login.js': `import { WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'k3yC1ient', responseType: 'token id_token' });
export const login = () => webAuth.authorize({ audience: 'https://api.acme.com/' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
`,
      'profile.js': PROFILE,
    });
    const migrated = migrations(analysis);
    expect(migrated['profile.js']!.after).toBe(migrated['profile.js']!.before);
    expect(migrated['login.js']!.after).not.toContain('access_token');
    expect(migrated['profile.js']!.manual.map((site) => site.rule)).toEqual(['no-id-token-for-management-api']);
  });

  it('Lock 9, shown with a callback, cannot ask for an audience: nothing changes', () => {
    const analysis = analyse('lock-9', {
      'login.js': `var lock = new Auth0Lock('k3yC1ient', 'acme.auth0.com');
lock.show({ authParams: { scope: 'openid' } }, function (err, profile, idToken) {
  new auth0.Management({ domain: 'acme.auth0.com', token: idToken }).getUser(profile.user_id, render);
});
`,
    });
    const migrated = migrations(analysis);
    expect(changed(migrated)).toEqual([]);
    expect(migrated['login.js']!.manual.map((site) => site.rule)).toEqual([
      'require-management-audience',
      'no-id-token-for-management-api',
    ]);
    expect(migrated['login.js']!.manual[0]!.message).toMatch(/^lock-9 cannot request an API audience/);
  });
});

describe('edits never add a key twice', () => {
  it('Lock options without auth get one auth object holding the audience and the scope', () => {
    const analysis = analyse('lock-no-auth', {
      'login.js': `var lock = new Auth0Lock('k3yC1ient', 'acme.auth0.com', { theme: { logo: 'logo.png' } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, render);
});
`,
    });
    const after = migrations(analysis)['login.js']!.after;
    expect(after.split('\n')[0]).toBe(
      "var lock = new Auth0Lock('k3yC1ient', 'acme.auth0.com', { theme: { logo: 'logo.png' }, auth: { audience: 'https://acme.auth0.com/api/v2/', params: { scope: 'openid profile email read:current_user' } } });",
    );
    expect(after).toContain('token: authResult.accessToken');
    expect(keyProblems('login.js', after)).toEqual([]);
  });

  it('the migrated demo app parses and has no duplicate key', () => {
    const files = fs
      .readdirSync(LEGACY_APP, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(jsx?|tsx?)$/.test(file));
    const analysis = analyzeProject(
      files.map((file) => path.join(LEGACY_APP, file)),
      { ...OPTIONS, cwd: LEGACY_APP },
    );
    const migrated = analysis.migrate({ annotate: false });
    expect(migrated.filter((migration) => migration.after !== migration.before).length).toBeGreaterThan(5);
    expect(migrated.flatMap((migration) => keyProblems(migration.file, migration.after))).toEqual([]);
  });
});

describe('a login is judged only by calls its own tokens reach', () => {
  it('a secondary (linking) login that reassigns the shared variable gets no audience and no scopes', () => {
    const analysis = analyse('linking', {
      'accounts.js': `${linkingLock(',').trimStart()}\n`,
    });
    expect(analysis.report.findings).toEqual([]);
    expect(changed(migrations(analysis))).toEqual([]);
  });

  it('a machine-to-machine token from the app backend leaves the login alone', () => {
    const analysis = analyse('m2m', {
      'login.js': `import { WebAuth } from 'auth0-js';
export const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'k3yC1ient', responseType: 'id_token', scope: 'openid' });
`,
      'profile.js': `import { webAuth } from './login';
export async function loadProfile(userId) {
  const response = await fetch('/api/management-token');
  const data = await response.json();
  return fetch('https://acme.auth0.com/api/v2/users/' + userId, { headers: { Authorization: 'Bearer ' + data.access_token } });
}
export const login = () => webAuth.authorize();
`,
    });
    expect(analysis.report.findings).toEqual([]);
    expect(changed(migrations(analysis))).toEqual([]);
  });

  it('a call whose token cannot be traced is reported for manual review, and left as it is', () => {
    const analysis = analyse('untraced', {
      'profile.js': `import { currentToken } from 'my-session-library';
export const loadProfile = (userId) => fetch('https://acme.auth0.com/api/v2/users/' + userId, { headers: { Authorization: 'Bearer ' + currentToken() } });
`,
    });
    expect(analysis.report.findings.map((finding) => `${finding.ruleId} ${finding.certainty} ${finding.line}`)).toEqual(
      ['auth0-tokens/no-id-token-for-management-api needs-manual 2'],
    );
    expect(analysis.report.findings[0]!.message).toMatch(
      /cannot be traced to a login.*Allow ID Tokens for Management API v2 Authentication/,
    );
    expect(changed(migrations(analysis))).toEqual([]);
  });
});

describe('server, test and vendored code is not judged as browser code', () => {
  const SECRET_CALL = `const body = { grant_type: 'client_credentials', client_id: 'm2m', client_secret: 'shh', audience: 'https://acme.auth0.com/api/v2/' };
const token = (await (await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify(body) })).json()).access_token;
await fetch('https://acme.auth0.com/api/v2/users?q=email', { headers: { Authorization: 'Bearer ' + token } });
`;
  it.each([
    ['pages/api/users.js', `export default async function handler(req, res) {\n${SECRET_CALL}}\n`],
    ['api/users.ts', `export default async function handler(req: unknown, res: unknown) {\n${SECRET_CALL}}\n`],
    ['src/server/auth.js', `const express = require('express');\nasync function list() {\n${SECRET_CALL}}\n`],
    ['gulpfile.js', `gulp.task('users', async () => {\n${SECRET_CALL}});\n`],
    ['scripts/jsdom-seed.js', `global.window = new JSDOM('').window;\nasync function seed() {\n${SECRET_CALL}}\n`],
    ['auth0/post-login.js', `exports.onExecutePostLogin = async (event, api) => {\n${SECRET_CALL}};\n`],
    ['test/users.test.js', `it('lists users', async () => {\n${SECRET_CALL}});\n`],
    ['cypress/support/commands.js', `Cypress.Commands.add('users', async () => {\n${SECRET_CALL}});\n`],
    ['src/helpers.js', `import { expect } from 'chai';\nexpect(url).to.be('https://me.auth0.com/oauth/ro');\n`],
    [
      'src/lib/widget.js',
      `/*! widget v2.1.0 | (c) 2016 Example */\nlocalStorage.x = 1;\nasync function list() {\n${SECRET_CALL}}\n`,
    ],
  ])('%s: no finding', (file, text) => {
    expect(analyse('environment', { [file]: text }).report.findings).toEqual([]);
  });

  it('a Next.js page: its getServerSideProps is server code, its component browser code', () => {
    const findings = analyse('next-page', {
      'pages/admin.jsx': `import { useAuth0 } from '@auth0/auth0-react';
export default function Admin() {
  const { loginWithRedirect } = useAuth0();
  return <button onClick={() => loginWithRedirect({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:users' } })}>Log in</button>;
}
export async function getServerSideProps() {
${SECRET_CALL}  return { props: {} };
}
`,
    }).report.findings;
    expect(findings.map((finding) => `${finding.line} ${finding.ruleId}`)).toEqual([
      '4 auth0-tokens/no-any-user-scopes-in-browser',
    ]);
  });

  it('the same code with browser evidence is reported', () => {
    const findings = analyse('browser', {
      'src/admin.js': `localStorage.x = 1;\nasync function list() {\n${SECRET_CALL}}\n`,
    }).report.findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual([
      'auth0-tokens/no-management-secrets-in-browser',
      'auth0-tokens/no-management-secrets-in-browser',
      'auth0-tokens/no-backend-only-management-endpoints',
    ]);
  });

  const LIST_USERS =
    "export const listUsers = (token) => fetch('https://acme.auth0.com/api/v2/users', { headers: { Authorization: 'Bearer ' + token } });\n";
  const environmentOfCall = (analysis: ReturnType<typeof analyse>, file: string) =>
    analysis.report.managementCalls
      .filter((call) => call.file === file)
      .map((call) => `${call.environment}: ${call.environmentEvidence}`);

  it('a module with no evidence of its own runs where the modules that import it run', () => {
    const analysis = analyse('inherited', {
      'src/Admin.jsx':
        "import { listUsers } from './api/users';\nexport const Admin = ({ token }) => <button onClick={() => listUsers(token)}>List</button>;\n",
      'src/api/users.js': LIST_USERS,
    });
    expect(environmentOfCall(analysis, 'src/api/users.js')).toEqual([
      'browser: imported by src/Admin.jsx, which is browser code',
    ]);
    expect(analysis.report.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toContain(
      'src/api/users.js auth0-tokens/no-backend-only-management-endpoints',
    );
  });

  it('importers that disagree, or show no evidence either, leave a module unknown', () => {
    const disagreeing = analyse('disagreeing', {
      'src/Admin.jsx': "import { listUsers } from './users';\nexport const Admin = () => <p>{String(listUsers)}</p>;\n",
      'server/admin.js':
        "import express from 'express';\nimport { listUsers } from '../src/users';\nexpress().get('/users', () => listUsers(process.env.M2M_TOKEN));\n",
      'src/users.js': LIST_USERS,
    });
    expect(environmentOfCall(disagreeing, 'src/users.js')).toEqual(['unknown: null']);
    const silent = analyse('silent', {
      'src/index.js': "import { listUsers } from './users';\nlistUsers();\n",
      'src/users.js': LIST_USERS,
    });
    expect(environmentOfCall(silent, 'src/users.js')).toEqual(['unknown: null']);
    expect(
      silent.report.findings.filter(
        (finding) => finding.ruleId === 'auth0-tokens/no-backend-only-management-endpoints',
      ),
    ).toEqual([]);
  });

  it('an Auth0 Rule is analysed as server code, never a parse error', () => {
    const analysis = analyse('rule', {
      'rules/roles.js': `function (user, context, callback) {
  var ManagementClient = require('auth0@2.9.1').ManagementClient;
  var management = new ManagementClient({ token: auth0.accessToken, domain: auth0.domain });
  management.updateAppMetadata({ id: user.user_id }, { roles: ['admin'] }, function () { callback(null, user, context); });
}
`,
    });
    expect(analysis.report.errors).toEqual([]);
    expect(analysis.report.findings).toEqual([]);
  });

  it('a TypeScript import-equals require is analysed like any import', () => {
    const analysis = analyse('import-equals', {
      'login.ts': `import auth0 = require('auth0-js');
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3yC1ient', responseType: 'id_token' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, render);
});
export = webAuth;
`,
    });
    expect(analysis.report.errors).toEqual([]);
    expect(analysis.report.findings.map((finding) => finding.ruleId)).toContain(
      'auth0-tokens/no-id-token-for-management-api',
    );
  });
});
