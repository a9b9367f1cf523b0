/**
 * What the policy packs cost inside `cdk synth`: the example app (example-city) synthesised with no
 * packs, AwsSolutions alone, the tier pack alone, and every pack (AwsSolutions, NIST 800-53 R5, cfn-guard
 * and the tier pack, reports written); then the same four for a ten-municipality app.
 * Variants are interleaved round by round so machine noise hits them alike; medians are compared.
 * Targets: tier pack's added time ≤ AwsSolutions' added time; every pack ≤ 1.5× none.
 *
 *   npm run bench -- synth-packs     BENCH_ROUNDS (example app, default 3), BENCH_ROUNDS_TEN (ten
 *                                     municipalities, default 1: one round is already ~40 synths' work),
 *                                     BENCH_ROUNDS_CLI (end-to-end `cdk synth` rows, default 3; 0 skips them)
 *
 * The in-process rows time `app.synth()` alone, the strict measure. The end-to-end rows time what a user
 * waits for (`cdk synth`: the CLI, loading the app and the app), where the same pack cost is a smaller share.
 * "all" is a first synth (empty cfn-guard verdict cache); "all-repeat" a repeated synth of the same
 * templates, which reuses cfn-guard's verdict (lib/control-tower/guard-verdict-cache.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadEmbeddedConfig, type MunicipalityConfig } from '../lib/config';
import { collectTemplates } from '../lib/nag/collect-templates';
import { runTierEngine } from '../lib/report/engine-run';
import { ThreeTierSeparationChecks } from '../lib/nag/three-tier-separation-checks';
import { writeSynthReports } from '../lib/nag/write-synth-reports';
import { MunicipalityStage } from '../lib/stages/municipality-stage';
import { GUARD_CACHE_ENV } from '../lib/control-tower/guard-verdict-cache';
import { externalPolicyPlugins } from '../lib/stages/policy-plugins';

/**
 * `all`: every pack on a first synth (an empty cfn-guard verdict cache, as on a fresh clone or in CI);
 * `all-repeat`: every pack on a repeated synth of the same templates (`cdk diff` then `cdk deploy`), where
 * cfn-guard's verdict is reused.
 */
type Variant = 'none' | 'aws-solutions' | 'tier-pack' | 'all' | 'all-repeat';
const VARIANTS: readonly Variant[] = ['none', 'aws-solutions', 'tier-pack', 'all', 'all-repeat'];

/** Time spent inside each pack's validate() during the every-pack synths, by pack name (ms, summed per synth). */
const insideAll = new Map<string, number[]>();

/** Wraps validate() to time it; the pack's behaviour and report are unchanged. */
function timed(plugin: IPolicyValidationPlugin): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => {
    const start = performance.now();
    try {
      return validate(context);
    } finally {
      const list = insideAll.get(plugin.name) ?? [];
      list.push(performance.now() - start);
      insideAll.set(plugin.name, list);
    }
  };
  return plugin;
}

function plugins(variant: Variant, app: App, reportDir: string): IPolicyValidationPlugin[] {
  switch (variant) {
    case 'none':
      return [];
    case 'aws-solutions':
      return [new AwsSolutionsChecks(app, { verbose: true })];
    case 'tier-pack':
      return [new ThreeTierSeparationChecks({ reportDir })];
    case 'all':
      return [...externalPolicyPlugins(app), new ThreeTierSeparationChecks({ reportDir })].map(timed);
    case 'all-repeat':
      return [...externalPolicyPlugins(app), new ThreeTierSeparationChecks({ reportDir })];
  }
}

/** One synth; returns milliseconds. A failing validation still counts (the packs ran); anything else is rethrown. */
function synthOnce(configs: readonly MunicipalityConfig[], variant: Variant, tmp: string, repeatCache: string): { ms: number; resources: number; failed: boolean } {
  const outdir = fs.mkdtempSync(path.join(tmp, `${variant}-`));
  // Read by the cfn-guard plugin at validation time: a fresh directory is an empty cache.
  process.env[GUARD_CACHE_ENV] = variant === 'all-repeat' ? repeatCache : fs.mkdtempSync(path.join(tmp, 'guard-cache-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  const registered = plugins(variant, app, path.join(outdir, '..', `reports-${variant}`));
  if (registered.length > 0) Validations.of(app).addPlugins(...registered);
  for (const config of configs) new MunicipalityStage(app, config.name, { config });
  let failed = false;
  let assemblyResources = 0;
  try {
    const assembly = app.synth();
    for (const stack of assembly.stacksRecursively) assemblyResources += Object.keys((stack.template as { Resources?: object }).Resources ?? {}).length;
  } catch (err) {
    if (!/Validation failed|ValidationFailed|FATAL|ERROR/i.test((err as Error).message)) throw err;
    failed = true;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { ms, resources: assemblyResources, failed };
}

/**
 * The tier pack's own work on an already synthesised app, timed directly (collect templates, engine,
 * every report file): on a shared machine this is steadier than a difference of two synth times.
 */
function packOwnTime(configs: readonly MunicipalityConfig[], tmp: string): { collect: number; engine: number; report: number; awsSolutions: number } {
  const outdir = fs.mkdtempSync(path.join(tmp, 'own-'));
  const app = new App({ outdir });
  for (const config of configs) new MunicipalityStage(app, config.name, { config });
  const assembly = app.synth();
  const stacks = assembly.stacksRecursively.map((s) => ({ stackConstructPath: s.hierarchicalId, templatePath: s.templateFullPath, accountId: undefined, region: undefined }));
  let t = performance.now();
  const collected = collectTemplates(app, stacks);
  const collect = performance.now() - t;
  t = performance.now();
  const run = runTierEngine({ templates: collected.templates, missingNested: collected.missingNested });
  const engine = performance.now() - t;
  t = performance.now();
  writeSynthReports({ dir: `${outdir}-reports`, sources: [], engine: run, acknowledgements: [], generatedAt: new Date().toISOString() });
  const report = performance.now() - t;
  // AwsSolutions' own work on the same tree, timed the same way (its documented direct entry point).
  t = performance.now();
  new AwsSolutionsChecks(app, { verbose: true }).validateScope(app);
  const awsSolutions = performance.now() - t;
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(`${outdir}-reports`, { recursive: true, force: true });
  return { collect, engine, report, awsSolutions };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function tenMunicipalities(base: MunicipalityConfig): MunicipalityConfig[] {
  return Array.from({ length: 10 }, (_, i) => ({ ...base, name: `${base.name}-${String(i + 1).padStart(2, '0')}` }));
}

async function measure(label: string, configs: readonly MunicipalityConfig[], rounds: number, tmp: string, warmUp: boolean): Promise<void> {
  const times: Record<Variant, number[]> = { none: [], 'aws-solutions': [], 'tier-pack': [], all: [], 'all-repeat': [] };
  const repeatCache = fs.mkdtempSync(path.join(tmp, 'guard-cache-repeat-'));
  synthOnce(configs, 'all-repeat', tmp, repeatCache); // the earlier synth the repeated ones follow, not measured
  const notes: string[] = [];
  if (warmUp) synthOnce(configs, 'all', tmp, repeatCache); // module loading and JIT of every pack, not measured
  insideAll.clear();
  let resources = 0;
  for (let r = 0; r < rounds; r++) {
    for (const variant of VARIANTS) {
      const result = synthOnce(configs, variant, tmp, repeatCache);
      times[variant].push(result.ms);
      if (variant === 'none') resources = result.resources;
      if (result.failed && r === 0) notes.push(`${variant}: validation failed (packs ran; time still counted)`);
    }
  }
  const none = median(times.none);
  const aws = median(times['aws-solutions']);
  const tier = median(times['tier-pack']);
  const all = median(times.all);
  const repeat = median(times['all-repeat']);
  process.stdout.write(`\n${label}: ${configs.length} municipality stage(s), ${resources} resources, ${rounds} rounds (median ms)\n`);
  for (const v of VARIANTS) {
    const m = median(times[v]);
    process.stdout.write(`  ${v.padEnd(14)} ${m.toFixed(0).padStart(7)} ms  ${(m / none).toFixed(2)}× none\n`);
  }
  const awsAdded = aws - none;
  const tierAdded = tier - none;
  process.stdout.write(`  added by AwsSolutions: ${awsAdded.toFixed(0)} ms (${((awsAdded / none) * 100).toFixed(1)}%); added by tier pack: ${tierAdded.toFixed(0)} ms (${((tierAdded / none) * 100).toFixed(1)}%)\n`);
  // A negative "added" time means machine noise exceeded the packs' cost: say so rather than claim a result.
  const addedVerdict = awsAdded < 0 || tierAdded < 0 ? 'INCONCLUSIVE (noise larger than the difference; see the direct timings below)' : tierAdded <= awsAdded ? 'MET' : 'NOT MET';
  process.stdout.write(`  target tier added ≤ AwsSolutions added (synth difference): ${addedVerdict}\n`);
  const verdict = (x: number): string => `${x <= 1.5 ? 'MET' : 'NOT MET'} (${x.toFixed(2)}×)`;
  process.stdout.write(`  target every pack ≤ 1.5× none: first synth ${verdict(all / none)}; repeated synth of unchanged templates ${verdict(repeat / none)}\n`);
  for (const n of notes) process.stdout.write(`  note: ${n}\n`);
  const inside = [...insideAll].map(([name, ms]) => `${name} ${median(ms).toFixed(0)} ms`).join(', ');
  process.stdout.write(`  inside the every-pack synth (median per pack): ${inside}\n`);
  const own = Array.from({ length: Math.max(3, rounds) }, () => packOwnTime(configs, tmp));
  const c = median(own.map((o) => o.collect));
  const e = median(own.map((o) => o.engine));
  const r = median(own.map((o) => o.report));
  const a = median(own.map((o) => o.awsSolutions));
  const tierOwn = c + e + r;
  process.stdout.write(`  tier pack's own work, timed directly: collect ${c.toFixed(0)} ms + engine ${e.toFixed(0)} ms + report files ${r.toFixed(0)} ms = ${tierOwn.toFixed(0)} ms (${((tierOwn / none) * 100).toFixed(1)}% of synth with no packs)\n`);
  process.stdout.write(`  AwsSolutions' own work, timed directly (validateScope): ${a.toFixed(0)} ms (${((a / none) * 100).toFixed(1)}%); tier pack / AwsSolutions = ${(tierOwn / a).toFixed(2)} → target ${tierOwn <= a ? 'MET' : 'NOT MET'}\n`);
}

/**
 * What an infra engineer waits for: the real `cdk synth` (CLI, loading the app, the app, the packs) on
 * bench/synth-packs-app.ts, with no packs and with every pack, interleaved; medians compared.
 */
function endToEnd(municipalities: number, rounds: number, tmp: string): void {
  const root = path.join(__dirname, '..');
  const cdk = path.join(root, 'node_modules', '.bin', 'cdk');
  const appCommand = `node -r ${path.join(root, 'bin', 'register-ts.js')} ${path.join(__dirname, 'synth-packs-app.ts')}`;
  type Row = 'none' | 'all' | 'all-repeat';
  const times: Record<Row, number[]> = { none: [], all: [], 'all-repeat': [] };
  const repeatCache = fs.mkdtempSync(path.join(tmp, 'cli-guard-cache-repeat-'));
  const synth = (row: Row): number => {
    const out = fs.mkdtempSync(path.join(tmp, `cli-${row}-`));
    const cache = row === 'all-repeat' ? repeatCache : fs.mkdtempSync(path.join(tmp, 'cli-guard-cache-'));
    const start = performance.now();
    const result = spawnSync(cdk, ['synth', '--app', appCommand, '--output', out, '--quiet', '-c', `closed-telework:reportDir=${out}-reports`], {
      cwd: root,
      env: { ...process.env, BENCH_PACKS: row === 'none' ? 'none' : 'all', BENCH_MUNICIPALITIES: String(municipalities), [GUARD_CACHE_ENV]: cache },
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`cdk synth (${row}) exited ${result.status}: ${result.stderr}`);
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(`${out}-reports`, { recursive: true, force: true });
    return ms;
  };
  synth('all-repeat'); // the earlier synth the repeated ones follow, not measured
  for (let r = 0; r < rounds; r++) {
    for (const row of ['none', 'all', 'all-repeat'] as const) times[row].push(synth(row));
  }
  const none = median(times.none);
  process.stdout.write(`\nend to end, \`cdk synth\` of ${municipalities} municipality stage(s), ${rounds} rounds (median ms)\n`);
  for (const row of ['none', 'all', 'all-repeat'] as const) {
    const m = median(times[row]);
    process.stdout.write(`  ${row.padEnd(11)} ${m.toFixed(0).padStart(7)} ms  ${(m / none).toFixed(2)}× none${row === 'none' ? '' : ` → ≤ 1.5×: ${m / none <= 1.5 ? 'MET' : 'NOT MET'}`}\n`);
  }
}

export async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const roundsTen = Number(process.env.BENCH_ROUNDS_TEN ?? 1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-packs-'));
  try {
    const base = loadEmbeddedConfig('example-city');
    await measure('example app', [base], rounds, tmp, true);
    if (roundsTen > 0) await measure('ten-municipality app', tenMunicipalities(base), roundsTen, tmp, false);
    const roundsCli = Number(process.env.BENCH_ROUNDS_CLI ?? 3);
    if (roundsCli > 0) {
      endToEnd(1, roundsCli, tmp);
      if (roundsTen > 0) endToEnd(10, roundsTen, tmp);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
