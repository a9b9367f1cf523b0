/**
 * Every way the resolver refuses a value, one row each: the expression, and the reason it must give instead of
 * a value. A refusal becomes UNRESOLVED-VALUE wherever the value is network-relevant, so a branch that
 * returned a guess here (or nothing) would be a silent pass there.
 *
 * Why this file exists: a line-coverage run of the engine's own tests found these refusals unreached, so any of
 * them could have been deleted or loosened without a test noticing. The reasons are asserted by key, and each
 * must have its sentence for the reader.
 */
import { Resolver } from '../../lib/model/resolve/resolver';
import { Unresolved, type Value } from '../../lib/model/resolve/values';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { reasonEn } from '../../lib/report/i18n/reasons.en';
import { reasonJa } from '../../lib/report/i18n/reasons.ja';

const t = (stack: string, template: Record<string, unknown>, parent?: LoadedTemplate['parent']): LoadedTemplate =>
  ({ stack, file: `${stack}.json`, template: { Resources: {}, ...template } as LoadedTemplate['template'], ...(parent ? { parent } : {}) });

const A = t('A', {
  Parameters: {
    // Two templates define the SSM parameter this one reads: which value CloudFormation reads is not known.
    Shared: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/net/lgwan-cidr' },
    // Eight alternatives each: three of them in one string are 512 combinations, over the cap of 64.
    P1: { Type: 'String', AllowedValues: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
    P2: { Type: 'String', AllowedValues: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
    P3: { Type: 'String', AllowedValues: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
  },
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
    Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'child.json' } },
    ParamLgwan: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/net/lgwan-cidr', Type: 'String', Value: '10.20.0.0/16' } },
  },
});
const B = t('B', { Resources: { ParamLgwan: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/net/lgwan-cidr', Type: 'String', Value: '10.30.0.0/16' } } } });
const CHILD = t('A/Child', { Resources: {}, Outputs: { SubnetId: { Value: 'subnet-1' } } }, { stack: 'A', logicalId: 'Child' });
const resolver = new Resolver([A, B, CHILD]);

/** An expression nested `depth` times inside Fn::Select. */
const nested = (depth: number): unknown => {
  let e: unknown = '10.0.0.0/8';
  for (let i = 0; i < depth; i++) e = { 'Fn::Select': [0, [e]] };
  return e;
};

interface Row {
  what: string;
  stack?: string;
  expr: unknown;
  reason: string;
  /** For malformed intrinsics: which part is malformed. */
  problem?: string;
  /** The value the reason quotes, when it is the word a reader must see. */
  shows?: string;
}

const ROWS: Row[] = [
  { what: 'an intrinsic nested more than fifty deep', expr: nested(60), reason: 'nests-too-deeply' },
  { what: 'a value that is neither text, number, list nor mapping (a property given nothing)', expr: undefined, reason: 'unsupported-value', shows: 'undefined' },
  { what: 'Fn::GetAtt whose resource is not a name', expr: { 'Fn::GetAtt': [42, 'CidrBlock'] }, reason: 'malformed-intrinsic', problem: 'getatt-id' },
  { what: 'Fn::GetAtt whose attribute is not text', expr: { 'Fn::GetAtt': ['Vpc', 5] }, reason: 'malformed-intrinsic', problem: 'getatt-attribute' },
  { what: 'Fn::GetAtt of a resource the template does not have', expr: { 'Fn::GetAtt': ['Nowhere', 'CidrBlock'] }, reason: 'getatt-unknown' },
  { what: 'Fn::GetAtt of an output the nested stack does not declare', expr: { 'Fn::GetAtt': ['Child', 'Outputs.VpcId'] }, reason: 'nested-no-output' },
  { what: 'Fn::Join with a delimiter that is not text', expr: { 'Fn::Join': [1, ['a', 'b']] }, reason: 'malformed-intrinsic', problem: 'join-delimiter' },
  { what: 'Fn::Join of something that is not a list', expr: { 'Fn::Join': [',', 'a'] }, reason: 'malformed-intrinsic', problem: 'join-list' },
  { what: 'Fn::Join of a list holding a mapping', expr: { 'Fn::Join': [',', ['a', { b: 1 }]] }, reason: 'cannot-join-object' },
  { what: 'Fn::Select past the end of its list', expr: { 'Fn::Select': [2, ['10.0.0.0/24', '10.0.1.0/24']] }, reason: 'select-out-of-range' },
  // Number() would read these as NaN or a fraction and select `undefined`, which readers took for "absent".
  { what: 'Fn::Select with an index that is not a number', expr: { 'Fn::Select': ['first', ['10.0.0.0/24']] }, reason: 'select-out-of-range' },
  { what: 'Fn::Select with a fractional index', expr: { 'Fn::Select': ['0.5', ['10.0.0.0/24', '10.0.1.0/24']] }, reason: 'select-out-of-range' },
  { what: 'Fn::Select with an empty index', expr: { 'Fn::Select': ['', ['10.0.0.0/24']] }, reason: 'select-out-of-range' },
  { what: 'Fn::Split of something that is not text', expr: { 'Fn::Split': [',', ['a', 'b']] }, reason: 'malformed-intrinsic', problem: 'split-strings' },
  { what: 'Fn::Length of something that is not a list', expr: { 'Fn::Length': 'abc' }, reason: 'malformed-intrinsic', problem: 'length-list' },
  { what: 'Fn::Sub whose text is not text', expr: { 'Fn::Sub': [['a'], {}] }, reason: 'malformed-intrinsic', problem: 'sub-string' },
  { what: 'Ref to a name that is neither a parameter nor a resource', expr: { Ref: 'Nobody' }, reason: 'ref-unknown' },
  { what: 'Ref in a stack that was not loaded', stack: 'Z', expr: { Ref: 'Vpc' }, reason: 'unknown-stack' },
  { what: 'an SSM parameter that two templates define', expr: { Ref: 'Shared' }, reason: 'ssm-parameter-ambiguous' },
  { what: 'Fn::ImportValue of a name known only at deploy time', expr: { 'Fn::ImportValue': { Ref: 'AWS::StackName' } }, reason: 'import-unmatched' },
  { what: 'three eight-way parameters in one string: more alternatives than the cap', expr: { 'Fn::Sub': '${P1}-${P2}-${P3}' }, reason: 'too-many-alternatives' },
];

/** The refusals among `values`, by reason key. */
const refusals = (values: Value[]): Unresolved[] => values.filter((v): v is Unresolved => v instanceof Unresolved);

describe('the resolver refuses, with its reason, what it cannot know', () => {
  test.each(ROWS.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const values = resolver.resolve(row.stack ?? 'A', row.expr);
    const refused = refusals(values);
    expect(refused.map((u) => u.reason.key)).toContain(row.reason);
    // Nothing is guessed beside the refusal.
    expect(values.filter((v) => !(v instanceof Unresolved))).toEqual([]);
    const mine = refused.find((u) => u.reason.key === row.reason)!;
    if (row.problem !== undefined) expect(mine.reason).toMatchObject({ problem: row.problem });
    // The reader gets a sentence in both languages, with nothing left unfilled.
    for (const text of [reasonEn(mine.reason), reasonJa(mine.reason)]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\[object Object\]/);
      if (row.shows === undefined) expect(text).not.toMatch(/undefined/);
      else expect(text).toContain(row.shows);
    }
  });

  test('a list element that is not a list is refused as such (listElements)', () => {
    const values = resolver.listElements('A', 'subnet-1');
    expect(refusals(values).map((u) => u.reason.key)).toEqual(['expected-list']);
  });

  test('their well-formed twins resolve', () => {
    expect(resolver.resolve('A', nested(20))).toEqual(['10.0.0.0/8']);
    expect(resolver.resolve('A', { 'Fn::Select': [1, ['10.0.0.0/24', '10.0.1.0/24']] })).toEqual(['10.0.1.0/24']);
    expect(resolver.resolve('A', { 'Fn::Join': [',', ['a', 'b']] })).toEqual(['a,b']);
    expect(resolver.resolve('A', { 'Fn::Split': [',', 'a,b'] })).toEqual([['a', 'b']]);
    expect(resolver.resolve('A', { 'Fn::Length': ['a', 'b'] })).toEqual([2]);
    expect(resolver.resolve('A', { 'Fn::GetAtt': ['Child', 'Outputs.SubnetId'] })).toEqual(['subnet-1']);
    expect(resolver.resolve('A', { 'Fn::Sub': '${P1}-${P2}' })).toHaveLength(64);
  });
});
