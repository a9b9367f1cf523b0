/**
 * The assumption guard-input.ts rests on, checked against every Control Tower file the validator ships:
 * a file reports nothing unless a resource of one of its primary types is present. For each file that names
 * other types besides its primary ones, cfn-guard runs it over a template holding one resource of each
 * of those other types with empty properties (a shape that fails almost any check that did look at them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CONTROL_TOWER_RULES_DIR, guardBinary, readRuleFiles } from '../../lib/control-tower/control-tower-guard-rules';
import { assertGuardRulesParse } from '../../lib/control-tower/guard-rules-parse';

const files = readRuleFiles(CONTROL_TOWER_RULES_DIR);

test('every shipped rule file is read, and every one gates each reported rule on the types it judges', () => {
  expect(files.length).toBeGreaterThanOrEqual(200);
  // A file read as 'named-types' would still be run safely, only more often; a new validator release that
  // changes the files' shape shows up here first.
  expect(files.filter((f) => f.primaryFrom !== 'rule-gates').map((f) => f.name)).toEqual([]);
  for (const f of files) expect(f.primaryTypes.length).toBeGreaterThan(0);
});

test('cfn-guard parses every shipped rule file (a file it cannot parse would be skipped and pass)', () => {
  assertGuardRulesParse(guardBinary() as string, files.map((f) => f.path));
});

describe('a file reports nothing without a resource of a type it judges', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-shipped-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const withOthers = files.filter((f) => f.primaryFrom === 'rule-gates' && f.namedTypes.length > f.primaryTypes.length);

  test('some files do name types they do not judge (otherwise this check would be empty)', () => {
    expect(withOthers.length).toBeGreaterThan(30);
  });

  test.each(withOthers.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    const others = file.namedTypes.filter((t) => !file.primaryTypes.includes(t));
    const data = path.join(dir, `${file.name}.json`);
    const resources = Object.fromEntries(others.map((type, i) => [`Other${i}`, { Type: type, Properties: {} }]));
    fs.writeFileSync(data, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }));
    const report = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: [file.path] }).validate({ templatePaths: [data] } as never);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

test('control: the same empty-properties shape trips many of those files when it is of a type they judge', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-shipped-control-'));
  try {
    const hooked = files.filter((f) => f.primaryFrom === 'rule-gates' && f.namedTypes.length > f.primaryTypes.length);
    let tripped = 0;
    for (const file of hooked) {
      const data = path.join(dir, `${file.name}.json`);
      const resources = Object.fromEntries(file.primaryTypes.map((type, i) => [`Judged${i}`, { Type: type, Properties: {} }]));
      fs.writeFileSync(data, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }));
      const report = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: [file.path] }).validate({ templatePaths: [data] } as never);
      if (report.violations.length > 0) tripped++;
    }
    expect(tripped / hooked.length).toBeGreaterThan(0.5);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
