import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

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
        runCheck(context, 'require-token-response-type', options);
      },
    };
  },
});
