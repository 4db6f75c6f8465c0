/** Code shapes and case lists shared by the rule tests (and the flow tests): each is written once, here. */

/** Rule options that also report needs-manual findings. */
export const needsManual = [{ reportNeedsManual: true }] as const;

/** Test code (by path or by the test library it imports) and vendored library copies are not judged at all. */
export const notJudged = (code: string) => [
  { name: 'test code by path: test/*.test.js', filename: 'test/profile.test.js', code },
  { name: 'test code by path: __tests__', filename: 'src/__tests__/profile.js', code },
  { name: 'test code by path: a Cypress spec', filename: 'cypress/e2e/login.cy.js', code },
  { name: 'test code by path: an e2e spec (TS)', filename: 'e2e/profile.spec.ts', code },
  {
    name: "test code by import: chai's expect",
    filename: 'src/helpers.js',
    code: `import { expect } from 'chai';${code}`,
  },
  {
    name: 'a vendored library, by its banner comment',
    filename: 'src/vendor/widget.js',
    code: `/*! some-lib v1.2.3 | (c) 2017 Some Author */${code}`,
  },
];

/** Browser evidence: the Web Storage API. */
export const SEEN = "localStorage.setItem('seen', '1');";

/** The same content in server files (strong evidence beats localStorage; weak, such as a server import, only counts alone) or in files that say nothing. */
export const notBrowser = (code: string) => [
  { name: 'a Next.js API route (pages/api)', filename: 'pages/api/user.js', code: `${SEEN}${code}` },
  {
    name: 'a Next.js route handler (app/**/route.ts)',
    filename: 'app/api/orders/route.ts',
    code: `${SEEN}${code}\nexport async function GET() {\n  return new Response('');\n}`,
  },
  {
    name: 'a serverless function: api/ with a (req, res) default export',
    filename: 'api/orders.ts',
    code: `${SEEN}\nexport default function handler(req, res) {\n  res.end();\n}${code}`,
  },
  { name: 'a gulpfile', filename: 'gulpfile.js', code: `${SEEN}${code}` },
  { name: 'a webpack configuration', filename: 'webpack.config.js', code: `${SEEN}${code}` },
  { name: "a 'use server' directive", filename: 'src/actions.js', code: `'use server';\n${SEEN}${code}` },
  // Without browser evidence: in a page that has some, only the data function itself is server code.
  {
    name: 'an exported getServerSideProps',
    filename: 'src/admin.js',
    code: `${code}\nexport async function getServerSideProps() {\n  return { props: {} };\n}`,
  },
  {
    name: 'exports.handler',
    filename: 'src/lambda.js',
    code: `${code}\nexports.handler = async () => ({ statusCode: 200 });`,
  },
  {
    name: 'an Auth0 Action (exports.onExecutePostLogin)',
    filename: 'src/post-login.js',
    code: `${SEEN}${code}\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://acme.example/seen', true);\n};`,
  },
  {
    name: 'a Node script faking the browser with jsdom',
    filename: 'scripts/seed.js',
    code: `global.window = new JSDOM('').window;\nwindow.localStorage.setItem('seen', '1');${code}`,
  },
  {
    name: "imports 'express' (no browser evidence)",
    filename: 'src/server.js',
    code: `import express from 'express';${code}`,
  },
  {
    name: 'reads a non-public environment variable (no browser evidence)',
    filename: 'src/server.js',
    code: `const secret = process.env.AUTH0_CLIENT_SECRET;${code}`,
  },
  { name: 'no evidence at all: unknown, not browser', filename: 'src/admin.js', code },
  ...notJudged(`\n${SEEN}${code}`),
];

/** The same content with one piece of browser evidence each: reported. */
export const browser = <T>(code: string, errors: T) => [
  { name: 'browser evidence: localStorage', filename: 'src/admin.js', code: `${SEEN}${code}`, errors },
  {
    name: 'browser evidence: a bundled REACT_APP_ variable',
    filename: 'src/admin.js',
    code: `const token = process.env.REACT_APP_MGMT_TOKEN;${code}`,
    errors,
  },
  {
    name: 'browser evidence: a bundled import.meta.env.VITE_ variable',
    filename: 'src/admin.ts',
    code: `const domain = import.meta.env.VITE_AUTH0_DOMAIN;${code}`,
    errors,
  },
  { name: "browser evidence: 'use client'", filename: 'src/admin.js', code: `'use client';${code}`, errors },
  {
    name: "browser evidence: imports 'react'",
    filename: 'src/admin.js',
    code: `import React from 'react';${code}`,
    errors,
  },
  { name: 'browser evidence: a .jsx component file', filename: 'src/Admin.jsx', code, errors },
  { name: 'browser evidence: a .vue component file', filename: 'src/Admin.vue', code, errors },
];

/** Lock 11 from the CDN, created with `options` (none: ''), whose authenticated result calls the Management API with `token`. */
export const cdnLock = (options: string, token: string): string => `
var lock = new Auth0Lock(AUTH0_CLIENT_ID, AUTH0_DOMAIN${options});
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: AUTH0_DOMAIN, token: authResult.${token} }).getUser(authResult.idTokenPayload.sub, function (err, user) { render(user); });
});`;

/** An auth0.js login in TypeScript, imported with `imports`, whose parseHash result calls `management` with `token`; `options` follow its responseType. */
export const tsLogin = (
  imports: string,
  management: string,
  { responseType = 'id_token', options = '', token = 'idToken' } = {},
): string => `
${imports}
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: '${responseType}'${options} });
webAuth.parseHash((err, authResult) => {
  new ${management}({ domain: 'acme.auth0.com', token: authResult!.${token}! }).getUser(authResult!.idTokenPayload.sub, () => {});
});`;

/** The ways a TypeScript file imports auth0.js for `tsLogin`: [how, imports, the Management class as named there]. */
export const TS_IMPORTS: readonly (readonly [string, string, string])[] = [
  ['a default import', "import auth0 from 'auth0-js';", 'auth0.Management'],
  ['import auth0 = require(...)', "import auth0 = require('auth0-js');", 'auth0.Management'],
  [
    'import auth0 = require(...) and import Management = auth0.Management',
    "import auth0 = require('auth0-js');\nimport Management = auth0.Management;",
    'Management',
  ],
];

/** A login that sends its ID token to the Management API: reported in application code. */
export const ID_TOKEN_LOGIN = `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`;

/** The shared `lock` variable reassigned by an account-linking login whose ID token only goes into link_with; `authEnd` follows the first Lock's auth option. */
export const linkingLock = (authEnd = ''): string => `
var lock = new Auth0Lock(AUTH0_CLIENT_ID, AUTH0_DOMAIN, {
  auth: { responseType: 'token id_token', audience: 'https://' + AUTH0_DOMAIN + '/api/v2/', params: { scope: 'openid update:current_user_identities' } }${authEnd}
});
lock.on('authenticated', function (authResult) {
  localStorage.setItem('access_token', authResult.accessToken);
  localStorage.setItem('user_id', authResult.idTokenPayload.sub);
});
function linkAccount(connection) {
  lock = new Auth0Lock(AUTH0_CLIENT_ID, AUTH0_DOMAIN, { auth: { params: { scope: 'openid' } }, allowedConnections: [connection] });
  lock.on('authenticated', function (authResult) {
    linkWith(authResult.idToken);
  });
  lock.show();
}
function linkWith(secondaryIdToken) {
  return fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + localStorage.getItem('user_id') + '/identities', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_with: secondaryIdToken }),
  });
}`;

/** The account-linking login on the shared `lock` variable, as the rule tests write it (`linkingLock` without a trailing comma). */
export const LINKING_LOCK = linkingLock();

/** An ID-token-only login in the same file as Management calls made with a machine-to-machine token from elsewhere. */
export const M2M_FROM_BACKEND = `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid profile' });
webAuth.parseHash((err, authResult) => localStorage.setItem('profile', JSON.stringify(authResult.idTokenPayload)));
export async function loadUser(id) {
  const data = await (await fetch('/api/token')).json();
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + data.access_token } });
}`;

/** The same ID-token-only login beside Management calls made with a token from its own client-credentials grant. */
export const M2M_CLIENT_CREDENTIALS = `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid profile' });
webAuth.parseHash((err, authResult) => localStorage.setItem('profile', JSON.stringify(authResult.idTokenPayload)));
export async function loadUser(id) {
  const response = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'm2m', client_secret: 'shh', audience: 'https://acme.auth0.com/api/v2/' }) });
  const { access_token } = await response.json();
  return fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + access_token } });
}`;
