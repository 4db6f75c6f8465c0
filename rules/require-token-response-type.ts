import { responseTypeFindings } from '../src/analysis/findings';
import { COMMON_OPTION_SCHEMA, createRule, factsOf, reportFindings, type CommonOptions } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = 'missingTokenResponseType';

export default createRule<Options, MessageIds>({
  name: 'require-token-response-type',
  meta: {
    type: 'problem',
    docs: { description: 'Require `token` in the response type of logins whose tokens call the Management API', recommended: true },
    fixable: 'code',
    messages: {
      missingTokenResponseType: "Response type '{{responseType}}' returns no access token, but this login's tokens call the Management API{{review}}. Use '{{fixed}}'.",
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...COMMON_OPTION_SCHEMA } }],
  },
  defaultOptions: [{ reportNeedsManual: false }],
  create(context, [options]) {
    return {
      Program() {
        reportFindings(context, responseTypeFindings(factsOf(context), context.sourceCode.text), { reportNeedsManual: options.reportNeedsManual ?? false });
      },
    };
  },
});
