/**
 * Management API calls through SDK clients: auth0.js `new auth0.Management({ domain, token })`, node-auth0
 * `new ManagementClient({ domain, token })` (v2-v6) and react-native-auth0 `auth0.users(token)`, with every
 * catalogued method called on them, wherever the client is kept (variable, alias, class field, getter, factory).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, findSdkMethod, MANAGEMENT_SDKS, type ManagementSdk } from '../catalog';
import { findProperty, memberName, propertyName, returnedValues, unwrap, nameTable } from './ast';
import { calledFunction, type CredentialTracer } from './credentials';
import type { FileContext } from './file-context';
import { backendOnlyReasonFor } from './request-bodies';
import { assignmentsTo } from './holder-writes';
import { creationOf, holderKey, instanceEntity, sdkEntity, storedAt } from './sdk';
import type { CredentialUse, ManagementCall, Node } from './types';

export interface ManagementClient {
  readonly sdk: ManagementSdk;
  /** The expression that creates the client: `new auth0.Management(...)`, `new ManagementClient(...)`, `auth0.users(token)`. */
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The place that holds it (variable, `this.x`, class field or getter), when there is one. */
  readonly key?: string;
  readonly domain?: Node;
  readonly credential?: CredentialUse;
  /** node-auth0 with `clientId` + `clientSecret`: a machine-to-machine client, the correct server-side shape. */
  readonly machineToMachine: boolean;
}

/** The SDKs whose clients are constructed, by the entity constructed, each with its token option. */
const CONSTRUCTED = nameTable(
  Object.fromEntries(
    MANAGEMENT_SDKS.flatMap((descriptor) => {
      const { creation } = descriptor;
      return creation.kind === 'constructor' ? [[creation.entity, { descriptor, creation }] as const] : [];
    }),
  ),
);
const LABELS = Object.fromEntries(MANAGEMENT_SDKS.map((descriptor) => [descriptor.sdk, descriptor.label])) as Record<
  ManagementSdk,
  string
>;
const MAX_DEPTH = 6;

export function recogniseManagementClients(context: FileContext, tracer: CredentialTracer): ManagementClient[] {
  const clients: ManagementClient[] = [];
  for (const node of context.news) {
    const entity = sdkEntity(context, node.callee);
    const constructed = entity === undefined ? undefined : CONSTRUCTED[entity];
    if (!constructed) continue;
    const { descriptor, creation } = constructed;
    const options = node.arguments[0] && context.objectLiteral(node.arguments[0]);
    const token = options && findProperty(options, creation.tokenOption);
    clients.push({
      sdk: descriptor.sdk,
      node,
      key: storedAt(context, node),
      domain: options && findProperty(options, descriptor.domainOption)?.value,
      credential: token
        ? { site: 'management-client', node: token.value, provenance: tracer.suppliedProvenance(token.value) }
        : undefined,
      machineToMachine:
        !!options && !token && (descriptor.machineToMachineOptions ?? []).some((name) => !!findProperty(options, name)),
    });
  }
  // A client an SDK instance's method returns for a token: react-native-auth0 `new Auth0({ domain }).users(token)`.
  for (const descriptor of MANAGEMENT_SDKS) {
    const { creation } = descriptor;
    if (creation.kind !== 'instance-method') continue;
    for (const call of context.calls) {
      const callee = unwrap(call.callee);
      const token = call.arguments[creation.tokenArgument];
      if (callee.type !== 'MemberExpression' || memberName(callee) !== creation.method || !token) continue;
      if (instanceEntity(context, callee.object) !== creation.instanceOf) continue;
      const instance = creationOf(context, callee.object);
      const options = instance?.arguments[0] && context.objectLiteral(instance.arguments[0]);
      clients.push({
        sdk: descriptor.sdk,
        node: call,
        key: storedAt(context, call),
        domain: options && findProperty(options, descriptor.domainOption)?.value,
        credential: { site: 'management-client', node: token, provenance: tracer.provenance(token) },
        machineToMachine: false,
      });
    }
  }
  return clients;
}

/** Calls of catalogued methods on the clients: `mgmt.getUser(id, cb)`, `management.users.identities.link(...)`. */
export function recogniseClientCalls(context: FileContext, clients: readonly ManagementClient[]): ManagementCall[] {
  if (clients.length === 0) return [];
  const finder = new ClientFinder(context, clients);
  const calls: ManagementCall[] = [];
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') continue;
    const found = finder.methodOnClient(callee);
    if (!found) continue;
    const name = found.path.join('.');
    const method = findSdkMethod(found.client.sdk, name);
    if (!method) continue;
    const endpoint = findEndpoint(method.method, method.path);
    const body = method.bodyArgument !== undefined ? call.arguments[method.bodyArgument] : undefined;
    const backendOnlyReason = method.backendOnly
      ? `\`${name}\` changes app_metadata, which no current-user token may do`
      : body && endpoint && backendOnlyReasonFor(context, endpoint, body);
    calls.push({
      node: call,
      via: `${LABELS[found.client.sdk]}#${name}`,
      method: method.method,
      path: method.path,
      endpoint,
      backendOnlyReason: backendOnlyReason || undefined,
      credential: found.client.credential,
      machineToMachine: found.client.machineToMachine,
    });
  }
  return calls;
}

/** Finds the client a call is made on, wherever the file keeps it. */
class ClientFinder {
  constructor(
    private readonly context: FileContext,
    private readonly clients: readonly ManagementClient[],
  ) {}

  /** Splits `a.b.users.get` into the client it is called on and the method path after it. */
  methodOnClient(callee: TSESTree.MemberExpression): { client: ManagementClient; path: string[] } | undefined {
    const path: string[] = [];
    let current: Node = callee;
    while (current.type === 'MemberExpression') {
      const name = propertyName(current.property, current.computed);
      if (name === undefined) return undefined;
      path.unshift(name);
      const object = unwrap(current.object);
      const client = this.clientAt(object, 0);
      if (client) return { client, path };
      current = object;
    }
    return undefined;
  }

  /**
   * The client an expression holds: the creating expression itself, an alias of it, a holder it is stored in
   * (`this.mgmt`, a getter, `this.mgmt = makeClient(token)`), or what a factory returns (`await makeClient(token)`).
   */
  private clientAt(node: Node, depth: number): ManagementClient | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = this.context.resolve(node);
    if (target.type === 'AwaitExpression') return this.clientAt(target.argument, depth + 1);
    const direct = this.clients.find((client) => client.node === target);
    if (direct) return direct;
    if (target.type === 'CallExpression') {
      const factory = calledFunction(this.context, target.callee);
      for (const value of factory ? returnedValues(factory) : []) {
        const returned = this.clientAt(value, depth + 1);
        if (returned) return returned;
      }
    }
    const key = holderKey(this.context, target);
    if (key === undefined) return undefined;
    const stored = this.clients.find((client) => client.key === key);
    if (stored) return stored;
    for (const { right: value } of assignmentsTo(this.context, key)) {
      if (value === target) continue;
      const assigned = this.clientAt(value, depth + 1);
      if (assigned) return assigned;
    }
    return undefined;
  }
}
