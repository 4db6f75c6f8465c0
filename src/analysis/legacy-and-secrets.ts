/** ID-token-era APIs with no access-token path, and Management credentials that must never ship to a browser. */
import type { TSESTree } from '@typescript-eslint/utils';
import { calleePath, memberName, propertyName } from './ast';
import type { FileContext } from './file-context';
import type { ManagementClient } from './management-clients';
import { sdkEntity } from './sdk';
import type { LegacyApi, SecretUse } from './types';

/** Methods that only exist in the ID-token era, keyed by name, with what replaces them. */
const LEGACY_METHODS: Record<string, string> = {
  getDelegationToken: 'checkSession({ audience, scope }) or getTokenSilently({ audience, scope }) for an access token',
  renewIdToken: 'checkSession({ responseType: "token id_token" }) to renew both tokens',
};
/** Legacy endpoints by path suffix, with what replaces them. */
const LEGACY_ENDPOINTS: Record<string, string> = {
  '/tokeninfo': '/userinfo with the access token (getUserInfo / userInfo)',
  '/delegation': 'an access token for the API from /authorize or /oauth/token',
  '/oauth/ro': '/oauth/token with grant_type password (or password-realm) and an audience',
};
const JWT_LITERAL = /^eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+$/;

export function recogniseLegacyApis(context: FileContext): LegacyApi[] {
  const found: LegacyApi[] = [];
  for (const call of context.calls) {
    const method = memberName(call.callee);
    if (method === undefined) continue;
    const replacement = LEGACY_METHODS[method];
    if (replacement) found.push({ node: call, api: method, replacement });
    // auth0.js v7 `refreshToken(rt, cb)` and `getProfile(idToken, cb)` go through /delegation and /tokeninfo.
    const client = (call.callee as TSESTree.MemberExpression).object;
    if ((method === 'refreshToken' || method === 'getProfile') && isV7Client(context, client)) {
      found.push({ node: call, api: method, replacement: method === 'getProfile' ? 'userInfo(accessToken) (/userinfo)' : 'checkSession or a refresh-token grant on /oauth/token' });
    }
  }
  for (const literal of context.strings) {
    const text = context.source(literal);
    for (const [path, replacement] of Object.entries(LEGACY_ENDPOINTS)) {
      if (new RegExp(`${path.replace(/\//g, '\\/')}(['"\`?]|$)`).test(text) && /auth0|https?:|\$\{|^['"`]\//i.test(text)) found.push({ node: literal, api: path, replacement });
    }
  }
  for (const object of objectProperties(context, 'callbackOnLocationHash')) {
    found.push({ node: object, api: 'callbackOnLocationHash', replacement: "responseType: 'token id_token'" });
  }
  return found;
}

function isV7Client(context: FileContext, client: TSESTree.Node): boolean {
  const path = calleePath(client);
  if (!path) return false;
  let target: TSESTree.Node = client;
  if (target.type === 'Identifier') {
    const binding = context.binding(target);
    if (binding.kind !== 'value') return false;
    target = binding.node;
  }
  return (target.type === 'NewExpression' || target.type === 'CallExpression') && ['auth0-js-v7.Auth0', 'auth0-js'].includes(sdkEntity(context, target.callee) ?? '');
}

function objectProperties(context: FileContext, key: string): TSESTree.Property[] {
  const found: TSESTree.Property[] = [];
  for (const node of [...context.news, ...context.calls]) {
    for (const argument of node.arguments) {
      if (argument.type !== 'ObjectExpression') continue;
      for (const property of argument.properties) if (property.type === 'Property' && propertyName(property.key, property.computed) === key) found.push(property);
    }
  }
  return found;
}

export function recogniseSecrets(context: FileContext, clients: readonly ManagementClient[]): SecretUse[] {
  const found: SecretUse[] = [];
  for (const property of [...objectProperties(context, 'clientSecret'), ...objectProperties(context, 'client_secret')]) found.push({ node: property, kind: 'client-secret' });
  for (const property of objectProperties(context, 'grant_type')) {
    if (context.staticString(property.value) === 'client_credentials') found.push({ node: property, kind: 'client-credentials-grant' });
  }
  for (const client of clients) {
    const token = client.credential?.node;
    if (token && JWT_LITERAL.test(context.staticString(token) ?? '')) found.push({ node: token, kind: 'management-token' });
  }
  return found;
}
