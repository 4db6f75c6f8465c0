/**
 * Management API calls through SDK clients: auth0.js `new auth0.Management({ domain, token })` and node-auth0
 * `new ManagementClient({ domain, token })`, with every catalogued method called on them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, findSdkMethod, type ManagementSdk } from '../catalog';
import { findProperty, propertyName, unwrap } from './ast';
import type { CredentialTracer } from './credentials';
import type { FileContext } from './file-context';
import { backendOnlyBodyReason } from './request-bodies';
import { holderKey, sdkEntity, storedAt } from './sdk';
import type { CredentialUse, ManagementCall, Node } from './types';

export interface ManagementClient {
  readonly sdk: ManagementSdk;
  readonly node: TSESTree.NewExpression;
  readonly key?: string;
  readonly domain?: Node;
  readonly credential?: CredentialUse;
  /** node-auth0 with `clientId` + `clientSecret`: a machine-to-machine client, the correct server-side shape. */
  readonly machineToMachine: boolean;
}

const CLIENT_ENTITIES: Record<string, ManagementSdk> = {
  'auth0-js.Management': 'auth0.js',
  'auth0.ManagementClient': 'node-auth0',
};

export function recogniseManagementClients(context: FileContext, tracer: CredentialTracer): ManagementClient[] {
  const clients: ManagementClient[] = [];
  for (const node of context.news) {
    const entity = sdkEntity(context, node.callee);
    const sdk = entity && CLIENT_ENTITIES[entity];
    if (!sdk) continue;
    const options = node.arguments[0] && context.objectLiteral(node.arguments[0]);
    const token = options && findProperty(options, 'token');
    clients.push({
      sdk,
      node,
      key: storedAt(context, node),
      domain: options && findProperty(options, 'domain')?.value,
      credential: token ? { site: 'management-client', node: token.value, provenance: tracer.provenance(token.value) } : undefined,
      machineToMachine: !!options && !!findProperty(options, 'clientSecret') && !token,
    });
  }
  return clients;
}

/** Calls of catalogued methods on the clients: `mgmt.getUser(id, cb)`, `management.users.identities.link(...)`. */
export function recogniseClientCalls(context: FileContext, clients: readonly ManagementClient[]): ManagementCall[] {
  if (clients.length === 0) return [];
  const calls: ManagementCall[] = [];
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') continue;
    const found = clientOf(context, callee, clients);
    if (!found) continue;
    const method = findSdkMethod(found.client.sdk, found.path.join('.'));
    if (!method) continue;
    const body = method.bodyArgument !== undefined ? call.arguments[method.bodyArgument] : undefined;
    const backendOnlyReason = method.backendOnly
      ? `\`${found.path.join('.')}\` changes app_metadata, which no current-user token may do`
      : body && backendOnlyBodyReason(context, body);
    calls.push({
      node: call,
      via: `${found.client.sdk === 'auth0.js' ? 'auth0.js Management' : 'node-auth0 ManagementClient'}#${found.path.join('.')}`,
      method: method.method,
      path: method.path,
      endpoint: findEndpoint(method.method, method.path),
      backendOnlyReason: backendOnlyReason || undefined,
      credential: found.client.credential,
    });
  }
  return calls;
}

/** Splits `a.b.users.get` into the client it is called on and the method path after it. */
function clientOf(context: FileContext, callee: TSESTree.MemberExpression, clients: readonly ManagementClient[]): { client: ManagementClient; path: string[] } | undefined {
  const path: string[] = [];
  let current: Node = callee;
  while (current.type === 'MemberExpression') {
    const name = propertyName(current.property, current.computed);
    if (name === undefined) return undefined;
    path.unshift(name);
    const object = unwrap(current.object);
    const direct = object.type === 'NewExpression' ? clients.find((client) => client.node === object) : undefined;
    const key = direct ? undefined : holderKey(context, object);
    const client = direct ?? (key !== undefined ? clients.find((candidate) => candidate.key === key) : undefined);
    if (client) return { client, path };
    current = object;
  }
  return undefined;
}
