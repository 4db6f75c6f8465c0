/**
 * Credentials that must never ship to a browser, as `analysis/legacy-and-secrets.ts` recognises them: client secrets,
 * the client-credentials grant, and the option keys that show an object configures an OAuth client.
 */

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
