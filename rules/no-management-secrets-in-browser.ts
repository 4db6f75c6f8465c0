import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, ENVIRONMENT_OPTION_SCHEMA, type EnvironmentOption, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption>];
export type MessageIds = 'client-secret' | 'client-credentials-grant' | 'management-token';

export default createRule<Options, MessageIds>({
  name: 'no-management-secrets-in-browser',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow client secrets, client-credentials grants and literal Management tokens in browser code', recommended: true },
    messages: {
      'client-secret': 'A client secret in browser code is public{{review}}. Remove it, rotate it in the Auth0 dashboard, and keep machine-to-machine credentials on a backend.',
      'client-credentials-grant': 'A client-credentials grant in browser code exposes a machine-to-machine secret{{review}}. Request a current-user Management token at login instead, or call your backend.',
      'management-token': 'A literal Management API token in browser code grants its scopes to anyone{{review}}. Revoke it and use the logged-in user\'s access token.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA, ...ENVIRONMENT_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false, environment: 'auto' }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-management-secrets-in-browser', options);
      },
    };
  },
});
