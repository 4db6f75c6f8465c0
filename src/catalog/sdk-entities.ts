/**
 * Where the Auth0 SDKs' values come from, as data the analysis (`analysis/sdk.ts`) resolves references with. An
 * entity is named `<namespace>.<export path>` (`auth0-js.WebAuth`, `auth0-lock.Auth0Lock`); a namespace alone is the
 * module's namespace object.
 */

/** Module specifier -> canonical namespace. */
export const SDK_MODULES: Readonly<Record<string, string>> = {
  'auth0-js': 'auth0-js',
  'auth0-js/dist/auth0.min.esm': 'auth0-js',
  'auth0-lock': 'auth0-lock',
  'auth0-lock-passwordless': 'auth0-lock-passwordless',
  '@auth0/auth0-spa-js': 'auth0-spa-js',
  '@auth0/auth0-react': 'auth0-react',
  '@auth0/auth0-angular': 'auth0-angular',
  '@auth0/auth0-vue': 'auth0-vue',
  auth0: 'auth0',
  'auth0/legacy': 'auth0',
  'angular-auth0': 'angular-auth0',
  'angular-lock': 'angular-lock',
  'react-native-auth0': 'react-native-auth0',
  'passport-auth0': 'passport-auth0',
};

/** What a namespace's default export (or `module.exports`) is, when it is not a namespace of named exports. */
export const SDK_DEFAULT_EXPORTS: Readonly<Record<string, string>> = {
  'auth0-lock': 'auth0-lock.Auth0Lock',
  'auth0-lock-passwordless': 'auth0-lock.Auth0LockPasswordless',
  'auth0-spa-js': 'auth0-spa-js.createAuth0Client',
  'react-native-auth0': 'react-native-auth0.Auth0',
  'passport-auth0': 'passport-auth0.Strategy',
};

/** Browser globals the SDKs' CDN builds define. */
export const SDK_GLOBALS: Readonly<Record<string, string>> = {
  auth0: 'auth0-js',
  Auth0: 'auth0-js-v7.Auth0',
  Auth0Lock: 'auth0-lock.Auth0Lock',
  Auth0LockPasswordless: 'auth0-lock.Auth0LockPasswordless',
  createAuth0Client: 'auth0-spa-js.createAuth0Client',
};

/**
 * Members of one namespace that belong to another SDK: spa-js's CDN build puts its exports on the same `auth0`
 * global as auth0.js.
 */
export const BORROWED_MEMBERS: readonly {
  readonly namespace: string;
  readonly names: readonly string[];
  readonly owner: string;
}[] = [{ namespace: 'auth0-js', names: ['createAuth0Client', 'Auth0Client'], owner: 'auth0-spa-js' }];

/** Entities called without `new` to create an instance (auth0.js v7's `Auth0({...})`). */
export const FACTORY_ENTITIES: readonly string[] = ['auth0-js-v7.Auth0', 'auth0-js'];

/**
 * Entities whose members named with the prefix are entities of the namespace itself: `require('auth0-lock').default`
 * is `Auth0Lock`, and `Auth0Lock.Auth0LockPasswordless` re-exports the passwordless constructor.
 */
export const SELF_NAMED_MEMBERS: readonly { readonly namespace: string; readonly prefixes: readonly string[] }[] = [
  { namespace: 'auth0-lock', prefixes: ['Auth0Lock'] },
];
