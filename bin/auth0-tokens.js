#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ (`npm run build`, run by `prepare` on install).
require('../dist/src/cli/index.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
