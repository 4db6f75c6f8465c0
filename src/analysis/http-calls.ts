/**
 * Raw HTTP calls to the Management API. Each transport recogniser reads one library's call shapes into an
 * `HttpRequest` (URL, method, Authorization value, body); the shared code below turns those into Management calls.
 * Interceptors (angular-jwt, angular2-jwt, `$.ajaxSetup`, axios) attach a token to requests without a visible
 * header: they are recognised here too, as credential sites of the transport they configure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, type HttpMethod } from '../catalog';
import {
  calleePath,
  enclosingClassBody,
  findProperty,
  isFunction,
  memberName,
  propertyName,
  returnedValues,
  unwrap,
  nameTable,
} from './ast';
import { bearerOperand, kindFromName, type CredentialTracer } from './credentials';
import type { FileContext } from './file-context';
import { managementUrl, storedValue, type Auth0Hosts } from './management-urls';
import { backendOnlyReasonFor } from './request-bodies';
import { holderKey, isRequireCall } from './sdk';
import type { CredentialUse, ManagementCall, Node, Provenance } from './types';

/** The library a request goes through; interceptors name the one whose requests they change. */
export type HttpLibrary =
  'fetch' | 'axios' | '$http' | 'jQuery' | 'request' | 'superagent' | 'XMLHttpRequest' | 'HttpClient' | 'AuthHttp';

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

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Verbs whose shorthand takes `(url, config)`, and those that take `(url, body, config)` (axios, `$http`, HttpClient). */
const NO_BODY_VERBS = new Set(['get', 'delete', 'head', 'options', 'jsonp']);
const BODY_VERBS = new Set(['post', 'put', 'patch']);

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

/** The method a verb names: `get`, `PATCH`, `del` (request, superagent), `getJSON` (jQuery); HEAD and the like are not catalogued. */
function verbMethod(verb: string): HttpMethod | undefined {
  const upper = verb === 'getJSON' ? 'GET' : verb.toUpperCase();
  if (upper === 'DEL') return 'DELETE';
  return METHODS.has(upper as HttpMethod) ? (upper as HttpMethod) : undefined;
}

/**
 * The Authorization value in a headers object literal (any key casing), a `new Headers({...})` /
 * `new HttpHeaders({...})`, a `new HttpHeaders().set('Authorization', v)` chain, or a Headers variable.
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
  return (
    node.type === 'NewExpression' &&
    node.callee.type === 'Identifier' &&
    (node.callee.name === 'Headers' || node.callee.name === 'HttpHeaders')
  );
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
    if (name !== undefined && owner?.length === 1 && ['window', 'globalThis', 'self'].includes(owner[0]!))
      return `global:${name}`;
  }
  return undefined;
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

const fetchCall: TransportRecogniser = (context, call) => {
  const path = calleePath(call.callee);
  if (
    !path ||
    path[path.length - 1] !== 'fetch' ||
    !(path.length === 1 || (path.length === 2 && ['window', 'globalThis', 'self'].includes(path[0]!)))
  )
    return undefined;
  const [url, init] = call.arguments;
  if (!url) return undefined;
  const options = init && context.objectLiteral(init);
  return {
    node: call,
    library: 'fetch',
    via: 'fetch',
    url,
    method: httpMethod(context, option(options, 'method'), 'GET'),
    authorization: authorizationHeader(context, option(options, 'headers')),
    body: option(options, 'body'),
  };
};

/** axios itself, or an instance from `axios.create({ baseURL, headers })` (the instance's defaults). */
function axiosClient(context: FileContext, node: Node): { defaults?: TSESTree.ObjectExpression } | undefined {
  if (isAxios(context, node)) return {};
  const value = storedValue(context, node);
  if (
    value.type !== 'CallExpression' ||
    memberName(value.callee) !== 'create' ||
    !isAxios(context, (unwrap(value.callee) as TSESTree.MemberExpression).object)
  )
    return undefined;
  return { defaults: value.arguments[0] ? context.objectLiteral(value.arguments[0]) : undefined };
}

function isAxios(context: FileContext, node: Node): boolean {
  const module = libraryModule(context, node);
  if (module === 'axios' || module === 'global:axios' || module === 'param:axios') return true;
  // Vue plugins expose it as `this.$axios` / `this.axios` / `Vue.axios`.
  const name = memberName(node);
  return name === 'axios' || name === '$axios';
}

const axiosCall: TransportRecogniser = (context, call) => {
  const callee = unwrap(call.callee);
  const direct = axiosClient(context, callee);
  const member = direct ? undefined : methodCall(call);
  const client = direct ?? (member && axiosClient(context, member.object));
  if (!client) return undefined;
  const verb = member?.method;
  let url: Node | undefined;
  let config: TSESTree.ObjectExpression | undefined;
  let body: Node | undefined;
  if (verb === undefined || verb === 'request') {
    const [first, second] = call.arguments;
    const firstObject = first && context.objectLiteral(first);
    config = firstObject ?? (second && context.objectLiteral(second));
    url = firstObject ? option(firstObject, 'url') : first;
    body = option(config, 'data');
  } else if (NO_BODY_VERBS.has(verb)) {
    url = call.arguments[0];
    config = call.arguments[1] && context.objectLiteral(call.arguments[1]);
  } else if (BODY_VERBS.has(verb)) {
    url = call.arguments[0];
    body = call.arguments[1];
    config = call.arguments[2] && context.objectLiteral(call.arguments[2]);
  } else {
    return undefined;
  }
  if (!url) return undefined;
  const defaults = client.defaults;
  const method =
    verb === undefined || verb === 'request' ? httpMethod(context, option(config, 'method'), 'GET') : verbMethod(verb);
  return {
    node: call,
    library: 'axios',
    via: verb ? `axios.${verb}` : 'axios',
    url,
    baseUrl: option(config, 'baseURL') ?? option(defaults, 'baseURL'),
    method,
    authorization:
      authorizationHeader(context, option(config, 'headers')) ??
      axiosDefaultAuthorization(context, defaults, direct ? callee : member!.object),
    body,
  };
};

/**
 * The Authorization header an axios client sends by default: `axios.create({ headers: { Authorization } })`
 * (also under `common`), or `client.defaults.headers.common.Authorization = ...` anywhere in the file.
 */
function axiosDefaultAuthorization(
  context: FileContext,
  defaults: TSESTree.ObjectExpression | undefined,
  client: Node,
): Node | undefined {
  const headers = option(defaults, 'headers');
  const fromCreate =
    authorizationHeader(context, headers) ??
    authorizationHeader(context, option(headers && context.objectLiteral(headers), 'common'));
  if (fromCreate) return fromCreate;
  const clientKey = holderKey(context, client);
  if (clientKey === undefined) return undefined;
  for (const assignment of context.assignments) {
    if (assignment.operator !== '=' || memberName(assignment.left)?.toLowerCase() !== 'authorization') continue;
    // Down the member chain `<client>.defaults.headers[.common].Authorization` to `<client>`.
    let object: Node = unwrap(assignment.left);
    while (object.type === 'MemberExpression' && memberName(object) !== 'defaults') object = unwrap(object.object);
    if (object.type === 'MemberExpression' && holderKey(context, object.object) === clientKey) return assignment.right;
  }
  return undefined;
}

/** AngularJS `$http(config)`, `$http.get(url, config)`, `$http.patch(url, data, config)` (also `this.$http`, vue-resource). */
const angularJsHttpCall: TransportRecogniser = (context, call) => {
  const callee = calleePath(call.callee);
  if (!callee) return undefined;
  if (callee[callee.length - 1] === '$http') {
    const config = call.arguments[0] && context.objectLiteral(call.arguments[0]);
    const url = option(config, 'url');
    if (!url) return undefined;
    return {
      node: call,
      library: '$http',
      via: '$http',
      url,
      method: httpMethod(context, option(config, 'method'), 'GET'),
      authorization: authorizationHeader(context, option(config, 'headers')),
      // vue-resource's `this.$http` takes the same shapes with `body` for `data`.
      body: option(config, 'data', 'body'),
    };
  }
  if (callee[callee.length - 2] !== '$http') return undefined;
  return verbCall(context, call, '$http', callee[callee.length - 1]!, 'data');
};

/** `client.get(url, config)` / `client.patch(url, body, config)`: the shape `$http` and Angular's HttpClient share. */
function verbCall(
  context: FileContext,
  call: TSESTree.CallExpression,
  library: HttpLibrary,
  verb: string,
  bodyKey: string,
): HttpRequest | undefined {
  const withBody = BODY_VERBS.has(verb);
  if (!withBody && !NO_BODY_VERBS.has(verb)) return undefined;
  const url = call.arguments[0];
  if (!url) return undefined;
  const optionsArgument = call.arguments[withBody ? 2 : 1];
  const options = optionsArgument && requestOptions(context, optionsArgument);
  return {
    node: call,
    library,
    via: `${library}.${verb}`,
    url,
    method: verbMethod(verb),
    authorization: authorizationHeader(context, option(options, 'headers')),
    body: withBody ? call.arguments[1] : option(options, bodyKey),
  };
}

/** An options object, also Angular 2's `new RequestOptions({ headers })`. */
function requestOptions(context: FileContext, node: Node): TSESTree.ObjectExpression | undefined {
  const value = context.resolve(node);
  if (
    value.type === 'NewExpression' &&
    value.callee.type === 'Identifier' &&
    value.callee.name === 'RequestOptions' &&
    value.arguments[0]
  )
    return context.objectLiteral(value.arguments[0]);
  return context.objectLiteral(value);
}

/** Angular `HttpClient` / Angular 2 `Http` / angular2-jwt `AuthHttp`, by the injected member's type or name. */
const angularHttpCall: TransportRecogniser = (context, call) => {
  const target = methodCall(call);
  if (!target) return undefined;
  const library = angularHttpLibrary(context, target.object);
  if (!library) return undefined;
  if (
    target.method === 'request' &&
    call.arguments.length >= 2 &&
    context.staticString(call.arguments[0]!) !== undefined
  ) {
    const options = call.arguments[2] && requestOptions(context, call.arguments[2]);
    return {
      node: call,
      library,
      via: `${library}.request`,
      url: call.arguments[1]!,
      method: httpMethod(context, call.arguments[0], undefined),
      authorization: authorizationHeader(context, option(options, 'headers')),
      body: option(options, 'body'),
    };
  }
  return verbCall(context, call, library, target.method, 'body');
};

const ANGULAR_HTTP_TYPES: Record<string, HttpLibrary> = nameTable({
  HttpClient: 'HttpClient',
  Http: 'HttpClient',
  AuthHttp: 'AuthHttp',
});

/** Which Angular HTTP service a receiver is: by its declared or injected type, else by its conventional name. */
function angularHttpLibrary(context: FileContext, receiver: Node): HttpLibrary | undefined {
  const target = unwrap(receiver);
  const name =
    target.type === 'Identifier'
      ? target.name
      : target.type === 'MemberExpression' && unwrap(target.object).type === 'ThisExpression'
        ? memberName(target)
        : undefined;
  // Node's `http`/`https` modules share the conventional name, not the call shapes.
  if (name === undefined || /^(node:)?https?$/.test(libraryModule(context, target) ?? '')) return undefined;
  const type = injectedType(context, target, name);
  if (type !== undefined) return ANGULAR_HTTP_TYPES[type];
  if (/^_?authHttp$/i.test(name)) return 'AuthHttp';
  return /^_?(http|httpClient)$/i.test(name) ? 'HttpClient' : undefined;
}

/**
 * The type a service is injected as: a parameter `http: HttpClient`, a constructor parameter property
 * `private http: HttpClient`, or a field `http = inject(HttpClient)`.
 */
function injectedType(context: FileContext, receiver: Node, name: string): string | undefined {
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
        calleePath(injected.callee)?.at(-1) === 'inject' &&
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

const JQUERY_METHODS = new Set(['ajax', 'get', 'post', 'getJSON']);

function isJQuery(context: FileContext, node: Node): boolean {
  const module = libraryModule(context, node);
  return (
    module === 'jquery' ||
    module === 'global:$' ||
    module === 'global:jQuery' ||
    module === 'param:$' ||
    module === 'param:jQuery'
  );
}

/** `$.ajax(url?, settings)`, `$.get/post/getJSON(url, data?, success?)` or `(settings)`, also `jQuery.*`. */
const jQueryCall: TransportRecogniser = (context, call) => {
  const target = methodCall(call);
  if (!target || !JQUERY_METHODS.has(target.method) || !isJQuery(context, target.object)) return undefined;
  const [first, second] = call.arguments;
  if (!first) return undefined;
  const firstSettings = context.objectLiteral(first);
  const settings = firstSettings ?? (target.method === 'ajax' && second ? context.objectLiteral(second) : undefined);
  const url = firstSettings ? option(firstSettings, 'url') : first;
  if (!url) return undefined;
  const shorthandData =
    !firstSettings && target.method !== 'ajax' && second && !isFunction(unwrap(second)) ? second : undefined;
  const fallback = target.method === 'ajax' ? 'GET' : verbMethod(target.method);
  return {
    node: call,
    library: 'jQuery',
    via: `$.${target.method}`,
    url,
    method: httpMethod(context, option(settings, 'method', 'type'), fallback),
    authorization:
      authorizationHeader(context, option(settings, 'headers')) ??
      beforeSendAuthorization(context, option(settings, 'beforeSend')),
    body: option(settings, 'data') ?? shorthandData,
  };
};

/** `beforeSend: (xhr) => xhr.setRequestHeader('Authorization', value)`: the value. */
function beforeSendAuthorization(context: FileContext, beforeSend: Node | undefined): Node | undefined {
  const fn = beforeSend && context.functionOf(beforeSend);
  const xhr = fn?.params[0];
  if (!fn || xhr?.type !== 'Identifier') return undefined;
  for (const reference of context.variableOf(xhr)?.references ?? []) {
    const call = reference.identifier.parent?.parent;
    if (
      call?.type === 'CallExpression' &&
      memberName(call.callee) === 'setRequestHeader' &&
      (call.callee as TSESTree.MemberExpression).object === reference.identifier
    ) {
      const value = authorizationArgument(context, call);
      if (value) return value;
    }
  }
  return undefined;
}

const REQUEST_MODULES = new Set([
  'request',
  'request-promise',
  'request-promise-native',
  'request-promise-any',
  'browser-request',
  'global:request',
]);
const SUPERAGENT_MODULES = new Set(['superagent', 'global:superagent']);
const REQUEST_VERBS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);

/** `request(options)`, `request(url, options)`, `request.patch(url | options, ...)` of request / request-promise / browser-request. */
const requestCall: TransportRecogniser = (context, call) => {
  const target = methodCall(call);
  const client = target ? target.object : call.callee;
  if (!REQUEST_MODULES.has(libraryModule(context, client) ?? '') || (target && !REQUEST_VERBS.has(target.method)))
    return undefined;
  const [first, second] = call.arguments;
  if (!first) return undefined;
  const firstOptions = context.objectLiteral(first);
  const options = firstOptions ?? (second && context.objectLiteral(second));
  const url = firstOptions ? option(firstOptions, 'url', 'uri') : first;
  if (!url) return undefined;
  const auth = option(options, 'auth');
  const json = option(options, 'json');
  return {
    node: call,
    library: 'request',
    via: target ? `request.${target.method}` : 'request',
    url,
    baseUrl: option(options, 'baseUrl'),
    method: target ? verbMethod(target.method) : httpMethod(context, option(options, 'method'), 'GET'),
    authorization: authorizationHeader(context, option(options, 'headers')),
    bearer: option(auth && context.objectLiteral(auth), 'bearer'),
    body: option(options, 'body', 'form') ?? (json && context.objectLiteral(json) ? json : undefined),
  };
};

/** superagent `superagent.patch(url).set('Authorization', v).send(body)`, `superagent('PATCH', url)`, a stored chain. */
const superagentCall: TransportRecogniser = (context, call) => {
  const target = methodCall(call);
  const client = target ? target.object : call.callee;
  const module = libraryModule(context, client) ?? '';
  if ((!SUPERAGENT_MODULES.has(module) && module !== 'global:request') || (target && !REQUEST_VERBS.has(target.method)))
    return undefined;
  const chain = callsOn(context, call);
  // A global `request` is superagent when it is used the superagent way.
  if (
    module === 'global:request' &&
    !chain.some((link) => ['set', 'send', 'auth', 'end'].includes(memberName(link.callee) ?? ''))
  )
    return undefined;
  // `superagent(method, url)` or `superagent(url, callback?)`.
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
    if (name === 'set')
      authorization ??= authorizationArgument(context, link) ?? authorizationHeader(context, link.arguments[0]);
    else if (name === 'send') body ??= link.arguments[0];
    else if (name === 'auth' && link.arguments.length >= 2) {
      const settings = context.objectLiteral(link.arguments[1]!);
      if (context.staticString(option(settings, 'type') ?? link)?.toLowerCase() === 'bearer')
        bearer ??= link.arguments[0];
    }
  }
  return {
    node: call,
    library: 'superagent',
    via: target ? `superagent.${target.method}` : 'superagent',
    url,
    method,
    authorization,
    bearer,
    body,
  };
};

/** `xhr.open(method, url)` on a `new XMLHttpRequest()`, with `xhr.setRequestHeader` / `xhr.send` on the same variable. */
const xhrCall: TransportRecogniser = (context, call) => {
  const target = methodCall(call);
  if (target?.method !== 'open' || call.arguments.length < 2) return undefined;
  const xhr = context.resolve(target.object);
  const constructor = xhr.type === 'NewExpression' ? calleePath(xhr.callee) : undefined;
  if (constructor?.[constructor.length - 1] !== 'XMLHttpRequest') return undefined;
  let authorization: Node | undefined;
  let body: Node | undefined;
  for (const other of callsOn(context, xhr)) {
    const name = memberName(other.callee);
    if (name === 'setRequestHeader') authorization ??= authorizationArgument(context, other);
    else if (name === 'send') body ??= other.arguments[0];
  }
  return {
    node: call,
    library: 'XMLHttpRequest',
    via: 'XMLHttpRequest',
    url: call.arguments[1]!,
    method: httpMethod(context, call.arguments[0], undefined),
    authorization,
    body,
  };
};

/** Every transport the recogniser knows; add a library by adding its recogniser here. The first match wins. */
export const TRANSPORTS: readonly TransportRecogniser[] = [
  fetchCall,
  axiosCall,
  angularJsHttpCall,
  jQueryCall,
  superagentCall,
  requestCall,
  xhrCall,
  angularHttpCall,
];

// ---------------------------------------------------------------------------------------------- interceptors

/** A library-level hook that attaches a token to every request of one transport without a visible header. */
interface Interceptor {
  readonly library: HttpLibrary;
  /** The token expression as written (a `tokenGetter`'s return value, a `tokenName` literal, a header value). */
  readonly token: Node;
  readonly provenance: Provenance;
  /**
   * Which requests the hook changes: `auth0` (an Auth0 domain is whitelisted), `other` (a static whitelist without
   * it, or none where the library then skips other origins), `all` (no whitelist), `unknown` (a dynamic whitelist).
   */
  readonly reach: 'auth0' | 'other' | 'all' | 'unknown';
  /** When the file shows no Management call through the library: report for review, or not at all. */
  readonly unseen: 'review' | 'ignore';
}

function recogniseInterceptors(context: FileContext, hosts: Auth0Hosts, tracer: CredentialTracer): Interceptor[] {
  const interceptors: Interceptor[] = [];
  const add = (
    library: HttpLibrary,
    token: Node | undefined,
    provenance: Provenance | undefined,
    reach: Interceptor['reach'],
    unseen: Interceptor['unseen'],
  ): void => {
    if (token && provenance && provenance.kind !== 'unknown')
      interceptors.push({ library, token, provenance, reach, unseen });
  };
  const getter = (node: Node | undefined): { token?: Node; provenance?: Provenance } => {
    const token = node && tokenGetterResult(context, node);
    return { token, provenance: token && tokenProvenance(context, tracer, token) };
  };
  const whitelist = (node: Node | undefined): Interceptor['reach'] | undefined => {
    const list = node && context.resolve(node);
    if (!list) return undefined;
    if (list.type !== 'ArrayExpression') return 'unknown';
    if (
      list.elements.some(
        (element) => element && element.type !== 'SpreadElement' && hosts.isAuth0HostExpression(element),
      )
    )
      return 'auth0';
    return list.elements.every(
      (element) =>
        element &&
        element.type !== 'SpreadElement' &&
        (context.staticString(element) !== undefined || unwrap(element).type === 'Literal'),
    )
      ? 'other'
      : 'unknown';
  };

  // angular2-jwt 0.x: `new AuthConfig({ tokenName | tokenGetter })`, `provideAuth({...})`; AuthHttp sends it everywhere.
  for (const node of [...context.news, ...context.calls]) {
    const name = calleePath(node.callee)?.at(-1);
    if (name !== 'AuthConfig' && name !== 'provideAuth') continue;
    const config = node.arguments[0] && context.objectLiteral(node.arguments[0]);
    const tokenName = option(config, 'tokenName');
    const fromGetter = getter(option(config, 'tokenGetter'));
    if (fromGetter.token) add('AuthHttp', fromGetter.token, fromGetter.provenance, 'all', 'review');
    else if (tokenName) add('AuthHttp', tokenName, storageKeyProvenance(context, tokenName), 'all', 'review');
  }
  for (const call of context.calls) {
    const path = calleePath(call.callee);
    const last = path?.at(-1);
    const owner = path?.at(-2);
    // @auth0/angular-jwt: `JwtModule.forRoot({ config: { tokenGetter, whitelistedDomains | allowedDomains } })`.
    if (owner === 'JwtModule' && last === 'forRoot') {
      const root = call.arguments[0] && context.objectLiteral(call.arguments[0]);
      const configNode = option(root, 'config');
      const config = configNode && context.objectLiteral(configNode);
      const { token, provenance } = getter(option(config, 'tokenGetter'));
      // Without a whitelist entry angular-jwt never sends the token to another origin.
      add(
        'HttpClient',
        token,
        provenance,
        whitelist(option(config, 'allowedDomains', 'whitelistedDomains')) ?? 'other',
        'ignore',
      );
    }
    // AngularJS angular-jwt: `jwtOptionsProvider.config({ tokenGetter, whiteListedDomains })`.
    if (owner === 'jwtOptionsProvider' && last === 'config') {
      const config = call.arguments[0] && context.objectLiteral(call.arguments[0]);
      const { token, provenance } = getter(option(config, 'tokenGetter'));
      add(
        '$http',
        token,
        provenance,
        whitelist(option(config, 'whiteListedDomains', 'whitelistedDomains')) ?? 'all',
        'ignore',
      );
    }
    // `$.ajaxSetup({ headers: { Authorization }, beforeSend })`.
    if (last === 'ajaxSetup' && isJQuery(context, (unwrap(call.callee) as TSESTree.MemberExpression).object)) {
      const settings = call.arguments[0] && context.objectLiteral(call.arguments[0]);
      const header =
        authorizationHeader(context, option(settings, 'headers')) ??
        beforeSendAuthorization(context, option(settings, 'beforeSend'));
      const token = header && bearerOperand(context, header);
      add('jQuery', token, token && tokenProvenance(context, tracer, token), 'all', 'review');
    }
    // axios: `axios.interceptors.request.use((config) => { config.headers.Authorization = ...; return config; })`.
    if (last === 'use' && path!.at(-2) === 'request' && path!.at(-3) === 'interceptors') {
      const header = call.arguments[0] && interceptorHeader(context, call.arguments[0]);
      const token = header && bearerOperand(context, header);
      add('axios', token, token && tokenProvenance(context, tracer, token), 'all', 'review');
    }
  }
  // AngularJS angular-jwt (old API): `jwtInterceptorProvider.tokenGetter = fn | ['dep', fn]`.
  for (const assignment of context.assignments) {
    const path = calleePath(assignment.left);
    if (path?.at(-2) !== 'jwtInterceptorProvider' || path.at(-1) !== 'tokenGetter') continue;
    const { token, provenance } = getter(assignment.right);
    add('$http', token, provenance, 'all', 'ignore');
  }
  return interceptors;
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

/** The Authorization value an axios request interceptor writes on the config it returns. */
function interceptorHeader(context: FileContext, handler: Node): Node | undefined {
  const fn = context.functionOf(handler);
  if (!fn) return undefined;
  const [start, end] = fn.range;
  for (const assignment of context.assignments) {
    if (assignment.range[0] < start || assignment.range[1] > end || assignment.operator !== '=') continue;
    const path = calleePath(assignment.left);
    if (path?.at(-1)?.toLowerCase() === 'authorization' && path.includes('headers')) return assignment.right;
  }
  for (const call of context.calls) {
    if (
      call.range[0] < start ||
      call.range[1] > end ||
      memberName(call.callee) !== 'set' ||
      !calleePath(call.callee)?.includes('headers')
    )
      continue;
    const value = authorizationArgument(context, call);
    if (value) return value;
  }
  return undefined;
}

/**
 * What a token getter's value is. Legacy auth0-angular (v4, `authProvider`) only ever issued ID tokens, and its
 * documented `tokenGetter` reads them back from `store.get('token')`: likely an ID token, never proven.
 */
function tokenProvenance(context: FileContext, tracer: CredentialTracer, token: Node): Provenance {
  const traced = tracer.provenance(token);
  if (traced.kind !== 'unknown' || !isStorageRead(token) || !usesLegacyAuth0Angular(context)) return traced;
  return {
    kind: 'id-token',
    certainty: 'needs-manual',
    source: token,
    description: `${context.source(token)} (auth0-angular v4 stores the ID token)`,
  };
}

function isStorageRead(node: Node): boolean {
  const target = unwrap(node);
  return target.type === 'CallExpression' && ['get', 'getItem'].includes(memberName(target.callee) ?? '');
}

function usesLegacyAuth0Angular(context: FileContext): boolean {
  return context.calls.some((call) => calleePath(call.callee)?.[0] === 'authProvider');
}

/** angular2-jwt reads the token from `localStorage[tokenName]`: the key says what it holds. */
function storageKeyProvenance(context: FileContext, tokenName: Node): Provenance | undefined {
  const key = context.staticString(tokenName);
  const kind = key === undefined ? 'unknown' : kindFromName(key);
  return kind === 'unknown'
    ? undefined
    : { kind, certainty: 'proven', source: tokenName, description: `storage key '${key}'` };
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
      const url = managementUrl(context, hosts, request.url, request.baseUrl);
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
    if (!seen && interceptor.reach !== 'auth0' && interceptor.unseen === 'ignore') continue;
    // Proven only when the hook is shown to reach Auth0: a whitelisted Auth0 domain, or a hook on every request and a Management call through it.
    const proven = interceptor.reach === 'auth0' || (interceptor.reach === 'all' && seen);
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
