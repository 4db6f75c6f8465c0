import type { MetadataScope } from '../src/analysis/findings';
import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions & { metadataScope: MetadataScope }>];
export type MessageIds = MessageId<'minimal-management-scopes'>;

export default createRule<Options, MessageIds>({
  name: 'minimal-management-scopes',
  meta: {
    type: 'suggestion',
    docs: { description: RULE_DESCRIPTIONS['minimal-management-scopes'], recommended: true },
    hasSuggestions: true,
    messages: RULE_MESSAGES['minimal-management-scopes'],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...COMMON_OPTION_SCHEMA,
          metadataScope: {
            type: 'string',
            enum: ['update', 'create', 'both'],
            description:
              'Scope required for PATCH /api/v2/users/{id}: `update:current_user_metadata` (default, the least privilege the API accepts), `create:current_user_metadata`, or both (seed-table parity).',
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
