/**
 * `auth0-tokens scopes` end to end: the least-privilege report per token request in text, JSON and Markdown, the tenant
 * checklist, and the exit code (1 while a token request's declared scopes differ from the required ones).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliResult, copyLegacyApp, ensureBuilt, removeTemporaryDirectories } from './cli-helpers';

interface TokenRequest {
  file: string;
  line: number;
  audience: string | null;
  responseType: string | null;
  declaredScopes: string[];
  requiredScopes: {
    scope: string;
    because: { file: string; line: number; via: string; method: string | null; path: string | null }[];
  }[];
  missingScopes: string[];
  excessScopes: string[];
}

describe('auth0-tokens scopes', () => {
  afterAll(removeTemporaryDirectories);
  let app: string;
  let text: CliResult;
  let json: CliResult;
  let markdown: CliResult;

  beforeAll(async () => {
    ensureBuilt();
    app = copyLegacyApp('scopes');
    [text, json, markdown] = await Promise.all([
      cli(['scopes'], app),
      cli(['scopes', '--format', 'json'], app),
      cli(['scopes', '-f', 'markdown'], app),
    ]);
  });

  it('json: the scan schema; each required scope names the call sites that justify it', () => {
    expect(json.status).toBe(1);
    const document = JSON.parse(json.stdout) as { schemaVersion: number; tokenRequests: TokenRequest[] };
    expect(document.schemaVersion).toBe(1);
    const auth = document.tokenRequests.find((request) => request.file === 'public/js/auth.js')!;
    expect(auth).toMatchObject({ audience: null, responseType: 'id_token' });
    expect(auth.missingScopes).toEqual(expect.arrayContaining(['read:current_user']));
    const read = auth.requiredScopes.find((required) => required.scope === 'read:current_user')!;
    expect(read.because).toContainEqual(
      expect.objectContaining({
        file: 'public/js/auth.js',
        method: 'GET',
        path: expect.stringMatching(/users\/\{id\}$/),
      }),
    );
  });

  it('text: audience, response type, declared, required with call sites, missing, excess; then the tenant checklist', () => {
    expect(text.status).toBe(1);
    const request = /^Token request public\/js\/auth\.js:\d+ \(auth0\.js\)\n(?: {2}.*\n)+/m.exec(text.stdout)?.[0];
    expect(request).toBeDefined();
    expect(request).toMatch(/^ {2}audience: +\(none\)$/m);
    expect(request).toMatch(/^ {2}response type: +id_token$/m);
    expect(request).toMatch(/^ {2}declared: +openid profile email$/m);
    expect(request).toMatch(/^ {4}read:current_user\n {6}public\/js\/auth\.js:\d+ {2}\S.* {2}GET \S*users\/\{id\}$/m);
    expect(request).toMatch(/^ {2}missing: +.*read:current_user/m);
    expect(request).toMatch(/^ {2}excess: +/m);
    expect(text.stdout).toMatch(
      /Tenant checklist\n {2}- Turn off "Allow ID Tokens for Management API v2 Authentication".*\n {2}- .*"Allow Skipping User Consent".*first-party.*consent dialog.*localhost.*\n {2}- A token holds one audience/,
    );
  });

  it('markdown: a section per token request with a scope table, and the checklist', () => {
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toMatch(/^# auth0-tokens scopes\n/);
    expect(markdown.stdout).toMatch(/^### `public\/js\/auth\.js:\d+` \(auth0\.js\)$/m);
    expect(markdown.stdout).toMatch(/^\| `read:current_user` \| `public\/js\/auth\.js:\d+ .+GET .*users\/\{id\}` \|$/m);
    expect(markdown.stdout).toMatch(/^## Tenant checklist\n\n- \[ \] Turn off/m);
  });

  it('exits 0 once the declared scopes are the required ones', async () => {
    expect((await cli(['migrate', 'public/js/auth.js', '-q'], app)).status).toBe(0);
    const after = await cli(['scopes', 'public/js/auth.js', '--format', 'json'], app);
    expect(after.status).toBe(0);
    const [request] = (JSON.parse(after.stdout) as { tokenRequests: TokenRequest[] }).tokenRequests;
    expect(request).toMatchObject({ missingScopes: [], excessScopes: [], responseType: 'token id_token' });
  });
});
