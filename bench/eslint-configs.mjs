/** The two ESLint configs the benchmark compares: the TypeScript parser and no rules, and the same plus the plugin. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXTENSIONS, ROOT } from './tree.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const parser = require('@typescript-eslint/parser');
const plugin = require('./dist/src/index.js');

const files = [`**/*.{${EXTENSIONS.join(',')}}`];
// Inline `eslint` comments in third-party code would name rules and plugins these configs do not have.
const base = {
  files,
  languageOptions: { parser },
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
};

export const parserOnly = [base];
export const withPlugin = [base, { files, ...plugin.configs.recommended }];
