import type { MetadataScope } from '../src/analysis/findings';
import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import {
  COMMON_OPTION_SCHEMA,
  type CommonOptions,
  createRule,
  ENVIRONMENT_OPTION_SCHEMA,
  type EnvironmentOption,
  runCheck,
} from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption & { metadataScope: MetadataScope }>];
export type MessageIds = MessageId<'no-any-user-scopes-in-browser'>;

export default createRule<Options, MessageIds>({
  name: 'no-any-user-scopes-in-browser',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['no-any-user-scopes-in-browser'], recommended: true },
    hasSuggestions: true,
    messages: RULE_MESSAGES['no-any-user-scopes-in-browser'],
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
            description:
              'Scope the suggested replacement uses for PATCH /api/v2/users/{id} (see `minimal-management-scopes`).',
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
