/**
 * `npm run bench`: runs every `bench/*.bench.ts` in one process, one after another, so the ratios each
 * benchmark prints are measured in the same run on the same (shared, noisy) machine.
 * A benchmark module exports `run(): Promise<void>` and prints its own results.
 * `npm run bench -- verify` runs only the benchmarks whose file name contains "verify".
 */
import * as fs from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  if (files.length === 0) {
    throw new Error(`no benchmark matches ${filter ?? '(any)'}`);
  }
  for (const file of files) {
    process.stdout.write(`\n=== ${file}\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
