/** Scope vocabularies: what a browser may hold, what it never may, and what every tool keeps as written. */

/** OIDC scopes: not Management scopes, always kept. */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'offline_access', 'address', 'phone'];

/** The seven scopes a public client (SPA/native) can be granted for the Management API (seeds 000, 002). */
export const CURRENT_USER_SCOPES: readonly string[] = [
  'read:current_user',
  'update:current_user_identities',
  'create:current_user_metadata',
  'update:current_user_metadata',
  'delete:current_user_metadata',
  'create:current_user_device_credentials',
  'delete:current_user_device_credentials',
];

/**
 * Management API scopes a browser can never hold (they act on any user or on the tenant). Matching is by exact
 * name or by the `verb:resource` shape with a Management resource, so every tenant-wide scope is covered.
 */
export const ANY_USER_SCOPES: readonly string[] = [
  'read:users',
  'update:users',
  'delete:users',
  'create:users',
  'read:users_app_metadata',
  'update:users_app_metadata',
  'delete:users_app_metadata',
  'create:users_app_metadata',
  'read:user_idp_tokens',
  'read:device_credentials',
  'create:device_credentials',
  'update:device_credentials',
  'delete:device_credentials',
  'read:roles',
  'create:roles',
  'update:roles',
  'delete:roles',
  'read:role_members',
  'create:role_members',
  'delete:role_members',
  'read:logs',
  'read:logs_users',
  'read:clients',
  'create:clients',
  'update:clients',
  'delete:clients',
  'read:client_grants',
  'read:connections',
  'create:connections',
  'update:connections',
  'delete:connections',
  'read:organizations',
  'read:organization_members',
  'read:resource_servers',
  'read:authentication_methods',
  'create:user_tickets',
  'read:grants',
  'delete:grants',
  'read:stats',
  'read:tenant_settings',
  'update:tenant_settings',
];

/** Order in which derived current-user scopes are written: the order of the seed table. */
export function compareCurrentUserScopes(a: string, b: string): number {
  return CURRENT_USER_SCOPES.indexOf(a) - CURRENT_USER_SCOPES.indexOf(b);
}

export function isCurrentUserScope(scope: string): boolean {
  return CURRENT_USER_SCOPES.includes(scope);
}

export function isAnyUserScope(scope: string): boolean {
  return ANY_USER_SCOPES.includes(scope);
}

export function isOidcScope(scope: string): boolean {
  return OIDC_SCOPES.includes(scope);
}
