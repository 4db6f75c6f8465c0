/**
 * Cross-file analysis over `fixtures/cross-file`: a login in `auth.js` whose tokens reach Management calls in other
 * modules through storage (`profile.js`), an exported getter (`settings.js`), the exported client itself
 * (`devices.js`), a module-level Management client (`management.js`, used by `accounts.js`) and a helper that takes
 * the token as a parameter (`api.js`, called from `auth.js`); and an Angular service (`auth.service.ts`) whose token
 * another service reads through constructor injection (`enrollments.service.ts`); and a React provider
 * (`AuthProvider.jsx`) whose context value a page uses (`Preferences.jsx`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/project';

const ROOT = path.join(__dirname, '../fixtures/cross-file');
const FILES = fs.readdirSync(path.join(ROOT, 'src')).map((file) => path.join(ROOT, 'src', file));
const OPTIONS = { cwd: ROOT, environment: 'auto', metadataScope: 'update' } as const;
const LOGIN = { file: 'src/auth.js', line: 6, message: 'the login that issues this token' };

describe('cross-file analysis', () => {
  const analysis = analyzeProject(FILES, OPTIONS);

  it('derives the login scopes from the calls every module makes with its tokens, naming each call site', () => {
    const byFile = (file: string) => analysis.report.tokenRequests.filter((report) => report.file === file);
    expect(analysis.report.tokenRequests.map((report) => report.file)).toEqual(['src/AuthProvider.jsx', 'src/auth.js', 'src/auth.service.ts']);
    const [request] = byFile('src/auth.js');
    const [service] = byFile('src/auth.service.ts');
    expect(byFile('src/AuthProvider.jsx')[0]).toMatchObject({
      line: 7,
      requiredScopes: [{ scope: 'update:current_user_metadata', because: [{ file: 'src/Preferences.jsx', line: 8, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' }] }],
    });
    expect(service).toMatchObject({
      file: 'src/auth.service.ts',
      line: 8,
      requiredScopes: [{ scope: 'read:current_user', because: [{ file: 'src/enrollments.service.ts', line: 12, via: 'HttpClient.get', method: 'GET', path: '/api/v2/users/{id}/enrollments' }] }],
      missingScopes: ['read:current_user'],
    });
    expect(request).toMatchObject({ file: 'src/auth.js', line: 6, sdk: 'auth0.js', audience: null, responseType: 'id_token', declaredScopes: ['openid', 'profile'], excessScopes: [] });
    expect(request!.requiredScopes).toEqual([
      { scope: 'read:current_user', because: [{ file: 'src/profile.js', line: 6, via: 'fetch', method: 'GET', path: '/api/v2/users/{id}' }] },
      { scope: 'update:current_user_identities', because: [{ file: 'src/accounts.js', line: 6, via: 'auth0.js Management#linkUser', method: 'POST', path: '/api/v2/users/{id}/identities' }] },
      {
        scope: 'update:current_user_metadata',
        because: [
          { file: 'src/api.js', line: 5, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' },
          { file: 'src/settings.js', line: 6, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' },
        ],
      },
      { scope: 'delete:current_user_device_credentials', because: [{ file: 'src/devices.js', line: 8, via: 'fetch', method: 'DELETE', path: '/api/v2/device-credentials/{id}' }] },
    ]);
    expect(request!.missingScopes).toEqual(['read:current_user', 'update:current_user_identities', 'update:current_user_metadata', 'delete:current_user_device_credentials']);
  });

  it('proves the ID token in each module and points at the login that issued it', () => {
    const credentials = analysis.report.findings.filter((finding) => finding.ruleId === 'auth0-tokens/no-id-token-for-management-api');
    expect(credentials.map((finding) => [finding.file, finding.line, finding.certainty, finding.related])).toEqual([
      ['src/Preferences.jsx', 10, 'proven', [{ ...LOGIN, file: 'src/AuthProvider.jsx', line: 7 }]],
      ['src/api.js', 7, 'proven', [LOGIN]],
      ['src/devices.js', 10, 'proven', [LOGIN]],
      ['src/enrollments.service.ts', 11, 'proven', [{ ...LOGIN, file: 'src/auth.service.ts', line: 8 }]],
      ['src/management.js', 5, 'proven', [LOGIN]],
      ['src/profile.js', 7, 'proven', [LOGIN]],
      ['src/settings.js', 8, 'proven', [LOGIN]],
    ]);
    // The secondary account's ID token passed to linkUser is never a finding.
    expect(analysis.report.findings.filter((finding) => finding.file === 'src/accounts.js')).toEqual([]);
    const scopes = analysis.report.findings.find((finding) => finding.ruleId === 'auth0-tokens/minimal-management-scopes' && finding.file === 'src/auth.js');
    expect(scopes?.related.map((related) => `${related.file}:${related.line}`)).toEqual(['src/accounts.js:6', 'src/api.js:5', 'src/devices.js:8', 'src/profile.js:6', 'src/settings.js:6']);
  });

  it('migrates the login with the scopes other modules need, and switches the stored token where they read it', () => {
    const migrations = Object.fromEntries(analysis.migrate({ annotate: false }).map((migration) => [migration.file, migration]));
    const auth = migrations['src/auth.js']!;
    expect(auth.after).toContain(
      "  responseType: 'token id_token',\n  scope: 'openid profile read:current_user update:current_user_identities update:current_user_metadata delete:current_user_device_credentials',\n  audience: `https://${AUTH0_DOMAIN}/api/v2/`,\n",
    );
    expect(auth.after).toContain("    localStorage.setItem('id_token', authResult.idToken);\n    localStorage.setItem('access_token', authResult.accessToken);\n");
    expect(migrations['src/profile.js']!.after).toContain("Bearer ${localStorage.getItem('access_token')}");
    expect(migrations['src/management.js']!.after).toContain("token: localStorage.getItem('access_token')");
    expect(migrations['src/devices.js']!.after).toContain('Bearer ${result.accessToken}');
    // A shared getter, and a helper whose callers pass the token: changing them is a decision for a developer.
    expect(migrations['src/auth.service.ts']!.after).toContain("responseType: 'token id_token', scope: 'openid read:current_user', audience: 'https://acme-notes.eu.auth0.com/api/v2/' });");
    for (const file of ['src/settings.js', 'src/api.js', 'src/enrollments.service.ts', 'src/Preferences.jsx']) {
      expect(migrations[file]!.after).toBe(migrations[file]!.before);
      expect(migrations[file]!.manual.map((site) => site.rule)).toEqual(['no-id-token-for-management-api']);
    }
    for (const file of ['src/auth.js', 'src/profile.js', 'src/devices.js', 'src/management.js']) expect(migrations[file]!.manual).toEqual([]);
    expect(migrations['src/accounts.js']).toBeUndefined();
  });

  it('is idempotent across the project', () => {
    const migrated = new Map(analysis.migrate({ annotate: false }).map((migration) => [path.join(ROOT, migration.file), migration.after]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-project-'));
    const copies = FILES.map((file) => {
      const copy = path.join(dir, path.basename(file));
      fs.writeFileSync(copy, migrated.get(file) ?? fs.readFileSync(file, 'utf8'));
      return copy;
    });
    const again = analyzeProject(copies, { ...OPTIONS, cwd: dir }).migrate({ annotate: false });
    expect(again.filter((migration) => migration.after !== migration.before)).toEqual([]);
  });
});
