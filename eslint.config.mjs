// The project's own lint (`npm run lint`, part of `npm test`): typescript-eslint's strict preset, and
// eslint-plugin-eslint-plugin on the rules.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Fixtures are legacy code on purpose; dist is built.
  { ignores: ['dist/', 'coverage/', 'fixtures/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // The analysis reads ESTree shapes and indexes arrays it has just checked (`noUncheckedIndexedAccess`): an
      // assertion there says what the node type or the check guarantees.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const { dropped, ...rest } = value` is how a property is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // CommonJS: the CLI launcher, test hooks loaded with --require, tool configs.
    files: ['**/*.cjs', 'bin/*.js', '.eslint-doc-generatorrc.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests load the built CommonJS output, and the transform module as jscodeshift does.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      // Suggestions are built in src/rule-support.ts, which this rule cannot follow.
      'eslint-plugin/require-meta-has-suggestions': 'off',
      // RuleCreator applies `defaultOptions`; `meta.defaultOptions` would be a second copy of them.
      'eslint-plugin/require-meta-default-options': 'off',
    },
  },
);
