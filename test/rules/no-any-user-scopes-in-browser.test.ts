import rule from '../../rules/no-any-user-scopes-in-browser';
import { as, ruleTester } from '../rule-tester';

/** A password grant asking for read:users: browser-only finding. */
const READ_USERS_LOGIN = `
export const login = (username, password) =>
  fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username, password, client_id: 'abc', scope: 'openid read:users' }) });`;

/** Test code (by path or by the test library it imports) and vendored library copies are not judged at all. */
const notJudged = (code: string) => [
  { name: 'test code by path: test/*.test.js', filename: 'test/profile.test.js', code },
  { name: 'test code by path: __tests__', filename: 'src/__tests__/profile.js', code },
  { name: 'test code by path: a Cypress spec', filename: 'cypress/e2e/login.cy.js', code },
  { name: 'test code by path: an e2e spec (TS)', filename: 'e2e/profile.spec.ts', code },
  { name: "test code by import: chai's expect", filename: 'src/helpers.js', code: `import { expect } from 'chai';${code}` },
  { name: 'a vendored library, by its banner comment', filename: 'src/vendor/widget.js', code: `/*! some-lib v1.2.3 | (c) 2017 Some Author */${code}` },
];

/** Browser evidence: the Web Storage API. */
const SEEN = "localStorage.setItem('seen', '1');";

/**
 * The same content in files that say they run on a server (strong evidence wins over browser evidence such as
 * localStorage; weak evidence, such as a server import, only counts without it), or that say nothing at all.
 */
const notBrowser = (code: string) => [
  { name: 'a Next.js API route (pages/api)', filename: 'pages/api/user.js', code: `${SEEN}${code}` },
  { name: 'a Next.js route handler (app/**/route.ts)', filename: 'app/api/orders/route.ts', code: `${SEEN}${code}` },
  { name: 'a serverless function: api/ with a (req, res) default export', filename: 'api/orders.ts', code: `${SEEN}\nexport default function handler(req, res) {\n  res.end();\n}${code}` },
  { name: 'a gulpfile', filename: 'gulpfile.js', code: `${SEEN}${code}` },
  { name: 'a webpack configuration', filename: 'webpack.config.js', code: `${SEEN}${code}` },
  { name: "a 'use server' directive", filename: 'src/actions.js', code: `'use server';\n${SEEN}${code}` },
  { name: 'an exported getServerSideProps', filename: 'src/admin.js', code: `${SEEN}${code}\nexport async function getServerSideProps() {\n  return { props: {} };\n}` },
  { name: 'exports.handler', filename: 'src/lambda.js', code: `${SEEN}${code}\nexports.handler = async () => ({ statusCode: 200 });` },
  { name: 'an Auth0 Action (exports.onExecutePostLogin)', filename: 'src/post-login.js', code: `${SEEN}${code}\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://acme.example/seen', true);\n};` },
  { name: 'a Node script faking the browser with jsdom', filename: 'scripts/seed.js', code: `global.window = new JSDOM('').window;\nwindow.localStorage.setItem('seen', '1');${code}` },
  { name: "imports 'express' (no browser evidence)", filename: 'src/server.js', code: `import express from 'express';${code}` },
  { name: 'reads a non-public environment variable (no browser evidence)', filename: 'src/server.js', code: `const secret = process.env.AUTH0_CLIENT_SECRET;${code}` },
  { name: 'no evidence at all: unknown, not browser', filename: 'src/admin.js', code },
  ...notJudged(`\n${SEEN}${code}`),
];

/** The same content with one piece of browser evidence each: reported. */
const browser = <T>(code: string, errors: T) => [
  { name: 'browser evidence: localStorage', filename: 'src/admin.js', code: `${SEEN}${code}`, errors },
  { name: 'browser evidence: a bundled REACT_APP_ variable', filename: 'src/admin.js', code: `const token = process.env.REACT_APP_MGMT_TOKEN;${code}`, errors },
  { name: 'browser evidence: a bundled import.meta.env.VITE_ variable', filename: 'src/admin.ts', code: `const domain = import.meta.env.VITE_AUTH0_DOMAIN;${code}`, errors },
  { name: "browser evidence: 'use client'", filename: 'src/admin.js', code: `'use client';${code}`, errors },
  { name: "browser evidence: imports 'react'", filename: 'src/admin.js', code: `import React from 'react';${code}`, errors },
  { name: 'browser evidence: a .jsx component file', filename: 'src/Admin.jsx', code, errors },
  { name: 'browser evidence: a .vue component file', filename: 'src/Admin.vue', code, errors },
];

ruleTester.run('no-any-user-scopes-in-browser', rule, {
  valid: [
    // With the audience of the app's own API, read:users is that API's permission, not the Management API's.
    {
      filename: as.js,
      code: `
localStorage.setItem('seen', '1');
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token', audience: 'https://api.example.com/', scope: 'openid read:users' });`,
    },
    // Needs-manual only: silent without reportNeedsManual.
    {
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export const LoginButton = () => <button onClick={() => useAuth0().loginWithRedirect({ authorizationParams: { scope: 'read:users' } })}>Log in</button>;`,
    },
    ...notBrowser(READ_USERS_LOGIN).map((entry) => ({ ...entry, name: `not browser code: ${entry.name}` })),
    {
      name: 'current_user scopes only',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user update:current_user_metadata' });`,
    },
    {
      name: "a custom API's scope that only looks similar",
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
export const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { audience: 'https://api.acme.com', scope: 'openid read:users_profile write:user_settings' } });`,
    },
    {
      name: 'server code may hold any-user scopes (a password grant in an Express handler)',
      filename: as.js,
      code: `
const express = require('express');
const app = express();
app.post('/login', async (req, res) => {
  const response = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username: req.body.username, password: req.body.password, scope: 'openid read:users' }) });
  res.json(await response.json());
});`,
    },
    {
      name: 'the environment option overrides detection',
      filename: as.js,
      options: [{ environment: 'server' }],
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', scope: 'openid read:users' });`,
    },
  ],
  invalid: [
    {
      name: "auth0-react loginWithRedirect with read:users and no client in view: the provider's audience may be the app's own API",
      filename: as.tsx,
      options: [{ reportNeedsManual: true }],
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export const LoginButton = () => {
  const { loginWithRedirect } = useAuth0();
  return <button onClick={() => loginWithRedirect({ authorizationParams: { scope: 'read:users' } })}>Log in</button>;
};`,
      errors: [{ messageId: 'anyUserScope', line: 5, data: { scopes: 'read:users', replacement: 'the current_user scopes the calls need', review: ' (needs manual review)' }, suggestions: [] }],
    },
    {
      name: 'an audience the code builds from the environment may be the app API: needs-manual, no suggestion',
      filename: as.jsx,
      options: [{ reportNeedsManual: true }],
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ audience: \`https://\${process.env.REACT_APP_API}\`, scope: 'openid read:users' }} />;`,
      errors: [{ messageId: 'anyUserScope', line: 3, data: { scopes: 'read:users', replacement: 'the current_user scopes the calls need', review: ' (needs manual review)' }, suggestions: [] }],
    },
    {
      name: 'auth0-angular v1 in @NgModule: reported; no calls in view, so no replacement to offer',
      filename: as.ts,
      code: `
import { NgModule } from '@angular/core';
import { AuthModule } from '@auth0/auth0-angular';
@NgModule({
  imports: [AuthModule.forRoot({ domain: 'acme.auth0.com', clientId: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:users update:users' })],
})
export class AppModule {}`,
      errors: [{ messageId: 'anyUserScope', line: 5, data: { scopes: 'read:users update:users', replacement: 'the current_user scopes the calls need', review: '' }, suggestions: [] }],
    },
    {
      name: 'auth0.js with the calls in view: the current_user scope replaces it',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid profile read:users' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [
        {
          messageId: 'anyUserScope',
          line: 2,
          data: { scopes: 'read:users', replacement: 'read:current_user', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid profile read:current_user' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'spa-js v1 linking accounts with update:users',
      filename: as.js,
      code: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid email update:users' });
export async function link(targetIdToken) {
  const { sub } = await auth0.getUser();
  await fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, { method: 'POST', headers: { Authorization: \`Bearer \${await auth0.getTokenSilently()}\` }, body: JSON.stringify({ link_with: targetIdToken }) });
}`,
      errors: [
        {
          messageId: 'anyUserScope',
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid email update:current_user_identities' });
export async function link(targetIdToken) {
  const { sub } = await auth0.getUser();
  await fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, { method: 'POST', headers: { Authorization: \`Bearer \${await auth0.getTokenSilently()}\` }, body: JSON.stringify({ link_with: targetIdToken }) });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v1 (JSX) scope attribute',
      filename: as.jsx,
      code: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" audience="https://acme.auth0.com/api/v2/" scope="openid read:users">
    <Profile />
  </Auth0Provider>
);
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return <button onClick={async () => fetch('https://acme.auth0.com/api/v2/users/' + user.sub, { headers: { Authorization: 'Bearer ' + (await getAccessTokenSilently()) } })} />;
}`,
      errors: [
        {
          messageId: 'anyUserScope',
          line: 4,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" audience="https://acme.auth0.com/api/v2/" scope="openid read:current_user">
    <Profile />
  </Auth0Provider>
);
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return <button onClick={async () => fetch('https://acme.auth0.com/api/v2/users/' + user.sub, { headers: { Authorization: 'Bearer ' + (await getAccessTokenSilently()) } })} />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'getAccessTokenSilently v2 per-call scope (TSX)',
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'read:users read:current_user' } });
    return fetch('https://acme.auth0.com/api/v2/users/' + user!.sub, { headers: { Authorization: 'Bearer ' + token } });
  };
  return <button onClick={load} />;
}`,
      errors: [
        {
          messageId: 'anyUserScope',
          line: 6,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'read:current_user' } });
    return fetch('https://acme.auth0.com/api/v2/users/' + user!.sub, { headers: { Authorization: 'Bearer ' + token } });
  };
  return <button onClick={load} />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw /authorize URL scope parameter (metadataScope both)',
      filename: as.js,
      options: [{ metadataScope: 'both' }],
      code: `
const url = 'https://acme.auth0.com/authorize?response_type=token&audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&scope=openid%20update%3Ausers';
fetch('https://acme.auth0.com/api/v2/users/' + sub, { method: 'PATCH', headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') }, body: JSON.stringify({ user_metadata: { a: 1 } }) });`,
      errors: [
        {
          messageId: 'anyUserScope',
          data: { scopes: 'update:users', replacement: 'create:current_user_metadata update:current_user_metadata', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
const url = 'https://acme.auth0.com/authorize?response_type=token&audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&scope=openid%20create%3Acurrent_user_metadata%20update%3Acurrent_user_metadata';
fetch('https://acme.auth0.com/api/v2/users/' + sub, { method: 'PATCH', headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') }, body: JSON.stringify({ user_metadata: { a: 1 } }) });`,
            },
          ],
        },
      ],
    },
    {
      name: 'the environment option forces browser rules on a file that looks like a server',
      filename: as.js,
      options: [{ environment: 'browser' }],
      code: `
const express = require('express');
module.exports = () => fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username: 'u', password: 'p', scope: 'openid read:users' }) });`,
      errors: [{ messageId: 'anyUserScope', suggestions: [] }],
    },
    ...browser(READ_USERS_LOGIN, [{ messageId: 'anyUserScope' as const, line: 3, data: { scopes: 'read:users', replacement: 'the current_user scopes the calls need', review: '' }, suggestions: [] }]),
  ],
});
