/** PATCH bodies: a current-user token may change `user_metadata` only; anything else needs a backend token. */
import type { TSESTree } from '@typescript-eslint/utils';
import { CURRENT_USER_PATCHABLE_KEYS, type ManagementEndpoint } from '../catalog';
import { propertyName, unwrap } from './ast';
import type { FileContext } from './file-context';
import type { Node } from './types';

/**
 * Why a user PATCH body cannot be sent with a current-user token (root attributes or app_metadata), or
 * `undefined` when the body is proven to hold only `user_metadata` or cannot be read statically.
 */
export function backendOnlyBodyReason(context: FileContext, body: Node): string | undefined {
  const object = bodyObject(context, body);
  if (!object) return undefined;
  const keys = object.properties
    .map((property) => (property.type === 'Property' ? propertyName(property.key, property.computed) : undefined))
    .filter((key): key is string => key !== undefined);
  const forbidden = keys.filter((key) => !CURRENT_USER_PATCHABLE_KEYS.includes(key));
  if (forbidden.length === 0) return undefined;
  return `the body changes ${forbidden.map((key) => `\`${key}\``).join(', ')}; a current-user token may only change \`user_metadata\``;
}

/**
 * Why an account-linking body (POST users/{id}/identities) needs a backend token: it names the secondary account
 * by `provider` + `user_id`, which only `update:users` allows; a current-user token must send `link_with`.
 */
export function backendOnlyLinkReason(context: FileContext, body: Node): string | undefined {
  const object = bodyObject(context, body);
  if (!object) return undefined;
  const keys = new Set(object.properties.map((property) => (property.type === 'Property' ? propertyName(property.key, property.computed) : undefined)));
  if (keys.has('link_with') || (!keys.has('provider') && !keys.has('user_id'))) return undefined;
  return 'the body names the secondary account by `provider`/`user_id`; a current-user token may only link with its ID token in `link_with`';
}

/** Why a request body makes a current-user endpoint backend-only: a PATCH beyond `user_metadata`, a link without `link_with`. */
export function backendOnlyReasonFor(context: FileContext, endpoint: ManagementEndpoint, body: Node): string | undefined {
  if (endpoint.method === 'PATCH') return backendOnlyBodyReason(context, body);
  if (endpoint.method === 'POST' && endpoint.path === 'users/{id}/identities') return backendOnlyLinkReason(context, body);
  return undefined;
}

/** The object literal a body expression sends, looking through `JSON.stringify(...)`. */
function bodyObject(context: FileContext, body: Node): TSESTree.ObjectExpression | undefined {
  const target = unwrap(body);
  if (target.type === 'CallExpression' && target.callee.type === 'MemberExpression' && propertyName(target.callee.property, target.callee.computed) === 'stringify' && target.arguments[0]) {
    return bodyObject(context, target.arguments[0]);
  }
  const object = context.objectLiteral(target);
  return object && !object.properties.some((property) => property.type === 'SpreadElement') ? object : undefined;
}
