/**
 * Issue 14, family 5: admin consoles in the browser. Connections, roles, applications and tenant settings are managed
 * only by a backend with a machine-to-machine token; a browser call to them fails with 403 whatever its token.
 */
import rule from '../../rules/no-backend-only-management-endpoints';
import { as, ruleTester } from '../rule-tester';
import { notBrowser, SEEN } from './shapes';

const proven = { review: '' };

/** A role deleted from a browser page: browser-only finding. */
const DELETE_ROLE = `
export const deleteRole = (roleId, token) =>
  fetch('https://acme.auth0.com/api/v2/roles/' + roleId, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } });`;

ruleTester.run('no-backend-only-management-endpoints (admin consoles)', rule, {
  valid: [
    ...notBrowser(DELETE_ROLE).map((entry) => ({ ...entry, name: `not browser code: ${entry.name}` })),
    {
      name: "the app's own /api/v2 routes for roles, connections and clients are not the Management API",
      filename: as.ts,
      code: `${SEEN}
export async function ownAdmin(token: string, id: string) {
  await fetch('/api/v2/roles', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` } });
  await fetch(\`https://api.acme.example/api/v2/connections/\${id}\`, { method: 'DELETE' });
  await fetch('https://acme.zendesk.com/api/v2/roles.json');
}`,
    },
    {
      name: 'the same calls on a server, with a machine-to-machine token',
      filename: as.js,
      code: `
const express = require('express');
const axios = require('axios');
express.Router().post('/roles', async (req, res) => {
  await axios.post('https://acme.auth0.com/api/v2/roles', req.body, { headers: { Authorization: 'Bearer ' + m2mToken } });
  res.end();
});`,
    },
  ],
  invalid: [
    {
      name: 'a connection created, a role changed and one assigned from a browser page (TypeScript, fetch)',
      filename: as.ts,
      code: `${SEEN}
export async function admin(token: string, roleId: string, userId: string) {
  await fetch('https://acme.auth0.com/api/v2/connections', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` } });
  await fetch(\`https://acme.auth0.com/api/v2/roles/\${roleId}\`, { method: 'PATCH', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ name: 'editor' }) });
  await fetch(\`https://acme.auth0.com/api/v2/roles/\${roleId}/users\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ users: [userId] }) });
}`,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'POST /api/v2/connections', scope: 'create:connections', ...proven },
        },
        {
          messageId: 'backendOnlyEndpoint',
          line: 4,
          data: { call: 'PATCH /api/v2/roles/{id}', scope: 'update:roles', ...proven },
        },
        {
          messageId: 'backendOnlyEndpoint',
          line: 5,
          data: { call: 'POST /api/v2/roles/{id}/users', scope: 'create:role_members', ...proven },
        },
      ],
    },
    {
      name: 'a role deleted from a browser page (JavaScript)',
      filename: as.js,
      code: `${SEEN}${DELETE_ROLE}`,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'DELETE /api/v2/roles/{id}', scope: 'delete:roles', ...proven },
        },
      ],
    },
    {
      name: "an application renamed: the endpoint's own scope, not the user PATCH body's reason (jQuery)",
      filename: as.js,
      code: `${SEEN}
$.ajax({ url: 'https://acme.auth0.com/api/v2/clients/' + clientId, method: 'PATCH', data: JSON.stringify({ name: name }) });
$.getJSON('https://acme.auth0.com/api/v2/tenants/settings');
$.ajax({ url: 'https://acme.auth0.com/api/v2/connections/' + id, type: 'DELETE' });`,
      errors: [
        {
          messageId: 'backendOnlyEndpoint',
          line: 2,
          data: { call: 'PATCH /api/v2/clients/{id}', scope: 'update:clients', ...proven },
        },
        {
          messageId: 'backendOnlyEndpoint',
          line: 3,
          data: { call: 'GET /api/v2/tenants/settings', scope: 'read:tenant_settings', ...proven },
        },
        {
          messageId: 'backendOnlyEndpoint',
          line: 4,
          data: { call: 'DELETE /api/v2/connections/{id}', scope: 'delete:connections', ...proven },
        },
      ],
    },
  ],
});
