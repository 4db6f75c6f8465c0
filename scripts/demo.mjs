// `npm run demo`: lint the bundled legacy app with the plugin's `recommended` preset, then run the codemod through
// jscodeshift on a temporary copy (the fixture is never modified), print its diff, and run it again to show that a
// second pass changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { ESLint } from 'eslint';
import plugin from '../dist/src/index.js';

const require = createRequire(import.meta.url);
const Runner = require('jscodeshift/src/Runner.js');
const transformer = require('../dist/transforms/id-token-to-access-token.js').default;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const app = path.join(root, 'fixtures/legacy-app');
const transform = path.join(root, 'dist/transforms/id-token-to-access-token.js');

console.log('== eslint with auth0-tokens/recommended over fixtures/legacy-app\n');
const eslint = new ESLint({
  cwd: app,
  overrideConfigFile: true,
  overrideConfig: [
    plugin.configs.recommended,
    { files: ['public/**/*.js'], languageOptions: { ecmaVersion: 2015, sourceType: 'script' } },
    { files: ['server/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  ],
});
const results = await eslint.lintFiles(['.']);
console.log((await eslint.loadFormatter('stylish')).format(results) || 'No problems.\n');

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-demo-'));
fs.cpSync(app, copy, { recursive: true });
const options = { dry: false, babel: false, extensions: 'js,jsx,ts,tsx,vue', runInBand: true, silent: true, verbose: 0 };

console.log('== codemod (jscodeshift) on a temporary copy\n');
const first = await Runner.run(transform, [copy], options);
for (const file of listFiles(app)) {
  const before = fs.readFileSync(path.join(app, file), 'utf8');
  const after = fs.readFileSync(path.join(copy, file), 'utf8');
  if (before !== after) process.stdout.write(createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 2 }));
}
console.log(`\nfiles: ${first.ok} modified, ${first.nochange} unchanged, ${first.skip} skipped, ${first.error} errors`);

const again = listFiles(copy).filter((file) => {
  const text = fs.readFileSync(path.join(copy, file), 'utf8');
  return /\.(js|jsx|ts|tsx|vue)$/.test(file) && transformer({ path: file, source: text }, { stats() {}, report() {} }, {}) !== text;
});
console.log(`second run: ${again.length} files would change (idempotent when 0)`);
fs.rmSync(copy, { recursive: true, force: true });
process.exitCode = first.error > 0 || again.length > 0 ? 1 : 0;

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}
