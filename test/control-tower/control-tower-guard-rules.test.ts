/**
 * Parity: the plugin reports exactly what the unmodified CfnGuardValidator (all 237 Control Tower files over
 * whole templates) reports — same rules, descriptions, fixes, templates, resources and property paths — on
 * the example app and on an app built to break many controls across many resource types.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_cloudtrail as cloudtrail, aws_ec2 as ec2, aws_glue as glue, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_rds as rds, aws_s3 as s3, aws_sns as sns, aws_sqs as sqs, type PolicyViolationBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { loadEmbeddedConfig } from '../../lib/config';
import { CONTROL_TOWER_RULES_DIR, ControlTowerGuardRules, guardBinary, readRuleFiles } from '../../lib/control-tower/control-tower-guard-rules';
import { assertGuardRulesParse, GuardRuleParseError } from '../../lib/control-tower/guard-rules-parse';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('control-tower-guard-rules-');

/** One line per violating resource, with everything the core's report shows. */
function lines(violations: PolicyViolationBeta1[]): string[] {
  return violations
    .flatMap((v) =>
      v.violatingResources.map((r) => [v.ruleName, v.description, v.fix, r.templatePath, r.resourceLogicalId, [...r.locations].sort().join(',')].join(' | ')),
    )
    .sort();
}

function templatesOf(app: App): string[] {
  return app.synth().stacksRecursively.map((s) => s.templateFullPath);
}

/** Non-compliant resources of many types, some pointing at each other, in two stacks. */
function breakingApp(): App {
  const app = new App({ outdir: tmp.dir('guard-breaking-') });
  const a = new Stack(app, 'Storage');
  const key = new kms.CfnKey(a, 'Key', { enableKeyRotation: false, keyPolicy: { Statement: [] } });
  new s3.CfnBucket(a, 'PlainBucket');
  new s3.CfnBucket(a, 'KeyedBucket', {
    bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.ref } }] },
    publicAccessBlockConfiguration: { blockPublicAcls: false, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
  });
  new sqs.CfnQueue(a, 'Queue');
  // Compliant only because the key they reference is in the same template (the cut-down data must keep it).
  new sqs.CfnQueue(a, 'KeyedQueue', { kmsMasterKeyId: key.ref });
  new logs.CfnLogGroup(a, 'KeyedLogs', { kmsKeyId: key.attrArn, retentionInDays: 365 });
  // Compliant only because its security configuration, a type no Control Tower rule judges, is kept beside it.
  const security = new glue.CfnSecurityConfiguration(a, 'GlueSecurity', { name: 'sec', encryptionConfiguration: {} });
  new glue.CfnJob(a, 'KeyedJob', { command: { name: 'glueetl' }, role: 'arn:aws:iam::111111111111:role/r', securityConfiguration: security.ref });
  new glue.CfnJob(a, 'PlainJob', { command: { name: 'glueetl' }, role: 'arn:aws:iam::111111111111:role/r' });
  new sns.CfnTopic(a, 'Topic');
  new logs.CfnLogGroup(a, 'Logs');
  new cloudtrail.CfnTrail(a, 'Trail', { isLogging: true, s3BucketName: 'b' });
  new rds.CfnDBInstance(a, 'Db', { dbInstanceClass: 'db.t3.micro', engine: 'mysql', storageEncrypted: false, publiclyAccessible: true });

  const b = new Stack(app, 'Compute');
  const vpc = new ec2.CfnVPC(b, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  new ec2.CfnSubnet(b, 'Subnet', { vpcId: vpc.ref, cidrBlock: '10.0.0.0/24', mapPublicIpOnLaunch: true });
  new ec2.CfnSecurityGroup(b, 'OpenSg', {
    groupDescription: 'open',
    vpcId: vpc.ref,
    securityGroupIngress: [
      { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' },
      { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '0.0.0.0/0' },
    ],
  });
  new ec2.CfnVolume(b, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 8, encrypted: false });
  new ec2.CfnInstance(b, 'Instance', { imageId: 'ami-0123456789abcdef0', instanceType: 't3.micro' });
  const role = new iam.CfnRole(b, 'Role', {
    assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    policies: [{ policyName: 'admin', policyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
  });
  new iam.CfnUser(b, 'User', { policies: [{ policyName: 'p', policyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] });
  new lambda.CfnFunction(b, 'Fn', { code: { zipFile: 'exports.handler = async () => {}' }, role: role.attrArn, runtime: 'nodejs20.x', handler: 'index.handler' });
  return app;
}

describe('parity with the full Control Tower rule set', () => {
  test('on the example app', () => {
    const app = new App({ outdir: tmp.dir('guard-parity-') });
    const config = loadEmbeddedConfig('example-city');
    new MunicipalityStage(app, config.name, { config });
    const templatePaths = templatesOf(app);
    const full = lines(new CfnGuardValidator().validate({ templatePaths } as never).violations);
    const ours = lines(new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths } as never).violations);
    expect(full.length).toBeGreaterThan(0); // the example app has acknowledged guard violations: parity is not vacuous
    expect(ours).toEqual(full);
  });

  test('on an app that breaks many controls across many resource types', () => {
    // The core prints its own template warnings for this deliberately bad app; they are not under test.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const templatePaths = templatesOf(breakingApp());
    quiet.mockRestore();
    const fullReport = new CfnGuardValidator().validate({ templatePaths } as never);
    const full = lines(fullReport.violations);
    const ours = lines(new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths } as never).violations);
    const keyedEncryption = (list: string[]) => list.filter((line) => /Keyed(Queue|Logs)/.test(line) && /encrypt|kms/i.test(line.split(' | ')[0] as string));
    expect(keyedEncryption(full)).toEqual([]);
    expect(full.filter((line) => line.startsWith('glue_job_security_config_check')).map((line) => line.split(' | ')[4])).toEqual(['PlainJob']);
    expect(full.some((line) => /^\S*(encrypt|kms)\S* .*\| (Queue|Logs) \|/i.test(line))).toBe(true); // their unkeyed twins are reported
    expect(new Set(fullReport.violations.map((v) => v.ruleName)).size).toBeGreaterThanOrEqual(15);
    expect(ours).toEqual(full);
  });

  test('keeps the validator name, so acknowledgement ids do not change', () => {
    expect(new ControlTowerGuardRules().name).toBe(new CfnGuardValidator().name);
  });
});

describe('running the plugin', () => {
  test('nothing runs, and nothing is reported, when no resource is of a judged type', () => {
    const dir = tmp.dir('guard-none-');
    const template = path.join(dir, 'Routes.template.json');
    fs.writeFileSync(template, JSON.stringify({ Resources: { R: { Type: 'AWS::EC2::Route', Properties: {} } } }));
    expect(new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths: [template] } as never)).toEqual({ success: true, violations: [] });
  });

  test('reports against the template the synth wrote and leaves no temporary file behind', () => {
    const dir = tmp.dir('guard-paths-');
    const template = path.join(dir, 'Bucket.template.json');
    fs.writeFileSync(template, JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: {} }, R: { Type: 'AWS::EC2::Route', Properties: {} } } }));
    // A temporary folder of this test's own: other processes on the machine (a parallel synth) may create
    // and remove their own closed-telework-guard-* folders in the shared one while this test runs.
    const ownTmp = tmp.dir('guard-tmp-');
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    try {
      const report = new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths: [template] } as never);
      expect(report.success).toBe(false);
      expect(new Set(report.violations.flatMap((v) => v.violatingResources.map((r) => `${r.templatePath} ${r.resourceLogicalId}`)))).toEqual(new Set([`${template} B`]));
      expect(fs.readdirSync(ownTmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
  });

  test('parallelism must be a whole number of 1 or more, and the error says how to fix it', () => {
    for (const parallelism of [0, 1.5, Number.NaN]) {
      expect(() => new ControlTowerGuardRules({ parallelism })).toThrow(/parallelism must be a whole number of 1 or more .*leave it out/);
    }
  });

  test('the rule files are read once per process', () => {
    expect(readRuleFiles(CONTROL_TOWER_RULES_DIR)[0]).toBe(readRuleFiles(CONTROL_TOWER_RULES_DIR)[0]);
  });
});

describe('rule files of your own (rulesDir)', () => {
  const shipped = (name: string): string => fs.readFileSync(readRuleFiles(CONTROL_TOWER_RULES_DIR).find((rule) => rule.name === name)?.path as string, 'utf8');
  const rulesDir = (files: Record<string, string>): string => {
    const dir = tmp.dir('guard-own-rules-');
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  };

  test('run as the shipped ones do', () => {
    const dir = rulesDir({ 'ct-s3-pr-1.guard': shipped('ct-s3-pr-1') });
    const data = path.join(rulesDir({}), 'Bucket.template.json');
    fs.writeFileSync(data, JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: {} } } }));
    const report = new ControlTowerGuardRules({ rulesDir: dir, cacheDir: false }).validate({ templatePaths: [data] } as never);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['s3_bucket_level_public_access_prohibited_check']);
  });

  test('a file cfn-guard cannot parse is refused when the plugin is made, naming the file, in English and Japanese', () => {
    const dir = rulesDir({ 'good.guard': shipped('ct-s3-pr-1'), 'typo.guard': 'let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule typo when %buckets not empty {\n  %buckets.Properties.Foo == \n}\n' });
    expect(() => new ControlTowerGuardRules({ rulesDir: dir })).toThrow(GuardRuleParseError);
    expect(() => new ControlTowerGuardRules({ rulesDir: dir })).toThrow(new RegExp(`cannot use this rule file[^]*- ${path.join(dir, 'typo.guard')}\n[^]*Fix: [^]*解析できません`));
  });

  test('a binary that cannot run is an error too, not a pass', () => {
    expect(() => assertGuardRulesParse(path.join(os.tmpdir(), 'no-such-cfn-guard'), [path.join(CONTROL_TOWER_RULES_DIR, 'x.guard')])).toThrow(/cfn-guard said: .*ENOENT/);
  });

  test('the shipped binary is found', () => {
    expect(fs.existsSync(guardBinary() as string)).toBe(true);
  });
});

describe('remembering verdicts', () => {
  const bucketTemplate = (dir: string, properties: object): string => {
    const file = path.join(dir, 'Storage.template.json');
    fs.writeFileSync(file, JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: properties }, R: { Type: 'AWS::EC2::Route', Properties: {} } } }));
    return file;
  };
  const newDir = (): string => tmp.dir('guard-remember-');
  let guard: jest.SpyInstance;
  beforeEach(() => {
    guard = jest.spyOn(CfnGuardValidator.prototype, 'validate');
  });
  afterEach(() => guard.mockRestore());

  test('a second synth of the same templates (in another outdir) reuses the verdict, reported against its own paths', () => {
    const cacheDir = newDir();
    const first = bucketTemplate(newDir(), {});
    const second = bucketTemplate(newDir(), {});
    const a = new ControlTowerGuardRules({ cacheDir }).validate({ templatePaths: [first] } as never);
    expect(guard).toHaveBeenCalledTimes(1);
    const b = new ControlTowerGuardRules({ cacheDir }).validate({ templatePaths: [second] } as never);
    expect(guard).toHaveBeenCalledTimes(1);
    expect(a.success).toBe(false);
    expect(b.success).toBe(false);
    expect(lines(b.violations)).toEqual(lines(a.violations).map((line) => line.replace(first, second)));
    expect(lines(b.violations).every((line) => line.includes(second))).toBe(true);
  });

  test('a changed template is judged again', () => {
    const cacheDir = newDir();
    const open = new ControlTowerGuardRules({ cacheDir }).validate({ templatePaths: [bucketTemplate(newDir(), {})] } as never);
    const versioned = new ControlTowerGuardRules({ cacheDir }).validate({
      templatePaths: [bucketTemplate(newDir(), { VersioningConfiguration: { Status: 'Enabled' } })],
    } as never);
    expect(guard).toHaveBeenCalledTimes(2);
    expect(versioned.violations.map((v) => v.ruleName)).not.toEqual(open.violations.map((v) => v.ruleName));
  });

  test('a spoilt entry is ignored and cfn-guard runs again, with the same result', () => {
    const cacheDir = newDir();
    const template = bucketTemplate(newDir(), {});
    const a = new ControlTowerGuardRules({ cacheDir }).validate({ templatePaths: [template] } as never);
    // Every stored verdict (the code-identity folder beside them holds the rule files' remembered digest).
    for (const entry of fs.readdirSync(cacheDir).filter((f) => f.endsWith('.json'))) fs.writeFileSync(path.join(cacheDir, entry), '{"format":');
    const b = new ControlTowerGuardRules({ cacheDir }).validate({ templatePaths: [template] } as never);
    expect(guard).toHaveBeenCalledTimes(2);
    expect(lines(b.violations)).toEqual(lines(a.violations));
  });

  test('a change to one service\'s resources runs cfn-guard again for that service only', () => {
    const cacheDir = newDir();
    const write = (ingress: object[]): string => {
      const file = path.join(newDir(), 'Mixed.template.json');
      const group = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', SecurityGroupIngress: ingress } };
      fs.writeFileSync(file, JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: {} }, G: group } }));
      return file;
    };
    const first = new ControlTowerGuardRules({ cacheDir, parallelism: 1 }).validate({ templatePaths: [write([])] } as never);
    const runs = guard.mock.calls.length;
    expect(runs).toBeGreaterThanOrEqual(2); // one run for the S3 files, one for the EC2 files
    const second = new ControlTowerGuardRules({ cacheDir, parallelism: 1 }).validate({
      templatePaths: [write([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }])],
    } as never);
    expect(guard).toHaveBeenCalledTimes(runs + 1);
    const groupRules = (report: typeof first) => report.violations.filter((v) => v.violatingResources.some((r) => r.resourceLogicalId === 'G')).map((v) => v.ruleName);
    expect(groupRules(second)).not.toEqual(groupRules(first));
    const bucketLines = (report: typeof first) => lines(report.violations).filter((line) => line.split(' | ')[4] === 'B').map((line) => line.replace(/\S*Mixed\.template\.json/, 'T'));
    expect(bucketLines(second)).toEqual(bucketLines(first));
    expect(bucketLines(first).length).toBeGreaterThan(0);
  });

  test('cacheDir: false always runs cfn-guard and stores nothing', () => {
    const template = bucketTemplate(newDir(), {});
    new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths: [template] } as never);
    new ControlTowerGuardRules({ cacheDir: false }).validate({ templatePaths: [template] } as never);
    expect(guard).toHaveBeenCalledTimes(2);
  });
});
