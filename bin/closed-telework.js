#!/usr/bin/env node
// The `closed-telework` command. The package ships TypeScript sources; ts-node transpiles them on the fly
// (type-checking happens once in `npm test`, not on every run).
'use strict';
const path = require('path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
});
require('../lib/cli/main').main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`closed-telework: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
