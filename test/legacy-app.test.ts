/**
 * End to end: ESLint 10 lints the legacy demo app in `fixtures/legacy-app` with the plugin's presets. Each file's
 * findings must be exactly the expected list, so a missed finding and a new false positive both fail.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src';

const APP = path.join(__dirname, '../fixtures/legacy-app');

/** `'<line> <rule>'`, rule without the `auth0-tokens/` prefix. */
type Expected = readonly string[];

/** What `recommended` reports (proven findings only). */
const RECOMMENDED: Record<string, Expected> = {
  'public/js/auth.js': [
    '5 require-management-audience',
    '9 require-token-response-type',
    '10 minimal-management-scopes',
    '32 no-id-token-for-management-api',
  ],
  'public/js/preferences.js': [
    '9 no-id-token-for-management-api', // $.ajax PATCH
    '18 no-id-token-for-management-api', // fetch GET
    '29 no-id-token-for-management-api', // fetch PATCH
  ],
  'public/js/lock-login.js': [
    '2 require-management-audience',
    '5 require-token-response-type',
    '6 minimal-management-scopes',
    '12 no-id-token-for-management-api',
  ],
  // The secondary login only feeds `link_with`, so it needs no audience, token or scopes.
  'public/js/link-accounts.js': [
    '21 no-id-token-for-management-api', // $.ajax POST identities
    '31 no-id-token-for-management-api', // fetch DELETE identities
  ],
  'public/js/header.js': ['3 no-legacy-id-token-apis'],
  'public/js/admin-search.js': [
    '7 no-any-user-scopes-in-browser',
    '13 no-backend-only-management-endpoints',
    '26 no-management-secrets-in-browser',
    '28 no-management-secrets-in-browser',
  ],
  'public/js/support-widget.js': [],
  'server/admin-api.js': [],
  // Notes pages: per file, only the credentials a file proves itself. The logins they come from are in other
  // modules, which only the CLI's cross-file analysis links (test/project.test.ts).
  'notes/App.jsx': [],
  'notes/AuthProvider.jsx': [],
  'notes/Preferences.jsx': ['10 no-id-token-for-management-api'], // token from a React context
  'notes/ProfileCard.jsx': ['7 no-id-token-for-management-api'], // token from a prop named idToken
  'notes/accounts.js': [],
  'notes/api.js': [],
  'notes/auth.js': [],
  'notes/auth.service.ts': [],
  'notes/config.js': [],
  'notes/devices.js': ['10 no-id-token-for-management-api'], // checkSession on an imported client
  'notes/enrollments.service.ts': ['11 no-id-token-for-management-api'], // injected service's idToken
  'notes/management.js': ['5 no-id-token-for-management-api'], // stored token, key says id token
  'notes/profile.js': ['7 no-id-token-for-management-api'], // stored token, key says id token
  'notes/settings.js': [],
};

/**
 * What `strict` adds (needs-manual findings): calls whose token arrives from another module, which ESLint, one file at
 * a time, cannot trace (the CLI links them, test/project.test.ts).
 */
const STRICT_ONLY: Record<string, Expected> = {
  'notes/api.js': ['7 no-id-token-for-management-api'], // a token parameter another module passes
  'notes/settings.js': ['8 no-id-token-for-management-api'], // a getter imported from the login module
};

const languageOptions: Linter.Config[] = [
  { files: ['public/**/*.js'], languageOptions: { ecmaVersion: 2015, sourceType: 'script' } },
  { files: ['server/**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
  // The Notes pages: modern modules, JSX and TypeScript.
  {
    files: ['notes/**/*.{js,jsx,ts}'],
    languageOptions: { parser: require('@typescript-eslint/parser'), parserOptions: { ecmaFeatures: { jsx: true } } },
  },
];

async function lintApp(preset: 'recommended' | 'strict'): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: APP,
    overrideConfigFile: true,
    overrideConfig: [plugin.configs[preset] as Linter.Config, ...languageOptions],
  });
  const results = await eslint.lintFiles(['.']);
  return Object.fromEntries(
    results.map((result) => {
      const fatal = result.messages.filter((message) => message.fatal);
      expect(fatal, `${result.filePath} must parse`).toEqual([]);
      const findings = result.messages.map(
        (message) => `${message.line} ${(message.ruleId ?? '').replace(/^auth0-tokens\//, '')}`,
      );
      return [path.relative(APP, result.filePath).split(path.sep).join('/'), findings];
    }),
  );
}

function sorted(findings: Expected): string[] {
  return [...findings].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

describe('legacy-app fixture', () => {
  let recommended: Record<string, string[]>;
  let strict: Record<string, string[]>;
  beforeAll(async () => {
    recommended = await lintApp('recommended');
    strict = await lintApp('strict');
  });

  it('lints exactly the files that have expectations', () => {
    expect(Object.keys(recommended).sort()).toEqual(Object.keys(RECOMMENDED).sort());
  });

  describe.each(Object.keys(RECOMMENDED))('%s', (file) => {
    it('recommended reports exactly the expected findings', () => {
      expect(sorted(recommended[file] ?? [])).toEqual(sorted(RECOMMENDED[file]!));
    });

    it('strict reports those plus the needs-manual ones', () => {
      expect(sorted(strict[file] ?? [])).toEqual(sorted([...RECOMMENDED[file]!, ...(STRICT_ONLY[file] ?? [])]));
    });
  });
});
