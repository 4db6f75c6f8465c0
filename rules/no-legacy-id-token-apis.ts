import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = MessageId<'no-legacy-id-token-apis'>;

export default createRule<Options, MessageIds>({
  name: 'no-legacy-id-token-apis',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['no-legacy-id-token-apis'], recommended: true },
    messages: RULE_MESSAGES['no-legacy-id-token-apis'],
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-legacy-id-token-apis', options);
      },
    };
  },
});
