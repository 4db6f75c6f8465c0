/**
 * The HTTP layers the analysis reads Management API requests from (`analysis/http-calls.ts`): transports, which send a
 * request the code spells out, and interceptors, which attach a token to a transport's requests without a visible
 * header. The analysis recognises each by its shape (`kind`); these tables say which libraries have that shape, how
 * code reaches them and which keys they read.
 */
import type { HttpMethod } from './endpoints';

/** How a transport's calls look, which says how the analysis reads their URL, method, headers and body. */
export type TransportKind =
  /** A global function `(url, init)`, also on the global object (`window.fetch`). */
  | 'global-function'
  /** A callable client `(config)` / `(url, config)` with verb methods, and instances a factory creates with defaults. */
  | 'client-with-verbs'
  /** A callable service `(config)` with verb methods, known by its (injected) name wherever it is read. */
  | 'named-service'
  /** Methods taking a settings object or `(url, data?, success?)`. */
  | 'settings-methods'
  /** A callable module `(options)` / `(url, options)` with verb methods taking a URL or options. */
  | 'module-with-verbs'
  /** A verb call whose headers and body follow in a chain (`.set(...).send(...)`). */
  | 'request-chain'
  /** An object constructed, then `open(method, url)`, with headers and body set by method calls on it. */
  | 'open-send-object'
  /** A service injected into a class, known by its declared type or else its conventional name. */
  | 'injected-service';

/** The id of a transport library, as facts name it. */
export type TransportLibrary =
  'fetch' | 'axios' | '$http' | 'jQuery' | 'request' | 'superagent' | 'XMLHttpRequest' | 'HttpClient' | 'AuthHttp';

interface TransportBase {
  /** The library's id in facts: which requests an interceptor changes. */
  readonly library: TransportLibrary;
  /** How reports name a call: `<via>` or `<via>.<verb>`. */
  readonly via: string;
  /** Module specifiers the library is imported or required from. */
  readonly modules?: readonly string[];
  /** Globals its script-tag build defines. */
  readonly globals?: readonly string[];
  /** Parameter names it is injected as (AngularJS). */
  readonly parameters?: readonly string[];
  /** Verb methods and what each is in HTTP, where a verb's own name (in any case) is not its method. */
  readonly methodAliases?: Readonly<Record<string, HttpMethod>>;
}

/** A transport: an HTTP library or service whose calls carry a Management URL and an Authorization header. */
export type Transport =
  | (TransportBase & {
      readonly kind: 'global-function';
      /** The function's global name. */
      readonly name: string;
      /** Header objects constructed for it (`new Headers({...})`). */
      readonly headerClasses: readonly string[];
    })
  | (TransportBase & {
      readonly kind: 'client-with-verbs';
      /** Members frameworks put the client on (a Vue plugin's `this.$axios`). */
      readonly members: readonly string[];
      /** The method that creates an instance with defaults (`create({ baseURL, headers })`). */
      readonly factory: string;
      /** The verb method that takes a config like the client itself. */
      readonly configMethod: string;
      /** Verb methods taking `(url, config)` and `(url, body, config)`. */
      readonly queryVerbs: readonly string[];
      readonly bodyVerbs: readonly string[];
      readonly baseUrlKey: string;
      /** An instance's defaults (`client.defaults.headers.common.Authorization = ...`) and their all-methods header group. */
      readonly defaultsKey: string;
      readonly commonHeadersKey: string;
    })
  | (TransportBase & {
      readonly kind: 'named-service';
      readonly name: string;
      readonly queryVerbs: readonly string[];
      readonly bodyVerbs: readonly string[];
    })
  | (TransportBase & {
      readonly kind: 'settings-methods';
      /** The method taking `(url?, settings)`, GET unless the settings say otherwise. */
      readonly settingsMethod: string;
      /** Methods taking `(url, data?, success?)` or `(settings)`. */
      readonly shorthandMethods: readonly string[];
      /** Settings keys that may name the method. */
      readonly methodKeys: readonly string[];
      /** The settings hook `(xhr) => xhr.<headerMethod>('Authorization', value)` that sets headers before sending. */
      readonly beforeSendKey: string;
      readonly headerMethod: string;
    })
  | (TransportBase & {
      readonly kind: 'module-with-verbs';
      readonly verbs: readonly string[];
      /** Option keys beyond `url`, `method`, `headers`, `body`. */
      readonly urlKeys: readonly string[];
      readonly baseUrlKey: string;
      readonly formKey: string;
      /** `json: {...}` sends the object as the body. */
      readonly jsonKey: string;
      /** `auth: { bearer }`: the token without the `Bearer ` prefix. */
      readonly authKey: string;
      readonly bearerKey: string;
    })
  | (TransportBase & {
      readonly kind: 'request-chain';
      readonly verbs: readonly string[];
      /** Chain methods that set a header, send the body, and set credentials (`auth(token, { type: 'bearer' })`). */
      readonly headerMethod: string;
      readonly sendMethod: string;
      readonly authMethod: string;
      readonly authTypeKey: string;
      /** The `type` that makes `auth(token, { type })` send `token` as a Bearer token. */
      readonly bearerAuthType: string;
      /** A global this library shares with another, claimed when the chain uses one of these methods. */
      readonly sharedGlobal: string;
      readonly chainMethods: readonly string[];
    })
  | (TransportBase & {
      readonly kind: 'open-send-object';
      readonly constructorName: string;
      readonly openMethod: string;
      readonly headerMethod: string;
      readonly sendMethod: string;
    })
  | (TransportBase & {
      readonly kind: 'injected-service';
      /** Declared or injected types that are this service. */
      readonly types: readonly string[];
      /** Receiver names that are this service when no type says otherwise. */
      readonly conventionalName: RegExp;
      /** The function that injects a service into a field (`http = inject(HttpClient)`). */
      readonly injector: string;
      /** The method taking `(method, url, options)`, and the class its options may be built with. */
      readonly requestMethod: string;
      readonly optionsClass: string;
      readonly headerClasses: readonly string[];
      readonly queryVerbs: readonly string[];
      readonly bodyVerbs: readonly string[];
    });

/** Verbs whose shorthand takes `(url, config)` and those that take `(url, body, config)` (axios, `$http`, HttpClient). */
const QUERY_VERBS = ['get', 'delete', 'head', 'options', 'jsonp'] as const;
const BODY_VERBS = ['post', 'put', 'patch'] as const;

/** request and superagent's verb methods (`del` for `delete`). */
const REQUEST_VERBS = ['get', 'post', 'put', 'patch', 'del', 'delete', 'head'] as const;
const DELETE_ALIAS: Readonly<Record<string, HttpMethod>> = { del: 'DELETE' };

/** Angular's HttpClient and Angular 2's Http share the call shapes; angular2-jwt's AuthHttp wraps them with a token. */
const ANGULAR_SERVICE = {
  kind: 'injected-service',
  injector: 'inject',
  requestMethod: 'request',
  optionsClass: 'RequestOptions',
  headerClasses: ['HttpHeaders'],
  queryVerbs: QUERY_VERBS,
  bodyVerbs: BODY_VERBS,
} as const;

/** The transports, in the order a call is tried against them: the first that recognises it wins. */
export const HTTP_TRANSPORTS: readonly Transport[] = [
  { kind: 'global-function', library: 'fetch', via: 'fetch', name: 'fetch', headerClasses: ['Headers'] },
  {
    kind: 'client-with-verbs',
    library: 'axios',
    via: 'axios',
    modules: ['axios'],
    globals: ['axios'],
    parameters: ['axios'],
    members: ['axios', '$axios'],
    factory: 'create',
    configMethod: 'request',
    queryVerbs: QUERY_VERBS,
    bodyVerbs: BODY_VERBS,
    baseUrlKey: 'baseURL',
    defaultsKey: 'defaults',
    commonHeadersKey: 'common',
  },
  // AngularJS `$http`, also vue-resource's `this.$http`.
  {
    kind: 'named-service',
    library: '$http',
    via: '$http',
    name: '$http',
    queryVerbs: QUERY_VERBS,
    bodyVerbs: BODY_VERBS,
  },
  {
    kind: 'settings-methods',
    library: 'jQuery',
    via: '$',
    modules: ['jquery'],
    globals: ['$', 'jQuery'],
    parameters: ['$', 'jQuery'],
    methodAliases: { getJSON: 'GET' },
    settingsMethod: 'ajax',
    shorthandMethods: ['get', 'post', 'getJSON'],
    methodKeys: ['method', 'type'],
    beforeSendKey: 'beforeSend',
    headerMethod: 'setRequestHeader',
  },
  {
    kind: 'request-chain',
    library: 'superagent',
    via: 'superagent',
    modules: ['superagent'],
    globals: ['superagent'],
    methodAliases: DELETE_ALIAS,
    verbs: REQUEST_VERBS,
    headerMethod: 'set',
    sendMethod: 'send',
    authMethod: 'auth',
    authTypeKey: 'type',
    bearerAuthType: 'bearer',
    sharedGlobal: 'request',
    chainMethods: ['set', 'send', 'auth', 'end'],
  },
  {
    kind: 'module-with-verbs',
    library: 'request',
    via: 'request',
    modules: ['request', 'request-promise', 'request-promise-native', 'request-promise-any', 'browser-request'],
    globals: ['request'],
    methodAliases: DELETE_ALIAS,
    verbs: REQUEST_VERBS,
    urlKeys: ['uri'],
    baseUrlKey: 'baseUrl',
    formKey: 'form',
    jsonKey: 'json',
    authKey: 'auth',
    bearerKey: 'bearer',
  },
  {
    kind: 'open-send-object',
    library: 'XMLHttpRequest',
    via: 'XMLHttpRequest',
    constructorName: 'XMLHttpRequest',
    openMethod: 'open',
    headerMethod: 'setRequestHeader',
    sendMethod: 'send',
  },
  {
    ...ANGULAR_SERVICE,
    library: 'HttpClient',
    via: 'HttpClient',
    types: ['HttpClient', 'Http'],
    conventionalName: /^_?(http|httpClient)$/i,
  },
  { ...ANGULAR_SERVICE, library: 'AuthHttp', via: 'AuthHttp', types: ['AuthHttp'], conventionalName: /^_?authHttp$/i },
];

/**
 * Where an interceptor is configured: a call ending in `callee`, a `new` or call of one of `names`, an assignment, or
 * a ready-made provider list imported by one of `names` from one of `modules` (its defaults apply).
 */
export type InterceptorSite =
  | { readonly kind: 'call'; readonly callee: readonly string[] }
  | { readonly kind: 'create'; readonly names: readonly string[] }
  | { readonly kind: 'assign'; readonly target: readonly string[] }
  | { readonly kind: 'import'; readonly names: readonly string[]; readonly modules: readonly string[] };

interface InterceptorBase {
  /** The transport whose requests it changes. */
  readonly library: TransportLibrary;
  readonly at: InterceptorSite;
  /**
   * Whether the library sends the token only to listed origins, so that without an allow list it never reaches
   * another origin; otherwise it sends it with every request.
   */
  readonly onlyToAllowList: boolean;
  /** Whether to report it for review when the file shows no Management call through the library (else not at all). */
  readonly reviewUnseen: boolean;
}

/** A library-level hook that attaches a token to every request of one transport without a visible header. */
export type Interceptor =
  | (InterceptorBase & {
      /**
       * A token getter function: the value assigned, or the call's first argument's key `tokenGetterKey` (in the
       * object at `configPath` below it).
       */
      readonly kind: 'token-getter';
      readonly configPath?: readonly string[];
      readonly tokenGetterKey?: string;
      /** A storage key the library reads the token from when there is no getter. */
      readonly tokenNameKey?: string;
      /** The storage key (in `localStorage`) the library reads when the configuration names neither a getter nor a key. */
      readonly defaultTokenName?: string;
      /** Keys of the list of hosts the token is sent to. */
      readonly allowListKeys?: readonly string[];
    })
  /** The first argument is the transport's settings, with their headers (a `settings-methods` transport's setup). */
  | (InterceptorBase & { readonly kind: 'header-settings' })
  /** The first argument is a handler that writes the Authorization header on the request config it returns. */
  | (InterceptorBase & { readonly kind: 'header-handler' });

/** The interceptors, in the order the analysis reports them (per library, the first one found wins). */
export const HTTP_INTERCEPTORS: readonly Interceptor[] = [
  // angular2-jwt 0.x: `new AuthConfig({ tokenName | tokenGetter })`, `provideAuth({...})`; AuthHttp sends it everywhere.
  // Without either it reads `localStorage.getItem('id_token')`, the key Auth0's Angular 2 quickstarts stored it under.
  {
    kind: 'token-getter',
    library: 'AuthHttp',
    at: { kind: 'create', names: ['AuthConfig', 'provideAuth'] },
    tokenGetterKey: 'tokenGetter',
    tokenNameKey: 'tokenName',
    defaultTokenName: 'id_token',
    onlyToAllowList: false,
    reviewUnseen: true,
  },
  // @auth0/angular-jwt: `JwtModule.forRoot({ config: { tokenGetter, allowedDomains | whitelistedDomains } })`; without
  // an allow-list entry it never sends the token to another origin.
  {
    kind: 'token-getter',
    library: 'HttpClient',
    at: { kind: 'call', callee: ['JwtModule', 'forRoot'] },
    configPath: ['config'],
    tokenGetterKey: 'tokenGetter',
    allowListKeys: ['allowedDomains', 'whitelistedDomains'],
    onlyToAllowList: true,
    reviewUnseen: false,
  },
  // AngularJS angular-jwt: `jwtOptionsProvider.config({ tokenGetter, whiteListedDomains })`.
  {
    kind: 'token-getter',
    library: '$http',
    at: { kind: 'call', callee: ['jwtOptionsProvider', 'config'] },
    tokenGetterKey: 'tokenGetter',
    allowListKeys: ['whiteListedDomains', 'whitelistedDomains'],
    onlyToAllowList: false,
    reviewUnseen: false,
  },
  // `$.ajaxSetup({ headers: { Authorization }, beforeSend })`.
  {
    kind: 'header-settings',
    library: 'jQuery',
    at: { kind: 'call', callee: ['ajaxSetup'] },
    onlyToAllowList: false,
    reviewUnseen: true,
  },
  // axios: `axios.interceptors.request.use((config) => { config.headers.Authorization = ...; return config; })`.
  {
    kind: 'header-handler',
    library: 'axios',
    at: { kind: 'call', callee: ['interceptors', 'request', 'use'] },
    onlyToAllowList: false,
    reviewUnseen: true,
  },
  // angular2-jwt's `providers: [AUTH_PROVIDERS]`: AuthHttp with every default, so the token stored under 'id_token'.
  {
    kind: 'token-getter',
    library: 'AuthHttp',
    at: { kind: 'import', names: ['AUTH_PROVIDERS'], modules: ['angular2-jwt'] },
    defaultTokenName: 'id_token',
    onlyToAllowList: false,
    reviewUnseen: true,
  },
  // AngularJS angular-jwt (old API): `jwtInterceptorProvider.tokenGetter = fn | ['dep', fn]`.
  {
    kind: 'token-getter',
    library: '$http',
    at: { kind: 'assign', target: ['jwtInterceptorProvider', 'tokenGetter'] },
    onlyToAllowList: false,
    reviewUnseen: false,
  },
];

/**
 * Login SDKs whose token getters read an ID token back from storage: legacy auth0-angular (v4, configured through
 * a call rooted at `authProvider`) only ever issued ID tokens, and its documented `tokenGetter` reads them with `store.get('token')`.
 * `description` is appended to the getter's source in reports.
 */
export const ID_TOKEN_STORES: readonly { readonly configuredBy: readonly string[]; readonly description: string }[] = [
  { configuredBy: ['authProvider'], description: '(auth0-angular v4 stores the ID token)' },
];
