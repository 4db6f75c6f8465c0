/**
 * What the login SDKs hand back: where their results carry the ID token and the access token, which calls and
 * callbacks deliver a result, how code that reads the raw ID token gets the access token instead, and the component
 * framework's hooks a token passes through. Read by `analysis/credentials.ts`, which follows tokens from these places
 * to the Management API.
 */
import type { TokenRequestSdk } from './login-variants';

/** A token a login result carries, named as the result's camelCase property for it. */
export type ResultToken = 'idToken' | 'accessToken';

/** Result properties that hold a token, by token: camelCase (auth0.js v7+, Lock), snake_case (v6, raw responses). */
export const RESULT_TOKEN_PROPERTIES: Readonly<Record<ResultToken, readonly string[]>> = {
  idToken: ['idToken', 'id_token', 'rawIdToken'],
  accessToken: ['accessToken', 'access_token'],
};

/** The access-token property of the same result, by ID-token property (the spelling the result uses). */
export const ACCESS_TOKEN_SIBLINGS: Readonly<Record<string, string>> = {
  idToken: 'accessToken',
  id_token: 'access_token',
};

/** The access-token property to store beside an ID-token property that has no sibling of its own. */
export const DEFAULT_ACCESS_TOKEN_PROPERTY: string = 'accessToken';

/** Client methods that return a token for the audience they are asked for, and which token. */
export const TOKEN_GETTERS: Readonly<Record<string, ResultToken>> = {
  getTokenSilently: 'accessToken',
  getAccessTokenSilently: 'accessToken',
  getTokenWithPopup: 'accessToken',
  getAccessTokenWithPopup: 'accessToken',
};

/** A client method whose callback receives a login result (`authResult`). */
export interface ResultCallback {
  readonly method: string;
  /** The callback's argument position; a negative one counts from the end, as `Array.prototype.at` does. */
  readonly argument: number;
  /** For an event subscription: the event name, the call's first argument. */
  readonly event?: string;
}

/** Client methods whose callback receives a login result. */
export const RESULT_CALLBACKS: readonly ResultCallback[] = [
  { method: 'parseHash', argument: -1 },
  { method: 'checkSession', argument: -1 },
  { method: 'renewAuth', argument: -1 },
  { method: 'authorize', argument: -1 },
  { method: 'login', argument: -1 },
  { method: 'oauthToken', argument: -1 },
  { method: 'loginWithCredentials', argument: -1 },
  { method: 'show', argument: -1 },
  { method: 'resumeAuth', argument: -1 },
  { method: 'on', argument: 1, event: 'authenticated' },
];

/** Members of a client whose methods deliver the client's own results (`webAuth.popup.authorize(cb)`). */
export const RESULT_SUB_CLIENTS: readonly string[] = ['popup', 'redirect', 'client'];

/** Calls that return (or resolve to) a result holding both tokens: v6/v7 `parseHash`, spa-js `detailedResponse`. */
export const RESULT_RETURNING_CALLS: readonly string[] = ['parseHash', 'getTokenSilently', 'getAccessTokenSilently'];

/**
 * Legacy callbacks with positional tokens, `(err, profile, id_token, access_token, state, refresh_token)`, last
 * argument of `methods`: auth0.js v6 logins, Lock 9 `show`, passwordless Lock `sms`/`emailcode`/`magiclink`. Calls on
 * `entities` (exactly) or on an entity of `namespaces` prove the tokens; on any other receiver the parameter's name
 * must say the same.
 */
export const POSITIONAL_RESULT_CALLBACKS: {
  readonly methods: readonly string[];
  readonly idTokenArgument: number;
  readonly accessTokenArgument: number;
  readonly entities: readonly string[];
  readonly namespaces: readonly string[];
} = {
  methods: ['show', 'showSignin', 'showSignup', 'login', 'signin', 'signup', 'sms', 'emailcode', 'magiclink', 'social'],
  idTokenArgument: 2,
  accessTokenArgument: 3,
  entities: ['auth0-js'],
  namespaces: ['auth0-lock', 'auth0-js-v7'],
};

/**
 * Client methods whose call resolves to decoded ID-token claims, and the claims property that holds the encoded ID
 * token: `(await client.getIdTokenClaims()).__raw`.
 */
export const RAW_ID_TOKEN_CALLS: Readonly<Record<string, string>> = { getIdTokenClaims: '__raw' };

/**
 * Client members that are reactive references (read through `.value`) to decoded ID-token claims, and the claims
 * property that holds the encoded ID token: `auth0.idTokenClaims.value.__raw`, also destructured from the client.
 */
export const RAW_ID_TOKEN_REFERENCES: Readonly<Record<string, string>> = { idTokenClaims: '__raw' };

/**
 * By variant id: the client method that returns an access token in place of a raw ID token read off that client,
 * awaited in an async function, and the key path its options nest `audience` under.
 */
export const RAW_ID_TOKEN_SWITCHES: Readonly<
  Partial<Record<TokenRequestSdk, { readonly method: string; readonly optionsPath: readonly string[] }>>
> = {
  'auth0-spa-js-v1': { method: 'getTokenSilently', optionsPath: [] },
  'auth0-spa-js-v2': { method: 'getTokenSilently', optionsPath: ['authorizationParams'] },
  'auth0-vue-v1': { method: 'getAccessTokenSilently', optionsPath: [] },
  'auth0-vue-v2': { method: 'getAccessTokenSilently', optionsPath: ['authorizationParams'] },
};

/** Variants whose token request is an HTTP call with the login result, both tokens in it, as its JSON response body. */
export const RESPONSE_BODY_RESULTS: readonly TokenRequestSdk[] = ['password-grant'];

/** The component framework's state hook: `const [token, setToken] = useState()` holds what `setToken` is given. */
export const STATE_HOOK: string = 'useState';

/** The component framework's hook that reads a context (`useContext(AuthContext).idToken`) its provider fills. */
export const CONTEXT_HOOK: string = 'useContext';

/** The member of a class component that holds the props its JSX elements pass (`this.props.token`). */
export const COMPONENT_PROPS_MEMBER: string = 'props';
