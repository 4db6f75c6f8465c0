/** The ESLint plugin: rules plus flat (`recommended`, `strict`) and eslintrc (`legacy-recommended`) presets. */
import { rules } from '../rules';

const PLUGIN_NAME = 'auth0-tokens';
// The package's own name resolves the same from src/ (tests) and dist/src/ (published), via `exports['./package.json']`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package version, read at runtime
const { version } = require('eslint-plugin-auth0-tokens/package.json') as { version: string };

type RuleLevel = 'error' | 'warn';
type RuleEntry = RuleLevel | [RuleLevel, Record<string, unknown>];

const recommendedRules: Record<string, RuleEntry> = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended)
    .map(([name]) => [`${PLUGIN_NAME}/${name}`, 'error']),
);

/** `strict` also reports the needs-manual-review results of every rule. */
const strictRules: Record<string, RuleEntry> = Object.fromEntries(
  Object.keys(rules).map((name) => [`${PLUGIN_NAME}/${name}`, ['error', { reportNeedsManual: true }]]),
);

const plugin = {
  meta: { name: 'eslint-plugin-auth0-tokens', version },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'legacy-recommended', Record<string, unknown>>,
};

plugin.configs.recommended = {
  name: 'auth0-tokens/recommended',
  plugins: { [PLUGIN_NAME]: plugin },
  rules: recommendedRules,
};
plugin.configs.strict = { name: 'auth0-tokens/strict', plugins: { [PLUGIN_NAME]: plugin }, rules: strictRules };
plugin.configs['legacy-recommended'] = { plugins: [PLUGIN_NAME], rules: recommendedRules };

export = plugin;
