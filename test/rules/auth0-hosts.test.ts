/**
 * Auth0 hosts written as real apps write them (issue 14 §4): placeholders, computed tenant labels and config modules
 * named for Auth0 prove the host; any other `/api/v2` (PokeAPI, Zendesk, the app's own API) stays silent.
 */
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';

const proven = { review: '' };

/** A page that sends the login's ID token to `url`, with `header` lines (imports) above it. */
function page(url: string, header = ''): string {
  return `${header}
webAuth.parseHash(function (err, authResult) {
  fetch(${url}, { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});
`;
}

/** The line of the `fetch` in `page(url, header)`. */
function fetchLine(header: string): number {
  return header.split('\n').length + 2;
}

const auth0Hosts: readonly [string, string][] = [
  ['`<MY_DOMAIN>.auth0.com/api/v2/users/${id}/roles`', ''],
  ["'https://{{TENANT}}.eu.auth0.com/api/v2/users/' + id", ''],
  ["'https://YOUR_TENANT.auth0.com/api/v2/users/' + id", ''],
  ['`https://${tenant}.auth0.com/api/v2/users/${id}`', ''],
  ["'https://{{AUTH0_DOMAIN}}/api/v2/users/' + id", ''],
  ["'https://YOUR_AUTH0_DOMAIN/api/v2/users/' + id", ''],
  ['`https://${AUTH_CONFIG.domain}/api/v2/users/${id}`', "import { AUTH_CONFIG } from './auth0-variables';"],
  ["'https://' + myConfig.domain + '/api/v2/users/' + id", "const myConfig = require('./auth0-config.json');"],
  ['`https://${config.auth0.domain}/api/v2/users/${id}`', "import config from './config';"],
  ['`https://${process.env.REACT_APP_AUTH0_DOMAIN}/api/v2/users/${id}`', ''],
  ['`https://${import.meta.env.VITE_AUTH0_DOMAIN}/api/v2/users/${id}`', ''],
];

const otherHosts: readonly [string, string][] = [
  ["'https://YOUR_DOMAIN/api/v2/users/' + id", ''],
  ["'{{DOMAIN}}/api/v2/users/' + id", ''],
  ['`https://pokeapi.co/api/v2/pokemon/${name}`', ''],
  ["'https://{subdomain}.zendesk.com/api/v2/users/' + id + '.json'", ''],
  ['`https://${subdomain}.zendesk.com/api/v2/users/${id}.json`', ''],
  ["'http://<API_HOST>/api/v2/orders'", ''],
  ['`https://${AUTH_CONFIG.domain}/api/v2/users/${id}`', "import { AUTH_CONFIG } from './config';"],
  [
    '`https://${environment.auth.domain}/api/v2/users/${id}`',
    "import { environment } from './environments/environment';",
  ],
  ['`${AUTH_CONFIG.apiUrl}/api/v2/users/${id}`', "import { AUTH_CONFIG } from './auth0-variables';"],
];

ruleTester.run('no-id-token-for-management-api (Auth0 hosts)', rule, {
  valid: otherHosts.flatMap(([url, header]) =>
    [as.js, as.ts].map((filename) => ({ code: page(url, header), filename })),
  ),
  invalid: auth0Hosts.flatMap(([url, header]) =>
    [as.js, as.ts].map((filename) => ({
      code: page(url, header),
      filename,
      errors: [
        {
          messageId: 'idTokenCredential' as const,
          line: fetchLine(header),
          data: { source: 'authResult.idToken', ...proven },
          suggestions: [],
        },
      ],
    })),
  ),
});

/** A page whose login is configured with the placeholder `YOUR_DOMAIN`, sending `authResult.<token>` to it. */
function configuredPage(token: string): string {
  return `
const webAuth = new auth0.WebAuth({ domain: 'YOUR_DOMAIN', clientID: 'YOUR_CLIENT_ID', responseType: 'id_token' });
webAuth.parseHash(function (err, authResult) {
  fetch('https://YOUR_DOMAIN/api/v2/users/' + authResult.idTokenPayload.sub, {
    headers: { Authorization: 'Bearer ' + authResult.${token} },
  });
});
`;
}

// The same placeholder the login is configured with is the tenant: `YOUR_DOMAIN` then proves the host.
ruleTester.run('no-id-token-for-management-api (a placeholder the login is configured with)', rule, {
  valid: [],
  invalid: [as.js, as.ts].map((filename) => ({
    code: configuredPage('idToken'),
    filename,
    errors: [
      {
        messageId: 'idTokenCredential' as const,
        line: 5,
        data: { source: 'authResult.idToken', ...proven },
        suggestions: [
          {
            messageId: 'useAccessToken' as const,
            data: { replacement: 'authResult.accessToken' },
            output: configuredPage('accessToken'),
          },
        ],
      },
    ],
  })),
});
