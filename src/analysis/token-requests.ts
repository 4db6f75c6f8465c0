/**
 * Token requests: every place that configures what a login asks for (response type, audience, scope).
 * Each recogniser below handles one SDK family and returns requests in the shared `TokenRequest` shape:
 * auth0.js (v7 `Auth0`, v8+ `WebAuth`/`Authentication`), Lock 9-11, auth0-spa-js v1/v2, auth0-react,
 * auth0-angular, the AngularJS wrappers, raw `/authorize` URLs and `/oauth/token` password-grant bodies.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { managementAudienceOrigin } from '../catalog';
import { calleePath, findProperty, hasSpread, memberName, propertyName, unwrap } from './ast';
import { attributeOf } from './edits';
import { valueOffsets, type WrittenText } from './literal-text';
import { flattenString, type FileContext, type StringPart } from './file-context';
import { Auth0Hosts } from './management-urls';
import { bodyObject } from './request-bodies';
import { holderKey, isRequireCall, moduleNamespace, sdkEntity, storedAt } from './sdk';
import type { Node, OptionPlacement, OptionValue, TokenRequest, TokenRequestSdk, UrlQueryPlacement } from './types';

type Paths = Omit<OptionPlacement, 'root' | 'element' | 'query'>;

const TOP_LEVEL: Paths = { audiencePath: [], scopePath: [], responseTypePath: [], responseTypeKey: 'responseType' };
/** Lock 10/11: `{ auth: { responseType, audience, params: { scope } } }`. */
const LOCK: Paths = {
  audiencePath: ['auth'],
  scopePath: ['auth', 'params'],
  responseTypePath: ['auth'],
  responseTypeKey: 'responseType',
};
/** Lock 9: `{ responseType, authParams: { scope } }` (no audience at all). */
const LOCK_9: Paths = {
  audiencePath: ['authParams'],
  scopePath: ['authParams'],
  responseTypePath: [],
  responseTypeKey: 'responseType',
};
/** spa-js v2 and the SDKs built on it: `{ authorizationParams: { audience, scope } }`. */
const AUTHORIZATION_PARAMS: Paths = {
  audiencePath: ['authorizationParams'],
  scopePath: ['authorizationParams'],
  responseTypePath: [],
  responseTypeKey: 'responseType',
};
const QUERY: Paths = { audiencePath: [], scopePath: [], responseTypePath: [], responseTypeKey: 'response_type' };

/** What kind of client a variable holds, which decides the per-call methods that carry token options. */
type Family = 'webauth' | 'authentication' | 'auth0-v7' | 'lock' | 'spa-js' | 'auth0-react' | 'auth0-angular';

interface CallShape {
  /** `client`: a redirect whose tokens come back through the client's shared result; `call`: the call returns its tokens. */
  readonly results: 'client' | 'call';
  readonly hasResponseType: boolean;
}
const REDIRECT: CallShape = { results: 'client', hasResponseType: true };
const OWN_RESULT: CallShape = { results: 'call', hasResponseType: true };
/** `/oauth/token` grants and spa-js style getters: tokens returned by the call, no response type. */
const TOKEN_ENDPOINT: CallShape = { results: 'call', hasResponseType: false };
const SPA_REDIRECT: CallShape = { results: 'client', hasResponseType: false };

/** auth0-react's `useAuth0()` and auth0-angular's `AuthService`: spa-js calls under their own names. */
const AUTH0_WRAPPER_CALLS: Readonly<Record<string, CallShape>> = {
  getAccessTokenSilently: TOKEN_ENDPOINT,
  getAccessTokenWithPopup: TOKEN_ENDPOINT,
  loginWithRedirect: SPA_REDIRECT,
  loginWithPopup: SPA_REDIRECT,
};

/** Methods whose first argument carries per-call token options, by client family (`popup.authorize` = nested). */
const CALL_SHAPES: Record<Family, Readonly<Record<string, CallShape>>> = {
  webauth: {
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
  authentication: { login: TOKEN_ENDPOINT, oauthToken: TOKEN_ENDPOINT, loginWithDefaultDirectory: TOKEN_ENDPOINT },
  'auth0-v7': { login: REDIRECT, signin: REDIRECT, loginWithPopup: OWN_RESULT },
  lock: { checkSession: OWN_RESULT },
  'spa-js': {
    getTokenSilently: TOKEN_ENDPOINT,
    getTokenWithPopup: TOKEN_ENDPOINT,
    loginWithRedirect: SPA_REDIRECT,
    loginWithPopup: SPA_REDIRECT,
  },
  'auth0-react': AUTH0_WRAPPER_CALLS,
  'auth0-angular': AUTH0_WRAPPER_CALLS,
};

const PASSWORD_GRANTS = new Set(['password', 'http://auth0.com/oauth/grant-type/password-realm']);
/** Keys of a transport's options object that carry the request body. */
const BODY_KEYS = ['body', 'data', 'form', 'json'];
const URL_KEYS = ['url', 'uri'];

interface Client {
  readonly request: TokenRequest;
  readonly family: Family;
}

interface RequestShape {
  readonly sdk: TokenRequestSdk;
  readonly paths: Paths;
  readonly supportsAudience: boolean;
  readonly hasResponseType: boolean;
}

/** Each client's call-level requests, wherever the client is used: another module sees the redirects of its login's. */
const callRequests = new WeakMap<TokenRequest, TokenRequest[]>();

export function callRequestsOf(client: TokenRequest): readonly TokenRequest[] {
  return callRequests.get(client) ?? [];
}

export function recogniseTokenRequests(context: FileContext): TokenRequest[] {
  const requests: TokenRequest[] = [];
  const clients = new Map<string, Client>();
  const familyOf = new Map<TokenRequest, Family>();
  const linking = accountLinkingClients(context);
  const found: { request: TokenRequest; family: Family; clientKey?: string }[] = [];
  for (const node of context.news) {
    const client = constructedClient(context, node);
    if (client) found.push({ ...client, clientKey: storedAt(context, node) });
  }
  for (const call of context.calls) {
    const client = calledClient(context, call);
    if (client) found.push({ ...client, clientKey: client.clientKey ?? storedAt(context, call) });
  }
  for (const element of context.jsxElements) {
    const client = auth0Provider(context, element);
    if (client) found.push(client);
  }
  // Two logins stored in one variable (`lock = new Auth0Lock(…)` again for account linking): no callback on it can be
  // told apart, so neither holds the key, and when one of them links accounts both count as secondary logins.
  const holders = new Map<string, number>();
  for (const { clientKey } of found)
    if (clientKey !== undefined) holders.set(clientKey, (holders.get(clientKey) ?? 0) + 1);
  for (const client of found) {
    const key = client.clientKey;
    const shared = key !== undefined && holders.get(key)! > 1;
    const request = {
      ...client.request,
      clientKey: shared ? undefined : key,
      secondaryLogin: key !== undefined && linking.has(key),
    };
    requests.push(request);
    familyOf.set(request, client.family);
    if (key !== undefined && !shared) clients.set(key, { request, family: client.family });
  }
  const requestsOf = (family: Family): TokenRequest[] => requests.filter((request) => familyOf.get(request) === family);
  for (const call of context.calls) {
    const request = callOptions(context, call, clients, requestsOf);
    if (request) requests.push(request);
    if (request?.parent) {
      const siblings = callRequests.get(request.parent);
      if (siblings) siblings.push(request);
      else callRequests.set(request.parent, [request]);
    }
  }
  // Raw URLs are recognised on the hosts the SDK logins above are configured with.
  const hosts = Auth0Hosts.configuredIn(context, requests);
  requests.push(...authorizeUrls(context, hosts), ...passwordGrants(context, hosts));
  return requests;
}

// ------------------------------------------------------------------------------------------------ clients

/** `new auth0.WebAuth(...)`, `new Auth0(...)`, `new Auth0Lock(...)`, `new Auth0Client(...)`. */
function constructedClient(
  context: FileContext,
  node: TSESTree.NewExpression,
): { request: TokenRequest; family: Family } | undefined {
  const entity = sdkEntity(context, node.callee);
  const [first, second, third] = node.arguments;
  switch (entity) {
    case 'auth0-js.WebAuth':
      return { request: fromOptions(context, auth0JsShape, node, first), family: 'webauth' };
    case 'auth0-js.Authentication':
      return { request: fromOptions(context, auth0JsShape, node, first), family: 'authentication' };
    case 'auth0-js-v7.Auth0':
    case 'auth0-js':
      return { request: fromOptions(context, auth0JsV7Shape, node, first), family: 'auth0-v7' };
    case 'auth0-lock.Auth0Lock': {
      // Without options, only how the app shows the widget tells Lock 9 (a callback) from Lock 10+ (events).
      const lock9 = !third && showsLock9(context, node);
      const shape = (root: TSESTree.ObjectExpression | undefined): RequestShape =>
        lock9 ? LOCK_9_SHAPE : lockShape(root, 'lock', false);
      return { request: fromOptions(context, shape, node, third, second, lastArgumentBefore(node, 2)), family: 'lock' };
    }
    case 'auth0-lock.Auth0LockPasswordless': {
      // The old `auth0-lock-passwordless` package took no options and could not ask for an audience.
      const oldPackage = node.arguments.length < 3 || importsModule(context, 'auth0-lock-passwordless');
      return {
        request: fromOptions(
          context,
          (root) => lockShape(root, 'lock-passwordless', oldPackage),
          node,
          third,
          second,
          lastArgumentBefore(node, 2),
        ),
        family: 'lock',
      };
    }
    case 'auth0-spa-js.Auth0Client':
      return {
        request: fromOptions(context, (root) => spaJsShape(context, root, node.callee), node, first),
        family: 'spa-js',
      };
    default:
      return undefined;
  }
}

/** Factory and provider calls: `Auth0({...})` (v7), `createAuth0Client`, `AuthModule.forRoot`, `provideAuth0`, AngularJS providers. */
function calledClient(
  context: FileContext,
  call: TSESTree.CallExpression,
): { request: TokenRequest; family: Family; clientKey?: string } | undefined {
  const entity = sdkEntity(context, call.callee);
  const [first] = call.arguments;
  switch (entity) {
    case 'auth0-js-v7.Auth0':
      return { request: fromOptions(context, auth0JsV7Shape, call, first), family: 'auth0-v7' };
    case 'auth0-spa-js.createAuth0Client':
      return {
        request: fromOptions(context, (root) => spaJsShape(context, root, call.callee), call, first),
        family: 'spa-js',
      };
    case 'auth0-angular.AuthModule.forRoot':
    case 'auth0-angular.provideAuth0':
      return {
        request: fromOptions(
          context,
          (root) => angularShape(root, entity === 'auth0-angular.provideAuth0'),
          call,
          first,
        ),
        family: 'auth0-angular',
      };
    default:
      break;
  }
  // AngularJS: the provider configures the client its injected service (`angularAuth0`, `lock`) wraps.
  const path = calleePath(call.callee);
  const provider = path && path.length >= 2 && path[path.length - 1] === 'init' ? path[path.length - 2] : undefined;
  if (provider === 'angularAuth0Provider') {
    return {
      request: fromOptions(context, angularAuth0Shape, call, first),
      family: 'webauth',
      clientKey: 'param:angularAuth0',
    };
  }
  const root = provider === 'lockProvider' && first ? context.objectLiteral(first) : undefined;
  if (root && findProperty(root, 'clientID') && findProperty(root, 'domain')) {
    const shape = (options: TSESTree.ObjectExpression | undefined): RequestShape => {
      const lock = lockShape(objectAt(context, options, ['options']), 'angular-lock', false);
      return { ...lock, paths: prefixed(['options'], lock.paths) };
    };
    return { request: fromOptions(context, shape, call, first), family: 'lock', clientKey: 'param:lock' };
  }
  return undefined;
}

const LOCK_9_SHAPE: RequestShape = { sdk: 'lock-9', paths: LOCK_9, supportsAudience: false, hasResponseType: true };

/** The argument a missing options argument would follow: the call has exactly the arguments before it, none spread. */
function lastArgumentBefore(
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  optionsIndex: number,
): Node | undefined {
  const { arguments: args } = call;
  return args.length === optionsIndex && !args.some((argument) => argument.type === 'SpreadElement')
    ? args[optionsIndex - 1]
    : undefined;
}

/** Lock 9 took its options and callback in `show` (`lock.show({ authParams }, (err, profile, idToken) => …)`). */
function showsLock9(context: FileContext, created: TSESTree.NewExpression): boolean {
  const key = storedAt(context, created);
  if (key === undefined) return false;
  return context.calls.some((call) => {
    const callee = unwrap(call.callee);
    if (
      callee.type !== 'MemberExpression' ||
      !/^show(Signin|Signup)?$/.test(memberName(callee) ?? '') ||
      holderKey(context, callee.object) !== key
    )
      return false;
    return call.arguments.some((argument) => {
      const target = unwrap(argument);
      if (target.type === 'FunctionExpression' || target.type === 'ArrowFunctionExpression') return true;
      const options = context.objectLiteral(target);
      return !!options && (!!findProperty(options, 'authParams') || !!findProperty(options, 'callbackURL'));
    });
  });
}

function auth0JsShape(): RequestShape {
  return { sdk: 'auth0.js', paths: TOP_LEVEL, supportsAudience: true, hasResponseType: true };
}

function auth0JsV7Shape(): RequestShape {
  return { sdk: 'auth0.js-v7', paths: TOP_LEVEL, supportsAudience: false, hasResponseType: true };
}

/** angular-auth0 1.x wraps auth0.js v7 (`callbackURL`-style options), 2.x+ wraps `WebAuth`. */
function angularAuth0Shape(root: TSESTree.ObjectExpression | undefined): RequestShape {
  const v7 = !!root && (!!findProperty(root, 'callbackURL') || !!findProperty(root, 'callbackOnLocationHash'));
  return { sdk: 'angular-auth0', paths: TOP_LEVEL, supportsAudience: !v7, hasResponseType: true };
}

/**
 * Lock 9 options use `authParams`/`callbackURL` and cannot carry an audience; Lock 10/11 nest everything under `auth`.
 * Lock 10 with `oidcConformant: false` throws on `auth.audience`.
 */
function lockShape(
  options: TSESTree.ObjectExpression | undefined,
  sdk: 'lock' | 'lock-passwordless' | 'angular-lock',
  noAudience: boolean,
): RequestShape {
  const lock9 =
    !!options &&
    !findProperty(options, 'auth') &&
    (!!findProperty(options, 'authParams') || !!findProperty(options, 'callbackURL'));
  if (lock9) return LOCK_9_SHAPE;
  const oidcConformant = options && findProperty(options, 'oidcConformant')?.value;
  const legacyMode =
    !!oidcConformant &&
    unwrap(oidcConformant).type === 'Literal' &&
    (unwrap(oidcConformant) as TSESTree.Literal).value === false;
  return { sdk, paths: LOCK, supportsAudience: !legacyMode && !noAudience, hasResponseType: true };
}

/** spa-js v1 (`client_id`, top-level `audience`/`scope`, default export) or v2 (`clientId`, `authorizationParams`). */
function spaJsShape(context: FileContext, root: TSESTree.ObjectExpression | undefined, callee: Node): RequestShape {
  const version =
    optionsVersion(root, ['clientId'], ['client_id', 'redirect_uri']) ??
    (isDefaultImportOrGlobal(context, callee) ? 1 : 2);
  return {
    sdk: version === 1 ? 'auth0-spa-js-v1' : 'auth0-spa-js-v2',
    paths: version === 1 ? TOP_LEVEL : AUTHORIZATION_PARAMS,
    supportsAudience: true,
    hasResponseType: false,
  };
}

/** auth0-angular v1 (top-level `audience`/`scope`/`redirectUri`) or v2 (`authorizationParams`; `provideAuth0` is v2 only). */
function angularShape(root: TSESTree.ObjectExpression | undefined, v2Only: boolean): RequestShape {
  const version = v2Only ? 2 : (optionsVersion(root, [], ['redirectUri']) ?? 2);
  return {
    sdk: version === 1 ? 'auth0-angular-v1' : 'auth0-angular-v2',
    paths: version === 1 ? TOP_LEVEL : AUTHORIZATION_PARAMS,
    supportsAudience: true,
    hasResponseType: false,
  };
}

/** 2 when the options use `authorizationParams` (or a v2-only key), 1 when they put login parameters at the top level. */
function optionsVersion(
  root: TSESTree.ObjectExpression | undefined,
  v2Keys: readonly string[],
  v1Keys: readonly string[],
): 1 | 2 | undefined {
  if (!root) return undefined;
  if ([...v2Keys, 'authorizationParams'].some((key) => findProperty(root, key))) return 2;
  if ([...v1Keys, 'audience', 'scope'].some((key) => findProperty(root, key))) return 1;
  return undefined;
}

/** `createAuth0Client` as spa-js v1 exposed it: the default export, or the v1 CDN global. */
function isDefaultImportOrGlobal(context: FileContext, callee: Node): boolean {
  const target = unwrap(callee);
  if (target.type === 'Identifier') {
    const binding = context.binding(target);
    return binding.kind === 'global' || (binding.kind === 'import' && binding.imported === 'default');
  }
  return memberName(target) === 'default' || (target.type === 'CallExpression' && isRequireCall(target));
}

function importsModule(context: FileContext, source: string): boolean {
  return (
    context.imports.some((declaration) => declaration.source.value === source) ||
    context.calls.some((call) => isRequireCall(call) && (call.arguments[0] as TSESTree.StringLiteral).value === source)
  );
}

/**
 * Keys of the clients whose login results feed account linking: the `link_with` body value and `linkUser`'s second
 * argument are a secondary account's ID token, from `popup.authorize(..., (err, result) => result.idToken)`,
 * `(await client.getIdTokenClaims()).__raw` and the like.
 */
function accountLinkingClients(context: FileContext): Set<string> {
  const keys = new Set<string>();
  if (!/link_?with|linkUser/.test(context.text)) return keys;
  const secondaryTokens: Node[] = [];
  for (const call of context.calls)
    if (memberName(call.callee) === 'linkUser' && call.arguments[1]) secondaryTokens.push(call.arguments[1]);
  for (const property of context.properties)
    if (propertyName(property.key, property.computed) === 'link_with') secondaryTokens.push(property.value);
  for (const token of secondaryTokens) {
    const key = resultClient(context, token, 0);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The key of the client whose result an expression reads: a result callback's parameter, or a call on the client. */
function resultClient(context: FileContext, node: Node, depth: number): string | undefined {
  const target = unwrap(node);
  if (depth > 6) return undefined;
  if (target.type === 'MemberExpression') return resultClient(context, target.object, depth + 1);
  if (target.type === 'AwaitExpression') return resultClient(context, target.argument, depth + 1);
  if (target.type === 'CallExpression') return receiverKey(context, target.callee);
  if (target.type !== 'Identifier') return undefined;
  const binding = context.binding(target);
  if (binding.kind === 'value' || (binding.kind === 'property' && binding.object))
    return resultClient(context, binding.kind === 'value' ? binding.node : binding.object!, depth + 1);
  if (binding.kind !== 'parameter' || binding.fn.parent?.type !== 'CallExpression') return undefined;
  return receiverKey(context, binding.fn.parent.callee);
}

/** `secondary.popup.authorize` / `secondary.getIdTokenClaims` -> the key of `secondary`. */
function receiverKey(context: FileContext, callee: Node): string | undefined {
  const target = unwrap(callee);
  if (target.type !== 'MemberExpression') return undefined;
  const object = unwrap(target.object);
  const client =
    object.type === 'MemberExpression' && ['popup', 'redirect', 'client'].includes(memberName(object) ?? '')
      ? object.object
      : object;
  return holderKey(context, client);
}

// ------------------------------------------------------------------------------------------------ auth0-react

/** `<Auth0Provider domain clientId audience scope>` (v1) or `authorizationParams={{ audience, scope }}` (v2). */
function auth0Provider(
  context: FileContext,
  element: TSESTree.JSXOpeningElement,
): { request: TokenRequest; family: Family } | undefined {
  if (jsxEntity(context, element.name) !== 'auth0-react.Auth0Provider') return undefined;
  const hasAttribute = (name: string): boolean => attributeOf(element, name) !== undefined;
  const version = hasAttribute('authorizationParams')
    ? 2
    : ['audience', 'scope', 'redirectUri'].some(hasAttribute)
      ? 1
      : 2;
  const paths = version === 1 ? TOP_LEVEL : AUTHORIZATION_PARAMS;
  const option = (path: readonly string[], key: string): OptionValue | undefined =>
    path.length === 0
      ? attributeOption(context, element, key)
      : optionValue(context, objectAt(context, attributeObject(context, element, path[0]!), path.slice(1)), key);
  const authorizationParams = attributeOf(element, 'authorizationParams');
  const dynamic =
    element.attributes.some((attribute) => attribute.type === 'JSXSpreadAttribute') ||
    (!!authorizationParams && !spreadFree(context, attributeObject(context, element, 'authorizationParams')));
  const request: TokenRequest = {
    sdk: version === 1 ? 'auth0-react-v1' : 'auth0-react-v2',
    level: 'client',
    node: element,
    placement: { ...paths, element },
    audience: option(paths.audiencePath, 'audience'),
    scope: option(paths.scopePath, 'scope'),
    domain: attributeExpression(element, 'domain'),
    dynamic,
    supportsAudience: true,
    hasResponseType: false,
  };
  return { request, family: 'auth0-react' };
}

/** The SDK entity a JSX tag names, through the import that binds it (`Auth0Provider`, `Auth0.Auth0Provider`). */
function jsxEntity(context: FileContext, name: TSESTree.JSXTagNameExpression): string | undefined {
  if (name.type === 'JSXMemberExpression') {
    const object = jsxEntity(context, name.object);
    return object && `${object}.${name.property.name}`;
  }
  if (name.type !== 'JSXIdentifier') return undefined;
  for (const declaration of context.imports) {
    for (const specifier of declaration.specifiers)
      if (specifier.local.name === name.name) return sdkEntity(context, specifier.local);
  }
  return undefined;
}

function attributeExpression(element: TSESTree.JSXOpeningElement, name: string): Node | undefined {
  const value = attributeOf(element, name)?.value;
  if (!value) return undefined;
  if (value.type === 'JSXExpressionContainer')
    return value.expression.type === 'JSXEmptyExpression' ? undefined : value.expression;
  return value;
}

function attributeOption(
  context: FileContext,
  element: TSESTree.JSXOpeningElement,
  name: string,
): OptionValue | undefined {
  const attribute = attributeOf(element, name);
  const value = attributeExpression(element, name);
  return attribute && value ? stringOption(context, attribute, value) : undefined;
}

function attributeObject(
  context: FileContext,
  element: TSESTree.JSXOpeningElement,
  name: string,
): TSESTree.ObjectExpression | undefined {
  const value = attributeExpression(element, name);
  return value && context.objectLiteral(value);
}

// ------------------------------------------------------------------------------------------------ per-call options

/** A login or token call's own options: `webAuth.checkSession({...})`, `client.getTokenSilently({...})`, `getAccessTokenSilently({...})`. */
function callOptions(
  context: FileContext,
  call: TSESTree.CallExpression,
  clients: ReadonlyMap<string, Client>,
  requestsOf: (family: Family) => TokenRequest[],
): TokenRequest | undefined {
  const options = call.arguments[0];
  if (!options || !context.objectLiteral(options)) return undefined;
  const target = callTarget(context, call, clients, requestsOf);
  if (!target) return undefined;
  const { shape, parent, family } = target;
  const paths =
    family === 'spa-js' || family === 'auth0-react' || family === 'auth0-angular'
      ? sdkCallPaths(context, options, parent)
      : TOP_LEVEL;
  const sdk =
    parent?.sdk ??
    (family === 'auth0-react'
      ? paths === TOP_LEVEL
        ? 'auth0-react-v1'
        : 'auth0-react-v2'
      : paths === TOP_LEVEL
        ? 'auth0-angular-v1'
        : 'auth0-angular-v2');
  const request = fromOptions(
    context,
    () => ({ sdk, paths, supportsAudience: parent?.supportsAudience ?? true, hasResponseType: shape.hasResponseType }),
    call,
    options,
  );
  const domain = parent
    ? { domain: parent.domain, domainValue: parent.domainValue }
    : request.audience && audienceDomain(context, request.audience.valueNode);
  return {
    ...request,
    level: 'call',
    parent,
    clientKey: parent?.clientKey,
    sharesClientResult: shape.results === 'client',
    ...domain,
  };
}

/** The domain a Management audience is written over: `https://${domain}/api/v2/` -> `domain`, a literal -> its host. */
function audienceDomain(context: FileContext, audience: Node): { domain?: Node; domainValue?: string } | undefined {
  const pieces = segments(context, audience);
  const [scheme, host, rest] = pieces;
  if (
    pieces.length === 3 &&
    scheme &&
    'text' in scheme &&
    /^https:\/\/$/.test(scheme.text) &&
    host &&
    'hole' in host &&
    rest &&
    'text' in rest &&
    managementAudienceOrigin(rest.text) === ''
  ) {
    return { domain: host.hole };
  }
  const value = context.staticString(audience);
  const origin = value === undefined ? undefined : managementAudienceOrigin(value);
  const match = origin === undefined ? null : /^https:\/\/([^/]+)$/.exec(origin);
  return match ? { domainValue: match[1] } : undefined;
}

function callTarget(
  context: FileContext,
  call: TSESTree.CallExpression,
  clients: ReadonlyMap<string, Client>,
  requestsOf: (family: Family) => TokenRequest[],
): { shape: CallShape; parent?: TokenRequest; family: Family } | undefined {
  const callee = unwrap(call.callee);
  const method =
    callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
  if (method === undefined) return undefined;
  if (callee.type === 'MemberExpression') {
    const object = unwrap(callee.object);
    const nested = memberName(object);
    const candidates: [Node, string][] = [[object, method]];
    if (nested !== undefined && object.type === 'MemberExpression')
      candidates.unshift([object.object, `${nested}.${method}`]);
    for (const [clientNode, path] of candidates) {
      const client = clients.get(holderKey(context, clientNode) ?? '');
      const shape = client && CALL_SHAPES[client.family][path];
      if (shape) return { shape, parent: client.request, family: client.family };
    }
  }
  // Hooks and injected services hold no client variable of their own: the file's single provider, if any, is the parent.
  const single = (family: Family): TokenRequest | undefined => {
    const found = requestsOf(family);
    return found.length === 1 ? found[0] : undefined;
  };
  const reactShape = CALL_SHAPES['auth0-react'][method];
  if (reactShape && isUseAuth0Member(context, callee))
    return { shape: reactShape, parent: single('auth0-react'), family: 'auth0-react' };
  const serviceShape = CALL_SHAPES['auth0-angular'][method];
  if (serviceShape && callee.type === 'MemberExpression' && importsNamespace(context, 'auth0-angular'))
    return { shape: serviceShape, parent: single('auth0-angular'), family: 'auth0-angular' };
  return undefined;
}

/** `getAccessTokenSilently` destructured from `useAuth0()`, or `auth.getAccessTokenSilently` with `const auth = useAuth0()`. */
function isUseAuth0Member(context: FileContext, callee: Node): boolean {
  let holder: Node | undefined;
  if (callee.type === 'Identifier') {
    const binding = context.binding(callee);
    holder = binding.kind === 'property' ? binding.object : undefined;
  } else if (callee.type === 'MemberExpression') {
    holder = context.resolve(callee.object);
  }
  const call = holder && unwrap(holder);
  return call?.type === 'CallExpression' && sdkEntity(context, call.callee) === 'auth0-react.useAuth0';
}

function importsNamespace(context: FileContext, namespace: string): boolean {
  return context.imports.some((declaration) => moduleNamespace(String(declaration.source.value)) === namespace);
}

/** spa-js style call options: v2 `authorizationParams`, v1 top-level keys, else the client's version. */
function sdkCallPaths(context: FileContext, options: Node, parent: TokenRequest | undefined): Paths {
  const version = optionsVersion(context.objectLiteral(options), [], []);
  if (version !== undefined) return version === 1 ? TOP_LEVEL : AUTHORIZATION_PARAMS;
  return parent && parent.placement.audiencePath.length === 0 ? TOP_LEVEL : AUTHORIZATION_PARAMS;
}

// ------------------------------------------------------------------------------------------------ options objects

/** Builds a request from an options object (an object literal, or a variable that holds one). */
function fromOptions(
  context: FileContext,
  shapeOf: (root: TSESTree.ObjectExpression | undefined) => RequestShape,
  node: Node,
  optionsNode: Node | undefined,
  domainNode?: Node,
  newArgumentAfter?: Node,
): TokenRequest {
  const root = optionsNode && context.objectLiteral(optionsNode);
  const shape = shapeOf(root);
  const paths = shape.paths;
  const option = (path: readonly string[], key: string): OptionValue | undefined =>
    optionValue(context, objectAt(context, root, path), key);
  // No options argument at all is known-empty; an argument the code builds elsewhere is dynamic.
  const dynamic =
    optionsNode !== undefined &&
    (!root ||
      [paths.audiencePath, paths.scopePath, paths.responseTypePath].some(
        (path) => !spreadFreeAlong(context, root, path),
      ));
  return {
    sdk: shape.sdk,
    level: 'client',
    node,
    placement: { ...paths, root, newArgumentAfter: optionsNode === undefined ? newArgumentAfter : undefined },
    responseType: option(paths.responseTypePath, paths.responseTypeKey),
    audience: option(paths.audiencePath, 'audience'),
    scope: option(paths.scopePath, 'scope'),
    domain: domainNode ?? (root ? findProperty(root, 'domain')?.value : undefined),
    dynamic,
    supportsAudience: shape.supportsAudience,
    hasResponseType: shape.hasResponseType,
  };
}

function prefixed(prefix: readonly string[], paths: Paths): Paths {
  return {
    ...paths,
    audiencePath: [...prefix, ...paths.audiencePath],
    scopePath: [...prefix, ...paths.scopePath],
    responseTypePath: [...prefix, ...paths.responseTypePath],
  };
}

/** The object literal reached from `root` by a key path, e.g. `auth.params`. */
function objectAt(
  context: FileContext,
  root: TSESTree.ObjectExpression | undefined,
  path: readonly string[],
): TSESTree.ObjectExpression | undefined {
  let current = root;
  for (const key of path) {
    const property = current && findProperty(current, key);
    current = property ? context.objectLiteral(property.value) : undefined;
  }
  return current;
}

/** Whether every object along a path is free of spreads (a missing object is fine: nothing hides there). */
function spreadFreeAlong(context: FileContext, root: TSESTree.ObjectExpression, path: readonly string[]): boolean {
  let current: TSESTree.ObjectExpression | undefined = root;
  for (let index = 0; current; index++) {
    if (hasSpread(current)) return false;
    if (index === path.length) return true;
    const property = findProperty(current, path[index]!);
    if (!property) return true;
    current = context.objectLiteral(property.value);
    if (!current) return false;
  }
  return true;
}

function spreadFree(context: FileContext, object: TSESTree.ObjectExpression | undefined): boolean {
  return !!object && spreadFreeAlong(context, object, []);
}

function optionValue(
  context: FileContext,
  object: TSESTree.ObjectExpression | undefined,
  key: string,
): OptionValue | undefined {
  const property = object && findProperty(object, key);
  return property ? stringOption(context, property, property.value) : undefined;
}

function stringOption(context: FileContext, node: Node, valueNode: Node): OptionValue {
  return { node, valueNode, value: context.staticString(valueNode), pattern: pattern(context.stringParts(valueNode)) };
}

/** The parts as one string with computed parts written `${…}`, when the value is a string built in code. */
function pattern(parts: readonly StringPart[]): string | undefined {
  if (!parts.some((part) => 'text' in part)) return undefined;
  return parts.map((part) => ('text' in part ? part.text : '${…}')).join('');
}

// ------------------------------------------------------------------------------------------------ raw URLs

/**
 * A piece of a string expression: the text of a string literal or template quasi (with `literal`, and, where the source
 * shows them, how it is written and the source offset before each character, and after the last) or a computed hole
 * (with its static value when the code proves one).
 */
type Segment =
  | { readonly text: string; readonly literal: Node; readonly written?: WrittenText }
  | { readonly hole: Node; readonly resolved?: string };

const HOLE = '\u0000';

/** A URL expression on an Auth0 host with the given path right after the host. */
interface Auth0Url {
  readonly pieces: readonly Segment[];
  /** The URL with unresolved holes as `HOLE`. */
  readonly joined: string;
  /** Offset of the path in `joined`. */
  readonly at: number;
  readonly domain?: Node;
  readonly domainValue?: string;
}

/** `https://<auth0 host>/authorize?response_type=...&scope=...` written as a literal, template or concatenation. */
function authorizeUrls(context: FileContext, hosts: Auth0Hosts): TokenRequest[] {
  const found: TokenRequest[] = [];
  const seen = new Set<Node>();
  for (const string of context.strings) {
    if (!context.source(string).includes('/authorize')) continue;
    const top = outermostConcatenation(string);
    if (seen.has(top)) continue;
    seen.add(top);
    const request = authorizeUrl(context, hosts, top);
    if (request) found.push(request);
  }
  return found;
}

function outermostConcatenation(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type === 'BinaryExpression' && current.parent.operator === '+')
    current = current.parent;
  return current;
}

function authorizeUrl(context: FileContext, hosts: Auth0Hosts, node: Node): TokenRequest | undefined {
  const url = auth0Url(hosts, segments(context, node), '/authorize');
  if (!url) return undefined;
  const { joined, pieces } = url;
  const after = url.at + '/authorize'.length;
  if (after < joined.length && joined[after] !== '?' && joined[after] !== '#') return undefined;
  const queryStart = joined[after] === '?' ? after + 1 : undefined;
  const params = new Map<string, OptionValue>();
  let dynamic = queryStart === undefined;
  if (queryStart !== undefined) {
    const hash = joined.indexOf('#', queryStart);
    const queryEnd = hash === -1 ? joined.length : hash;
    let offset = queryStart;
    for (const pair of joined.slice(queryStart, queryEnd).split('&')) {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      if (name.includes(HOLE)) dynamic = true;
      else if (equals !== -1)
        params.set(decodeQuery(name), queryParam(pieces, joined, offset + equals, offset + pair.length));
      offset += pair.length + 1;
    }
  }
  const questionMark = queryStart === undefined ? undefined : sourceAfter(pieces, queryStart - 1);
  const query: UrlQueryPlacement = {
    ...(questionMark?.offset !== undefined && {
      insertAt: questionMark.offset,
      literal: questionMark.segment.written!.kind,
    }),
    hasParameters: queryStart !== undefined && queryStart < joined.length && joined[queryStart] !== '#',
  };
  return {
    sdk: 'authorize-url',
    level: 'client',
    node,
    placement: { ...QUERY, query },
    responseType: params.get('response_type'),
    audience: params.get('audience'),
    scope: params.get('scope'),
    domain: url.domain,
    domainValue: url.domainValue,
    dynamic,
    supportsAudience: true,
    hasResponseType: true,
  };
}

/**
 * The URL when `path` follows an Auth0 host directly (`https://<host><path>`, no other path before it), with the
 * domain to build the Management audience from: the host expression when the URL writes it as one, else its value.
 */
function auth0Url(hosts: Auth0Hosts, pieces: readonly Segment[], path: string): Auth0Url | undefined {
  const joined = pieces.map(pieceText).join('');
  const at = joined.indexOf(path);
  if (at <= 0) return undefined;
  const hostParts: StringPart[] = [];
  const hostHoles: { node: Node; scheme: boolean }[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length >= at) break;
    const text = pieceText(piece).slice(0, at - length);
    if ('hole' in piece)
      hostHoles.push({ node: piece.hole, scheme: /^(https?:)?\/\/$/i.test(joined.slice(0, length)) });
    hostParts.push('hole' in piece && piece.resolved === undefined ? { hole: piece.hole } : { text });
    length += text.length;
  }
  if (!hosts.isAuth0Origin(hostParts)) return undefined;
  const host = joined.slice(0, at).replace(/^(https?:)?\/\//i, '');
  const [only] = hostHoles;
  // Use the host expression only when it is the whole host after a literal scheme (so it holds no scheme itself).
  if (
    hostHoles.length === 1 &&
    only!.scheme &&
    pieceText(pieces[pieces.findIndex((piece) => 'hole' in piece && piece.hole === only!.node)]!) === host
  ) {
    return { pieces, joined, at, domain: only!.node };
  }
  return { pieces, joined, at, domainValue: host.includes(HOLE) ? undefined : host };
}

function pieceText(piece: Segment): string {
  return 'text' in piece ? piece.text : (piece.resolved ?? HOLE);
}

/** The text piece holding a character of the joined string, and the source offset right after that character when it has one. */
function sourceAfter(
  pieces: readonly Segment[],
  index: number,
): { segment: Extract<Segment, { text: string }>; offset?: number } | undefined {
  let length = 0;
  for (const piece of pieces) {
    const size = pieceText(piece).length;
    if (index < length + size)
      return 'hole' in piece ? undefined : { segment: piece, offset: piece.written?.offsets[index - length + 1] };
    length += size;
  }
  return undefined;
}

/** A query parameter whose `=` is at `equals` and whose value ends at `end`: editable in place when one literal's text writes it all. */
function queryParam(pieces: readonly Segment[], joined: string, equals: number, end: number): OptionValue {
  const raw = joined.slice(equals + 1, end);
  const sign = sourceAfter(pieces, equals)!;
  const last = end > equals + 1 ? sourceAfter(pieces, end - 1) : sign;
  const literal = sign.segment.literal;
  if (!raw.includes(HOLE)) {
    const value = decodeQuery(raw);
    const editable = sign.offset !== undefined && last?.segment === sign.segment && last.offset !== undefined;
    return {
      node: literal,
      valueNode: literal,
      value,
      pattern: value,
      queryRange: editable ? [sign.offset!, last.offset!] : undefined,
    };
  }
  return { node: literal, valueNode: literal, pattern: decodeQuery(raw.split(HOLE).join('${…}')) };
}

function decodeQuery(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Flattens a string expression (literals, template literals, `+`) into pieces, keeping where each literal's text sits. */
function segments(context: FileContext, node: Node): Segment[] {
  const written = new Map<Node, (WrittenText | undefined)[]>();
  const writtenAs = (literal: TSESTree.StringLiteral | TSESTree.TemplateLiteral): (WrittenText | undefined)[] => {
    let offsets = written.get(literal);
    if (!offsets) written.set(literal, (offsets = valueOffsets(literal, context.text)));
    return offsets;
  };
  const hole = (expression: Node): Segment[] => [{ hole: expression, resolved: context.staticString(expression) }];
  // Computed pieces stay whole (a host expression is the domain to build the audience over), at any depth.
  return flattenString<Segment>(node, {
    text: (text, literal, index) => ({ text, literal, written: writtenAs(literal)[index] }),
    templateExpression: hole,
    other: hole,
  });
}

// ------------------------------------------------------------------------------------------------ password grants

/** `POST https://<auth0 host>/oauth/token` with a `grant_type: 'password'` (or password-realm) body, through any transport. */
function passwordGrants(context: FileContext, hosts: Auth0Hosts): TokenRequest[] {
  const found: TokenRequest[] = [];
  for (const call of context.calls) {
    const urlNode = tokenEndpointUrl(context, call);
    const url = urlNode && auth0Url(hosts, segments(context, context.resolve(urlNode)), '/oauth/token');
    const body = url && grantBody(context, call);
    if (!url || !body) continue;
    const request = fromOptions(
      context,
      () => ({ sdk: 'password-grant', paths: TOP_LEVEL, supportsAudience: true, hasResponseType: false }),
      body,
      body,
    );
    found.push({ ...request, domain: url.domain, domainValue: url.domainValue });
  }
  return found;
}

/** The URL argument of a transport call: the first argument, or `url`/`uri` in an options object. */
function tokenEndpointUrl(context: FileContext, call: TSESTree.CallExpression): Node | undefined {
  const isTokenUrl = (node: Node): boolean =>
    context.stringParts(node).some((part) => 'text' in part && part.text.includes('/oauth/token'));
  for (const argument of call.arguments) {
    if (isTokenUrl(argument)) return argument;
    const options = context.objectLiteral(argument);
    for (const key of URL_KEYS) {
      const value = options && findProperty(options, key)?.value;
      if (value && isTokenUrl(value)) return value;
    }
  }
  return undefined;
}

/** The password-grant body object among a call's arguments: directly, under `body`/`data`/..., through `JSON.stringify`/`URLSearchParams`. */
function grantBody(context: FileContext, call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  for (const argument of call.arguments) {
    const object = bodyObject(context, argument);
    if (!object) continue;
    if (isPasswordGrant(context, object)) return object;
    for (const key of BODY_KEYS) {
      const nested = findProperty(object, key);
      const body = nested && bodyObject(context, nested.value);
      if (body && isPasswordGrant(context, body)) return body;
    }
  }
  return undefined;
}

function isPasswordGrant(context: FileContext, object: TSESTree.ObjectExpression): boolean {
  const grant = findProperty(object, 'grant_type');
  const value = grant && context.staticString(grant.value);
  return value !== undefined && PASSWORD_GRANTS.has(value);
}
