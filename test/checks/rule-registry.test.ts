/** The rule registry: stable unique ids, a citation each, and every rule exercised by a triggering test. */
import * as fs from 'fs';
import * as path from 'path';
import { CITATIONS, RULES } from '../../lib/checks';
import { rules, run } from './helpers';

test('rule ids are unique, upper-kebab-case, with a title, severity and citation', () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) {
    expect(r.id).toMatch(/^[A-Z]+(-[A-Z]+)*$/);
    expect(r.title.length).toBeGreaterThan(10);
    expect(['error', 'warning']).toContain(r.severity);
    expect(CITATIONS[r.citation]).toBeDefined();
  }
});

test('one rule per file: each file in lib/checks/rules exports exactly one rule', () => {
  const dir = path.join(__dirname, '../../lib/checks/rules');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'helpers.ts');
  expect(files.length).toBe(RULES.length);
  for (const f of files) expect((fs.readFileSync(path.join(dir, f), 'utf8').match(/^export const \w+: Rule = \{/gm) ?? []).length).toBe(1);
});

test('every registered rule is expected, by id, as the outcome of some mutation test', () => {
  const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== 'rule-registry.test.ts').map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
  const expected = new Set([...tests.matchAll(/toEqual\(\[([^\]]*)\]\)/g)].flatMap((m) => [...m[1].matchAll(/'([A-Z-]+)'/g)].map((x) => x[1])));
  expect(RULES.map((r) => r.id).filter((id) => !expected.has(id))).toEqual([]);
});

test('findings attach to resources that exist in the template (implicit things map to their owner)', () => {
  const r = run((R) => {
    delete R.Tgw.Properties!.DefaultRouteTablePropagation;
    delete R.Tgw.Properties!.DefaultRouteTableAssociation;
    delete R.TgwRtPnAssoc;
  });
  expect(rules(r)).toContain('TIER-JOIN-TGW');
  for (const f of r.findings) {
    expect(f.resource?.logicalId).not.toContain('#');
  }
  expect(r.findings.find((f) => f.rule === 'TIER-JOIN-TGW')!.resource).toMatchObject({ logicalId: 'Tgw', type: 'AWS::EC2::TransitGateway' });
});
