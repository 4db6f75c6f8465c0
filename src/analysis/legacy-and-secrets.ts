/** ID-token-era APIs with no access-token path, and Management credentials that must never ship to a browser. */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  CLIENT_CREDENTIALS_GRANT,
  CLIENT_CREDENTIALS_METHODS,
  CLIENT_SECRET_KEYS,
  isBundledManagementTokenVariable,
  isExplorerTokenPayload,
  GRANT_TYPE_KEYS,
  isManagementAudience,
  LEGACY_CLIENTS,
  LEGACY_ENDPOINTS,
  LEGACY_METHODS,
  LEGACY_OPTIONS,
  OAUTH_CLIENT_KEYS,
  type LegacyClient,
  type LegacyMethod,
} from '../catalog';
import { inAssertion, memberName, propertyName, unwrap, nameTable } from './ast';
import { CredentialTracer, isJwtText } from './credentials';
import type { FileContext, StringPart } from './file-context';
import type { ManagementClient } from './management-clients';
import type { Auth0Hosts } from './management-urls';
import { creationOf, holderKey, instanceEntity } from './sdk';
import { REQUEST_BODY_KEYS } from './request-bodies';
import type { LegacyApi, Node, SecretUse } from './types';

// Looked up by names from the code: a table without a prototype.
const LEGACY_ENDPOINT_REPLACEMENTS = nameTable(LEGACY_ENDPOINTS);
/** Every legacy method name, to skip other calls before looking at what they are called on. */
const LEGACY_NAMES = new Set(
  [...LEGACY_METHODS, ...LEGACY_CLIENTS.flatMap((client) => client.methods)].map((entry) => entry.method),
);
/** Methods that return another legacy client, so the receiver of a call on their result is that client. */
const DERIVING_METHODS = new Set(
  LEGACY_CLIENTS.flatMap((client) => (client.derived ?? []).map((entry) => entry.method)),
);
/** The methods that subscribe to a client's event, to skip other calls before reading their event name. */
const SUBSCRIBING_METHODS = new Set(LEGACY_CLIENTS.flatMap((client) => client.subscription?.method ?? []));
const LEGACY_PATH = new RegExp(
  `(?:${Object.keys(LEGACY_ENDPOINTS)
    .map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?=$|[?#])`,
);

/**
 * What a legacy method is called on: a catalogued client created, derived or subscribed to in this file, `other` when
 * the file shows it is something else (the class's own method, an instance of another class), `unknown` otherwise.
 */
type Receiver = LegacyClient | 'other' | 'unknown';

/** Legacy endpoints and methods a file calls; `hosts` tells the tenant's `/tokeninfo` from an app's own route. */
export function recogniseLegacyApis(context: FileContext, hosts: Auth0Hosts): LegacyApi[] {
  const found: LegacyApi[] = [];
  const tracer = new CredentialTracer(context, new Map());
  const subscribers = subscribedHolders(context);
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    const method = memberName(callee);
    if (callee.type !== 'MemberExpression' || method === undefined || !LEGACY_NAMES.has(method)) continue;
    const receiver = receiverOf(context, callee.object, subscribers);
    if (receiver === 'other') continue;
    const legacy = legacyMethod(method, receiver);
    const use = legacy && legacyUse(call, legacy, tracer);
    if (use) found.push(use);
  }
  found.push(...legacyUrls(context, hosts));
  for (const { option, replacement } of LEGACY_OPTIONS)
    for (const property of propertiesNamed(context).get(option) ?? []) {
      const value = context.resolve(property.value);
      const isFalse = value.type === 'Literal' && value.value === false;
      found.push({ node: property, api: option, replacement: isFalse ? replacement.whenFalse : replacement.otherwise });
    }
  return found;
}

/** The legacy method a call names: one every client has, else one of the receiver's own. */
function legacyMethod(method: string, receiver: Receiver): LegacyMethod | undefined {
  const ofAnyClient = LEGACY_METHODS.find((entry) => entry.method === method);
  if (ofAnyClient || typeof receiver === 'string') return ofAnyClient;
  return receiver.methods.find((entry) => entry.method === method);
}

/** The finding for a legacy method's call, unless the call does not meet the method's condition (an ID token). */
function legacyUse(
  call: TSESTree.CallExpression,
  legacy: LegacyMethod,
  tracer: CredentialTracer,
): LegacyApi | undefined {
  const { method: api, replacement, when } = legacy;
  if (when === undefined) return { node: call, api, replacement };
  const argument = call.arguments[when.argument];
  const token = argument && tracer.provenance(argument);
  return token?.kind === when.kind ? { node: call, api, replacement, certainty: token.certainty } : undefined;
}

function receiverOf(context: FileContext, receiver: Node, subscribers: ReadonlyMap<string, LegacyClient>): Receiver {
  const target = unwrap(receiver);
  const entity = instanceEntity(context, target);
  if (entity !== undefined) return clientOfEntity(entity) ?? 'unknown';
  if (target.type === 'CallExpression' && DERIVING_METHODS.has(memberName(target.callee) ?? '')) {
    // A client one of its own methods returns (Lock 9's `getClient()` is its bundled auth0.js v6 client).
    const callee = unwrap(target.callee) as TSESTree.MemberExpression;
    const owner = receiverOf(context, callee.object, subscribers);
    const method = memberName(callee);
    const derived = typeof owner === 'string' ? undefined : owner.derived?.find((entry) => entry.method === method);
    return derived?.client ?? 'unknown';
  }
  if (target.type === 'MemberExpression') {
    const parent = instanceEntity(context, target.object);
    const name = memberName(target);
    const member = parent !== undefined && name !== undefined ? `${parent}.${name}` : undefined;
    const client = member && LEGACY_CLIENTS.find((candidate) => candidate.members?.includes(member));
    if (client) return client;
  }
  const subscribed = subscribers.get(holderKey(context, target) ?? '');
  if (subscribed) return subscribed;
  if (target.type === 'ThisExpression' || creationOf(context, target)) return 'other';
  return 'unknown';
}

/** The client an entity's instances are, by the entity itself or by its namespace. */
function clientOfEntity(entity: string): LegacyClient | undefined {
  return LEGACY_CLIENTS.find(
    (client) =>
      client.instancesOf?.includes(entity) ||
      client.namespaces?.some((namespace) => entity.startsWith(`${namespace}.`)),
  );
}

/**
 * Holders the file subscribes to a client's event on (`lock.on('authenticated', cb)`), each with that client: only
 * instances of the client emit it.
 */
function subscribedHolders(context: FileContext): Map<string, LegacyClient> {
  const holders = new Map<string, LegacyClient>();
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    const method = memberName(callee);
    if (callee.type !== 'MemberExpression' || method === undefined || !SUBSCRIBING_METHODS.has(method)) continue;
    const event = context.staticString(call.arguments[0] ?? call);
    const client = LEGACY_CLIENTS.find(
      (candidate) => candidate.subscription?.method === method && candidate.subscription.event === event,
    );
    const key = client && holderKey(context, callee.object);
    if (client && key !== undefined && !holders.has(key)) holders.set(key, client);
  }
  return holders;
}

/** `/tokeninfo`, `/delegation` and `/oauth/ro` URLs whose host is the Auth0 tenant (not an app's own route). */
function legacyUrls(context: FileContext, hosts: Auth0Hosts): LegacyApi[] {
  const found: LegacyApi[] = [];
  const seen = new Set<Node>();
  for (const literal of context.strings) {
    if (!LEGACY_PATH.test(context.source(literal).replace(/['"`]$/, ''))) continue;
    const url = outermostString(literal);
    if (seen.has(url) || inAssertion(url)) continue;
    seen.add(url);
    const path = legacyPathOnAuth0Host(hosts, context.stringParts(url));
    if (path) found.push({ node: url, api: path, replacement: LEGACY_ENDPOINT_REPLACEMENTS[path]! });
  }
  return found;
}

/** The whole string expression a literal is part of: `'https://' + domain + '/tokeninfo'`, `` `${base}/delegation` ``. */
function outermostString(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'BinaryExpression' && parent.operator === '+') current = parent;
    else if (parent?.type === 'TemplateLiteral') current = parent;
    else if (parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression')) current = parent;
    else return current;
  }
}

/** The legacy path the URL hits, when it sits right after an Auth0 host and nothing else: `https://<tenant>/tokeninfo?...`. */
function legacyPathOnAuth0Host(hosts: Auth0Hosts, parts: readonly StringPart[]): string | undefined {
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!('text' in part)) continue;
    const match = LEGACY_PATH.exec(part.text);
    if (!match) continue;
    return hosts.isAuth0Origin([...parts.slice(0, index), { text: part.text.slice(0, match.index) }])
      ? match[0]
      : undefined;
  }
  return undefined;
}

const memo = new WeakMap<FileContext, Map<string, TSESTree.Property[]>>();
/** The keys `propertiesNamed` collects: secrets, grants and legacy options. */
const COLLECTED_KEYS = new Set([
  ...CLIENT_SECRET_KEYS,
  ...GRANT_TYPE_KEYS,
  ...LEGACY_OPTIONS.map((entry) => entry.option),
]);
/** A form-encoded body or query that asks for the client-credentials grant. */
const CLIENT_CREDENTIALS_QUERY = new RegExp(`(^|[?&\\s])grant_type=${CLIENT_CREDENTIALS_GRANT}(&|$)`);

/** Object literal properties with the keys these recognisers look at, wherever the objects are written. */
function propertiesNamed(context: FileContext): Map<string, TSESTree.Property[]> {
  const cached = memo.get(context);
  if (cached) return cached;
  const found = new Map<string, TSESTree.Property[]>();
  for (const property of context.properties) {
    if (property.parent?.type !== 'ObjectExpression') continue;
    const key = propertyName(property.key, property.computed);
    if (key !== undefined && COLLECTED_KEYS.has(key)) found.set(key, [...(found.get(key) ?? []), property]);
  }
  memo.set(context, found);
  return found;
}

export function recogniseSecrets(context: FileContext, clients: readonly ManagementClient[]): SecretUse[] {
  const found: SecretUse[] = [];
  const properties = propertiesNamed(context);
  const clientOptions = new Set(
    clients.map((client) => client.node.arguments[0] && context.objectLiteral(client.node.arguments[0])),
  );
  for (const property of CLIENT_SECRET_KEYS.flatMap((key) => properties.get(key) ?? [])) {
    if (isEmpty(context, property.value)) continue;
    const object = property.parent as TSESTree.ObjectExpression;
    const configuresClient =
      clientOptions.has(object) ||
      object.properties.some(
        (other) =>
          other.type === 'Property' && OAUTH_CLIENT_KEYS.includes(propertyName(other.key, other.computed) ?? ''),
      );
    found.push({ node: property, kind: 'client-secret', certainty: configuresClient ? 'proven' : 'needs-manual' });
  }
  for (const property of GRANT_TYPE_KEYS.flatMap((key) => properties.get(key) ?? [])) {
    if (
      context.staticString(property.value) === CLIENT_CREDENTIALS_GRANT &&
      !sentToOtherHost(context, property.parent as TSESTree.ObjectExpression)
    )
      found.push({ node: property, kind: 'client-credentials-grant' });
  }
  for (const call of context.calls) {
    const method = memberName(call.callee);
    const [key, value] = call.arguments;
    const appendsGrant =
      (method === 'append' || method === 'set') &&
      key &&
      value &&
      context.staticString(key) === 'grant_type' &&
      context.staticString(value) === CLIENT_CREDENTIALS_GRANT;
    if (appendsGrant || (method !== undefined && CLIENT_CREDENTIALS_METHODS.includes(method)))
      found.push({ node: call, kind: 'client-credentials-grant' });
  }
  for (const read of environmentReads(context))
    if (isBundledManagementTokenVariable(read.name)) found.push({ node: read.node, kind: 'management-token' });
  for (const literal of context.strings) {
    const text =
      literal.type === 'Literal' ? literal.value : literal.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
    if (CLIENT_CREDENTIALS_QUERY.test(text)) found.push({ node: literal, kind: 'client-credentials-grant' });
    if (isManagementJwt(text)) found.push({ node: literal, kind: 'management-token' });
  }
  return found;
}

/** Reads of environment variables, `process.env.NAME` and `import.meta.env.NAME`, with the name each reads. */
function environmentReads(context: FileContext): { node: TSESTree.MemberExpression; name: string }[] {
  const envObjects = [
    ...context.globalReferences('process').map((node) => node.parent),
    ...context.metaProperties.map((node) => node.parent),
  ];
  const reads: { node: TSESTree.MemberExpression; name: string }[] = [];
  for (const env of envObjects) {
    if (env?.type !== 'MemberExpression' || memberName(env) !== 'env') continue;
    const read = env.parent;
    const name =
      read?.type === 'MemberExpression' && read.object === env ? propertyName(read.property, read.computed) : undefined;
    if (read?.type === 'MemberExpression' && name !== undefined) reads.push({ node: read, name });
  }
  return reads;
}

/** Wrappers a request body passes through on its way into a transport call. */
const BODY_WRAPPERS = new Set(['stringify', 'URLSearchParams']);

/**
 * Whether a grant body is written inline into a request whose URL is a literal host that is not Auth0's
 * (`fetch('https://accounts.spotify.com/api/token', { body: new URLSearchParams({ grant_type: … }) })`).
 */
function sentToOtherHost(context: FileContext, body: TSESTree.ObjectExpression): boolean {
  let node: Node = body;
  for (let depth = 0; depth < 4 && node.parent; depth++) {
    const parent: Node = node.parent;
    if (
      (parent.type === 'CallExpression' || parent.type === 'NewExpression') &&
      BODY_WRAPPERS.has(calleeName(parent.callee) ?? '')
    )
      node = parent;
    else if (
      parent.type === 'Property' &&
      parent.value === node &&
      REQUEST_BODY_KEYS.includes(propertyName(parent.key, parent.computed) ?? '')
    )
      node = parent.parent!;
    else if (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const url = parent.arguments[0] && context.staticString(parent.arguments[0]);
      const host = url === undefined ? undefined : /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1];
      return host !== undefined && !/(^|\.)auth0(app)?\.com$/i.test(host);
    } else return false;
  }
  return false;
}

function calleeName(callee: Node): string | undefined {
  const target = unwrap(callee);
  return target.type === 'Identifier' ? target.name : memberName(target);
}

function isEmpty(context: FileContext, value: Node): boolean {
  const target = unwrap(value);
  return (
    context.staticString(target) === '' ||
    (target.type === 'Literal' && target.value === null) ||
    (target.type === 'Identifier' && target.name === 'undefined')
  );
}

/**
 * A JWT whose payload shows it is a Management token: its audience is the Management API (`https://<tenant>/api/v2/`),
 * or it lists Management resources the way the API v2 explorer's pasted tokens do.
 */
function isManagementJwt(text: string): boolean {
  const token = text.replace(/^\s*bearer\s+/i, '');
  if (!isJwtText(token)) return false;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return (
      audiences.some((audience) => typeof audience === 'string' && isManagementAudience(audience)) ||
      isExplorerTokenPayload(payload)
    );
  } catch {
    return false;
  }
}
