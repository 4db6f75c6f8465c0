/**
 * What the plugin adds to an ESLint run, without the noise of comparing two separate processes: ESLint's `Linter` in
 * one process lints each file with the parser-only config and with the plugin's `recommended` preset, in alternating
 * order, and sums the time of each. Prints a JSON summary on stdout. Each config is normalised once, as the ESLint
 * CLI does: handed a plain array, `Linter#verify` would normalise and validate it again for every file, a cost that
 * grows with the config and that no real run pays.
 *
 *   node bench/eslint-ab.mjs <dir> [--limit N]   (N files spread evenly over the tree, keeping its mix; all by default)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parserOnly, withPlugin } from './eslint-configs.mjs';
import { ROOT, sourceFiles } from './tree.mjs';

const { values: options, positionals } = parseArgs({ options: { limit: { type: 'string' } }, allowPositionals: true });
const require = createRequire(path.join(ROOT, 'package.json'));
const { Linter } = require('eslint');
// Not in ESLint's public exports; reached by path (the class `Linter#verify` builds from a plain array).
const { FlatConfigArray } = require(path.join(ROOT, 'node_modules/eslint/lib/config/flat-config-array.js'));

const directory = path.resolve(positionals[0]);
const normalised = (config) => {
  const array = new FlatConfigArray(config, { basePath: directory });
  array.normalizeSync();
  return array;
};
const configs = { parserOnly: normalised(parserOnly), withPlugin: normalised(withPlugin) };
const all = sourceFiles(directory);
const count = Math.min(all.length, Number(options.limit ?? all.length));
const list = Array.from({ length: count }, (_, index) => all[Math.floor((index * all.length) / count)]);
// `files` patterns match paths relative to the linter's working directory.
const linter = new Linter({ cwd: directory });
const milliseconds = { parserOnly: 0, withPlugin: 0 };
let pluginMessages = 0;
list.forEach((file, index) => {
  const absolute = path.join(directory, file);
  const text = fs.readFileSync(absolute, 'utf8');
  for (const name of index % 2 ? ['parserOnly', 'withPlugin'] : ['withPlugin', 'parserOnly']) {
    const started = performance.now();
    const messages = linter.verify(text, configs[name], absolute);
    milliseconds[name] += performance.now() - started;
    if (name === 'withPlugin') pluginMessages += messages.filter((message) => message.ruleId?.startsWith('auth0-tokens/')).length;
  }
});
process.stdout.write(
  `${JSON.stringify({ files: list.length, parserOnlyMs: Math.round(milliseconds.parserOnly), withPluginMs: Math.round(milliseconds.withPlugin), ratio: Number((milliseconds.withPlugin / milliseconds.parserOnly).toFixed(3)), pluginMessages })}\n`,
);
