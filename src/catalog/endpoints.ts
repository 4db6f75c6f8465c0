/**
 * Management API v2 endpoints as plain data: the seed matrix (current-user scope vs any-user scope) plus the
 * endpoints no current-user token can ever call. Paths are templates relative to `/api/v2/`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ManagementEndpoint {
  readonly method: HttpMethod;
  /** Path template under `/api/v2/`, e.g. `users/{id}/identities/{provider}/{user_id}`. */
  readonly path: string;
  /** The least-privileged scope a browser (current-user) token needs; `undefined` when no such token can call it. */
  readonly currentUserScope?: string;
  /** The scope a machine-to-machine token needs for any user. */
  readonly anyUserScope: string;
  /** Why a browser token cannot call it, or a caveat on the current-user route. */
  readonly note?: string;
}

/** An endpoint no current-user token can call: only a backend with a machine-to-machine token can `action`. */
function backendOnly(method: HttpMethod, path: string, anyUserScope: string, action: string): ManagementEndpoint {
  return { method, path, anyUserScope, note: `Only a backend with a machine-to-machine token can ${action}.` };
}

export const MANAGEMENT_ENDPOINTS: readonly ManagementEndpoint[] = [
  {
    method: 'GET',
    path: 'users/{id}',
    currentUserScope: 'read:current_user',
    anyUserScope: 'read:users',
    note: '`{id}` must be the token `sub`.',
  },
  { method: 'GET', path: 'users/{id}/enrollments', currentUserScope: 'read:current_user', anyUserScope: 'read:users' },
  {
    method: 'POST',
    path: 'users/{id}/identities',
    currentUserScope: 'update:current_user_identities',
    anyUserScope: 'update:users',
    note: 'The body may only carry the secondary account ID token as `link_with`.',
  },
  {
    method: 'DELETE',
    path: 'users/{id}/identities/{provider}/{user_id}',
    currentUserScope: 'update:current_user_identities',
    anyUserScope: 'update:users',
  },
  {
    method: 'PATCH',
    path: 'users/{id}',
    currentUserScope: 'update:current_user_metadata',
    anyUserScope: 'update:users',
    note: 'A current-user token may only change `user_metadata`.',
  },
  {
    method: 'DELETE',
    path: 'users/{id}/multifactor/{provider}',
    currentUserScope: 'delete:current_user_metadata',
    anyUserScope: 'update:users',
  },
  {
    method: 'POST',
    path: 'device-credentials',
    currentUserScope: 'create:current_user_device_credentials',
    anyUserScope: 'create:device_credentials',
  },
  {
    method: 'DELETE',
    path: 'device-credentials/{id}',
    currentUserScope: 'delete:current_user_device_credentials',
    anyUserScope: 'delete:device_credentials',
  },

  // Backend only: list/search, create/delete, roles, permissions, logs... (seed 004: needs a backend with an M2M token).
  {
    method: 'GET',
    path: 'users',
    anyUserScope: 'read:users',
    note: 'Listing and searching users needs a backend with a machine-to-machine token.',
  },
  {
    method: 'POST',
    path: 'users',
    anyUserScope: 'create:users',
    note: 'Creating users needs a backend with a machine-to-machine token.',
  },
  {
    method: 'DELETE',
    path: 'users/{id}',
    anyUserScope: 'delete:users',
    note: 'Deleting users needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users-by-email',
    anyUserScope: 'read:users',
    note: 'Looking users up by email needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users/{id}/roles',
    anyUserScope: 'read:roles read:users',
    note: 'Reading roles needs a backend with a machine-to-machine token.',
  },
  {
    method: 'POST',
    path: 'users/{id}/roles',
    anyUserScope: 'create:role_members',
    note: 'Assigning roles needs a backend with a machine-to-machine token.',
  },
  {
    method: 'DELETE',
    path: 'users/{id}/roles',
    anyUserScope: 'delete:role_members',
    note: 'Removing roles needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users/{id}/permissions',
    anyUserScope: 'read:users',
    note: 'Reading permissions needs a backend with a machine-to-machine token.',
  },
  {
    method: 'POST',
    path: 'users/{id}/permissions',
    anyUserScope: 'update:users',
    note: 'Assigning permissions needs a backend with a machine-to-machine token.',
  },
  {
    method: 'DELETE',
    path: 'users/{id}/permissions',
    anyUserScope: 'update:users',
    note: 'Removing permissions needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users/{id}/logs',
    anyUserScope: 'read:logs read:logs_users',
    note: 'Reading logs needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users/{id}/organizations',
    anyUserScope: 'read:organizations',
    note: 'Reading organizations needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'users/{id}/authentication-methods',
    anyUserScope: 'read:authentication_methods',
    note: 'Authentication methods need a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'device-credentials',
    anyUserScope: 'read:device_credentials',
    note: 'Listing device credentials needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'logs',
    anyUserScope: 'read:logs',
    note: 'Reading logs needs a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'roles',
    anyUserScope: 'read:roles',
    note: 'Roles need a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'clients',
    anyUserScope: 'read:clients',
    note: 'Clients need a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'connections',
    anyUserScope: 'read:connections',
    note: 'Connections need a backend with a machine-to-machine token.',
  },
  {
    method: 'GET',
    path: 'organizations',
    anyUserScope: 'read:organizations',
    note: 'Organizations need a backend with a machine-to-machine token.',
  },
  // Admin consoles: what a dashboard built in the browser calls to manage connections, roles and applications.
  backendOnly('POST', 'connections', 'create:connections', 'create connections'),
  backendOnly('GET', 'connections/{id}', 'read:connections', 'read connections'),
  backendOnly('PATCH', 'connections/{id}', 'update:connections', 'change connections'),
  backendOnly('DELETE', 'connections/{id}', 'delete:connections', 'delete connections'),
  backendOnly('POST', 'roles', 'create:roles', 'create roles'),
  backendOnly('GET', 'roles/{id}', 'read:roles', 'read roles'),
  backendOnly('PATCH', 'roles/{id}', 'update:roles', 'change roles'),
  backendOnly('DELETE', 'roles/{id}', 'delete:roles', 'delete roles'),
  backendOnly('GET', 'roles/{id}/users', 'read:role_members', 'list role members'),
  backendOnly('POST', 'roles/{id}/users', 'create:role_members', 'assign roles'),
  backendOnly('GET', 'roles/{id}/permissions', 'read:roles', 'read role permissions'),
  backendOnly('POST', 'roles/{id}/permissions', 'update:roles', 'change role permissions'),
  backendOnly('DELETE', 'roles/{id}/permissions', 'update:roles', 'change role permissions'),
  backendOnly('POST', 'clients', 'create:clients', 'create applications'),
  backendOnly('GET', 'clients/{id}', 'read:clients', 'read applications'),
  backendOnly('PATCH', 'clients/{id}', 'update:clients', 'change applications'),
  backendOnly('DELETE', 'clients/{id}', 'delete:clients', 'delete applications'),
  backendOnly('GET', 'organizations/{id}', 'read:organizations', 'read organizations'),
  backendOnly('GET', 'organizations/{id}/members', 'read:organization_members', 'list organization members'),
  backendOnly('GET', 'client-grants', 'read:client_grants', 'read client grants'),
  backendOnly('GET', 'grants', 'read:grants', 'read grants'),
  backendOnly('GET', 'resource-servers', 'read:resource_servers', 'read the APIs'),
  backendOnly('GET', 'stats/active-users', 'read:stats', 'read statistics'),
  backendOnly('GET', 'tenants/settings', 'read:tenant_settings', 'read tenant settings'),
  backendOnly('PATCH', 'tenants/settings', 'update:tenant_settings', 'change tenant settings'),
  backendOnly('POST', 'jobs/users-imports', 'create:users', 'import users'),
  backendOnly('POST', 'jobs/users-exports', 'read:users', 'export users'),
  backendOnly('POST', 'users/{id}/recovery-code-regeneration', 'update:users', 'regenerate recovery codes'),
  {
    method: 'POST',
    path: 'tickets/password-change',
    anyUserScope: 'create:user_tickets',
    note: 'Tickets need a backend with a machine-to-machine token.',
  },
  {
    method: 'POST',
    path: 'tickets/email-verification',
    anyUserScope: 'create:user_tickets',
    note: 'Tickets need a backend with a machine-to-machine token.',
  },
  {
    method: 'POST',
    path: 'jobs/verification-email',
    anyUserScope: 'update:users',
    note: 'Jobs need a backend with a machine-to-machine token.',
  },
];

/**
 * PATCH users/{id} bodies: a current-user token may only change `user_metadata`; `app_metadata` and root attributes
 * (email, name, picture, blocked, ...) need `update:users` on a backend.
 */
export const CURRENT_USER_PATCHABLE_KEYS: readonly string[] = ['user_metadata'];
