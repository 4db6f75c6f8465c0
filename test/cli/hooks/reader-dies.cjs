// Preloaded (NODE_OPTIONS=--require) into the CLI under test: its reader thread ends without a word after 300 reads,
// as a thread that runs out of memory does. The main thread must notice the silence and read the rest itself.
const { isMainThread } = require('node:worker_threads');

if (!isMainThread) {
  const fs = require('node:fs');
  const { readFileSync } = fs;
  let reads = 0;
  fs.readFileSync = function (...args) {
    if (++reads > 300) process.exit(0);
    return readFileSync.apply(this, args);
  };
}
