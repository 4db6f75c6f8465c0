import minimalManagementScopes from './minimal-management-scopes';
import noAnyUserScopesInBrowser from './no-any-user-scopes-in-browser';
import noBackendOnlyManagementEndpoints from './no-backend-only-management-endpoints';
import noIdTokenForManagementApi from './no-id-token-for-management-api';
import noLegacyIdTokenApis from './no-legacy-id-token-apis';
import noManagementSecretsInBrowser from './no-management-secrets-in-browser';
import requireManagementAudience from './require-management-audience';
import requireTokenResponseType from './require-token-response-type';

export const rules = {
  'minimal-management-scopes': minimalManagementScopes,
  'no-any-user-scopes-in-browser': noAnyUserScopesInBrowser,
  'no-backend-only-management-endpoints': noBackendOnlyManagementEndpoints,
  'no-id-token-for-management-api': noIdTokenForManagementApi,
  'no-legacy-id-token-apis': noLegacyIdTokenApis,
  'no-management-secrets-in-browser': noManagementSecretsInBrowser,
  'require-management-audience': requireManagementAudience,
  'require-token-response-type': requireTokenResponseType,
};
