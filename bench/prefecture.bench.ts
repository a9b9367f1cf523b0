/**
 * `npm run bench -- prefecture`: prefecture scale, measured in one run.
 *
 * 1. verify of every municipality in Japan: 1,741 generated municipalities in 47 prefectures, each
 *    prefecture with its security cloud hub (test/fixtures/prefecture-hub.ts: hub, members on it, hub routing,
 *    every taggable resource tagged as the stages synthesise it), written as 1,835 template files.
 *    (a) end to end, as a user runs it: `closed-telework verify --policy … <every template>` in a new process
 *        (start-up, reading, the proof, the report); wall time, CPU time and peak memory of that process (its
 *        worker threads included). Then the same command side by side (`--jobs 2`: the 47 independent
 *        prefectures judged in two parts on worker threads, lib/cli/verify-parts, merged into exactly one
 *        model's output) and as one model (`--jobs 1`); every output compared byte for byte (text and JSON).
 *        `--jobs auto` splits from four cores on (docs/performance.md says why not on two).
 *    (b) where the time goes: the same input in this process — reading, building the model, reachability and
 *        every rule (one model).
 *    Target: ≤ 5 s end to end on these 2-core machines, peak memory ≤ 1 GB. The load average is printed: on
 *    a shared machine the wall time says more about the neighbours than about the code, the CPU time less so.
 * 2. synth of 1, 10 and 60 municipalities on a prefecture hub with every pack (AwsSolutions, NIST 800-53 R5,
 *    cfn-guard, the tier pack): time per municipality and the growth ratio against linear (target ≤ 1.2×).
 *    BENCH_PREFECTURE_SYNTH=1,10,60 chooses the sizes (each synth of 60 takes many minutes here; 0 skips).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App } from 'aws-cdk-lib';
import { verifyModel } from '../lib/checks';
import { buildModel } from '../lib/model/facts';
import { loadPaths } from '../lib/model/load';
import { loadPolicy } from '../lib/policy/load';
import type { AppConfiguration, MunicipalityConfig, PrefectureConfig } from '../lib/config';
import { loadEmbeddedConfig } from '../lib/config';
import { buildApp } from '../lib/stages/build-app';
import { GUARD_CACHE_ENV } from '../lib/control-tower/guard-verdict-cache';
import { buildPrefecture } from '../test/fixtures/prefecture-hub';

const MUNICIPALITIES = 1741;
const PREFECTURES = 47;
/** Hokkaido has 179 municipalities; the other 46 prefectures share the rest. */
function prefectureSizes(): number[] {
  const rest = MUNICIPALITIES - 179;
  const base = Math.floor(rest / (PREFECTURES - 1));
  return [179, ...Array.from({ length: PREFECTURES - 1 }, (_, i) => base + (i < rest - base * (PREFECTURES - 1) ? 1 : 0))];
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The national set written as template files (one per stack, named as the stack) and its policy file. */
function writeCountry(dir: string): { files: string[]; policyFile: string } {
  const sets = prefectureSizes().map((n, p) => buildPrefecture(`pref-${p}`, n));
  const files: string[] = [];
  for (const t of sets.flatMap((s) => s.templates)) {
    const file = path.join(dir, `${t.stack}.template.json`);
    fs.writeFileSync(file, JSON.stringify(t.template));
    files.push(file);
  }
  // One policy for the whole country: every prefecture's generated on-premises ranges are the same plan.
  const policyFile = path.join(dir, 'tier-policy.json');
  fs.writeFileSync(policyFile, JSON.stringify(sets[0]!.policy));
  return { files, policyFile };
}

/** (a) `closed-telework verify` in a new process, as a user runs it. */
function verifyEndToEnd(files: string[], policyFile: string, tmp: string, extra: string[] = []): { ms: number; cpuMs: number; peakRss: number; exit: number | null; firstLine: string; stdout: string; note: string } {
  const usageFile = path.join(tmp, 'usage.json');
  const cli = path.join(__dirname, '..', 'bin', 'closed-telework.js');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'support', 'report-usage.js'), cli, 'verify', '--policy', policyFile, ...extra, ...files], {
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, CLOSED_TELEWORK_VERIFY_PARTS_TRACE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userMs: number; systemMs: number };
  const stdout = r.stdout ?? '';
  return { ms, cpuMs: usage.userMs + usage.systemMs, peakRss: usage.maxRssKb * 1024, exit: r.status, firstLine: stdout.split('\n')[0] ?? '', stdout, note: (r.stderr ?? '').trim() };
}

/** (b) The same input in this process, phase by phase (CPU time of this thread's process). */
function verifyBreakdown(files: string[], policyFile: string): { loadMs: number; modelMs: number; proofMs: number; resources: number; findings: number } {
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const policy = loadPolicy(policyFile);
  const t0 = cpu();
  const load = loadPaths(files);
  const t1 = cpu();
  const { model } = buildModel(load.templates, load.missingNested);
  const t2 = cpu();
  const r = verifyModel(model, load.templates.map((t) => ({ stack: t.stack, file: t.file })), policy, { asOf: '2026-12-06' });
  const t3 = cpu();
  return { loadMs: t1 - t0, modelMs: t2 - t1, proofMs: t3 - t2, resources: r.stats.resources, findings: r.findings.length };
}

/** `count` municipalities on one prefecture hub: the example city's shape, each with its own name, account and ranges. */
function generatedPrefecture(count: number): AppConfiguration {
  const base = loadEmbeddedConfig('example-city');
  const municipalities = Array.from({ length: count }, (_, i) => {
    const config: MunicipalityConfig = JSON.parse(JSON.stringify(base)) as MunicipalityConfig;
    config.name = `bench-city-${String(i + 1).padStart(2, '0')}`;
    config.account = String(300000000000 + i);
    config.tiers.internet = { ...config.tiers.internet, vpcCidr: `10.${i}.0.0/20`, onPremCidrs: [`192.168.${i}.0/24`], onPremLink: { kind: 'site-to-site-vpn', customerGatewayIp: `203.0.113.${(i * 3) % 250 + 1}`, customerGatewayAsn: 65010 } };
    config.tiers.lgwan = { ...config.tiers.lgwan, vpcCidr: `10.${i}.16.0/20`, onPremCidrs: [`172.16.${i}.0/24`], onPremLink: { kind: 'site-to-site-vpn', customerGatewayIp: `203.0.113.${(i * 3) % 250 + 2}`, customerGatewayAsn: 65020 } };
    config.tiers['personal-number'] = { ...config.tiers['personal-number'], vpcCidr: `10.${i}.32.0/20`, onPremCidrs: [`172.17.${i}.0/24`] };
    config.internetEgress = { kind: 'prefecture-hub' };
    config.telework = { ...config.telework, clientCidrs: { lgwan: `100.${64 + Math.floor(i / 64)}.${(i % 64) * 4}.0/22` } };
    return { config, source: `${config.name}.yaml` };
  });
  const prefecture = {
    name: 'bench-prefecture', displayName: { en: 'Bench', ja: 'ベンチ県' }, account: '299999999999', region: 'ap-northeast-1',
    securityCloud: { vpcCidr: '10.255.0.0/24', allowedDomains: ['.lg.jp'], amazonSideAsn: 64512, flowLogRetentionDays: 3653, shareOutsideOrganization: false },
  } as PrefectureConfig;
  return { prefecture, prefectureSource: 'prefecture.yaml', municipalities };
}

function synthOnce(count: number, tmp: string): { ms: number; stacks: number } {
  const outdir = fs.mkdtempSync(path.join(tmp, `synth-${count}-`));
  // A first synth, as in CI: an empty cfn-guard verdict cache (a warm one would flatter the smaller rows).
  process.env[GUARD_CACHE_ENV] = fs.mkdtempSync(path.join(tmp, 'guard-cache-'));
  const started = performance.now();
  const app = new App({ outdir });
  buildApp(app, generatedPrefecture(count), { pipeline: false });
  const assembly = app.synth();
  const ms = performance.now() - started;
  const stacks = assembly.stacksRecursively.length;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { ms, stacks };
}

export async function run(): Promise<void> {
  const sizes = prefectureSizes();
  const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prefecture-'));
  const { files, policyFile } = writeCountry(tmp);
  process.stdout.write(`verify: ${sizes.reduce((a, b) => a + b, 0)} municipalities in ${sizes.length} prefectures, each with its security cloud hub (${files.length} templates)\n`);
  const row = (label: string, r: ReturnType<typeof verifyEndToEnd>): void => {
    process.stdout.write(`  ${label}  ${(r.ms / 1000).toFixed(2).padStart(6)} s wall  ${(r.cpuMs / 1000).toFixed(2)} s CPU  peak ${mb(r.peakRss)}  exit ${r.exit}  (load average ${load()})\n`);
    if (r.note) process.stdout.write(`    ${r.note.replace(/^closed-telework verify: /, '')}\n`);
  };
  const e2e = verifyEndToEnd(files, policyFile, tmp);
  row(`end to end (closed-telework verify, new process; --jobs auto on ${os.availableParallelism?.() ?? os.cpus().length} cores)`, e2e);
  process.stdout.write(`    ${e2e.firstLine}\n`);
  const side = verifyEndToEnd(files, policyFile, tmp, ['--jobs', '2']);
  row('side by side (closed-telework verify --jobs 2)                      ', side);
  const one = verifyEndToEnd(files, policyFile, tmp, ['--jobs', '1']);
  row('one model (closed-telework verify --jobs 1)                         ', one);
  process.stdout.write(`    side by side vs one model: ${(side.ms / one.ms).toFixed(2)}× wall, ${(side.cpuMs / one.cpuMs).toFixed(2)}× CPU; output ${side.stdout === one.stdout && e2e.stdout === one.stdout ? 'byte-identical' : 'DIFFERS'}\n`);
  const json = verifyEndToEnd(files, policyFile, tmp, ['--format', 'json', '--jobs', '2']);
  const jsonOne = verifyEndToEnd(files, policyFile, tmp, ['--format', 'json', '--jobs', '1']);
  process.stdout.write(`    --format json: side by side ${(json.ms / 1000).toFixed(2)} s, one model ${(jsonOne.ms / 1000).toFixed(2)} s; output ${json.stdout === jsonOne.stdout ? 'byte-identical' : 'DIFFERS'}\n`);
  const b = verifyBreakdown(files, policyFile);
  process.stdout.write(`  in process, one model, CPU: read ${(b.loadMs / 1000).toFixed(2)} s, model ${(b.modelMs / 1000).toFixed(2)} s, reachability and rules ${(b.proofMs / 1000).toFixed(2)} s  (${b.resources} resources, findings ${b.findings})\n`);
  process.stdout.write(`  end to end vs the 5 s target: ${e2e.ms <= 5000 ? 'within' : 'OVER'} (wall); peak ≤ 1 GB: ${e2e.peakRss <= 1024 ** 3 ? 'within' : 'OVER'}\n`);
  if (e2e.exit !== 0 || side.exit !== 0 || one.exit !== 0 || b.findings !== 0) process.stdout.write('WARNING: the generated country produced findings — the benchmark input is not the intended one\n');
  if (e2e.stdout !== one.stdout || side.stdout !== one.stdout || json.stdout !== jsonOne.stdout) process.stdout.write('WARNING: side by side and one model differ\n');
  fs.rmSync(tmp, { recursive: true, force: true });

  const synthSizes = (process.env.BENCH_PREFECTURE_SYNTH ?? '1,10,60').split(',').map(Number).filter((n) => n > 0);
  if (synthSizes.length === 0) return;
  const synthTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prefecture-'));
  process.stdout.write('synth with every pack, municipalities on a prefecture hub (the hub and hub-routing stages included)\n');
  const rows: Array<{ n: number; ms: number }> = [];
  for (const n of synthSizes) {
    const r = synthOnce(n, synthTmp);
    rows.push({ n, ms: r.ms });
    process.stdout.write(`  ${String(n).padStart(3)} municipalities  ${String(r.stacks).padStart(4)} stacks  ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${(r.ms / n / 1000).toFixed(2)} s per municipality\n`);
  }
  const first = rows[0]!;
  for (const r of rows.slice(1)) {
    const growth = r.ms / first.ms / (r.n / first.n);
    process.stdout.write(`  ${r.n} vs ${first.n}: ${(r.ms / first.ms).toFixed(2)}× time for ${(r.n / first.n).toFixed(0)}× municipalities = ${growth.toFixed(2)}× linear (target ≤ 1.2×)\n`);
  }
  fs.rmSync(synthTmp, { recursive: true, force: true });
}
