import type { MetadataScope } from '../src/analysis/findings';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, ENVIRONMENT_OPTION_SCHEMA, type EnvironmentOption, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption & { metadataScope: MetadataScope }>];
export type MessageIds = 'anyUserScope' | 'anyUserScopeUnknownAudience' | 'setScopes';

export default createRule<Options, MessageIds>({
  name: 'no-any-user-scopes-in-browser',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow Management API scopes that act on any user (read:users, update:users, ...) in browser code', recommended: true },
    hasSuggestions: true,
    messages: {
      anyUserScope: '{{scopes}} can never be granted to a browser token{{review}}; a browser may only hold current_user scopes. Request {{replacement}} instead, or move this call to a backend with a machine-to-machine token.',
      anyUserScopeUnknownAudience:
        "{{scopes}} is a Management API scope no browser token can hold, unless this login's audience (which the code does not show) is your own API's, where it may be that API's permission{{review}}. For the Management API request {{replacement}} instead.",
      setScopes: "Set scope to '{{scope}}'",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...COMMON_OPTION_SCHEMA,
          ...ENVIRONMENT_OPTION_SCHEMA,
          metadataScope: {
            type: 'string',
            enum: ['update', 'create', 'both'],
            description: 'Scope the suggested replacement uses for PATCH /api/v2/users/{id} (see `minimal-management-scopes`).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ reportNeedsManual: false, environment: 'auto', metadataScope: 'update' }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-any-user-scopes-in-browser', options);
      },
    };
  },
});
