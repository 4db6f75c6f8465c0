/**
 * Raw HTTP calls to the Management API. Each transport recogniser reads one call shape (`TransportKind`) into an
 * `HttpRequest` (URL, method, Authorization value, body), for the libraries the catalog's `HTTP_TRANSPORTS` gives that
 * shape; the shared code below turns those into Management calls. Interceptors (`HTTP_INTERCEPTORS`) attach a token
 * to requests without a visible header: they are recognised here too, as credential sites of the transport they
 * configure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  findEndpoint,
  HTTP_INTERCEPTORS,
  HTTP_TRANSPORTS,
  ID_TOKEN_STORES,
  type HttpMethod,
  type Interceptor,
  type Transport,
  type TransportKind,
  type TransportLibrary,
} from '../catalog';
import {
  calleePath,
  enclosingClassBody,
  findProperty,
  isFunction,
  memberName,
  propertyName,
  returnedValues,
  unwrap,
} from './ast';
import { bearerOperand, kindFromName, type CredentialTracer } from './credentials';
import type { FileContext } from './file-context';
import { managementUrl, storedValue, type Auth0Hosts } from './management-urls';
import { backendOnlyReasonFor } from './request-bodies';
import { holderKey, isRequireCall } from './sdk';
import type { CredentialUse, ManagementCall, Node, Provenance } from './types';

/** The library a request goes through; interceptors name the one whose requests they change. */
export type HttpLibrary = TransportLibrary;

/** One HTTP request as a transport library expresses it. */
export interface HttpRequest {
  readonly node: Node;
  readonly library: HttpLibrary;
  readonly via: string;
  readonly url: Node;
  /** A client-level base URL that a relative `url` extends (axios `baseURL`, request `baseUrl`). */
  readonly baseUrl?: Node;
  /** Static method, upper-case; `undefined` when the code computes it. */
  readonly method: HttpMethod | undefined;
  /** The Authorization header value expression (`'Bearer ' + token`), when the call sets one. */
  readonly authorization?: Node;
  /** The bearer token expression itself, for transports that take it without the `Bearer ` prefix. */
  readonly bearer?: Node;
  readonly body?: Node;
}

type TransportRecogniser = (context: FileContext, call: TSESTree.CallExpression) => HttpRequest | undefined;

/** A transport of one call shape. */
type TransportOf<Kind extends TransportKind> = Extract<Transport, { readonly kind: Kind }>;

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The request-option keys the transports share: HTTP's own vocabulary (`data` is the body's name before fetch), not
 * one library's. The keys only some libraries read are catalog data.
 */
const URL_KEY = 'url';
const METHOD_KEY = 'method';
const HEADERS_KEY = 'headers';
const BODY_KEY = 'body';
const DATA_KEY = 'data';

/** The language's URL encoder that keeps a URL's structure, as `libraryModule` names a global. */
const URL_ENCODERS = ['global:encodeURI'];

/** The methods that write a value under a key in browser storage and its wrappers. */
const STORAGE_SETTERS = ['setItem', 'set'];

/** The global objects a browser global is also read from (`window.fetch`). */
const GLOBAL_OBJECTS = ['window', 'globalThis', 'self'];

/** Verbs whose HTTP method is not their name in upper case (`getJSON`, `del`), from every transport. */
const METHOD_ALIASES: Readonly<Record<string, HttpMethod>> = Object.assign(
  Object.create(null) as Record<string, HttpMethod>,
  ...HTTP_TRANSPORTS.map((transport) => transport.methodAliases ?? {}),
);

/** Classes whose construction is a headers object (`new Headers({...})`), and whose is a request options object. */
const HEADER_CLASSES = new Set<string>(
  HTTP_TRANSPORTS.flatMap((transport) => ('headerClasses' in transport ? transport.headerClasses : [])),
);
const OPTIONS_CLASSES = new Set<string>(
  HTTP_TRANSPORTS.flatMap((transport) => ('optionsClass' in transport ? [transport.optionsClass] : [])),
);

/** The static method of a `method`/`type` option; `fallback` when there is none, `undefined` when the code computes it. */
export function httpMethod(
  context: FileContext,
  node: Node | undefined,
  fallback: HttpMethod | undefined,
): HttpMethod | undefined {
  if (!node) return fallback;
  const value = context.staticString(node);
  return value === undefined ? undefined : verbMethod(value);
}

/** The method a verb names: `get`, `PATCH`, an alias (`del` in any case, `getJSON`); HEAD and the like are not catalogued. */
function verbMethod(verb: string): HttpMethod | undefined {
  const upper = METHOD_ALIASES[verb] ?? METHOD_ALIASES[verb.toLowerCase()] ?? verb.toUpperCase();
  return METHODS.has(upper as HttpMethod) ? (upper as HttpMethod) : undefined;
}

/**
 * The Authorization value in a headers object literal (any key casing), a headers class construction
 * (`new Headers({...})`), an immutable headers chain (`new HttpHeaders().set('Authorization', v)`), or a Headers
 * variable.
 */
export function authorizationHeader(context: FileContext, headers: Node | undefined): Node | undefined {
  if (!headers) return undefined;
  const target = context.resolve(headers);
  if (target.type === 'CallExpression') return headerSetInChain(context, target);
  const object =
    isHeadersConstruction(target) && target.arguments[0]
      ? context.objectLiteral(target.arguments[0])
      : context.objectLiteral(target);
  const property = object?.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === 'Property' &&
      propertyName(candidate.key, candidate.computed)?.toLowerCase() === 'authorization',
  );
  if (property) return property.value;
  return headerSetOn(context, headers);
}

function isHeadersConstruction(node: Node): node is TSESTree.NewExpression {
  return node.type === 'NewExpression' && node.callee.type === 'Identifier' && HEADER_CLASSES.has(node.callee.name);
}

/** The value `headerCall(name, value)` sets when `name` is Authorization (`.set`, `.append`, `.setRequestHeader`). */
function authorizationArgument(context: FileContext, call: TSESTree.CallExpression): Node | undefined {
  const [name, value] = call.arguments;
  return name && value && context.staticString(name)?.toLowerCase() === 'authorization' ? value : undefined;
}

/** `new HttpHeaders().set('Content-Type', x).set('Authorization', v)`: immutable headers built in one chain. */
function headerSetInChain(context: FileContext, call: TSESTree.CallExpression): Node | undefined {
  const method = memberName(call.callee);
  if (method !== 'set' && method !== 'append') return undefined;
  const found = authorizationArgument(context, call);
  if (found) return found;
  return authorizationHeader(context, (unwrap(call.callee) as TSESTree.MemberExpression).object);
}

/** `headers.append('Authorization', value)` / `.set(...)` on a Headers variable (also `headers = headers.set(...)`). */
function headerSetOn(context: FileContext, headers: Node): Node | undefined {
  const target = unwrap(headers);
  if (target.type !== 'Identifier') return undefined;
  const variable = context.variableOf(target);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== 'MemberExpression' || call?.type !== 'CallExpression' || call.callee !== member) continue;
    const method = propertyName(member.property, member.computed);
    if (method !== 'append' && method !== 'set') continue;
    const value = authorizationArgument(context, call);
    if (value) return value;
  }
  return undefined;
}

/** The module a library value is imported or required from (`axios`), `global:<name>` or `param:<name>`. */
function libraryModule(context: FileContext, node: Node, depth = 0): string | undefined {
  const target = unwrap(node);
  if (depth > 4) return undefined;
  if (target.type === 'Identifier') {
    const binding = context.binding(target);
    switch (binding.kind) {
      case 'import':
        return binding.imported === 'default' || binding.imported === '*' ? binding.source : undefined;
      // No scope manager, or several declarations: go by the name.
      case 'global':
      case 'unknown':
        return `global:${binding.name}`;
      case 'parameter':
        return `param:${binding.name}`;
      case 'value':
        return libraryModule(context, binding.node, depth + 1);
      default:
        return undefined;
    }
  }
  if (isRequireCall(target)) return String((target.arguments[0] as TSESTree.StringLiteral).value);
  if (target.type === 'MemberExpression') {
    const name = memberName(target);
    if (name === 'default') return libraryModule(context, target.object, depth + 1);
    const owner = calleePath(target.object);
    if (name !== undefined && owner?.length === 1 && GLOBAL_OBJECTS.includes(owner[0]!)) return `global:${name}`;
  }
  return undefined;
}

/** Whether a `libraryModule` is the transport's: one of its modules, its globals or its injected parameter names. */
function isLibraryModule(transport: Transport, module: string | undefined): boolean {
  if (module === undefined) return false;
  return (
    transport.modules?.includes(module) === true ||
    transport.globals?.some((name) => module === `global:${name}`) === true ||
    transport.parameters?.some((name) => module === `param:${name}`) === true
  );
}

function reachesLibrary(context: FileContext, transport: Transport, node: Node): boolean {
  return isLibraryModule(transport, libraryModule(context, node));
}

/** The callee split into the object it is called on and the method name: `axios.patch` -> (`axios`, `patch`). */
function methodCall(call: TSESTree.CallExpression): { object: Node; method: string } | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee.property, callee.computed);
  return method === undefined ? undefined : { object: callee.object, method };
}

function option(options: TSESTree.ObjectExpression | undefined, ...keys: string[]): Node | undefined {
  for (const key of keys) {
    const property = options && findProperty(options, key);
    if (property) return property.value;
  }
  return undefined;
}

/**
 * The calls made on a value: chained (`.set(...).send(...)`) and, when the value is kept in a variable, on that
 * variable (`xhr.open(...)`, `xhr.setRequestHeader(...)`).
 */
function callsOn(context: FileContext, value: Node, depth = 0): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = value;
  for (;;) {
    const member = current.parent;
    const call = member?.parent;
    if (
      member?.type !== 'MemberExpression' ||
      member.object !== current ||
      call?.type !== 'CallExpression' ||
      call.callee !== member
    )
      break;
    calls.push(call);
    current = call;
  }
  const declarator = current.parent;
  if (
    depth < 2 &&
    declarator?.type === 'VariableDeclarator' &&
    declarator.init === current &&
    declarator.id.type === 'Identifier'
  ) {
    for (const reference of context.variableOf(declarator.id)?.references ?? []) {
      if (reference.identifier !== declarator.id && !reference.isWrite())
        calls.push(...callsOn(context, reference.identifier, depth + 1));
    }
  }
  return calls;
}

// ---------------------------------------------------------------------------------------------- transports

/** `fetch(url, { method, headers, body })`, also on the global object. */
function globalFunctionCall(transport: TransportOf<'global-function'>): TransportRecogniser {
  return (context, call) => {
    const path = calleePath(call.callee);
    if (
      !path ||
      path[path.length - 1] !== transport.name ||
      !(path.length === 1 || (path.length === 2 && GLOBAL_OBJECTS.includes(path[0]!)))
    )
      return undefined;
    const [url, init] = call.arguments;
    if (!url) return undefined;
    const options = init && context.objectLiteral(init);
    return {
      node: call,
      library: transport.library,
      via: transport.via,
      url,
      method: httpMethod(context, option(options, METHOD_KEY), 'GET'),
      authorization: authorizationHeader(context, option(options, HEADERS_KEY)),
      body: option(options, BODY_KEY),
    };
  };
}

/** The client itself, or an instance its factory created (`create({ baseURL, headers })`: the instance's defaults). */
function clientOf(
  context: FileContext,
  transport: TransportOf<'client-with-verbs'>,
  node: Node,
): { defaults?: TSESTree.ObjectExpression } | undefined {
  if (isClient(context, transport, node)) return {};
  const value = storedValue(context, node);
  if (
    value.type !== 'CallExpression' ||
    memberName(value.callee) !== transport.factory ||
    !isClient(context, transport, (unwrap(value.callee) as TSESTree.MemberExpression).object)
  )
    return undefined;
  return { defaults: value.arguments[0] ? context.objectLiteral(value.arguments[0]) : undefined };
}

function isClient(context: FileContext, transport: TransportOf<'client-with-verbs'>, node: Node): boolean {
  if (reachesLibrary(context, transport, node)) return true;
  // Framework plugins expose it as a member (`this.$axios`, `Vue.axios`).
  const name = memberName(node);
  return name !== undefined && transport.members.includes(name);
}

/** `client(config)`, `client(url, config)`, `client.request(config)`, `client.get(url, config)`, `client.post(url, body, config)`. */
function clientWithVerbsCall(transport: TransportOf<'client-with-verbs'>): TransportRecogniser {
  return (context, call) => {
    const callee = unwrap(call.callee);
    const direct = clientOf(context, transport, callee);
    const member = direct ? undefined : methodCall(call);
    const client = direct ?? (member && clientOf(context, transport, member.object));
    if (!client) return undefined;
    const verb = member?.method;
    const configForm = verb === undefined || verb === transport.configMethod;
    let url: Node | undefined;
    let config: TSESTree.ObjectExpression | undefined;
    let body: Node | undefined;
    if (configForm) {
      const [first, second] = call.arguments;
      const firstObject = first && context.objectLiteral(first);
      config = firstObject ?? (second && context.objectLiteral(second));
      url = firstObject ? option(firstObject, URL_KEY) : first;
      body = option(config, DATA_KEY);
    } else if (isOneOf(transport.queryVerbs, verb)) {
      url = call.arguments[0];
      config = call.arguments[1] && context.objectLiteral(call.arguments[1]);
    } else if (isOneOf(transport.bodyVerbs, verb)) {
      url = call.arguments[0];
      body = call.arguments[1];
      config = call.arguments[2] && context.objectLiteral(call.arguments[2]);
    } else {
      return undefined;
    }
    if (!url) return undefined;
    const defaults = client.defaults;
    return {
      node: call,
      library: transport.library,
      via: verb ? `${transport.via}.${verb}` : transport.via,
      url,
      baseUrl: option(config, transport.baseUrlKey) ?? option(defaults, transport.baseUrlKey),
      method:
        verb === undefined || configForm ? httpMethod(context, option(config, METHOD_KEY), 'GET') : verbMethod(verb),
      authorization:
        authorizationHeader(context, option(config, HEADERS_KEY)) ??
        defaultAuthorization(context, transport, defaults, direct ? callee : member!.object),
      body,
    };
  };
}

function isOneOf(names: readonly string[], name: string): boolean {
  return names.includes(name);
}

/**
 * The Authorization header a client sends by default: set by its factory (`create({ headers: { Authorization } })`,
 * also under the all-methods group), or `client.defaults.headers[.common].Authorization = ...` anywhere in the file.
 */
function defaultAuthorization(
  context: FileContext,
  transport: TransportOf<'client-with-verbs'>,
  defaults: TSESTree.ObjectExpression | undefined,
  client: Node,
): Node | undefined {
  const headers = option(defaults, HEADERS_KEY);
  const fromCreate =
    authorizationHeader(context, headers) ??
    authorizationHeader(context, option(headers && context.objectLiteral(headers), transport.commonHeadersKey));
  if (fromCreate) return fromCreate;
  const clientKey = holderKey(context, client);
  if (clientKey === undefined) return undefined;
  for (const assignment of context.assignments) {
    if (assignment.operator !== '=' || memberName(assignment.left)?.toLowerCase() !== 'authorization') continue;
    // Down the member chain `<client>.<defaults>.headers[.common].Authorization` to `<client>`.
    let object: Node = unwrap(assignment.left);
    while (object.type === 'MemberExpression' && memberName(object) !== transport.defaultsKey)
      object = unwrap(object.object);
    if (object.type === 'MemberExpression' && holderKey(context, object.object) === clientKey) return assignment.right;
  }
  return undefined;
}

/** `$http(config)`, `$http.get(url, config)`, `$http.patch(url, data, config)` (also `this.$http`). */
function namedServiceCall(transport: TransportOf<'named-service'>): TransportRecogniser {
  return (context, call) => {
    const callee = calleePath(call.callee);
    if (!callee) return undefined;
    if (callee[callee.length - 1] === transport.name) {
      const config = call.arguments[0] && context.objectLiteral(call.arguments[0]);
      const url = option(config, URL_KEY);
      if (!url) return undefined;
      return {
        node: call,
        library: transport.library,
        via: transport.via,
        url,
        method: httpMethod(context, option(config, METHOD_KEY), 'GET'),
        authorization: authorizationHeader(context, option(config, HEADERS_KEY)),
        // vue-resource's `this.$http` takes the same shapes with `body` for `data`.
        body: option(config, DATA_KEY, BODY_KEY),
      };
    }
    if (callee[callee.length - 2] !== transport.name) return undefined;
    return verbCall(context, call, transport, callee[callee.length - 1]!, DATA_KEY);
  };
}

/** `client.get(url, config)` / `client.patch(url, body, config)`: the shape named and injected services share. */
function verbCall(
  context: FileContext,
  call: TSESTree.CallExpression,
  transport: TransportOf<'named-service' | 'injected-service'>,
  verb: string,
  bodyKey: string,
): HttpRequest | undefined {
  const withBody = isOneOf(transport.bodyVerbs, verb);
  if (!withBody && !isOneOf(transport.queryVerbs, verb)) return undefined;
  const url = call.arguments[0];
  if (!url) return undefined;
  const optionsArgument = call.arguments[withBody ? 2 : 1];
  const options = optionsArgument && requestOptions(context, optionsArgument);
  return {
    node: call,
    library: transport.library,
    via: `${transport.via}.${verb}`,
    url,
    method: verbMethod(verb),
    authorization: authorizationHeader(context, option(options, HEADERS_KEY)),
    body: withBody ? call.arguments[1] : option(options, bodyKey),
  };
}

/** An options object, also one built with an options class (Angular 2's `new RequestOptions({ headers })`). */
function requestOptions(context: FileContext, node: Node): TSESTree.ObjectExpression | undefined {
  const value = context.resolve(node);
  if (
    value.type === 'NewExpression' &&
    value.callee.type === 'Identifier' &&
    OPTIONS_CLASSES.has(value.callee.name) &&
    value.arguments[0]
  )
    return context.objectLiteral(value.arguments[0]);
  return context.objectLiteral(value);
}

/** An injected service's `request(method, url, options)` and verb calls, by the receiver's type or name. */
function injectedServiceCall(transport: TransportOf<'injected-service'>): TransportRecogniser {
  return (context, call) => {
    const target = methodCall(call);
    if (!target || !isInjectedService(context, transport, target.object)) return undefined;
    if (
      target.method === transport.requestMethod &&
      call.arguments.length >= 2 &&
      context.staticString(call.arguments[0]!) !== undefined
    ) {
      const options = call.arguments[2] && requestOptions(context, call.arguments[2]);
      return {
        node: call,
        library: transport.library,
        via: `${transport.via}.${transport.requestMethod}`,
        url: call.arguments[1]!,
        method: httpMethod(context, call.arguments[0], undefined),
        authorization: authorizationHeader(context, option(options, HEADERS_KEY)),
        body: option(options, BODY_KEY),
      };
    }
    return verbCall(context, call, transport, target.method, BODY_KEY);
  };
}

/** Whether a receiver is the service: by its declared or injected type, else by its conventional name. */
function isInjectedService(context: FileContext, transport: TransportOf<'injected-service'>, receiver: Node): boolean {
  const target = unwrap(receiver);
  const name =
    target.type === 'Identifier'
      ? target.name
      : target.type === 'MemberExpression' && unwrap(target.object).type === 'ThisExpression'
        ? memberName(target)
        : undefined;
  // Node's `http`/`https` modules share the conventional name, not the call shapes.
  if (name === undefined || /^(node:)?https?$/.test(libraryModule(context, target) ?? '')) return false;
  const type = injectedType(context, target, name, transport.injector);
  return type !== undefined ? isOneOf(transport.types, type) : transport.conventionalName.test(name);
}

/**
 * The type a service is injected as: a parameter `http: HttpClient`, a constructor parameter property
 * `private http: HttpClient`, or a field `http = inject(HttpClient)` (`injector` names the injecting function).
 */
function injectedType(context: FileContext, receiver: Node, name: string, injector: string): string | undefined {
  if (receiver.type === 'Identifier') {
    const binding = context.binding(receiver);
    const param = binding.kind === 'parameter' ? binding.fn.params[binding.index] : undefined;
    return param ? annotatedType(param) : undefined;
  }
  for (const element of enclosingClassBody(receiver)?.body ?? []) {
    if (element.type === 'PropertyDefinition' && propertyName(element.key, element.computed) === name) {
      const injected = element.value && unwrap(element.value);
      if (
        injected?.type === 'CallExpression' &&
        calleePath(injected.callee)?.at(-1) === injector &&
        injected.arguments[0]?.type === 'Identifier'
      )
        return injected.arguments[0].name;
      return annotatedType(element);
    }
    if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
      const param = element.value.params.find(
        (candidate) =>
          candidate.type === 'TSParameterProperty' &&
          candidate.parameter.type === 'Identifier' &&
          candidate.parameter.name === name,
      );
      if (param) return annotatedType(param);
    }
  }
  return undefined;
}

function annotatedType(node: Node): string | undefined {
  const holder = node.type === 'TSParameterProperty' ? node.parameter : node;
  const annotation =
    'typeAnnotation' in holder && holder.typeAnnotation && 'typeAnnotation' in holder.typeAnnotation
      ? holder.typeAnnotation.typeAnnotation
      : undefined;
  return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier'
    ? annotation.typeName.name
    : undefined;
}

/** `$.ajax(url?, settings)`, `$.get/post/getJSON(url, data?, success?)` or `(settings)`, on any way to the library. */
function settingsMethodCall(transport: TransportOf<'settings-methods'>): TransportRecogniser {
  return (context, call) => {
    const target = methodCall(call);
    if (
      !target ||
      (target.method !== transport.settingsMethod && !isOneOf(transport.shorthandMethods, target.method)) ||
      !reachesLibrary(context, transport, target.object)
    )
      return undefined;
    const [first, second] = call.arguments;
    if (!first) return undefined;
    const settingsForm = target.method === transport.settingsMethod;
    const firstSettings = context.objectLiteral(first);
    const settings = firstSettings ?? (settingsForm && second ? context.objectLiteral(second) : undefined);
    const url = firstSettings ? option(firstSettings, URL_KEY) : first;
    if (!url) return undefined;
    const shorthandData = !firstSettings && !settingsForm && second && !isFunction(unwrap(second)) ? second : undefined;
    return {
      node: call,
      library: transport.library,
      via: `${transport.via}.${target.method}`,
      url,
      method: httpMethod(
        context,
        option(settings, ...transport.methodKeys),
        settingsForm ? 'GET' : verbMethod(target.method),
      ),
      authorization: settingsAuthorization(context, transport, settings),
      body: option(settings, DATA_KEY) ?? shorthandData,
    };
  };
}

/** The Authorization value settings send: in their headers, or set by their before-send hook. */
function settingsAuthorization(
  context: FileContext,
  transport: TransportOf<'settings-methods'>,
  settings: TSESTree.ObjectExpression | undefined,
): Node | undefined {
  return (
    authorizationHeader(context, option(settings, HEADERS_KEY)) ??
    beforeSendAuthorization(context, transport, option(settings, transport.beforeSendKey))
  );
}

/** `beforeSend: (xhr) => xhr.setRequestHeader('Authorization', value)`: the value. */
function beforeSendAuthorization(
  context: FileContext,
  transport: TransportOf<'settings-methods'>,
  beforeSend: Node | undefined,
): Node | undefined {
  const fn = beforeSend && context.functionOf(beforeSend);
  const xhr = fn?.params[0];
  if (!fn || xhr?.type !== 'Identifier') return undefined;
  for (const reference of context.variableOf(xhr)?.references ?? []) {
    const call = reference.identifier.parent?.parent;
    if (
      call?.type === 'CallExpression' &&
      memberName(call.callee) === transport.headerMethod &&
      (call.callee as TSESTree.MemberExpression).object === reference.identifier
    ) {
      const value = authorizationArgument(context, call);
      if (value) return value;
    }
  }
  return undefined;
}

/** `request(options)`, `request(url, options)`, `request.patch(url | options, ...)`. */
function moduleWithVerbsCall(transport: TransportOf<'module-with-verbs'>): TransportRecogniser {
  return (context, call) => {
    const target = methodCall(call);
    const client = target ? target.object : call.callee;
    if (!reachesLibrary(context, transport, client) || (target && !isOneOf(transport.verbs, target.method)))
      return undefined;
    const [first, second] = call.arguments;
    if (!first) return undefined;
    const firstOptions = context.objectLiteral(first);
    const options = firstOptions ?? (second && context.objectLiteral(second));
    const url = firstOptions ? option(firstOptions, URL_KEY, ...transport.urlKeys) : first;
    if (!url) return undefined;
    const auth = option(options, transport.authKey);
    const json = option(options, transport.jsonKey);
    return {
      node: call,
      library: transport.library,
      via: target ? `${transport.via}.${target.method}` : transport.via,
      url,
      baseUrl: option(options, transport.baseUrlKey),
      method: target ? verbMethod(target.method) : httpMethod(context, option(options, METHOD_KEY), 'GET'),
      authorization: authorizationHeader(context, option(options, HEADERS_KEY)),
      bearer: option(auth && context.objectLiteral(auth), transport.bearerKey),
      body: option(options, BODY_KEY, transport.formKey) ?? (json && context.objectLiteral(json) ? json : undefined),
    };
  };
}

/** `client.patch(url).set('Authorization', v).send(body)`, `client('PATCH', url)`, a stored chain. */
function requestChainCall(transport: TransportOf<'request-chain'>): TransportRecogniser {
  return (context, call) => {
    const target = methodCall(call);
    const client = target ? target.object : call.callee;
    const module = libraryModule(context, client);
    const sharedGlobal = module === `global:${transport.sharedGlobal}`;
    if ((!isLibraryModule(transport, module) && !sharedGlobal) || (target && !isOneOf(transport.verbs, target.method)))
      return undefined;
    const chain = callsOn(context, call);
    // A global shared with another library is this one when it is used this one's way.
    if (sharedGlobal && !chain.some((link) => isOneOf(transport.chainMethods, memberName(link.callee) ?? '')))
      return undefined;
    // `client(method, url)` or `client(url, callback?)`.
    const [first, second] = call.arguments;
    const methodFirst = !target && second !== undefined && !isFunction(unwrap(second));
    const url = target || !methodFirst ? first : second;
    if (!url) return undefined;
    const method = target ? verbMethod(target.method) : methodFirst ? httpMethod(context, first, undefined) : 'GET';
    let authorization: Node | undefined;
    let bearer: Node | undefined;
    let body: Node | undefined;
    for (const link of chain) {
      const name = memberName(link.callee);
      if (name === transport.headerMethod)
        authorization ??= authorizationArgument(context, link) ?? authorizationHeader(context, link.arguments[0]);
      else if (name === transport.sendMethod) body ??= link.arguments[0];
      else if (name === transport.authMethod && link.arguments.length >= 2) {
        const settings = context.objectLiteral(link.arguments[1]!);
        if (
          context.staticString(option(settings, transport.authTypeKey) ?? link)?.toLowerCase() ===
          transport.bearerAuthType
        )
          bearer ??= link.arguments[0];
      }
    }
    return {
      node: call,
      library: transport.library,
      via: target ? `${transport.via}.${target.method}` : transport.via,
      url,
      method,
      authorization,
      bearer,
      body,
    };
  };
}

/** `xhr.open(method, url)` on a constructed request object, with its header and send calls on the same variable. */
function openSendObjectCall(transport: TransportOf<'open-send-object'>): TransportRecogniser {
  return (context, call) => {
    const target = methodCall(call);
    if (target?.method !== transport.openMethod || call.arguments.length < 2) return undefined;
    const xhr = context.resolve(target.object);
    const constructor = xhr.type === 'NewExpression' ? calleePath(xhr.callee) : undefined;
    if (constructor?.[constructor.length - 1] !== transport.constructorName) return undefined;
    let authorization: Node | undefined;
    let body: Node | undefined;
    for (const other of callsOn(context, xhr)) {
      const name = memberName(other.callee);
      if (name === transport.headerMethod) authorization ??= authorizationArgument(context, other);
      else if (name === transport.sendMethod) body ??= other.arguments[0];
    }
    return {
      node: call,
      library: transport.library,
      via: transport.via,
      url: call.arguments[1]!,
      method: httpMethod(context, call.arguments[0], undefined),
      authorization,
      body,
    };
  };
}

/** The recogniser of a transport's call shape. */
function recogniserOf(transport: Transport): TransportRecogniser {
  switch (transport.kind) {
    case 'global-function':
      return globalFunctionCall(transport);
    case 'client-with-verbs':
      return clientWithVerbsCall(transport);
    case 'named-service':
      return namedServiceCall(transport);
    case 'settings-methods':
      return settingsMethodCall(transport);
    case 'module-with-verbs':
      return moduleWithVerbsCall(transport);
    case 'request-chain':
      return requestChainCall(transport);
    case 'open-send-object':
      return openSendObjectCall(transport);
    case 'injected-service':
      return injectedServiceCall(transport);
  }
}

/** Every transport the catalog lists, in its order: the first match wins. */
export const TRANSPORTS: readonly TransportRecogniser[] = HTTP_TRANSPORTS.map(recogniserOf);

// ---------------------------------------------------------------------------------------------- interceptors

/** An interceptor found in the file, with the token it attaches. */
interface FoundInterceptor {
  readonly library: HttpLibrary;
  /** The token expression as written (a token getter's return value, a storage key literal, a header value). */
  readonly token: Node;
  readonly provenance: Provenance;
  /**
   * Which requests the hook changes: `tenant` (an Auth0 domain is allow-listed), `other` (a static allow list
   * without it, or none where the library then skips other origins), `all` (no allow list), `unknown` (a dynamic one).
   */
  readonly reach: 'tenant' | 'other' | 'all' | 'unknown';
  /** When the file shows no Management call through the library: report for review, or not at all. */
  readonly reviewUnseen: boolean;
}

/** The token an interceptor configuration attaches and its provenance, if it shows one. */
interface AttachedToken {
  readonly token?: Node;
  readonly provenance?: Provenance;
  /** The allow list the configuration gives, if any. */
  readonly allowList?: Node;
}

function recogniseInterceptors(context: FileContext, hosts: Auth0Hosts, tracer: CredentialTracer): FoundInterceptor[] {
  const found: FoundInterceptor[] = [];
  const add = (interceptor: Interceptor, attached: AttachedToken | undefined): void => {
    const { token, provenance } = attached ?? {};
    if (!token || !provenance || provenance.kind === 'unknown') return;
    const reach =
      allowListReach(context, hosts, attached?.allowList) ?? (interceptor.onlyToAllowList ? 'other' : 'all');
    found.push({ library: interceptor.library, token, provenance, reach, reviewUnseen: interceptor.reviewUnseen });
  };
  // Constructions first, then calls, then assignments: per library, the first interceptor found wins.
  for (const node of [...context.news, ...context.calls]) {
    const name = calleePath(node.callee)?.at(-1) ?? '';
    for (const interceptor of HTTP_INTERCEPTORS)
      if (interceptor.at.kind === 'create' && isOneOf(interceptor.at.names, name))
        add(interceptor, configuredToken(context, tracer, interceptor, node));
  }
  for (const call of context.calls) {
    const path = calleePath(call.callee) ?? [];
    for (const interceptor of HTTP_INTERCEPTORS)
      if (interceptor.at.kind === 'call' && endsWith(path, interceptor.at.callee))
        add(interceptor, configuredToken(context, tracer, interceptor, call));
  }
  for (const assignment of context.assignments) {
    const path = calleePath(assignment.left) ?? [];
    for (const interceptor of HTTP_INTERCEPTORS)
      if (interceptor.at.kind === 'assign' && endsWith(path, interceptor.at.target))
        add(interceptor, getterToken(context, tracer, assignment.right));
  }
  for (const interceptor of HTTP_INTERCEPTORS) {
    if (interceptor.at.kind !== 'import' || interceptor.kind !== 'token-getter') continue;
    const provider = importedProvider(context, interceptor.at);
    if (provider) add(interceptor, defaultToken(context, tracer, interceptor, provider));
  }
  return found;
}

/** Where a ready-made provider list is used (`providers: [X]`), else imported: the import site's names and modules. */
function importedProvider(
  context: FileContext,
  site: Extract<Interceptor['at'], { readonly kind: 'import' }>,
): Node | undefined {
  for (const declaration of context.imports) {
    if (!isOneOf(site.modules, String(declaration.source.value))) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== 'ImportSpecifier' || !isOneOf(site.names, propertyName(specifier.imported, false) ?? ''))
        continue;
      const uses = (context.variableOf(specifier.local)?.references ?? []).filter(
        (reference) => reference.identifier !== specifier.local,
      );
      return uses[0]?.identifier ?? specifier.local;
    }
  }
  return undefined;
}

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  return (
    path.length >= suffix.length && suffix.every((name, index) => path[path.length - suffix.length + index] === name)
  );
}

/** The token a configuring call or construction attaches, read as its interceptor's kind says. */
function configuredToken(
  context: FileContext,
  tracer: CredentialTracer,
  interceptor: Interceptor,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): AttachedToken | undefined {
  const first = node.arguments[0];
  switch (interceptor.kind) {
    case 'token-getter': {
      let config = first && context.objectLiteral(first);
      for (const key of interceptor.configPath ?? []) {
        const inner = option(config, key);
        config = inner && context.objectLiteral(inner);
      }
      const allowList = option(config, ...(interceptor.allowListKeys ?? []));
      const getter = option(config, ...optional(interceptor.tokenGetterKey));
      const fromGetter = getterToken(context, tracer, getter);
      const tokenName = option(config, ...optional(interceptor.tokenNameKey));
      if (tokenName && !fromGetter.token) {
        const key = context.staticString(tokenName);
        return { ...storageKeyToken(context, tracer, key, tokenName, `storage key '${key}'`), allowList };
      }
      // Neither a getter nor a key, in a configuration the code spells out: the library reads its default key.
      if (!getter && !tokenName && (!first || (config && isWhollyWritten(config))))
        return { ...defaultToken(context, tracer, interceptor, node), allowList };
      return { ...fromGetter, allowList };
    }
    case 'header-settings': {
      const transport = HTTP_TRANSPORTS.find(
        (candidate): candidate is TransportOf<'settings-methods'> =>
          candidate.kind === 'settings-methods' && candidate.library === interceptor.library,
      );
      const receiver = node.type === 'CallExpression' ? methodCall(node)?.object : undefined;
      if (!transport || !receiver || !reachesLibrary(context, transport, receiver)) return undefined;
      const header = settingsAuthorization(context, transport, first && context.objectLiteral(first));
      return headerToken(context, tracer, header);
    }
    case 'header-handler':
      return headerToken(context, tracer, first && handlerHeader(context, first));
  }
}

/** An optional key as a list of keys to try. */
function optional(key: string | undefined): string[] {
  return key === undefined ? [] : [key];
}

/** The token a getter function returns and what it is. */
function getterToken(context: FileContext, tracer: CredentialTracer, getter: Node | undefined): AttachedToken {
  const token = getter ? tokenGetterResult(context, getter) : undefined;
  return { token, provenance: token && tokenProvenance(context, tracer, token) };
}

/** The bearer token in an Authorization header value and what it is. */
function headerToken(context: FileContext, tracer: CredentialTracer, header: Node | undefined): AttachedToken {
  const token = header && bearerOperand(context, header);
  return { token, provenance: token && tokenProvenance(context, tracer, token) };
}

/** Which requests an allow list lets the token reach; `undefined` without one. */
function allowListReach(
  context: FileContext,
  hosts: Auth0Hosts,
  node: Node | undefined,
): FoundInterceptor['reach'] | undefined {
  const list = node && context.resolve(node);
  if (!list) return undefined;
  if (list.type !== 'ArrayExpression') return 'unknown';
  if (
    list.elements.some((element) => element && element.type !== 'SpreadElement' && hosts.isAuth0HostExpression(element))
  )
    return 'tenant';
  return list.elements.every(
    (element) =>
      element &&
      element.type !== 'SpreadElement' &&
      (context.staticString(element) !== undefined || unwrap(element).type === 'Literal'),
  )
    ? 'other'
    : 'unknown';
}

/** The expression a token getter returns: `() => x`, `function () { return x; }`, AngularJS `['store', fn]`. */
function tokenGetterResult(context: FileContext, getter: Node): Node | undefined {
  const value = context.resolve(getter);
  const fn = value.type === 'ArrayExpression' ? value.elements.at(-1) : value;
  const getterFunction = fn && fn.type !== 'SpreadElement' ? context.functionOf(fn) : undefined;
  // A getter is read in its plain shape: one `return` written in its body (a nested or a second one is a guess).
  const returned = getterFunction ? returnedValues(getterFunction, { nested: false, valuesOnly: false }) : [];
  return returned.length === 1 ? returned[0] : undefined;
}

/** The Authorization value a request handler writes on the config it returns. */
function handlerHeader(context: FileContext, handler: Node): Node | undefined {
  const fn = context.functionOf(handler);
  if (!fn) return undefined;
  const [start, end] = fn.range;
  for (const assignment of context.assignments) {
    if (assignment.range[0] < start || assignment.range[1] > end || assignment.operator !== '=') continue;
    const path = calleePath(assignment.left);
    if (path?.at(-1)?.toLowerCase() === 'authorization' && path.includes(HEADERS_KEY)) return assignment.right;
  }
  for (const call of context.calls) {
    if (
      call.range[0] < start ||
      call.range[1] > end ||
      memberName(call.callee) !== 'set' ||
      !calleePath(call.callee)?.includes(HEADERS_KEY)
    )
      continue;
    const value = authorizationArgument(context, call);
    if (value) return value;
  }
  return undefined;
}

/**
 * What a token getter's value is. Some login SDKs only ever stored ID tokens (`ID_TOKEN_STORES`): in a file that
 * configures one, a getter reading storage likely returns an ID token, never proven.
 */
function tokenProvenance(context: FileContext, tracer: CredentialTracer, token: Node): Provenance {
  const traced = tracer.provenance(token);
  if (traced.kind !== 'unknown' || !isStorageRead(token)) return traced;
  const store = idTokenStoreIn(context);
  if (!store) return traced;
  return {
    kind: 'id-token',
    certainty: 'needs-manual',
    source: token,
    description: `${context.source(token)} ${store.description}`,
  };
}

function isStorageRead(node: Node): boolean {
  const target = unwrap(node);
  return target.type === 'CallExpression' && ['get', 'getItem'].includes(memberName(target.callee) ?? '');
}

/** The ID-token store the file configures (a call rooted at its provider), if any. */
function idTokenStoreIn(context: FileContext): (typeof ID_TOKEN_STORES)[number] | undefined {
  return ID_TOKEN_STORES.find((store) =>
    context.calls.some((call) => isOneOf(store.configuredBy, calleePath(call.callee)?.[0] ?? '')),
  );
}

/** Whether an object literal lists all its keys (no spread may bring a getter or a key in). */
function isWhollyWritten(config: TSESTree.ObjectExpression): boolean {
  return config.properties.every((property) => property.type === 'Property');
}

/** The token a library reads from its default storage key, reported at the configuration that leaves it so. */
function defaultToken(
  context: FileContext,
  tracer: CredentialTracer,
  interceptor: Interceptor,
  site: Node,
): AttachedToken | undefined {
  const key = interceptor.kind === 'token-getter' ? interceptor.defaultTokenName : undefined;
  return key === undefined
    ? undefined
    : storageKeyToken(context, tracer, key, site, `storage key '${key}' (read by default)`);
}

/**
 * A token the library reads from `localStorage[key]`. What this file writes under the key outweighs what the key is
 * called: a classified write gives its token; a write the code cannot classify leaves it unknown (an app may keep an
 * access token under 'id_token'); with no write, the key's name says what it holds.
 */
function storageKeyToken(
  context: FileContext,
  tracer: CredentialTracer,
  key: string | undefined,
  node: Node,
  description: string,
): AttachedToken {
  if (key === undefined) return { token: node };
  const stored = tracer.storedTokens().find((candidate) => candidate.key === key);
  // The write's token, but not the switch to its sibling: this site reads no key an edit could rename.
  if (stored) return { token: node, provenance: { ...stored.provenance, source: node, description } };
  if (writesStorageKey(context, key)) return { token: node };
  const kind = kindFromName(key);
  return {
    token: node,
    provenance: kind === 'unknown' ? undefined : { kind, certainty: 'proven', source: node, description },
  };
}

/** Whether the file writes `key` with a storage-style setter (`localStorage.setItem(key, value)`, `store.set(...)`). */
function writesStorageKey(context: FileContext, key: string): boolean {
  return context.calls.some(
    (call) =>
      STORAGE_SETTERS.includes(memberName(call.callee) ?? '') &&
      call.arguments.length >= 2 &&
      context.staticString(call.arguments[0]!) === key,
  );
}

// ---------------------------------------------------------------------------------------------- assembly

export interface HttpFacts {
  readonly calls: ManagementCall[];
  /** Interceptor credential sites whose token reaches the Management API (or may, for review). */
  readonly interceptors: CredentialUse[];
}

export function recogniseHttpCalls(context: FileContext, hosts: Auth0Hosts, tracer: CredentialTracer): HttpFacts {
  const requests: { request: HttpRequest; path: string | undefined }[] = [];
  for (const call of context.calls) {
    for (const transport of TRANSPORTS) {
      const request = transport(context, call);
      if (!request) continue;
      const url = managementUrl(context, hosts, encodedUrl(context, request.url), request.baseUrl);
      if (url) requests.push({ request, path: url.path });
      break;
    }
  }
  const interceptors = new Map<HttpLibrary, CredentialUse>();
  for (const interceptor of recogniseInterceptors(context, hosts, tracer)) {
    if (interceptors.has(interceptor.library) || interceptor.reach === 'other') continue;
    const seen = requests.some(
      ({ request }) => request.library === interceptor.library && !request.authorization && !request.bearer,
    );
    if (!seen && interceptor.reach !== 'tenant' && !interceptor.reviewUnseen) continue;
    // Proven only when the hook is shown to reach Auth0: an allow-listed Auth0 domain, or a hook on every request and a Management call through it.
    const proven = interceptor.reach === 'tenant' || (interceptor.reach === 'all' && seen);
    const provenance: Provenance = proven
      ? interceptor.provenance
      : { ...interceptor.provenance, certainty: 'needs-manual' };
    interceptors.set(interceptor.library, { site: 'interceptor', node: interceptor.token, provenance });
  }
  // One credential site per token expression: an instance's default header serves all its calls.
  const sites = new Map<Node, CredentialUse>();
  const credentialOf = (request: HttpRequest): CredentialUse | undefined => {
    const token = request.bearer ?? (request.authorization && bearerOperand(context, request.authorization));
    if (!token) return interceptors.get(request.library);
    const site = sites.get(token) ?? {
      site: request.bearer ? 'auth-bearer' : 'bearer-header',
      node: token,
      provenance: tracer.provenance(token),
    };
    sites.set(token, site);
    return site;
  };
  const calls = requests.map(({ request, path }) => toManagementCall(context, request, path, credentialOf(request)));
  return { calls, interceptors: [...interceptors.values()] };
}

/**
 * The URL inside `encodeURI(url)`: the global escapes neither `:` nor `/`, so the host and path read the same. (Not
 * `encodeURIComponent`, which escapes both.)
 */
function encodedUrl(context: FileContext, url: Node): Node {
  const target = unwrap(url);
  if (
    target.type !== 'CallExpression' ||
    target.arguments.length !== 1 ||
    target.arguments[0]!.type === 'SpreadElement' ||
    !isOneOf(URL_ENCODERS, libraryModule(context, target.callee) ?? '')
  )
    return url;
  return target.arguments[0]!;
}

function toManagementCall(
  context: FileContext,
  request: HttpRequest,
  path: string | undefined,
  credential: CredentialUse | undefined,
): ManagementCall {
  const endpoint = request.method && path !== undefined ? findEndpoint(request.method, path) : undefined;
  const bodyReason = request.body && endpoint ? backendOnlyReasonFor(context, endpoint, request.body) : undefined;
  return {
    node: request.node,
    via: request.via,
    method: request.method,
    path: endpoint?.path ?? path,
    endpoint,
    backendOnlyReason: bodyReason,
    credential,
  };
}
