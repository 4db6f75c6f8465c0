import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = 'idTokenCredential' | 'idTokenFromStorage' | 'idTokenLoginBlocked' | 'idTokenCredentialServer' | 'untracedCredential' | 'useAccessToken' | 'storeAccessToken';

export default createRule<Options, MessageIds>({
  name: 'no-id-token-for-management-api',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow ID tokens as the credential of Management API v2 calls', recommended: true },
    hasSuggestions: true,
    messages: {
      idTokenCredential:
        "{{source}} is an ID token used as the Management API credential{{review}}. Request an access token for audience 'https://<domain>/api/v2/' with the current_user scopes the calls need, and send it instead.",
      idTokenFromStorage:
        "{{source}} holds an ID token and is sent as the Management API credential{{review}}. Where the login stores it, also store the access token (requested with audience 'https://<domain>/api/v2/') under its own key, and send that key here.",
      idTokenLoginBlocked:
        "{{source}} is an ID token used as the Management API credential{{review}}, and stays one until its login is fixed, as {{reason}}. Once the login asks for audience 'https://<domain>/api/v2/', a response type with 'token' and {{scopes}}, send its access token instead.",
      idTokenCredentialServer:
        '{{source}} is a user ID token used as the Management API credential on a server{{review}}. Use a machine-to-machine token (ManagementClient with clientId/clientSecret).',
      untracedCredential:
        "The credential of {{call}} cannot be traced to a login{{review}}. Once the tenant setting 'Allow ID Tokens for Management API v2 Authentication' is off, it must be an access token for audience 'https://<domain>/api/v2/' with the current_user scopes the call needs.",
      useAccessToken: 'Send the access token instead: {{replacement}}',
      storeAccessToken: "Store the access token beside the ID token under '{{key}}' and send it here: {{replacement}}",
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-id-token-for-management-api', options);
      },
    };
  },
});
