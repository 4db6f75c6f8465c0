/**
 * The ID-token era's APIs that have no access-token path, each with what replaces it: the text of the
 * `no-legacy-id-token-apis` findings, and what `analysis/legacy-and-secrets.ts` looks for. No runtime imports: the
 * text pre-filter (`analysis/prefilter.ts`) loads this module on the CLI's reader thread.
 */

/** A legacy method, with what replaces it (the finding's text, verbatim). */
export interface LegacyMethod {
  readonly method: string;
  readonly replacement: string;
  /**
   * Legacy only when this argument holds a token of this kind: Lock 9/10 `getProfile(idToken)` calls /tokeninfo,
   * while Lock 11's `getProfile(accessToken)` is `getUserInfo` under another name.
   */
  readonly when?: { readonly argument: number; readonly kind: 'id-token' };
}

/**
 * A client legacy methods are called on, and the ways code shows it holds one. An entity is named as in
 * `sdk-entities.ts` (`<namespace>.<export path>`); a member of an entity's instances as `<entity>.<member>`.
 */
export interface LegacyClient {
  /** Entities whose instances (created with `new`, or by calling a factory) are this client. */
  readonly instancesOf?: readonly string[];
  /** Namespaces whose every export creates this client. */
  readonly namespaces?: readonly string[];
  /** Members of other entities' instances that are this client. */
  readonly members?: readonly string[];
  /** The event whose subscription (`<holder>.<method>(event, cb)`) shows that a holder is this client. */
  readonly subscription?: { readonly method: string; readonly event: string };
  /** Methods of this client that return another client. */
  readonly derived?: readonly { readonly method: string; readonly client: LegacyClient }[];
  /** The legacy methods called on this client. */
  readonly methods: readonly LegacyMethod[];
}

/** Methods only the ID-token era has, whatever client they are called on (the names are Auth0's own). */
export const LEGACY_METHODS: readonly LegacyMethod[] = [
  {
    method: 'getDelegationToken',
    replacement: 'checkSession({ audience, scope }) or getTokenSilently({ audience, scope }) for an access token',
  },
  { method: 'renewIdToken', replacement: "checkSession({ responseType: 'token id_token' }) to renew both tokens" },
  {
    method: 'loginWithResourceOwner',
    replacement: 'login({ username, password, realm, audience, scope }), which uses /oauth/token',
  },
];

/** auth0.js v6/v7 clients (`new Auth0({...})`, `auth0({...})`): their methods go through /delegation or /tokeninfo. */
const AUTH0_JS_V7_CLIENT: LegacyClient = {
  instancesOf: ['auth0-js-v7.Auth0', 'auth0-js'],
  methods: [
    { method: 'refreshToken', replacement: 'checkSession or a refresh-token grant on /oauth/token' },
    { method: 'getProfile', replacement: 'userInfo(accessToken) (/userinfo)' },
  ],
};

/** Lock, however created; a holder subscribed to `authenticated` is one, and Lock 9's `getClient()` is auth0.js v6. */
const LOCK_CLIENT: LegacyClient = {
  namespaces: ['auth0-lock'],
  subscription: { method: 'on', event: 'authenticated' },
  derived: [{ method: 'getClient', client: AUTH0_JS_V7_CLIENT }],
  methods: [
    {
      method: 'getProfile',
      when: { argument: 0, kind: 'id-token' },
      replacement: 'getUserInfo(accessToken) (/userinfo)',
    },
  ],
};

/** auth0.js `Authentication`, also as `webAuth.client`. */
const AUTH0_JS_AUTHENTICATION: LegacyClient = {
  instancesOf: ['auth0-js.Authentication'],
  members: ['auth0-js.WebAuth.client'],
  methods: [{ method: 'delegation', replacement: 'an access token for the API from checkSession or /oauth/token' }],
};

/** node-auth0 `AuthenticationClient#tokens`. */
const NODE_AUTH0_TOKENS: LegacyClient = {
  members: ['auth0.AuthenticationClient.tokens'],
  methods: [
    {
      method: 'getInfo',
      replacement: 'getProfile(accessToken) / UserInfoClient.getUserInfo(accessToken) (/userinfo)',
    },
  ],
};

/** node-auth0 `AuthenticationClient#oauth`. */
const NODE_AUTH0_OAUTH: LegacyClient = {
  members: ['auth0.AuthenticationClient.oauth'],
  methods: [{ method: 'signIn', replacement: 'passwordGrant({ username, password, audience, scope }) (/oauth/token)' }],
};

/** The clients with legacy methods of their own, in the order a receiver is matched against them. */
export const LEGACY_CLIENTS: readonly LegacyClient[] = [
  LOCK_CLIENT,
  AUTH0_JS_V7_CLIENT,
  AUTH0_JS_AUTHENTICATION,
  NODE_AUTH0_TOKENS,
  NODE_AUTH0_OAUTH,
];

/** An option only the ID-token era has, with what replaces it when its value is `false` and otherwise. */
export interface LegacyOption {
  readonly option: string;
  readonly replacement: { readonly whenFalse: string; readonly otherwise: string };
}

/** auth0.js v7 / Lock 9 `callbackOnLocationHash`: `false` is the code flow, anything else the implicit one. */
export const LEGACY_OPTIONS: readonly LegacyOption[] = [
  {
    option: 'callbackOnLocationHash',
    replacement: { whenFalse: "responseType: 'code'", otherwise: "responseType: 'token id_token'" },
  },
];

/** Legacy endpoints at the root of an Auth0 host, with what replaces them. */
export const LEGACY_ENDPOINTS: Readonly<Record<string, string>> = {
  '/tokeninfo': '/userinfo with the access token (getUserInfo / userInfo)',
  '/delegation': 'an access token for the API from /authorize or /oauth/token',
  '/oauth/ro': '/oauth/token with grant_type password (or password-realm) and an audience',
};
