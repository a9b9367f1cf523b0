/** Intrinsic functions across templates, nested stacks and conditions. */
import { Resolver } from '../../lib/model/resolve/resolver';
import { ResRef, Unresolved, NO_VALUE, refsInString, show } from '../../lib/model/resolve/values';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { reasonEn } from '../../lib/report/i18n/reasons.en';

const t = (stack: string, template: Record<string, unknown>, parent?: LoadedTemplate['parent']): LoadedTemplate =>
  ({ stack, file: `${stack}.json`, template: { Resources: {}, ...template } as LoadedTemplate['template'], ...(parent ? { parent } : {}) });

const A = t('A', {
  Parameters: { Cidr: { Type: 'String', Default: '10.1.0.0/16' }, Env: { Type: 'String', AllowedValues: ['prod', 'dev'] }, Free: { Type: 'String' }, Ssm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/x' } },
  Mappings: { Net: { prod: { Cidr: '10.9.0.0/16' }, dev: { Cidr: '10.8.0.0/16' } } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, Never: { 'Fn::Equals': ['a', 'b'] }, Always: { 'Fn::Not': [{ Condition: 'Never' }] } },
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'Cidr' } } },
    V6: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: { Ref: 'Vpc' }, AmazonProvidedIpv6CidrBlock: true } },
    Gone: { Type: 'AWS::EC2::VPC', Condition: 'Never', Properties: {} },
    Maybe: { Type: 'AWS::EC2::VPC', Condition: 'IsProd', Properties: {} },
    Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: { VpcId: { Ref: 'Vpc' }, Block: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } } } },
  },
  Outputs: { VpcOut: { Value: { Ref: 'Vpc' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-vpc' } } }, Plain: { Value: 'x', Export: { Name: 'plain-name' } } },
});
const N = t('A/Nested', { Parameters: { VpcId: { Type: 'String' }, Block: { Type: 'String' } }, Resources: { Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'VpcId' } } } }, Outputs: { SubOut: { Value: { Ref: 'Sub' } } } }, { stack: 'A', logicalId: 'Nested' });
const r = new Resolver([A, N]);

describe('Resolver', () => {
  test('Ref to a resource is its identity; Ref to a parameter is its default, or all allowed values', () => {
    expect(r.resolve('A', { Ref: 'Vpc' })).toEqual([new ResRef('A::Vpc')]);
    expect(r.resolve('A', { Ref: 'Cidr' })).toEqual(['10.1.0.0/16']);
    expect(r.resolve('A', { Ref: 'Env' })).toEqual(['prod', 'dev']);
  });
  test('parameters known only at deploy time are unresolved, with the reason', () => {
    const [free] = r.resolve('A', { Ref: 'Free' });
    expect(free).toBeInstanceOf(Unresolved);
    expect(reasonEn((free as Unresolved).reason)).toMatch(/no default/);
    expect(reasonEn((r.resolve('A', { Ref: 'Ssm' })[0] as Unresolved).reason)).toMatch(/SSM/);
  });
  test('Fn::GetAtt of a property and of an id', () => {
    expect(r.resolve('A', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] })).toEqual(['10.1.0.0/16']);
    expect(r.resolve('A', { 'Fn::GetAtt': ['Vpc', 'VpcId'] })).toEqual([new ResRef('A::Vpc')]);
    expect(r.resolve('A', { 'Fn::GetAtt': 'Vpc.DefaultSecurityGroup' })).toEqual([new ResRef('A::Vpc#defaultSg')]);
  });
  test('Amazon-provided IPv6 blocks get a unique synthetic /56, reachable through GetAtt and Fn::Cidr', () => {
    const [blocks] = r.resolve('A', { 'Fn::GetAtt': ['Vpc', 'Ipv6CidrBlocks'] }) as string[][];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^2600:1f00:.*\/56$/);
    const [first] = r.resolve('A', { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::Select': [0, { 'Fn::GetAtt': ['Vpc', 'Ipv6CidrBlocks'] }] }, 4, 64] }] });
    expect(first).toMatch(/\/64$/);
  });
  test('Fn::Sub, Fn::Join, Fn::Split, Fn::Select, Fn::FindInMap', () => {
    expect(r.resolve('A', { 'Fn::Sub': ['${A}.${B}', { A: 'x', B: { Ref: 'Cidr' } }] })).toEqual(['x.10.1.0.0/16']);
    expect(r.resolve('A', { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.s3' })).toEqual(['com.amazonaws.${AWS::Region}.s3']);
    expect(r.resolve('A', { 'Fn::Join': ['-', ['a', 'b', { Ref: 'Cidr' }]] })).toEqual(['a-b-10.1.0.0/16']);
    expect(r.resolve('A', { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] })).toEqual(['b']);
    expect(r.resolve('A', { 'Fn::FindInMap': ['Net', { Ref: 'Env' }, 'Cidr'] })).toEqual(['10.9.0.0/16', '10.8.0.0/16']);
  });
  test('a resource reference inside a string stays recoverable, even through Fn::Split/Select', () => {
    const [s] = r.resolve('A', { 'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', { Ref: 'Vpc' }]] }) as string[];
    expect(refsInString(s)).toEqual(['A::Vpc']);
    const [piece] = r.resolve('A', { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Join': [':', ['az', { Ref: 'Vpc' }]] }] }] }) as string[];
    expect(refsInString(piece)).toEqual(['A::Vpc']);
    expect(show(s)).toBe('com.amazonaws.vpce.${AWS::Region}.A::Vpc'.replace('A::Vpc', '{A::Vpc}'));
  });
  test('conditions: decided where literal, both branches otherwise', () => {
    expect(r.condition('A', 'Never')).toBe('false');
    expect(r.condition('A', 'Always')).toBe('true');
    expect(r.condition('A', 'IsProd')).toBe('unknown');
    expect(r.resolve('A', { 'Fn::If': ['IsProd', 'a', 'b'] })).toEqual(['a', 'b']);
    expect(r.resolve('A', { 'Fn::If': ['Never', 'a', 'b'] })).toEqual(['b']);
    expect(r.resolve('A', { 'Fn::If': ['Always', 'a', { Ref: 'AWS::NoValue' }] })).toEqual(['a']);
    expect(r.resolve('A', { 'Fn::If': ['Never', 'a', { Ref: 'AWS::NoValue' }] })).toEqual([NO_VALUE]);
  });
  test('resources under a false condition do not exist; undecidable ones are "maybe"', () => {
    expect(r.resources.has('A::Gone')).toBe(false);
    expect(r.resources.get('A::Maybe')?.presence).toBe('maybe');
    expect(r.resolve('A', { Ref: 'Gone' })[0]).toBeInstanceOf(Unresolved);
  });
  test('Fn::ImportValue through export names (including a Sub-computed name)', () => {
    expect(r.resolve('A/Nested', { 'Fn::ImportValue': 'plain-name' })).toEqual(['x']);
    // ${AWS::StackName} is only known at deploy time: such an export cannot be matched, and says so.
    expect(r.resolve('A', { 'Fn::ImportValue': 'nope' })[0]).toBeInstanceOf(Unresolved);
  });
  test('nested stacks: parameters come from the parent, outputs go back to it', () => {
    expect(r.resolve('A/Nested', { Ref: 'VpcId' })).toEqual([new ResRef('A::Vpc')]);
    expect(r.resolve('A/Nested', { Ref: 'Block' })).toEqual(['10.1.0.0/16']);
    expect(r.resolve('A', { 'Fn::GetAtt': ['Nested', 'Outputs.SubOut'] })).toEqual([new ResRef('A/Nested::Sub')]);
  });
  test('unsupported functions are unresolved, never guessed', () => {
    expect(r.resolve('A', { 'Fn::Transform': { Name: 'x' } })[0]).toBeInstanceOf(Unresolved);
    expect(reasonEn((r.resolve('A', { 'Fn::GetAtt': ['Vpc', 'Weird'] })[0] as Unresolved).reason)).toMatch(/only known after deployment/);
  });
});
