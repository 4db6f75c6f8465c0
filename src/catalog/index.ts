/** The scope catalog: one source of truth for endpoints, SDK methods and scope vocabularies. */
import { MANAGEMENT_ENDPOINTS, type HttpMethod, type ManagementEndpoint } from './endpoints';
import { SDK_METHODS, type ManagementSdk, type SdkMethod } from './sdk-methods';

export * from './endpoints';
export * from './scopes';
export * from './sdk-methods';

/** Finds the catalog entry for a method and a normalised path template (`users/{id}`), parameter names ignored. */
export function findEndpoint(method: HttpMethod, path: string): ManagementEndpoint | undefined {
  const shape = templateShape(path);
  return MANAGEMENT_ENDPOINTS.find((endpoint) => endpoint.method === method && templateShape(endpoint.path) === shape);
}

export function findSdkMethod(sdk: ManagementSdk, call: string): SdkMethod | undefined {
  return SDK_METHODS.find((entry) => entry.sdk === sdk && entry.call === call);
}

/** `users/{id}/identities/{provider}/{user_id}` and `users/{x}/identities/{y}/{z}` share one shape. */
function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
