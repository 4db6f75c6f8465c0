import rule from '../../rules/minimal-management-scopes';
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

/** A WebAuth client in `acme.auth0.com` with the given scope, and a parseHash callback making `calls` with its access token. */
function webAuth(scope: string, calls: string): string {
  return `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: '${scope}' });
webAuth.parseHash((err, authResult) => {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken });
  const sub = authResult.idTokenPayload.sub;
${calls}
});`;
}

const GET_USER = '  management.getUser(sub, () => {});';
const PATCH_METADATA = "  management.patchUserMetadata(sub, { theme: 'dark' }, () => {});";
const LINK_USER = '  management.linkUser(sub, secondaryIdToken, () => {});';

ruleTester.run('minimal-management-scopes', rule, {
  valid: [
    {
      name: 'a linking login that reassigns the shared lock variable: its openid scope is not judged',
      filename: as.js,
      options: needsManual,
      code: LINKING_LOCK,
    },
    {
      name: 'a machine-to-machine token read off the app backend carries no login scopes',
      filename: as.js,
      options: needsManual,
      code: M2M_FROM_BACKEND,
    },
    {
      name: "a client-credentials response's access_token carries no login scopes",
      filename: as.js,
      options: needsManual,
      code: M2M_CLIENT_CREDENTIALS,
    },
    {
      name: 'Lock 9 shown with a callback gets no access token, so no scope to set',
      filename: as.js,
      options: needsManual,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com');
lock.show({ authParams: { scope: 'openid' } }, function (err, profile, id_token) {
  new auth0.Management({ domain: 'acme.auth0.com', token: id_token }).getUser(profile.user_id, function () {});
});`,
    },
    ...notJudged(ID_TOKEN_LOGIN),
    {
      // A token for another API cannot carry Management scopes: require-management-audience gives the second-token route.
      name: 'a token for another API: no scope finding',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://api.acme.com', scope: 'openid read:orders' });
webAuth.parseHash((err, authResult) => new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {}));`,
    },
    {
      name: 'exactly the scope the calls need',
      filename: as.js,
      code: webAuth('openid profile read:current_user', GET_USER),
    },
    {
      name: 'OIDC and custom scopes are kept as written',
      filename: as.js,
      code: webAuth('openid offline_access read:orders read:current_user', GET_USER),
    },
    {
      name: 'metadataScope both: update and create',
      filename: as.js,
      options: [{ metadataScope: 'both' }],
      code: webAuth('openid create:current_user_metadata update:current_user_metadata', PATCH_METADATA),
    },
    {
      name: 'metadataScope create',
      filename: as.js,
      options: [{ metadataScope: 'create' }],
      code: webAuth('openid create:current_user_metadata', PATCH_METADATA),
    },
    {
      name: 'current_user scopes with no Management call in this file are not judged',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
export const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user update:current_user_metadata' });`,
    },
    {
      name: 'a scope the code computes cannot be checked',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token', audience: 'https://acme.auth0.com/api/v2/', scope: window.APP_SCOPES });
webAuth.parseHash((err, authResult) => new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {}));`,
    },
    {
      name: 'a secondary login asking only for openid is not the token the calls use',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid update:current_user_identities' });
const secondary = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash((err, primary) => {
  secondary.popup.authorize({ scope: 'openid' }, (error, other) => {
    new auth0.Management({ domain: 'acme.auth0.com', token: primary.accessToken }).linkUser(primary.idTokenPayload.sub, other.idToken, () => {});
  });
});`,
    },
    {
      name: 'getTokenSilently without its own scope or audience uses the client scope, which is exact',
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' } });
export async function profile(sub: string) {
  const token = await client.getTokenSilently({ cacheMode: 'off' });
  return fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + token } });
}`,
    },
    {
      name: 'auth0.js v7 cannot ask for the api/v2 audience: scopes are moot until it can (the audience rule reports it)',
      filename: as.js,
      code: `
var auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href, responseType: 'token id_token', scope: 'openid' });
var result = auth.parseHash(window.location.hash);
fetch('https://acme.auth0.com/api/v2/users/' + result.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + result.accessToken } });`,
    },
    {
      name: 'a backend-only PATCH (app_metadata) needs no current_user scope: another rule reports it',
      filename: as.js,
      code: webAuth(
        'openid',
        "  fetch('https://acme.auth0.com/api/v2/users/' + sub, { method: 'PATCH', headers: { Authorization: 'Bearer ' + authResult.accessToken }, body: JSON.stringify({ app_metadata: { plan: 'pro' } }) });",
      ),
    },
  ],
  invalid: [
    {
      name: 'missing: the PATCH fails with 403 without update:current_user_metadata',
      filename: as.js,
      code: webAuth('openid profile', PATCH_METADATA),
      errors: [
        {
          messageId: 'missingScopes',
          line: 2,
          data: { scopes: 'update:current_user_metadata', because: 'PATCH /api/v2/users/{id}', review: '' },
          suggestions: [
            { messageId: 'setScopes', output: webAuth('openid profile update:current_user_metadata', PATCH_METADATA) },
          ],
        },
      ],
    },
    {
      name: 'several missing scopes: appended in catalog order after the declared ones',
      filename: as.js,
      code: webAuth('read:orders openid', [PATCH_METADATA, LINK_USER, GET_USER].join('\n')),
      errors: [
        {
          messageId: 'missingScopes',
          data: {
            scopes: 'read:current_user update:current_user_identities update:current_user_metadata',
            because: 'PATCH /api/v2/users/{id}, POST /api/v2/users/{id}/identities, GET /api/v2/users/{id}',
            review: '',
          },
          suggestions: [
            {
              messageId: 'setScopes',
              output: webAuth(
                'read:orders openid read:current_user update:current_user_identities update:current_user_metadata',
                [PATCH_METADATA, LINK_USER, GET_USER].join('\n'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'unused current_user scope: only the scopes the calls use',
      filename: as.js,
      code: webAuth('openid read:current_user update:current_user_metadata', GET_USER),
      errors: [
        {
          messageId: 'unusedScopes',
          data: { scopes: 'update:current_user_metadata', review: '' },
          suggestions: [{ messageId: 'setScopes', output: webAuth('openid read:current_user', GET_USER) }],
        },
      ],
    },
    {
      name: 'missing and unused together: one suggestion, on the missing report',
      filename: as.js,
      code: webAuth('openid update:current_user_identities', GET_USER),
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [{ messageId: 'setScopes', output: webAuth('openid read:current_user', GET_USER) }],
        },
        { messageId: 'unusedScopes', suggestions: [] },
      ],
    },
    {
      name: 'an any-user scope is not what a browser token gets: replaced by the current_user scope',
      filename: as.js,
      code: webAuth('openid read:users', GET_USER),
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [{ messageId: 'setScopes', output: webAuth('openid read:current_user', GET_USER) }],
        },
      ],
    },
    {
      name: 'a scope whose separator is an escaped line break: the scope is missing, and no edit may rewrite the escape',
      filename: as.js,
      code: webAuth(String.raw`openid\nprofile`, GET_USER),
      errors: [
        {
          messageId: 'missingScopes',
          data: { scopes: 'read:current_user', because: 'GET /api/v2/users/{id}', review: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'commas are not separators',
      filename: as.js,
      code: webAuth('openid,read:current_user', GET_USER),
      errors: [
        {
          messageId: 'malformedScope',
          data: { scope: 'openid,read:current_user', review: '' },
          suggestions: [{ messageId: 'normaliseScope', output: webAuth('openid read:current_user', GET_USER) }],
        },
      ],
    },
    {
      name: 'extra spaces are written as one',
      filename: as.js,
      code: webAuth('openid  profile', GET_USER),
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [{ messageId: 'setScopes', output: webAuth('openid profile read:current_user', GET_USER) }],
        },
      ],
    },
    {
      name: 'metadataScope create',
      filename: as.js,
      options: [{ metadataScope: 'create' }],
      code: webAuth('openid update:current_user_metadata', PATCH_METADATA),
      errors: [
        {
          messageId: 'missingScopes',
          data: { scopes: 'create:current_user_metadata', because: 'PATCH /api/v2/users/{id}', review: '' },
          suggestions: [
            { messageId: 'setScopes', output: webAuth('openid create:current_user_metadata', PATCH_METADATA) },
          ],
        },
        { messageId: 'unusedScopes', suggestions: [] },
      ],
    },
    {
      name: 'metadataScope both',
      filename: as.js,
      options: [{ metadataScope: 'both' }],
      code: webAuth('openid update:current_user_metadata', PATCH_METADATA),
      errors: [
        {
          messageId: 'missingScopes',
          data: { scopes: 'create:current_user_metadata', because: 'PATCH /api/v2/users/{id}', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: webAuth('openid update:current_user_metadata create:current_user_metadata', PATCH_METADATA),
            },
          ],
        },
      ],
    },
    {
      name: 'raw fetch calls: unlinking and device credentials',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid' });
webAuth.checkSession({}, (err, result) => {
  const headers = { Authorization: \`Bearer \${result.accessToken}\` };
  fetch(\`https://acme.auth0.com/api/v2/users/\${result.idTokenPayload.sub}/identities/\${provider}/\${userId}\`, { method: 'DELETE', headers });
  fetch('https://acme.auth0.com/api/v2/device-credentials/' + deviceId, { method: 'DELETE', headers });
});`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 3,
          data: {
            scopes: 'update:current_user_identities delete:current_user_device_credentials',
            because:
              'DELETE /api/v2/users/{id}/identities/{provider}/{user_id}, DELETE /api/v2/device-credentials/{id}',
            review: '',
          },
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid update:current_user_identities delete:current_user_device_credentials' });
webAuth.checkSession({}, (err, result) => {
  const headers = { Authorization: \`Bearer \${result.accessToken}\` };
  fetch(\`https://acme.auth0.com/api/v2/users/\${result.idTokenPayload.sub}/identities/\${provider}/\${userId}\`, { method: 'DELETE', headers });
  fetch('https://acme.auth0.com/api/v2/device-credentials/' + deviceId, { method: 'DELETE', headers });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'spa-js v1 without any scope: the SDK default is written out with the needed scope',
      filename: as.js,
      code: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/' });
export async function link(secondaryIdToken) {
  const { sub } = await auth0.getUser();
  await fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${await auth0.getTokenSilently()}\` },
    body: JSON.stringify({ link_with: secondaryIdToken }),
  });
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 3,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid profile email update:current_user_identities' });
export async function link(secondaryIdToken) {
  const { sub } = await auth0.getUser();
  await fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${await auth0.getTokenSilently()}\` },
    body: JSON.stringify({ link_with: secondaryIdToken }),
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'getAccessTokenSilently with its own Management audience and no scope (the 403 of the forum thread)',
      filename: as.tsx,
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile({ domain }: { domain: string }) {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently({
      audience: \`https://\${domain}/api/v2/\`,
      // scope: 'read:current_user',
    });
    await fetch(\`https://\${domain}/api/v2/users/\${user!.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 6,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { useAuth0 } from '@auth0/auth0-react';
export function Profile({ domain }: { domain: string }) {
  const { getAccessTokenSilently, user } = useAuth0();
  const load = async () => {
    const token = await getAccessTokenSilently({
      audience: \`https://\${domain}/api/v2/\`,
      scope: 'read:current_user',
      // scope: 'read:current_user',
    });
    await fetch(\`https://\${domain}/api/v2/users/\${user!.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
  return <button onClick={load}>Load</button>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lock 11 without auth.params: the scope is written there, from the Lock default',
      filename: as.js,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { audience: 'https://acme.auth0.com/api/v2/' } });
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
});`,
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { audience: 'https://acme.auth0.com/api/v2/', params: { scope: 'openid profile email read:current_user' } } });
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0-react v1 (JSX): the scope attribute is replaced in its own quotes',
      filename: as.jsx,
      code: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" audience="https://acme.auth0.com/api/v2/" scope='openid profile'>
    <Profile />
  </Auth0Provider>
);
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return <button onClick={async () => fetch('https://acme.auth0.com/api/v2/users/' + user.sub, { headers: { Authorization: 'Bearer ' + (await getAccessTokenSilently()) } })} />;
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 4,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" audience="https://acme.auth0.com/api/v2/" scope='openid profile read:current_user'>
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
      name: 'auth0-react v2 (TSX): the scope goes into authorizationParams',
      filename: as.tsx,
      code: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ audience: 'https://acme.auth0.com/api/v2/' }}>
    <Profile />
  </Auth0Provider>
);
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return <button onClick={async () => fetch('https://acme.auth0.com/api/v2/users/' + user!.sub, { method: 'PATCH', headers: { Authorization: 'Bearer ' + (await getAccessTokenSilently()) }, body: JSON.stringify({ user_metadata: {} }) })} />;
}`,
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => (
  <Auth0Provider domain="acme.auth0.com" clientId="abc" authorizationParams={{ audience: 'https://acme.auth0.com/api/v2/', scope: 'openid profile email update:current_user_metadata' }}>
    <Profile />
  </Auth0Provider>
);
function Profile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return <button onClick={async () => fetch('https://acme.auth0.com/api/v2/users/' + user!.sub, { method: 'PATCH', headers: { Authorization: 'Bearer ' + (await getAccessTokenSilently()) }, body: JSON.stringify({ user_metadata: {} }) })} />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0.js client.login (password-realm grant): the per-call scope of the login whose token is sent',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' });
export function login(username: string, password: string) {
  webAuth.client.login({ realm: 'Username-Password-Authentication', username, password, scope: 'openid' }, (err, result) => {
    new auth0.Management({ domain: 'acme.auth0.com', token: result.accessToken }).getUser(result.idTokenPayload.sub, () => {});
  });
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 5,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' });
export function login(username: string, password: string) {
  webAuth.client.login({ realm: 'Username-Password-Authentication', username, password, scope: 'openid read:current_user' }, (err, result) => {
    new auth0.Management({ domain: 'acme.auth0.com', token: result.accessToken }).getUser(result.idTokenPayload.sub, () => {});
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'auth0.js Authentication#oauthToken with comma-separated scopes',
      filename: as.js,
      code: `
const auth = new auth0.Authentication({ domain: 'acme.auth0.com', clientID: 'abc' });
auth.oauthToken({ grant_type: 'password', username: 'u', password: 'p', scope: 'openid,read:current_user' }, () => {});`,
      errors: [
        {
          messageId: 'malformedScope',
          suggestions: [
            {
              messageId: 'normaliseScope',
              output: `
const auth = new auth0.Authentication({ domain: 'acme.auth0.com', clientID: 'abc' });
auth.oauthToken({ grant_type: 'password', username: 'u', password: 'p', scope: 'openid read:current_user' }, () => {});`,
            },
          ],
        },
      ],
    },
    {
      name: "spa-js v1 loginWithRedirect sets the scope of the client's shared login, so it is the one checked",
      filename: as.js,
      code: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' });
export const login = () => auth0.loginWithRedirect({ scope: 'openid profile' });
export async function profile() {
  const { sub } = await auth0.getUser();
  return fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + (await auth0.getTokenSilently()) } });
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 4,
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import createAuth0Client from '@auth0/auth0-spa-js';
const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', client_id: 'abc', audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' });
export const login = () => auth0.loginWithRedirect({ scope: 'openid profile read:current_user' });
export async function profile() {
  const { sub } = await auth0.getUser();
  return fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + (await auth0.getTokenSilently()) } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'spa-js v2 getTokenWithPopup with its own audience and scope under authorizationParams',
      filename: as.ts,
      code: `
import { Auth0Client } from '@auth0/auth0-spa-js';
const client = new Auth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function link(sub: string, targetIdToken: string) {
  const token = await client.getTokenWithPopup({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'read:current_user' } });
  return fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ link_with: targetIdToken }) });
}`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 5,
          data: { scopes: 'update:current_user_identities', because: 'POST /api/v2/users/{id}/identities', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
import { Auth0Client } from '@auth0/auth0-spa-js';
const client = new Auth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function link(sub: string, targetIdToken: string) {
  const token = await client.getTokenWithPopup({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/', scope: 'update:current_user_identities' } });
  return fetch(\`https://acme.auth0.com/api/v2/users/\${sub}/identities\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ link_with: targetIdToken }) });
}`,
            },
          ],
        },
        { messageId: 'unusedScopes', suggestions: [] },
      ],
    },
    {
      name: 'raw /authorize URL: the scope parameter, URL-encoded',
      filename: as.js,
      code: `
const loginUrl = 'https://acme.auth0.com/authorize?response_type=token&audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&scope=openid&client_id=abc';
fetch('https://acme.auth0.com/api/v2/users/' + localStorage.getItem('sub'), { headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });`,
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
const loginUrl = 'https://acme.auth0.com/authorize?response_type=token&audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&scope=openid%20read%3Acurrent_user&client_id=abc';
fetch('https://acme.auth0.com/api/v2/users/' + localStorage.getItem('sub'), { headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });`,
            },
          ],
        },
      ],
    },
    {
      name: '/oauth/token password grant body',
      filename: as.ts,
      code: `
export async function login(username: string, password: string) {
  const response = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username, password, audience: 'https://acme.auth0.com/api/v2/', scope: 'openid' }) });
  const { access_token } = await response.json();
  sessionStorage.setItem('access_token', access_token);
}
export const me = (sub: string) => fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('access_token') } });`,
      errors: [
        {
          messageId: 'missingScopes',
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
export async function login(username: string, password: string) {
  const response = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username, password, audience: 'https://acme.auth0.com/api/v2/', scope: 'openid read:current_user' }) });
  const { access_token } = await response.json();
  sessionStorage.setItem('access_token', access_token);
}
export const me = (sub: string) => fetch('https://acme.auth0.com/api/v2/users/' + sub, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('access_token') } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Management path the code computes: scopes cannot be derived',
      filename: as.js,
      options: [{ reportNeedsManual: true }],
      code: webAuth(
        'openid',
        "  fetch('https://acme.auth0.com/api/v2/' + resource, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });",
      ),
      errors: [{ messageId: 'unknownEndpoint', data: { review: ' (needs manual review)' } }],
    },
    {
      name: 'Lock without options: the suggestion writes an options argument holding auth.params.scope',
      filename: as.js,
      code: cdnLock('', 'idToken'),
      errors: [
        {
          messageId: 'missingScopes',
          line: 2,
          data: { scopes: 'read:current_user', because: 'GET /api/v2/users/{id}', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: cdnLock(", { auth: { params: { scope: 'openid profile email read:current_user' } } }", 'idToken'),
            },
          ],
        },
      ],
    },
    {
      name: 'Lock options without auth: the suggestion adds one auth object holding params.scope',
      filename: as.js,
      code: `
var lock = new Auth0Lock('cid', 'acme.auth0.com', { theme: { logo: 'x.png' } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, render);
});`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 2,
          data: { scopes: 'update:current_user_metadata', because: 'PATCH /api/v2/users/{id}', review: '' },
          suggestions: [
            {
              messageId: 'setScopes',
              output: `
var lock = new Auth0Lock('cid', 'acme.auth0.com', { theme: { logo: 'x.png' }, auth: { params: { scope: 'openid profile email update:current_user_metadata' } } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, render);
});`,
            },
          ],
        },
      ],
    },
    ...TS_IMPORTS.map(([how, imports, management]) => ({
      name: `auth0.js in TypeScript through ${how}`,
      filename: as.ts,
      code: tsLogin(imports, management),
      errors: [
        {
          messageId: 'missingScopes' as const,
          line: imports.split('\n').length + 2,
          data: { scopes: 'read:current_user', because: 'GET /api/v2/users/{id}', review: '' },
          suggestions: [
            {
              messageId: 'setScopes' as const,
              output: tsLogin(imports, management, { options: ", scope: 'openid profile email read:current_user'" }),
            },
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
          messageId: 'missingScopes',
          line: 2,
          suggestions: [
            {
              messageId: 'setScopes',
              output: ID_TOKEN_LOGIN.replace(
                "responseType: 'id_token'",
                "responseType: 'id_token', scope: 'openid profile email read:current_user'",
              ),
            },
          ],
        },
      ],
    },
  ],
});
