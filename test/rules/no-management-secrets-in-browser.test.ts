import rule from '../../rules/no-management-secrets-in-browser';
import { as, ruleTester } from '../rule-tester';
import { browser, notBrowser } from './shapes';

/** A JWT whose payload is `{"aud":"https://acme.auth0.com/api/v2/","gty":"client-credentials"}` (unsigned, made up). */
const MANAGEMENT_JWT = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from('{"aud":"https://acme.auth0.com/api/v2/","gty":"client-credentials"}').toString('base64url')}.c2lnbmF0dXJl`;
/** A JWT for some other audience. */
const OTHER_JWT = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from('{"aud":"abc123","sub":"auth0|1"}').toString('base64url')}.c2lnbmF0dXJl`;

/** A client-credentials grant with its secret: browser-only findings. */
const CLIENT_CREDENTIALS = `
export async function adminToken() {
  const response = await fetch('https://acme.auth0.com/oauth/token', {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'm2m', client_secret: 'shh', audience: 'https://acme.auth0.com/api/v2/' }),
  });
  return (await response.json()).access_token;
}`;

ruleTester.run('no-management-secrets-in-browser', rule, {
  valid: [
    {
      name: "a client-credentials grant written into a request to another provider's token endpoint (Spotify) is not Auth0's",
      filename: as.tsx,
      code: `
export async function spotifyToken(id: string, secret: string) {
  const response = await fetch('https://accounts.spotify.com/api/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
    headers: { Authorization: 'Basic ' + btoa(id + ':' + secret) },
  });
  return (await response.json()).access_token;
}`,
    },
    ...notBrowser(CLIENT_CREDENTIALS).map((entry) => ({ ...entry, name: `not browser code: ${entry.name}` })),
    {
      name: 'machine-to-machine ManagementClient with secrets from the environment on a server',
      filename: as.js,
      code: `
const express = require('express');
const { ManagementClient } = require('auth0');
const management = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, clientId: process.env.AUTH0_CLIENT_ID, clientSecret: process.env.AUTH0_CLIENT_SECRET });
module.exports = express.Router().get('/users', (req, res) => management.users.getAll().then((users) => res.json(users)));`,
    },
    {
      name: 'a client-credentials grant on a server',
      filename: as.ts,
      code: `
import fetch from 'node-fetch';
import express from 'express';
export async function managementToken(): Promise<string> {
  const response = await fetch(\`https://\${process.env.AUTH0_DOMAIN}/oauth/token\`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: process.env.ID, client_secret: process.env.SECRET, audience: \`https://\${process.env.AUTH0_DOMAIN}/api/v2/\` }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
export const router = express.Router();`,
    },
    {
      name: 'browser code that reads but does not hold a secret, and other grant types',
      filename: as.tsx,
      code: `
import { WebAuth } from 'auth0-js';
interface Auth0Settings { domain: string; clientSecret?: string }
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
export function login({ clientSecret, ...settings }: Auth0Settings) {
  webAuth.client.oauthToken({ grant_type: 'password', username: 'a', password: 'b', clientSecret: '' }, () => {});
  return <p>{settings.domain}</p>;
}`,
    },
    {
      name: 'a JWT literal that is neither a Management credential nor for the Management API',
      filename: as.js,
      code: `
import { WebAuth } from 'auth0-js';
const sample = '${OTHER_JWT}';
new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' }).parseHash({ hash: '#id_token=' + sample }, () => {});`,
    },
    {
      name: 'the environment option says the file runs on a server',
      filename: as.js,
      options: [{ environment: 'server' }],
      code: `
const auth0 = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', clientSecret: 'top-secret' });`,
    },
  ],
  invalid: [
    {
      name: 'a client-credentials token request from the browser',
      filename: as.js,
      code: `
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
function managementToken() {
  return fetch('https://acme.auth0.com/oauth/token', {
    method: 'POST',
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'abc',
      client_secret: 'top-secret',
      audience: 'https://acme.auth0.com/api/v2/',
    }),
  });
}`,
      errors: [
        { messageId: 'client-credentials-grant', line: 7 },
        { messageId: 'client-secret', line: 9 },
      ],
    },
    {
      name: 'a client secret in an auth0.js options object (TSX)',
      filename: as.tsx,
      code: `
import { WebAuth } from 'auth0-js';
const options = { domain: 'acme.auth0.com', clientID: 'abc', clientSecret: process.env.REACT_APP_AUTH0_SECRET };
export const webAuth = new WebAuth(options);
export const Login = () => <button onClick={() => webAuth.authorize({ responseType: 'token id_token' })}>Log in</button>;`,
      errors: [{ messageId: 'client-secret', line: 3 }],
    },
    {
      name: 'node-auth0 ManagementClient bundled into browser code',
      filename: as.ts,
      options: [{ environment: 'browser' }],
      code: `
import { ManagementClient } from 'auth0';
export const management = new ManagementClient({ domain: 'acme.auth0.com', clientId: 'abc', clientSecret: 'top-secret' });`,
      errors: [{ messageId: 'client-secret', line: 3 }],
    },
    {
      name: 'a lone clientSecret property is only likely to be an Auth0 secret',
      filename: as.js,
      options: [{ reportNeedsManual: true }],
      code: `
import auth0 from 'auth0-js';
export const secrets = { clientSecret: 'top-secret' };
export const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });`,
      errors: [{ messageId: 'client-secret', line: 3 }],
    },
    {
      name: 'form-encoded client-credentials grants (URLSearchParams and strings)',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
export const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
const params = new URLSearchParams();
params.append('grant_type', 'client_credentials');
export const body = 'grant_type=client_credentials&client_id=abc';`,
      errors: [
        { messageId: 'client-credentials-grant', line: 5 },
        { messageId: 'client-credentials-grant', line: 6 },
      ],
    },
    {
      name: "node-auth0's clientCredentialsGrant in browser code",
      filename: as.js,
      options: [{ environment: 'browser' }],
      code: `
import { AuthenticationClient } from 'auth0';
const authentication = new AuthenticationClient({ domain: 'acme.auth0.com', clientId: 'abc' });
export const token = () => authentication.oauth.clientCredentialsGrant({ audience: 'https://acme.auth0.com/api/v2/' });`,
      errors: [{ messageId: 'client-credentials-grant', line: 4 }],
    },
    {
      name: 'a pasted token given to the auth0.js Management client',
      filename: as.js,
      code: `
var management = new auth0.Management({ domain: 'acme.auth0.com', token: '${OTHER_JWT}' });
management.getUser('auth0|1', function () {});`,
      errors: [{ messageId: 'management-token', line: 2 }],
    },
    {
      name: 'a pasted token in a constant, sent as the Bearer header of Management calls (reported once, where written)',
      filename: as.jsx,
      code: `
const API_TOKEN = '${OTHER_JWT}';
export const load = (id) => fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: \`Bearer \${API_TOKEN}\` } });
export const save = (id) => fetch('https://acme.auth0.com/api/v2/users/' + id, { method: 'PATCH', headers: { Authorization: 'Bearer ' + API_TOKEN }, body: '{}' });`,
      errors: [{ messageId: 'management-token', line: 2 }],
    },
    {
      name: 'a token for the Management API audience anywhere in browser code',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
export const config = { domain: 'acme.auth0.com', apiToken: 'Bearer ${MANAGEMENT_JWT}' };
export const webAuth = new WebAuth({ domain: config.domain, clientID: 'abc' });`,
      errors: [{ messageId: 'management-token', line: 3 }],
    },
    ...browser(CLIENT_CREDENTIALS, [
      { messageId: 'client-credentials-grant' as const, line: 5 },
      { messageId: 'client-secret' as const, line: 5 },
    ]),
  ],
});
