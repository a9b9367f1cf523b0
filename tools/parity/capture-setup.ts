/**
 * jest set-up for tools/parity/jest.capture.config.js: wraps the engine's public `verify()` so each call
 * writes its input to $PARITY_CORPUS/<sha256>.json (identical inputs are stored once). Production code is
 * untouched: the wrapper replaces the export every caller reads (`checks_1.verify` at call time).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const dir = process.env.PARITY_CORPUS;
if (!dir) throw new Error('PARITY_CORPUS must name the directory the captured verify() inputs go to');
fs.mkdirSync(dir, { recursive: true });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const checks = require('../../lib/checks') as typeof import('../../lib/checks');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { today } = require('../../lib/policy/load') as typeof import('../../lib/policy/load');
const original = checks.verify;

(checks as { verify: typeof original }).verify = (input, policy, options = {}) => {
  const load: import('../../lib/checks').LoadResult = Array.isArray(input) ? { templates: [...(input as readonly import('../../lib/checks').LoadedTemplate[])], missingNested: [] } : (input as import('../../lib/checks').LoadResult);
  const record = {
    templates: load.templates.map((t) => ({ stack: t.stack, file: path.basename(t.file), template: t.template, ...(t.parent ? { parent: t.parent } : {}) })),
    missingNested: load.missingNested,
    policy,
    asOf: options.asOf ?? today(),
    test: expect.getState().currentTestName ?? '',
  };
  const { test, ...key } = record;
  const text = JSON.stringify(key);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 20);
  const file = path.join(dir, `${hash}.json`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify({ test, ...key }));
  return original(input, policy, options);
};
