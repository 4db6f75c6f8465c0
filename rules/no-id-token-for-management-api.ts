import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = MessageId<'no-id-token-for-management-api'>;

export default createRule<Options, MessageIds>({
  name: 'no-id-token-for-management-api',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['no-id-token-for-management-api'], recommended: true },
    hasSuggestions: true,
    messages: RULE_MESSAGES['no-id-token-for-management-api'],
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
