// Runs this repository's TypeScript sources without a build step and without transpiling them on every
// run: `node -r ./bin/register-ts.js bin/app.ts` (cdk.json's "app"), bin/closed-telework.js, the bench.
//
// Why not ts-node or tsx: ts-node transpiles every source on every run (~3 s of a synth); tsx caches, but
// its resolver hooks every require(), and aws-cdk-lib makes thousands of them (~0.7 s of CPU per synth
// measured here). This hook touches only `.ts` files outside node_modules: each is transpiled by esbuild
// (types stripped, no type-check — `npm test` type-checks with tsc) and the JavaScript is kept on disk
// under a key made of the source's bytes, its path, esbuild's version and the options below, so an
// unchanged file is read back rather than transpiled again, and an edited file can never be served stale.
//
// The cache lives in node_modules/.cache/closed-telework/ts (so `npm ci` empties it), or in the directory
// CLOSED_TELEWORK_TS_CACHE names. Turn it off with CLOSED_TELEWORK_TS_CACHE=off (or CLOSED_TELEWORK_CACHE=off,
// every cache of this package); an unwritable cache is not an error, only slower.
// `npm run bench` reads globalThis.__closedTeleworkTs (files, transpiled, milliseconds) for its breakdown.
// Stack traces point into the TypeScript sources with NODE_OPTIONS=--enable-source-maps (inline maps).
//
// The published package does not use this file: it runs the compiled dist/ (see bin/closed-telework.js).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.resolve(__dirname, '..');
const CACHE_ENV = 'CLOSED_TELEWORK_TS_CACHE';

/** Emit settings matching tsconfig.json (target ES2022, CommonJS, strict ⇒ "use strict", define semantics). */
const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  platform: 'node',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, alwaysStrict: true, esModuleInterop: true } },
};

let esbuild;
let cacheDir;
let versionKey;

const OFF = /^(off|false|0|no)$/i;

function cacheDirectory() {
  if (cacheDir === undefined) {
    const setting = process.env[CACHE_ENV];
    if (setting) cacheDir = OFF.test(setting) ? null : path.resolve(setting);
    else cacheDir = OFF.test(process.env.CLOSED_TELEWORK_CACHE || '') ? null : path.join(ROOT, 'node_modules', '.cache', 'closed-telework', 'ts');
  }
  return cacheDir;
}

/** What this hook did in this process: TypeScript files loaded, how many were transpiled, time spent. */
const stats = { files: 0, transpiled: 0, ms: 0 };
globalThis.__closedTeleworkTs = stats;

function transpile(source, filename) {
  esbuild ??= require('esbuild'); // loaded only on a cache miss
  stats.transpiled++;
  return esbuild.transformSync(source, { ...TRANSFORM_OPTIONS, sourcefile: filename }).code;
}

/** esbuild's version (read from its package.json, without loading esbuild) and the options. */
function transpilerKey() {
  const { version } = JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8'));
  return JSON.stringify({ esbuild: version, options: TRANSFORM_OPTIONS });
}

function compiled(source, filename) {
  const dir = cacheDirectory();
  if (dir === null) return transpile(source, filename);
  versionKey ??= transpilerKey();
  const key = crypto.createHash('sha256').update(versionKey).update('\0').update(filename).update('\0').update(source).digest('hex');
  const file = path.join(dir, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // Not cached yet.
  }
  const code = transpile(source, filename);
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Write then rename: a parallel run never reads a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  } catch {
    // A read-only checkout still runs, transpiling each time.
  }
  return code;
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const defaultJs = Module._extensions['.js'];

Module._extensions['.ts'] = function loadTypeScript(module, filename) {
  if (filename.includes(NODE_MODULES)) return defaultJs(module, filename);
  const started = performance.now();
  const code = compiled(fs.readFileSync(filename, 'utf8'), filename);
  stats.files++;
  stats.ms += performance.now() - started;
  module._compile(code, filename);
};
