import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = MessageId<'require-management-audience'>;

export default createRule<Options, MessageIds>({
  name: 'require-management-audience',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['require-management-audience'], recommended: true },
    hasSuggestions: true,
    messages: RULE_MESSAGES['require-management-audience'],
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'require-management-audience', options);
      },
    };
  },
});
