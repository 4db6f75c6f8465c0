/**
 * Credentials that must never ship to a browser, as `analysis/legacy-and-secrets.ts` recognises them: client secrets,
 * the client-credentials grant, and the option keys that show an object configures an OAuth client.
 */
import { isPublicBuildVariable } from './environments';

/** Option keys that carry an application's client secret (the SDKs' camelCase and the protocol's own). */
export const CLIENT_SECRET_KEYS: readonly string[] = ['clientSecret', 'client_secret'];

/** Option keys that name the OAuth grant a token request asks for. */
export const GRANT_TYPE_KEYS: readonly string[] = ['grant_type', 'grantType'];

/** The grant a client secret buys a Management token with, and no browser may run. */
export const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

/** Option keys that carry an application's client id. */
const CLIENT_ID_KEYS = ['client_id', 'clientId', 'clientID'];

/** Keys whose presence next to a secret shows the object is an OAuth client configuration or token request. */
export const OAUTH_CLIENT_KEYS: readonly string[] = [...CLIENT_ID_KEYS, ...GRANT_TYPE_KEYS, 'audience', 'domain'];

/** SDK methods that run the client-credentials grant: node-auth0 `AuthenticationClient#clientCredentialsGrant`. */
export const CLIENT_CREDENTIALS_METHODS: readonly string[] = ['clientCredentialsGrant'];

/**
 * Management API resources that the API v2 explorer's tokens (HS256, pasted from the dashboard before API
 * authorization existed) list in their `scopes` claim: `{ "scopes": { "users": { "actions": ["delete"] } } }`.
 */
const EXPLORER_TOKEN_RESOURCES: readonly string[] = [
  'users',
  'users_app_metadata',
  'user_idp_tokens',
  'clients',
  'client_keys',
  'client_grants',
  'connections',
  'device_credentials',
  'rules',
  'rules_configs',
  'logs',
  'stats',
  'tenant_settings',
  'emails',
  'email_provider',
  'resource_servers',
  'grants',
  'blacklisted_tokens',
];

/** Whether a JWT payload is an API v2 explorer token's: its `scopes` claim grants actions on Management resources only. */
export function isExplorerTokenPayload(payload: Readonly<Record<string, unknown>>): boolean {
  const claim = payload.scopes;
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) return false;
  const grants = Object.entries(claim as Record<string, unknown>);
  return (
    grants.length > 0 &&
    grants.every(
      ([resource, grant]) =>
        EXPLORER_TOKEN_RESOURCES.includes(resource) &&
        typeof grant === 'object' &&
        grant !== null &&
        Array.isArray((grant as Record<string, unknown>).actions),
    )
  );
}

/** Word groups a variable's name has one of each of when it says it holds an Auth0 Management API token. */
const MANAGEMENT_TOKEN_NAME_WORDS: readonly (readonly string[])[] = [['AUTH0'], ['MANAGEMENT', 'MGMT'], ['TOKEN']];

/**
 * Whether an environment variable is bundled into browser code and named as an Auth0 Management API token
 * (`VITE_APP_AUTH0_MANAGEMENT_API_TOKEN`): the build writes its value, a token, where anyone can read it. A name
 * without `AUTH0` may be another product's management token (Contentful's), so it is not one.
 */
export function isBundledManagementTokenVariable(name: string): boolean {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/);
  return (
    isPublicBuildVariable(name) &&
    MANAGEMENT_TOKEN_NAME_WORDS.every((group) => group.some((word) => words.includes(word)))
  );
}
