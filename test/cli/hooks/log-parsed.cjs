// Preloaded (NODE_OPTIONS=--require) into the CLI under test: appends each file the main thread parses to the file
// named by AUTH0_TOKENS_PARSED_LOG, one per line.
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const parse = require(path.join(__dirname, '../../../dist/src/parse.js'));
  const { parseFile } = parse;
  parse.parseFile = (file, text) => {
    fs.appendFileSync(process.env.AUTH0_TOKENS_PARSED_LOG, `${file}\n`);
    return parseFile(file, text);
  };
}
