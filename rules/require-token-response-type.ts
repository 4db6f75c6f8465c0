import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = MessageId<'require-token-response-type'>;

export default createRule<Options, MessageIds>({
  name: 'require-token-response-type',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['require-token-response-type'], recommended: true },
    fixable: 'code',
    messages: RULE_MESSAGES['require-token-response-type'],
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'require-token-response-type', options);
      },
    };
  },
});
