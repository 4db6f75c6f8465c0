import type { MetadataScope } from '../src/analysis/findings';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions & { metadataScope: MetadataScope }>];
export type MessageIds = 'missingScopes' | 'unusedScopes' | 'malformedScope' | 'unknownEndpoint' | 'setScopes' | 'normaliseScope';

export default createRule<Options, MessageIds>({
  name: 'minimal-management-scopes',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require exactly the current_user scopes the Management API calls in the file need', recommended: true },
    hasSuggestions: true,
    messages: {
      missingScopes: "Missing scope {{scopes}}: the Management calls this login's tokens reach need it ({{because}}), without it they fail with 403{{review}}.",
      unusedScopes: "Scope {{scopes}} is not needed by any Management call this login's tokens reach{{review}}. Request only the scopes the calls use.",
      malformedScope: "Scopes are separated by spaces, not commas: '{{scope}}' is read as one unknown scope{{review}}.",
      unknownEndpoint: 'A Management call reached by this token request targets an endpoint the catalog cannot read, so the scopes cannot be derived{{review}}.',
      setScopes: "Set scope to '{{scope}}'",
      normaliseScope: "Separate the scopes with spaces: '{{scope}}'",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...COMMON_OPTION_SCHEMA,
          metadataScope: {
            type: 'string',
            enum: ['update', 'create', 'both'],
            description: 'Scope required for PATCH /api/v2/users/{id}: `update:current_user_metadata` (default, the least privilege the API accepts), `create:current_user_metadata`, or both (seed-table parity).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ reportNeedsManual: false, metadataScope: 'update' }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'minimal-management-scopes', options);
      },
    };
  },
});
