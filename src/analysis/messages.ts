/**
 * Every rule's text: what it checks, where its documentation is, and its messages by message id. The analysis decides
 * which message a finding gets, so it owns their text; the ESLint rules, the codemod and the CLI all read it from here.
 */
import type { RuleName } from './checks';
import type { Finding } from './findings';

export const DOCS_BASE_URL = 'https://github.com/auth0-tokens/eslint-plugin-auth0-tokens/blob/main/docs/rules/';

export function ruleDocsUrl(rule: string): string {
  return `${DOCS_BASE_URL}${rule}.md`;
}

export const RULE_DESCRIPTIONS = {
  'minimal-management-scopes': 'Require exactly the current_user scopes the Management API calls in the file need',
  'no-any-user-scopes-in-browser':
    'Disallow Management API scopes that act on any user (read:users, update:users, ...) in browser code',
  'no-backend-only-management-endpoints':
    'Disallow browser calls to Management API endpoints that no current-user token can call',
  'no-id-token-for-management-api': 'Disallow ID tokens as the credential of Management API v2 calls',
  'no-legacy-id-token-apis': 'Disallow ID-token-era APIs that have no access-token path',
  'no-management-secrets-in-browser':
    'Disallow client secrets, client-credentials grants and literal Management tokens in browser code',
  'require-management-audience':
    'Require the Management API audience on token requests whose tokens call the Management API',
  'require-token-response-type': 'Require `token` in the response type of logins whose tokens call the Management API',
} satisfies Record<RuleName, string>;

/** `{{review}}` is where a needs-manual finding says so (see `messageData`). */
export const RULE_MESSAGES = {
  'minimal-management-scopes': {
    missingScopes:
      "Missing scope {{scopes}}: the Management calls this login's tokens reach need it ({{because}}), without it they fail with 403{{review}}.",
    unusedScopes:
      "Scope {{scopes}} is not needed by any Management call this login's tokens reach{{review}}. Request only the scopes the calls use.",
    malformedScope: "Scopes are separated by spaces, not commas: '{{scope}}' is read as one unknown scope{{review}}.",
    unknownEndpoint:
      'A Management call reached by this token request targets an endpoint the catalog cannot read, so the scopes cannot be derived{{review}}.',
    setScopes: "Set scope to '{{scope}}'",
    normaliseScope: "Separate the scopes with spaces: '{{scope}}'",
  },
  'no-any-user-scopes-in-browser': {
    anyUserScope:
      '{{scopes}} can never be granted to a browser token{{review}}; a browser may only hold current_user scopes. Request {{replacement}} instead, or move this call to a backend with a machine-to-machine token.',
    anyUserScopeUnknownAudience:
      "{{scopes}} is a Management API scope no browser token can hold, unless this login's audience (which the code does not show) is your own API's, where it may be that API's permission{{review}}. For the Management API request {{replacement}} instead.",
    setScopes: "Set scope to '{{scope}}'",
  },
  'no-backend-only-management-endpoints': {
    backendOnlyEndpoint:
      '{{call}} needs {{scope}}, which no browser token can hold: it fails with 403{{review}}. Call your own backend, which uses a machine-to-machine token.',
    backendOnlyBody:
      '{{call}}: {{reason}}{{review}}. Send only user_metadata, or move this update to a backend with a machine-to-machine token.',
    unknownEndpoint:
      '{{call}} is not an endpoint a current-user token is known to reach{{review}}. Check it against the Management API scopes.',
  },
  'no-id-token-for-management-api': {
    idTokenCredential:
      "{{source}} is an ID token used as the Management API credential{{review}}. Request an access token for audience 'https://<domain>/api/v2/' with the current_user scopes the calls need, and send it instead.",
    idTokenFromStorage:
      "{{source}} holds an ID token and is sent as the Management API credential{{review}}. Where the login stores it, also store the access token (requested with audience 'https://<domain>/api/v2/') under its own key, and send that key here.",
    idTokenLoginBlocked:
      "{{source}} is an ID token used as the Management API credential{{review}}, and stays one until its login is fixed, as {{reason}}. Once the login asks for audience 'https://<domain>/api/v2/', a response type with 'token' and {{scopes}}, send its access token instead.",
    idTokenCredentialServer:
      '{{source}} is a user ID token used as the Management API credential on a server{{review}}. Use a machine-to-machine token (ManagementClient with clientId/clientSecret).',
    untracedCredential:
      "The credential of {{call}} cannot be traced to a login{{review}}. Once the tenant setting 'Allow ID Tokens for Management API v2 Authentication' is off, it must be an access token for audience 'https://<domain>/api/v2/' with the current_user scopes the call needs.",
    useAccessToken: 'Send the access token instead: {{replacement}}',
    storeAccessToken: "Store the access token beside the ID token under '{{key}}' and send it here: {{replacement}}",
  },
  'no-legacy-id-token-apis': {
    legacyApi: '{{api}} belongs to the ID-token era and is deprecated{{review}}. Use {{replacement}}.',
  },
  'no-management-secrets-in-browser': {
    'client-secret':
      'A client secret in browser code is public{{review}}. Remove it, rotate it in the Auth0 dashboard, and keep machine-to-machine credentials on a backend.',
    'client-credentials-grant':
      'A client-credentials grant in browser code exposes a machine-to-machine secret{{review}}. Request a current-user Management token at login instead, or call your backend.',
    'management-token':
      "A literal Management API token in browser code grants its scopes to anyone{{review}}. Revoke it and use the logged-in user's access token.",
    'bundled-management-token':
      "{{variable}} is a public build variable named as a Management API token: the bundler writes its value into the browser bundle, where it grants its scopes to anyone{{review}}. Revoke the token, and use the logged-in user's access token or your backend.",
  },
  'require-management-audience': {
    missingAudience:
      "This token request's tokens call the Management API but it asks for no audience{{review}}. Add audience: {{audience}}.",
    otherAudience:
      "This token request asks for audience '{{audience}}', but its tokens call the Management API, which needs '{{expected}}'{{review}}. A token carries one audience: keep this one for your API and get a second token for the Management API with {{route}}.",
    severalAudiences:
      'The Management API rejects tokens with more than one audience{{review}}. Request the api/v2 audience alone.',
    sdkCannotRequestAudience:
      '{{sdk}} cannot request an API audience, but its tokens call the Management API{{review}}. Upgrade to an SDK that can (auth0.js v9+, Lock 11+) and request the api/v2 audience.',
    dynamicOptions:
      'The options of this token request are built dynamically, so its audience cannot be checked{{review}}. Make sure it requests https://<domain>/api/v2/.',
    addAudience: 'Add audience: {{audience}}',
  },
  'require-token-response-type': {
    missingTokenResponseType:
      "Response type '{{responseType}}' returns no access token, but this login's tokens call the Management API{{review}}. Use '{{fixed}}'.",
  },
} as const satisfies Record<RuleName, Record<string, string>>;

export type MessageId<Rule extends RuleName> = keyof (typeof RULE_MESSAGES)[Rule] & string;

/** A finding's message data, with `review` saying whether the finding needs manual review. */
export function messageData(finding: Pick<Finding, 'data' | 'certainty'>): Record<string, string> {
  return { ...finding.data, review: finding.certainty === 'needs-manual' ? ' (needs manual review)' : '' };
}
