/**
 * Issue 14, family 5: Management tokens pasted or bundled into browser code. Beside tokens for the api/v2 audience, the API v2
 * explorer's tokens (HS256, pasted from the dashboard) list Management resources in a `scopes` claim.
 */
import rule from '../../rules/no-management-secrets-in-browser';
import { as, ruleTester } from '../rule-tester';
import { notBrowser, SEEN } from './shapes';

/** A made-up JWT with this payload. */
const jwt = (payload: object) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.bWFkZS11cA`;

const EXPLORER_TOKEN = jwt({ aud: 'e1x2p3l4o5r6', scopes: { users: { actions: ['delete'] } }, iat: 1479231886 });
const EXPLORER_TOKEN_TWO_RESOURCES = jwt({
  aud: 'e1x2p3l4o5r6',
  scopes: { users: { actions: ['update'] }, users_app_metadata: { actions: ['update'] } },
});
/** Tokens for the app's own API that happen to list permissions the same way, or in a list. */
const OWN_API_TOKEN = jwt({ aud: 'orders-api', scopes: { orders: { actions: ['read'] } } });
const MIXED_TOKEN = jwt({ aud: 'orders-api', scopes: { users: { actions: ['read'] }, orders: { actions: ['read'] } } });
const LIST_TOKEN = jwt({ aud: 'orders-api', scopes: ['users'] });

const PASTED = `
var headers = { Authorization: 'Bearer ${EXPLORER_TOKEN}' };
bridge.del('https://acme.auth0.com/api/v2/users/' + userId, headers);`;

ruleTester.run('no-management-secrets-in-browser (pasted explorer tokens)', rule, {
  valid: [
    ...notBrowser(PASTED).map((entry) => ({ ...entry, name: `not browser code: ${entry.name}` })),
    {
      name: "public variables that hold no Auth0 Management token (the tenant's domain, Contentful's token)",
      filename: as.ts,
      code: `
export const domain = import.meta.env.VITE_AUTH0_DOMAIN;
export const contentful = import.meta.env.VITE_CONTENTFUL_MANAGEMENT_TOKEN;
export const audience = process.env.REACT_APP_AUTH0_MANAGEMENT_AUDIENCE;`,
    },
    {
      name: 'a Management token from a variable the bundler does not write in (no public prefix)',
      filename: as.js,
      code: `${SEEN}
export const token = process.env.AUTH0_MANAGEMENT_TOKEN;`,
    },
    {
      name: "tokens for the app's own API, whatever their claims list",
      filename: as.ts,
      code: `${SEEN}
export const ordersToken = '${OWN_API_TOKEN}';
export const mixedToken = '${MIXED_TOKEN}';
export const listToken = 'Bearer ${LIST_TOKEN}';`,
    },
  ],
  invalid: [
    {
      name: 'an explorer token in a header object sent by a custom XHR helper (JavaScript)',
      filename: as.js,
      code: `${SEEN}${PASTED}`,
      errors: [{ messageId: 'management-token', line: 2, data: { review: '' } }],
    },
    {
      name: 'an explorer token for two resources in a constant (TypeScript)',
      filename: as.ts,
      code: `${SEEN}
const EXPLORER_TOKEN = '${EXPLORER_TOKEN_TWO_RESOURCES}';
export const block = (id: string) => send('PATCH', \`https://acme.auth0.com/api/v2/users/\${id}\`, { blocked: true }, EXPLORER_TOKEN);`,
      errors: [{ messageId: 'management-token', line: 2, data: { review: '' } }],
    },
    {
      name: 'a Management token in a public Vite variable (TypeScript)',
      filename: as.ts,
      code: `
export const managementToken = import.meta.env.VITE_APP_AUTH0_MANAGEMENT_API_TOKEN;`,
      errors: [
        {
          messageId: 'bundled-management-token',
          line: 2,
          data: { variable: 'import.meta.env.VITE_APP_AUTH0_MANAGEMENT_API_TOKEN', review: '' },
        },
      ],
    },
    {
      name: 'a Management token in a public Create React App variable, sent as a Bearer header (JavaScript)',
      filename: as.js,
      code: `
fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + process.env.REACT_APP_AUTH0_MGMT_TOKEN } });`,
      errors: [
        {
          messageId: 'bundled-management-token',
          line: 2,
          data: { variable: 'process.env.REACT_APP_AUTH0_MGMT_TOKEN', review: '' },
        },
      ],
    },
  ],
});
