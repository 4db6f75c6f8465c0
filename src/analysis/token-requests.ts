/**
 * Token requests: every place that configures what a login asks for (response type, audience, scope).
 * The catalog describes the login SDKs as data: how code creates a client and which of its calls carry token options
 * (`catalog/login-clients.ts`), and where each version's options live (`catalog/login-variants.ts`). This module finds
 * those creations and calls, picks the variant the code shows, and reads the options into the shared `TokenRequest`
 * shape; it also recognises raw `/authorize` URLs and `/oauth/token` password-grant bodies.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  ACCOUNT_LINKING_ARGUMENTS,
  LOGIN_CLIENTS,
  LOGIN_CREATIONS,
  LOGIN_ELEMENTS,
  LOGIN_PROVIDERS,
  NAMED_LOGIN_STARTS,
  PROTOCOL_VARIANTS,
  loginVariant,
  managementAudienceOrigin,
  type CallShape,
  type ClientKindId,
  type LoginCreation,
  type NamedLoginStart,
  type OptionLayout,
  type Sniff,
  type UnheldClient,
  type VariantChoice,
} from '../catalog';
import { calleePath, findProperty, hasSpread, memberName, nameTable, propertyName, unwrap } from './ast';
import { attributeOf } from './edits';
import { valueOffsets, type WrittenText } from './literal-text';
import { flattenString, type FileContext, type StringPart } from './file-context';
import { Auth0Hosts } from './management-urls';
import { bodyObject, REQUEST_BODY_KEYS } from './request-bodies';
import {
  holderKey,
  isRequireCall,
  localFactories,
  moduleNamespace,
  parameterKey,
  returningFunction,
  sdkEntity,
  storedAt,
} from './sdk';
import type { Node, OptionValue, TokenRequest, TokenRequestSdk, UrlQueryPlacement } from './types';

// Looked up by names from the code: tables without a prototype, where `constructor` names nothing.
const CREATIONS = nameTable(LOGIN_CREATIONS);
const ELEMENTS = nameTable(LOGIN_ELEMENTS);
const PROVIDERS = nameTable(LOGIN_PROVIDERS);
const CALLS = new Map(Object.entries(LOGIN_CLIENTS).map(([kind, client]) => [kind, nameTable(client.tokenCalls)]));

/** The client kinds code reaches without holding them (hook results, injected services), in the catalog's order. */
const UNHELD = Object.entries(LOGIN_CLIENTS).flatMap(([kind, client]) =>
  client.unheld ? [{ kind, unheld: client.unheld }] : [],
);

/** Sub-objects a client's calls go through (`popup` in `popup.authorize`): the receiver of such a call is the client. */
const CALL_PREFIXES = new Set(
  Object.values(LOGIN_CLIENTS).flatMap((client) =>
    Object.keys(client.tokenCalls).flatMap((call) =>
      call.includes('.') ? [call.slice(0, call.lastIndexOf('.'))] : [],
    ),
  ),
);

/** Call options without a variant of their own take the login parameters at the top level. */
const TOP_LEVEL: OptionLayout = {
  audiencePath: [],
  scopePath: [],
  responseTypePath: [],
  responseTypeKey: 'responseType',
};
/** The login parameters that show options written at the top level. */
const LOGIN_PARAMETERS = ['audience', 'scope'];
/** AngularJS names a service's provider `<service>Provider`. */
const PROVIDER_SUFFIX = 'Provider';

const PASSWORD_GRANTS = new Set(['password', 'http://auth0.com/oauth/grant-type/password-realm']);
const URL_KEYS = ['url', 'uri'];

interface Client {
  readonly request: TokenRequest;
  readonly kind: ClientKindId;
}

interface FoundClient extends Client {
  readonly clientKey?: string;
}

/** What the evidence made of a request: its variant, where its options live, what it can ask for. */
interface RequestShape {
  readonly sdk: TokenRequestSdk;
  readonly paths: OptionLayout;
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
  const kindOf = new Map<TokenRequest, ClientKindId>();
  const linking = accountLinkingClients(context);
  const found: FoundClient[] = [];
  for (const node of context.news) {
    const client = createdClient(context, node);
    if (client)
      found.push(...(madeByFactory(context, node, client) ?? [{ ...client, clientKey: storedAt(context, node) }]));
  }
  for (const call of context.calls) {
    const client: FoundClient | undefined = createdClient(context, call) ?? providedClient(context, call);
    if (client) found.push({ ...client, clientKey: client.clientKey ?? storedAt(context, call) });
  }
  for (const element of context.jsxElements) {
    const client = elementClient(context, element);
    if (client) found.push(client);
  }
  found.push(...namedLoginStarts(context));
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
    kindOf.set(request, client.kind);
    if (key !== undefined && !shared) clients.set(key, { request, kind: client.kind });
  }
  const requestsOf = (kind: ClientKindId): TokenRequest[] => requests.filter((request) => kindOf.get(request) === kind);
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

/** `new auth0.WebAuth(...)`, `createAuth0Client(...)`, `AuthModule.forRoot(...)`: a creation the catalog lists. */
function createdClient(
  context: FileContext,
  node: TSESTree.NewExpression | TSESTree.CallExpression,
): Client | undefined {
  const entity = sdkEntity(context, node.callee);
  const creation = entity === undefined ? undefined : CREATIONS[entity];
  if (!creation || !isCreatedAs(creation, node)) return undefined;
  const { optionsArgument, domainArgument } = creation;
  const request = fromOptions(
    context,
    (root) => requestShape(context, creation.variants, { ...objectEvidence(root), creation: node, optionsArgument }),
    node,
    node.arguments[optionsArgument],
    domainArgument === undefined ? undefined : node.arguments[domainArgument],
    lastArgumentBefore(node, optionsArgument),
  );
  return { request, kind: creation.client };
}

/**
 * A login the file creates in a factory of its own (`function newLock(options) { return new Auth0Lock(id, domain,
 * options); }`), where the factory's calls hold it: with the options taken from a parameter, each call is a login of
 * its own, written with the call's argument; with the options written inside, the one call that stores the client
 * holds it. `undefined` when the creation is no factory's, or the file never calls the factory.
 */
function madeByFactory(
  context: FileContext,
  creation: TSESTree.NewExpression,
  client: Client,
): FoundClient[] | undefined {
  const fn = returningFunction(creation);
  if (!fn || localFactories(context).get(fn) !== creation) return undefined;
  const calls = context.calls.filter((call) => context.functionOf(call.callee) === fn);
  if (calls.length === 0) return undefined;
  const entity = sdkEntity(context, creation.callee)!;
  const { optionsArgument, domainArgument, variants } = CREATIONS[entity]!;
  const optionsIndex = parameterIndex(context, fn, creation.arguments[optionsArgument]);
  if (optionsIndex === undefined) {
    const holders = calls.map((call) => storedAt(context, call));
    return [{ ...client, clientKey: holders.length === 1 ? holders[0] : undefined }];
  }
  const domainIndex = parameterIndex(
    context,
    fn,
    domainArgument === undefined ? undefined : creation.arguments[domainArgument],
  );
  return calls.map((call) => {
    const domain = domainArgument === undefined ? undefined : creation.arguments[domainArgument];
    const request = fromOptions(
      context,
      (root) => requestShape(context, variants, { ...objectEvidence(root), creation, optionsArgument }),
      call,
      call.arguments[optionsIndex],
      domainIndex === undefined ? domain : call.arguments[domainIndex],
      lastArgumentBefore(call, optionsIndex),
    );
    return { request, kind: client.kind, clientKey: storedAt(context, call) };
  });
}

/** The index of the parameter of `fn` an argument passes straight through, if it is one. */
function parameterIndex(context: FileContext, fn: Node, argument: Node | undefined): number | undefined {
  const target = argument && unwrap(argument);
  if (target?.type !== 'Identifier') return undefined;
  const binding = context.binding(target);
  return binding.kind === 'parameter' && binding.fn === fn ? binding.index : undefined;
}

/** Whether the node creates the way the creation is made: `new X(...)` for a constructor, `X(...)` for a factory. */
function isCreatedAs(creation: LoginCreation, node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  if (creation.kind === 'constructor-or-factory') return true;
  return (creation.kind === 'constructor') === (node.type === 'NewExpression');
}

/** AngularJS: `<service>Provider.<method>(options)` configures the client its injected service wraps. */
function providedClient(context: FileContext, call: TSESTree.CallExpression): FoundClient | undefined {
  const path = calleePath(call.callee);
  if (!path || path.length < 2) return undefined;
  const [providerName, method] = path.slice(-2) as [string, string];
  const service = providerName.endsWith(PROVIDER_SUFFIX) ? providerName.slice(0, -PROVIDER_SUFFIX.length) : '';
  const provider = PROVIDERS[service];
  if (!provider || method !== provider.method) return undefined;
  const [first] = call.arguments;
  const root = first && context.objectLiteral(first);
  if (provider.requires && !(root && provider.requires.every((key) => findProperty(root, key)))) return undefined;
  const prefix = provider.optionsPrefix ?? [];
  const shape = (options: TSESTree.ObjectExpression | undefined): RequestShape => {
    const evidence = { ...objectEvidence(objectAt(context, options, prefix)), creation: call, optionsArgument: 0 };
    const { paths, ...rest } = requestShape(context, provider.variants, evidence);
    return { ...rest, paths: prefixed(prefix, paths) };
  };
  return { request: fromOptions(context, shape, call, first), kind: provider.client, clientKey: parameterKey(service) };
}

/** Server logins started by their strategy's name (`passport.authenticate('<name>', options)`), per the catalog. */
function namedLoginStarts(context: FileContext): Client[] {
  const found: Client[] = [];
  for (const [kind, start] of Object.entries(NAMED_LOGIN_STARTS))
    for (const call of context.calls)
      if (startsLogin(context, call, start)) found.push({ request: startedLogin(context, call, kind, start), kind });
  return found;
}

/** Whether the call is `<receiver from the module>.<method>('<name>', …)`. */
function startsLogin(context: FileContext, call: TSESTree.CallExpression, start: NamedLoginStart): boolean {
  const callee = unwrap(call.callee);
  const [name] = call.arguments;
  return (
    callee.type === 'MemberExpression' &&
    memberName(callee) === start.method &&
    name !== undefined &&
    context.staticString(name) === start.name &&
    comesFromModule(context, callee.object, start.receiverModule)
  );
}

/** The started login's request: its options from the call, its domain from the strategy the file creates, if any. */
function startedLogin(
  context: FileContext,
  call: TSESTree.CallExpression,
  kind: ClientKindId,
  start: NamedLoginStart,
): TokenRequest {
  const strategy = context.news.find((node) => sdkEntity(context, node.callee) === kind);
  const strategyOptions = strategy?.arguments[0] && context.objectLiteral(strategy.arguments[0]);
  const domain = strategyOptions ? findProperty(strategyOptions, 'domain')?.value : undefined;
  return fromOptions(
    context,
    (root) => requestShape(context, start.variants, { ...objectEvidence(root), creation: call }),
    call,
    call.arguments[start.optionsArgument],
    domain,
    lastArgumentBefore(call, start.optionsArgument),
  );
}

/** Whether an expression is a module's import (`import x from 'm'`, `require('m')`, also through a variable). */
function comesFromModule(context: FileContext, node: Node, source: string): boolean {
  const target = unwrap(node);
  if (target.type === 'CallExpression')
    return isRequireCall(target) && (target.arguments[0] as TSESTree.StringLiteral).value === source;
  if (target.type !== 'Identifier') return false;
  const binding = context.binding(target);
  if (binding.kind === 'import') return binding.source === source;
  return binding.kind === 'value' && comesFromModule(context, binding.node, source);
}

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

// ------------------------------------------------------------------------------------------------ variants

/** What a sniff reads: the options' keys, the value under test, and the call that creates the client. */
interface Evidence {
  /** The property or attribute the options have under a key, with its value expression. */
  readonly option: (key: string) => { readonly value?: Node } | undefined;
  readonly value?: Node;
  readonly creation?: TSESTree.NewExpression | TSESTree.CallExpression;
  readonly optionsArgument?: number;
}

function objectEvidence(object: TSESTree.ObjectExpression | undefined, value?: Node): Evidence {
  return { option: (key) => (object ? findProperty(object, key) : undefined), value };
}

/** The shape of the variant the evidence picks among the choices. */
function requestShape(context: FileContext, choices: readonly VariantChoice[], evidence: Evidence): RequestShape {
  const sdk = chosenVariant(context, choices, evidence);
  const { audienceUnless } = loginVariant(sdk);
  const shape = variantShape(sdk);
  if (audienceUnless === undefined || !sniffs(context, audienceUnless, evidence)) return shape;
  return { ...shape, supportsAudience: false };
}

/** A variant's shape as the catalog describes it. */
function variantShape(sdk: TokenRequestSdk): RequestShape {
  const { layout, supportsAudience, hasResponseType } = loginVariant(sdk);
  return { sdk, paths: layout, supportsAudience, hasResponseType };
}

/** The first choice whose evidence the code shows, else the last. */
function chosenVariant(context: FileContext, choices: readonly VariantChoice[], evidence: Evidence): TokenRequestSdk {
  const chosen = choices.find((choice) => choice.when !== undefined && sniffs(context, choice.when, evidence));
  return (chosen ?? choices[choices.length - 1]!).variant;
}

/** Whether the code shows a sniff's evidence. */
function sniffs(context: FileContext, sniff: Sniff, evidence: Evidence): boolean {
  const { creation, optionsArgument } = evidence;
  switch (sniff.kind) {
    case 'has-key':
      return sniff.keys.some((key) => evidence.option(key) !== undefined);
    case 'lacks-key':
      return !sniff.keys.some((key) => evidence.option(key) !== undefined);
    case 'key-is': {
      const value = evidence.option(sniff.key)?.value;
      const target = value && unwrap(value);
      return target?.type === 'Literal' && target.value === sniff.literal;
    }
    case 'without-options':
      return !!creation && optionsArgument !== undefined && creation.arguments[optionsArgument] === undefined;
    case 'imports-module':
      return importsModule(context, sniff.specifier);
    case 'default-export-or-global':
      return !!creation && isDefaultImportOrGlobal(context, creation.callee);
    case 'function': {
      const target = evidence.value && unwrap(evidence.value);
      return target?.type === 'FunctionExpression' || target?.type === 'ArrowFunctionExpression';
    }
    case 'instance-called':
      return !!creation && instanceCalled(context, creation, sniff.methods, sniff.argument);
    case 'all':
      return sniff.of.every((inner) => sniffs(context, inner, evidence));
    case 'any':
      return sniff.of.some((inner) => sniffs(context, inner, evidence));
  }
}

/** Whether the created client, where it is stored, is called with one of the methods and an argument that shows `argument`. */
function instanceCalled(context: FileContext, created: Node, methods: readonly string[], argument: Sniff): boolean {
  const key = storedAt(context, created);
  if (key === undefined) return false;
  return context.calls.some((call) => {
    const callee = unwrap(call.callee);
    if (
      callee.type !== 'MemberExpression' ||
      !methods.includes(memberName(callee) ?? '') ||
      holderKey(context, callee.object) !== key
    )
      return false;
    return call.arguments.some((node) => {
      const target = unwrap(node);
      return sniffs(context, argument, objectEvidence(context.objectLiteral(target), target));
    });
  });
}

/** A creating callee as a module's default export (`import create from …`, `require(…)`) or a global. */
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

// ------------------------------------------------------------------------------------------------ account linking

/** The Management API's body key for the secondary account's ID token when linking accounts. */
const LINK_BODY_KEY = 'link_with';
/** The names that show account linking in a file's text. */
const LINKING_NAMES = [...ACCOUNT_LINKING_ARGUMENTS.map((entry) => entry.method), LINK_BODY_KEY];

/**
 * Keys of the clients whose login results feed account linking: the `link_with` body value and the linking methods'
 * argument are a secondary account's ID token, from `popup.authorize(..., (err, result) => result.idToken)`,
 * `(await client.getIdTokenClaims()).__raw` and the like.
 */
function accountLinkingClients(context: FileContext): Set<string> {
  const keys = new Set<string>();
  if (!LINKING_NAMES.some((name) => context.text.includes(name))) return keys;
  const secondaryTokens: Node[] = [];
  for (const call of context.calls)
    for (const { method, argument } of ACCOUNT_LINKING_ARGUMENTS)
      if (memberName(call.callee) === method && call.arguments[argument])
        secondaryTokens.push(call.arguments[argument]);
  for (const property of context.properties)
    if (propertyName(property.key, property.computed) === LINK_BODY_KEY) secondaryTokens.push(property.value);
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
    object.type === 'MemberExpression' && CALL_PREFIXES.has(memberName(object) ?? '') ? object.object : object;
  return holderKey(context, client);
}

// ------------------------------------------------------------------------------------------------ JSX providers

/** `<Provider domain clientId audience scope>` (top level) or `authorizationParams={{ audience, scope }}` (nested). */
function elementClient(context: FileContext, element: TSESTree.JSXOpeningElement): Client | undefined {
  const entity = jsxEntity(context, element.name);
  const configured = entity === undefined ? undefined : ELEMENTS[entity];
  if (!configured) return undefined;
  const attribute = (name: string): { value?: Node } | undefined =>
    attributeOf(element, name) && { value: attributeExpression(element, name) };
  const shape = requestShape(context, configured.variants, { option: attribute });
  const paths = shape.paths;
  const option = (path: readonly string[], key: string): OptionValue | undefined =>
    path.length === 0
      ? attributeOption(context, element, key)
      : optionValue(context, objectAt(context, attributeObject(context, element, path[0]!), path.slice(1)), key);
  const nested = new Set(
    [paths.audiencePath, paths.scopePath, paths.responseTypePath].flatMap((path) => path.slice(0, 1)),
  );
  const dynamic =
    element.attributes.some((attribute) => attribute.type === 'JSXSpreadAttribute') ||
    [...nested].some(
      (name) =>
        attributeOf(element, name) !== undefined && !spreadFree(context, attributeObject(context, element, name)),
    );
  const request: TokenRequest = {
    sdk: shape.sdk,
    level: 'client',
    node: element,
    placement: { ...paths, element },
    ...(shape.hasResponseType && { responseType: option(paths.responseTypePath, paths.responseTypeKey) }),
    audience: option(paths.audiencePath, 'audience'),
    scope: option(paths.scopePath, 'scope'),
    domain: attributeExpression(element, 'domain'),
    dynamic,
    supportsAudience: shape.supportsAudience,
    hasResponseType: shape.hasResponseType,
  };
  return { request, kind: configured.client };
}

/** The SDK entity a JSX tag names, through the import that binds it (`Provider`, `Sdk.Provider`). */
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

/** A login or token call's own options: `webAuth.checkSession({...})`, `client.getTokenSilently({...})`, a hook's. */
function callOptions(
  context: FileContext,
  call: TSESTree.CallExpression,
  clients: ReadonlyMap<string, Client>,
  requestsOf: (kind: ClientKindId) => TokenRequest[],
): TokenRequest | undefined {
  const options = call.arguments[0];
  if (!options || !context.objectLiteral(options)) return undefined;
  const target = callTarget(context, call, clients, requestsOf);
  if (!target) return undefined;
  const { shape, parent, kind } = target;
  const candidates = LOGIN_CLIENTS[kind]?.callVariants;
  const written = candidates && callVariant(context, options, parent, candidates);
  const sdk = parent?.sdk ?? written;
  if (sdk === undefined) return undefined;
  const paths = written ? loginVariant(written).layout : TOP_LEVEL;
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

/** The variant a call's own options are written for: what they show, else their client's, else the last candidate. */
function callVariant(
  context: FileContext,
  options: Node,
  parent: TokenRequest | undefined,
  candidates: readonly TokenRequestSdk[],
): TokenRequestSdk {
  return (
    writtenFor(context.objectLiteral(options), candidates) ??
    (parent && candidates.includes(parent.sdk) ? parent.sdk : candidates[candidates.length - 1]!)
  );
}

/**
 * The candidate whose layout the options use: a nested layout by the key its login parameters nest under, a top-level
 * one by a login parameter at the top.
 */
function writtenFor(
  options: TSESTree.ObjectExpression | undefined,
  candidates: readonly TokenRequestSdk[],
): TokenRequestSdk | undefined {
  if (!options) return undefined;
  const nestedUnder = (id: TokenRequestSdk): string | undefined => loginVariant(id).layout.audiencePath[0];
  const nested = candidates.find((id) => {
    const key = nestedUnder(id);
    return key !== undefined && findProperty(options, key) !== undefined;
  });
  if (nested) return nested;
  return LOGIN_PARAMETERS.some((key) => findProperty(options, key))
    ? candidates.find((id) => nestedUnder(id) === undefined)
    : undefined;
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

/** The client a call is made on and the shape of that call: a held client's, else a hook result's or a service's. */
function callTarget(
  context: FileContext,
  call: TSESTree.CallExpression,
  clients: ReadonlyMap<string, Client>,
  requestsOf: (kind: ClientKindId) => TokenRequest[],
): { shape: CallShape; parent?: TokenRequest; kind: ClientKindId } | undefined {
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
      const shape = client && CALLS.get(client.kind)?.[path];
      if (shape) return { shape, parent: client.request, kind: client.kind };
    }
  }
  // Hooks and injected services hold no client variable of their own: the file's single provider, if any, is the parent.
  for (const { kind, unheld } of UNHELD) {
    const shape = CALLS.get(kind)?.[method];
    if (shape && reachesUnheld(context, callee, unheld)) {
      const found = requestsOf(kind);
      return { shape, parent: found.length === 1 ? found[0] : undefined, kind };
    }
  }
  return undefined;
}

function reachesUnheld(context: FileContext, callee: Node, unheld: UnheldClient): boolean {
  switch (unheld.kind) {
    case 'hook-result':
      return isHookResultMember(context, callee, unheld.hook);
    case 'imported-service':
      return callee.type === 'MemberExpression' && importsNamespace(context, unheld.namespace);
  }
}

/** `method` destructured from `hook()`, or `result.method` with `const result = hook()`. */
function isHookResultMember(context: FileContext, callee: Node, hook: string): boolean {
  let holder: Node | undefined;
  if (callee.type === 'Identifier') {
    const binding = context.binding(callee);
    holder = binding.kind === 'property' ? binding.object : undefined;
  } else if (callee.type === 'MemberExpression') {
    holder = context.resolve(callee.object);
  }
  const call = holder && unwrap(holder);
  return call?.type === 'CallExpression' && sdkEntity(context, call.callee) === hook;
}

function importsNamespace(context: FileContext, namespace: string): boolean {
  return context.imports.some((declaration) => moduleNamespace(String(declaration.source.value)) === namespace);
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

function prefixed(prefix: readonly string[], paths: OptionLayout): OptionLayout {
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
  const { sdk, paths, supportsAudience, hasResponseType } = variantShape(PROTOCOL_VARIANTS.authorizeUrl);
  return {
    sdk,
    level: 'client',
    node,
    placement: { ...paths, query },
    responseType: params.get('response_type'),
    audience: params.get('audience'),
    scope: params.get('scope'),
    domain: url.domain,
    domainValue: url.domainValue,
    dynamic,
    supportsAudience,
    hasResponseType,
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
    const request = fromOptions(context, () => variantShape(PROTOCOL_VARIANTS.passwordGrant), body, body);
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
    for (const key of REQUEST_BODY_KEYS) {
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
