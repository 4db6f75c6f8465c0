import { type MessageId, RULE_DESCRIPTIONS, RULE_MESSAGES } from '../src/analysis/messages';
import {
  COMMON_OPTION_SCHEMA,
  type CommonOptions,
  createRule,
  ENVIRONMENT_OPTION_SCHEMA,
  type EnvironmentOption,
  runCheck,
} from '../src/rule-support';

export type Options = [Partial<CommonOptions & EnvironmentOption>];
export type MessageIds = MessageId<'no-backend-only-management-endpoints'>;

export default createRule<Options, MessageIds>({
  name: 'no-backend-only-management-endpoints',
  meta: {
    type: 'problem',
    docs: { description: RULE_DESCRIPTIONS['no-backend-only-management-endpoints'], recommended: true },
    messages: RULE_MESSAGES['no-backend-only-management-endpoints'],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { ...COMMON_OPTION_SCHEMA, ...ENVIRONMENT_OPTION_SCHEMA },
      },
    ],
  },
  defaultOptions: [{ reportNeedsManual: false, environment: 'auto' }],
  create(context, [options]) {
    return {
      Program() {
        runCheck(context, 'no-backend-only-management-endpoints', options);
      },
    };
  },
});
