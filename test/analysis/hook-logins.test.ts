/**
 * A hook's result (`const auth = useAuth0()`) stands for the file's single login of the hook's client kind: the raw ID
 * token read off it is that login's, and a switch never calls the hook again inside the async function.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/facts';
import type { ScopeManagerLike } from '../../src/analysis/file-context';

const PROVIDER = `import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const App = () => <Auth0Provider domain="acme.auth0.com" clientId="r3" authorizationParams={{ redirect_uri: location.origin }} />;
`;

function issuerOf(code: string): string | undefined {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, filePath: 'file.tsx' });
  const [call] = analyzeFile(ast, code, scopeManager as unknown as ScopeManagerLike).managementCalls;
  const provenance = call!.credential!.provenance;
  expect(provenance.kind).toBe('id-token');
  return provenance.issuer?.sdk;
}

const page = (body: string, providers = PROVIDER) => `${providers}export function Page() {
  ${body}
  return fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${token}\` } });
}`;

describe('a hook result stands for its login', () => {
  it('the raw ID token read off a held hook result is the login of the file', () => {
    expect(issuerOf(page('const auth = useAuth0();\n  const token = auth.idTokenClaims.value.__raw;'))).toBe(
      'auth0-react-v2',
    );
  });

  it('two logins of the kind in the file: no login is chosen', () => {
    expect(
      issuerOf(
        page(
          'const auth = useAuth0();\n  const token = auth.idTokenClaims.value.__raw;',
          PROVIDER + PROVIDER.split('\n')[1],
        ),
      ),
    ).toBeUndefined();
  });

  it('a call that is not the hook stands for no login', () => {
    expect(issuerOf(page('const auth = other();\n  const token = auth.idTokenClaims.value.__raw;'))).toBeUndefined();
  });
});
