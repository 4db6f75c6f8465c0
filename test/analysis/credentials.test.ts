/**
 * Credential provenance on plain JavaScript, read through three parsers (typescript-estree, espree, Babel): each
 * fixture passes the expression under test to `use(...)`, and the tracer says what kind of token it yields.
 */
import { parseForESLint as babelParse } from '@babel/eslint-parser';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/analysis/ast';
import { CredentialTracer } from '../../src/analysis/credentials';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { storedAt } from '../../src/analysis/sdk';
import type { Certainty, Provenance, TokenKind, TokenRequest } from '../../src/analysis/types';

type Parsed = { program: TSESTree.Program; scopeManager: ScopeManagerLike };

const PARSERS: Record<string, (code: string) => Parsed> = {
  'typescript-estree': (code) => {
    const program = parse(code, { range: true, loc: true, jsx: true }) as TSESTree.Program;
    return { program, scopeManager: analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike };
  },
  espree: (code) => {
    // ESLint's own scope analysis of an espree AST, captured from a rule.
    let parsed: Parsed | undefined;
    const linter = new Linter({ configType: 'flat' });
    const capture = {
      create: (context: { sourceCode: { ast: unknown; scopeManager: unknown } }) => ({
        Program: () => {
          parsed = {
            program: context.sourceCode.ast as TSESTree.Program,
            scopeManager: context.sourceCode.scopeManager as ScopeManagerLike,
          };
        },
      }),
    };
    const messages = linter.verify(code, [
      {
        plugins: { test: { rules: { capture } } } as never,
        languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
        rules: { 'test/capture': 'error' },
      },
    ]);
    if (!parsed) throw new Error(messages.map((message) => message.message).join('\n'));
    return parsed;
  },
  babel: (code) => {
    const { ast, scopeManager } = babelParse(code, {
      requireConfigFile: false,
      sourceType: 'module',
      babelOptions: { babelrc: false, configFile: false },
    });
    return { program: ast as unknown as TSESTree.Program, scopeManager: scopeManager as unknown as ScopeManagerLike };
  },
};

interface Traced {
  kind: TokenKind;
  certainty: Certainty;
  /** The switch the tracer proved, as `node text -> replacement`. */
  alternative?: string;
  literal?: boolean;
}

/**
 * The provenance of the argument of the last `use(...)` call in `code`. Each `new X(...)` stored in a variable
 * stands for a configured client, with a stand-in token request named after the variable.
 */
function provenanceOf(
  code: string,
  parser: string,
  supportsAudience = true,
): { provenance: Provenance; context: FileContext } {
  const { program, scopeManager } = PARSERS[parser]!(code);
  const context = new FileContext(program, code, scopeManager);
  const clients = new Map<string, TokenRequest>();
  let argument: TSESTree.Node | undefined;
  walk(program, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'use')
      argument = node.arguments[0];
    const key = node.type === 'NewExpression' ? storedAt(context, node) : undefined;
    if (key && node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier') {
      clients.set(key, { clientKey: node.parent.id.name, supportsAudience } as TokenRequest);
    }
  });
  if (!argument) throw new Error('no use(...) in the fixture');
  return { provenance: new CredentialTracer(context, clients).provenance(argument), context };
}

function trace(code: string, parser: string): Traced {
  const { provenance, context } = provenanceOf(code, parser);
  const alternative = provenance.accessTokenAlternative;
  return {
    kind: provenance.kind,
    certainty: provenance.certainty,
    ...(alternative ? { alternative: `${context.source(alternative.node)} -> ${alternative.name}` } : {}),
    ...(provenance.literal ? { literal: true } : {}),
  };
}

const ID: Traced = { kind: 'id-token', certainty: 'proven' };
const ACCESS: Traced = { kind: 'access-token', certainty: 'proven' };
const UNKNOWN: Traced = { kind: 'unknown', certainty: 'needs-manual' };
const switchable = (alternative: string): Traced => ({ ...ID, alternative });

const WEB_AUTH = "const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });\n";

const CASES: readonly (readonly [name: string, code: string, expected: Traced])[] = [
  // ID-token sources
  [
    'parseHash authResult.idToken',
    `${WEB_AUTH}webAuth.parseHash((err, authResult) => use(authResult.idToken));`,
    switchable('idToken -> accessToken'),
  ],
  [
    'checkSession result',
    `${WEB_AUTH}webAuth.checkSession({}, function (err, result) { use(result.idToken); });`,
    switchable('idToken -> accessToken'),
  ],
  [
    'renewAuth result',
    `${WEB_AUTH}webAuth.renewAuth({}, (err, result) => use(result.idToken));`,
    switchable('idToken -> accessToken'),
  ],
  [
    'popup.authorize result',
    `${WEB_AUTH}webAuth.popup.authorize({}, (err, result) => use(result.idToken));`,
    switchable('idToken -> accessToken'),
  ],
  [
    "Lock's authenticated event",
    "const lock = new Auth0Lock('abc', 'acme.auth0.com');\nlock.on('authenticated', (authResult) => use(authResult.idToken));",
    switchable('idToken -> accessToken'),
  ],
  [
    'another event of Lock is not a result',
    "const lock = new Auth0Lock('abc', 'acme.auth0.com');\nlock.on('signin ready', (event) => use(event.idToken));",
    ID,
  ],
  [
    'a result callback of an unknown client proves the token but not the switch',
    'client.parseHash((err, authResult) => use(authResult.idToken));',
    ID,
  ],
  [
    'v6/v7 synchronous parseHash, snake_case',
    "var auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc' });\nvar result = auth.parseHash(location.hash);\nuse(result.id_token);",
    switchable('id_token -> access_token'),
  ],
  [
    'Lock 9 parseHash',
    "var lock = new Auth0Lock('abc', 'acme.auth0.com');\nvar hash = lock.parseHash(location.hash);\nuse(hash.id_token);",
    switchable('id_token -> access_token'),
  ],
  [
    'Lock 9 positional callback',
    "var lock = new Auth0Lock('abc', 'acme.auth0.com');\nlock.show(function (err, profile, token) { use(token); });",
    ID,
  ],
  [
    'Lock 9 positional access token',
    "var lock = new Auth0Lock('abc', 'acme.auth0.com');\nlock.show(function (err, profile, idToken, accessToken) { use(accessToken); });",
    ACCESS,
  ],
  [
    'passwordless Lock sms callback named id_token',
    'lock.sms(function (err, profile, id_token) { use(id_token); });',
    ID,
  ],
  [
    'a positional callback of an unknown receiver with an uninformative name',
    'api.login({}, function (err, user, token) { use(token); });',
    UNKNOWN,
  ],
  [
    'spa-js getIdTokenClaims().__raw',
    'async function f(client) { const claims = await client.getIdTokenClaims(); use(claims.__raw); }',
    ID,
  ],
  ['auth0-angular idTokenClaims$', 'auth.idTokenClaims$.subscribe((claims) => use(claims.__raw));', ID],
  [
    'passport extraParams.id_token',
    'passport.use(new Strategy({}, (accessToken, refreshToken, extraParams, profile, done) => use(extraParams.id_token)));',
    ID,
  ],
  ['req.session.id_token', "app.get('/', (req) => use(req.session.id_token));", ID],
  ['renewIdToken result', 'auth.renewIdToken(old, (err, result) => use(result.id_token));', ID],
  [
    'detailed getTokenSilently response',
    'async function f(client) { const result = await client.getTokenSilently({ detailedResponse: true }); use(result.id_token); }',
    switchable('id_token -> access_token'),
  ],
  [
    'destructured next to the access token',
    `${WEB_AUTH}webAuth.parseHash((err, { idToken, accessToken: at }) => use(idToken));`,
    switchable('idToken -> at'),
  ],
  [
    'destructured alone',
    `${WEB_AUTH}webAuth.parseHash((err, result) => { const { idToken } = result; use(idToken); });`,
    ID,
  ],
  // Storage
  // Nothing stores the access token yet: the switch stores it beside the ID token under a key of its own.
  [
    'storage written from an ID token',
    `${WEB_AUTH}webAuth.parseHash((err, r) => { localStorage.setItem('token', r.idToken); });\nuse(localStorage.getItem('token'));`,
    switchable("'token' -> access_token"),
  ],
  [
    'storage written from an ID token next to the access token',
    `${WEB_AUTH}webAuth.parseHash((err, r) => { localStorage.setItem('id_token', r.idToken); localStorage.setItem('at', r.accessToken); });\nuse(localStorage.getItem('id_token'));`,
    switchable("'id_token' -> at"),
  ],
  [
    'storage properties written from both tokens',
    `${WEB_AUTH}webAuth.parseHash((err, r) => { localStorage.id_token = r.idToken; localStorage.access_token = r.accessToken; });\nuse(localStorage.id_token);`,
    switchable('id_token -> access_token'),
  ],
  [
    'a key held in a constant is not rewritten',
    `${WEB_AUTH}const KEY = 'id_token';\nwebAuth.parseHash((err, r) => { localStorage.setItem(KEY, r.idToken); localStorage.setItem('at', r.accessToken); });\nuse(localStorage.getItem(KEY));`,
    ID,
  ],
  ['storage key that says id token', "use(sessionStorage.getItem('ID_TOKEN'));", ID],
  ['AngularJS $window.localStorage', "function ctrl($window) { use($window.localStorage.getItem('idToken')); }", ID],
  ['store.js / angular-storage', "function ctrl(store) { use(store.get('id_token')); }", ID],
  ['storage property access', "localStorage.idToken = 'x';\nuse(localStorage.id_token);", ID],
  ['storage key that says nothing', "use(localStorage.getItem('token'));", UNKNOWN],
  [
    'names lie: a key named id_token filled with an access token',
    `${WEB_AUTH}webAuth.parseHash((err, r) => localStorage.setItem('id_token', r.accessToken));\nuse(localStorage.getItem('id_token'));`,
    ACCESS,
  ],
  [
    'names lie: a field named idToken filled with an access token',
    'class A { set(r) { this.idToken = r.accessToken; } go() { use(this.idToken); } }',
    ACCESS,
  ],
  // Access-token sources
  ['authResult.accessToken', `${WEB_AUTH}webAuth.parseHash((err, authResult) => use(authResult.accessToken));`, ACCESS],
  ['getTokenSilently()', 'async function f(client) { use(await client.getTokenSilently()); }', ACCESS],
  ['getAccessTokenSilently().then(...)', 'getAccessTokenSilently().then((token) => use(token));', ACCESS],
  ['getAccessTokenSilently() observable', 'auth.getAccessTokenSilently().subscribe((token) => use(token));', ACCESS],
  // Data flow
  [
    'const chain',
    `${WEB_AUTH}webAuth.parseHash((err, authResult) => { const token = authResult.idToken; const bearer = token; use(bearer); });`,
    switchable('idToken -> accessToken'),
  ],
  [
    'a let cleared on logout',
    'let token = null;\nwebAuth.parseHash((err, r) => { token = r.idToken; });\nfunction logout() { token = null; }\nuse(token);',
    ID,
  ],
  [
    'function parameter traced to its call site',
    'function call(token) { use(token); }\nwebAuth.parseHash((err, r) => call(r.idToken));',
    ID,
  ],
  [
    'arrow parameter with two agreeing call sites',
    "const call = (token) => use(token);\ncall(localStorage.getItem('id_token'));\ncall(store.get('id_token'));",
    ID,
  ],
  [
    'parameter with disagreeing call sites needs review',
    "const call = (token) => use(token);\ncall(localStorage.getItem('id_token'));\ncall(other);",
    { ...ID, certainty: 'needs-manual' },
  ],
  [
    'object literal method',
    "const api = { call(token) { use(token); } };\napi.call(localStorage.getItem('id_token'));",
    ID,
  ],
  [
    'class method called through this',
    "class A { go() { this.call(localStorage.getItem('id_token')); } call(token) { use(token); } }",
    ID,
  ],
  ['class field initialiser', "class A { token = localStorage.getItem('id_token'); go() { use(this.token); } }", ID],
  [
    'class getter',
    "class A { get token() { return sessionStorage.getItem('idToken'); } go() { use(this.token); } }",
    ID,
  ],
  [
    'field assigned in the constructor, cleared elsewhere',
    'class A { constructor(r) { this.t = r.idToken; } logout() { this.t = undefined; } go() { use(this.t); } }',
    ID,
  ],
  [
    'helper function returning the token',
    "function getToken() { return localStorage.getItem('id_token'); }\nuse(getToken());",
    ID,
  ],
  [
    'async helper and await',
    'async function getToken(client) { const claims = await client.getIdTokenClaims(); return claims.__raw; }\nasync function f() { use(await getToken()); }',
    ID,
  ],
  ['promise chain', 'client.getIdTokenClaims().then((claims) => claims.__raw).then((token) => use(token));', ID],
  [
    'object literal property',
    `${WEB_AUTH}webAuth.parseHash((err, r) => { const session = { token: r.idToken }; use(session.token); });`,
    ID,
  ],
  ['either of two ID tokens', "use(authResult.idToken || localStorage.getItem('id_token'));", ID],
  [
    'an ID token or something unknown needs review',
    'use(authResult.idToken || fallback);',
    { ...ID, certainty: 'needs-manual' },
  ],
  ["'Bearer ' + token", "use('Bearer ' + localStorage.getItem('id_token'));", ID],
  // Names only
  [
    'a parameter named idToken with no call site',
    'export function f(idToken) { use(idToken); }',
    { ...ID, certainty: 'needs-manual' },
  ],
  [
    'a helper named getIdToken from elsewhere',
    "import { getIdToken } from './session';\nuse(getIdToken());",
    { ...ID, certainty: 'needs-manual' },
  ],
  ['an unknown token', "import { token } from './session';\nuse(token);", UNKNOWN],
  // Pasted tokens
  [
    'a JWT literal',
    "use('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHwxMjMifQ.c2lnbmF0dXJl');",
    { kind: 'unknown', certainty: 'proven', literal: true },
  ],
  [
    'a JWT constant after Bearer',
    "const T = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHwxMjMifQ.c2lnbmF0dXJl';\nuse(`Bearer ${T}`);",
    { kind: 'unknown', certainty: 'proven', literal: true },
  ],
];

describe.each(Object.keys(PARSERS))('CredentialTracer (%s)', (parser) => {
  it.each(CASES)('%s', (_name, code, expected) => {
    expect(trace(code, parser)).toEqual(expected);
  });
});

describe('CredentialTracer: the login that issued a token', () => {
  const issuerOf = (code: string) => provenanceOf(code, 'typescript-estree').provenance.issuer?.clientKey;

  it.each([
    ['a result callback', `${WEB_AUTH}webAuth.parseHash((err, authResult) => use(authResult.idToken));`],
    ['a nested popup client', `${WEB_AUTH}webAuth.popup.authorize({}, (err, result) => use(result.accessToken));`],
    ['a destructured result parameter', `${WEB_AUTH}webAuth.checkSession({}, (err, { idToken }) => use(idToken));`],
    [
      'a callback passed by reference',
      `${WEB_AUTH}function onHash(err, result) { use(result.idToken); }\nwebAuth.parseHash(onHash);`,
    ],
    [
      'an app function called with the result',
      `${WEB_AUTH}function save(result) { use(result.idToken); }\nwebAuth.parseHash((err, result) => save(result));`,
    ],
  ])('is the client for %s', (_name, code) => {
    expect(issuerOf(code)).toBe('webAuth');
  });

  it('is unknown for a token read from storage the file does not write', () => {
    expect(issuerOf(`${WEB_AUTH}use(localStorage.getItem('id_token'));`)).toBeUndefined();
  });

  it('offers no switch when the login cannot ask for an API audience (auth0.js v7, Lock 9)', () => {
    const code =
      "var webAuth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc' });\nwebAuth.parseHash(location.hash, function (err, result) { use(result.idToken); });";
    expect(provenanceOf(code, 'typescript-estree', false).provenance.accessTokenAlternative).toBeUndefined();
    expect(provenanceOf(code, 'typescript-estree', true).provenance.accessTokenAlternative?.name).toBe('accessToken');
  });
});
