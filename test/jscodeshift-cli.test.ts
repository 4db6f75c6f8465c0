/**
 * The compiled transform under the real jscodeshift CLI with `--no-babel`: `--dry` writes nothing, a real run writes
 * exactly the fixture outputs, and the stats count modified and needs-manual sites.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'fixtures/transforms');
const TRANSFORM = path.join(ROOT, 'dist/transforms/id-token-to-access-token.js');
/** Mentions Auth0 (so it is not skipped unparsed) but no parser accepts it. */
const BROKEN = "const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', responseType: 'id_token' ;\n";
const CASES = [
  'webauth-get-user.input.js',
  'webauth-patch-metadata.input.ts',
  'webauth-custom-audience.input.js',
  'negative-zendesk-users.input.js',
];

function jscodeshift(dir: string, ...flags: string[]): string {
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('jscodeshift/bin/jscodeshift.js'),
      '--no-babel',
      '--extensions=js,ts',
      '-t',
      TRANSFORM,
      ...flags,
      dir,
    ],
    { encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

describe('jscodeshift CLI', () => {
  let dir: string;

  beforeAll(() => {
    if (!fs.existsSync(TRANSFORM)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-jscodeshift-'));
    for (const file of CASES) fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, file.replace('.input', '')));
    fs.writeFileSync(path.join(dir, 'broken.js'), BROKEN);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--dry writes nothing and reports the stats', () => {
    const before = snapshot(dir);
    const output = jscodeshift(dir, '--dry');
    expect(snapshot(dir)).toEqual(before);
    expect(output).toMatch(/1 errors/);
    expect(output).toMatch(/broken\.js Transformation error/);
    expect(output).toMatch(/2 ok/);
    expect(output).toMatch(/modified: 8/);
    expect(output).toMatch(/needs-manual: 2/);
    expect(output).toMatch(/webauth-custom-audience\.js 8:3 needs manual work \(require-management-audience\)/);
  });

  it('writes the fixture outputs', () => {
    jscodeshift(dir);
    for (const file of CASES) {
      const expected = path.join(FIXTURES, file.replace('.input.', '.output.'));
      const written = fs.readFileSync(path.join(dir, file.replace('.input', '')), 'utf8');
      expect(written).toBe(fs.readFileSync(fs.existsSync(expected) ? expected : path.join(FIXTURES, file), 'utf8'));
    }
    expect(fs.readFileSync(path.join(dir, 'broken.js'), 'utf8')).toBe(BROKEN);
  });
});
