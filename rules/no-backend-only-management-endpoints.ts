import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, ENVIRONMENT_OPTION_SCHEMA, type EnvironmentOption, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption>];
export type MessageIds = 'backendOnlyEndpoint' | 'backendOnlyBody' | 'unknownEndpoint';

export default createRule<Options, MessageIds>({
  name: 'no-backend-only-management-endpoints',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow browser calls to Management API endpoints that no current-user token can call', recommended: true },
    messages: {
      backendOnlyEndpoint: '{{call}} needs {{scope}}, which no browser token can hold: it fails with 403{{review}}. Call your own backend, which uses a machine-to-machine token.',
      backendOnlyBody: '{{call}}: {{reason}}{{review}}. Send only user_metadata, or move this update to a backend with a machine-to-machine token.',
      unknownEndpoint: '{{call}} is not an endpoint a current-user token is known to reach{{review}}. Check it against the Management API scopes.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA, ...ENVIRONMENT_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false, environment: 'auto' }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-backend-only-management-endpoints', options);
      },
    };
  },
});
