/**
 * A login whose audience the code computes (`audience={process.env.REACT_APP_AUDIENCE}`) may ask for the app's own
 * API: the scopes its Management calls would need are advice for a person, never a proven finding or an edit.
 */
import rule from '../../rules/minimal-management-scopes';
import { as, ruleTester } from '../rule-tester';
import { needsManual } from './shapes';

const app = (audience: string) => `
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => <Auth0Provider domain="acme.auth0.com" clientId="abc" audience={${audience}} scope="openid profile" redirectUri={location.origin}><Page /></Auth0Provider>;
function Page() {
  const { getAccessTokenSilently } = useAuth0();
  const load = async () => fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${await getAccessTokenSilently()}\` } });
  return <button onClick={load}>Load</button>;
}`;

ruleTester.run('minimal-management-scopes (computed audience)', rule, {
  valid: [
    {
      name: 'by default a needs-manual scope advice is silent',
      filename: as.jsx,
      code: app('process.env.REACT_APP_AUDIENCE'),
    },
  ],
  invalid: [
    {
      name: 'a computed audience: the missing scope is needs-manual, with no edit',
      filename: as.jsx,
      options: needsManual,
      code: app('process.env.REACT_APP_AUDIENCE'),
      errors: [{ messageId: 'missingScopes', line: 3, suggestions: [] }],
    },
    {
      name: 'an audience built over the tenant domain is the Management API: proven, with the edit',
      filename: as.tsx,
      code: app('`https://${DOMAIN}/api/v2/`'),
      errors: [
        {
          messageId: 'missingScopes',
          line: 3,
          suggestions: [
            {
              messageId: 'setScopes',
              output: app('`https://${DOMAIN}/api/v2/`').replace(
                'scope="openid profile"',
                'scope="openid profile read:current_user"',
              ),
            },
          ],
        },
      ],
    },
  ],
});
