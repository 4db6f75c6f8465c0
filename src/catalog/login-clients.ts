/**
 * How code gets a login client and which of its calls carry token options, as data the analysis
 * (`analysis/token-requests.ts`) interprets. Entities are named as in `sdk-entities.ts`; a client kind is named by the
 * entity whose instances it describes.
 */
import type { Sniff, TokenRequestSdk } from './login-variants';

/** A client kind's id: the entity whose instances (or hook results, or injected services) it describes. */
export type ClientKindId = string;

/**
 * A call that carries per-call token options in its first argument. `results`: `client` when its tokens arrive through
 * the client's shared result (a redirect), `call` when the call returns them. `hasResponseType`: its options take one.
 */
export interface CallShape {
  readonly results: 'client' | 'call';
  readonly hasResponseType: boolean;
}

/** A variant a creation can be, and the evidence that picks it; the last choice, without evidence, is the default. */
export interface VariantChoice {
  readonly variant: TokenRequestSdk;
  readonly when?: Sniff;
}

/** What creating a client from an entity takes. */
export interface LoginCreation {
  /** `constructor`: `new X(...)`; `factory`: `X(...)`; `constructor-or-factory`: either. */
  readonly kind: 'constructor' | 'factory' | 'constructor-or-factory';
  readonly client: ClientKindId;
  readonly optionsArgument: number;
  /** The argument that holds the domain; without it, the options' `domain`. */
  readonly domainArgument?: number;
  readonly variants: readonly VariantChoice[];
}

/** A JSX component whose attributes configure a client for the components under it. */
export interface LoginElement {
  readonly client: ClientKindId;
  readonly variants: readonly VariantChoice[];
}

/**
 * An AngularJS provider, `<service>Provider.<method>(options)`, which configures the client its injected service
 * `<service>` wraps.
 */
export interface LoginProvider {
  readonly method: string;
  readonly client: ClientKindId;
  /** Keys the options must have for the call to be this provider's (a provider name alone is too common). */
  readonly requires?: readonly string[];
  /** The key path under which the SDK's own options nest. */
  readonly optionsPrefix?: readonly string[];
  readonly variants: readonly VariantChoice[];
}

/**
 * How code reaches a client it does not hold: `hook-result`, members of what a hook returns (destructured, or through a
 * variable); `imported-service`, members of any object in a file that imports the namespace (an injected service).
 */
export type UnheldClient =
  | { readonly kind: 'hook-result'; readonly hook: string }
  | { readonly kind: 'imported-service'; readonly namespace: string };

/** What a client kind offers. */
export interface LoginClient {
  /** Methods (`popup.authorize`: under a sub-object) whose first argument carries per-call token options. */
  readonly tokenCalls: Readonly<Record<string, CallShape>>;
  /**
   * The variants a call's own options can be written for (v1 top level, v2 nested): its options pick one, else its
   * client's; without it, calls take the login parameters at the top level.
   */
  readonly callVariants?: readonly TokenRequestSdk[];
  readonly unheld?: UnheldClient;
}

const REDIRECT: CallShape = { results: 'client', hasResponseType: true };
const OWN_RESULT: CallShape = { results: 'call', hasResponseType: true };
/** `/oauth/token` grants and spa-js style getters: tokens returned by the call, no response type. */
const TOKEN_ENDPOINT: CallShape = { results: 'call', hasResponseType: false };
const SPA_REDIRECT: CallShape = { results: 'client', hasResponseType: false };

/** auth0-react's `useAuth0()` and auth0-angular's `AuthService`: spa-js calls under their own names. */
const SPA_WRAPPER_CALLS: Readonly<Record<string, CallShape>> = {
  getAccessTokenSilently: TOKEN_ENDPOINT,
  getAccessTokenWithPopup: TOKEN_ENDPOINT,
  loginWithRedirect: SPA_REDIRECT,
  loginWithPopup: SPA_REDIRECT,
};

/** Each client kind's token calls, and how code reaches the kinds it holds in no variable. */
export const LOGIN_CLIENTS: Readonly<Record<ClientKindId, LoginClient>> = {
  'auth0-js.WebAuth': {
    tokenCalls: {
      authorize: REDIRECT,
      login: REDIRECT,
      'redirect.loginWithCredentials': REDIRECT,
      'popup.authorize': OWN_RESULT,
      'popup.loginWithCredentials': OWN_RESULT,
      checkSession: OWN_RESULT,
      renewAuth: OWN_RESULT,
      'client.login': TOKEN_ENDPOINT,
      'client.oauthToken': TOKEN_ENDPOINT,
      'client.loginWithDefaultDirectory': TOKEN_ENDPOINT,
    },
  },
  'auth0-js.Authentication': {
    tokenCalls: { login: TOKEN_ENDPOINT, oauthToken: TOKEN_ENDPOINT, loginWithDefaultDirectory: TOKEN_ENDPOINT },
  },
  'auth0-js-v7.Auth0': { tokenCalls: { login: REDIRECT, signin: REDIRECT, loginWithPopup: OWN_RESULT } },
  'auth0-lock.Auth0Lock': { tokenCalls: { checkSession: OWN_RESULT } },
  'auth0-spa-js.Auth0Client': {
    tokenCalls: {
      getTokenSilently: TOKEN_ENDPOINT,
      getTokenWithPopup: TOKEN_ENDPOINT,
      loginWithRedirect: SPA_REDIRECT,
      loginWithPopup: SPA_REDIRECT,
    },
    callVariants: ['auth0-spa-js-v1', 'auth0-spa-js-v2'],
  },
  'auth0-react.useAuth0': {
    tokenCalls: SPA_WRAPPER_CALLS,
    callVariants: ['auth0-react-v1', 'auth0-react-v2'],
    unheld: { kind: 'hook-result', hook: 'auth0-react.useAuth0' },
  },
  'auth0-angular.AuthService': {
    tokenCalls: SPA_WRAPPER_CALLS,
    callVariants: ['auth0-angular-v1', 'auth0-angular-v2'],
    unheld: { kind: 'imported-service', namespace: 'auth0-angular' },
  },
  'auth0-vue.useAuth0': {
    tokenCalls: SPA_WRAPPER_CALLS,
    callVariants: ['auth0-vue-v1', 'auth0-vue-v2'],
    unheld: { kind: 'hook-result', hook: 'auth0-vue.useAuth0' },
  },
};

/** Lock 9 options: `authParams`/`callbackURL` instead of Lock 10+'s `auth`. */
const LOCK_9_OPTIONS: Sniff = {
  kind: 'all',
  of: [
    { kind: 'lacks-key', keys: ['auth'] },
    { kind: 'has-key', keys: ['authParams', 'callbackURL'] },
  ],
};

/** An SDK on spa-js written for v1: login parameters at the top level, none under `authorizationParams`. */
function spaV1Options(v1Keys: readonly string[]): Sniff {
  return {
    kind: 'all',
    of: [
      { kind: 'lacks-key', keys: ['authorizationParams'] },
      { kind: 'has-key', keys: v1Keys },
    ],
  };
}

/** spa-js v1 (`client_id`, top-level `audience`/`scope`, default export or CDN global) or v2 (`clientId`, `authorizationParams`). */
const SPA_JS_VARIANTS: readonly VariantChoice[] = [
  {
    variant: 'auth0-spa-js-v1',
    when: {
      kind: 'all',
      of: [
        { kind: 'lacks-key', keys: ['clientId', 'authorizationParams'] },
        {
          kind: 'any',
          of: [
            { kind: 'has-key', keys: ['client_id', 'redirect_uri', 'audience', 'scope'] },
            { kind: 'default-export-or-global' },
          ],
        },
      ],
    },
  },
  { variant: 'auth0-spa-js-v2' },
];

const AUTH0_V7_VARIANTS: readonly VariantChoice[] = [{ variant: 'auth0.js-v7' }];

/** Constructors and factories that create a login client, by entity. */
export const LOGIN_CREATIONS: Readonly<Record<string, LoginCreation>> = {
  'auth0-js.WebAuth': {
    kind: 'constructor',
    client: 'auth0-js.WebAuth',
    optionsArgument: 0,
    variants: [{ variant: 'auth0.js' }],
  },
  'auth0-js.Authentication': {
    kind: 'constructor',
    client: 'auth0-js.Authentication',
    optionsArgument: 0,
    variants: [{ variant: 'auth0.js' }],
  },
  'auth0-js-v7.Auth0': {
    kind: 'constructor-or-factory',
    client: 'auth0-js-v7.Auth0',
    optionsArgument: 0,
    variants: AUTH0_V7_VARIANTS,
  },
  /** auth0.js v7's module export is its constructor. */
  'auth0-js': { kind: 'constructor', client: 'auth0-js-v7.Auth0', optionsArgument: 0, variants: AUTH0_V7_VARIANTS },
  /** `new Auth0Lock(clientID, domain, options)`; without options, only a Lock 9 `show(callback)` tells the versions apart. */
  'auth0-lock.Auth0Lock': {
    kind: 'constructor',
    client: 'auth0-lock.Auth0Lock',
    optionsArgument: 2,
    domainArgument: 1,
    variants: [
      {
        variant: 'lock-9',
        when: {
          kind: 'any',
          of: [
            {
              kind: 'all',
              of: [
                { kind: 'without-options' },
                {
                  kind: 'instance-called',
                  methods: ['show', 'showSignin', 'showSignup'],
                  argument: {
                    kind: 'any',
                    of: [{ kind: 'function' }, { kind: 'has-key', keys: ['authParams', 'callbackURL'] }],
                  },
                },
              ],
            },
            LOCK_9_OPTIONS,
          ],
        },
      },
      { variant: 'lock' },
    ],
  },
  'auth0-lock.Auth0LockPasswordless': {
    kind: 'constructor',
    client: 'auth0-lock.Auth0Lock',
    optionsArgument: 2,
    domainArgument: 1,
    variants: [{ variant: 'lock-9', when: LOCK_9_OPTIONS }, { variant: 'lock-passwordless' }],
  },
  'auth0-spa-js.Auth0Client': {
    kind: 'constructor',
    client: 'auth0-spa-js.Auth0Client',
    optionsArgument: 0,
    variants: SPA_JS_VARIANTS,
  },
  'auth0-spa-js.createAuth0Client': {
    kind: 'factory',
    client: 'auth0-spa-js.Auth0Client',
    optionsArgument: 0,
    variants: SPA_JS_VARIANTS,
  },
  /** auth0-angular v1 (top-level `audience`/`scope`/`redirectUri`) or v2 (`authorizationParams`). */
  'auth0-angular.AuthModule.forRoot': {
    kind: 'factory',
    client: 'auth0-angular.AuthService',
    optionsArgument: 0,
    variants: [
      { variant: 'auth0-angular-v1', when: spaV1Options(['redirectUri', 'audience', 'scope']) },
      { variant: 'auth0-angular-v2' },
    ],
  },
  /** Only auth0-angular v2 has `provideAuth0`. */
  'auth0-angular.provideAuth0': {
    kind: 'factory',
    client: 'auth0-angular.AuthService',
    optionsArgument: 0,
    variants: [{ variant: 'auth0-angular-v2' }],
  },
  'auth0-vue.createAuth0': {
    kind: 'factory',
    client: 'auth0-vue.useAuth0',
    optionsArgument: 0,
    variants: [
      {
        variant: 'auth0-vue-v1',
        when: {
          kind: 'all',
          of: [
            { kind: 'lacks-key', keys: ['clientId', 'authorizationParams'] },
            { kind: 'has-key', keys: ['client_id', 'redirect_uri', 'audience', 'scope'] },
          ],
        },
      },
      { variant: 'auth0-vue-v2' },
    ],
  },
};

/** JSX components whose attributes configure a login (`<Auth0Provider domain clientId authorizationParams>`), by entity. */
export const LOGIN_ELEMENTS: Readonly<Record<string, LoginElement>> = {
  'auth0-react.Auth0Provider': {
    client: 'auth0-react.useAuth0',
    variants: [
      { variant: 'auth0-react-v1', when: spaV1Options(['audience', 'scope', 'redirectUri']) },
      { variant: 'auth0-react-v2' },
    ],
  },
};

/** AngularJS providers that configure a login, by the name of the service they configure. */
export const LOGIN_PROVIDERS: Readonly<Record<string, LoginProvider>> = {
  angularAuth0: { method: 'init', client: 'auth0-js.WebAuth', variants: [{ variant: 'angular-auth0' }] },
  /** `lockProvider.init({ clientID, domain, options: { auth: … } })`. */
  lock: {
    method: 'init',
    client: 'auth0-lock.Auth0Lock',
    requires: ['clientID', 'domain'],
    optionsPrefix: ['options'],
    variants: [{ variant: 'lock-9', when: LOCK_9_OPTIONS }, { variant: 'angular-lock' }],
  },
};

/**
 * A login a server framework starts by the name its strategy registers: `<receiver>.<method>('<name>', options)`, on a
 * receiver imported from `receiverModule`, with the login parameters in argument `optionsArgument`.
 */
export interface NamedLoginStart {
  readonly receiverModule: string;
  readonly method: string;
  readonly name: string;
  readonly optionsArgument: number;
  readonly variants: readonly VariantChoice[];
}

/** Logins started by a strategy's name, by the client kind (the strategy entity) they start. */
export const NAMED_LOGIN_STARTS: Readonly<Record<ClientKindId, NamedLoginStart>> = {
  'passport-auth0.Strategy': {
    receiverModule: 'passport',
    method: 'authenticate',
    name: 'auth0',
    optionsArgument: 1,
    variants: [{ variant: 'passport-auth0' }],
  },
};

/**
 * Methods that take a secondary login's ID token to link accounts, and the argument that holds it: the client that
 * produced the token is a secondary login.
 */
export const ACCOUNT_LINKING_ARGUMENTS: readonly { readonly method: string; readonly argument: number }[] = [
  { method: 'linkUser', argument: 1 },
];
