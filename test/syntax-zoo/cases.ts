/**
 * The syntax zoo's samples: between them, every node type `AST_NODE_TYPES` names (ESTree, JSX and TSESTree), plus
 * Flow, `.vue` script blocks, and Auth0 Rules and Actions. Each sample mixes Auth0 names into its constructs (a
 * construct's bound names used as tokens, clients and options), so the recogniser looks at every one of them.
 */

/** The parsers a sample is linted with: espree (ESLint's default), typescript-eslint, vue-eslint-parser, Babel with Flow. */
export type LintParser = 'espree' | 'typescript' | 'vue' | 'flow';

export interface ZooCase {
  /** Relative to the project root; also the name the linter and the migration see (nothing under `test/`). */
  readonly file: string;
  readonly code: string;
  /** How ESLint's parsers read it (`commonjs`: a sloppy script with a top-level `return`). */
  readonly sourceType: 'module' | 'script' | 'commonjs';
  readonly lintWith: readonly LintParser[];
  /** Why some parsers are left out of the ESLint run. */
  readonly lintNote?: string;
}

/**
 * Node types that no parser used here (typescript-estree 8, espree, Babel, oxc) produces: typescript-estree
 * represents modifiers as flags on the declaration (`abstract`, `declare`, `accessibility`, `static`, `readonly`,
 * `async`, `export`), so these keyword nodes are declared in `AST_NODE_TYPES` but never created from source text.
 */
export const NEVER_PRODUCED: Readonly<Record<string, string>> = {
  TSAbstractKeyword:
    'modifier: `abstract: true` on the class or member; convert.ts only builds it for a bare keyword token, which no syntax hands it',
  TSAsyncKeyword: 'modifier: `async: true` on the function',
  TSDeclareKeyword: 'modifier: `declare: true` on the declaration',
  TSExportKeyword: 'modifier: an Export*Declaration wraps the declaration instead',
  TSPrivateKeyword: "modifier: `accessibility: 'private'` on the member or parameter property",
  TSProtectedKeyword: "modifier: `accessibility: 'protected'`",
  TSPublicKeyword: "modifier: `accessibility: 'public'`",
  TSReadonlyKeyword: 'modifier: `readonly: true` on the member; `readonly T[]` is a TSTypeOperator',
  TSStaticKeyword: 'modifier: `static: true` on the member',
};

const JS = ['espree', 'typescript'] as const;
const TS = ['typescript'] as const;

export const CASES: readonly ZooCase[] = [
  {
    // Every import and export form, import attributes, import.meta, dynamic import, top-level await.
    file: 'app/login.mjs',
    sourceType: 'module',
    lintWith: JS,
    code: `import auth0, * as auth0Namespace from 'auth0-js';
import { WebAuth as Auth0WebAuth, Management } from 'auth0-js';
import settings from './auth0-settings.json' with { type: 'json' };
export * from './auth0-helpers.mjs';
export * as helpers from './auth0-helpers.mjs';
export { Management as ManagementAlias, settings as auth0Settings };

export const webAuth = new Auth0WebAuth({
  domain: settings.domain ?? 'acme.auth0.com',
  clientID: import.meta.env.VITE_AUTH0_CLIENT_ID,
  responseType: 'id_token',
  scope: 'openid profile',
});
const { default: Auth0Lock } = await import('auth0-lock');
export const lock = new Auth0Lock(import.meta.env.VITE_AUTH0_CLIENT_ID, 'acme.auth0.com');
const management = new auth0Namespace.Management({ domain: 'acme.auth0.com', token: localStorage.getItem('id_token') });

export default async function loadProfile(id) {
  const { idToken } = await new Promise((resolve, reject) => webAuth.parseHash((err, authResult) => (err ? reject(err) : resolve(authResult))));
  management.getUser(id, () => {});
  return fetch(new URL(\`/api/v2/users/\${encodeURIComponent(id)}\`, 'https://acme.auth0.com'), { headers: { Authorization: \`Bearer \${idToken}\` } });
}
export { auth0 };
`,
  },
  {
    // Statements and expressions: classes with private members and static blocks, generators, async iteration,
    // optional chaining, #x in obj, regex, bigint, tagged templates, labels, every loop, switch, try.
    file: 'app/everything.js',
    sourceType: 'module',
    lintWith: JS,
    code: `import auth0 from 'auth0-js';

const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token', scope: 'openid' });
const AUTH0_API = /^https:\\/\\/acme\\.auth0\\.com\\/api\\/v2\\/users\\/(?<id>[^/]+)$/u;
const LIMIT = 10n ** 3n;
const tag = (strings, ...values) => strings.raw.join('') + values.join('');
const usersPath = tag\`/api/v2/users/\${'me'}\`;

class TokenStore {
  #idToken = localStorage.getItem('id_token');
  static #instances = 0;
  static {
    TokenStore.#instances += 1;
  }
  static has(store) {
    return #idToken in store;
  }
  get idToken() {
    return this.#idToken;
  }
  set idToken(value) {
    this.#idToken = value;
  }
  #management() {
    return new auth0.Management({ domain: 'acme.auth0.com', token: this.#idToken });
  }
  *tokens() {
    yield this.#idToken;
    yield* [this.idToken];
  }
  async *pages(id) {
    for await (const page of [fetch(\`https://acme.auth0.com/api/v2/users/\${id}\`, { headers: { Authorization: 'Bearer ' + this.#idToken } })]) yield page;
  }
  profile(id, cb) {
    return new.target ?? this.#management().getUser(id, cb);
  }
}

const ScopedStore = class extends TokenStore {
  constructor(...args) {
    super(...args);
    this.scope = 'openid';
  }
  get idToken() {
    return super.idToken ?? null;
  }
};

function profile(id, { token = new ScopedStore().idToken, ...rest } = {}, [first, , ...others] = []) {
  let attempts = 0, result;
  outer: for (let i = 0; i < 3; i++) {
    for (const key in rest) {
      if (key === 'skip') continue outer;
      else if (!key) break outer;
    }
    for (const value of others) attempts += value ? 1 : 0;
  }
  do {
    attempts--;
  } while (attempts > 0);
  while (false);
  switch (typeof token) {
    case 'string':
      result = token;
      break;
    default:
      result = void 0;
  }
  try {
    if (!result) throw new Error('no id_token');
  } catch ({ message }) {
    console.warn(message);
  } finally {
    debugger;
  }
  try {
  } catch {}
  result ||= first;
  result &&= result;
  result ??= rest?.idToken;
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: result });
  management?.getUser?.(id, (err, user) => void (err, user));
  return (attempts, -attempts, !attempts, ~attempts, attempts++, --attempts, attempts ** 2 > 1 ? result : delete rest.key, typeof result, [...others], { ...rest, [id]: id, result, m() {}, get g() { return 1; }, set s(v) {}, async *ag() {} });
}

webAuth.parseHash(function (err, authResult) {
  if (err) return;
  const m = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
  m.getUser(authResult.idTokenPayload.sub, function cb() {});
});
export { profile, TokenStore, ScopedStore, LIMIT, AUTH0_API, usersPath };
`,
  },
  {
    // A sloppy CommonJS script: top-level return, with, a labeled block, require and module.exports.
    file: 'app/legacy.cjs',
    sourceType: 'commonjs',
    lintWith: ['espree'],
    lintNote: 'typescript-eslint rejects `with` and a top-level `return`',
    code: `var auth0 = require('auth0-js');
var config = { domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' };
if (typeof window === 'undefined') return;
var webAuth = new auth0.WebAuth(config);
var management;
with (config) {
  management = new auth0.Management({ domain: domain, token: localStorage.getItem('id_token') });
}
lookup: {
  if (!management) break lookup;
  management.getUser(arguments[0], function () {});
}
module.exports = { webAuth: webAuth, management: management };
exports.lock = new Auth0Lock(config.clientID, 'acme.auth0.com');
`,
  },
  {
    // A browser script (no import or export): top-level code, a hoisted function, a global.
    file: 'app/widget.js',
    sourceType: 'script',
    lintWith: JS,
    code: `var lock = new Auth0Lock('k3XclientId', 'acme.auth0.com', { auth: { responseType: 'id_token' } });
lock.on('authenticated', function (authResult) {
  localStorage.setItem('id_token', authResult.idToken);
  save(authResult.idTokenPayload.sub);
});
function save(id) {
  var xhr = new XMLHttpRequest();
  xhr.open('PATCH', 'https://acme.auth0.com/api/v2/users/' + id);
  xhr.setRequestHeader('Authorization', 'Bearer ' + localStorage.getItem('id_token'));
  xhr.send(JSON.stringify({ user_metadata: { theme: 'dark' } }));
}
`,
  },
  {
    // JSX: elements, fragments, member and namespaced names, spread attributes, empty expressions, text.
    file: 'app/Login.jsx',
    sourceType: 'module',
    lintWith: JS,
    code: `import React, { useEffect, useState } from 'react';
import auth0 from 'auth0-js';
import * as Auth0 from '@auth0/auth0-react';

const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });

export function Profile({ authResult, ...props }) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    const management = new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken });
    management.getUser(authResult.idTokenPayload.sub, (err, profile) => setUser(profile));
  }, [authResult]);
  return (
    <Auth0.Auth0Provider domain="acme.auth0.com" clientId="k3XclientId" {...props}>
      <>
        {/* the id_token's profile */}
        {}
        <svg:rect xlink:href="#auth0" />
        <p data-token={authResult.idToken}>Hello, {user?.name}!</p>
        <button onClick={() => webAuth.authorize({ responseType: 'id_token' })}>Log in</button>
      </>
    </Auth0.Auth0Provider>
  );
}
`,
  },
  {
    // Stage 3 decorators and auto-accessors in plain JavaScript: espree rejects them, the project falls back to TypeScript.
    file: 'app/decorated.js',
    sourceType: 'module',
    lintWith: TS,
    lintNote: 'espree has no decorators',
    code: `import auth0 from 'auth0-js';

const bound = (value, context) => value;

@bound
export class Session {
  @bound accessor idToken = localStorage.getItem('id_token');
  @bound static webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
  profile(id) {
    return new auth0.Management({ domain: 'acme.auth0.com', token: this.idToken }).getUser(id, () => {});
  }
}
`,
  },
  {
    // Types: every keyword type, literals, templates, tuples, mapped, conditional, infer, import and query types,
    // predicates, interfaces with every signature, assertions, satisfies, non-null, instantiation expressions.
    file: 'app/types.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 from 'auth0-js';
import type * as Auth0Types from 'auth0-js';

export type IdToken = string & { readonly __brand: unique symbol };
type Keywords = [any, unknown, never, void, undefined, null, boolean, number, bigint, string, symbol, object];
type Literal = 'id_token' | 42 | true | -1 | \`\${'id'}_token\`;
type TokenKey = \`\${'id' | 'access'}_token\`;
type Tuple = [domain: string, token?: IdToken, ...scopes: string[]];
type Unnamed = [string, number?, ...boolean[]];
type Mapped<T> = { readonly [K in keyof T as \`auth0_\${string & K}\`]-?: T[K] };
type Unwrap<T> = T extends Promise<infer U extends string> ? U : T extends (infer V)[] ? V : never;
type Ctor = abstract new (domain: string) => Auth0Types.WebAuth;
type Fn = (authResult: Auth0Types.Auth0DecodedHash) => void;
type Query = typeof auth0.WebAuth;
type Imported = import('auth0-js').Management;
type Indexed = Auth0Types.AuthOptions['responseType'];
type Ops = keyof Auth0Types.AuthOptions | readonly string[];
type Intersection = Auth0Types.AuthOptions & { audience: string };
type Upper<S extends string> = intrinsic;

interface Chain {
  next(): this;
}
export interface TokenSource<T = IdToken> extends Auth0Types.AuthOptions, Chain {
  (domain: string): T;
  new (domain: string): TokenSource<T>;
  readonly idToken: T;
  token?: string;
  [claim: string]: unknown;
  refresh(this: TokenSource<T>, force?: boolean): Promise<T>;
}

function isIdToken(value: unknown): value is IdToken {
  return typeof value === 'string';
}
function assertIdToken(value: unknown): asserts value is IdToken {
  if (!isIdToken(value)) throw new TypeError('not an id_token');
}
function assertDefined(value: unknown): asserts value {}

export function managementFor(authResult: Auth0Types.Auth0DecodedHash) {
  const token = <IdToken>authResult.idToken;
  assertIdToken(token);
  assertDefined(token);
  const options = { domain: 'acme.auth0.com', token } satisfies Auth0Types.ManagementOptions;
  const tokens = Array<IdToken>;
  const management = new auth0.Management(options as Auth0Types.ManagementOptions);
  management.getUser(authResult.idTokenPayload!.sub, () => undefined);
  return [management, tokens] as const;
}
export type { Keywords, Literal, TokenKey, Tuple, Unnamed, Mapped, Unwrap, Ctor, Fn, Query, Imported, Indexed, Ops, Intersection, Upper };
`,
  },
  {
    // Classes: decorators (class, member, parameter), accessors, abstract members, parameter properties, overloads,
    // index signatures (static too), implements, declare fields.
    file: 'app/classes.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 from 'auth0-js';

function Auth0Guard(domain: string) {
  return <T extends abstract new (...args: any[]) => object>(target: T, _context: ClassDecoratorContext) => (domain ? target : target);
}
function idTokenField(_value: unknown, _context: ClassAccessorDecoratorContext) {}
function logged(...args: unknown[]): any {
  return args[0];
}

export interface TokenHolder {
  readonly idToken: string;
}

abstract class BaseClient implements TokenHolder {
  abstract readonly idToken: string;
  abstract accessor domain: string;
  protected abstract request(path: string): Promise<unknown>;
  declare readonly kind: 'management';
  static readonly audience = 'https://acme.auth0.com/api/v2/';
  private static count = 0;
  [key: string]: unknown;
  static [key: number]: string;
}

@Auth0Guard('acme.auth0.com')
export class ProfileClient extends BaseClient implements TokenHolder {
  @idTokenField accessor idToken = localStorage.getItem('id_token') ?? '';
  accessor domain = 'acme.auth0.com';
  readonly #management = new auth0.Management({ domain: this.domain, token: this.idToken });

  constructor(public readonly userId: string, private webAuth: auth0.WebAuth, protected scope: string = 'openid') {
    super();
  }

  getUser(): void;
  getUser(callback: auth0.Auth0Callback<auth0.Auth0UserProfile>): void;
  getUser(callback?: auth0.Auth0Callback<auth0.Auth0UserProfile>): void {
    this.#management.getUser(this.userId, callback ?? (() => undefined));
  }

  @logged
  protected async request(path: string): Promise<unknown> {
    return fetch(\`https://acme.auth0.com/api/v2/users/\${this.userId}\${path}\`, { headers: { Authorization: \`Bearer \${this.idToken}\` } });
  }

  static from(authResult: auth0.Auth0DecodedHash, @logged webAuth: auth0.WebAuth): ProfileClient {
    return new ProfileClient(authResult.idTokenPayload!.sub, webAuth);
  }
}
`,
  },
  {
    // Declarations: declare global/module/var/let/const/function/class/enum/namespace, enums (const, computed),
    // namespaces (nested, dotted), overloads (TSDeclareFunction), using and await using.
    file: 'app/declarations.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 from 'auth0-js';

declare global {
  interface Window {
    auth0Client?: auth0.WebAuth;
  }
  var AUTH0_ID_TOKEN: string;
}
declare module 'auth0-js' {
  interface AuthOptions {
    idTokenHint?: string;
  }
}
declare module '*.auth0.json';
declare var Auth0Lock: new (clientId: string, domain: string) => { show(): void };
declare let auth0Domain: string;
declare const auth0ClientId: string;
declare function getIdToken(): string;
declare class Auth0Widget {
  constructor(token: string);
  readonly idToken: string;
}
declare enum Auth0Region {
  US = 'us',
  EU = 'eu',
}
declare namespace Auth0Legacy {
  const idToken: string;
}

export enum TokenKind {
  IdToken = 'id_token',
  AccessToken = 'access_token',
}
export const enum Flags {
  None,
  Bits = 1 << 2,
  Computed = Bits | 1,
}
enum Storage {
  Length = localStorage.getItem(TokenKind.IdToken)!.length,
}

export namespace Auth0Clients {
  export const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: auth0ClientId, responseType: TokenKind.IdToken });
  export namespace Nested.Deeper {
    export const management = new auth0.Management({ domain: 'acme.auth0.com', token: localStorage.getItem(TokenKind.IdToken)! });
  }
}

export function managementFor(token: string): auth0.Management;
export function managementFor(token: string, domain: string): auth0.Management;
export function managementFor(token: string, domain = 'acme.auth0.com'): auth0.Management {
  return new auth0.Management({ domain, token });
}

export async function withSession() {
  using session = { [Symbol.dispose]() {}, idToken: getIdToken() };
  await using remote = { async [Symbol.asyncDispose]() {}, client: window.auth0Client };
  Auth0Clients.Nested.Deeper.management.getUser(session.idToken, () => undefined);
  return [new auth0.Management({ domain: auth0Domain, token: AUTH0_ID_TOKEN }), remote, Storage.Length, Auth0Region.EU, Auth0Legacy.idToken, new Auth0Widget(session.idToken), new Auth0Lock(auth0ClientId, auth0Domain)];
}
`,
  },
  {
    // TypeScript's CommonJS: import x = require('y'), import alias = a.b, export = x.
    file: 'app/commonjs.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 = require('auth0-js');
import Management = auth0.Management;
import type Auth0Types = require('auth0-js');

const webAuth: Auth0Types.WebAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
const management = new Management({ domain: 'acme.auth0.com', token: localStorage.getItem('id_token')! });
webAuth.parseHash((err, authResult) => {
  if (authResult) new Management({ domain: 'acme.auth0.com', token: authResult.idToken! }).getUser(authResult.idTokenPayload.sub, () => undefined);
});
export = { webAuth, management };
`,
  },
  {
    // A UMD declaration file: export as namespace.
    file: 'app/auth0-globals.d.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import type { Management, WebAuth } from 'auth0-js';
export as namespace Auth0Tokens;
export declare const idToken: string;
export declare const webAuth: WebAuth;
export declare function management(token: typeof idToken): Management;
`,
  },
  {
    // TSX: a generic arrow, a JSX spread child, type arguments, non-null and as in JSX attributes.
    file: 'app/Profile.tsx',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 from 'auth0-js';
import type { Auth0DecodedHash } from 'auth0-js';

const identity = <T,>(value: T): T => value;

export function Profile<P extends { authResult: Auth0DecodedHash }>({ authResult, children }: P & { children: JSX.Element[] }) {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: identity<string>(authResult.idToken!) });
  const save = (): void => management.patchUserMetadata(authResult.idTokenPayload.sub, { theme: 'dark' }, () => undefined);
  return (
    <section>
      {...children}
      <button onClick={save} aria-label={authResult.idToken as string}>
        Save
      </button>
    </section>
  );
}
`,
  },
  {
    // A Vue single-file component with a plain <script>.
    file: 'app/Login.vue',
    sourceType: 'module',
    lintWith: ['vue'],
    code: `<template>
  <button @click="login">Log in</button>
</template>

<script>
import auth0 from 'auth0-js';

const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });

export default {
  data: () => ({ idToken: localStorage.getItem('id_token') }),
  methods: {
    login() {
      webAuth.authorize();
    },
    async profile(id) {
      const response = await fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + this.idToken } });
      return response.json();
    },
  },
};
</script>
`,
  },
  {
    // A Vue single-file component with <script lang="ts"> and <script setup lang="ts">.
    file: 'app/Profile.vue',
    sourceType: 'module',
    lintWith: ['vue'],
    code: `<script lang="ts">
import auth0 from 'auth0-js';

export enum TokenKind {
  IdToken = 'id_token',
}
export const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: TokenKind.IdToken });
</script>

<script setup lang="ts">
const props = defineProps<{ authResult: auth0.Auth0DecodedHash }>();
const management = new auth0.Management({ domain: 'acme.auth0.com', token: props.authResult.idToken! });
const save = (): void => management.patchUserMetadata(props.authResult.idTokenPayload.sub, { theme: 'dark' }, () => undefined);
</script>

<template>
  <button @click="save">Save theme</button>
</template>
`,
  },
  {
    // Flow: the pragma, type aliases, exact and opaque types, variance, type casts, maybe types, declare.
    file: 'app/flow.js',
    sourceType: 'module',
    lintWith: ['flow'],
    code: `// @flow
import auth0 from 'auth0-js';
import type { Auth0DecodedHash } from 'auth0-js';

type Options = {| domain: string, clientID: string, responseType: 'id_token' | 'token' |};
opaque type IdToken: string = string;
export type { IdToken };
declare function getIdToken(): string;

const options: Options = { domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' };
const webAuth = new auth0.WebAuth(options);

function toToken(value: ?string): IdToken {
  return (value: any);
}

export function profile<T: { +sub: string }>(authResult: Auth0DecodedHash, payload: T): Promise<mixed> {
  const management = new auth0.Management({ domain: 'acme.auth0.com', token: toToken(authResult.idToken) });
  return new Promise((resolve) => management.getUser(payload.sub, (err, user) => resolve(user)));
}

webAuth.parseHash((err: ?Error, authResult: ?Auth0DecodedHash) => {
  if (authResult) profile(authResult, { sub: 'auth0|1' });
});

export class Holder<+T> {
  idToken: T;
  static +domain: string = 'acme.auth0.com';
  +token: string = getIdToken();
}
`,
  },
  {
    // Annex B in a sloppy script: HTML-like comments, legacy octals, `let`/`yield`/`async` as names, a function
    // declaration as an if branch, a labelled function.
    file: 'app/annex-b.js',
    sourceType: 'script',
    lintWith: ['espree'],
    lintNote: 'TypeScript has no HTML-like comments',
    code: `<!-- an HTML-like comment, in a script only
var idToken = localStorage.getItem('id_token');
--> also a comment, at the start of a line
var let = 1, yield = 2, async = function (x) { return x; }, of = 010, n = 08, s = '\\07';
if (let) function getToken() { return idToken; }
label: function labelled() {}
var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
new auth0.Management({ domain: 'acme.auth0.com', token: getToken() }).getUser(async(of + n + s + yield));
`,
  },
  {
    // A hashbang; string module export names (ES2022), `default` as an imported name, re-exports by string name.
    file: 'app/names.mjs',
    sourceType: 'module',
    lintWith: JS,
    code: `#!/usr/bin/env node
import { 'WebAuth' as WebAuth, 'Management' as Mgmt, default as auth0 } from 'auth0-js';
export * as 'auth0 helpers' from 'auth0-js';
export { 'Management' as Management2 } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
webAuth.parseHash((err, authResult) => new Mgmt({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {}));
export { webAuth as 'web-auth', auth0 as default };
`,
  },
  {
    // Odd shapes where the recogniser follows values: callee forms, missing and spread arguments, accessor and
    // computed options, cyclic and self-referencing bindings, recursion, super and this in objects and static blocks.
    file: 'app/odd-flows.js',
    sourceType: 'module',
    lintWith: JS,
    code: `import auth0 from 'auth0-js';

const t = localStorage.getItem('id_token');
const args = [];
new (auth0.Management)({ domain: 'acme.auth0.com', token: t });
new auth0['Management']({ domain: 'acme.auth0.com', token: t });
new auth0[\`Management\`]({ domain: 'acme.auth0.com', token: t });
new (0, auth0.Management)({ domain: 'acme.auth0.com', token: t });
Reflect.construct(auth0.Management, [{ domain: 'acme.auth0.com', token: t }]);
const M = auth0.Management;
new M({ domain: 'acme.auth0.com', token: t }).getUser();

new auth0.WebAuth();
new auth0.WebAuth(...args);
new auth0.WebAuth(null);
new auth0.WebAuth('acme.auth0.com');
new auth0.WebAuth({ ...args, responseType: 'id_token' }, 2);
new auth0.WebAuth({ ['responseType']: 'id_token', [args]: 1, get scope() { return 'openid'; }, domain() {}, 'clientID': 'k', 1: 2, 1n: 3 });
new auth0.Management({ token() { return t; } });
new auth0.Management({ get token() { return t; } });
const m = new auth0.Management({ domain: 'acme.auth0.com', token: localStorage.id_token });
m.getUser();
m.getUser(...args);
m['getUser']('x');
m.getUser.call(m, 'x');
m?.['patchUserMetadata']?.('x', {}, () => {});
m.getUser.bind(m)('x');
fetch();
fetch(...args);
fetch('https://acme.auth0.com/api/v2/users/' + args, null);
fetch('https://acme.auth0.com/api/v2/users/x', { headers: new Headers({ Authorization: 'Bearer ' + localStorage['id_token'] }) });
fetch('https://acme.auth0.com/api/v2/users/x', { headers: [['Authorization', 'Bearer ' + localStorage.getItem()]] });
fetch(String.raw\`https://acme.auth0.com/api/v2/users/\${args}\`, { method: 'PATCH', headers: { ...args, Authorization: \`Bearer \${t}\` } });

var a = b, b = a;
var self = self;
let x;
x = x;
const f = () => f();
function g() {
  return g();
}
function h(token = h()) {
  return token;
}
const o = { idToken: o };
const p = { ...p };
const chain = new auth0.WebAuth(chain);
let options = { domain: 'acme.auth0.com' };
options = { ...options, token: options.token };
new auth0.Management(options);
for (const token of [a, self, x, f(), g(), h(), o.idToken.idToken, p.idToken]) new auth0.Management({ domain: 'acme.auth0.com', token }).getUser('1');
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
webAuth.parseHash(function again(err, authResult) {
  webAuth.parseHash(again);
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub);
});

const base = { idToken: t };
export const viaSuper = { __proto__: base, m() { return new auth0.Management({ domain: 'acme.auth0.com', token: super.idToken }).getUser('x'); } };
export class Static {
  static idToken = t;
  static {
    this.client = new auth0.Management({ domain: 'acme.auth0.com', token: this.idToken });
    this.client.getUser('x');
  }
}
export default class {
  idToken = t;
  management = new auth0.Management({ domain: 'acme.auth0.com', token: this.idToken });
}
`,
  },
  {
    // TypeScript around callees and tokens: assertions on the callee, instantiation expressions as constructors,
    // enum members as header names, parameter properties used as tokens, export import, import aliases.
    file: 'app/oddities.ts',
    sourceType: 'module',
    lintWith: TS,
    code: `import auth0 from 'auth0-js';

const t = localStorage.getItem('id_token');
new (<any>auth0).Management({ domain: 'acme.auth0.com', token: t! as unknown as string satisfies string }).getUser('x');
new auth0!.Management({ domain: 'acme.auth0.com', token: <string>t }).getUser('x');
const M = auth0.Management<never>;
new M({ domain: 'acme.auth0.com', token: t! }).getUser('x');
enum Header {
  Authorization = 'Authorization',
}
fetch('https://acme.auth0.com/api/v2/users/x', { headers: { [Header.Authorization]: 'Bearer ' + t } });
class Session {
  constructor(private readonly idToken = localStorage.getItem('id_token')!, public management = new auth0.Management({ domain: 'acme.auth0.com', token: idToken })) {
    management.getUser('x');
  }
}
namespace Clients {
  export import WebAuth = auth0.WebAuth;
}
new Clients.WebAuth({ domain: 'acme.auth0.com', clientID: 'k3XclientId', responseType: 'id_token' });
import Alias = auth0.Management;
new Alias({ domain: 'acme.auth0.com', token: t! }).getUser('x');
export { Session };
`,
  },
  {
    // Empty script blocks.
    file: 'app/Empty.vue',
    sourceType: 'module',
    lintWith: ['vue'],
    code: `<template>
  <div>auth0</div>
</template>
<script></script>
<script setup></script>
`,
  },
  {
    // An Auth0 Rule: one bare anonymous function, which no parser takes as a program. Server code.
    file: 'auth0-rules/add-roles.js',
    sourceType: 'script',
    lintWith: [],
    lintNote:
      'ESLint parses the file before any rule runs, and its parsers reject a bare anonymous function; the plugin has no processor',
    code: `function (user, context, callback) {
  const ManagementClient = require('auth0@2.35.0').ManagementClient;
  const management = new ManagementClient({ token: auth0.accessToken, domain: auth0.domain });
  management.updateAppMetadata({ id: user.user_id }, { roles: ['admin'] }, function (err) {
    context.idToken['https://acme.com/roles'] = ['admin'];
    callback(err, user, context);
  });
}
`,
  },
  {
    // An async Auth0 Rule after comments, with await inside.
    file: 'auth0-rules/link-accounts.js',
    sourceType: 'script',
    lintWith: [],
    lintNote: 'as add-roles.js',
    code: `// Links accounts with the same verified email.
/* Reads the user through the Management API v2. */
async function (user, context, callback) {
  const { ManagementClient } = require('auth0@2.35.0');
  const management = new ManagementClient({ token: auth0.accessToken, domain: auth0.domain });
  const users = await management.getUsersByEmail(user.email);
  context.idToken['https://acme.com/linked'] = users.length > 1;
  return callback(null, user, context);
}
`,
  },
  {
    // An Auth0 Rule with a byte order mark and CRLF line ends.
    file: 'auth0-rules/crlf.js',
    sourceType: 'script',
    lintWith: [],
    lintNote: 'as add-roles.js',
    code: '\uFEFF// Adds the roles claim\r\nfunction (user, context, callback) {\r\n  context.idToken.roles = auth0.accessToken ? [] : null;\r\n  callback(null, user, context);\r\n}\r\n',
  },
  {
    // An Auth0 Action: CommonJS with an exported handler. Server code.
    file: 'auth0-actions/post-login.js',
    sourceType: 'commonjs',
    lintWith: JS,
    code: `const { ManagementClient } = require('auth0');

exports.onExecutePostLogin = async (event, api) => {
  const management = new ManagementClient({ domain: event.secrets.domain, clientId: event.secrets.clientId, clientSecret: event.secrets.clientSecret });
  const { data: roles } = await management.users.getRoles({ id: event.user.user_id });
  api.idToken.setCustomClaim('https://acme.com/roles', roles.map((role) => role.name));
};
`,
  },
  {
    // Auth0 Actions in their other shapes: a function expression, a computed export name, module.exports.
    file: 'auth0-actions/variants.js',
    sourceType: 'commonjs',
    lintWith: JS,
    code: `exports.onExecutePostLogin = async function (event, api) {
  api.idToken.setCustomClaim('https://acme.com/email', event.user.email);
};
exports['onExecuteCredentialsExchange'] = async (event, api) => {};
module.exports = { ...exports, onExecutePreUserRegistration: async (event, api) => {}, onContinuePostLogin: async (event, api) => {} };
`,
  },
];
