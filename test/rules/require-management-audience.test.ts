import rule from '../../rules/require-management-audience';
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

const AUDIENCE = ", audience: 'https://acme.auth0.com/api/v2/'";

ruleTester.run('require-management-audience', rule, {
  valid: [
    {
      name: 'a linking login that reassigns the shared lock variable neither needs nor changes the audience',
      filename: as.js,
      options: needsManual,
      code: LINKING_LOCK,
    },
    {
      name: 'a machine-to-machine token read off the app backend is no login’s: the ID-token login needs no audience',
      filename: as.js,
      options: needsManual,
      code: M2M_FROM_BACKEND,
    },
    {
      name: "a client-credentials response's access_token is no login's either",
      filename: as.js,
      options: needsManual,
      code: M2M_CLIENT_CREDENTIALS,
    },
    {
      name: 'Lock 9 shown with a callback is needs-manual, so silent by default',
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.show(function (err, profile, idToken) {
  new auth0.Management({ domain: 'acme.auth0.com', token: idToken }).getUser(profile.user_id, function () {});
});`,
    },
    ...notJudged(ID_TOKEN_LOGIN),
    {
      name: 'auth0.js: the api/v2 audience as a literal',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
    },
    {
      name: 'auth0.js: the api/v2 audience as a template over the domain',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
const domain = process.env.AUTH0_DOMAIN!;
export const webAuth = new WebAuth({ domain, clientID: 'abc', responseType: 'token id_token', audience: \`https://\${domain}/api/v2/\`, scope: 'openid read:current_user' });`,
    },
    {
      name: 'a login whose tokens never reach the Management API needs no audience',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid profile' });
webAuth.parseHash((err, authResult) => localStorage.setItem('profile', JSON.stringify(authResult.idTokenPayload)));`,
    },
    {
      name: "secondary login: a second client whose ID token only goes into linkUser's second argument",
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid update:current_user_identities' });
const secondary = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash((err, primary) => {
  secondary.popup.authorize({ connection: 'github' }, (error, other) => {
    const management = new auth0.Management({ domain: 'acme.auth0.com', token: primary.accessToken });
    management.linkUser(primary.idTokenPayload.sub, other.idToken, () => {});
  });
});`,
    },
    {
      name: 'secondary login with spa-js: the ID token of a second client only goes into link_with',
      filename: as.js,
      code: `
import createAuth0Client from '@auth0/auth0-spa-js';
const primary = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid update:current_user_identities' });
const secondary = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc' });
export async function link() {
  await secondary.loginWithPopup({ max_age: 0, scope: 'openid' });
  const { __raw: targetIdToken } = await secondary.getIdTokenClaims();
  const { sub } = await primary.getUser();
  const accessToken = await primary.getTokenSilently();
  await fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${accessToken}\` },
    body: JSON.stringify({ link_with: targetIdToken }),
  });
}`,
    },
    {
      name: 'the app keeps its own API audience and gets the Management token with checkSession',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const domain = 'acme.auth0.com';
const webAuth = new auth0.WebAuth({ domain, clientID: 'abc', responseType: 'token id_token', audience: 'https://api.acme.com', scope: 'openid profile' });
webAuth.checkSession({ audience: \`https://\${domain}/api/v2/\`, scope: 'read:current_user', responseType: 'token' }, (err, result) => {
  new auth0.Management({ domain, token: result.accessToken }).getUser(result.idTokenPayload.sub, () => {});
});`,
    },
    {
      name: 'the app keeps its own API audience and gets the Management token with getTokenSilently (spa-js v2)',
      filename: as.ts,
      code: `
import { Auth0Client } from '@auth0/auth0-spa-js';
const domain = 'acme.auth0.com';
const client = new Auth0Client({ domain, clientId: 'abc', authorizationParams: { audience: 'https://api.acme.com' } });
export async function profile(sub: string) {
  const token = await client.getTokenSilently({ authorizationParams: { audience: \`https://\${domain}/api/v2/\`, scope: 'read:current_user' } });
  return fetch(\`https://\${domain}/api/v2/users/\${sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
}`,
    },
    {
      name: 'Lock 11 with auth.audience',
      filename: as.js,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', params: { scope: 'openid read:current_user' } } });`,
    },
    {
      name: 'auth0-react v2 with authorizationParams.audience',
      filename: as.tsx,
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
export const Root = ({ domain }: { domain: string }) => (
  <Auth0Provider domain={domain} clientId="abc" authorizationParams={{ audience: \`https://\${domain}/api/v2/\`, scope: 'openid read:current_user' }}>
    <main />
  </Auth0Provider>
);`,
    },
    {
      name: 'a per-call getAccessTokenSilently without audience inherits the provider audience (configured elsewhere)',
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function useProfile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return async () => fetch(\`https://acme.auth0.com/api/v2/users/\${user!.sub}\`, { headers: { Authorization: \`Bearer \${await getAccessTokenSilently({ scope: 'read:current_user' })}\` } });
}`,
    },
    {
      name: "other OpenID providers' /authorize URLs and Zendesk's /api/v2 are not Auth0",
      filename: as.js,
      code: `
const azure = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?response_type=id_token&scope=openid&client_id=abc';
const twitch = \`https://id.twitch.tv/oauth2/authorize?response_type=id_token&client_id=\${clientId}&scope=openid\`;
const own = '/authorize?response_type=id_token&scope=openid';
fetch('https://acme.zendesk.com/api/v2/users/' + id + '.json', { headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });`,
    },
    {
      name: 'a client-credentials grant on a server is not a password grant',
      filename: as.js,
      code: `
const axios = require('axios');
module.exports = () => axios.post('https://acme.auth0.com/oauth/token', { grant_type: 'client_credentials', client_id: 'abc', client_secret: process.env.SECRET });`,
    },
    {
      name: 'an auth0.js v7 client is needs-manual, so silent by default',
      filename: as.js,
      code: `
var auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href, scope: 'openid read:current_user' });`,
    },
  ],
  invalid: [
    {
      name: 'auth0.js default import: a literal audience after the last property, trailing comma kept',
      filename: as.js,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'abc',
  responseType: 'token id_token',
});
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 3,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'abc',
  responseType: 'token id_token',
  audience: 'https://acme.auth0.com/api/v2/',
});
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0.js namespace import in TS: a template literal over the domain variable, double quotes followed',
      filename: as.ts,
      code: `
import * as auth0 from "auth0-js";
const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN as string;
export const webAuth = new auth0.WebAuth({
  domain: AUTH0_DOMAIN,
  clientID: "abc",
  scope: "openid read:current_user" // what the profile page needs
});`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import * as auth0 from "auth0-js";
const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN as string;
export const webAuth = new auth0.WebAuth({
  domain: AUTH0_DOMAIN,
  clientID: "abc",
  scope: "openid read:current_user", // what the profile page needs
  audience: \`https://\${AUTH0_DOMAIN}/api/v2/\`
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0.js named import with an alias, domain from a config object',
      filename: as.ts,
      code: `
import { WebAuth as Auth } from 'auth0-js';
import { config } from './config';
const auth = new Auth({ domain: config.auth0.domain, clientID: config.auth0.clientId, scope: 'openid update:current_user_metadata' });`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { WebAuth as Auth } from 'auth0-js';
import { config } from './config';
const auth = new Auth({ domain: config.auth0.domain, clientID: config.auth0.clientId, scope: 'openid update:current_user_metadata', audience: \`https://\${config.auth0.domain}/api/v2/\` });`,
            },
          ],
        },
      ],
    },
    {
      name: "auth0.js through require, destructuring and require('auth0-js').WebAuth",
      filename: as.js,
      code: `
const { WebAuth } = require('auth0-js');
const a = new WebAuth({ domain: 'a.auth0.com', clientID: 'x', scope: 'read:current_user' });
const b = new (require('auth0-js').WebAuth)({ domain: 'b.auth0.com', clientID: 'x', scope: 'read:current_user' });
const sdk = require('auth0-js');
const c = new sdk.WebAuth({ domain: 'c.auth0.com', clientID: 'x', audience: 'https://c.auth0.com/api/v2/', scope: 'read:current_user' });`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 3,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
const { WebAuth } = require('auth0-js');
const a = new WebAuth({ domain: 'a.auth0.com', clientID: 'x', scope: 'read:current_user', audience: 'https://a.auth0.com/api/v2/' });
const b = new (require('auth0-js').WebAuth)({ domain: 'b.auth0.com', clientID: 'x', scope: 'read:current_user' });
const sdk = require('auth0-js');
const c = new sdk.WebAuth({ domain: 'c.auth0.com', clientID: 'x', audience: 'https://c.auth0.com/api/v2/', scope: 'read:current_user' });`,
            },
          ],
        },
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
const { WebAuth } = require('auth0-js');
const a = new WebAuth({ domain: 'a.auth0.com', clientID: 'x', scope: 'read:current_user' });
const b = new (require('auth0-js').WebAuth)({ domain: 'b.auth0.com', clientID: 'x', scope: 'read:current_user', audience: 'https://b.auth0.com/api/v2/' });
const sdk = require('auth0-js');
const c = new sdk.WebAuth({ domain: 'c.auth0.com', clientID: 'x', audience: 'https://c.auth0.com/api/v2/', scope: 'read:current_user' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0.js CDN global; the token comes back through storage written from the login result',
      filename: as.js,
      code: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', scope: 'openid' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('access_token', authResult.accessToken);
});
function profile(id) {
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', scope: 'openid', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('access_token', authResult.accessToken);
});
function profile(id) {
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a per-call renewAuth asking for another audience while its token calls the Management API',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.renewAuth({ audience: 'https://api.acme.com', scope: 'openid' }, (err, result) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: result.accessToken }).getUser(result.idTokenPayload.sub, () => {});
});`,
      errors: [
        {
          messageId: 'otherAudience',
          line: 3,
          data: {
            audience: 'https://api.acme.com',
            expected: 'https://acme.auth0.com/api/v2/',
            route:
              "checkSession({ audience: 'https://acme.auth0.com/api/v2/', scope: 'read:current_user', responseType: 'token' }, callback)",
            review: '',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a custom audience with current_user scopes: report the second-token route, no edit',
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
const domain = 'acme.auth0.com';
export const client = await createAuth0Client({ domain, clientId: 'abc', authorizationParams: { audience: 'https://api.acme.com', scope: 'openid read:current_user' } });`,
      errors: [
        {
          messageId: 'otherAudience',
          data: {
            audience: 'https://api.acme.com',
            expected: 'https://${domain}/api/v2/',
            route:
              "getTokenSilently({ authorizationParams: { audience: 'https://${domain}/api/v2/', scope: '<current_user scopes>' } })",
            review: '',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'several audiences: the Management API accepts exactly one',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: ['https://acme.auth0.com/api/v2/', 'https://api.acme.com'], scope: 'read:current_user' });`,
      errors: [{ messageId: 'severalAudiences', suggestions: [] }],
    },
    {
      name: 'the api/v2 audience of another host: a custom domain or another tenant, only a person can tell',
      filename: as.js,
      options: needsManual,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'login.acme.com', clientID: 'abc', audience: 'https://acme.eu.auth0.com/api/v2/', scope: 'read:current_user' });`,
      errors: [
        {
          messageId: 'otherAudience',
          data: {
            audience: 'https://acme.eu.auth0.com/api/v2/',
            expected: 'https://login.acme.com/api/v2/',
            route:
              "checkSession({ audience: 'https://login.acme.com/api/v2/', scope: '<current_user scopes>', responseType: 'token' }, callback)",
            review: ' (needs manual review)',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'options spread from elsewhere may hold the audience: needs manual review',
      filename: as.js,
      options: needsManual,
      code: `
const webAuth = new auth0.WebAuth({ ...settings, scope: 'openid read:current_user' });`,
      errors: [{ messageId: 'dynamicOptions' }],
    },
    {
      name: 'auth0.js v7 cannot request an audience: needs manual review',
      filename: as.js,
      options: needsManual,
      code: `
var auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href, scope: 'openid read:current_user' });`,
      errors: [
        { messageId: 'sdkCannotRequestAudience', data: { sdk: 'auth0.js-v7', review: ' (needs manual review)' } },
      ],
    },
    {
      name: 'Lock 11: audience goes under auth',
      filename: as.js,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', {
  auth: {
    responseType: 'token id_token',
  },
});
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
});`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 3,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', {
  auth: {
    responseType: 'token id_token',
    audience: 'https://acme.auth0.com/api/v2/',
  },
});
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lock CDN global without auth options: the auth object is added, domain is the second argument',
      filename: as.js,
      code: `
var lock = new Auth0Lock(CLIENT_ID, AUTH0_DOMAIN, { theme: { logo: 'logo.png' } });
lock.on('authenticated', function (authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
function save(metadata) {
  return fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + localStorage.getItem('user_id'), {
    method: 'PATCH',
    headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') },
    body: JSON.stringify({ user_metadata: metadata }),
  });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
var lock = new Auth0Lock(CLIENT_ID, AUTH0_DOMAIN, { theme: { logo: 'logo.png' }, auth: { audience: \`https://\${AUTH0_DOMAIN}/api/v2/\` } });
lock.on('authenticated', function (authResult) {
  localStorage.setItem('id_token', authResult.idToken);
});
function save(metadata) {
  return fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + localStorage.getItem('user_id'), {
    method: 'PATCH',
    headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') },
    body: JSON.stringify({ user_metadata: metadata }),
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Auth0LockPasswordless (Lock 11 named export)',
      filename: as.ts,
      code: `
import { Auth0LockPasswordless } from 'auth0-lock';
export const lock = new Auth0LockPasswordless('abc', 'acme.auth0.com', { auth: { params: { scope: 'openid read:current_user' } } });`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0LockPasswordless } from 'auth0-lock';
export const lock = new Auth0LockPasswordless('abc', 'acme.auth0.com', { auth: { params: { scope: 'openid read:current_user' }, audience: 'https://acme.auth0.com/api/v2/' } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lock 9 (authParams/callbackURL) cannot request an audience',
      filename: as.js,
      options: needsManual,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com', { authParams: { scope: 'openid read:current_user' }, callbackURL: 'https://app.acme.com' });`,
      errors: [{ messageId: 'sdkCannotRequestAudience', data: { sdk: 'lock-9', review: ' (needs manual review)' } }],
    },
    {
      name: 'Lock 10 with oidcConformant: false throws on auth.audience',
      filename: as.js,
      options: needsManual,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com', { oidcConformant: false, auth: { params: { scope: 'openid read:current_user' } } });`,
      errors: [{ messageId: 'sdkCannotRequestAudience', data: { sdk: 'lock', review: ' (needs manual review)' } }],
    },
    {
      name: 'spa-js v1 default export: top-level audience',
      filename: as.js,
      code: `
import createAuth0Client from '@auth0/auth0-spa-js';
const config = { domain: 'acme.auth0.com', client_id: 'abc' };
let auth0;
async function init() {
  auth0 = await createAuth0Client({ domain: config.domain, client_id: config.client_id });
}
async function profile() {
  const user = await auth0.getUser();
  const token = await auth0.getTokenSilently();
  return fetch(\`https://\${config.domain}/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 6,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import createAuth0Client from '@auth0/auth0-spa-js';
const config = { domain: 'acme.auth0.com', client_id: 'abc' };
let auth0;
async function init() {
  auth0 = await createAuth0Client({ domain: config.domain, client_id: config.client_id, audience: \`https://\${config.domain}/api/v2/\` });
}
async function profile() {
  const user = await auth0.getUser();
  const token = await auth0.getTokenSilently();
  return fetch(\`https://\${config.domain}/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'spa-js v2 Auth0Client: into the existing authorizationParams',
      filename: as.ts,
      code: `
import { Auth0Client } from '@auth0/auth0-spa-js';
export const client = new Auth0Client({
  domain: 'acme.auth0.com',
  clientId: 'abc',
  authorizationParams: {
    redirect_uri: window.location.origin,
    scope: 'openid read:current_user',
  },
});`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0Client } from '@auth0/auth0-spa-js';
export const client = new Auth0Client({
  domain: 'acme.auth0.com',
  clientId: 'abc',
  authorizationParams: {
    redirect_uri: window.location.origin,
    scope: 'openid read:current_user',
    audience: 'https://acme.auth0.com/api/v2/',
  },
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'spa-js v2 createAuth0Client without authorizationParams: the object is added',
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function profile(sub: string) {
  const token = await client.getTokenSilently();
  return fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + token } });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { audience: 'https://acme.auth0.com/api/v2/' } });
export async function profile(sub: string) {
  const token = await client.getTokenSilently();
  return fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + token } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v1 (JSX): a new attribute on its own line, like the others',
      filename: as.jsx,
      code: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export function App() {
  return (
    <Auth0Provider
      domain="acme.auth0.com"
      clientId="abc"
      redirectUri={window.location.origin}
    >
      <Profile />
    </Auth0Provider>
  );
}
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently();
    await fetch(\`https://acme.auth0.com/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 5,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export function App() {
  return (
    <Auth0Provider
      domain="acme.auth0.com"
      clientId="abc"
      redirectUri={window.location.origin}
      audience="https://acme.auth0.com/api/v2/"
    >
      <Profile />
    </Auth0Provider>
  );
}
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently();
    await fetch(\`https://acme.auth0.com/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v1 (TSX): a domain expression gives an expression attribute',
      filename: as.tsx,
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
const domain = import.meta.env.VITE_AUTH0_DOMAIN;
export const Root = () => <Auth0Provider domain={domain} clientId="abc" scope="openid read:current_user"><main /></Auth0Provider>;`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0Provider } from '@auth0/auth0-react';
const domain = import.meta.env.VITE_AUTH0_DOMAIN;
export const Root = () => <Auth0Provider domain={domain} clientId="abc" scope="openid read:current_user" audience={\`https://\${domain}/api/v2/\`}><main /></Auth0Provider>;`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v2 (TSX): into authorizationParams',
      filename: as.tsx,
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
export const Root = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ redirect_uri: window.location.origin, scope: 'openid read:current_user' }}>
    <main />
  </Auth0Provider>
);`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0Provider } from '@auth0/auth0-react';
export const Root = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ redirect_uri: window.location.origin, scope: 'openid read:current_user', audience: 'https://acme.auth0.com/api/v2/' }}>
    <main />
  </Auth0Provider>
);`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v2 self-closing provider without authorizationParams: the attribute is added',
      filename: as.tsx,
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
import { useAuth0 } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="abc" />;
export function Profile() {
  const auth = useAuth0();
  return async () => fetch('https://acme.auth0.com/api/v2/users/' + auth.user!.sub, { headers: { Authorization: 'Bearer ' + (await auth.getAccessTokenSilently()) } });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { Auth0Provider } from '@auth0/auth0-react';
import { useAuth0 } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ audience: 'https://acme.auth0.com/api/v2/' }} />;
export function Profile() {
  const auth = useAuth0();
  return async () => fetch('https://acme.auth0.com/api/v2/users/' + auth.user!.sub, { headers: { Authorization: 'Bearer ' + (await auth.getAccessTokenSilently()) } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-angular v1 AuthModule.forRoot inside @NgModule: top-level audience',
      filename: as.ts,
      code: `
import { NgModule } from '@angular/core';
import { AuthModule } from '@auth0/auth0-angular';
@NgModule({
  imports: [
    AuthModule.forRoot({
      domain: 'acme.auth0.com',
      clientId: 'abc',
      scope: 'openid read:current_user',
    }),
  ],
})
export class AppModule {}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 6,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { NgModule } from '@angular/core';
import { AuthModule } from '@auth0/auth0-angular';
@NgModule({
  imports: [
    AuthModule.forRoot({
      domain: 'acme.auth0.com',
      clientId: 'abc',
      scope: 'openid read:current_user',
      audience: 'https://acme.auth0.com/api/v2/',
    }),
  ],
})
export class AppModule {}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-angular v2 provideAuth0: into authorizationParams',
      filename: as.ts,
      code: `
import { provideAuth0 } from '@auth0/auth0-angular';
import { environment } from './environment';
export const appConfig = { providers: [provideAuth0({ domain: environment.auth0.domain, clientId: 'abc', authorizationParams: { scope: 'openid read:current_user' } })] };`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
import { provideAuth0 } from '@auth0/auth0-angular';
import { environment } from './environment';
export const appConfig = { providers: [provideAuth0({ domain: environment.auth0.domain, clientId: 'abc', authorizationParams: { scope: 'openid read:current_user', audience: \`https://\${environment.auth0.domain}/api/v2/\` } })] };`,
            },
          ],
        },
      ],
    },
    {
      name: 'AngularJS angularAuth0Provider.init: the injected angularAuth0 service is its client',
      filename: as.js,
      code: `
angular.module('app', ['auth0.auth0'])
  .config(function (angularAuth0Provider) {
    angularAuth0Provider.init({ clientID: AUTH0_CLIENT_ID, domain: AUTH0_DOMAIN, responseType: 'token id_token' });
  })
  .run(function (angularAuth0) {
    angularAuth0.parseHash(function (err, authResult) {
      fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
    });
  });`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
angular.module('app', ['auth0.auth0'])
  .config(function (angularAuth0Provider) {
    angularAuth0Provider.init({ clientID: AUTH0_CLIENT_ID, domain: AUTH0_DOMAIN, responseType: 'token id_token', audience: \`https://\${AUTH0_DOMAIN}/api/v2/\` });
  })
  .run(function (angularAuth0) {
    angularAuth0.parseHash(function (err, authResult) {
      fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
    });
  });`,
            },
          ],
        },
      ],
    },
    {
      name: 'AngularJS lockProvider.init: Lock options under options.auth; the injected lock is its client',
      filename: as.js,
      code: `
angular.module('app', ['auth0.lock'])
  .config(function (lockProvider) {
    lockProvider.init({ clientID: 'abc', domain: 'acme.auth0.com', options: { auth: { params: { scope: 'openid' } } } });
  })
  .run(function (lock) {
    lock.on('authenticated', function (authResult) {
      fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
    });
  });`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
angular.module('app', ['auth0.lock'])
  .config(function (lockProvider) {
    lockProvider.init({ clientID: 'abc', domain: 'acme.auth0.com', options: { auth: { params: { scope: 'openid' }, audience: 'https://acme.auth0.com/api/v2/' } } });
  })
  .run(function (lock) {
    lock.on('authenticated', function (authResult) {
      fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
    });
  });`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw /authorize URL literal: an encoded audience parameter, every other byte kept',
      filename: as.js,
      code: `
const loginUrl = 'https://acme.auth0.com/authorize?response_type=token%20id_token&client_id=abc&scope=openid&redirect_uri=https%3A%2F%2Fapp.acme.com&nonce=n';
function save(metadata) {
  return fetch('https://acme.auth0.com/api/v2/users/' + localStorage.getItem('sub'), {
    method: 'PATCH',
    headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') },
    body: JSON.stringify({ user_metadata: metadata }),
  });
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
const loginUrl = 'https://acme.auth0.com/authorize?audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&response_type=token%20id_token&client_id=abc&scope=openid&redirect_uri=https%3A%2F%2Fapp.acme.com&nonce=n';
function save(metadata) {
  return fetch('https://acme.auth0.com/api/v2/users/' + localStorage.getItem('sub'), {
    method: 'PATCH',
    headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') },
    body: JSON.stringify({ user_metadata: metadata }),
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw /authorize template literal over the domain constant (TS)',
      filename: as.ts,
      code: `
const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN;
export const login = () => {
  window.location.href = \`https://\${AUTH0_DOMAIN}/authorize?scope=openid+read:current_user&response_type=token&client_id=\${CLIENT_ID}\`;
};`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN;
export const login = () => {
  window.location.href = \`https://\${AUTH0_DOMAIN}/authorize?audience=https%3A%2F%2F\${AUTH0_DOMAIN}%2Fapi%2Fv2%2F&scope=openid+read:current_user&response_type=token&client_id=\${CLIENT_ID}\`;
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw /authorize concatenation: the domain expression is spliced into the string',
      filename: as.js,
      code: `
var url = 'https://' + AUTH0_DOMAIN + '/authorize?' + 'response_type=token&scope=openid%20read%3Acurrent_user' + '&client_id=' + CLIENT_ID;`,
      errors: [
        {
          messageId: 'missingAudience',
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
var url = 'https://' + AUTH0_DOMAIN + '/authorize?audience=https%3A%2F%2F' + AUTH0_DOMAIN + '%2Fapi%2Fv2%2F&' + 'response_type=token&scope=openid%20read%3Acurrent_user' + '&client_id=' + CLIENT_ID;`,
            },
          ],
        },
      ],
    },
    {
      name: '/oauth/token password grant: audience added to the body',
      filename: as.js,
      code: `
async function login(username, password) {
  const response = await fetch('https://acme.auth0.com/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'password',
      username,
      password,
      client_id: 'abc',
      scope: 'openid read:current_user',
    }),
  });
  return response.json();
}`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 6,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
async function login(username, password) {
  const response = await fetch('https://acme.auth0.com/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'password',
      username,
      password,
      client_id: 'abc',
      scope: 'openid read:current_user',
      audience: 'https://acme.auth0.com/api/v2/',
    }),
  });
  return response.json();
}`,
            },
          ],
        },
      ],
    },
    {
      name: '/oauth/token password-realm grant with a custom audience (TS, axios)',
      filename: as.ts,
      code: `
import axios from 'axios';
export const login = (username: string, password: string) =>
  axios.post('https://acme.auth0.com/oauth/token', { grant_type: 'http://auth0.com/oauth/grant-type/password-realm', realm: 'db', username, password, audience: 'https://api.acme.com', scope: 'openid update:current_user_metadata' });`,
      errors: [
        {
          messageId: 'otherAudience',
          data: {
            audience: 'https://api.acme.com',
            expected: 'https://acme.auth0.com/api/v2/',
            route:
              "another token request for { audience: 'https://acme.auth0.com/api/v2/', scope: '<current_user scopes>' }",
            review: '',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Lock without options: the suggestion writes an options argument holding auth.audience',
      filename: as.js,
      code: cdnLock('', 'idToken'),
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          data: { audience: '`https://${AUTH0_DOMAIN}/api/v2/`', review: '' },
          suggestions: [
            {
              messageId: 'addAudience',
              output: cdnLock(', { auth: { audience: `https://${AUTH0_DOMAIN}/api/v2/` } }', 'idToken'),
            },
          ],
        },
      ],
    },
    {
      name: 'Lock options without auth: the suggestion adds one auth object',
      filename: as.js,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com', { theme: { logo: 'x.png' } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, render);
});`,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output: `
var lock = new Auth0Lock('cid', 'acme.auth0.com', { theme: { logo: 'x.png' }, auth: { audience: 'https://acme.auth0.com/api/v2/' } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, render);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lock without options, shown with options and a callback, is Lock 9: no options argument offered',
      filename: as.js,
      options: needsManual,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com');
lock.show({ authParams: { scope: 'openid' } }, function (err, profile, id_token) {
  new auth0.Management({ domain: 'acme.auth0.com', token: id_token }).getUser(profile.user_id, function () {});
});`,
      errors: [
        {
          messageId: 'sdkCannotRequestAudience',
          line: 2,
          data: { sdk: 'lock-9', review: ' (needs manual review)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Lock without options, shown with a callback only, is Lock 9',
      filename: as.js,
      options: needsManual,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com');
lock.show(function (err, profile, idToken) {
  localStorage.setItem('id_token', idToken);
  new auth0.Management({ domain: 'acme.auth0.com', token: idToken }).getUser(profile.user_id, function () {});
});`,
      errors: [
        {
          messageId: 'sdkCannotRequestAudience',
          line: 2,
          data: { sdk: 'lock-9', review: ' (needs manual review)' },
          suggestions: [],
        },
      ],
    },
    ...TS_IMPORTS.map(([how, imports, management]) => ({
      name: `auth0.js in TypeScript through ${how}`,
      filename: as.ts,
      code: tsLogin(imports, management),
      errors: [
        {
          messageId: 'missingAudience' as const,
          line: imports.split('\n').length + 2,
          data: { audience: "'https://acme.auth0.com/api/v2/'", review: '' },
          suggestions: [
            { messageId: 'addAudience' as const, output: tsLogin(imports, management, { options: AUDIENCE }) },
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
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output: ID_TOKEN_LOGIN.replace("responseType: 'id_token'", `responseType: 'id_token'${AUDIENCE}`),
            },
          ],
        },
      ],
    },
  ],
});
