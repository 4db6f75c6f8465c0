import * as espree from 'espree';
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';
import {
  cdnLock,
  ID_TOKEN_LOGIN,
  LINKING_LOCK,
  M2M_CLIENT_CREDENTIALS,
  M2M_FROM_BACKEND,
  needsManual,
  notJudged,
  TS_IMPORTS,
  tsLogin,
} from './shapes';

const MIGRATED_LOGIN =
  "responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user'";

/** A parseHash callback that reads the user with `token`, after a login with these options (and `before` above it). */
const profileAfter = (loginOptions: string, token = 'idToken', before = ''): string => `${before}
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', ${loginOptions} });
webAuth.parseHash(function (err, authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.${token} }).getUser(authResult.idTokenPayload.sub, function () {});
});`;

/** The report of a credential whose login cannot be made to carry the access token the call needs, and why. */
const loginBlocked = (reason: string, scopes = 'read:current_user') => ({
  messageId: 'idTokenLoginBlocked' as const,
  data: { source: 'authResult.idToken', reason, scopes, review: '' },
  line: 4,
  suggestions: [],
});

/** A Management client made in a `parseHash` callback, with no call in sight, after a login with these options. */
const clientWithoutCalls = (loginOptions: string, token: string): string => `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', ${loginOptions} });
webAuth.parseHash(function (err, authResult) {
  window.management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.${token} });
});`;

/** A Management call whose credential is a parameter nothing in the file fills. */
const UNTRACED = `
export function load(id, token) {
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + token } });
}`;
const untraced = { review: ' (needs manual review)' };

ruleTester.run('no-id-token-for-management-api', rule, {
  valid: [
    {
      name: 'a cached client-credentials token (a let cleared with null, a helper that returns null on failure) is traced as an access token',
      filename: as.ts,
      options: needsManual,
      code: `
let cache: { token: string; expiresAt: number } | null = null;
async function managementToken(): Promise<string | null> {
  if (cache && cache.expiresAt > Date.now()) return cache.token;
  const response = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials' }) });
  if (!response.ok) return null;
  const data = await response.json();
  cache = { token: data.access_token, expiresAt: Date.now() + 3600000 };
  return data.access_token;
}
export async function load(id: string) {
  const token = await managementToken();
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: \`Bearer \${token}\` } });
}`,
    },
    { name: 'untraced credential: needs-manual, so silent by default', filename: as.js, code: UNTRACED },
    {
      name: 'untraced credential in server code (imports express): not reported',
      filename: as.js,
      options: needsManual,
      code: `\nimport express from 'express';${UNTRACED}`,
    },
    {
      name: 'untraced credential in a Next.js API route: not reported',
      filename: 'pages/api/user.js',
      options: needsManual,
      code: UNTRACED,
    },
    {
      name: 'node-auth0 ManagementClient with client credentials: its token is a machine-to-machine one, not untraced',
      filename: as.js,
      options: needsManual,
      code: `
const management = new ManagementClient({ domain: 'acme.auth0.com', clientId: 'm2m', clientSecret: 'shh' });
export const load = (id) => management.users.get({ id });
export const block = (id) => management.users.update({ id }, { blocked: true });`,
    },
    {
      name: 'untraced credential of a backend-only endpoint: no-backend-only-management-endpoints reports it, not this rule',
      filename: as.js,
      options: needsManual,
      code: `
export function search(email, token) {
  return fetch('https://acme.auth0.com/api/v2/users?q=' + encodeURIComponent(email), { headers: { Authorization: 'Bearer ' + token } });
}`,
    },
    {
      name: "an Authorization of '${t.token_type} ${t.access_token}' sends an access token",
      filename: as.js,
      options: needsManual,
      code: `
export function load(id, t) {
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: \`\${t.token_type} \${t.access_token}\` } });
}`,
    },
    {
      name: 'a linking login that reassigns the shared lock variable: its ID token only goes into link_with',
      filename: as.js,
      options: needsManual,
      code: LINKING_LOCK,
    },
    {
      name: 'a machine-to-machine token read off the app backend is an access token',
      filename: as.js,
      options: needsManual,
      code: M2M_FROM_BACKEND,
    },
    {
      name: "a client-credentials response's access_token is an access token",
      filename: as.js,
      options: needsManual,
      code: M2M_CLIENT_CREDENTIALS,
    },
    ...notJudged(ID_TOKEN_LOGIN),
    ...notJudged(UNTRACED).map((entry) => ({
      ...entry,
      name: `untraced credential, ${entry.name}`,
      options: needsManual,
    })),
    {
      name: 'auth0.js Management with the access token',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.parseHash((err, authResult) => {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken });
  management.getUser(authResult.idTokenPayload.sub, () => {});
});`,
    },
    {
      name: "linkUser's second argument is the secondary account's ID token, which Auth0 requires",
      filename: as.ts,
      code: `
import { Management, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
const secondary = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });
export function link(primary: { accessToken: string; sub: string }) {
  secondary.popup.authorize({ connection: 'google-oauth2' }, (err, secondaryResult) => {
    const management = new Management({ domain: 'acme.auth0.com', token: primary.accessToken });
    management.linkUser(primary.sub, secondaryResult.idToken, () => {});
  });
}`,
    },
    {
      name: '`link_with` carries the secondary ID token; the header carries the access token',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.checkSession({}, (err, primary) => {
  webAuth.popup.authorize({ connection: 'github' }, (error, secondary) => {
    fetch('https://acme.auth0.com/api/v2/users/' + primary.idTokenPayload.sub + '/identities', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + primary.accessToken },
      body: JSON.stringify({ link_with: secondary.idToken }),
    });
  });
});`,
    },
    {
      name: 'machine-to-machine ManagementClient on a server',
      filename: as.js,
      code: `
const { ManagementClient } = require('auth0');
const management = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, clientId: process.env.AUTH0_CLIENT_ID, clientSecret: process.env.AUTH0_CLIENT_SECRET });
module.exports = (req, res) => management.users.get({ id: req.params.id }).then((user) => res.json(user));`,
    },
    {
      name: 'a key named id_token that the file fills with an access token holds an access token',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, authResult) => {
  localStorage.setItem('id_token', authResult.accessToken);
});
function profile() {
  return new auth0.Management({ domain: 'acme.auth0.com', token: localStorage.getItem('id_token') });
}`,
    },
    {
      name: 'a class field named idToken that holds an access token',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
export class Session {
  private idToken: string | null = null;
  constructor(private readonly webAuth: auth0.WebAuth) {}
  refresh() {
    this.webAuth.checkSession({}, (err, result) => { this.idToken = result.accessToken; });
  }
  logout() { this.idToken = null; }
  management() { return new auth0.Management({ domain: 'acme.auth0.com', token: this.idToken! }); }
}`,
    },
    {
      name: 'name-only evidence is not reported by default',
      filename: as.js,
      code: `
export function loadProfile(idToken, userId) {
  return new auth0.Management({ domain: 'acme.auth0.com', token: idToken }).getUser(userId, () => {});
}`,
    },
    {
      name: 'spa-js access token in a Bearer header',
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'read:current_user' } });
    return fetch(\`https://acme.auth0.com/api/v2/users/\${user!.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
    },
    {
      name: 'a Management class from another library',
      filename: as.ts,
      code: `
import { Management } from './cms-client';
declare const authResult: { idToken: string };
new Management({ domain: 'cms.example.com', token: authResult.idToken }).getUser('1');`,
    },
    {
      name: 'an ID token sent to a non-Auth0 API with the same path shape (Zendesk)',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, authResult) => {
  fetch('https://acme.zendesk.com/api/v2/users/' + authResult.idTokenPayload.sub + '.json', { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});`,
    },
    {
      name: "Lock 11's authenticated result, access token sent",
      filename: as.jsx,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/' } });
lock.on('authenticated', ({ accessToken, idTokenPayload }) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: accessToken }).getUser(idTokenPayload.sub, () => {});
});`,
    },
  ],
  invalid: [
    {
      name: 'an ID token stored and read back: the suggestion stores the access token beside it and reads that key',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
webAuth.parseHash((err, authResult) => {
  if (authResult) localStorage.setItem('id_token', authResult.idToken);
});
export const profile = (id) =>
  fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });
export const greeting = () => localStorage.getItem('id_token');
`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 7,
          suggestions: [
            {
              messageId: 'storeAccessToken',
              output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
webAuth.parseHash((err, authResult) => {
  if (authResult) { localStorage.setItem('id_token', authResult.idToken); localStorage.setItem('access_token', authResult.accessToken); }
});
export const profile = (id) =>
  fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });
export const greeting = () => localStorage.getItem('id_token');
`,
            },
          ],
        },
      ],
    },
    {
      name: 'CDN global auth0.js, parseHash result: switch to the same result’s access token',
      filename: as.js,
      code: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  management.getUser(authResult.idTokenPayload.sub, function () {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken });
  management.getUser(authResult.idTokenPayload.sub, function () {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'default import, checkSession result in TypeScript',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.checkSession({}, (err, authResult: auth0.Auth0DecodedHash) => {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken as string });
  management.patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, () => {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 5,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.checkSession({}, (err, authResult: auth0.Auth0DecodedHash) => {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken as string });
  management.patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'named imports with an alias, popup result in TSX',
      filename: as.tsx,
      code: `
import { Management as Mgmt, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
export const Login = () => (
  <button onClick={() => webAuth.popup.authorize({}, (err, result) => new Mgmt({ domain: 'acme.auth0.com', token: result.idToken! }).getUser(result.idTokenPayload.sub, () => {}))}>
    Log in
  </button>
);`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 5,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import { Management as Mgmt, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
export const Login = () => (
  <button onClick={() => webAuth.popup.authorize({}, (err, result) => new Mgmt({ domain: 'acme.auth0.com', token: result.accessToken! }).getUser(result.idTokenPayload.sub, () => {}))}>
    Log in
  </button>
);`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import; renewAuth result in a computed member keeps its quotes',
      filename: as.ts,
      code: `
import * as auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.renewAuth({}, (err, result) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: result["idToken"] }).getUser('me', () => {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import * as auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.renewAuth({}, (err, result) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: result["accessToken"] }).getUser('me', () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'require with destructuring; the token reaches the client through a parameter',
      filename: as.js,
      code: `
const { Management, WebAuth } = require('auth0-js');
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
function showProfile(token, userId) {
  new Management({ domain: 'acme.auth0.com', token }).getUser(userId, render);
}
webAuth.parseHash((err, authResult) => showProfile(authResult.idToken, authResult.idTokenPayload.sub));`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 5,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
const { Management, WebAuth } = require('auth0-js');
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
function showProfile(token, userId) {
  new Management({ domain: 'acme.auth0.com', token }).getUser(userId, render);
}
webAuth.parseHash((err, authResult) => showProfile(authResult.accessToken, authResult.idTokenPayload.sub));`,
            },
          ],
        },
      ],
    },
    {
      name: 'inline require and an alias of the constructor',
      filename: as.js,
      code: `
const Mgmt = require('auth0-js').Management;
const webAuth = new (require('auth0-js').WebAuth)({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, { idToken, accessToken }) => {
  new Mgmt({ domain: 'acme.auth0.com', token: idToken }).getUser('me', () => {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
const Mgmt = require('auth0-js').Management;
const webAuth = new (require('auth0-js').WebAuth)({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, { idToken, accessToken }) => {
  new Mgmt({ domain: 'acme.auth0.com', token: accessToken }).getUser('me', () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: "no switch when the login's access token is for another API (one audience per token)",
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://api.acme.example/' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [{ messageId: 'idTokenCredential', line: 4, suggestions: [] }],
    },
    {
      name: 'no switch for a client with no call in sight while the login in the file asks for no Management audience',
      filename: as.js,
      code: clientWithoutCalls("responseType: 'id_token'", 'idToken'),
      errors: [{ messageId: 'idTokenCredential', line: 4, suggestions: [] }],
    },
    {
      name: 'a client with no call in sight, from a login that already asks for the Management API: switch',
      filename: as.js,
      code: clientWithoutCalls(MIGRATED_LOGIN, 'idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [{ messageId: 'useAccessToken', output: clientWithoutCalls(MIGRATED_LOGIN, 'accessToken') }],
        },
      ],
    },
    {
      name: 'no switch while the scope holds an escaped line break the scope edit would change: the call says why',
      filename: as.js,
      code: profileAfter(String.raw`responseType: 'id_token', scope: 'openid\nprofile'`),
      errors: [
        loginBlocked(
          String.raw`the login's scope cannot be extended here: 'openid\nprofile' is written with escapes an edit would change`,
        ),
      ],
    },
    {
      name: 'an escaped space the scope edit keeps: the login can be fixed, so the switch is offered',
      filename: as.js,
      code: profileAfter(String.raw`responseType: 'id_token', scope: 'openid\x20profile'`),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: profileAfter(String.raw`responseType: 'id_token', scope: 'openid\x20profile'`, 'accessToken'),
            },
          ],
        },
      ],
    },
    {
      name: 'a scope written with escapes that already holds read:current_user needs no edit: switch',
      filename: as.js,
      code: profileAfter(
        String.raw`responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid\nread:current_user'`,
      ),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: profileAfter(
                String.raw`responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid\nread:current_user'`,
                'accessToken',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no switch while the scope is a constant of another module',
      filename: as.js,
      code: profileAfter(
        "responseType: 'id_token', scope: AUTH0_SCOPE",
        'idToken',
        "import { AUTH0_SCOPE } from './config';",
      ),
      errors: [loginBlocked("the login's scope cannot be extended here: AUTH0_SCOPE is computed at run time")],
    },
    {
      name: 'no switch while a helper computes the scope',
      filename: as.js,
      code: profileAfter(
        "responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: scopesFor('profile')",
      ),
      errors: [loginBlocked("the login's scope cannot be extended here: scopesFor('profile') is computed at run time")],
    },
    {
      name: 'no switch while options built with a spread may hold any scope',
      filename: as.js,
      code: profileAfter("...settings, responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/'"),
      errors: [loginBlocked("the login's scope cannot be extended here: its options are built dynamically")],
    },
    {
      name: 'no switch while the response type is computed',
      filename: as.js,
      code: profileAfter("responseType: settings.responseType, scope: 'openid read:current_user'"),
      errors: [
        loginBlocked(
          "the login's response type cannot include 'token' here: settings.responseType is computed at run time",
        ),
      ],
    },
    {
      name: 'no switch for a code flow, whose tokens a backend gets: the response-type rule never touches it',
      filename: as.js,
      code: profileAfter(
        "responseType: 'code', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user'",
      ),
      errors: [
        loginBlocked("the login's response type cannot include 'token' here: 'code' is exchanged for tokens elsewhere"),
      ],
    },
    {
      name: 'no switch for a call whose scope the catalog does not know',
      filename: as.js,
      code: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', ${MIGRATED_LOGIN} });
webAuth.parseHash(function (err, authResult) {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub + '/widgets', { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});`,
      errors: [
        loginBlocked(
          'the scope that GET /api/v2/users/{}/widgets needs is not known',
          'the current_user scopes the calls need',
        ),
      ],
    },
    {
      name: 'no switch when every call needs a backend token anyway (root attributes)',
      filename: as.ts,
      code: `
import { Management, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, authResult) => {
  const management = new Management({ domain: 'acme.auth0.com', token: authResult!.idToken! });
  management.patchUserAttributes(authResult!.idTokenPayload.sub, { name: 'Ada', picture: 'https://example.com/a.png' }, () => {});
});`,
      errors: [{ messageId: 'idTokenCredential', line: 5, suggestions: [] }],
    },
    {
      name: 'class: client in a field, token in a field set from the result (no exact switch: the field is shared)',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
export class Auth {
  private webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
  private idToken?: string;
  private management?: auth0.Management;
  handle() {
    this.webAuth.parseHash((err, authResult) => {
      this.idToken = authResult!.idToken!;
      this.management = new auth0.Management({ domain: 'acme.auth0.com', token: this.idToken });
    });
  }
  logout() { this.idToken = undefined; }
}`,
      errors: [{ messageId: 'idTokenCredential', line: 10, suggestions: [] }],
    },
    {
      name: 'class getter that builds the client from a getter that reads storage',
      filename: as.ts,
      code: `
import { Management } from 'auth0-js';
export class ProfileService {
  get token(): string { return localStorage.getItem('id_token')!; }
  get management(): Management { return new Management({ domain: 'acme.auth0.com', token: this.token }); }
  load(id: string) { this.management.getUser(id, () => {}); }
}`,
      errors: [{ messageId: 'idTokenFromStorage', line: 5, suggestions: [] }],
    },
    {
      name: "Lock 11's authenticated event: switch to the result's access token",
      filename: as.jsx,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.on('authenticated', (authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.on('authenticated', (authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a callback passed by reference to the authenticated event',
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.on('authenticated', onAuthenticated);
function onAuthenticated(authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser('me', function () {});
}`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.on('authenticated', onAuthenticated);
function onAuthenticated(authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser('me', function () {});
}`,
            },
          ],
        },
      ],
    },
    {
      name: "Lock 9's positional callback: the third argument is the ID token, whatever its name",
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.show(function (err, profile, token) {
  new auth0.Management({ domain: 'acme.auth0.com', token: token }).getUser(profile.user_id, function () {});
});`,
      errors: [{ messageId: 'idTokenCredential', line: 4, suggestions: [] }],
    },
    {
      name: 'auth0.js v6/v7 synchronous parseHash result in snake_case',
      filename: as.js,
      code: `
var auth0 = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href });
var hash = auth0.parseHash(window.location.hash);
fetch('https://acme.auth0.com/api/v2/users/' + hash.profile.user_id, { headers: { Authorization: 'Bearer ' + hash.id_token } });`,
      errors: [{ messageId: 'idTokenCredential', line: 4, suggestions: [] }],
    },
    {
      name: 'storage written from the ID token, next to the access token: switch the key',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: "acme.auth0.com", clientID: "abc" });
webAuth.parseHash((err, authResult) => {
  localStorage.setItem("id_token", authResult.idToken);
  localStorage.setItem("access_token", authResult.accessToken);
});
export const loadProfile = (userId) =>
  fetch(\`https://acme.auth0.com/api/v2/users/\${userId}\`, { headers: { Authorization: \`Bearer \${localStorage.getItem("id_token")}\` } });`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 8,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
const webAuth = new auth0.WebAuth({ domain: "acme.auth0.com", clientID: "abc" });
webAuth.parseHash((err, authResult) => {
  localStorage.setItem("id_token", authResult.idToken);
  localStorage.setItem("access_token", authResult.accessToken);
});
export const loadProfile = (userId) =>
  fetch(\`https://acme.auth0.com/api/v2/users/\${userId}\`, { headers: { Authorization: \`Bearer \${localStorage.getItem("access_token")}\` } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'storage keys whose names say id token (AngularJS $window.localStorage, store.js, sessionStorage)',
      filename: as.js,
      code: `
angular.module('app').controller('ProfileCtrl', function ($window, store) {
  new auth0.Management({ domain: 'acme.auth0.com', token: $window.localStorage.getItem('id_token') });
  new auth0.Management({ domain: 'acme.auth0.com', token: store.get('idToken') });
  new auth0.Management({ domain: 'acme.auth0.com', token: sessionStorage.ID_TOKEN });
});`,
      errors: [
        { messageId: 'idTokenFromStorage', line: 3, suggestions: [] },
        { messageId: 'idTokenFromStorage', line: 4, suggestions: [] },
        { messageId: 'idTokenFromStorage', line: 5, suggestions: [] },
      ],
    },
    {
      name: 'a helper function that returns the stored token',
      filename: as.js,
      code: `
function getToken() {
  return localStorage.getItem('idToken');
}
new auth0.Management({ domain: 'acme.auth0.com', token: getToken() }).getUser('me', () => {});`,
      errors: [{ messageId: 'idTokenFromStorage', line: 5, suggestions: [] }],
    },
    {
      name: 'spa-js getIdTokenClaims().__raw in a Bearer header (no access token in that result)',
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile() {
  const { getIdTokenClaims, user } = useAuth0();
  const load = async () => {
    const claims = await getIdTokenClaims();
    await fetch(\`https://acme.auth0.com/api/v2/users/\${user!.sub}\`, { headers: { Authorization: \`Bearer \${claims!.__raw}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
      errors: [{ messageId: 'idTokenCredential', line: 7, suggestions: [] }],
    },
    {
      name: 'promise callbacks carry the token: getIdTokenClaims().then(...)',
      filename: as.js,
      code: `
auth0Client.getIdTokenClaims().then((claims) => claims.__raw).then((token) => {
  return fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: 'Bearer ' + token } });
});`,
      errors: [{ messageId: 'idTokenCredential', line: 3, suggestions: [] }],
    },
    {
      name: 'auth0-angular idTokenClaims$ through RxJS operators that keep the value',
      filename: as.ts,
      code: `
import { AuthService } from '@auth0/auth0-angular';
import { switchMap, take } from 'rxjs';
export class ProfileComponent {
  constructor(private auth: AuthService) {}
  load(id: string) {
    return this.auth.idTokenClaims$.pipe(take(1), switchMap((claims) => fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + claims?.__raw } })));
  }
}`,
      errors: [{ messageId: 'idTokenCredential', line: 7, suggestions: [] }],
    },
    {
      name: 'spa-js detailedResponse result: switch to its access_token',
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
export async function load(id: string) {
  const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
  const result = await client.getTokenSilently({ detailedResponse: true });
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + result.id_token } });
}`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
export async function load(id: string) {
  const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
  const result = await client.getTokenSilently({ detailedResponse: true });
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + result.access_token } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a let assigned the ID token and cleared on logout',
      filename: as.js,
      code: `
let idToken = null;
webAuth.parseHash((err, authResult) => { idToken = authResult.idToken; });
function logout() { idToken = null; }
function profile() { return new auth0.Management({ domain: 'acme.auth0.com', token: idToken }); }`,
      errors: [{ messageId: 'idTokenCredential', line: 5, suggestions: [] }],
    },
    {
      name: 'name-only evidence is reported as needs manual review when asked',
      filename: as.js,
      options: needsManual,
      code: `
export function loadProfile(idToken, userId) {
  return new auth0.Management({ domain: 'acme.auth0.com', token: idToken }).getUser(userId, () => {});
}`,
      errors: [{ messageId: 'idTokenCredential', line: 3, suggestions: [] }],
    },
    {
      name: 'node-auth0 with a user ID token on a server gets the server message',
      filename: as.js,
      code: `
const { ManagementClient } = require('auth0');
module.exports = function link(req, res) {
  const management = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, token: req.session.id_token });
  return management.linkUsers(req.user.id, { link_with: req.body.secondaryIdToken });
};`,
      errors: [{ messageId: 'idTokenCredentialServer', line: 4, suggestions: [] }],
    },
    {
      name: 'passport extraParams.id_token with node-auth0 v4 (auth0/legacy) on a server',
      filename: as.ts,
      code: `
import { ManagementClient } from 'auth0/legacy';
import { Strategy } from 'passport-auth0';
export const strategy = new Strategy({ domain: 'acme.auth0.com', clientID: 'abc', clientSecret: process.env.SECRET!, callbackURL: '/cb' }, (accessToken, refreshToken, extraParams, profile, done) => {
  const management = new ManagementClient({ domain: 'acme.auth0.com', token: extraParams.id_token });
  management.users.getEnrollments({ id: profile.id }).then(() => done(null, profile));
});`,
      errors: [{ messageId: 'idTokenCredentialServer', line: 5, suggestions: [] }],
    },
    {
      name: 'node-auth0 v3 token supplier function',
      filename: as.ts,
      code: `
import { ManagementClient } from 'auth0';
export const management = new ManagementClient({ domain: 'acme.auth0.com', token: () => session.id_token });
management.users.identities.link('auth0|1', { link_with: 'x' });`,
      errors: [{ messageId: 'idTokenCredentialServer', line: 3, suggestions: [] }],
    },
    {
      name: 'react-native-auth0 users(idToken)',
      filename: as.tsx,
      code: `
import Auth0 from 'react-native-auth0';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function saveTheme(theme: string) {
  const credentials = await auth0.webAuth.authorize({ scope: 'openid profile' });
  await auth0.users(credentials.idToken).patchUser({ id: 'me', metadata: { theme } });
}`,
      errors: [{ messageId: 'idTokenCredential', line: 6, suggestions: [] }],
    },
    {
      name: 'a client from a factory function: the call site argument is switched',
      filename: as.js,
      code: `
import { Management, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
const managementFor = (token) => new Management({ domain: 'acme.auth0.com', token });
webAuth.checkSession({}, (err, result) => managementFor(result.idToken).getUser(result.idTokenPayload.sub, () => {}));`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
import { Management, WebAuth } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
const managementFor = (token) => new Management({ domain: 'acme.auth0.com', token });
webAuth.checkSession({}, (err, result) => managementFor(result.accessToken).getUser(result.idTokenPayload.sub, () => {}));`,
            },
          ],
        },
      ],
    },
    {
      name: 'espree: the same shape from a plain JavaScript parser',
      filename: as.js,
      languageOptions: { parser: espree, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult?.idToken }).getUser('me', () => {});
});`,
      errors: [
        {
          messageId: 'idTokenCredential',
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult?.accessToken }).getUser('me', () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Management call whose credential cannot be traced is needs-manual (untracedCredential)',
      filename: as.js,
      options: needsManual,
      code: UNTRACED,
      errors: [
        {
          messageId: 'untracedCredential',
          line: 3,
          data: { call: 'GET /api/v2/users/{id}', ...untraced },
          suggestions: [],
        },
      ],
    },
    {
      name: 'untraced credential of a PATCH through axios (TS)',
      filename: as.ts,
      options: needsManual,
      code: `
import axios from 'axios';
export const save = (id: string, theme: string, token: string) =>
  axios.patch('https://acme.auth0.com/api/v2/users/' + id, { user_metadata: { theme } }, { headers: { Authorization: 'Bearer ' + token } });`,
      errors: [
        {
          messageId: 'untracedCredential',
          line: 4,
          data: { call: 'PATCH /api/v2/users/{id}', ...untraced },
          suggestions: [],
        },
      ],
    },
    {
      name: 'untraced credential of an auth0.js Management client',
      filename: as.jsx,
      options: needsManual,
      code: `
export function load(id, token) {
  return new auth0.Management({ domain: 'acme.auth0.com', token }).getUser(id, () => {});
}`,
      errors: [
        {
          messageId: 'untracedCredential',
          line: 3,
          data: { call: 'GET /api/v2/users/{id}', ...untraced },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Lock without options (CDN): switch to the access token of the authenticated result',
      filename: as.js,
      code: cdnLock('', 'idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          data: { source: 'authResult.idToken', review: '' },
          suggestions: [{ messageId: 'useAccessToken', output: cdnLock('', 'accessToken') }],
        },
      ],
    },
    {
      name: 'Lock without options shown with options and a callback is Lock 9: no access token to switch to',
      filename: as.js,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com');
lock.show({ authParams: { scope: 'openid' } }, function (err, profile, id_token) {
  new auth0.Management({ domain: 'acme.auth0.com', token: id_token }).getUser(profile.user_id, function () {});
});`,
      errors: [{ messageId: 'idTokenCredential', line: 4, data: { source: 'id_token', review: '' }, suggestions: [] }],
    },
    ...TS_IMPORTS.map(([how, imports, management]) => ({
      name: `auth0.js in TypeScript through ${how}`,
      filename: as.ts,
      code: tsLogin(imports, management),
      errors: [
        {
          messageId: 'idTokenCredential' as const,
          line: imports.split('\n').length + 4,
          data: { source: 'authResult!.idToken', review: '' },
          suggestions: [
            { messageId: 'useAccessToken' as const, output: tsLogin(imports, management, { token: 'accessToken' }) },
          ],
        },
      ],
    })),
    {
      name: 'the ID-token login of the not-judged cases is reported in application code',
      filename: 'src/profile.js',
      code: ID_TOKEN_LOGIN,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          data: { source: 'authResult.idToken', review: '' },
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: ID_TOKEN_LOGIN.replace('token: authResult.idToken', 'token: authResult.accessToken'),
            },
          ],
        },
      ],
    },
  ],
});
