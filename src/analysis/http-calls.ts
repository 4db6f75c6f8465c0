/**
 * Raw HTTP calls to the Management API. Each transport recogniser reads one library's call shapes into an
 * `HttpRequest` (URL, method, Authorization value, body); the shared code below turns those into Management calls.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, type HttpMethod } from '../catalog';
import { calleePath, findProperty, propertyName, unwrap } from './ast';
import { bearerOperand, type CredentialTracer } from './credentials';
import type { FileContext } from './file-context';
import { managementUrl, type Auth0Hosts } from './management-urls';
import { backendOnlyBodyReason } from './request-bodies';
import type { ManagementCall, Node } from './types';

/** One HTTP request as a transport library expresses it. */
export interface HttpRequest {
  readonly node: Node;
  readonly via: string;
  readonly url: Node;
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

export function httpMethod(context: FileContext, node: Node | undefined, fallback: HttpMethod | undefined): HttpMethod | undefined {
  if (!node) return fallback;
  const value = context.staticString(node)?.toUpperCase();
  return value !== undefined && METHODS.has(value as HttpMethod) ? (value as HttpMethod) : undefined;
}

/** The Authorization value in a headers object literal (any key casing), a `new Headers({...})`, or a Headers variable. */
export function authorizationHeader(context: FileContext, headers: Node | undefined): Node | undefined {
  if (!headers) return undefined;
  const target = context.resolve(headers);
  const object = target.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'Headers' && target.arguments[0]
    ? context.objectLiteral(target.arguments[0])
    : context.objectLiteral(target);
  const property = object?.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === 'Property' && propertyName(candidate.key, candidate.computed)?.toLowerCase() === 'authorization',
  );
  if (property) return property.value;
  return headerSetOn(context, headers);
}

/** `headers.append('Authorization', value)` / `.set(...)` on a Headers variable. */
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
    if ((method === 'append' || method === 'set') && context.staticString(call.arguments[0] ?? call)?.toLowerCase() === 'authorization') return call.arguments[1];
  }
  return undefined;
}

const fetchCall: TransportRecogniser = (context, call) => {
  const path = calleePath(call.callee);
  if (!path || path[path.length - 1] !== 'fetch' || !(path.length === 1 || ['window', 'globalThis', 'self'].includes(path[0]!))) return undefined;
  const [url, init] = call.arguments;
  if (!url) return undefined;
  const options = init && context.objectLiteral(init);
  return {
    node: call,
    via: 'fetch',
    url,
    method: httpMethod(context, options && findProperty(options, 'method')?.value, 'GET'),
    authorization: authorizationHeader(context, options && findProperty(options, 'headers')?.value),
    body: options && findProperty(options, 'body')?.value,
  };
};

/** Every transport the recogniser knows; add a library by adding its recogniser here. */
export const TRANSPORTS: readonly TransportRecogniser[] = [fetchCall];

export function recogniseHttpCalls(context: FileContext, hosts: Auth0Hosts, tracer: CredentialTracer): ManagementCall[] {
  const calls: ManagementCall[] = [];
  for (const call of context.calls) {
    for (const transport of TRANSPORTS) {
      const request = transport(context, call);
      if (!request) continue;
      const url = managementUrl(context, hosts, request.url);
      if (url) calls.push(toManagementCall(context, tracer, request, url.path));
      break;
    }
  }
  return calls;
}

function toManagementCall(context: FileContext, tracer: CredentialTracer, request: HttpRequest, path: string | undefined): ManagementCall {
  const endpoint = request.method && path !== undefined ? findEndpoint(request.method, path) : undefined;
  const token = request.bearer ?? (request.authorization && bearerOperand(context, request.authorization));
  const bodyReason = endpoint && request.method === 'PATCH' && request.body ? backendOnlyBodyReason(context, request.body) : undefined;
  return {
    node: request.node,
    via: request.via,
    method: request.method,
    path: endpoint?.path ?? path,
    endpoint,
    backendOnlyReason: bodyReason,
    credential: token ? { site: request.bearer ? 'auth-bearer' : 'bearer-header', node: token, provenance: tracer.provenance(token) } : undefined,
  };
}
