/** The Management API clients of the Auth0 SDKs, as data `analysis/management-clients.ts` recognises them by. */
import {
  AUTH0_JS_MANAGEMENT_METHODS,
  NODE_AUTH0_MANAGEMENT_METHODS,
  REACT_NATIVE_AUTH0_MANAGEMENT_METHODS,
  type ManagementMethod,
  type ManagementSdk,
  type SdkMethod,
} from './sdk-methods';

export interface ManagementSdkDescriptor {
  readonly sdk: ManagementSdk;
  /** How reports name a call through it (`<label>#getUser`). */
  readonly label: string;
  /**
   * How code gets one: `new <entity>(options)`, where `options` names the credential and the tenant domain; or a
   * method of an SDK instance that takes the credential as an argument (`<instance>.<method>(token)`), the
   * instance's creation options naming the domain.
   */
  readonly creation:
    | { readonly kind: 'constructor'; readonly entity: string; readonly tokenOption: string }
    | {
        readonly kind: 'instance-method';
        readonly instanceOf: string;
        readonly method: string;
        readonly tokenArgument: number;
      };
  readonly domainOption: string;
  /** Options that make a constructed client a machine-to-machine one (the correct server-side shape). */
  readonly machineToMachineOptions?: readonly string[];
  /** The methods its client has that call the Management API. */
  readonly methods: readonly ManagementMethod[];
}

/** Every Management SDK the analysis recognises a client of. */
export const MANAGEMENT_SDKS: readonly ManagementSdkDescriptor[] = [
  {
    sdk: 'auth0.js',
    label: 'auth0.js Management',
    creation: { kind: 'constructor', entity: 'auth0-js.Management', tokenOption: 'token' },
    domainOption: 'domain',
    methods: AUTH0_JS_MANAGEMENT_METHODS,
  },
  {
    sdk: 'node-auth0',
    label: 'node-auth0 ManagementClient',
    creation: { kind: 'constructor', entity: 'auth0.ManagementClient', tokenOption: 'token' },
    domainOption: 'domain',
    machineToMachineOptions: ['clientSecret', 'clientAssertionSigningKey'],
    methods: NODE_AUTH0_MANAGEMENT_METHODS,
  },
  {
    sdk: 'react-native-auth0',
    label: 'react-native-auth0 users',
    creation: { kind: 'instance-method', instanceOf: 'react-native-auth0.Auth0', method: 'users', tokenArgument: 0 },
    domainOption: 'domain',
    methods: REACT_NATIVE_AUTH0_MANAGEMENT_METHODS,
  },
];

/** Every Management SDK method, each with its SDK. */
export const SDK_METHODS: readonly SdkMethod[] = MANAGEMENT_SDKS.flatMap(({ sdk, methods }) =>
  methods.map((method) => ({ sdk, ...method })),
);
