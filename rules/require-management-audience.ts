import { COMMON_OPTION_SCHEMA, type CommonOptions, createRule, runCheck } from '../src/rule-support';

export type Options = [Partial<CommonOptions>];
export type MessageIds = 'missingAudience' | 'otherAudience' | 'severalAudiences' | 'sdkCannotRequestAudience' | 'dynamicOptions' | 'addAudience';

export default createRule<Options, MessageIds>({
  name: 'require-management-audience',
  meta: {
    type: 'problem',
    docs: { description: 'Require the Management API audience on token requests whose tokens call the Management API', recommended: true },
    hasSuggestions: true,
    messages: {
      missingAudience: "This token request's tokens call the Management API but it asks for no audience{{review}}. Add audience: {{audience}}.",
      otherAudience:
        "This token request asks for audience '{{audience}}', but its tokens call the Management API, which needs '{{expected}}'{{review}}. A token carries one audience: keep this one for your API and get a second token for the Management API with {{route}}.",
      severalAudiences: 'The Management API rejects tokens with more than one audience{{review}}. Request the api/v2 audience alone.',
      sdkCannotRequestAudience:
        '{{sdk}} cannot request an API audience, but its tokens call the Management API{{review}}. Upgrade to an SDK that can (auth0.js v9+, Lock 11+) and request the api/v2 audience.',
      dynamicOptions: 'The options of this token request are built dynamically, so its audience cannot be checked{{review}}. Make sure it requests https://<domain>/api/v2/.',
      addAudience: 'Add audience: {{audience}}',
    },
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
