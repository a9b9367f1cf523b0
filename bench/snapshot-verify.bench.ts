/**
 * `npm run bench -- verify`: the live-account proof against the template proof on the same network — the
 * 60-municipality prefecture of verify.bench.ts, once as template files and once as the snapshot an
 * account deployed from them would give (one account per municipality, derived by
 * test/support/snapshot-from-templates). Both are timed end to end from files on disk (read, parse,
 * model, reachability, rules), alternately, three times each; the medians' ratio is the result.
 * Target: snapshot ≤ 1.5× template.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { verify } from '../lib/checks';
import { loadPaths } from '../lib/model/load';
import { verifySnapshot } from '../lib/snapshot';
import type { TierPolicy } from '../lib/policy/schema';
import { TIERS } from '../lib/tiers/tier';
import { asLoaded, buildCity, cidrOf } from '../test/fixtures/city';
import { snapshotFromTemplates, writeSnapshotFiles } from '../test/support/snapshot-from-templates';

const CITIES = 60;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bench-snapshot-'));
  try {
    const templatesDir = path.join(dir, 'templates');
    fs.mkdirSync(templatesDir);
    const files: string[] = [];
    for (let i = 0; i < CITIES; i++) {
      const t = asLoaded(`City${i}`, buildCity({ index: i, prefix: `M${i}`, extraSubnets: 4 }));
      const file = path.join(templatesDir, `City${i}.template.json`);
      fs.writeFileSync(file, JSON.stringify(t.template));
      files.push(file);
      writeSnapshotFiles(dir, snapshotFromTemplates([t], { account: String(100000000000 + i), accountFolder: true }));
    }
    const policy: TierPolicy = {
      version: 1,
      model: 'alpha',
      onPremNetworks: TIERS.map((tier) => ({ name: `${tier}-offices`, tier, cidrs: Array.from({ length: CITIES }, (_, i) => cidrOf(i, tier).onPrem) })),
      teleworkClients: [],
      sanctionedChannels: [],
    };
    const fromTemplates = (): { ms: number; resources: number; findings: number } => {
      const started = performance.now();
      const r = verify(loadPaths(files), policy, { asOf: '2026-11-21' });
      return { ms: performance.now() - started, resources: r.stats.resources, findings: r.findings.length };
    };
    const fromSnapshot = (): { ms: number; resources: number; findings: number } => {
      const started = performance.now();
      const r = verifySnapshot(dir, policy, { asOf: '2026-11-21' });
      return { ms: performance.now() - started, resources: r.stats.resources, findings: r.findings.length };
    };
    fromTemplates();
    fromSnapshot(); // warm up the JIT for both readers
    const t: number[] = [];
    const s: number[] = [];
    let last = { t: fromTemplates(), s: fromSnapshot() };
    for (let k = 0; k < 3; k++) {
      last = { t: fromTemplates(), s: fromSnapshot() };
      t.push(last.t.ms);
      s.push(last.s.ms);
    }
    const ratio = median(s) / median(t);
    process.stdout.write(`template verify  (60 cities, ${String(last.t.resources).padStart(6)} resources)  ${(median(t) / 1000).toFixed(2)} s  findings ${last.t.findings}\n`);
    process.stdout.write(`snapshot verify  (60 accounts, ${String(last.s.resources).padStart(5)} resources)  ${(median(s) / 1000).toFixed(2)} s  findings ${last.s.findings}\n`);
    process.stdout.write(`snapshot / template: ${ratio.toFixed(2)}× (target ≤ 1.5×, medians of 3, end to end from files) — ${ratio <= 1.5 ? 'within' : 'OVER'} target\n`);
    if (last.t.findings !== 0 || last.s.findings !== 0) process.stdout.write('WARNING: the generated good prefecture produced findings — the benchmark input is not the intended one\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
