/** Management SDK clients and their method calls: every import form, every place a client is kept, every SDK generation. */
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { CredentialTracer } from '../../src/analysis/credentials';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { recogniseClientCalls, recogniseManagementClients } from '../../src/analysis/management-clients';

function recognise(code: string) {
  const program = parse(code, { range: true, loc: true, jsx: true }) as TSESTree.Program;
  const context = new FileContext(
    program,
    code,
    analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
  );
  const clients = recogniseManagementClients(context, new CredentialTracer(context, new Map()));
  return {
    clients: clients.map((client) => ({
      sdk: client.sdk,
      token: client.credential?.provenance.kind,
      machineToMachine: client.machineToMachine,
    })),
    calls: recogniseClientCalls(context, clients).map((call) => ({
      via: call.via,
      endpoint: `${call.method} ${call.path}`,
      ...(call.backendOnlyReason ? { backendOnly: true } : {}),
    })),
  };
}

const getUser = (via: string) => [{ via, endpoint: 'GET users/{id}' }];

describe('auth0.js Management', () => {
  it.each([
    ['the CDN global', 'const m = new auth0.Management({ domain, token });\nm.getUser(id, cb);'],
    [
      'a default import',
      "import auth0 from 'auth0-js';\nconst m = new auth0.Management({ domain, token });\nm.getUser(id, cb);",
    ],
    [
      'a namespace import',
      "import * as auth0 from 'auth0-js';\nconst m = new auth0.Management({ domain, token });\nm.getUser(id, cb);",
    ],
    [
      'a named import with an alias',
      "import { Management as M } from 'auth0-js';\nconst m = new M({ domain, token });\nm.getUser(id, cb);",
    ],
    [
      'the ESM build',
      "import { Management } from 'auth0-js/dist/auth0.min.esm';\nnew Management({ domain, token }).getUser(id, cb);",
    ],
    [
      'require with destructuring',
      "const { Management } = require('auth0-js');\nconst m = new Management({ domain, token });\nm.getUser(id, cb);",
    ],
    ['an inline require', "const m = new (require('auth0-js').Management)({ domain, token });\nm.getUser(id, cb);"],
    [
      'an alias of the constructor and of the client',
      'const M = auth0.Management;\nconst m = new M({ domain, token });\nconst same = m;\nsame.getUser(id, cb);',
    ],
    [
      'an options object in a constant',
      'const options = { domain, token };\nconst m = new auth0.Management(options);\nm.getUser(id, cb);',
    ],
    [
      'a let assigned later',
      'let m;\nfunction init(token) { m = new auth0.Management({ domain, token }); }\nfunction load() { m.getUser(id, cb); }',
    ],
    ['a class field', 'class A { m = new auth0.Management({ domain, token }); load() { this.m.getUser(id, cb); } }'],
    [
      'this.x set in the constructor',
      'class A { constructor(token) { this.m = new auth0.Management({ domain, token }); } load() { this.m.getUser(id, cb); } }',
    ],
    [
      'a getter',
      'class A { get m() { return new auth0.Management({ domain, token: this.token }); } load() { this.m.getUser(id, cb); } }',
    ],
    [
      'a factory function',
      'function client(token) { return new auth0.Management({ domain, token }); }\nclient(t).getUser(id, cb);',
    ],
    [
      'a factory method stored in a field',
      'class A { make(token) { return new auth0.Management({ domain, token }); } init(t) { this.m = this.make(t); } load() { this.m.getUser(id, cb); } }',
    ],
    [
      'an awaited async factory',
      'const client = async (token) => new auth0.Management({ domain, token });\nasync function load() { (await client(t)).getUser(id, cb); }',
    ],
  ])('is recognised through %s', (_name, code) => {
    expect(recognise(code).calls).toEqual(getUser('auth0.js Management#getUser'));
  });

  it('maps its four methods; linkUser is POST identities whatever its second argument holds', () => {
    const { calls } = recognise(`
const m = new auth0.Management({ domain, token: authResult.accessToken });
m.getUser(id, cb);
m.patchUserMetadata(id, { theme: 'dark' }, cb);
m.patchUserAttributes(id, { user_metadata: { theme: 'dark' } }, cb);
m.linkUser(id, secondary.idToken, cb);`);
    expect(calls).toEqual([
      { via: 'auth0.js Management#getUser', endpoint: 'GET users/{id}' },
      { via: 'auth0.js Management#patchUserMetadata', endpoint: 'PATCH users/{id}' },
      { via: 'auth0.js Management#patchUserAttributes', endpoint: 'PATCH users/{id}' },
      { via: 'auth0.js Management#linkUser', endpoint: 'POST users/{id}/identities' },
    ]);
  });

  it('reports root attributes in patchUserAttributes as backend only', () => {
    const { calls } = recognise(
      "const m = new auth0.Management({ domain, token });\nm.patchUserAttributes(id, { name: 'Ada', user_metadata: {} }, cb);",
    );
    expect(calls).toEqual([
      { via: 'auth0.js Management#patchUserAttributes', endpoint: 'PATCH users/{id}', backendOnly: true },
    ]);
  });

  it('ignores methods auth0.js does not have and clients of other libraries', () => {
    const { clients, calls } = recognise(
      "import { Management } from './cms';\nnew Management({ token }).getUser(id);\nconst m = new auth0.Management({ domain, token });\nm.unlinkUser(id);\nm.getUsers();",
    );
    expect(clients).toHaveLength(1);
    expect(calls).toEqual([]);
  });
});

describe('node-auth0 ManagementClient', () => {
  it.each([
    ["require('auth0')", "const { ManagementClient } = require('auth0');"],
    ['a named import', "import { ManagementClient } from 'auth0';"],
    ["'auth0/legacy' (v5's v4 API)", "import { ManagementClient } from 'auth0/legacy';"],
    ['a default import', "import auth0 from 'auth0';\nconst { ManagementClient } = auth0;"],
  ])('is recognised from %s', (_name, header) => {
    const { calls } = recognise(
      `${header}\nconst management = new ManagementClient({ domain, token });\nmanagement.users.get({ id });`,
    );
    expect(calls).toEqual(getUser('node-auth0 ManagementClient#users.get'));
  });

  it('maps v2/v3 wrappers, including the deleteUserMultifcator typo', () => {
    const { calls } = recognise(`
const { ManagementClient } = require('auth0');
const m = new ManagementClient({ domain, token });
m.getUser({ id });
m.updateUserMetadata({ id }, { theme: 'dark' });
m.updateAppMetadata({ id }, { plan: 'pro' });
m.linkUsers(id, { link_with: secondaryIdToken });
m.unlinkUsers({ id, provider, user_id });
m.getGuardianEnrollments({ id });
m.deleteUserMultifactor({ id, provider });
m.deleteUserMultifcator({ id, provider });
m.createDevicePublicKey(data);
m.deleteDeviceCredential({ id });`);
    expect(
      calls.map((call) => [call.via.replace('node-auth0 ManagementClient#', ''), call.endpoint, !!call.backendOnly]),
    ).toEqual([
      ['getUser', 'GET users/{id}', false],
      ['updateUserMetadata', 'PATCH users/{id}', false],
      ['updateAppMetadata', 'PATCH users/{id}', true],
      ['linkUsers', 'POST users/{id}/identities', false],
      ['unlinkUsers', 'DELETE users/{id}/identities/{provider}/{user_id}', false],
      ['getGuardianEnrollments', 'GET users/{id}/enrollments', false],
      ['deleteUserMultifactor', 'DELETE users/{id}/multifactor/{provider}', false],
      ['deleteUserMultifcator', 'DELETE users/{id}/multifactor/{provider}', false],
      ['createDevicePublicKey', 'POST device-credentials', false],
      ['deleteDeviceCredential', 'DELETE device-credentials/{id}', false],
    ]);
  });

  it('maps v4 managers', () => {
    const { calls } = recognise(`
import { ManagementClient } from 'auth0';
const m = new ManagementClient({ domain, token: () => getToken() });
await m.users.get({ id });
await m.users.update({ id }, { user_metadata: { theme: 'dark' } });
await m.users.update({ id }, { email: 'a@b.c' });
await m.users.link({ id }, { link_with: idToken });
await m.users.unlink({ id, provider, user_id });
await m.users.getEnrollments({ id });
await m.users.getGuardianEnrollments({ id });
await m.users.deleteMultifactorProvider({ id, provider });
await m.deviceCredentials.createPublicKey(body);
await m.deviceCredentials.delete({ id });`);
    expect(
      calls.map((call) => [call.via.replace('node-auth0 ManagementClient#', ''), call.endpoint, !!call.backendOnly]),
    ).toEqual([
      ['users.get', 'GET users/{id}', false],
      ['users.update', 'PATCH users/{id}', false],
      ['users.update', 'PATCH users/{id}', true],
      ['users.link', 'POST users/{id}/identities', false],
      ['users.unlink', 'DELETE users/{id}/identities/{provider}/{user_id}', false],
      ['users.getEnrollments', 'GET users/{id}/enrollments', false],
      ['users.getGuardianEnrollments', 'GET users/{id}/enrollments', false],
      ['users.deleteMultifactorProvider', 'DELETE users/{id}/multifactor/{provider}', false],
      ['deviceCredentials.createPublicKey', 'POST device-credentials', false],
      ['deviceCredentials.delete', 'DELETE device-credentials/{id}', false],
    ]);
  });

  it('maps v5/v6 resources', () => {
    const { calls } = recognise(`
import { ManagementClient } from 'auth0';
const m = new ManagementClient({ domain, token });
await m.users.get(id);
await m.users.identities.link(id, { link_with: idToken });
await m.users.identities.link(id, { provider: 'github', user_id: '123' });
await m.users.identities.delete(id, provider, userId);
await m.users.enrollments.get(id);
await m.users.multifactor.deleteProvider(id, provider);
await m.users.list();`);
    expect(
      calls.map((call) => [call.via.replace('node-auth0 ManagementClient#', ''), call.endpoint, !!call.backendOnly]),
    ).toEqual([
      ['users.get', 'GET users/{id}', false],
      ['users.identities.link', 'POST users/{id}/identities', false],
      ['users.identities.link', 'POST users/{id}/identities', true],
      ['users.identities.delete', 'DELETE users/{id}/identities/{provider}/{user_id}', false],
      ['users.enrollments.get', 'GET users/{id}/enrollments', false],
      ['users.multifactor.deleteProvider', 'DELETE users/{id}/multifactor/{provider}', false],
      ['users.list', 'GET users', false],
    ]);
  });

  it('tells a machine-to-machine client from one given a token', () => {
    const { clients } = recognise(`
import { ManagementClient } from 'auth0';
new ManagementClient({ domain, clientId, clientSecret });
new ManagementClient({ domain, clientId, clientAssertionSigningKey });
new ManagementClient({ domain, token: req.session.id_token });`);
    expect(clients).toEqual([
      { sdk: 'node-auth0', token: undefined, machineToMachine: true },
      { sdk: 'node-auth0', token: undefined, machineToMachine: true },
      { sdk: 'node-auth0', token: 'id-token', machineToMachine: false },
    ]);
  });
});

describe('react-native-auth0 users(token)', () => {
  it('maps getUser and patchUser', () => {
    const { clients, calls } = recognise(`
import Auth0 from 'react-native-auth0';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
const users = auth0.users(credentials.accessToken);
users.getUser({ id });
auth0.users(credentials.idToken).patchUser({ id, metadata });`);
    expect(clients).toEqual([
      { sdk: 'react-native-auth0', token: 'access-token', machineToMachine: false },
      { sdk: 'react-native-auth0', token: 'id-token', machineToMachine: false },
    ]);
    expect(calls).toEqual([
      { via: 'react-native-auth0 users#getUser', endpoint: 'GET users/{id}' },
      { via: 'react-native-auth0 users#patchUser', endpoint: 'PATCH users/{id}' },
    ]);
  });

  it("ignores other objects' users() methods", () => {
    expect(recognise('api.users(token).getUser({ id });').clients).toEqual([]);
  });
});
