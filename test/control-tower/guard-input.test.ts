import { analyseGuardRuleFile, type GuardRuleFile } from '../../lib/control-tower/guard-rule-file';
import { planGuardRun, planGuardRuns, type GuardTemplate } from '../../lib/control-tower/guard-input';
import { controlTowerStyleRule } from './rule-file-text';

const hooked = (name: string, primary: string, ...others: string[]): GuardRuleFile => analyseGuardRuleFile(`/r/${name}.guard`, controlTowerStyleRule(primary, others));

const s3 = hooked('s3', 'AWS::S3::Bucket', 'AWS::KMS::Key');
const eks = hooked('eks', 'AWS::EKS::Cluster', 'AWS::KMS::Key');
const sg = hooked('sg', 'AWS::EC2::SecurityGroup');
const untyped = analyseGuardRuleFile('/r/any.guard', 'rule every_resource { Resources.* { Type exists } }');

const template = (path: string, resources: Record<string, string>, extra: Record<string, unknown> = {}): GuardTemplate => ({
  path,
  body: { ...extra, Resources: Object.fromEntries(Object.entries(resources).map(([id, Type]) => [id, { Type, Properties: { Id: id } }])) },
});

describe('planGuardRun', () => {
  const storage = template('/out/Storage.template.json', { Bucket: 'AWS::S3::Bucket', Key: 'AWS::KMS::Key', Role: 'AWS::IAM::Role' }, { Parameters: { P: { Type: 'String' } }, Conditions: { C: { 'Fn::Equals': ['a', 'b'] } } });
  const network = template('/out/Network.template.json', { Vpc: 'AWS::EC2::VPC', Route: 'AWS::EC2::Route', Key: 'AWS::KMS::Key' });

  test('runs a file only when a resource of a type it judges is present (a KMS key alone does not wake the EKS file)', () => {
    expect(planGuardRun([s3, eks, sg], [storage, network]).rules.map((r) => r.name)).toEqual(['s3']);
  });

  test('cuts each template to the types the running files name, keeping every other section', () => {
    const run = planGuardRun([s3, eks, sg], [storage, network]);
    expect(run.inputs).toEqual([
      {
        path: '/out/Storage.template.json',
        body: {
          Parameters: { P: { Type: 'String' } },
          Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
          Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Id: 'Bucket' } }, Key: { Type: 'AWS::KMS::Key', Properties: { Id: 'Key' } } },
        },
      },
    ]);
  });

  test('leaves out a template with nothing the running files judge (its KMS key alone would only SKIP)', () => {
    expect(planGuardRun([s3], [storage, network]).inputs.map((i) => i.path)).toEqual(['/out/Storage.template.json']);
  });

  test('does not change the templates it was given', () => {
    const before = JSON.stringify(storage);
    planGuardRun([s3], [storage]);
    expect(JSON.stringify(storage)).toBe(before);
  });

  test('nothing to run when no file judges a present type', () => {
    expect(planGuardRun([eks, sg], [storage])).toEqual({ rules: [], inputs: [] });
  });

  test('fail closed: a running file that names no type gets every template whole', () => {
    const run = planGuardRun([s3, untyped], [storage, network]);
    expect(run.rules.map((r) => r.name)).toEqual(['s3', 'any']);
    expect(run.inputs).toEqual([storage, network]);
  });

  test('fail closed: a resource without a string Type runs every file over whole templates', () => {
    const odd: GuardTemplate = { path: '/out/Odd.template.json', body: { Resources: { X: { Type: { Ref: 'T' } } } } };
    const run = planGuardRun([s3, eks, sg], [odd, network]);
    expect(run.rules.map((r) => r.name)).toEqual(['s3', 'eks', 'sg']);
    expect(run.inputs).toEqual([odd, network]);
  });

  test('fail closed: a template without a Resources object runs every file over whole templates', () => {
    const odd: GuardTemplate = { path: '/out/Odd.template.json', body: { Resources: ['not', 'an', 'object'] } };
    expect(planGuardRun([s3, sg], [odd]).rules.map((r) => r.name)).toEqual(['s3', 'sg']);
  });
});

describe('planGuardRuns', () => {
  const s3Policy = hooked('s3-policy', 'AWS::S3::BucketPolicy', 'AWS::S3::Bucket');
  const kmsKey = hooked('kms', 'AWS::KMS::Key');
  const storage = template('/out/Storage.template.json', { Bucket: 'AWS::S3::Bucket', Policy: 'AWS::S3::BucketPolicy', Key: 'AWS::KMS::Key', Role: 'AWS::IAM::Role' }, { Parameters: { P: { Type: 'String' } } });
  const network = template('/out/Network.template.json', { Group: 'AWS::EC2::SecurityGroup', Key: 'AWS::KMS::Key' });
  const names = (runs: ReturnType<typeof planGuardRuns>) => runs.map((run) => run.rules.map((r) => r.name));

  test('one run per service the files judge (both S3 files together), the same files as one whole run', () => {
    const runs = planGuardRuns([s3, eks, sg, s3Policy, kmsKey], [storage, network]);
    expect(names(runs)).toEqual([['s3', 's3-policy'], ['sg'], ['kms']]);
    expect(runs.flatMap((run) => run.rules).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      planGuardRun([s3, eks, sg, s3Policy, kmsKey], [storage, network]).rules.sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  test("each run sees exactly the types its own files name, and only the templates where one of them judges something", () => {
    const [s3Run, sgRun, kmsRun] = planGuardRuns([s3, sg, s3Policy, kmsKey], [storage, network]);
    const resources = (run: typeof s3Run) => run?.inputs.map((input) => `${input.path}: ${Object.keys(input.body.Resources as object).join(',')}`);
    expect(resources(s3Run)).toEqual(['/out/Storage.template.json: Bucket,Policy,Key']);
    expect(resources(sgRun)).toEqual(['/out/Network.template.json: Group']);
    expect(resources(kmsRun)).toEqual(['/out/Storage.template.json: Key', '/out/Network.template.json: Key']);
    expect(s3Run?.inputs[0]?.body.Parameters).toEqual({ P: { Type: 'String' } });
  });

  test('nothing to run when no file judges a present type', () => {
    expect(planGuardRuns([eks, sg], [storage])).toEqual([]);
  });

  test('fail closed: a running file that names no type makes one run of every running file over whole templates', () => {
    expect(planGuardRuns([s3, sg, untyped], [storage, network])).toEqual([{ rules: [s3, sg, untyped], inputs: [storage, network] }]);
  });

  test('fail closed: a template this reader does not understand makes one run of every file over whole templates', () => {
    const odd: GuardTemplate = { path: '/out/Odd.template.json', body: { Resources: { X: { Type: { Ref: 'T' } } } } };
    expect(planGuardRuns([s3, sg], [odd, network])).toEqual([{ rules: [s3, sg], inputs: [odd, network] }]);
  });
});
