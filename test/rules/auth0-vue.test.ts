/**
 * auth0-vue, added as a catalog entry only: `createAuth0` is the login (v1 options at the top level, v2 under
 * `authorizationParams`), `useAuth0()` members are its calls, and `idTokenClaims.value.__raw` is its raw ID token.
 */
import audienceRule from '../../rules/require-management-audience';
import idTokenRule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';

const V2_LOGIN = `import { createAuth0, useAuth0 } from '@auth0/auth0-vue';
export const auth0 = createAuth0({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { redirect_uri: location.origin } });
`;
const V1_LOGIN = `import { createAuth0, useAuth0 } from '@auth0/auth0-vue';
export const auth0 = createAuth0({ domain: 'acme.auth0.com', client_id: 'abc', redirect_uri: location.origin });
`;
const GET_USER = `export function useProfile() {
  const { getAccessTokenSilently } = useAuth0();
  return async () => {
    const token = await getAccessTokenSilently();
    return fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${token}\` } });
  };
}`;
const RAW_ID_TOKEN = `export function useProfile() {
  const auth = useAuth0();
  return async () => {
    const token = auth.idTokenClaims.value.__raw;
    return fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${token}\` } });
  };
}`;
const MANAGEMENT_AUDIENCE = "'https://acme.auth0.com/api/v2/'";

ruleTester.run('require-management-audience (auth0-vue)', audienceRule, {
  valid: [
    {
      name: "the app's own API under /api/v2 is not the Management API",
      filename: as.ts,
      code: `import { createAuth0, useAuth0 } from '@auth0/auth0-vue';
export const auth0 = createAuth0({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { audience: 'https://api.acme.example' } });
export function useOrders() {
  const { getAccessTokenSilently } = useAuth0();
  return async () => fetch('https://api.acme.example/api/v2/orders', { headers: { Authorization: \`Bearer \${await getAccessTokenSilently()}\` } });
}`,
    },
    {
      name: 'a login that already asks for the Management audience',
      filename: as.ts,
      code:
        V2_LOGIN.replace(
          'redirect_uri: location.origin',
          `audience: ${MANAGEMENT_AUDIENCE}, scope: 'openid read:current_user'`,
        ) + GET_USER,
    },
  ],
  invalid: [
    {
      name: 'v2: the audience goes under authorizationParams',
      filename: as.ts,
      code: V2_LOGIN + GET_USER,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output:
                V2_LOGIN.replace('location.origin }', `location.origin, audience: ${MANAGEMENT_AUDIENCE} }`) + GET_USER,
            },
          ],
        },
      ],
    },
    {
      name: 'v1: the audience goes at the top level',
      filename: as.js,
      code: V1_LOGIN + GET_USER,
      errors: [
        {
          messageId: 'missingAudience',
          line: 2,
          suggestions: [
            {
              messageId: 'addAudience',
              output:
                V1_LOGIN.replace('location.origin }', `location.origin, audience: ${MANAGEMENT_AUDIENCE} }`) + GET_USER,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-id-token-for-management-api (auth0-vue)', idTokenRule, {
  valid: [
    {
      name: "the SDK's access token is no ID token",
      filename: as.ts,
      code: V2_LOGIN + GET_USER,
    },
  ],
  invalid: [
    {
      name: "the raw ID token of the plugin's claims reference: switched to the SDK's access-token getter",
      filename: as.ts,
      code: V2_LOGIN + RAW_ID_TOKEN,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 7,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output:
                V2_LOGIN +
                RAW_ID_TOKEN.replace(
                  'auth.idTokenClaims.value.__raw',
                  `await auth.getAccessTokenSilently({ authorizationParams: { audience: ${MANAGEMENT_AUDIENCE} } })`,
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'destructured from the hook: reported, with no switch (the hook cannot be called again in there)',
      filename: as.ts,
      code:
        V2_LOGIN +
        RAW_ID_TOKEN.replace('const auth = useAuth0();', 'const { idTokenClaims } = useAuth0();').replace(
          'auth.idTokenClaims',
          'idTokenClaims',
        ),
      errors: [{ messageId: 'idTokenCredential', line: 7, suggestions: [] }],
    },
  ],
});
