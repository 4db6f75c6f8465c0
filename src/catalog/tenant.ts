/** What identifies an Auth0 tenant: the hosts Auth0 serves it on, and the audience its Management API tokens name. */

/** Auth0's own tenant hosts: `<tenant>[.<region>].auth0.com` (or `auth0app.com`), with an optional port. */
const AUTH0_TENANT_HOST = /(^|[/.@])[a-z0-9-]+(\.[a-z]{2,})?\.(auth0|auth0app)\.com(:\d+)?$/i;

/** Whether a host (no scheme, no path; `user@` and a port allowed) is one Auth0 serves a tenant on. */
export function isAuth0TenantHost(host: string): boolean {
  return AUTH0_TENANT_HOST.test(host);
}

/** The Management API audience is `https://<tenant domain>/api/v2/`; the trailing slash is optional. */
const MANAGEMENT_AUDIENCE_PATH = /\/api\/v2\/?$/;

/** Whether an audience names the Management API (of any tenant or custom domain). */
export function isManagementAudience(audience: string | undefined): boolean {
  return audience !== undefined && MANAGEMENT_AUDIENCE_PATH.test(audience);
}

/**
 * What a Management audience writes before its `/api/v2/` path (`https://acme.auth0.com` for
 * `https://acme.auth0.com/api/v2/`), or `undefined` for any other audience.
 */
export function managementAudienceOrigin(audience: string): string | undefined {
  return isManagementAudience(audience) ? audience.replace(MANAGEMENT_AUDIENCE_PATH, '') : undefined;
}
