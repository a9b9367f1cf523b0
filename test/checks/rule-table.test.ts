/** docs/verify.md's rule table is generated from the registry; this fails when someone forgot to regenerate it. */
import * as fs from 'fs';
import { RULES } from '../../lib/checks';
import { RULE_TABLE_FILE, ruleTable, withRuleTable } from '../../tools/rule-table';

test('docs/verify.md carries the rule table generated from the registry (run tools/rule-table.ts when this fails)', () => {
  const doc = fs.readFileSync(RULE_TABLE_FILE, 'utf8');
  expect(withRuleTable(doc)).toBe(doc);
});

test('the table has one row per rule, saying what the rule itself declares', () => {
  const table = ruleTable();
  for (const r of RULES) {
    const row = table.split('\n').find((l) => l.startsWith(`| ${r.id} |`));
    expect(row).toBeDefined();
    expect(row).toContain(r.acknowledgeable ? 'yes, with a reason' : 'never (fatal');
    expect(row).toContain(`\`${r.citation}\``);
  }
});

test('a stale table is detected: a rule whose summary changed no longer matches the file', () => {
  const doc = fs.readFileSync(RULE_TABLE_FILE, 'utf8');
  const changed = RULES.map((r, i) => (i === 0 ? { ...r, summary: `${r.summary} (changed)` } : r));
  expect(withRuleTable(doc, changed)).not.toBe(doc);
});
