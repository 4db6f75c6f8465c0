import rule from '../../rules/no-backend-only-management-endpoints';
import { as, ruleTester } from '../rule-tester';
import { browser, notBrowser } from './shapes';

const proven = { review: '' };
const review = { review: ' (needs manual review)' };
const patchReason = (keys: string) =>
  `the body changes ${keys}; a current-user token may only change \`user_metadata\``;
const linkReason =
  'the body names the secondary account by `provider`/`user_id`; a current-user token may only link with its ID token in `link_with`';

/** A user search: browser-only finding. */
const USER_SEARCH = `
export const searchUsers = (email, token) =>
  fetch('https://acme.auth0.com/api/v2/users?q=' + encodeURIComponent(email), { headers: { Authorization: 'Bearer ' + token } });`;

ruleTester.run('no-backend-only-management-endpoints', rule, {
  valid: [
    ...notBrowser(USER_SEARCH).map((entry) => ({ ...entry, name: `not browser code: ${entry.name}` })),
    // Current-user endpoints a browser token can call.
    {
      code: `
fetch(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${accessToken}\` } });
`,
      filename: as.js,
    },
    {
      code: `
import axios from 'axios';
export const saveColour = (id: string, colour: string, token: string) =>
  axios.patch(\`https://acme.auth0.com/api/v2/users/\${encodeURIComponent(id)}\`, { user_metadata: { colour } }, { headers: { Authorization: \`Bearer \${token}\` } });
`,
      filename: as.ts,
    },
    {
      code: `
$.ajax({
  type: 'POST',
  url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + primaryId + '/identities',
  data: { link_with: secondaryIdToken },
  headers: { Authorization: 'Bearer ' + accessToken },
});
`,
      filename: as.js,
    },
    {
      code: `
angular.module('app').controller('Accounts', function ($http) {
  this.unlink = function (identity) {
    return $http.delete('https://' + AUTH0_DOMAIN + '/api/v2/users/' + this.userId + '/identities/' + identity.provider + '/' + identity.user_id);
  };
});
`,
      filename: as.js,
    },
    {
      code: `
import superagent from 'superagent';
superagent.post('https://acme.auth0.com/api/v2/device-credentials').set('Authorization', 'Bearer ' + accessToken).send({ device_name: 'phone', type: 'public_key', value: key });
superagent.del('https://acme.auth0.com/api/v2/users/' + sub + '/multifactor/guardian').set('Authorization', 'Bearer ' + accessToken);
`,
      filename: as.js,
    },
    // Not the Management API: Zendesk, the app's own API, relative paths.
    {
      code: `
fetch('https://acme.zendesk.com/api/v2/users/' + id + '.json', { method: 'DELETE' });
fetch('http://localhost:5000/api/v2/users');
fetch(\`/api/v2/users/\${id}/books\`);
axios.get('https://api.example.com/api/v2/logs');
`,
      filename: as.js,
    },
    // A PATCH body the code builds dynamically, a path the code builds dynamically, a method the code computes on a
    // path where a current-user token can call some methods.
    {
      code: `
fetch('https://acme.auth0.com/api/v2/users/' + id, { method: 'PATCH', body: JSON.stringify({ ...changes }) });
fetch('https://acme.auth0.com/api/v2/' + path);
$.ajax({ url: 'https://acme.auth0.com/api/v2/users/' + id, type: method });
`,
      filename: as.js,
    },
    // An endpoint the catalog does not know is only reported for review.
    {
      code: `
fetch(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${id}/sessions\`);
`,
      filename: as.js,
    },
    // Server files (environment auto): the backend is where these calls belong.
    {
      code: `
const request = require('request');
request({ url: 'https://' + process.env.AUTH0_DOMAIN + '/api/v2/users', qs: { q: query }, auth: { bearer: managementToken } }, callback);
request.del('https://' + process.env.AUTH0_DOMAIN + '/api/v2/users/' + id, { auth: { bearer: managementToken } });
`,
      filename: as.js,
    },
    {
      code: `
import express from 'express';
import axios from 'axios';
const app = express();
app.get('/admin/logs', async (_req, res) => {
  const { data } = await axios.get(\`https://\${process.env.AUTH0_DOMAIN}/api/v2/logs\`, { headers: { Authorization: \`Bearer \${m2mToken}\` } });
  res.json(data);
});
`,
      filename: as.ts,
    },
    // Names that only look like a transport: a hapi handler's `request`, Node's https module as `http`.
    {
      code: `
const http = require('https');
server.route({ method: 'GET', path: '/users', handler: (request) => request.get('https://acme.auth0.com/api/v2/users') });
http.get('https://acme.auth0.com/api/v2/users', (response) => response.pipe(process.stdout));
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
    },
    // `environment: 'server'` silences a file that looks like a browser file.
    {
      code: `
$.getJSON('https://acme.auth0.com/api/v2/users-by-email?email=' + encodeURIComponent(email));
`,
      filename: as.js,
      options: [{ environment: 'server' }],
    },
  ],
  invalid: [
    // List / search users.
    {
      code: `
fetch(\`https://\${AUTH0_DOMAIN}/api/v2/users?q=\${encodeURIComponent(query)}&search_engine=v3\`, {
  headers: { Authorization: \`Bearer \${token}\` },
});
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 2,
          data: { call: 'GET /api/v2/users', scope: 'read:users', ...proven },
        },
      ],
    },
    // Users by email, through axios and an axios instance with a baseURL.
    {
      code: `
import axios from 'axios';
const management = axios.create({ baseURL: \`https://\${AUTH0_DOMAIN}/api/v2/\` });
export async function findByEmail(email: string) {
  const { data } = await management.get('users-by-email', { params: { email } });
  return data;
}
`,
      filename: as.ts,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 5,
          data: { call: 'GET /api/v2/users-by-email', scope: 'read:users', ...proven },
        },
      ],
    },
    // Create a user (jQuery shorthand) and delete one (AngularJS config form).
    {
      code: `
$.post('https://acme.auth0.com/api/v2/users', { email: email, connection: 'Username-Password-Authentication' });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 2,
          data: { call: 'POST /api/v2/users', scope: 'create:users', ...proven },
        },
      ],
    },
    {
      code: `
angular.module('admin').service('Users', function ($http) {
  this.remove = function (id) {
    return $http({ method: 'DELETE', url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + id });
  };
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 4,
          data: { call: 'DELETE /api/v2/users/{id}', scope: 'delete:users', ...proven },
        },
      ],
    },
    // Roles (superagent chain) and permissions (browser-request).
    {
      code: `
import request from 'superagent';
request.get(\`https://acme.auth0.com/api/v2/users/\${id}/roles\`).set('Authorization', \`Bearer \${token}\`).then(show);
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'GET /api/v2/users/{id}/roles', scope: 'read:roles read:users', ...proven },
        },
      ],
    },
    {
      code: `
var request = require('browser-request');
request({ method: 'POST', url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + id + '/permissions', json: { permissions: list } }, done);
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'POST /api/v2/users/{id}/permissions', scope: 'update:users', ...proven },
        },
      ],
    },
    // superagent called as a function, and vue-resource's this.$http with a `body`.
    {
      code: `
import superagent from 'superagent';
superagent('https://acme.auth0.com/api/v2/users?q=' + encodeURIComponent(query), function (err, res) { render(res.body); });
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'GET /api/v2/users', scope: 'read:users', ...proven },
        },
      ],
    },
    {
      code: `
export default {
  methods: {
    promote() {
      return this.$http({ method: 'PATCH', url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + this.userId, body: { app_metadata: { role: 'admin' } } });
    },
  },
};
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 5,
          data: { call: 'PATCH /api/v2/users/{id}', reason: patchReason('`app_metadata`'), ...proven },
        },
      ],
    },
    // Logs through XMLHttpRequest.
    {
      code: `
var xhr = new XMLHttpRequest();
xhr.open('GET', 'https://acme.auth0.com/api/v2/logs?per_page=10');
xhr.setRequestHeader('Authorization', 'Bearer ' + token);
xhr.send();
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'GET /api/v2/logs', scope: 'read:logs', ...proven },
        },
      ],
    },
    // Device credentials list through Angular's HttpClient.
    {
      code: `
import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable()
export class DevicesService {
  constructor(private readonly api: HttpClient) {}

  list(userId: string) {
    return this.api.get(\`https://\${environment.auth0.domain}/api/v2/device-credentials?user_id=\${userId}\`);
  }
}
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 10,
          data: { call: 'GET /api/v2/device-credentials', scope: 'read:device_credentials', ...proven },
        },
      ],
    },
    // PATCH bodies beyond user_metadata.
    {
      code: `
fetch('https://acme.auth0.com/api/v2/users/' + id, {
  method: 'PATCH',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ app_metadata: { plan: 'pro' } }),
});
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 2,
          data: { call: 'PATCH /api/v2/users/{id}', reason: patchReason('`app_metadata`'), ...proven },
        },
      ],
    },
    {
      code: `
import axios from 'axios';
const changes = { user_metadata: { theme }, name, picture };
axios({ method: 'patch', url: \`https://\${AUTH0_DOMAIN}/api/v2/users/\${id}\`, data: changes });
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 4,
          data: { call: 'PATCH /api/v2/users/{id}', reason: patchReason('`name`, `picture`'), ...proven },
        },
      ],
    },
    {
      code: `
jQuery.ajax('https://acme.auth0.com/api/v2/users/' + id, { method: 'PATCH', data: JSON.stringify({ email: email }), contentType: 'application/json' });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 2,
          data: { call: 'PATCH /api/v2/users/{id}', reason: patchReason('`email`'), ...proven },
        },
      ],
    },
    // Linking by provider + user_id instead of link_with.
    {
      code: `
const xhr = new XMLHttpRequest();
xhr.open('POST', \`https://\${AUTH0_DOMAIN}/api/v2/users/\${primary}/identities\`);
xhr.send(JSON.stringify({ provider: 'google-oauth2', user_id: secondaryId }));
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 3,
          data: { call: 'POST /api/v2/users/{id}/identities', reason: linkReason, ...proven },
        },
      ],
    },
    // A method the code computes, on a path no current-user token can call with any method.
    {
      code: `
$.ajax({ url: 'https://acme.auth0.com/api/v2/users/' + id + '/roles', type: verb, data: { roles: roles } });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 2,
          data: {
            call: '? /api/v2/users/{}/roles',
            scope: 'read:roles read:users or create:role_members or delete:role_members',
            ...proven,
          },
        },
      ],
    },
    // An endpoint outside the catalog, reported for review when asked.
    {
      code: `
fetch(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${id}/sessions\`);
`,
      filename: as.js,
      options: [{ environment: 'browser', reportNeedsManual: true }],
      errors: [{ messageId: 'unknownEndpoint', line: 2, data: { call: 'GET /api/v2/users/{}/sessions', ...review } }],
    },
    // An SDK client: auth0.js patchUserAttributes with app_metadata.
    {
      code: `
const management = new auth0.Management({ domain: 'acme.auth0.com', token: accessToken });
management.patchUserAttributes(userId, { app_metadata: { plan: 'pro' } }, done);
`,
      filename: as.js,
      errors: [
        {
          messageId: 'backendOnlyBody',
          line: 3,
          data: { call: 'PATCH /api/v2/users/{id}', reason: patchReason('`app_metadata`'), ...proven },
        },
      ],
    },
    // JSX: a React component that lists users.
    {
      code: `
import { useEffect, useState } from 'react';
import { useAuth0 } from '@auth0/auth0-react';

export function UserList() {
  const { getAccessTokenSilently } = useAuth0();
  const [users, setUsers] = useState([]);
  useEffect(() => {
    getAccessTokenSilently().then((token) =>
      window.fetch(\`https://\${process.env.REACT_APP_AUTH0_DOMAIN}/api/v2/users\`, { headers: { Authorization: \`Bearer \${token}\` } }),
    ).then((response) => response.json()).then(setUsers);
  }, []);
  return <ul>{users.map((user) => <li key={user.user_id}>{user.email}</li>)}</ul>;
}
`,
      filename: as.jsx,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 10,
          data: { call: 'GET /api/v2/users', scope: 'read:users', ...proven },
        },
      ],
    },
    // TSX: deleting the account from a settings page.
    {
      code: `
import axios from 'axios';

export function DeleteAccount({ userId, token }: { userId: string; token: string }) {
  const remove = () => axios.delete(\`https://\${import.meta.env.VITE_AUTH0_DOMAIN}/api/v2/users/\${userId}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  return <button onClick={remove}>Delete my account</button>;
}
`,
      filename: as.tsx,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 5,
          data: { call: 'DELETE /api/v2/users/{id}', scope: 'delete:users', ...proven },
        },
      ],
    },
    // `environment: 'browser'` reports a file that looks like a server file.
    {
      code: `
const request = require('request-promise-native');
module.exports = () => request.get({ uri: 'https://acme.auth0.com/api/v2/users', json: true });
`,
      filename: as.js,
      options: [{ environment: 'browser' }],
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'GET /api/v2/users', scope: 'read:users', ...proven },
        },
      ],
    },
    ...browser(USER_SEARCH, [
      {
        messageId: 'backendOnlyEndpoint' as const,
        line: 3,
        data: { call: 'GET /api/v2/users', scope: 'read:users', ...proven },
      },
    ]),
  ],
});
