import { analyseGuardRuleFile } from '../../lib/control-tower/guard-rule-file';
import { controlTowerStyleRule } from './rule-file-text';

describe('analyseGuardRuleFile', () => {
  test('a file whose every reported rule is gated on a type judges just those types', () => {
    expect(analyseGuardRuleFile('/rules/s3/ct-s3-pr-9.guard', controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key']))).toEqual({
      path: '/rules/s3/ct-s3-pr-9.guard',
      name: 'ct-s3-pr-9',
      namedTypes: ['AWS::KMS::Key', 'AWS::S3::Bucket'],
      primaryTypes: ['AWS::S3::Bucket'],
      primaryFrom: 'rule-gates',
    });
  });

  test('gates written with literals, `this` and a `Resources[ … ]` query are read too', () => {
    const source = [
      "let sgs = Resources[\n    Type == 'AWS::EC2::SecurityGroup'\n]",
      'rule a when is_cfn_template(this)\n  %sgs not empty { %sgs.Properties exists }',
      "rule a when is_cfn_hook(%INPUT_DOCUMENT, 'AWS::EC2::SecurityGroupIngress') { }",
      'let k = "AWS::KMS::Key"',
      'rule is_cfn_hook(doc, T) {\n  %doc.%T.resourceProperties exists\n}',
    ].join('\n');
    const file = analyseGuardRuleFile('/r/a.guard', source);
    expect(file.primaryTypes).toEqual(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress']);
    expect(file.primaryFrom).toBe('rule-gates');
  });

  const failClosed: [string, string][] = [
    ['a reported rule without a gate', `${controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key'])}\nrule ungated { Resources.* { Type exists } }`],
    ['a gate joined with `or`', controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key']).replace('%judged not empty', 'or %judged not empty')],
    ['a gate on an unknown variable', controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key']).replace('%judged not empty', '%unknown not empty')],
    ['a hook gate on an unresolvable constant', controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key']).replace('is_cfn_hook(%INPUT_DOCUMENT, %JUDGED_TYPE)', 'is_cfn_hook(%INPUT_DOCUMENT, %OTHER)')],
    ['is_cfn_hook defined to mean something else', controlTowerStyleRule('AWS::S3::Bucket', ['AWS::KMS::Key']).replace('%doc.%RESOURCE_TYPE.resourceProperties exists', '%doc.Resources exists')],
    ['no reported rule at all', 'let k = "AWS::KMS::Key"\nlet b = "AWS::S3::Bucket"\nrule helper(x) { %x exists }'],
  ];
  test.each(failClosed)('fail closed — %s: every named type counts as judged', (_what, source) => {
    const file = analyseGuardRuleFile('/r/x.guard', source);
    expect(file.primaryFrom).toBe('named-types');
    expect(file.primaryTypes).toEqual(['AWS::KMS::Key', 'AWS::S3::Bucket']);
  });

  test('a file naming no type has no types at all (it applies everywhere)', () => {
    const file = analyseGuardRuleFile('/r/d.guard', 'rule every_resource { Resources.* { Type exists } }\n');
    expect(file.namedTypes).toEqual([]);
    expect(file.primaryTypes).toEqual([]);
  });

  test('commented-out lines neither name types nor redefine constants nor add rules', () => {
    const source = ['# let JUDGED_TYPE = "AWS::S3::AccessPoint"', '# rule ungated { }', controlTowerStyleRule('AWS::S3::Bucket')].join('\n');
    const file = analyseGuardRuleFile('/r/e.guard', source);
    expect(file.namedTypes).toEqual(['AWS::S3::Bucket']);
    expect(file.primaryTypes).toEqual(['AWS::S3::Bucket']);
    expect(file.primaryFrom).toBe('rule-gates');
  });
});

test('a gate on a query for several types judges each of them', () => {
  const source = controlTowerStyleRule('AWS::IAM::Policy').replace(
    'let judged = Resources.*[ Type == %JUDGED_TYPE ]',
    'let judged = Resources.*[\n    Type == "AWS::IAM::Role" or\n    Type == "AWS::IAM::User"\n]',
  );
  const file = analyseGuardRuleFile('/r/iam.guard', source);
  expect(file.primaryTypes).toEqual(['AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User']);
  expect(file.primaryFrom).toBe('rule-gates');
});

test('fail closed: a gate on a query that filters on anything but the type', () => {
  const source = controlTowerStyleRule('AWS::IAM::Policy', ['AWS::KMS::Key']).replace(
    'let judged = Resources.*[ Type == %JUDGED_TYPE ]',
    'let judged = Resources.*[ Type == %JUDGED_TYPE or Properties exists ]',
  );
  expect(analyseGuardRuleFile('/r/iam.guard', source).primaryFrom).toBe('named-types');
});
