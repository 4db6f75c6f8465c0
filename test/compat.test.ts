/**
 * Compatibility: the presets run through every ESLint major the peer range names (10 and 9 with flat config,
 * 8.57 with eslintrc) and with the parsers front-end projects use (espree, typescript-eslint, Babel, Vue).
 * The recogniser only sees ESTree plus the parser's scope manager, so each parser must give the same findings.
 */
import { createRequire } from 'node:module';
import babelParser from '@babel/eslint-parser';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { ESLint as ESLint9, Linter as Linter9 } from 'eslint9';
import vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src';

/** ESLint 8's API, as far as this test uses it (the eslint8 alias ships no types). */
interface ESLint8Class {
  new (options: {
    cwd?: string;
    useEslintrc: boolean;
    overrideConfig: Record<string, unknown>;
    plugins: Record<string, unknown>;
  }): { lintText(code: string, options: { filePath: string }): Promise<{ messages: Linter.LintMessage[] }[]> };
}
const { ESLint: ESLint8 } = createRequire(__filename)('eslint8') as { ESLint: ESLint8Class };

interface Sample {
  readonly filename: string;
  readonly code: string;
  /** `'<line> <rule>'`, rule without the `auth0-tokens/` prefix. */
  readonly expected: readonly string[];
  /** The parser as flat config takes it (a module) and as eslintrc takes it (a module name); none for espree. */
  readonly parser?: { readonly module: Linter.Parser; readonly name: string };
  readonly parserOptions?: Linter.ParserOptions;
  /** Why this parser cannot run on ESLint 10, if it cannot. */
  readonly notOnEslint10?: string;
}

const WEB_AUTH_FINDINGS = [
  '1 require-management-audience',
  '4 require-token-response-type',
  '5 minimal-management-scopes',
  '8 no-id-token-for-management-api',
];

const SAMPLES: Record<string, Sample> = {
  espree: {
    filename: 'login.js',
    code: `var webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'k3XclientId',
  responseType: 'id_token',
  scope: 'openid',
});
webAuth.parseHash(function (err, authResult) {
  var management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  management.getUser(authResult.idTokenPayload.sub, function () {});
});
`,
    expected: WEB_AUTH_FINDINGS,
  },
  '@typescript-eslint/parser': {
    filename: 'login.ts',
    code: `const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'k3XclientId',
  responseType: 'id_token',
  scope: 'openid',
});
webAuth.parseHash((err: auth0.Auth0Error | null, authResult: auth0.Auth0DecodedHash | null) => {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult!.idToken as string });
  management.getUser(authResult!.idTokenPayload.sub, (): void => undefined);
});
import auth0 from 'auth0-js';
`,
    expected: WEB_AUTH_FINDINGS,
    parser: { module: tsParser, name: '@typescript-eslint/parser' },
  },
  '@babel/eslint-parser': {
    filename: 'Profile.jsx',
    code: `const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'k3XclientId',
  responseType: 'id_token',
  scope: 'openid',
});
export function Profile({ authResult }) {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  const save = () => management.patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, () => {});
  return <button onClick={save}>Save theme</button>;
}
import auth0 from 'auth0-js';
`,
    expected: WEB_AUTH_FINDINGS,
    parser: { module: babelParser as Linter.Parser, name: '@babel/eslint-parser' },
    parserOptions: {
      requireConfigFile: false,
      babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: ['jsx'] } },
    },
    // ESLint 10 needs ScopeManager#addGlobals, which @babel/eslint-parser 7 lacks (babel/babel#17804); parser 8
    // supports ESLint 10 but needs @babel/core 8, while 7 is what ESLint 8/9 projects have.
    notOnEslint10: '@babel/eslint-parser 7 supports ESLint 8 and 9 only',
  },
  'vue-eslint-parser': {
    filename: 'Profile.vue',
    code: `<template>
  <button @click="save">Save theme</button>
</template>

<script>
import auth0 from 'auth0-js';

export default {
  props: ['authResult', 'domain'],
  methods: {
    save() {
      const { authResult, domain } = this;
      const management = new auth0.Management({ domain, token: authResult.idToken });
      management.patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, () => {});
    },
  },
};
</script>
`,
    expected: ['13 no-id-token-for-management-api'],
    parser: { module: vueParser as Linter.Parser, name: 'vue-eslint-parser' },
  },
};

const BASE_PARSER_OPTIONS: Linter.ParserOptions = { ecmaVersion: 'latest', sourceType: 'module' };

function findings(messages: readonly Linter.LintMessage[]): string[] {
  const fatal = messages.filter((message) => message.fatal || !message.ruleId);
  expect(fatal, 'the sample must parse').toEqual([]);
  return messages
    .map((message) => `${message.line} ${message.ruleId!.replace(/^auth0-tokens\//, '')}`)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Flat config for ESLint 9 and 10: `recommended` plus the sample's parser for the sample's file. */
function flatConfig(sample: Sample): Linter.Config[] {
  return [
    plugin.configs.recommended as Linter.Config,
    {
      files: [`**/${sample.filename}`],
      languageOptions: {
        ...(sample.parser ? { parser: sample.parser.module } : {}),
        parserOptions: { ...BASE_PARSER_OPTIONS, ...sample.parserOptions },
      },
    },
  ];
}

// ESLint 9's types describe the same flat-config API as ESLint 10's for everything used here.
const FLAT_ESLINTS = [
  { major: 10, ESLint, Linter },
  { major: 9, ESLint: ESLint9 as unknown as typeof ESLint, Linter: Linter9 as unknown as typeof Linter },
];

describe.each(FLAT_ESLINTS)(
  'ESLint $major, flat `recommended`',
  ({ major, ESLint: ESLintClass, Linter: LinterClass }) => {
    it('is the ESLint version under test', () => {
      expect(Number(LinterClass.version.split('.')[0])).toBe(major);
    });

    describe.each(Object.entries(SAMPLES).filter(([, sample]) => major !== 10 || !sample.notOnEslint10))(
      '%s',
      (_parser, sample) => {
        it('Linter reports the expected rules and lines', () => {
          const linter = new LinterClass({ configType: 'flat' });
          const messages = linter.verify(sample.code, flatConfig(sample), { filename: sample.filename });
          expect(findings(messages)).toEqual(sample.expected);
        });

        it('ESLint reports the expected rules and lines', async () => {
          const eslint = new ESLintClass({
            cwd: __dirname,
            overrideConfigFile: true,
            overrideConfig: flatConfig(sample),
          });
          const [result] = await eslint.lintText(sample.code, { filePath: `${__dirname}/${sample.filename}` });
          expect(findings(result!.messages)).toEqual(sample.expected);
        });
      },
    );
  },
);

describe('ESLint 8.57, eslintrc `legacy-recommended`', () => {
  describe.each(Object.entries(SAMPLES))('%s', (_parser, sample) => {
    it('ESLint reports the expected rules and lines', async () => {
      const eslint = new ESLint8({
        cwd: __dirname,
        useEslintrc: false,
        plugins: { 'auth0-tokens': plugin },
        overrideConfig: {
          ...plugin.configs['legacy-recommended'],
          ...(sample.parser ? { parser: sample.parser.name } : {}),
          parserOptions: { ...BASE_PARSER_OPTIONS, ...sample.parserOptions },
        },
      });
      const [result] = await eslint.lintText(sample.code, { filePath: `${__dirname}/${sample.filename}` });
      expect(findings(result!.messages)).toEqual(sample.expected);
    });
  });
});

describe('the cost of a file with nothing Auth0-related', () => {
  // Nearly every file a lint run sees: each rule must leave it before RuleCreator merges (structuredClones) its options.
  it.each(Object.entries(plugin.rules as Record<string, { create(context: unknown): object }>))(
    '%s registers no listener on it, and its Program listener otherwise',
    (_name, rule) => {
      const context = (text: string) => ({ sourceCode: { text }, options: [] });
      expect(
        Object.keys(rule.create(context('export const total = items.reduce((sum, item) => sum + item.price, 0);\n'))),
      ).toEqual([]);
      expect(
        Object.keys(rule.create(context("const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com' });\n"))),
      ).toEqual(['Program']);
    },
  );
});
