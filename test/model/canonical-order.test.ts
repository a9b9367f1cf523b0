/**
 * Facts are made in the order of resource keys (`stack::logicalId` compared as strings), whatever order the
 * templates and their resources were given in: witnesses and findings must not depend on it. buildModel
 * sorts per stack; these stack names are where that could differ from sorting the keys as one list.
 */
import { buildModel } from '../../lib/model/facts';
import type { LoadedTemplate } from '../../lib/model/load';

const vpcs = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } }]));
const template = (stack: string, ...ids: string[]): LoadedTemplate => ({ stack, file: `${stack}.template.json`, template: { Resources: vpcs(...ids) } });
const keyOrder = (keys: string[]): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('canonical order of facts', () => {
  test('a stack whose name extends another\'s sorts as its keys do ("city-10::" before "city-1::")', () => {
    const templates = [template('city-1', 'Vpc', 'A'), template('city-10', 'Vpc'), template('city-1b', 'Z', 'B'), template('city', 'Vpc')];
    const { model } = buildModel(templates);
    const keys = [...model.vpcs.keys()];
    expect(keys).toEqual(['city-10::Vpc', 'city-1::A', 'city-1::Vpc', 'city-1b::B', 'city-1b::Z', 'city::Vpc']);
    expect(keys).toEqual(keyOrder(keys));
    // The same facts in the same order whatever order the templates came in.
    expect([...buildModel([...templates].reverse()).model.vpcs.keys()]).toEqual(keys);
  });

  test('stack names holding ":" (where one prefix can begin another) fall back to sorting every key', () => {
    const templates = [template('a', 'Z'), template('a:', 'B'), template('a:b', 'A')];
    const keys = [...buildModel(templates).model.vpcs.keys()];
    // "a:::B" < "a::Z" < "a:b::A": a per-stack order would have put a's resources first.
    expect(keys).toEqual(['a:::B', 'a::Z', 'a:b::A']);
    expect(keys).toEqual(keyOrder(keys));
  });
});
