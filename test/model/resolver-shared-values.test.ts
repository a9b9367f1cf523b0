/**
 * The resolver hands back a template's own lists and mappings where they hold no intrinsic function
 * (lib/model/resolve/resolver.ts evalOne: a country's templates would otherwise be copied member by member).
 * That is safe only while nothing downstream changes a value it was given: these tests freeze every template
 * deeply (a write then throws) and run the whole engine over them, and pin that a shared value and a copied
 * one resolve alike.
 */
import { verify } from '../../lib/checks';
import { loadPolicy } from '../../lib/policy/load';
import { Resolver } from '../../lib/model/resolve/resolver';
import { NO_VALUE, ResRef, Unresolved } from '../../lib/model/resolve/values';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { asLoaded, buildCity } from '../fixtures/city';
import { buildPrefecture } from '../fixtures/prefecture-hub';

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as Record<string, unknown>)) deepFreeze(v);
  }
  return x;
}

const frozen = (templates: LoadedTemplate[]): LoadedTemplate[] => templates.map((t) => ({ ...t, template: deepFreeze(t.template) }));

describe('resolved values shared with the templates are only read', () => {
  test('a prefecture with its hub, verified over deep-frozen templates, gives what unfrozen ones give', () => {
    const set = buildPrefecture('p', 3);
    const loaded = set.templates.map((t) => asLoaded(t.stack, t.template));
    const open = verify(loaded.map((t) => ({ ...t, template: JSON.parse(JSON.stringify(t.template)) })), set.policy, { asOf: '2026-12-06' });
    const closed = verify(frozen(loaded), set.policy, { asOf: '2026-12-06' });
    expect(closed.findings).toEqual(open.findings);
    expect(closed.matrix).toEqual(open.matrix);
    expect(closed.stats.resources).toBe(open.stats.resources);
    expect(closed.stats.resources).toBeGreaterThan(300);
  });

  test('a city with desktops, Client VPN and the β model, deep-frozen, verifies as before', () => {
    const city = buildCity({ beta: true });
    const open = verify([asLoaded('City', JSON.parse(JSON.stringify(city)))], loadPolicy(), { asOf: '2026-12-06' });
    const closed = verify(frozen([asLoaded('City', city)]), loadPolicy(), { asOf: '2026-12-06' });
    expect(closed.findings).toEqual(open.findings);
    expect(closed.flows).toEqual(open.flows);
  });
});

describe('a literal structure resolves to itself; one with an intrinsic to a copy', () => {
  const template = {
    Parameters: { Env: { Type: 'String', AllowedValues: ['prod', 'dev'] } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: {} } },
  };
  const r = new Resolver([{ stack: 'S', file: 'S.json', template } as unknown as LoadedTemplate]);

  test('a list or mapping with no intrinsic is handed back as the template holds it', () => {
    const tags = [{ Key: 'mic:tier', Value: 'lgwan' }, { Key: 'Name', Value: 'x' }];
    const [v] = r.resolve('S', tags);
    expect(v).toBe(tags);
    const nested = { A: [1, 'two', null, true], B: { C: 'd' } };
    expect(r.resolve('S', nested)[0]).toBe(nested);
  });

  test('a member that resolves to something else makes a copy, the template unchanged', () => {
    const list = ['a', { Ref: 'Vpc' }, 'c', { Ref: 'AWS::NoValue' }, 'e'];
    const [v] = r.resolve('S', list);
    expect(v).not.toBe(list);
    expect(v).toEqual(['a', new ResRef('S::Vpc'), 'c', 'e']);
    expect(list).toEqual(['a', { Ref: 'Vpc' }, 'c', { Ref: 'AWS::NoValue' }, 'e']);
    const obj = { A: 'x', B: { Ref: 'Vpc' }, C: { Ref: 'AWS::NoValue' }, D: 'y' };
    expect(r.resolve('S', obj)).toEqual([{ A: 'x', B: new ResRef('S::Vpc'), D: 'y' }]);
  });

  test('alternatives anywhere in a structure give every combination, in order', () => {
    const list = ['a', { 'Fn::If': ['IsProd', 'p', { Ref: 'AWS::NoValue' }] }, { Ref: 'Env' }];
    expect(r.resolve('S', list)).toEqual([['a', 'p', 'prod'], ['a', 'p', 'dev'], ['a', 'prod'], ['a', 'dev']]);
    const obj = { K: 'x', V: { 'Fn::If': ['IsProd', 'p', { Ref: 'AWS::NoValue' }] }, W: 'z' };
    expect(r.resolve('S', obj)).toEqual([{ K: 'x', V: 'p', W: 'z' }, { K: 'x', W: 'z' }]);
    expect(r.resolve('S', { 'Fn::If': ['IsProd', ['x'], 'y'] })).toEqual([['x'], 'y']);
  });

  test('an intrinsic with no value leaves its list with none', () => {
    expect(r.resolve('S', ['a', { 'Fn::Cidr': 'not a list' }])).toEqual([]);
  });

  test('a __proto__ member is assigned as a copy always assigned it, and a non-plain object is copied', () => {
    const withProto = JSON.parse('{"__proto__": "x", "A": "b"}') as Record<string, unknown>;
    const [v] = r.resolve('S', withProto);
    expect(v).not.toBe(withProto);
    expect(Object.keys(v as object)).toEqual(['A']);
    const date = new Date(0);
    expect(r.resolve('S', date)[0]).not.toBe(date);
    expect(r.resolve('S', date)).toEqual([{}]);
  });

  test('a structure nested past the limit is unresolved, as before', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 60; i++) deep = [deep];
    const [v] = r.resolve('S', deep);
    let cur: unknown = v;
    while (Array.isArray(cur)) cur = cur[0];
    expect(cur).toBeInstanceOf(Unresolved);
    expect(NO_VALUE).toBeDefined();
  });
});
