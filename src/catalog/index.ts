/** The scope catalog: one source of truth for endpoints, SDK methods and scope vocabularies. */
import { MANAGEMENT_ENDPOINTS, type HttpMethod, type ManagementEndpoint } from './endpoints';
import { SDK_METHODS } from './management-sdks';
import type { ManagementSdk, SdkMethod } from './sdk-methods';

export * from './endpoints';
export * from './scopes';
export * from './legacy-apis';
export * from './management-sdks';
export * from './sdk-entities';
export * from './sdk-methods';
export * from './tenant';
export * from './secrets';
export * from './http-layers';
export * from './environments';
export * from './login-variants';
export * from './login-clients';
export * from './login-results';

/**
 * Finds the catalog entry for a method and a path under `/api/v2/`: parameters (`{id}`, `{}`) match any segment of a
 * template's parameter, and a literal value written in the code (`users/auth0|123`) matches a parameter too. Literal
 * template segments must match exactly; the entry with the most literal matches wins.
 */
export function findEndpoint(method: HttpMethod, path: string): ManagementEndpoint | undefined {
  const segments = path.split('/');
  let best: { endpoint: ManagementEndpoint; literals: number } | undefined;
  for (const endpoint of MANAGEMENT_ENDPOINTS) {
    const template = endpoint.path.split('/');
    if (endpoint.method !== method || template.length !== segments.length) continue;
    let literals = 0;
    const matches = template.every((part, index) => {
      const segment = segments[index]!;
      if (isParameter(part))
        return (
          segment !== '' &&
          (isParameter(segment) || !MANAGEMENT_ENDPOINTS.some((other) => other.path.split('/')[index] === segment))
        );
      literals++;
      return part === segment;
    });
    if (matches && (!best || literals > best.literals)) best = { endpoint, literals };
  }
  return best?.endpoint;
}

export function findSdkMethod(sdk: ManagementSdk, call: string): SdkMethod | undefined {
  return SDK_METHODS.find((entry) => entry.sdk === sdk && entry.call === call);
}

function isParameter(segment: string): boolean {
  return /^\{[^}]*\}$/.test(segment);
}
