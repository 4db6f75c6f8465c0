/**
 * Token requests: every place that configures what a login asks for (response type, audience, scope).
 * Each recogniser below handles one SDK family and returns requests in the shared `TokenRequest` shape.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, hasSpread, memberName, propertyName, unwrap } from './ast';
import type { FileContext } from './file-context';
import { holderKey, sdkEntity, storedAt } from './sdk';
import type { Node, OptionPlacement, OptionValue, TokenRequest, TokenRequestSdk } from './types';

const TOP_LEVEL: Omit<OptionPlacement, 'root'> = { audiencePath: [], scopePath: [], responseTypePath: [], responseTypeKey: 'responseType' };

/** auth0.js WebAuth methods whose first argument carries per-call token options. */
const WEBAUTH_CALLS = new Set(['authorize', 'checkSession', 'renewAuth', 'login', 'oauthToken']);
const WEBAUTH_NESTED_CALLS: Record<string, ReadonlySet<string>> = { popup: new Set(['authorize']), client: new Set(['login', 'oauthToken']), redirect: new Set(['loginWithCredentials']) };

export function recogniseTokenRequests(context: FileContext): TokenRequest[] {
  const requests: TokenRequest[] = [];
  const clients = new Map<string, TokenRequest>();
  for (const node of context.news) {
    const entity = sdkEntity(context, node.callee);
    const request = entity === 'auth0-js.WebAuth' || entity === 'auth0-js.Authentication' ? fromOptions(context, 'auth0.js', node, node.arguments[0], TOP_LEVEL, true)
      : entity === 'auth0-js-v7.Auth0' || entity === 'auth0-js' ? fromOptions(context, 'auth0.js-v7', node, node.arguments[0], TOP_LEVEL, false)
      : undefined;
    if (request) add(request, storedAt(context, node));
  }
  for (const call of context.calls) {
    const entity = sdkEntity(context, call.callee);
    if (entity === 'auth0-js-v7.Auth0') add(fromOptions(context, 'auth0.js-v7', call, call.arguments[0], TOP_LEVEL, false), storedAt(context, call));
  }
  // Per-call options inherit from the client they are called on.
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') continue;
    const method = memberName(callee);
    if (method === undefined) continue;
    let clientNode: Node = callee.object;
    const nested = memberName(clientNode);
    if (nested !== undefined && WEBAUTH_NESTED_CALLS[nested]?.has(method)) clientNode = (unwrap(clientNode) as TSESTree.MemberExpression).object;
    else if (!WEBAUTH_CALLS.has(method)) continue;
    const parent = clients.get(holderKey(context, clientNode) ?? '');
    if (!parent || (parent.sdk !== 'auth0.js' && parent.sdk !== 'auth0.js-v7')) continue;
    const options = call.arguments[0];
    if (!options || !context.objectLiteral(options)) continue;
    requests.push({ ...fromOptions(context, parent.sdk, call, options, TOP_LEVEL, parent.supportsAudience), level: 'call', parent, clientKey: parent.clientKey, domain: parent.domain });
  }
  return requests;

  function add(request: TokenRequest, clientKey: string | undefined): void {
    const withKey = { ...request, clientKey };
    requests.push(withKey);
    if (clientKey) clients.set(clientKey, withKey);
  }
}

/** Builds a request from an options object (an object literal, or a variable that holds one). */
export function fromOptions(
  context: FileContext,
  sdk: TokenRequestSdk,
  node: Node,
  optionsNode: Node | undefined,
  placement: Omit<OptionPlacement, 'root'>,
  supportsAudience: boolean,
): TokenRequest {
  const root = optionsNode && context.objectLiteral(optionsNode);
  const at = (path: readonly string[]): TSESTree.ObjectExpression | undefined => objectAt(context, root, path);
  const option = (path: readonly string[], key: string): OptionValue | undefined => optionValue(context, at(path), key);
  const dynamic = !root || pathObjects(context, root, [placement.audiencePath, placement.scopePath, placement.responseTypePath]).some((object) => hasSpread(object));
  return {
    sdk,
    level: 'client',
    node,
    placement: { ...placement, root },
    responseType: option(placement.responseTypePath, placement.responseTypeKey),
    audience: option(placement.audiencePath, 'audience'),
    scope: option(placement.scopePath, 'scope'),
    domain: root ? findProperty(root, 'domain')?.value : undefined,
    dynamic,
    supportsAudience,
    hasResponseType: true,
  };
}

/** The object literal reached from `root` by a key path, e.g. `auth.params`. */
export function objectAt(context: FileContext, root: TSESTree.ObjectExpression | undefined, path: readonly string[]): TSESTree.ObjectExpression | undefined {
  let current = root;
  for (const key of path) {
    const property = current && findProperty(current, key);
    current = property ? context.objectLiteral(property.value) : undefined;
  }
  return current;
}

function pathObjects(context: FileContext, root: TSESTree.ObjectExpression, paths: readonly (readonly string[])[]): TSESTree.ObjectExpression[] {
  const objects = new Set<TSESTree.ObjectExpression>([root]);
  for (const path of paths) {
    for (let length = 1; length <= path.length; length++) {
      const object = objectAt(context, root, path.slice(0, length));
      if (object) objects.add(object);
    }
  }
  return [...objects];
}

export function optionValue(context: FileContext, object: TSESTree.ObjectExpression | undefined, key: string): OptionValue | undefined {
  const property = object && findProperty(object, key);
  if (!property) return undefined;
  return { node: property, valueNode: property.value, value: context.staticString(property.value) };
}

export function keyOf(property: TSESTree.Property): string | undefined {
  return propertyName(property.key, property.computed);
}
