/**
 * Resolver edges the mutation sample (docs/verify.md, "Mutation testing") found no test for: the alternatives
 * cap at exactly its maximum, Fn::FindInMap on a second-level key the map lacks, and Fn::Base64 passing its
 * value through. Each assertion fails under one of the sample's surviving mutants.
 */
import { Resolver } from '../../lib/model/resolve/resolver';
import { Unresolved } from '../../lib/model/resolve/values';
import type { LoadedTemplate } from '../../lib/model/load/template';

const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);
const template = (parameters: Record<string, unknown>, mappings: Record<string, unknown> = {}): LoadedTemplate => ({
  stack: 'S', file: 'S.json', template: { Parameters: parameters, Mappings: mappings, Resources: {} } as LoadedTemplate['template'],
});
const reasonKeys = (vs: unknown[]): string[] => vs.map((v) => (v instanceof Unresolved ? v.reason.key : 'value'));

describe('the alternatives cap (64)', () => {
  test('exactly 64 allowed values are 64 alternatives; 65 are one "too many alternatives"', () => {
    const r = new Resolver([template({ P64: { Type: 'String', AllowedValues: values(64) }, P65: { Type: 'String', AllowedValues: values(65) } })]);
    expect(r.resolve('S', { Ref: 'P64' })).toEqual(values(64));
    expect(reasonKeys(r.resolve('S', { Ref: 'P65' }))).toEqual(['too-many-alternatives']);
  });
});

describe('Fn::FindInMap', () => {
  const r = new Resolver([template({}, { Net: { prod: { Cidr: '10.9.0.0/16' } } })]);
  test('an entry that exists is its value', () => {
    expect(r.resolve('S', { 'Fn::FindInMap': ['Net', 'prod', 'Cidr'] })).toEqual(['10.9.0.0/16']);
  });
  test('a missing map, first-level key or second-level key is unresolved, never a crash or a value', () => {
    for (const keys of [['Nope', 'prod', 'Cidr'], ['Net', 'dev', 'Cidr'], ['Net', 'prod', 'Other']]) {
      expect(reasonKeys(r.resolve('S', { 'Fn::FindInMap': keys }))).toEqual(['find-in-map-no-entry']);
    }
  });
});

test('Fn::Base64 passes its value through (CloudFormation encodes it at deploy time; the engine compares the text)', () => {
  const r = new Resolver([template({ Cidr: { Type: 'String', Default: '10.1.0.0/16' } })]);
  expect(r.resolve('S', { 'Fn::Base64': { Ref: 'Cidr' } })).toEqual(['10.1.0.0/16']);
});
