/**
 * The floors the tool is measured against, in one Node process: (a) walk the tree, read every file and run the
 * tool's own text pre-filter on it; (b) the same plus a typescript-estree parse of every candidate the pre-filter
 * lets through (JSX on but for .ts/.mts/.cts, ranges but no locations or comments, as the tool asks). (b) is what any
 * correct tool that skips non-candidates unparsed must at least pay. Prints a JSON summary on stdout.
 *
 *   node bench/floor.mjs <dir> [--parse]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, sourceFiles } from './tree.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { mightContainAuth0 } = require('./dist/src/analysis/prefilter.js');

const directory = path.resolve(process.argv[2]);
const parse = process.argv.includes('--parse');
const parser = parse ? require('@typescript-eslint/typescript-estree') : undefined;

let files = 0;
let characters = 0;
let candidates = 0;
let parseErrors = 0;
for (const file of sourceFiles(directory)) {
  const text = fs.readFileSync(path.join(directory, file), 'utf8');
  files++;
  characters += text.length;
  if (!mightContainAuth0(text)) continue;
  candidates++;
  if (!parser) continue;
  try {
    parser.parse(text, {
      jsx: !/\.[mc]?ts$/.test(file),
      range: true,
      loc: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch {
    parseErrors++;
  }
}
process.stdout.write(`${JSON.stringify({ files, characters, candidates, parseErrors })}\n`);
