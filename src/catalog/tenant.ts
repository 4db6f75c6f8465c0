/** What identifies an Auth0 tenant: the hosts Auth0 serves it on, and the audience its Management API tokens name. */

/** Auth0's own tenant hosts: `<tenant>[.<region>].auth0.com` (or `auth0app.com`), with an optional port. */
const AUTH0_TENANT_HOST = /(^|[/.@])[a-z0-9-]+(\.[a-z]{2,})?\.(auth0|auth0app)\.com(:\d+)?$/i;

/** Whether a host (no scheme, no path; `user@` and a port allowed) is one Auth0 serves a tenant on. */
export function isAuth0TenantHost(host: string): boolean {
  return AUTH0_TENANT_HOST.test(host);
}

/**
 * Placeholders that quickstarts, docs and templates write where a value goes, and the name each holds:
 * `<MY_DOMAIN>`, `{{TENANT}}`, `{yourDomain}`, `%TENANT%`, `[tenant]`, `YOUR_TENANT` (capitals with an underscore).
 */
const PLACEHOLDERS = [
  /<([a-z][\w-]*)>/gi,
  /\{\{\s*([a-z][\w.-]*)\s*\}\}/gi,
  /\{([a-z][\w-]*)\}/gi,
  /%([a-z][\w-]*)%/gi,
  /\[([a-z][\w-]*)\]/gi,
  /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g,
];

/** The name a text holds when the whole text is one placeholder (`{{AUTH0_DOMAIN}}` -> `AUTH0_DOMAIN`). */
export function placeholderName(text: string): string | undefined {
  for (const placeholder of PLACEHOLDERS) {
    const match = new RegExp(`^(?:${placeholder.source})$`, placeholder.flags.replace('g', '')).exec(text.trim());
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Whether a host is an Auth0 tenant host written as a template: its tenant label a placeholder
 * (`<MY_DOMAIN>.auth0.com`, `{{TENANT}}.eu.auth0.com`, `YOUR_TENANT.auth0.com`). The `auth0.com` suffix is the proof.
 */
export function isAuth0TenantHostTemplate(host: string): boolean {
  const label = /^[^.]+/.exec(host)?.[0];
  if (label === undefined || placeholderName(label) === undefined) return false;
  return isAuth0TenantHost(`tenant${host.slice(label.length)}`);
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
