/**
 * The SDK method catalog against the reference (auth0-api-surface.md §1.5 auth0.js Management, §5 node-auth0
 * v2-v6, §6/§10 react-native-auth0): every method it names maps to the endpoint it names.
 */
import { describe, expect, it } from 'vitest';
import { findEndpoint, findSdkMethod, SDK_METHODS, type HttpMethod, type ManagementSdk } from '../src/catalog';

type Row = readonly [sdk: ManagementSdk, call: string, method: HttpMethod, path: string];

const USER = 'users/{id}';
const IDENTITIES = 'users/{id}/identities';
const IDENTITY = 'users/{id}/identities/{provider}/{user_id}';
const ENROLLMENTS = 'users/{id}/enrollments';
const MULTIFACTOR = 'users/{id}/multifactor/{provider}';
const DEVICE_CREDENTIALS = 'device-credentials';
const DEVICE_CREDENTIAL = 'device-credentials/{id}';

/** §1.5: auth0.js `Management` has exactly these four methods. */
const AUTH0_JS: readonly Row[] = [
  ['auth0.js', 'getUser', 'GET', USER],
  ['auth0.js', 'patchUserMetadata', 'PATCH', USER],
  ['auth0.js', 'patchUserAttributes', 'PATCH', USER],
  ['auth0.js', 'linkUser', 'POST', IDENTITIES],
];

/** §5.2 (v2/v3 wrappers and managers), §5.3 (v4), §5.4 (v5/v6), §10 (list methods). */
const NODE_AUTH0: readonly Row[] = [
  ['node-auth0', 'getUser', 'GET', USER],
  ['node-auth0', 'users.get', 'GET', USER],
  ['node-auth0', 'updateUser', 'PATCH', USER],
  ['node-auth0', 'users.update', 'PATCH', USER],
  ['node-auth0', 'updateUserMetadata', 'PATCH', USER],
  ['node-auth0', 'users.updateUserMetadata', 'PATCH', USER],
  ['node-auth0', 'updateAppMetadata', 'PATCH', USER],
  ['node-auth0', 'users.updateAppMetadata', 'PATCH', USER],
  ['node-auth0', 'linkUsers', 'POST', IDENTITIES],
  ['node-auth0', 'users.link', 'POST', IDENTITIES],
  ['node-auth0', 'users.identities.link', 'POST', IDENTITIES],
  ['node-auth0', 'unlinkUsers', 'DELETE', IDENTITY],
  ['node-auth0', 'users.unlink', 'DELETE', IDENTITY],
  ['node-auth0', 'users.identities.delete', 'DELETE', IDENTITY],
  ['node-auth0', 'getGuardianEnrollments', 'GET', ENROLLMENTS],
  ['node-auth0', 'users.getGuardianEnrollments', 'GET', ENROLLMENTS],
  ['node-auth0', 'users.getEnrollments', 'GET', ENROLLMENTS],
  ['node-auth0', 'users.enrollments.get', 'GET', ENROLLMENTS],
  ['node-auth0', 'deleteUserMultifactor', 'DELETE', MULTIFACTOR],
  ['node-auth0', 'deleteUserMultifcator', 'DELETE', MULTIFACTOR],
  ['node-auth0', 'users.deleteMultifactorProvider', 'DELETE', MULTIFACTOR],
  ['node-auth0', 'users.multifactor.deleteProvider', 'DELETE', MULTIFACTOR],
  ['node-auth0', 'createDevicePublicKey', 'POST', DEVICE_CREDENTIALS],
  ['node-auth0', 'deviceCredentials.createPublicKey', 'POST', DEVICE_CREDENTIALS],
  ['node-auth0', 'deleteDeviceCredential', 'DELETE', DEVICE_CREDENTIAL],
  ['node-auth0', 'deviceCredentials.delete', 'DELETE', DEVICE_CREDENTIAL],
  ['node-auth0', 'getDeviceCredentials', 'GET', DEVICE_CREDENTIALS],
  ['node-auth0', 'deviceCredentials.getAll', 'GET', DEVICE_CREDENTIALS],
  ['node-auth0', 'deviceCredentials.list', 'GET', DEVICE_CREDENTIALS],
];

/** §6 / §10: `auth0.users(token).getUser({ id })` and `.patchUser({ id, metadata })`. */
const REACT_NATIVE: readonly Row[] = [
  ['react-native-auth0', 'getUser', 'GET', USER],
  ['react-native-auth0', 'patchUser', 'PATCH', USER],
];

describe('SDK method catalog', () => {
  it.each([...AUTH0_JS, ...NODE_AUTH0, ...REACT_NATIVE])('%s %s -> %s /api/v2/%s', (sdk, call, method, path) => {
    expect(findSdkMethod(sdk, call)).toMatchObject({ method, path });
  });

  it('has exactly the four auth0.js Management methods', () => {
    expect(SDK_METHODS.filter((entry) => entry.sdk === 'auth0.js').map((entry) => entry.call)).toEqual(
      AUTH0_JS.map(([, call]) => call),
    );
  });

  it('maps every method to a catalogued endpoint', () => {
    for (const entry of SDK_METHODS)
      expect(findEndpoint(entry.method, entry.path), `${entry.sdk} ${entry.call}`).toBeDefined();
  });

  it("marks linkUser's second argument as the secondary account's ID token, and no other argument anywhere", () => {
    expect(
      SDK_METHODS.filter((entry) => entry.secondaryIdTokenArgument !== undefined).map((entry) => [
        entry.sdk,
        entry.call,
        entry.secondaryIdTokenArgument,
      ]),
    ).toEqual([['auth0.js', 'linkUser', 1]]);
  });

  it('inspects the bodies of user updates and links, and treats app_metadata updates as backend only', () => {
    expect(findSdkMethod('auth0.js', 'patchUserAttributes')?.bodyArgument).toBe(1);
    expect(findSdkMethod('auth0.js', 'patchUserMetadata')?.bodyArgument).toBeUndefined();
    expect(findSdkMethod('auth0.js', 'linkUser')?.bodyArgument).toBeUndefined();
    for (const call of ['updateUser', 'users.update', 'linkUsers', 'users.link', 'users.identities.link'])
      expect(findSdkMethod('node-auth0', call)?.bodyArgument).toBe(1);
    for (const call of ['updateAppMetadata', 'users.updateAppMetadata'])
      expect(findSdkMethod('node-auth0', call)?.backendOnly).toBe(true);
  });

  it('has no duplicate entries', () => {
    const keys = SDK_METHODS.map((entry) => `${entry.sdk} ${entry.call}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
