/** What identifies an Auth0 tenant's Management API: the audience its tokens name. */

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
