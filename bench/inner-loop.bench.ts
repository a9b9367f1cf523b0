/**
 * `npm run bench -- inner-loop`: what an infra engineer waits for, end to end through the real CLI, for the
 * example app and the ten-municipality app, rows interleaved round by round (machine noise hits them
 * alike) and medians compared in this one run:
 *
 *   floor        the same app from precompiled JavaScript, no validation of any kind (CDK_VALIDATION=false);
 *                its custom-resource handlers compiled too (the handler cache warm)
 *   cdk-default  precompiled, aws-cdk-lib's defaults (its built-in CloudFormation validation on), no pack of ours
 *   default      `npx cdk synth` as the README runs it (sources through bin/register-ts.js, every pack, the
 *                reports), as the first synth of a clean checkout: every cache of this package empty
 *   repeat       the same synth again with unchanged sources (the caches as the previous synth left them), into the
 *                same cloud assembly and report folder, as a user's `cdk.out` and `reports/` stay where they are
 *
 * Targets: default ≤ 1.5× cdk-default; repeat ≤ 1.2× floor. Then one instrumented run per row breaks the
 * time down (bench/support/synth-timings.js): CLI, node start, load (of which transpile), construct build,
 * synthesis, each validator, the tier pack's report files, exit. Last, `closed-telework verify` on a small
 * template and on the example app's cloud assembly, in the checkout and from the packed package (`npm pack`,
 * installed into a temporary project). Targets: ≤ 0.5 s and ≤ 1 s.
 *
 *   BENCH_ROUNDS_LOOP (example app, default 3; 0 skips)   BENCH_ROUNDS_LOOP_TEN (ten municipalities, default 1; 0 skips)
 *   BENCH_ROUNDS_VERIFY (default 5; 0 skips the verify rows)   BENCH_PACKED=0 skips the packed-package rows
 *   Only the ten-municipality rows, to iterate on them: BENCH_ROUNDS_LOOP=0 BENCH_ROUNDS_VERIFY=0 BENCH_ROUNDS_LOOP_TEN=3
 *
 * The ten-municipality app is a configuration folder of ten municipalities (the example city's settings
 * under ten names and accounts): "default" and "repeat" are `npx cdk synth -c configDir=DIR` exactly as a
 * user types it (docs/prefecture.md); floor and cdk-default build the same ten stages from precompiled
 * JavaScript with no pack (bench/synth-packs-app.ts, BENCH_CONFIG_DIR).
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const TIMINGS_PRELOAD = path.join(__dirname, 'support', 'synth-timings.js');

type Row = 'floor' | 'cdk-default' | 'default' | 'repeat';
const ROWS: readonly Row[] = ['floor', 'cdk-default', 'default', 'repeat'];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * CPU milliseconds (user + system) of every child process this one has waited for (Linux /proc: cutime +
 * cstime, in clock ticks of 10 ms). A spawnSync's difference is the CPU of that command's whole process
 * tree (npx, npm, the CDK CLI, the app): steadier than wall time on a shared, oversubscribed machine.
 */
function childrenCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs a command to completion: wall and CPU milliseconds. */
function timed(command: string, args: string[], options: Parameters<typeof spawnSync>[2]): { result: SpawnSyncReturns<string>; ms: number; cpu: number } {
  const cpu0 = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) as SpawnSyncReturns<string>;
  return { result, ms: performance.now() - start, cpu: childrenCpuMs() - cpu0 };
}

function fail(what: string, result: SpawnSyncReturns<string>): never {
  throw new Error(`${what} exited ${result.status}${result.signal ? ` (${result.signal})` : ''}: ${(result.stderr || result.stdout || '').slice(-2000)}`);
}

/** Every TypeScript file of lib/, bin/ and bench/, compiled once with esbuild (no bundling), as the floor's "precompiled JavaScript". */
function precompile(): string {
  // Inside node_modules/.cache so the compiled modules find this package's root (policies, handler sources) and node_modules.
  const out = path.join(ROOT, 'node_modules', '.cache', 'closed-telework', 'bench-compiled');
  fs.rmSync(out, { recursive: true, force: true });
  const entryPoints = ['lib', 'bin', 'bench'].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => path.join(ROOT, dir, f)),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints,
    outdir: out,
    outbase: ROOT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, alwaysStrict: true, esModuleInterop: true } },
  });
  return out;
}

interface Caches {
  ts: string;
  cfnValidate: string;
  guard: string;
  nag: string;
  tier: string;
  handlers: string;
}

function freshCaches(tmp: string): Caches {
  const dir = fs.mkdtempSync(path.join(tmp, 'caches-'));
  return { ts: path.join(dir, 'ts'), cfnValidate: path.join(dir, 'cfn-validate'), guard: path.join(dir, 'guard'), nag: path.join(dir, 'cdk-nag'), tier: path.join(dir, 'tier-proof'), handlers: path.join(dir, 'handlers') };
}

interface Synth {
  ms: number;
  cpu: number;
  outdir: string;
  timings?: Timings;
}

interface Timings {
  boot: number;
  load: number;
  transpile: number;
  construct: number;
  synthesis: number;
  exit: number;
  total: number;
  reportFiles: number;
  xlsx: number;
  validators: Record<string, number>;
  /** The same phases in CPU milliseconds of the app's process (bench/support/synth-timings.js). */
  cpu?: { boot: number; load: number; construct: number; synthesis: number; exit: number; total: number; reportFiles: number; validators: Record<string, number> };
}

class InnerLoop {
  private readonly repeatCaches: Caches;

  private readonly configDir: string | undefined;

  constructor(
    private readonly municipalities: number,
    private readonly compiled: string,
    private readonly tmp: string,
  ) {
    this.repeatCaches = freshCaches(tmp);
    this.configDir = municipalities === 1 ? undefined : municipalityFolder(tmp, municipalities);
    this.repeatOutdir = path.join(fs.mkdtempSync(path.join(tmp, 'repeat-')), 'cdk.out');
  }

  /** The repeated synths write where the first one did, as a user's `cdk.out` and `reports/` stay put. */
  private readonly repeatOutdir: string;

  /** One `npx cdk synth` of a row; the cloud assembly is kept only when asked (and always for repeat). */
  public synth(row: Row, options: { keep?: boolean; timings?: boolean } = {}): Synth {
    const outdir = row === 'repeat' ? this.repeatOutdir : fs.mkdtempSync(path.join(this.tmp, `${row}-`));
    const caches = row === 'repeat' ? this.repeatCaches : freshCaches(this.tmp);
    const precompiledApp = `node ${path.join(this.compiled, 'bench', 'synth-packs-app.js')}`;
    const args = ['cdk', 'synth', '--quiet', '--output', outdir, '-c', `closed-telework:reportDir=${outdir}-reports`];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CDK_DISABLE_VERSION_CHECK: '1',
      ...(this.configDir ? { BENCH_CONFIG_DIR: this.configDir } : {}),
      CLOSED_TELEWORK_TS_CACHE: caches.ts,
      CLOSED_TELEWORK_CFN_VALIDATE_CACHE: caches.cfnValidate,
      CLOSED_TELEWORK_GUARD_CACHE: caches.guard,
      CLOSED_TELEWORK_NAG_CACHE: caches.nag,
      CLOSED_TELEWORK_TIER_CACHE: caches.tier,
      // Precompiled rows have their Lambda handlers compiled too (the repeat's warm cache); default starts empty.
      CLOSED_TELEWORK_HANDLER_CACHE: row === 'default' ? caches.handlers : this.repeatCaches.handlers,
    };
    delete env.CLOSED_TELEWORK_CACHE;
    delete env.CDK_VALIDATION;
    switch (row) {
      case 'floor':
        args.push('--app', precompiledApp);
        Object.assign(env, { BENCH_PACKS: 'none', CDK_VALIDATION: 'false' });
        break;
      case 'cdk-default':
        args.push('--app', precompiledApp);
        Object.assign(env, { BENCH_PACKS: 'none' });
        break;
      case 'default':
      case 'repeat':
        // Exactly what a user types: `npx cdk synth` (cdk.json's app), with `-c configDir=DIR` for ten.
        if (this.configDir) args.push('-c', `configDir=${this.configDir}`);
        break;
    }
    const timingsFile = `${outdir}-timings.json`;
    if (options.timings) Object.assign(env, { NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${TIMINGS_PRELOAD}`.trim(), BENCH_TIMINGS_FILE: timingsFile });
    const { result, ms, cpu } = timed('npx', args, { cwd: ROOT, env });
    if (result.status !== 0) fail(`cdk synth (${row}, ${this.municipalities} municipalities)`, result);
    const timings = options.timings && fs.existsSync(timingsFile) ? (JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as Timings) : undefined;
    fs.rmSync(timingsFile, { force: true });
    if (row !== 'repeat') fs.rmSync(`${outdir}-reports`, { recursive: true, force: true });
    if (!options.keep && row !== 'repeat') fs.rmSync(outdir, { recursive: true, force: true });
    return { ms, cpu, outdir, timings };
  }

  /** The earlier synth the repeated ones follow (it fills the repeat caches); not measured. */
  public prime(): string {
    return this.synth('repeat', { keep: true }).outdir;
  }
}

function breakdownLine(row: Row, wall: number, t: Timings | undefined): string {
  if (!t) return `  ${row.padEnd(12)} (no timings recorded)`;
  const f = (ms: number): string => `${(ms / 1000).toFixed(2)}`;
  const validators = Object.entries(t.validators)
    .map(([name, ms]) => `${name} ${f(name === 'ThreeTierSeparation' ? ms - t.reportFiles : ms)}`)
    .join(', ');
  const parts = [
    `CLI ${f(wall - t.total)}`,
    `node start ${f(t.boot)}`,
    `load ${f(t.load)} (transpile/cache ${f(t.transpile)})`,
    `construct ${f(t.construct)}`,
    `synthesis ${f(t.synthesis)}`,
    validators ? `validators: ${validators}` : 'validators: none',
    t.reportFiles > 0 ? `tier report files ${f(t.reportFiles)} (of which .xlsx ${f(t.xlsx ?? 0)})` : '',
    `exit ${f(t.exit)}`,
  ].filter(Boolean);
  const line = `  ${row.padEnd(12)} ${f(wall)} s = ${parts.join(' + ')}`;
  const c = t.cpu;
  if (!c) return line;
  const cpuValidators = Object.entries(c.validators)
    .map(([name, ms]) => `${name} ${f(name === 'ThreeTierSeparation' ? ms - c.reportFiles : ms)}`)
    .join(', ');
  const cpuParts = [
    `node start ${f(c.boot)}`,
    `load ${f(c.load)}`,
    `construct ${f(c.construct)}`,
    `synthesis ${f(c.synthesis)}`,
    cpuValidators ? `validators: ${cpuValidators}` : 'validators: none',
    c.reportFiles > 0 ? `tier report files ${f(c.reportFiles)}` : '',
    `exit ${f(c.exit)}`,
  ].filter(Boolean);
  return `${line}\n  ${''.padEnd(12)} app CPU ${f(c.total)} s = ${cpuParts.join(' + ')}`;
}

function measureSynth(label: string, loop: InnerLoop, rounds: number): string | undefined {
  const primed = loop.prime();
  const times: Record<Row, number[]> = { floor: [], 'cdk-default': [], default: [], repeat: [] };
  const cpus: Record<Row, number[]> = { floor: [], 'cdk-default': [], default: [], repeat: [] };
  for (let r = 0; r < rounds; r++) {
    for (const row of ROWS) {
      const run = loop.synth(row);
      times[row].push(run.ms);
      cpus[row].push(run.cpu);
    }
  }
  const m = Object.fromEntries(ROWS.map((row) => [row, median(times[row])])) as Record<Row, number>;
  const c = Object.fromEntries(ROWS.map((row) => [row, median(cpus[row])])) as Record<Row, number>;
  const s = (ms: number): string => (ms / 1000).toFixed(2).padStart(6);
  process.stdout.write(`\n${label}: end to end through \`npx cdk synth\`, ${rounds} round(s), medians of wall and of CPU (user + system, every process)\n`);
  process.stdout.write(`  machine load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  for (const row of ROWS) {
    process.stdout.write(
      `  ${row.padEnd(12)} wall ${s(m[row])} s  ${(m[row] / m.floor).toFixed(2)}× floor  ${(m[row] / m['cdk-default']).toFixed(2)}× cdk-default` +
        `   CPU ${s(c[row])} s  ${(c[row] / c.floor).toFixed(2)}× floor  ${(c[row] / c['cdk-default']).toFixed(2)}× cdk-default` +
        `   [wall ${times[row].map((x) => (x / 1000).toFixed(1)).join(', ')}; CPU ${cpus[row].map((x) => (x / 1000).toFixed(1)).join(', ')}]\n`,
    );
  }
  for (const [what, v] of [['wall', m], ['CPU', c]] as const) {
    const d = v.default / v['cdk-default'];
    const rep = v.repeat / v.floor;
    process.stdout.write(`  ${what}: target default ≤ 1.5× cdk-default: ${d <= 1.5 ? 'MET' : 'NOT MET'} (${d.toFixed(2)}×); target repeat ≤ 1.2× floor: ${rep <= 1.2 ? 'MET' : 'NOT MET'} (${rep.toFixed(2)}×)\n`);
  }
  process.stdout.write(`  breakdown (one instrumented synth per row, seconds: wall, the CLI being the rest of the command; then the app process's CPU):\n`);
  for (const row of ROWS) {
    const run = loop.synth(row, { timings: true });
    process.stdout.write(`${breakdownLine(row, run.ms, run.timings)}  [CPU ${(run.cpu / 1000).toFixed(2)} s]\n`);
  }
  return primed;
}

/** A configuration folder of `count` municipalities: the example city's settings, each its own name and account. */
function municipalityFolder(tmp: string, count: number): string {
  const dir = fs.mkdtempSync(path.join(tmp, `municipalities-${count}-`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadEmbeddedConfig } = require('../lib/config') as typeof import('../lib/config');
  const base = loadEmbeddedConfig('example-city');
  for (let i = 1; i <= count; i++) {
    const name = `${base.name}-${String(i).padStart(2, '0')}`;
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ ...base, name, account: String(100000000000 + i) }, undefined, 2)}\n`);
  }
  return dir;
}

/** `npx closed-telework verify` where it is run: the checkout, or a temporary project that installed the packed package. */
function measureVerify(assembly: string, tmp: string, rounds: number, packed: boolean): void {
  const small = path.join(ROOT, 'test', 'fixtures', 'yaml-crossing.yaml');
  const places: { name: string; cwd: string }[] = [{ name: 'checkout', cwd: ROOT }];
  if (packed) {
    const project = fs.mkdtempSync(path.join(tmp, 'packed-'));
    const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (pack.status !== 0) fail('npm pack', pack);
    const tarball = path.join(project, pack.stdout.trim().split('\n').pop()!.trim());
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'packed-verify-bench', private: true }));
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (install.status !== 0) fail('npm install of the packed package', install);
    places.push({ name: 'packed', cwd: project });
  }
  // `npx` is how the README runs it; the bin itself (node_modules/.bin or bin/) shows what npx adds.
  const cases = places.flatMap((p) => {
    const bin = p.name === 'checkout' ? ['node', path.join(ROOT, 'bin', 'closed-telework.js')] : [path.join(p.cwd, 'node_modules', '.bin', 'closed-telework')];
    return [
      { label: `${p.name}: small template`, cwd: p.cwd, command: ['npx', 'closed-telework'], input: small, target: 500 },
      { label: `${p.name}: example cdk.out`, cwd: p.cwd, command: ['npx', 'closed-telework'], input: assembly, target: 1000 },
      { label: `${p.name}: small, bin`, cwd: p.cwd, command: bin, input: small, target: 500 },
      { label: `${p.name}: cdk.out, bin`, cwd: p.cwd, command: bin, input: assembly, target: 1000 },
    ];
  });
  // A bare `node -e 0` beside them: what merely starting a process costs on this machine right now; and npx
  // running a trivial bin of node_modules/.bin (semver), what npm's own start costs before any command of ours.
  cases.push({ label: 'node -e 0 (reference)', cwd: ROOT, command: ['node', '-e', '0', '--'], input: '', target: Infinity });
  cases.push({ label: 'npx semver (npm\'s own start)', cwd: ROOT, command: ['npx', 'semver', '1.0.0'], input: '', target: Infinity });
  const times = cases.map(() => [] as number[]);
  const cpus = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      const args = c.input ? [...c.command.slice(1), 'verify', c.input] : c.command.slice(1);
      const { result, ms, cpu } = timed(c.command[0]!, args, { cwd: c.cwd });
      times[i]!.push(ms);
      cpus[i]!.push(cpu);
      if (result.status !== 0 && result.status !== 1) fail(`closed-telework verify (${c.label})`, result);
    });
  }
  process.stdout.write(`\n\`closed-telework verify\` (npx as in the README, and the bin itself), ${rounds} round(s), medians of wall and CPU\n`);
  process.stdout.write(`  machine load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  cases.forEach((c, i) => {
    const m = median(times[i]!);
    const cpu = median(cpus[i]!);
    const verdict = Number.isFinite(c.target) ? `target ≤ ${(c.target / 1000).toFixed(1)} s: wall ${m <= c.target ? 'MET' : 'NOT MET'}, CPU ${cpu <= c.target ? 'within' : 'over'}` : '';
    process.stdout.write(`  ${c.label.padEnd(28)} wall ${(m / 1000).toFixed(2).padStart(6)} s  CPU ${(cpu / 1000).toFixed(2).padStart(5)} s  ${verdict}   [wall ${times[i]!.map((x) => (x / 1000).toFixed(2)).join(', ')}]\n`);
  });
}

export async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS_LOOP ?? 3);
  const roundsTen = Number(process.env.BENCH_ROUNDS_LOOP_TEN ?? 1);
  const roundsVerify = Number(process.env.BENCH_ROUNDS_VERIFY ?? 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-inner-loop-'));
  try {
    process.stdout.write(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    const compiled = precompile();
    const example = new InnerLoop(1, compiled, tmp);
    // BENCH_ROUNDS_LOOP=0: no synth rows, only the one synth whose cloud assembly the verify rows read (none
    // when BENCH_ROUNDS_VERIFY=0 too).
    const assembly = rounds > 0 ? measureSynth('example app (example-city)', example, rounds) : roundsVerify > 0 ? example.prime() : undefined;
    if (roundsTen > 0) measureSynth('ten-municipality app', new InnerLoop(10, compiled, tmp), roundsTen);
    if (assembly && roundsVerify > 0) measureVerify(assembly, tmp, roundsVerify, process.env.BENCH_PACKED !== '0');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
