/** The Management API clients of the Auth0 SDKs, as data `analysis/management-clients.ts` recognises them by. */
import type { ManagementSdk } from './sdk-methods';

export interface ManagementClientShape {
  readonly sdk: ManagementSdk;
  /** How reports name a call through it (`<label>#getUser`). */
  readonly label: string;
  /**
   * How code gets one: `new <entity>(options)`, where `options` names the credential and the tenant domain; or a
   * method of an SDK instance that takes the credential (`<instance>.<method>(token)`), the instance's creation
   * options naming the domain.
   */
  readonly creation:
    | { readonly kind: 'constructor'; readonly entity: string }
    | { readonly kind: 'instance-method'; readonly instanceOf: string; readonly method: string };
  readonly tokenOption?: string;
  readonly domainOption: string;
  /** Options that make a constructed client a machine-to-machine one (the correct server-side shape). */
  readonly machineToMachineOptions?: readonly string[];
}

export const MANAGEMENT_CLIENT_SHAPES: readonly ManagementClientShape[] = [
  {
    sdk: 'auth0.js',
    label: 'auth0.js Management',
    creation: { kind: 'constructor', entity: 'auth0-js.Management' },
    tokenOption: 'token',
    domainOption: 'domain',
  },
  {
    sdk: 'node-auth0',
    label: 'node-auth0 ManagementClient',
    creation: { kind: 'constructor', entity: 'auth0.ManagementClient' },
    tokenOption: 'token',
    domainOption: 'domain',
    machineToMachineOptions: ['clientSecret', 'clientAssertionSigningKey'],
  },
  {
    sdk: 'react-native-auth0',
    label: 'react-native-auth0 users',
    creation: { kind: 'instance-method', instanceOf: 'react-native-auth0.Auth0', method: 'users' },
    domainOption: 'domain',
  },
];
