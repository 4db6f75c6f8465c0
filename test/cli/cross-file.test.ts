/**
 * The cross-file flows of `fixtures/legacy-app/notes` through the built CLI: `scopes` names the call sites in other
 * modules that justify each scope, and `migrate` puts those scopes onto the login in `notes/auth.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliResult, copyLegacyApp, ensureBuilt, hashTree, removeTemporaryDirectories } from './cli-helpers';

describe('cross-file flows through the CLI', () => {
  afterAll(removeTemporaryDirectories);
  let app: string;
  let scopes: CliResult;

  beforeAll(async () => {
    ensureBuilt();
    app = copyLegacyApp('cross-file');
    scopes = await cli(['scopes', '--format', 'json'], app);
  });

  it('scopes: the login in one module requires what the other modules call, with each justifying site', () => {
    const document = JSON.parse(scopes.stdout) as {
      tokenRequests: { file: string; requiredScopes: { scope: string; because: { file: string; line: number }[] }[] }[];
    };
    const login = document.tokenRequests.find((request) => request.file === 'notes/auth.js')!;
    expect(
      login.requiredScopes.map(({ scope, because }) => [scope, because.map((site) => `${site.file}:${site.line}`)]),
    ).toEqual([
      ['read:current_user', ['notes/profile.js:6']],
      ['update:current_user_identities', ['notes/accounts.js:6']],
      ['update:current_user_metadata', ['notes/api.js:5', 'notes/settings.js:6']],
      ['delete:current_user_device_credentials', ['notes/devices.js:8']],
    ]);
  });

  it("migrate writes the other modules' scopes onto the login, and the stored access token where they read it", async () => {
    const before = hashTree(app);
    const result = await cli(['migrate', '--force', 'notes'], app);
    expect(result.status, result.stderr).toBe(0);
    const auth = fs.readFileSync(path.join(app, 'notes/auth.js'), 'utf8');
    expect(auth).toContain(
      "scope: 'openid profile read:current_user update:current_user_identities update:current_user_metadata delete:current_user_device_credentials',",
    );
    expect(auth).toContain("localStorage.setItem('notes:access_token', authResult.accessToken);");
    expect(fs.readFileSync(path.join(app, 'notes/profile.js'), 'utf8')).toContain(
      "localStorage.getItem('notes:access_token')",
    );
    const after = hashTree(app);
    expect(
      Object.keys(after)
        .filter((file) => after[file] !== before[file])
        .sort(),
    ).toEqual([
      'notes/AuthProvider.jsx',
      'notes/auth.js',
      'notes/auth.service.ts',
      'notes/devices.js',
      'notes/management.js',
      'notes/profile.js',
    ]);
  });
});
