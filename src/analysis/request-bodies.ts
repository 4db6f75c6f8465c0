/**
 * Request bodies: the object a body sends, and what in it needs a backend token (a current-user token may change
 * `user_metadata` only, and link accounts only through `link_with`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { CURRENT_USER_PATCHABLE_KEYS, type ManagementEndpoint } from '../catalog';
import { calleePath, hasSpread, memberName, propertyName } from './ast';
import type { FileContext } from './file-context';
import type { Node } from './types';

/** Keys of a transport's options object that carry the request body (`fetch`'s `body`, axios' `data`, …). */
export const REQUEST_BODY_KEYS: readonly string[] = ['body', 'data', 'form', 'json'];

/**
 * Why a user PATCH body cannot be sent with a current-user token (root attributes or app_metadata), or
 * `undefined` when the body is proven to hold only `user_metadata` or cannot be read statically.
 */
export function backendOnlyBodyReason(context: FileContext, body: Node): string | undefined {
  const object = bodyObject(context, body);
  if (!object || hasSpread(object)) return undefined;
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
  if (!object || hasSpread(object)) return undefined;
  const keys = new Set(
    object.properties.map((property) =>
      property.type === 'Property' ? propertyName(property.key, property.computed) : undefined,
    ),
  );
  if (keys.has('link_with') || (!keys.has('provider') && !keys.has('user_id'))) return undefined;
  return 'the body names the secondary account by `provider`/`user_id`; a current-user token may only link with its ID token in `link_with`';
}

/** Why a request body makes a current-user endpoint backend-only: a PATCH beyond `user_metadata`, a link without `link_with`. */
export function backendOnlyReasonFor(
  context: FileContext,
  endpoint: ManagementEndpoint,
  body: Node,
): string | undefined {
  if (endpoint.method === 'PATCH') return backendOnlyBodyReason(context, body);
  if (endpoint.method === 'POST' && endpoint.path === 'users/{id}/identities')
    return backendOnlyLinkReason(context, body);
  return undefined;
}

/**
 * The object literal a request body sends, looking through `JSON.stringify(...)` and `new URLSearchParams(...)` (a
 * form body names the same keys) and through the variables that hold any of them.
 */
export function bodyObject(context: FileContext, body: Node): TSESTree.ObjectExpression | undefined {
  const target = context.resolve(body);
  if ((target.type === 'CallExpression' || target.type === 'NewExpression') && target.arguments[0]) {
    const name = target.type === 'NewExpression' ? calleePath(target.callee)?.join('.') : memberName(target.callee);
    if (name === 'stringify' || name === 'URLSearchParams') return bodyObject(context, target.arguments[0]);
  }
  return context.objectLiteral(target);
}
