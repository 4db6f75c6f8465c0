import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = 'legacyApi';

export default createRule<Options, MessageIds>({
  name: 'no-legacy-id-token-apis',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow ID-token-era APIs that have no access-token path', recommended: true },
    messages: {
      legacyApi: '{{api}} belongs to the ID-token era and is deprecated{{review}}. Use {{replacement}}.',
    },
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
