import rule from '../../rules/no-any-user-scopes-in-browser';
import { as, ruleTester } from '../rule-tester';
import { browser, notBrowser } from './shapes';

/** A password grant asking for read:users: browser-only finding. */
const READ_USERS_LOGIN = `
export const login = (username, password) =>
  fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username, password, client_id: 'abc', scope: 'openid read:users' }) });`;

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
      errors: [
        {
          messageId: 'anyUserScopeUnknownAudience',
          line: 5,
          data: {
            scopes: 'read:users',
            replacement: 'the current_user scopes the calls need',
            review: ' (needs manual review)',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an audience the code builds from the environment may be the app API: needs-manual, no suggestion',
      filename: as.jsx,
      options: [{ reportNeedsManual: true }],
      code: `
import { Auth0Provider } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ audience: \`https://\${process.env.REACT_APP_API}\`, scope: 'openid read:users' }} />;`,
      errors: [
        {
          messageId: 'anyUserScopeUnknownAudience',
          line: 3,
          data: {
            scopes: 'read:users',
            replacement: 'the current_user scopes the calls need',
            review: ' (needs manual review)',
          },
          suggestions: [],
        },
      ],
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
      errors: [
        {
          messageId: 'anyUserScope',
          line: 5,
          data: {
            scopes: 'read:users update:users',
            replacement: 'the current_user scopes the calls need',
            review: '',
          },
          suggestions: [],
        },
      ],
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
          data: {
            scopes: 'update:users',
            replacement: 'create:current_user_metadata update:current_user_metadata',
            review: '',
          },
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
    ...browser(READ_USERS_LOGIN, [
      {
        messageId: 'anyUserScope' as const,
        line: 3,
        data: { scopes: 'read:users', replacement: 'the current_user scopes the calls need', review: '' },
        suggestions: [],
      },
    ]),
  ],
});
