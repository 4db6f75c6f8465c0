import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { denySet, offenders } from './sdk-names';

describe('src/analysis names no SDK', () => {
  it('holds no SDK module, global, entity, method, option or result name: the catalog does', () => {
    expect(offenders('src/analysis', denySet())).toEqual([]);
  });

  it('would see one: the deny set holds the names the catalog describes', () => {
    const deny = denySet();
    for (const name of ['auth0-lock', 'Auth0Lock', 'getTokenSilently', 'authorizationParams', 'AuthHttp', 'axios'])
      expect(deny).toContain(name);
  });

  it('finds names in literals, templates, patterns and declared names, but not in comments or user prose', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-names-'));
    fs.writeFileSync(
      path.join(dir, 'planted.ts'),
      [
        '// getTokenSilently is fine in a comment',
        "const method = 'getTokenSilently';",
        'const call = `${method}({ authorizationParams })`;',
        'const shown = /^show(Signin|Signup)?$/;',
        'function lockShape() {}',
        "const RULE_MESSAGES = { hint: 'use Auth0Lock' };",
        "const word = 'login';",
      ].join('\n'),
    );
    const found = offenders(dir, denySet()).map((offender) => `${offender.line} ${offender.text}`);
    fs.rmSync(dir, { recursive: true });
    expect(found).toEqual([
      '2 getTokenSilently',
      '3 authorizationParams',
      '4 /^show(Signin|Signup)?$/ matches show',
      '4 /^show(Signin|Signup)?$/ matches showSignin',
      '4 /^show(Signin|Signup)?$/ matches showSignup',
      '5 lockShape',
    ]);
  });
});
