/** ID-token-era APIs with no access-token path, and Management credentials that must never ship to a browser. */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  GET_PROFILE_WITH_ID_TOKEN,
  isManagementAudience,
  LEGACY_CLIENT_METHODS,
  LEGACY_ENDPOINTS,
  LEGACY_METHODS,
  V7_LEGACY_METHODS,
} from '../catalog';
import { inAssertion, memberName, propertyName, unwrap, nameTable } from './ast';
import { CredentialTracer, isJwtText } from './credentials';
import type { FileContext, StringPart } from './file-context';
import type { ManagementClient } from './management-clients';
import type { Auth0Hosts } from './management-urls';
import { creationOf, holderKey, instanceEntity } from './sdk';
import type { LegacyApi, Node, SecretUse } from './types';

// Looked up by names from the code: tables without a prototype.
const LEGACY_METHOD_REPLACEMENTS = nameTable(LEGACY_METHODS);
const V7_METHOD_REPLACEMENTS = nameTable(V7_LEGACY_METHODS);
const LEGACY_ENDPOINT_REPLACEMENTS = nameTable(LEGACY_ENDPOINTS);
/** Every method name above, to skip other calls before looking at what they are called on. */
const LEGACY_NAMES = new Set([
  ...Object.keys(LEGACY_METHODS),
  ...Object.keys(V7_LEGACY_METHODS),
  ...LEGACY_CLIENT_METHODS.map((entry) => entry.method),
]);
const LEGACY_PATH = new RegExp(
  `(?:${Object.keys(LEGACY_ENDPOINTS)
    .map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?=$|[?#])`,
);
const LOCK = /^auth0-lock\./;
const V7_CLIENTS = new Set(['auth0-js-v7.Auth0', 'auth0-js']);

type ReceiverKind = 'lock' | 'auth0-js-v7' | 'authentication' | 'node-tokens' | 'node-oauth' | 'other' | 'unknown';

/** Legacy endpoints and methods a file calls; `hosts` tells the tenant's `/tokeninfo` from an app's own route. */
export function recogniseLegacyApis(context: FileContext, hosts: Auth0Hosts): LegacyApi[] {
  const found: LegacyApi[] = [];
  const tracer = new CredentialTracer(context, new Map());
  const lockEmitters = authenticatedEmitters(context);
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    const method = memberName(callee);
    if (callee.type !== 'MemberExpression' || method === undefined || !LEGACY_NAMES.has(method)) continue;
    const receiver = receiverKind(context, callee.object, lockEmitters);
    if (receiver === 'other') continue;
    const legacy = LEGACY_METHOD_REPLACEMENTS[method];
    if (legacy !== undefined) found.push({ node: call, api: method, replacement: legacy });
    else if (receiver === 'auth0-js-v7' && method in V7_METHOD_REPLACEMENTS)
      found.push({ node: call, api: method, replacement: V7_METHOD_REPLACEMENTS[method]! });
    else if (receiver === 'lock' && method === 'getProfile') {
      // Lock 9/10 send an ID token to /tokeninfo; Lock 11's `getProfile(accessToken)` is `getUserInfo` under another name.
      const token = call.arguments[0] && tracer.provenance(call.arguments[0]);
      if (token?.kind === 'id-token')
        found.push({
          node: call,
          api: 'getProfile',
          replacement: GET_PROFILE_WITH_ID_TOKEN,
          certainty: token.certainty,
        });
    } else {
      const entry = LEGACY_CLIENT_METHODS.find(
        (candidate) => candidate.receiver === receiver && candidate.method === method,
      );
      if (entry) found.push({ node: call, api: method, replacement: entry.replacement });
    }
  }
  found.push(...legacyUrls(context, hosts));
  for (const property of propertiesNamed(context).get('callbackOnLocationHash') ?? []) {
    const value = context.resolve(property.value);
    const replacement =
      value.type === 'Literal' && value.value === false ? "responseType: 'code'" : "responseType: 'token id_token'";
    found.push({ node: property, api: 'callbackOnLocationHash', replacement });
  }
  return found;
}

/**
 * What a legacy method is called on: an Auth0 client created or subscribed to in this file, `other` when the file
 * shows it is something else (the class's own method, an instance of another class), `unknown` otherwise.
 */
function receiverKind(context: FileContext, receiver: Node, lockEmitters: ReadonlySet<string>): ReceiverKind {
  const target = unwrap(receiver);
  const entity = instanceEntity(context, target);
  if (entity !== undefined) {
    if (LOCK.test(entity)) return 'lock';
    if (V7_CLIENTS.has(entity)) return 'auth0-js-v7';
    if (entity === 'auth0-js.Authentication') return 'authentication';
    return 'unknown';
  }
  if (target.type === 'CallExpression' && memberName(target.callee) === 'getClient') {
    // Lock 9's `getClient()` is its bundled auth0.js v6 client.
    const lock = unwrap(target.callee) as TSESTree.MemberExpression;
    return receiverKind(context, lock.object, lockEmitters) === 'lock' ? 'auth0-js-v7' : 'unknown';
  }
  if (target.type === 'MemberExpression') {
    const parent = instanceEntity(context, target.object);
    const name = memberName(target);
    if (parent === 'auth0-js.WebAuth' && name === 'client') return 'authentication';
    if (parent === 'auth0.AuthenticationClient' && name === 'tokens') return 'node-tokens';
    if (parent === 'auth0.AuthenticationClient' && name === 'oauth') return 'node-oauth';
  }
  if (lockEmitters.has(holderKey(context, target) ?? '')) return 'lock';
  if (target.type === 'ThisExpression' || creationOf(context, target)) return 'other';
  return 'unknown';
}

/** Holders the file subscribes to Lock's `authenticated` event on (`lock.on('authenticated', cb)`): Lock instances. */
function authenticatedEmitters(context: FileContext): Set<string> {
  const emitters = new Set<string>();
  for (const call of context.calls) {
    const callee = unwrap(call.callee);
    if (
      callee.type !== 'MemberExpression' ||
      memberName(callee) !== 'on' ||
      context.staticString(call.arguments[0] ?? call) !== 'authenticated'
    )
      continue;
    const key = holderKey(context, callee.object);
    if (key !== undefined) emitters.add(key);
  }
  return emitters;
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
const SECRET_KEYS = ['clientSecret', 'client_secret', 'grant_type', 'grantType', 'callbackOnLocationHash'];
/** Keys whose presence next to a secret shows the object is an OAuth client configuration or token request. */
const OAUTH_KEYS = ['client_id', 'clientId', 'clientID', 'grant_type', 'grantType', 'audience', 'domain'];

/** Object literal properties with the keys these recognisers look at, wherever the objects are written. */
function propertiesNamed(context: FileContext): Map<string, TSESTree.Property[]> {
  const cached = memo.get(context);
  if (cached) return cached;
  const found = new Map<string, TSESTree.Property[]>();
  for (const property of context.properties) {
    if (property.parent?.type !== 'ObjectExpression') continue;
    const key = propertyName(property.key, property.computed);
    if (key !== undefined && SECRET_KEYS.includes(key)) found.set(key, [...(found.get(key) ?? []), property]);
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
  for (const property of [...(properties.get('clientSecret') ?? []), ...(properties.get('client_secret') ?? [])]) {
    if (isEmpty(context, property.value)) continue;
    const object = property.parent as TSESTree.ObjectExpression;
    const configuresClient =
      clientOptions.has(object) ||
      object.properties.some(
        (other) => other.type === 'Property' && OAUTH_KEYS.includes(propertyName(other.key, other.computed) ?? ''),
      );
    found.push({ node: property, kind: 'client-secret', certainty: configuresClient ? 'proven' : 'needs-manual' });
  }
  for (const property of [...(properties.get('grant_type') ?? []), ...(properties.get('grantType') ?? [])]) {
    if (
      context.staticString(property.value) === 'client_credentials' &&
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
      context.staticString(value) === 'client_credentials';
    if (appendsGrant || method === 'clientCredentialsGrant')
      found.push({ node: call, kind: 'client-credentials-grant' });
  }
  for (const literal of context.strings) {
    const text =
      literal.type === 'Literal' ? literal.value : literal.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
    if (/(^|[?&\s])grant_type=client_credentials(&|$)/.test(text))
      found.push({ node: literal, kind: 'client-credentials-grant' });
    if (isManagementJwt(text)) found.push({ node: literal, kind: 'management-token' });
  }
  return found;
}

/** Wrappers a request body passes through on its way into a transport call. */
const BODY_WRAPPERS = new Set(['stringify', 'URLSearchParams']);
const BODY_KEYS = new Set(['body', 'data', 'form', 'json']);

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
      BODY_KEYS.has(propertyName(parent.key, parent.computed) ?? '')
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

/** A JWT whose payload names the Management API as its audience (`https://<tenant>/api/v2/`). */
function isManagementJwt(text: string): boolean {
  const token = text.replace(/^\s*bearer\s+/i, '');
  if (!isJwtText(token)) return false;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { aud?: unknown };
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return audiences.some((audience) => typeof audience === 'string' && isManagementAudience(audience));
  } catch {
    return false;
  }
}
