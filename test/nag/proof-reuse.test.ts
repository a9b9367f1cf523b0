/**
 * Reusing the tier proof's verdict and the report rendered from it is safe: with the cache off, on a miss
 * and on a hit the synth writes the same validation-report.json, the same manifests, the same refusal text
 * and the same report files — for the example city and for a breaking mutation of it (an LGWAN ↔ internet
 * peering in a nested stack) — and a verdict is reused only when every input is the same (template bytes,
 * the construct paths a template does not carry, the policy, the date judged on). A reused report keeps the
 * time it was made; the synth gate's record says so. Every reference run judges with the cache off, so CI
 * checks the unreused verdict on every run.
 *
 * Documented differences, and only these: the .xlsx files are compared by their cells (exceljs stamps
 * each zip entry with the time it is written, so two renderings of the same workbook differ in those bytes;
 * a reused workbook is the stored one, byte for byte); reports/synth-verdict.* carry the time of their own
 * synth and say whether the tier-separation report was reused.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import ExcelJS from 'exceljs';
import { Construct } from 'constructs';
import { loadEmbeddedConfig } from '../../lib/config';
import { ALL_CACHES_ENV } from '../../lib/cache/verdict-store';
import { synthOrRefuse } from '../../lib/gate';
import { ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { ProofReuse, proofReuseStats, TIER_CACHE_ENV } from '../../lib/nag/proof-reuse';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { loadPolicy } from '../../lib/policy/load';
import { costReportSectionsForConfigs } from '../../lib/cost/report-section';
import type { CostSection } from '../../lib/report/cost-section';
import { provenanceFacts, provenanceFor, type ProvenanceFacts } from '../../lib/report/record/provenance';
import { reportInputsKey, type ReportInputs } from '../../lib/nag/proof-reuse';
import { removeAssembly, runApp } from '../stages/run-app';

jest.setTimeout(600_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proof-reuse-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const newDir = (prefix: string): string => fs.mkdtempSync(path.join(tmp, prefix));

const T0 = new Date('2026-04-01T00:00:00.000Z');
const T1 = new Date('2026-04-02T09:30:00.000Z');

type Mutation = 'none' | 'lgwan-internet-peering-in-a-nested-stack';

/** The example city as bin/app.ts builds one municipality; the mutation joins LGWAN and internet in a nested stack. */
function exampleCity(mutation: Mutation) {
  return (app: App): void => {
    const config = loadEmbeddedConfig('example-city');
    const stage = new MunicipalityStage(app, config.name, { config });
    if (mutation === 'lgwan-internet-peering-in-a-nested-stack') {
      const links = new NestedStack(stage.networkStacks.lgwan, 'Shortcut');
      const lgwan = stage.networks.lgwan;
      const internet = stage.networks.internet;
      const pcx = new ec2.CfnVPCPeeringConnection(links, 'Peering', { vpcId: lgwan.vpc.vpcId, peerVpcId: internet.vpc.vpcId });
      lgwan.vpc.isolatedSubnets.forEach((s, i) => new ec2.CfnRoute(links, `Out${i}`, { routeTableId: s.routeTable.routeTableId, destinationCidrBlock: internet.ranges.vpc, vpcPeeringConnectionId: pcx.ref }));
    }
  };
}

interface Written {
  validationReport: string;
  manifests: Record<string, string>;
  refusal: string;
  /** Report files as written (the .xlsx apart). */
  reports: Record<string, string>;
  /** The .xlsx files as raw bytes, and as their cells. */
  xlsxBytes: Record<string, string>;
  xlsxCells: Record<string, unknown>;
  verdictRecord: Record<string, unknown>;
}

/** Every cell of every sheet, as values. */
async function cells(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues() }));
}

interface SynthOptions {
  cacheDir: string | false;
  now: Date;
  /** The same assembly folder for every run compared (its template paths are part of what is judged). */
  outdir: string;
  acknowledge?: boolean;
  policy?: ReturnType<typeof loadPolicy>;
  /** The 費用試算 and what it is computed from (as lib/stages/build-app.ts passes them). */
  cost?: { sections: () => readonly CostSection[]; inputs?: unknown };
  /** CDK context (e.g. `config`: the configuration file the header of record names and hashes). */
  context?: Record<string, string>;
}

/** One gated synth with the tier pack alone (no other pack, no CloudFormation validation). */
async function synth(build: (app: App) => void, o: SynthOptions): Promise<Written> {
  fs.rmSync(o.outdir, { recursive: true, force: true });
  const reportDir = `${o.outdir}-reports`;
  fs.rmSync(reportDir, { recursive: true, force: true });
  const app = new App({ outdir: o.outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:validationReportJson': true, ...o.context } });
  build(app);
  if (o.acknowledge) Validations.of(app.node.findAll().find((c) => c instanceof ec2.CfnSecurityGroup)!).acknowledge({ id: 'ThreeTierSeparation::SOME-HYGIENE-RULE', reason: 'a reason' });
  Validations.of(app).addPlugins(
    new ThreeTierSeparationChecks({
      reportDir,
      cacheDir: o.cacheDir,
      now: () => o.now,
      ...(o.policy ? { policy: o.policy } : {}),
      ...(o.cost ? { costSections: o.cost.sections, ...(o.cost.inputs !== undefined ? { costInputs: o.cost.inputs } : {}) } : {}),
    }),
  );
  let refusal = '';
  synthOrRefuse(app, { write: (t) => void (refusal += t), setExitCode: () => undefined, now: () => o.now });
  const files = fs.readdirSync(o.outdir, { recursive: true }).map(String);
  const read = (f: string): string => sameCaller(fs.readFileSync(path.join(o.outdir, f), 'utf8'));
  const reportFiles = fs.readdirSync(reportDir).sort();
  const xlsx = reportFiles.filter((f) => f.endsWith('.xlsx'));
  const xlsxCells: Record<string, unknown> = {};
  for (const f of xlsx) xlsxCells[f] = await cells(path.join(reportDir, f));
  return {
    validationReport: read('validation-report.json'),
    manifests: Object.fromEntries(files.filter((f) => path.basename(f) === 'manifest.json').map((f) => [f, read(f)])),
    refusal: sameCaller(refusal),
    reports: Object.fromEntries(reportFiles.filter((f) => !f.endsWith('.xlsx') && !f.startsWith('synth-verdict.')).map((f) => [f, fs.readFileSync(path.join(reportDir, f), 'utf8')])),
    xlsxBytes: Object.fromEntries(xlsx.map((f) => [f, fs.readFileSync(path.join(reportDir, f)).toString('base64')])),
    xlsxCells,
    verdictRecord: JSON.parse(fs.readFileSync(path.join(reportDir, 'synth-verdict.json'), 'utf8')) as Record<string, unknown>,
  };
}

/**
 * The validation report carries each construct's creation trace, which ends in this file where the test
 * called synth(): the same code, reached from different tests (and through more or fewer of jest's frames).
 */
function sameCaller(text: string): string {
  return text.replace(/\\n<anonymous> \([^"]*?proof-reuse\.test\.ts:\d+:\d+\)[^"]*"/g, '\\n<the test>"');
}

/** What must be identical between two runs: everything but the xlsx bytes and the gate's own record. */
function judged(w: Written): Omit<Written, 'xlsxBytes' | 'verdictRecord'> {
  const { xlsxBytes: _bytes, verdictRecord: _record, ...rest } = w;
  return rest;
}

function resetStats(): void {
  proofReuseStats.verdicts.reused = proofReuseStats.verdicts.judged = 0;
  proofReuseStats.reports.reused = proofReuseStats.reports.rendered = 0;
}

describe.each<Mutation>(['none', 'lgwan-internet-peering-in-a-nested-stack'])('the example city (%s): cache off, miss and hit write the same', (mutation) => {
  const outdir = path.join(newDir('city-'), 'cdk.out');
  const cache = newDir('cache-');
  let off: Written;
  beforeAll(async () => {
    off = await synth(exampleCity(mutation), { cacheDir: false, now: T0, outdir });
  });

  it(mutation === 'none' ? 'passes' : 'is refused for the crossing, fatally', () => {
    if (mutation === 'none') {
      expect(off.refusal).toBe('');
      expect(off.verdictRecord.verdict).toBe('pass');
    } else {
      expect(off.refusal).toMatch(/TIER-JOIN-PEERING/);
      expect(off.validationReport).toMatch(/example-city\/Network-lgwan\/Shortcut\/Peering/);
      expect(off.verdictRecord.verdict).toBe('refused');
    }
    expect(off.verdictRecord.tierReport).toEqual({ generatedAt: T0.toISOString(), reused: false, verdictReused: false });
    expect(Object.keys(off.reports)).toEqual(expect.arrayContaining(['tier-separation.ja.html', 'tier-separation.en.md', 'tier-separation.sarif', 'tier-separation.junit.xml']));
  });

  it('on a miss: judged, rendered and stored; the files are those of the cache off', async () => {
    resetStats();
    const miss = await synth(exampleCity(mutation), { cacheDir: cache, now: T0, outdir });
    expect(proofReuseStats).toEqual({ verdicts: { reused: 0, judged: 1 }, reports: { reused: 0, rendered: 1 } });
    expect(judged(miss)).toEqual(judged(off));
    expect(miss.verdictRecord).toEqual(off.verdictRecord);
  });

  it('on a hit, at a later time: the verdict and the files are reused, byte for byte, and keep the time they were made', async () => {
    const missBytes = (await synth(exampleCity(mutation), { cacheDir: newDir('cache-'), now: T0, outdir })).xlsxBytes;
    const again = newDir('cache-');
    await synth(exampleCity(mutation), { cacheDir: again, now: T0, outdir });
    const stored = (await synth(exampleCity(mutation), { cacheDir: again, now: T0, outdir })).xlsxBytes;
    resetStats();
    const hit = await synth(exampleCity(mutation), { cacheDir: cache, now: T1, outdir });
    expect(proofReuseStats).toEqual({ verdicts: { reused: 1, judged: 0 }, reports: { reused: 1, rendered: 0 } });
    expect(judged(hit)).toEqual(judged(off));
    // The stored workbook is written back as it was stored (the same bytes on every hit).
    expect(Object.keys(stored)).toEqual(Object.keys(missBytes));
    expect((await synth(exampleCity(mutation), { cacheDir: again, now: T1, outdir })).xlsxBytes).toEqual(stored);
    // The gate's own record is of this synth (T1) and says the report is the one made at T0.
    expect(hit.verdictRecord.generatedAt).toBe(T1.toISOString());
    expect(hit.verdictRecord.tierReport).toEqual({ generatedAt: T0.toISOString(), reused: true, verdictReused: true });
    expect(fs.readFileSync(path.join(`${outdir}-reports`, 'synth-verdict.md'), 'utf8')).toMatch(/tier-separation report \/ 三層分離の検証報告書: reused — every input byte-identical to the synth that made it at .*2026-04-01T00:00:00.000Z.*再利用/);
  });
});

describe('what the verdict is keyed on', () => {
  it('a report whose inputs differ (an acknowledgement) is rendered afresh at this time; the verdict is still reused', async () => {
    const outdir = path.join(newDir('city-'), 'cdk.out');
    const cache = newDir('cache-');
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir });
    resetStats();
    const acknowledged = await synth(exampleCity('none'), { cacheDir: cache, now: T1, outdir, acknowledge: true });
    expect(proofReuseStats).toEqual({ verdicts: { reused: 1, judged: 0 }, reports: { reused: 0, rendered: 1 } });
    expect(acknowledged.verdictRecord.tierReport).toEqual({ generatedAt: T1.toISOString(), reused: false, verdictReused: true });
    expect(judged(acknowledged)).toEqual(judged(await synth(exampleCity('none'), { cacheDir: false, now: T1, outdir, acknowledge: true })));
  });

  it('another policy, another date or another assembly folder is judged again', async () => {
    const outdir = path.join(newDir('city-'), 'cdk.out');
    const cache = newDir('cache-');
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir });
    const policy = loadPolicy();
    resetStats();
    // The packaged policy given as data is another input than the packaged file (and a changed model another again).
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir, policy });
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir, policy: { ...policy, model: 'beta' } });
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir: path.join(newDir('elsewhere-'), 'cdk.out') });
    expect(proofReuseStats.verdicts).toEqual({ reused: 0, judged: 3 });
    // A sanctioned channel expires by date: the same app on another day is judged again.
    jest.useFakeTimers({ now: new Date('2031-01-01T00:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir });
    } finally {
      jest.useRealTimers();
    }
    expect(proofReuseStats.verdicts).toEqual({ reused: 0, judged: 4 });
    // …and the same inputs again are reused.
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir, policy });
    expect(proofReuseStats.verdicts).toEqual({ reused: 1, judged: 4 });
  });

  it('two apps with the same template but resources at other construct paths (no aws:cdk:path metadata) are judged apart', () => {
    const cache = newDir('cache-');
    const outdir = path.join(newDir('paths-'), 'cdk.out');
    const run = (scopeId: string): string => {
      fs.rmSync(outdir, { recursive: true, force: true });
      const app = new App({ outdir, builtinCloudFormationValidation: false });
      const stack = new Stack(app, 'Small', { env: { account: '111122223333', region: 'ap-northeast-1' } });
      const holder = new NestedStack(stack, 'Holder');
      const owner = new Construct(holder, scopeId);
      const r = new CfnResource(owner, 'Thing', { type: 'AWS::EC2::VPC', properties: { CidrBlock: '10.9.0.0/16' } });
      r.overrideLogicalId('Thing');
      Validations.of(app).addPlugins(new ThreeTierSeparationChecks({ reportDir: false, cacheDir: cache }));
      try {
        app.synth();
      } catch {
        // an untagged VPC fails the synth; what is compared is the template and the count of judgements
      }
      return fs.readdirSync(outdir).filter((f) => f.endsWith('.json') && f.includes('Holder')).map((f) => fs.readFileSync(path.join(outdir, f), 'utf8')).join('');
    };
    resetStats();
    const a = run('A');
    const b = run('B');
    expect(a).not.toBe('');
    expect(b).toBe(a);
    expect(proofReuseStats.verdicts).toEqual({ reused: 0, judged: 2 });
    run('A');
    expect(proofReuseStats.verdicts).toEqual({ reused: 1, judged: 2 });
  });

  it('a damaged or foreign entry is ignored: judged and rendered again', async () => {
    const outdir = path.join(newDir('city-'), 'cdk.out');
    const cache = newDir('cache-');
    const first = await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir });
    for (const sub of ['verdicts', 'reports']) {
      for (const f of fs.readdirSync(path.join(cache, sub))) fs.writeFileSync(path.join(cache, sub, f), f.length % 2 ? '{"format":"closed-telework/tier-proof-verdict/1","run":{"findings":[]}}' : 'not json');
    }
    resetStats();
    expect(judged(await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir }))).toEqual(judged(first));
    expect(proofReuseStats).toEqual({ verdicts: { reused: 0, judged: 1 }, reports: { reused: 0, rendered: 1 } });
  });
});

describe('what the report is keyed on (its inputs, not the assembled report)', () => {
  const facts: ProvenanceFacts = {
    environments: [{ account: '111122223333', region: 'ap-northeast-1' }],
    configurations: [{ file: 'our-city.yaml', sha256: 'a'.repeat(64) }],
    packageVersion: '0.1.0',
    gitCommit: 'b'.repeat(40),
    command: 'npx cdk synth',
    cwd: '/work/project',
  };
  const base: ReportInputs = {
    verdictKey: 'c'.repeat(64),
    acknowledgements: [{ pack: 'ThreeTierSeparation', ruleId: 'X', reason: 'r', acknowledgedAt: 'A/B', suppressed: [] }],
    sources: ['cdk.out/A.template.json'],
    provenance: facts,
    cost: ['inputs', [{ name: 'example-city', seats: 10 }]],
    langs: ['en', 'ja'],
    formats: ['md', 'html', 'xlsx'],
    junit: true,
  };

  it('every input changes the key; the same inputs give the same key; an input that cannot be written exactly gives none', () => {
    const variants: ReportInputs[] = [
      base,
      { ...base, verdictKey: 'd'.repeat(64) },
      { ...base, acknowledgements: [] },
      { ...base, sources: ['cdk.out/B.template.json'] },
      { ...base, provenance: undefined },
      { ...base, provenance: { ...facts, environments: [{ account: '111122223333', region: 'ap-northeast-3' }] } },
      { ...base, provenance: { ...facts, configurations: [{ file: 'our-city.yaml', sha256: 'e'.repeat(64) }] } },
      { ...base, provenance: { ...facts, packageVersion: '0.2.0' } },
      { ...base, provenance: { ...facts, gitCommit: `${'b'.repeat(40)}-dirty` } },
      { ...base, provenance: { ...facts, command: 'npx cdk deploy' } },
      { ...base, provenance: { ...facts, cwd: '/work/other' } },
      { ...base, cost: ['inputs', [{ name: 'example-city', seats: 11 }]] },
      { ...base, cost: ['none'] },
      { ...base, langs: ['ja'] },
      { ...base, formats: ['md'] },
      { ...base, junit: false },
    ];
    const keys = variants.map((v) => reportInputsKey(v));
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(variants.length);
    expect(reportInputsKey({ ...base, provenance: { ...facts } })).toBe(keys[0]);
    expect(reportInputsKey({ ...base, cost: ['inputs', [new Date(0)]] })).toBeUndefined();
  });

  it('the header of record is made of the templates and of the facts the key holds, nothing else', () => {
    const configs = newDir('configs-');
    const cfg = path.join(configs, 'our-city.json');
    fs.writeFileSync(cfg, '{}');
    const input = { templates: [], environments: [{ account: '111122223333', region: 'ap-northeast-1' }], configurations: [{ file: cfg }], command: 'npx cdk synth', cwd: configs };
    const f = provenanceFacts(input);
    const { municipalities, models, templates, generatedAt, ...fromFacts } = provenanceFor({ ...input, generatedAt: 'now' });
    expect([municipalities, models, templates, generatedAt]).toEqual([[], [], [], 'now']);
    const { cwd: _cwd, ...shown } = f;
    expect(fromFacts).toEqual(shown);
    expect(provenanceFor({ ...input, generatedAt: 'now' }, f)).toEqual(provenanceFor({ ...input, generatedAt: 'now' }));
  });

  it('an edited configuration file or other cost inputs render the report afresh (same templates, verdict reused); the same again is reused', async () => {
    const outdir = path.join(newDir('city-'), 'cdk.out');
    const cache = newDir('cache-');
    const cfg = path.join(newDir('config-'), 'our-city.json');
    fs.writeFileSync(cfg, '{"name":"example-city"}\n');
    const config = loadEmbeddedConfig('example-city');
    let estimated = 0;
    const cost = (seats: number): SynthOptions['cost'] => ({
      sections: () => (estimated++, costReportSectionsForConfigs([config], '2026-12-06').map((s) => ({ ...s, en: { ...s.en, subtitle: `${s.en.subtitle} ${seats}` } }))),
      inputs: [config, seats], // what the sections are computed from (the label stands in for an edited configuration)
    });
    const run = (seats: number, now: Date) => synth(exampleCity('none'), { cacheDir: cache, now, outdir, context: { config: cfg }, cost: cost(seats) });
    await run(1, T0);
    resetStats();
    estimated = 0;
    const same = await run(1, T1);
    expect(proofReuseStats).toEqual({ verdicts: { reused: 1, judged: 0 }, reports: { reused: 1, rendered: 0 } });
    expect(estimated).toBe(0); // a reused report needs no estimate
    expect(same.verdictRecord.tierReport).toEqual({ generatedAt: T0.toISOString(), reused: true, verdictReused: true });

    fs.writeFileSync(cfg, '{"name":"example-city","edited":true}\n');
    const edited = await run(1, T1);
    expect(proofReuseStats.reports).toEqual({ reused: 1, rendered: 1 });
    expect(edited.verdictRecord.tierReport).toEqual({ generatedAt: T1.toISOString(), reused: false, verdictReused: true });
    expect(edited.reports['tier-separation.en.md']).not.toBe(same.reports['tier-separation.en.md']);

    const otherCost = await run(2, T1);
    expect(proofReuseStats.reports).toEqual({ reused: 1, rendered: 2 });
    expect(otherCost.reports['tier-separation.en.md']).toContain('estimated on 2026-12-06 2\n');
    expect(judged(otherCost)).toEqual(judged(await synth(exampleCity('none'), { cacheDir: false, now: T1, outdir, context: { config: cfg }, cost: cost(2) })));
    resetStats();
    await run(2, T1);
    expect(proofReuseStats.reports).toEqual({ reused: 1, rendered: 0 });
  });

  it('sections given without their inputs are computed on every synth and keyed on themselves', async () => {
    const outdir = path.join(newDir('city-'), 'cdk.out');
    const cache = newDir('cache-');
    let label = 'first';
    let estimated = 0;
    const config = loadEmbeddedConfig('example-city');
    const cost: SynthOptions['cost'] = { sections: () => (estimated++, costReportSectionsForConfigs([config], '2026-12-06').map((s) => ({ ...s, en: { ...s.en, subtitle: `${s.en.subtitle} ${label}` } }))) };
    await synth(exampleCity('none'), { cacheDir: cache, now: T0, outdir, cost });
    resetStats();
    await synth(exampleCity('none'), { cacheDir: cache, now: T1, outdir, cost });
    expect(proofReuseStats.reports).toEqual({ reused: 1, rendered: 0 });
    label = 'second';
    const second = await synth(exampleCity('none'), { cacheDir: cache, now: T1, outdir, cost });
    expect(proofReuseStats.reports).toEqual({ reused: 1, rendered: 1 });
    expect(second.reports['tier-separation.en.md']).toContain('second');
    expect(estimated).toBe(3);
  });
});

describe('switches', () => {
  it('off by CLOSED_TELEWORK_TIER_CACHE=off or CLOSED_TELEWORK_CACHE=off; a directory when set; never with an injected engine', () => {
    expect(ProofReuse.fromEnvironment({ [TIER_CACHE_ENV]: 'off' })).toBeUndefined();
    expect(ProofReuse.fromEnvironment({ [ALL_CACHES_ENV]: 'off' })).toBeUndefined();
    expect(ProofReuse.fromEnvironment({ [TIER_CACHE_ENV]: newDir('set-') })).toBeInstanceOf(ProofReuse);
    const cache = newDir('cache-');
    const engine = jest.fn(() => ({ findings: [], report: { matrix: [], coverage: [], diagram: { nodes: [], edges: [] } as never } }));
    for (let i = 0; i < 2; i++) {
      const app = new App({ outdir: path.join(tmp, `engine-${i}`) });
      new ec2.CfnSecurityGroup(new Stack(app, 'S'), 'Sg', { groupDescription: 'x' });
      Validations.of(app).addPlugins(new ThreeTierSeparationChecks({ reportDir: false, cacheDir: cache, engine }));
      app.synth();
    }
    expect(engine).toHaveBeenCalledTimes(2);
    expect(fs.readdirSync(cache)).toEqual([]);
  });
});

describe('the app as `cdk synth` runs it (bin/app.ts, every pack)', () => {
  it('off, miss and hit write the same validation report and manifests; the hit writes the miss\'s report files byte for byte', () => {
    const cache = newDir('cache-');
    const outdir = newDir('app-');
    const snapshot = (): { assembly: Record<string, string>; reports: Record<string, string>; stderr: string } => {
      const names = fs.readdirSync(outdir, { recursive: true }).map(String).filter((f) => f === 'validation-report.json' || path.basename(f) === 'manifest.json');
      const reportDir = `${outdir}-reports`;
      return {
        assembly: Object.fromEntries(names.map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')])),
        reports: Object.fromEntries(fs.readdirSync(reportDir).filter((f) => !f.startsWith('synth-verdict.')).map((f) => [f, fs.readFileSync(path.join(reportDir, f)).toString('base64')])),
        stderr: '',
      };
    };
    const runs = [{ [TIER_CACHE_ENV]: 'off' }, { [TIER_CACHE_ENV]: cache }, { [TIER_CACHE_ENV]: cache }].map((env) => {
      const run = runApp({ municipality: 'example-city' }, env, outdir);
      expect(run.status).toBe(0);
      const s = snapshot();
      const record = JSON.parse(fs.readFileSync(path.join(`${outdir}-reports`, 'synth-verdict.json'), 'utf8')) as { tierReport: { reused: boolean } };
      return { ...s, stderr: run.stderr.split(outdir).join('<outdir>'), reused: record.tierReport.reused };
    });
    try {
      expect(runs.map((r) => r.reused)).toEqual([false, false, true]);
      expect(runs[1]!.assembly).toEqual(runs[0]!.assembly);
      expect(runs[2]!.assembly).toEqual(runs[0]!.assembly);
      expect(runs[2]!.stderr).toEqual(runs[0]!.stderr);
      expect(runs[2]!.reports).toEqual(runs[1]!.reports);
      // The SARIF carries no time: the same from every run.
      expect(runs[0]!.reports['tier-separation.sarif']).toEqual(runs[1]!.reports['tier-separation.sarif']);
      expect(fs.readdirSync(path.join(cache, 'verdicts'))).toHaveLength(1);
    } finally {
      removeAssembly(outdir);
    }
  });
});
