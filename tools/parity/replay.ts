/**
 * Replays a corpus captured by tools/parity/jest.capture.config.js through this checkout's engine and
 * writes, per input, what `closed-telework verify --format json` prints for it (plus the matrix the
 * report reads). Run it at two commits and compare the output directories: `diff -r` must be empty.
 *
 *   node -r ./bin/register-ts.js tools/parity/replay.ts /tmp/corpus /tmp/out-before
 */
import * as fs from 'fs';
import * as path from 'path';
import { verify } from '../../lib/checks';
import { renderJson } from '../../lib/report/json';

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) {
  process.stderr.write('usage: replay.ts CORPUS_DIR OUT_DIR\n');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
let n = 0;
for (const name of fs.readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()) {
  const rec = JSON.parse(fs.readFileSync(path.join(corpus, name), 'utf8'));
  // An input whose record cannot be judged or rendered (a recorded value JSON cannot carry) is compared by the
  // error it gives: both commits must fail on it alike.
  let text: string;
  try {
    text = renderJson(verify({ templates: rec.templates, missingNested: rec.missingNested }, rec.policy, { asOf: rec.asOf }));
  } catch (err) {
    text = `cannot replay: ${(err as Error).message}\n`;
  }
  fs.writeFileSync(path.join(out, name), text);
  n++;
}
process.stdout.write(`replayed ${n} input(s) into ${out}\n`);
