/**
 * The ID-token era's APIs that have no access-token path, each with what replaces it: the text of the
 * `no-legacy-id-token-apis` findings, and what `analysis/legacy-and-secrets.ts` looks for.
 */

/** Methods only the ID-token era has, whatever client they are called on (the names are Auth0's own). */
export const LEGACY_METHODS: Readonly<Record<string, string>> = {
  getDelegationToken: 'checkSession({ audience, scope }) or getTokenSilently({ audience, scope }) for an access token',
  renewIdToken: "checkSession({ responseType: 'token id_token' }) to renew both tokens",
  loginWithResourceOwner: 'login({ username, password, realm, audience, scope }), which uses /oauth/token',
};
/** auth0.js v6/v7 client methods that go through /delegation or /tokeninfo. */
export const V7_LEGACY_METHODS: Readonly<Record<string, string>> = {
  refreshToken: 'checkSession or a refresh-token grant on /oauth/token',
  getProfile: 'userInfo(accessToken) (/userinfo)',
};
/** What replaces Lock 9/10 `getProfile(idToken)` (/tokeninfo); Lock 11's `getProfile(accessToken)` is not legacy. */
export const GET_PROFILE_WITH_ID_TOKEN = 'getUserInfo(accessToken) (/userinfo)';
/** Methods of specific clients: auth0.js `Authentication#delegation`, node-auth0 `tokens.getInfo` and `oauth.signIn`. */
export const LEGACY_CLIENT_METHODS: readonly {
  readonly receiver: 'authentication' | 'node-tokens' | 'node-oauth';
  readonly method: string;
  readonly replacement: string;
}[] = [
  {
    receiver: 'authentication',
    method: 'delegation',
    replacement: 'an access token for the API from checkSession or /oauth/token',
  },
  {
    receiver: 'node-tokens',
    method: 'getInfo',
    replacement: 'getProfile(accessToken) / UserInfoClient.getUserInfo(accessToken) (/userinfo)',
  },
  {
    receiver: 'node-oauth',
    method: 'signIn',
    replacement: 'passwordGrant({ username, password, audience, scope }) (/oauth/token)',
  },
];
/** Legacy endpoints at the root of an Auth0 host, with what replaces them. */
export const LEGACY_ENDPOINTS: Readonly<Record<string, string>> = {
  '/tokeninfo': '/userinfo with the access token (getUserInfo / userInfo)',
  '/delegation': 'an access token for the API from /authorize or /oauth/token',
  '/oauth/ro': '/oauth/token with grant_type password (or password-realm) and an audience',
};
