/**
 * Reusing cdk-nag's verdict is safe: with the cache off, on a miss and on a hit the CDK writes exactly what
 * the unmodified cdk-nag packs make it write (validation-report.json, the cloud assembly's manifests with
 * their annotations, the failure text) — for the example city and for a breaking mutation of it — and a
 * verdict is never reused for an app that differs only where the templates do not show it (a property set
 * by an override, a resource that is not an L1 of its type, an acknowledgement). Every reference run here
 * uses cdk-nag's own packs with no cache involved, so CI checks the unreused verdicts on every run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Validations, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { loadEmbeddedConfig } from '../../lib/config';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { ALL_CACHES_ENV, verdictCacheDir } from '../../lib/cache/verdict-store';
import { NAG_CACHE_ENV, nagVerdictStats, ReusableNagPack } from '../../lib/nag-verdict/reusable-nag-pack';
import { constructTreeDigest } from '../../lib/nag-verdict/construct-tree-digest';
import { removeAssembly, ROOT, runApp } from '../stages/run-app';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-verdict-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const newDir = (prefix: string): string => fs.mkdtempSync(path.join(tmp, prefix));

/** cdk-nag's own packs, as a plain app registers them. */
const unmodified = (): IPolicyValidationPlugin[] => [new AwsSolutionsChecks(undefined, { verbose: true }), new NIST80053R5Checks(undefined, { verbose: true })];
const reusable = (cacheDir: string | undefined): IPolicyValidationPlugin[] => [
  new ReusableNagPack('AwsSolutionsChecks', { verbose: true }, { cacheDir }),
  new ReusableNagPack('NIST80053R5Checks', { verbose: true }, { cacheDir }),
];

interface Written {
  /** validation-report.json as written. */
  report: string;
  /** Every manifest.json of the cloud assembly (the annotations live there), by relative path. */
  manifests: Record<string, string>;
  /** The templates, parsed (to show two apps write the same ones). */
  templates: Record<string, unknown>;
  /** What synthesis threw (the report text of a failed validation), or '' when it passed. */
  failure: string;
}

/** Synthesises the app `build` makes, with the given packs only (no CloudFormation validation, no other pack). */
function synth(build: (app: App) => void, plugins: IPolicyValidationPlugin[]): Written {
  const outdir = newDir('out-');
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:validationReportJson': true } });
  build(app);
  Validations.of(app).addPlugins(...plugins);
  let failure = '';
  try {
    app.synth();
  } catch (err) {
    failure = err instanceof Error ? hideOutdir(err.message, outdir) : String(err);
  }
  const files = fs.readdirSync(outdir, { recursive: true }).map(String);
  // The report carries each construct's creation trace, which ends in this file at the line that called
  // synth(): the same code path, written from different lines of the test.
  const read = (f: string): string => sameCaller(fs.readFileSync(path.join(outdir, f), 'utf8'));
  return {
    report: read('validation-report.json'),
    manifests: Object.fromEntries(files.filter((f) => path.basename(f) === 'manifest.json').map((f) => [f, read(f)])),
    templates: Object.fromEntries(files.filter((f) => f.endsWith('.template.json')).map((f) => [f, JSON.parse(read(f))])),
    failure: sameCaller(failure),
  };
}

/**
 * The assembly folder is new for every synth, so it is hidden from compared text. aws-cdk-lib prints it
 * absolute or relative to the working directory, whichever is shorter: relative when the checkout sits
 * next to the temporary folder (a clone in /tmp), absolute otherwise.
 */
function hideOutdir(text: string, outdir: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, outdir);
  return text.split(outdir).join('<outdir>').split(relative).join('<outdir>');
}

function sameCaller(text: string): string {
  return text.replace(/reusable-nag-pack\.test\.ts:\d+(:\d+)?/g, 'reusable-nag-pack.test.ts:L');
}

const SSH_FROM_ANYWHERE = { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' };

/** One stack, one security group open to SSH from anywhere — written four ways whose templates are the same. */
type Variant = 'l1' | 'override' | 'not-an-l1' | 'bare-acknowledgement';
function oneSecurityGroup(variant: Variant) {
  return (app: App): void => {
    const stack = new Stack(app, 'Small', { env: { account: '111122223333', region: 'ap-northeast-1' } });
    switch (variant) {
      case 'l1':
      case 'bare-acknowledgement': {
        const sg = new ec2.CfnSecurityGroup(stack, 'Sg', { groupDescription: 'ssh', securityGroupIngress: [SSH_FROM_ANYWHERE] });
        // The bare form is honoured by cdk-nag itself (the violation is never reported) and is not in the template.
        if (variant === 'bare-acknowledgement') Validations.of(sg).acknowledge({ id: 'AwsSolutions-EC23', reason: 'test' });
        break;
      }
      case 'override': {
        // The same template; cdk-nag reads the L1's properties, which do not include overrides.
        const sg = new ec2.CfnSecurityGroup(stack, 'Sg', { groupDescription: 'ssh' });
        sg.addPropertyOverride('SecurityGroupIngress', [{ CidrIp: '0.0.0.0/0', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 }]);
        break;
      }
      case 'not-an-l1':
        // The same template; cdk-nag's rules test `instanceof CfnSecurityGroup`, so nothing is checked.
        new CfnResource(stack, 'Sg', {
          type: 'AWS::EC2::SecurityGroup',
          properties: { GroupDescription: 'ssh', SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 }] },
        });
        break;
    }
  };
}

describe('a verdict is reused only for an identical tree, never for identical templates alone', () => {
  const variants: Variant[] = ['l1', 'override', 'not-an-l1', 'bare-acknowledgement'];
  let reference: Record<Variant, Written>;
  beforeAll(() => {
    reference = {} as Record<Variant, Written>;
    for (const v of variants) reference[v] = synth(oneSecurityGroup(v), unmodified());
  });

  it('the four apps write the same template, and cdk-nag judges them differently', () => {
    for (const v of variants) expect(reference[v].templates).toEqual(reference.l1.templates);
    expect(reference.l1.report).toMatch(/AwsSolutions-EC23/);
    expect(reference.override.report).not.toEqual(reference.l1.report);
    expect(reference['not-an-l1'].report).not.toEqual(reference.l1.report);
    expect(reference['bare-acknowledgement'].report).not.toEqual(reference.l1.report);
    expect(new Set(variants.map((v) => constructTreeDigest(((): App => { const a = new App(); oneSecurityGroup(v)(a); return a; })()).digest)).size).toBe(4);
  });

  it('one shared cache: each app gets its own verdict, first computed, then replayed, each exactly cdk-nag\'s', () => {
    const cache = newDir('cache-');
    for (const round of ['miss', 'hit']) {
      for (const v of variants) {
        nagVerdictStats.reused.length = 0;
        nagVerdictStats.judged.length = 0;
        const written = synth(oneSecurityGroup(v), reusable(cache));
        expect({ variant: v, round, ...written }).toEqual({ variant: v, round, ...reference[v] });
        expect(round === 'hit' ? nagVerdictStats.reused : nagVerdictStats.judged).toEqual(['AwsSolutions', 'NIST.800.53.R5']);
      }
    }
  });
});

/** The example city, as bin/app.ts builds it, optionally with one breaking change. */
function exampleCity(mutation?: 'ssh-open-to-the-internet') {
  return (app: App): void => {
    const config = loadEmbeddedConfig('example-city');
    const stage = new MunicipalityStage(app, config.name, { config });
    if (mutation) {
      const network = stage.networkStacks.internet;
      new ec2.CfnSecurityGroup(network, 'MutationOpenSsh', { groupDescription: 'mutation', vpcId: stage.networks.internet.vpc.vpcId, securityGroupIngress: [SSH_FROM_ANYWHERE] });
    }
  };
}

describe('one app synthesised again after a change (synth({ force: true }) in the same process)', () => {
  it('is judged again: a digest is never carried from one synthesis to the next', () => {
    const cache = newDir('cache-');
    const reports = (plugins: () => IPolicyValidationPlugin[]): string[] => {
      const outdir = newDir('out-');
      const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:validationReportJson': true } });
      const stack = new Stack(app, 'Small', { env: { account: '111122223333', region: 'ap-northeast-1' } });
      new ec2.CfnSecurityGroup(stack, 'Closed', { groupDescription: 'closed' });
      Validations.of(app).addPlugins(...plugins());
      const written: string[] = [];
      app.synth();
      written.push(sameCaller(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')));
      new ec2.CfnSecurityGroup(stack, 'Open', { groupDescription: 'ssh', securityGroupIngress: [SSH_FROM_ANYWHERE] });
      try {
        app.synth({ force: true });
      } catch {
        // The opened group fails validation; the report is what is compared.
      }
      written.push(sameCaller(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')));
      return written;
    };
    const reference = reports(unmodified);
    expect(reference[1]).toMatch(/AwsSolutions-EC23/);
    expect(reports(() => reusable(cache))).toEqual(reference);
    expect(reports(() => reusable(cache))).toEqual(reference);
  });
});

describe('the example city and a breaking mutation: cached and uncached write the same files', () => {
  const cache = newDir('cache-');
  let good: Written;
  let broken: Written;
  beforeAll(() => {
    good = synth(exampleCity(), unmodified());
    broken = synth(exampleCity('ssh-open-to-the-internet'), unmodified());
  });

  it('the example city passes; the mutation fails with the rules it breaks', () => {
    expect(good.failure).toBe('');
    expect(broken.failure).toMatch(/AwsSolutions-EC23/);
    expect(broken.failure).toMatch(/MutationOpenSsh/);
  });

  it('with the cache off (CLOSED_TELEWORK_CACHE=off)', () => {
    const off = verdictCacheDir('cdk-nag', NAG_CACHE_ENV, { [ALL_CACHES_ENV]: 'off' });
    expect(off).toBeUndefined();
    expect(synth(exampleCity(), reusable(off))).toEqual(good);
    expect(synth(exampleCity('ssh-open-to-the-internet'), reusable(off))).toEqual(broken);
  });

  it('on a miss, then on a hit, for both', () => {
    for (const round of ['miss', 'hit']) {
      nagVerdictStats.reused.length = 0;
      expect({ round, ...synth(exampleCity(), reusable(cache)) }).toEqual({ round, ...good });
      expect({ round, ...synth(exampleCity('ssh-open-to-the-internet'), reusable(cache)) }).toEqual({ round, ...broken });
      expect(nagVerdictStats.reused).toEqual(round === 'hit' ? ['AwsSolutions', 'NIST.800.53.R5', 'AwsSolutions', 'NIST.800.53.R5'] : []);
    }
  });

  it('a damaged or foreign entry is ignored: the packs judge again', () => {
    for (const f of fs.readdirSync(cache)) fs.writeFileSync(path.join(cache, f), f.length % 2 ? '{"format":"closed-telework/cdk-nag-verdict/1","report":{"success":true}}' : 'not json');
    nagVerdictStats.judged.length = 0;
    expect(synth(exampleCity('ssh-open-to-the-internet'), reusable(cache))).toEqual(broken);
    expect(nagVerdictStats.judged).toEqual(['AwsSolutions', 'NIST.800.53.R5']);
  });
});

describe('the app as `cdk synth` runs it (bin/app.ts, every pack)', () => {
  it('writes the same validation report and manifests with the packs\' verdicts reused as with the cache off', () => {
    const cache = newDir('cache-');
    const files = (outdir: string): Record<string, string> => {
      const names = fs.readdirSync(outdir, { recursive: true }).map(String).filter((f) => f === 'validation-report.json' || path.basename(f) === 'manifest.json');
      return Object.fromEntries(names.map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));
    };
    const runs = [{ [NAG_CACHE_ENV]: 'off' }, { [NAG_CACHE_ENV]: cache }, { [NAG_CACHE_ENV]: cache }].map((env) => {
      const run = runApp({ municipality: 'example-city' }, env);
      try {
        expect(run.status).toBe(0);
        return { written: files(run.outdir), stderr: hideOutdir(run.stderr, run.outdir, ROOT) };
      } finally {
        removeAssembly(run.outdir);
      }
    });
    // One verdict per pack, stored by the second run (beside them, code-identity/ remembers cdk-nag's code digest).
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(Object.keys(runs[0]!.written)).toContain('validation-report.json');
  });
});

describe('switches', () => {
  it('off by its own variable or by CLOSED_TELEWORK_CACHE=off; a directory when set', () => {
    const project = newDir('project-');
    fs.mkdirSync(path.join(project, 'node_modules'));
    expect(verdictCacheDir('cdk-nag', NAG_CACHE_ENV, {}, project)).toBe(path.join(project, 'node_modules', '.cache', 'closed-telework', 'cdk-nag'));
    expect(verdictCacheDir('cdk-nag', NAG_CACHE_ENV, { [NAG_CACHE_ENV]: 'off' }, project)).toBeUndefined();
    expect(verdictCacheDir('cdk-nag', NAG_CACHE_ENV, { [ALL_CACHES_ENV]: 'off' }, project)).toBeUndefined();
    expect(verdictCacheDir('cdk-nag', NAG_CACHE_ENV, { [NAG_CACHE_ENV]: 'here' }, project)).toBe(path.join(project, 'here'));
  });

  it('keeps the plugin names cdk-nag reports under (acknowledgement ids are namespaced by them)', () => {
    expect(reusable(undefined).map((p) => p.name)).toEqual(unmodified().map((p) => p.name));
  });
});

describe('the tree digest covers what cdk-nag\'s rules read', () => {
  const rulesDir = path.join(path.dirname(require.resolve('cdk-nag/package.json')), 'lib', 'rules');
  const sources = fs
    .readdirSync(rulesDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, text: fs.readFileSync(path.join(rulesDir, f), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '') }));

  // Pinned against cdk-nag's rule sources: an upgrade that reads something else fails here, and
  // construct-tree-digest.ts must be reviewed before the pin is updated.
  it('creation-time properties (_cfnProperties) are read only where creationPropertiesRead says', () => {
    expect(sources.filter((s) => s.text.includes('_cfnProperties')).map((s) => s.f).sort()).toEqual([
      'eks/EKSClusterControlPlaneLogs.js',
      'eks/EKSClusterNoEndpointPublicAccess.js',
      'opensearch/OpenSearchAllowlistedIPs.js',
      'opensearch/OpenSearchNoUnsignedOrAnonymousAccess.js',
    ]);
    for (const s of sources.filter((x) => x.text.includes('_cfnProperties'))) {
      expect(s.text).toMatch(/Custom::AWSCDK-EKS-Cluster|\/Resource\/Default/);
    }
  });

  it('class tests are against L1 classes only; the tree is read through path, scope, children and default child', () => {
    const classes = new Set(sources.flatMap((s) => [...s.text.matchAll(/instanceof ([\w.]+)/g)].map((m) => m[1]!.split('.').pop()!)));
    expect([...classes].filter((c) => !/^Cfn/.test(c))).toEqual([]);
    const nodeReads = new Set(sources.flatMap((s) => [...s.text.matchAll(/\.node\.(\w+)/g)].map((m) => m[1]!)));
    expect([...nodeReads].sort()).toEqual(['defaultChild', 'findAll', 'path', 'scope', 'tryFindChild']);
    // No rule reads metadata, context, the environment or the stack's account/region directly.
    for (const s of sources) expect(s.text).not.toMatch(/\.metadata\b|tryGetContext|process\.env|\.account\b|\.region\b|\.tags\b|cfnOptions/);
  });
});
