/**
 * The cached built-in validation reports exactly what aws-cdk-lib's unmodified CloudFormationValidatePlugin
 * reports (parity, with the cache off and on a hit), reuses a verdict only for byte-identical input, ignores
 * a damaged entry, stores nothing when off, and is registered only where the CDK would run its default.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CloudFormationValidatePlugin, Stack, Stage, Validations, aws_s3 as s3, type IPolicyValidationContext, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CachedCloudFormationValidate, CFN_VALIDATE_CACHE_ENV, registerCachedCloudFormationValidate } from '../../lib/cfn-validate/cached-cloudformation-validate';
import { ALL_CACHES_ENV, verdictCacheDir } from '../../lib/cache/verdict-store';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('cached-cloudformation-validate-');
const newDir = (prefix: string): string => tmp.dir(prefix);

/** Two stacks: one with schema errors the engine reports (unknown property, wrong type), one clean. */
function templates(dir: string, bucketName = 'ok-bucket'): IPolicyValidationContext {
  const write = (name: string, template: object): string => {
    const file = path.join(dir, `${name}.template.json`);
    fs.writeFileSync(file, JSON.stringify(template, undefined, 1));
    return file;
  };
  const broken = write('Broken', {
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: bucketName, NotAProperty: true, VersioningConfiguration: { Status: 42 } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 'soon' } },
    },
  });
  const clean = write('Clean', { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } });
  const stackTemplates = [
    { stackConstructPath: 'Broken', templatePath: broken, accountId: '111122223333', region: 'ap-northeast-1' },
    { stackConstructPath: 'Clean', templatePath: clean, accountId: '111122223333', region: 'ap-northeast-1' },
  ];
  return { templatePaths: stackTemplates.map((s) => s.templatePath), stackTemplates } as unknown as IPolicyValidationContext;
}

/** Everything a report shows, with template paths made relative so two directories compare. */
function shown(report: PolicyValidationPluginReport, dir: string): unknown {
  return {
    success: report.success,
    violations: report.violations.map((v) => ({
      ...v,
      violatingResources: v.violatingResources.map((r) => ({ ...r, templatePath: r.templatePath ? path.relative(dir, r.templatePath) : undefined })),
    })),
  };
}

describe('CachedCloudFormationValidate', () => {
  const dir = newDir('cfn-validate-');
  const context = templates(dir);
  let unmodified: PolicyValidationPluginReport;
  beforeAll(() => {
    unmodified = new CloudFormationValidatePlugin().validate(context);
  });

  it('the fixture has findings for the engine to report', () => {
    expect(unmodified.violations.length).toBeGreaterThan(0);
    expect(unmodified.violations.flatMap((v) => v.violatingResources.map((r) => r.resourceLogicalId))).toEqual(expect.arrayContaining(['Bucket', 'Queue']));
  });

  it('with the cache off: the same report as the unmodified plugin, and nothing stored', () => {
    const cacheDir = newDir('cfn-validate-cache-');
    fs.rmSync(cacheDir, { recursive: true });
    const report = new CachedCloudFormationValidate({}, { cacheDir: undefined }).validate(context);
    expect(shown(report, dir)).toEqual(shown(unmodified, dir));
    expect(fs.existsSync(cacheDir)).toBe(false);
  });

  // One plugin (one engine: constructing it is most of the validation's cost) serves the miss, the changed
  // template, the other region and the damaged entry; the replay is a new instance with no engine at all.
  it('a hit replays the same report (also for templates written elsewhere); any changed input runs the engine again', () => {
    const cacheDir = newDir('cfn-validate-cache-');
    const plugin = new CachedCloudFormationValidate({}, { cacheDir });
    const first = plugin.validate(context);
    expect(shown(first, dir)).toEqual(shown(unmodified, dir));
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);

    const elsewhere = newDir('cfn-validate-elsewhere-');
    const replayed = new CachedCloudFormationValidate({}, { cacheDir }).validate(templates(elsewhere));
    expect(shown(replayed, elsewhere)).toEqual(shown(unmodified, dir));
    expect(replayed.violations[0]!.violatingResources[0]!.templatePath!.startsWith(elsewhere)).toBe(true);

    // One byte of one template differs (an upper-case letter in the bucket name): the engine runs again and
    // reports what the cached verdict could not have, and the new verdict is stored beside the first.
    const changed = templates(newDir('cfn-validate-changed-'), 'ok-buckeT');
    const again = plugin.validate(changed);
    const bucketName = (r: PolicyValidationPluginReport): string[] => r.violations.filter((v) => v.violatingResources.some((x) => x.locations.includes('Properties.BucketName'))).map((v) => v.ruleName);
    expect(bucketName(unmodified)).toEqual([]);
    expect(bucketName(again)).toEqual(['F3031']);
    expect(fs.readdirSync(cacheDir)).toHaveLength(2);

    // The stack's region is part of the key too.
    plugin.validate({ ...context, stackTemplates: context.stackTemplates.map((s) => ({ ...s, region: 'ap-northeast-3' })) } as IPolicyValidationContext);
    expect(fs.readdirSync(cacheDir)).toHaveLength(3);

    // A damaged entry is ignored: the engine runs and reports the same as the unmodified plugin.
    for (const entry of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, entry), '{"format":"closed-telework/cloudformation-validate-verdict/1","success":true,"violations":[]}x');
    expect(shown(plugin.validate(context), dir)).toEqual(shown(unmodified, dir));
  });

  it('is the CDK\'s own plugin to the CDK (same name, so the same trust and the same report entry)', () => {
    const plugin = new CachedCloudFormationValidate();
    expect(plugin).toBeInstanceOf(CloudFormationValidatePlugin);
    expect(plugin.name).toBe(CloudFormationValidatePlugin.PLUGIN_NAME);
    expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('verdictCacheDir', () => {
  it('off by its own variable or by CLOSED_TELEWORK_CACHE=off; a directory when set', () => {
    const cwd = newDir('cfn-validate-cwd-');
    fs.mkdirSync(path.join(cwd, 'node_modules'));
    expect(verdictCacheDir('x', CFN_VALIDATE_CACHE_ENV, {}, cwd)).toBe(path.join(cwd, 'node_modules', '.cache', 'closed-telework', 'x'));
    expect(verdictCacheDir('x', CFN_VALIDATE_CACHE_ENV, { [CFN_VALIDATE_CACHE_ENV]: 'off' }, cwd)).toBeUndefined();
    expect(verdictCacheDir('x', CFN_VALIDATE_CACHE_ENV, { [ALL_CACHES_ENV]: 'off' }, cwd)).toBeUndefined();
    expect(verdictCacheDir('x', CFN_VALIDATE_CACHE_ENV, { [CFN_VALIDATE_CACHE_ENV]: 'here' }, cwd)).toBe(path.join(cwd, 'here'));
    expect(verdictCacheDir('x', CFN_VALIDATE_CACHE_ENV, {}, newDir('cfn-validate-bare-'))).toBeUndefined();
  });
});

describe('registerCachedCloudFormationValidate', () => {
  const cached = (scope: Stage): number => scope._validationPlugins.filter((p) => p instanceof CachedCloudFormationValidate).length;

  it('registers on an App, once, in place of the default', () => {
    const app = new App();
    registerCachedCloudFormationValidate(app);
    registerCachedCloudFormationValidate(app);
    expect(cached(app)).toBe(1);
  });

  it('leaves a Stage, an App with built-in validation off, CDK_VALIDATION=false and a user\'s own instance alone', () => {
    const app = new App();
    const stage = new Stage(app, 'S');
    registerCachedCloudFormationValidate(stage);
    expect(cached(stage)).toBe(0);

    const off = new App({ builtinCloudFormationValidation: false });
    registerCachedCloudFormationValidate(off);
    expect(cached(off)).toBe(0);

    const saved = process.env.CDK_VALIDATION;
    process.env.CDK_VALIDATION = 'false';
    try {
      const noValidation = new App();
      registerCachedCloudFormationValidate(noValidation);
      expect(cached(noValidation)).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.CDK_VALIDATION;
      else process.env.CDK_VALIDATION = saved;
    }

    const own = new App();
    Validations.of(own).addPlugins(new CloudFormationValidatePlugin());
    registerCachedCloudFormationValidate(own);
    expect(cached(own)).toBe(0);
  });

  it('a synth with it writes the CloudFormation Validate entry the default would', () => {
    const build = (register: boolean): unknown => {
      const outdir = newDir('cfn-validate-app-');
      const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
      const stack = new Stack(app, 'Stack', { env: { account: '111122223333', region: 'ap-northeast-1' } });
      new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: 'Sometimes' } });
      if (register) registerCachedCloudFormationValidate(app);
      app.synth();
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: Array<{ pluginName: string }> };
      // Creation stack traces name this test's lines, which differ between the calls below.
      const withoutTraces = (key: string, value: unknown): unknown => (key === 'stackTraces' ? undefined : value);
      return report.pluginReports
        .filter((r) => r.pluginName === CloudFormationValidatePlugin.PLUGIN_NAME)
        .map((r) => JSON.stringify(r, withoutTraces).split(outdir).join('<out>'));
    };
    const saved = process.env[CFN_VALIDATE_CACHE_ENV];
    process.env[CFN_VALIDATE_CACHE_ENV] = newDir('cfn-validate-app-cache-');
    try {
      const withDefault = build(false);
      expect(withDefault).toHaveLength(1);
      expect(build(true)).toEqual(withDefault); // a miss
      expect(build(true)).toEqual(withDefault); // a hit
    } finally {
      if (saved === undefined) delete process.env[CFN_VALIDATE_CACHE_ENV];
      else process.env[CFN_VALIDATE_CACHE_ENV] = saved;
    }
  });
});
