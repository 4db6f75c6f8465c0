import { anyUserScopeFindings, type MetadataScope } from '../src/analysis/findings';
import { COMMON_OPTION_SCHEMA, createRule, ENVIRONMENT_OPTION_SCHEMA, environmentOf, factsOf, reportFindings, type CommonOptions, type EnvironmentOption } from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption & { metadataScope: MetadataScope }>];
export type MessageIds = 'anyUserScope' | 'setScopes';

export default createRule<Options, MessageIds>({
  name: 'no-any-user-scopes-in-browser',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow Management API scopes that act on any user (read:users, update:users, ...) in browser code', recommended: true },
    hasSuggestions: true,
    messages: {
      anyUserScope: '{{scopes}} can never be granted to a browser token{{review}}; a browser may only hold current_user scopes. Request {{replacement}} instead, or move this call to a backend with a machine-to-machine token.',
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
        const facts = factsOf(context);
        const findings = anyUserScopeFindings(facts, context.sourceCode.text, environmentOf(facts, options.environment ?? 'auto'), options.metadataScope ?? 'update');
        reportFindings(context, findings, { reportNeedsManual: options.reportNeedsManual ?? false });
      },
    };
  },
});
