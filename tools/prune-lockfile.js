#!/usr/bin/env node
// Removes dangling optional-dependency names from package-lock.json.
//
// Why: this machine's registry mirror lacks some platform-specific optional packages (for example
// `@unrs/resolver-binding-darwin-arm64`). `npm install` quietly leaves them out of the lockfile but keeps
// their names in the parent's `optionalDependencies`, and `npm ci` then refuses the lockfile with
// "Missing: … from lock file". Optional platform bindings are never needed on Linux x64, so dropping the
// dangling names is safe. Run after every dependency change:  node tools/prune-lockfile.js
'use strict';
const fs = require('fs');
const path = require('path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const present = new Set(
  Object.keys(lock.packages).map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length)),
);
let removed = 0;
for (const [pkgPath, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies) continue;
  for (const name of Object.keys(pkg.optionalDependencies)) {
    if (!present.has(name)) {
      delete pkg.optionalDependencies[name];
      removed += 1;
      process.stdout.write(`pruned ${name} (optional dependency of ${pkgPath || 'the root'})\n`);
    }
  }
  if (Object.keys(pkg.optionalDependencies).length === 0) delete pkg.optionalDependencies;
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`${removed} dangling optional dependencies pruned\n`);
