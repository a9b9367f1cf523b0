import { analyseGuardRuleFile, type GuardRuleFile } from '../../lib/control-tower/guard-rule-file';
import { planGuardRun, type GuardTemplate } from '../../lib/control-tower/guard-input';
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
