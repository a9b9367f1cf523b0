#!/usr/bin/env node
// The `closed-telework` command. In the repository it runs the TypeScript sources through register-ts.js
// (esbuild, each file transpiled once and cached by its bytes; type-checking happens in `npm test`, not on
// every run); the published package ships no CLI sources, only the compiled dist/ built by the prepack
// script, so a stale dist/ never shadows the code.
'use strict';
const fs = require('fs');
const path = require('path');

// `closed-telework verify … | head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const sources = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
let cli;
if (fs.existsSync(sources)) {
  require('./register-ts');
  cli = require(sources);
} else {
  cli = require(path.join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js'));
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`closed-telework: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
