/**
 * The raw ID token read through a client's reactive claims reference (`RAW_ID_TOKEN_REFERENCES`): an ID token, and,
 * on a client whose variant has a raw-token switch, the same switch as its claims call gets.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/facts';
import type { ScopeManagerLike } from '../../src/analysis/file-context';
import { RAW_ID_TOKEN_REFERENCES } from '../../src/catalog';

const CLIENT = `import { createAuth0Client } from '@auth0/auth0-spa-js';
const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc' });
`;
const SWITCH = "await client.getTokenSilently({ authorizationParams: { audience: 'https://acme.auth0.com/api/v2/' } })";

/** The token kind of the Management call's credential in `code`, and the switch offered for it. */
function credentialIn(code: string): { kind: string; certainty: string; switchTo?: string } {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, filePath: 'file.ts' });
  const [call] = analyzeFile(ast, code, scopeManager as unknown as ScopeManagerLike).managementCalls;
  const provenance = call!.credential!.provenance;
  return {
    kind: provenance.kind,
    certainty: provenance.certainty,
    ...(provenance.accessTokenAlternative && { switchTo: provenance.accessTokenAlternative.name }),
  };
}

/** A Management call in an async (or plain) function whose Bearer token is `token`, after `setup`. */
function managementCall(token: string, setup = '', async = true): string {
  return `${CLIENT}export ${async ? 'async ' : ''}function load() {
  ${setup}
  return fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${${token}}\` } });
}`;
}

describe('raw ID token through a claims reference', () => {
  it('is a catalog entry', () => {
    expect(RAW_ID_TOKEN_REFERENCES).toEqual({ idTokenClaims: '__raw' });
  });

  it.each([
    ['read off the client', managementCall('client.idTokenClaims.value.__raw')],
    ['destructured from the client', managementCall('idTokenClaims.value.__raw', 'const { idTokenClaims } = client;')],
    [
      'destructured under another name',
      managementCall('claims.value.__raw', 'const { idTokenClaims: claims } = client;'),
    ],
    ['its value held in a const', managementCall('claims.__raw', 'const claims = client.idTokenClaims.value;')],
  ])('%s: an ID token, switched like the claims call', (_name, code) => {
    expect(credentialIn(code)).toEqual({ kind: 'id-token', certainty: 'proven', switchTo: SWITCH });
  });

  it('gets the same switch as the claims call', () => {
    expect(credentialIn(managementCall('claims.__raw', 'const claims = await client.getIdTokenClaims();'))).toEqual({
      kind: 'id-token',
      certainty: 'proven',
      switchTo: SWITCH,
    });
  });

  it.each([
    ['outside an async function', managementCall('client.idTokenClaims.value.__raw', '', false)],
    [
      'from a client no variable holds',
      managementCall('idTokenClaims.value.__raw', 'const { idTokenClaims } = makeClient();'),
    ],
    ['from a client the file does not configure', managementCall('other.idTokenClaims.value.__raw')],
    ['from another member of the client', managementCall('client.claims.value.__raw')],
  ])('%s: an ID token, with no switch', (_name, code) => {
    expect(credentialIn(code)).toEqual({ kind: 'id-token', certainty: 'proven' });
  });
});
