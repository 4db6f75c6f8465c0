/**
 * SDK methods that call the Management API, mapped to the endpoint they hit (method + path template under
 * `/api/v2/`). Keyed by the member path called on the client, e.g. `users.identities.link`.
 * `secondaryIdTokenArgument` marks the argument that legitimately carries the secondary account's ID token
 * (account linking), which no rule may treat as a credential.
 */
import type { HttpMethod } from './endpoints';

/** auth0.js `Management`, node-auth0 `ManagementClient`, react-native-auth0 `auth0.users(token)`. */
export type ManagementSdk = 'auth0.js' | 'node-auth0' | 'react-native-auth0';

/** A method of a Management SDK's client, with the endpoint it calls. */
export interface ManagementMethod {
  /** Member path on the client instance. */
  readonly call: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** Index of the argument carrying the secondary account's ID token (allowed by Auth0), if any. */
  readonly secondaryIdTokenArgument?: number;
  /**
   * Index of the argument holding a request body whose content decides whether a current-user token may send it:
   * a user PATCH beyond `user_metadata`, or a link naming `provider`/`user_id` instead of `link_with`, needs a backend.
   */
  readonly bodyArgument?: number;
  /** The whole call needs a backend token whatever its arguments (e.g. app_metadata updates). */
  readonly backendOnly?: boolean;
  /** Versions that have this name, for messages and docs. */
  readonly versions: string;
}

/** A method with the SDK whose client has it: a row of `SDK_METHODS`. */
export interface SdkMethod extends ManagementMethod {
  readonly sdk: ManagementSdk;
}

const AUTH0_JS = 'auth0.js v8+';

/** auth0.js `new auth0.Management({ domain, token })`: exactly four methods. */
export const AUTH0_JS_MANAGEMENT_METHODS: readonly ManagementMethod[] = [
  { call: 'getUser', method: 'GET', path: 'users/{id}', versions: AUTH0_JS },
  { call: 'patchUserMetadata', method: 'PATCH', path: 'users/{id}', versions: AUTH0_JS },
  {
    call: 'patchUserAttributes',
    method: 'PATCH',
    path: 'users/{id}',
    bodyArgument: 1,
    versions: 'auth0.js v9.11+',
  },
  {
    call: 'linkUser',
    method: 'POST',
    path: 'users/{id}/identities',
    secondaryIdTokenArgument: 1,
    versions: AUTH0_JS,
  },
];

/** node-auth0 `ManagementClient` (v2-v6): the v2/v3 wrappers and the managers. */
export const NODE_AUTH0_MANAGEMENT_METHODS: readonly ManagementMethod[] = [
  { call: 'getUser', method: 'GET', path: 'users/{id}', versions: 'node-auth0 v2/v3' },
  { call: 'users.get', method: 'GET', path: 'users/{id}', versions: 'node-auth0 v2-v6' },
  {
    call: 'updateUser',
    method: 'PATCH',
    path: 'users/{id}',
    bodyArgument: 1,
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'users.update',
    method: 'PATCH',
    path: 'users/{id}',
    bodyArgument: 1,
    versions: 'node-auth0 v2-v6',
  },
  { call: 'updateUserMetadata', method: 'PATCH', path: 'users/{id}', versions: 'node-auth0 v2/v3' },
  {
    call: 'users.updateUserMetadata',
    method: 'PATCH',
    path: 'users/{id}',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'updateAppMetadata',
    method: 'PATCH',
    path: 'users/{id}',
    backendOnly: true,
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'users.updateAppMetadata',
    method: 'PATCH',
    path: 'users/{id}',
    backendOnly: true,
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'linkUsers',
    method: 'POST',
    path: 'users/{id}/identities',
    bodyArgument: 1,
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'users.link',
    method: 'POST',
    path: 'users/{id}/identities',
    bodyArgument: 1,
    versions: 'node-auth0 v2-v4',
  },
  {
    call: 'users.identities.link',
    method: 'POST',
    path: 'users/{id}/identities',
    bodyArgument: 1,
    versions: 'node-auth0 v5/v6',
  },
  {
    call: 'unlinkUsers',
    method: 'DELETE',
    path: 'users/{id}/identities/{provider}/{user_id}',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'users.unlink',
    method: 'DELETE',
    path: 'users/{id}/identities/{provider}/{user_id}',
    versions: 'node-auth0 v2-v4',
  },
  {
    call: 'users.identities.delete',
    method: 'DELETE',
    path: 'users/{id}/identities/{provider}/{user_id}',
    versions: 'node-auth0 v5/v6',
  },
  {
    call: 'getGuardianEnrollments',
    method: 'GET',
    path: 'users/{id}/enrollments',
    versions: 'node-auth0 v2.7+/v3',
  },
  {
    call: 'users.getGuardianEnrollments',
    method: 'GET',
    path: 'users/{id}/enrollments',
    versions: 'node-auth0 v2/v3 (v4 guide)',
  },
  {
    call: 'users.getEnrollments',
    method: 'GET',
    path: 'users/{id}/enrollments',
    versions: 'node-auth0 v4',
  },
  {
    call: 'users.enrollments.get',
    method: 'GET',
    path: 'users/{id}/enrollments',
    versions: 'node-auth0 v5/v6',
  },
  {
    call: 'deleteUserMultifactor',
    method: 'DELETE',
    path: 'users/{id}/multifactor/{provider}',
    versions: 'node-auth0 v2.10+/v3',
  },
  {
    call: 'deleteUserMultifcator',
    method: 'DELETE',
    path: 'users/{id}/multifactor/{provider}',
    versions: 'node-auth0 v2/v3 (historical typo)',
  },
  {
    call: 'users.deleteMultifactorProvider',
    method: 'DELETE',
    path: 'users/{id}/multifactor/{provider}',
    versions: 'node-auth0 v2-v4',
  },
  {
    call: 'users.multifactor.deleteProvider',
    method: 'DELETE',
    path: 'users/{id}/multifactor/{provider}',
    versions: 'node-auth0 v5/v6',
  },
  {
    call: 'createDevicePublicKey',
    method: 'POST',
    path: 'device-credentials',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'deviceCredentials.createPublicKey',
    method: 'POST',
    path: 'device-credentials',
    versions: 'node-auth0 v2-v6',
  },
  {
    call: 'deleteDeviceCredential',
    method: 'DELETE',
    path: 'device-credentials/{id}',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'deviceCredentials.delete',
    method: 'DELETE',
    path: 'device-credentials/{id}',
    versions: 'node-auth0 v2-v6',
  },
  // Backend-only calls often made with the wrong token.
  { call: 'getUsers', method: 'GET', path: 'users', versions: 'node-auth0 v2/v3' },
  { call: 'users.getAll', method: 'GET', path: 'users', versions: 'node-auth0 v2-v4' },
  { call: 'users.list', method: 'GET', path: 'users', versions: 'node-auth0 v5/v6' },
  { call: 'getUsersByEmail', method: 'GET', path: 'users-by-email', versions: 'node-auth0 v2/v3' },
  { call: 'users.getByEmail', method: 'GET', path: 'users-by-email', versions: 'node-auth0 v2-v4' },
  {
    call: 'usersByEmail.getByEmail',
    method: 'GET',
    path: 'users-by-email',
    versions: 'node-auth0 v4-v6',
  },
  { call: 'createUser', method: 'POST', path: 'users', versions: 'node-auth0 v2/v3' },
  { call: 'users.create', method: 'POST', path: 'users', versions: 'node-auth0 v2-v6' },
  { call: 'deleteUser', method: 'DELETE', path: 'users/{id}', versions: 'node-auth0 v2/v3' },
  { call: 'users.delete', method: 'DELETE', path: 'users/{id}', versions: 'node-auth0 v2-v6' },
  { call: 'getUserRoles', method: 'GET', path: 'users/{id}/roles', versions: 'node-auth0 v2/v3' },
  { call: 'users.getRoles', method: 'GET', path: 'users/{id}/roles', versions: 'node-auth0 v2-v4' },
  {
    call: 'users.roles.list',
    method: 'GET',
    path: 'users/{id}/roles',
    versions: 'node-auth0 v5/v6',
  },
  {
    call: 'getUserPermissions',
    method: 'GET',
    path: 'users/{id}/permissions',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'users.getPermissions',
    method: 'GET',
    path: 'users/{id}/permissions',
    versions: 'node-auth0 v2-v4',
  },
  { call: 'getUserLogs', method: 'GET', path: 'users/{id}/logs', versions: 'node-auth0 v2/v3' },
  {
    call: 'getDeviceCredentials',
    method: 'GET',
    path: 'device-credentials',
    versions: 'node-auth0 v2/v3',
  },
  {
    call: 'deviceCredentials.getAll',
    method: 'GET',
    path: 'device-credentials',
    versions: 'node-auth0 v2-v4',
  },
  {
    call: 'deviceCredentials.list',
    method: 'GET',
    path: 'device-credentials',
    versions: 'node-auth0 v5/v6',
  },
];

/** react-native-auth0 `auth0.users(token)`: `patchUser` always sends `{ user_metadata }`. */
export const REACT_NATIVE_AUTH0_MANAGEMENT_METHODS: readonly ManagementMethod[] = [
  { call: 'getUser', method: 'GET', path: 'users/{id}', versions: 'react-native-auth0' },
  { call: 'patchUser', method: 'PATCH', path: 'users/{id}', versions: 'react-native-auth0' },
];
