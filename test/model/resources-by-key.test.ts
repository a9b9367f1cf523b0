/**
 * Resolver.resources finds a resource by key (`stack::logicalId`) through the per-stack maps, split at the
 * key's first '::', unless a stack name holds a ':' or two templates share a stack name — then through a map
 * of every key, as it always did. Both must answer exactly as that map did.
 */
import { Resolver } from '../../lib/model/resolve/resolver';
import type { LoadedTemplate } from '../../lib/model/load/template';

const t = (stack: string, resources: Record<string, unknown>): LoadedTemplate =>
  ({ stack, file: `${stack}.json`, template: { Resources: resources } as LoadedTemplate['template'] });
const vpc = { Type: 'AWS::EC2::VPC', Properties: {} };

describe('resources by key', () => {
  test('plain stack names: every key found, nothing else, in the entry list order', () => {
    const r = new Resolver([t('A', { Vpc: vpc, ':odd': vpc }), t('B', { Vpc: vpc, 'x::y': vpc })]);
    expect(r.resources.get('A::Vpc')?.stack).toBe('A');
    expect(r.resources.get('B::Vpc')?.stack).toBe('B');
    expect(r.resources.get('A:::odd')?.logicalId).toBe(':odd');
    expect(r.resources.get('B::x::y')?.logicalId).toBe('x::y');
    for (const k of ['A::', 'A', '::Vpc', 'C::Vpc', 'A::Vpc#defaultNacl', 'A:Vpc', 'A::vpc', 'B::x']) expect(r.resources.get(k)).toBeUndefined();
    expect(r.resources.has('A::Vpc')).toBe(true);
    expect(r.resources.has('A::Gone')).toBe(false);
    expect([...r.resources.values()].map((e) => e.key)).toEqual(['A::Vpc', 'A:::odd', 'B::Vpc', 'B::x::y']);
    expect([...r.resources.values()]).toEqual(r.entryList);
  });

  test('a stack name holding "::": keys that two resources share hold the later one, listed once', () => {
    // 'A' + '::' + 'B::Vpc' and 'A::B' + '::' + 'Vpc' are the same key.
    const r = new Resolver([t('A', { 'B::Vpc': vpc, Own: vpc }), t('A::B', { Vpc: vpc })]);
    expect(r.resources.get('A::B::Vpc')?.stack).toBe('A::B');
    expect(r.resources.get('A::Own')?.stack).toBe('A');
    expect(r.entryList.map((e) => e.key)).toEqual(['A::B::Vpc', 'A::Own']);
  });

  test('two templates with one stack name: one entry per key, the later resource', () => {
    const first = t('S', { Vpc: vpc, Only: vpc });
    const second = t('S', { Vpc: { Type: 'AWS::EC2::Subnet', Properties: {} } });
    const r = new Resolver([first, second]);
    expect(r.entryList.map((e) => e.key)).toEqual(['S::Vpc', 'S::Only']);
    expect(r.resources.get('S::Vpc')?.resource.Type).toBe('AWS::EC2::Subnet');
    expect(r.resources.get('S::Only')?.template).toBe(first);
  });
});
