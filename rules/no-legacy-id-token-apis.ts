import { legacyApiFindings } from '../src/analysis/findings';
import { COMMON_OPTION_SCHEMA, createRule, factsOf, reportFindings, type CommonOptions } from '../src/rule-support';

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
        reportFindings(context, legacyApiFindings(factsOf(context)), { reportNeedsManual: options.reportNeedsManual ?? false });
      },
    };
  },
});
