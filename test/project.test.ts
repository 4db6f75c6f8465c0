/**
 * Cross-file analysis over `fixtures/cross-file`: a login in `auth.js` whose tokens reach Management calls in three
 * other modules, through storage (`profile.js`), an exported getter (`settings.js`) and the exported client itself
 * (`devices.js`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/project';

const ROOT = path.join(__dirname, '../fixtures/cross-file');
const FILES = fs.readdirSync(path.join(ROOT, 'src')).map((file) => path.join(ROOT, 'src', file));
const OPTIONS = { cwd: ROOT, environment: 'auto', metadataScope: 'update' } as const;

describe('cross-file analysis', () => {
  const analysis = analyzeProject(FILES, OPTIONS);

  it('derives the login scopes from the calls every module makes with its tokens, naming each call site', () => {
    const [request, ...others] = analysis.report.tokenRequests;
    expect(others).toEqual([]);
    expect(request).toMatchObject({ file: 'src/auth.js', line: 5, sdk: 'auth0.js', audience: null, responseType: 'id_token', declaredScopes: ['openid', 'profile'], excessScopes: [] });
    expect(request!.requiredScopes).toEqual([
      { scope: 'read:current_user', because: [{ file: 'src/profile.js', line: 6, via: 'fetch', method: 'GET', path: '/api/v2/users/{id}' }] },
      { scope: 'update:current_user_metadata', because: [{ file: 'src/settings.js', line: 6, via: 'fetch', method: 'PATCH', path: '/api/v2/users/{id}' }] },
      { scope: 'delete:current_user_device_credentials', because: [{ file: 'src/devices.js', line: 8, via: 'fetch', method: 'DELETE', path: '/api/v2/device-credentials/{id}' }] },
    ]);
    expect(request!.missingScopes).toEqual(['read:current_user', 'update:current_user_metadata', 'delete:current_user_device_credentials']);
  });

  it('proves the ID token in each module and points at the login that issued it', () => {
    const credentials = analysis.report.findings.filter((finding) => finding.ruleId === 'auth0-tokens/no-id-token-for-management-api');
    expect(credentials.map((finding) => [finding.file, finding.line, finding.certainty, finding.related])).toEqual([
      ['src/devices.js', 10, 'proven', [{ file: 'src/auth.js', line: 5, message: 'the login that issues this token' }]],
      ['src/profile.js', 7, 'proven', [{ file: 'src/auth.js', line: 5, message: 'the login that issues this token' }]],
      ['src/settings.js', 8, 'proven', [{ file: 'src/auth.js', line: 5, message: 'the login that issues this token' }]],
    ]);
    const scopes = analysis.report.findings.find((finding) => finding.ruleId === 'auth0-tokens/minimal-management-scopes');
    expect(scopes?.related.map((related) => `${related.file}:${related.line}`)).toEqual(['src/devices.js:8', 'src/profile.js:6', 'src/settings.js:6']);
  });

  it('migrates the login with the scopes other modules need, and switches the stored token where they read it', () => {
    const migrations = Object.fromEntries(analysis.migrate({ annotate: false }).map((migration) => [migration.file, migration]));
    const auth = migrations['src/auth.js']!;
    expect(auth.after).toContain("  responseType: 'token id_token',\n  scope: 'openid profile read:current_user update:current_user_metadata delete:current_user_device_credentials',\n  audience: `https://${AUTH0_DOMAIN}/api/v2/`,\n");
    expect(auth.after).toContain("    localStorage.setItem('id_token', authResult.idToken);\n    localStorage.setItem('access_token', authResult.accessToken);\n");
    expect(migrations['src/profile.js']!.after).toContain("Bearer ${localStorage.getItem('access_token')}");
    expect(migrations['src/devices.js']!.after).toContain('Bearer ${result.accessToken}');
    // The exported getter is shared: switching what it returns is a decision for a developer.
    expect(migrations['src/settings.js']!.after).toBe(migrations['src/settings.js']!.before);
    expect(migrations['src/settings.js']!.manual.map((site) => `${site.line} ${site.rule}`)).toEqual(['8 no-id-token-for-management-api']);
    for (const file of ['src/auth.js', 'src/profile.js', 'src/devices.js']) expect(migrations[file]!.manual).toEqual([]);
  });

  it('is idempotent across the project', () => {
    const migrated = new Map(analysis.migrate({ annotate: false }).map((migration) => [path.join(ROOT, migration.file), migration.after]));
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'auth0-tokens-project-'));
    const copies = FILES.map((file) => {
      const copy = path.join(dir, path.basename(file));
      fs.writeFileSync(copy, migrated.get(file) ?? fs.readFileSync(file, 'utf8'));
      return copy;
    });
    const again = analyzeProject(copies, { ...OPTIONS, cwd: dir }).migrate({ annotate: false });
    expect(again.filter((migration) => migration.after !== migration.before)).toEqual([]);
  });
});
