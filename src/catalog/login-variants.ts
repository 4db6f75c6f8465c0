/**
 * The version lines of the login SDKs and the raw protocol requests, as data the analysis (`analysis/token-requests.ts`,
 * `analysis/findings.ts`) interprets: where each one's options live, what it can ask for, what it asks for by default
 * and how it gets a second token. The ids are the `sdk` of a token request, which reports and rule data show.
 */

/** Key paths from the options root to the objects that hold each login parameter, and the response type's key. */
export interface OptionLayout {
  readonly audiencePath: readonly string[];
  readonly scopePath: readonly string[];
  readonly responseTypePath: readonly string[];
  readonly responseTypeKey: string;
}

/**
 * Evidence the code shows for a version, read on the options (an object literal, or a JSX element's attributes) and
 * the call that creates the client. `kind` names the test; each is interpreted by `analysis/token-requests.ts sniffs`.
 */
export type Sniff =
  /** Any of the keys is present. */
  | { readonly kind: 'has-key'; readonly keys: readonly string[] }
  /** None of the keys is present (also true without options). */
  | { readonly kind: 'lacks-key'; readonly keys: readonly string[] }
  /** The key's value is this literal. */
  | { readonly kind: 'key-is'; readonly key: string; readonly literal: boolean | string }
  /** The creating call has no argument where the options go. */
  | { readonly kind: 'without-options' }
  /** The file imports or requires this module. */
  | { readonly kind: 'imports-module'; readonly specifier: string }
  /** The creating callee is reached as a module's default export or as a global. */
  | { readonly kind: 'default-export-or-global' }
  /** The value (an argument) is a function. */
  | { readonly kind: 'function' }
  /** The created client, where it is stored, is called with one of the methods and an argument that shows `argument`. */
  | { readonly kind: 'instance-called'; readonly methods: readonly string[]; readonly argument: Sniff }
  | { readonly kind: 'all'; readonly of: readonly Sniff[] }
  | { readonly kind: 'any'; readonly of: readonly Sniff[] };

/**
 * How a variant gets a token for a second audience, rendered `method({ <login parameters, nested under optionsPath>,
 * extra }, callback)`.
 */
export interface SecondTokenRoute {
  readonly method: string;
  readonly optionsPath: readonly string[];
  readonly extra?: string;
  readonly callback?: boolean;
}

/** One version line of a login SDK (or a raw protocol request). */
export interface LoginVariant {
  /** The versions it covers, for people. */
  readonly versions: string;
  readonly layout: OptionLayout;
  /** Whether it can ask for an API audience at all; `audienceUnless`: evidence that this client cannot. */
  readonly supportsAudience: boolean;
  readonly audienceUnless?: Sniff;
  /** Whether it takes a response type, or always returns an access token. */
  readonly hasResponseType: boolean;
  /** The scope it asks for when the code gives none (`''`: none at all). */
  readonly defaultScope: string;
  readonly secondToken?: SecondTokenRoute;
}

const TOP_LEVEL: OptionLayout = {
  audiencePath: [],
  scopePath: [],
  responseTypePath: [],
  responseTypeKey: 'responseType',
};
/** Lock 10+: `{ auth: { responseType, audience, params: { scope } } }`. */
const LOCK_LAYOUT: OptionLayout = {
  audiencePath: ['auth'],
  scopePath: ['auth', 'params'],
  responseTypePath: ['auth'],
  responseTypeKey: 'responseType',
};
/** spa-js v2 and the SDKs built on it: `{ authorizationParams: { audience, scope } }`. */
const AUTHORIZATION_PARAMS: OptionLayout = {
  audiencePath: ['authorizationParams'],
  scopePath: ['authorizationParams'],
  responseTypePath: [],
  responseTypeKey: 'responseType',
};

const OIDC_DEFAULT_SCOPE = 'openid profile email';

const CHECK_SESSION: SecondTokenRoute = {
  method: 'checkSession',
  optionsPath: [],
  extra: "responseType: 'token'",
  callback: true,
};

/** Lock 10 with `oidcConformant: false` throws on `auth.audience`. */
const LOCK_LEGACY_MODE: Sniff = { kind: 'key-is', key: 'oidcConformant', literal: false };

/** A Lock 10+ line: options under `auth`, a second token from `checkSession`. */
function lockVariant(versions: string, audienceUnless: Sniff): LoginVariant {
  return {
    versions,
    layout: LOCK_LAYOUT,
    supportsAudience: true,
    audienceUnless,
    hasResponseType: true,
    defaultScope: OIDC_DEFAULT_SCOPE,
    secondToken: CHECK_SESSION,
  };
}

/** An SDK on spa-js: no response type; v1 takes the login parameters at the top level, v2 under `authorizationParams`. */
function spaVariant(versions: string, layout: OptionLayout, getter: string): LoginVariant {
  return {
    versions,
    layout,
    supportsAudience: true,
    hasResponseType: false,
    defaultScope: OIDC_DEFAULT_SCOPE,
    secondToken: { method: getter, optionsPath: layout.audiencePath },
  };
}

/** Every variant a token request can be, by its id. */
export const LOGIN_VARIANTS = {
  'auth0.js': {
    versions: 'auth0.js v8+ (WebAuth, Authentication)',
    layout: TOP_LEVEL,
    supportsAudience: true,
    hasResponseType: true,
    defaultScope: OIDC_DEFAULT_SCOPE,
    secondToken: CHECK_SESSION,
  },
  'auth0.js-v7': {
    versions: 'auth0.js v7 (Auth0)',
    layout: TOP_LEVEL,
    supportsAudience: false,
    hasResponseType: true,
    defaultScope: 'openid',
  },
  /** angular-auth0 1.x wraps auth0.js v7 (`callbackURL`-style options), 2.x+ wraps `WebAuth`. */
  'angular-auth0': {
    versions: 'angular-auth0 (angularAuth0Provider)',
    layout: TOP_LEVEL,
    supportsAudience: true,
    audienceUnless: { kind: 'has-key', keys: ['callbackURL', 'callbackOnLocationHash'] },
    hasResponseType: true,
    defaultScope: OIDC_DEFAULT_SCOPE,
    secondToken: CHECK_SESSION,
  },
  /**
   * Lock 12 is Lock 11 built on React 18: its release notes call it "completely API-compatible with v11"
   * (auth0/lock#2243), and its `extractAuthOptions` reads the same `auth` keys with the same default scope; 13-15 add
   * only captcha and sign-up challenges. Code cannot tell them apart, so one line covers Lock 10 to 15.
   */
  lock: lockVariant('Lock 10-15 (Auth0Lock)', LOCK_LEGACY_MODE),
  /** Lock 9: `{ responseType, authParams: { scope } }`, no audience at all. */
  'lock-9': {
    versions: 'Lock 9',
    layout: {
      audiencePath: ['authParams'],
      scopePath: ['authParams'],
      responseTypePath: [],
      responseTypeKey: 'responseType',
    },
    supportsAudience: false,
    hasResponseType: true,
    defaultScope: 'openid',
  },
  /** The old `auth0-lock-passwordless` package took no options and could not ask for an audience. */
  'lock-passwordless': lockVariant('auth0-lock-passwordless 2.x, Auth0LockPasswordless 11+', {
    kind: 'any',
    of: [
      LOCK_LEGACY_MODE,
      { kind: 'without-options' },
      { kind: 'imports-module', specifier: 'auth0-lock-passwordless' },
    ],
  }),
  'angular-lock': lockVariant('angular-lock (lockProvider)', LOCK_LEGACY_MODE),
  'auth0-spa-js-v1': spaVariant('auth0-spa-js 1.x', TOP_LEVEL, 'getTokenSilently'),
  'auth0-spa-js-v2': spaVariant('auth0-spa-js 2.x', AUTHORIZATION_PARAMS, 'getTokenSilently'),
  'auth0-react-v1': spaVariant('auth0-react 1.x', TOP_LEVEL, 'getAccessTokenSilently'),
  'auth0-react-v2': spaVariant('auth0-react 2.x', AUTHORIZATION_PARAMS, 'getAccessTokenSilently'),
  'auth0-angular-v1': spaVariant('auth0-angular 1.x', TOP_LEVEL, 'getAccessTokenSilently'),
  'auth0-angular-v2': spaVariant('auth0-angular 2.x', AUTHORIZATION_PARAMS, 'getAccessTokenSilently'),
  'auth0-vue-v1': spaVariant('auth0-vue 1.x', TOP_LEVEL, 'getAccessTokenSilently'),
  'auth0-vue-v2': spaVariant('auth0-vue 2.x', AUTHORIZATION_PARAMS, 'getAccessTokenSilently'),
  /**
   * passport-auth0 on a server: the strategy's `authenticate` options (`passport.authenticate('auth0', { audience,
   * scope })`) go to `/authorize`; the code exchange always returns an access token beside the ID token.
   */
  'passport-auth0': {
    versions: 'passport-auth0 (Strategy)',
    layout: TOP_LEVEL,
    supportsAudience: true,
    hasResponseType: false,
    defaultScope: '',
  },
  /** A raw `/authorize` URL: the login parameters are query parameters. */
  'authorize-url': {
    versions: 'OAuth 2.0 /authorize',
    layout: { audiencePath: [], scopePath: [], responseTypePath: [], responseTypeKey: 'response_type' },
    supportsAudience: true,
    hasResponseType: true,
    defaultScope: '',
  },
  /** A raw `/oauth/token` password grant: the login parameters are body keys. */
  'password-grant': {
    versions: 'OAuth 2.0 /oauth/token password grant',
    layout: TOP_LEVEL,
    supportsAudience: true,
    hasResponseType: false,
    defaultScope: '',
  },
} satisfies Record<string, LoginVariant>;

/** A token request's variant id. */
export type TokenRequestSdk = keyof typeof LOGIN_VARIANTS;

/** The variants of requests written against the protocol rather than through an SDK. */
export const PROTOCOL_VARIANTS = {
  authorizeUrl: 'authorize-url',
  passwordGrant: 'password-grant',
} as const satisfies Record<string, TokenRequestSdk>;

/** The variant record of a request's id. */
export function loginVariant(id: TokenRequestSdk): LoginVariant {
  return LOGIN_VARIANTS[id];
}
