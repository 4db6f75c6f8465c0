/**
 * What the plugin adds to an ESLint run, without the noise of comparing two separate processes: ESLint's `Linter` in
 * one process lints each file with the parser-only config and with the plugin's `recommended` preset, in alternating
 * order, after an untimed warm-up, in several rounds over the same files, and sums the time of each config over all
 * rounds (each round's ratio is printed too: their spread is the measure's noise). Prints a JSON summary on stdout.
 * Each config is normalised once, as the ESLint CLI does: handed a plain array, `Linter#verify` would normalise and
 * validate it again for every file, a cost that grows with the config and that no real run pays.
 *
 *   node bench/eslint-ab.mjs <dir> [--limit N] [--rounds R]   (N files spread evenly over the tree, keeping its mix;
 *                                                              all by default; 3 rounds by default)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parserOnly, withPlugin } from './eslint-configs.mjs';
import { ROOT, sourceFiles } from './tree.mjs';

const { values: options, positionals } = parseArgs({
  options: { limit: { type: 'string' }, rounds: { type: 'string', default: '3' } },
  allowPositionals: true,
});
const ROUNDS = Number(options.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`--rounds must be a whole number of at least 1, not ${options.rounds}`);
const WARM_UP_FILES = 200;
const NAMES = ['parserOnly', 'withPlugin'];
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
const texts = list.map((file) => fs.readFileSync(path.join(directory, file), 'utf8'));
const milliseconds = { parserOnly: 0, withPlugin: 0 };
const roundRatios = [];
let pluginMessages = 0;
// Untimed: the first files of a process pay for compiling ESLint, the parser and the plugin.
for (let index = 0; index < Math.min(WARM_UP_FILES, list.length); index++)
  for (const name of NAMES) linter.verify(texts[index], configs[name], path.join(directory, list[index]));
for (let round = 0; round < ROUNDS; round++) {
  const spent = { parserOnly: 0, withPlugin: 0 };
  list.forEach((file, index) => {
    const absolute = path.join(directory, file);
    for (const name of (index + round) % 2 ? NAMES : [...NAMES].reverse()) {
      const started = performance.now();
      const messages = linter.verify(texts[index], configs[name], absolute);
      spent[name] += performance.now() - started;
      if (round === 0 && name === 'withPlugin')
        pluginMessages += messages.filter((message) => message.ruleId?.startsWith('auth0-tokens/')).length;
    }
  });
  for (const name of NAMES) milliseconds[name] += spent[name];
  roundRatios.push(Number((spent.withPlugin / spent.parserOnly).toFixed(3)));
}
process.stdout.write(
  `${JSON.stringify({ files: list.length, rounds: ROUNDS, parserOnlyMs: Math.round(milliseconds.parserOnly), withPluginMs: Math.round(milliseconds.withPlugin), ratio: Number((milliseconds.withPlugin / milliseconds.parserOnly).toFixed(3)), roundRatios, pluginMessages })}\n`,
);
