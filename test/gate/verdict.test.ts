/**
 * The gate's judgement over the CDK's validation report: any failed pack refuses, acknowledged findings do
 * not, and whatever the gate cannot establish (no tier pack, pack did not run, no report) refuses too.
 */
import { judgeValidationReport, type RegisteredPack } from '../../lib/gate/verdict';
import type { PluginReport, ValidationReport } from '../../lib/gate/validation-report';

const PACKS: RegisteredPack[] = [
  { name: 'AwsSolutions', version: '3.0.2', package: 'cdk-nag' },
  { name: 'ThreeTierSeparation', version: '0.1.0', package: 'closed-telework' },
];

const peering = {
  ruleName: 'TIER-JOIN-PEERING',
  description: 'VPC peering joins two tiers — LGWAN tier → Internet tier',
  severity: 'fatal',
  ruleMetadata: { crossing: 'true', from: 'LGWAN tier', to: 'Internet tier' },
  violatingConstructs: [{ constructPath: 'example-city/Shortcut/Peering', cloudFormationResource: { templatePath: 'a.template.json', logicalId: 'Peering' } }],
};

function report(...plugins: PluginReport[]): ValidationReport {
  return { version: '1', pluginReports: plugins };
}

describe('judgeValidationReport', () => {
  it('passes when every reported pack concluded success, with acknowledged findings counted, not blocking', () => {
    const v = judgeValidationReport({
      report: report({ pluginName: 'AwsSolutions', conclusion: 'success', violations: [], suppressedViolations: [{ ruleName: 'AwsSolutions-VPC3', description: 'x', reason: 'r' }] }),
      registered: PACKS,
      tierPackRan: true,
    });
    expect(v.passed).toBe(true);
    expect(v.blocking).toEqual([]);
    expect(v.packs).toEqual([
      { name: 'AwsSolutions', version: '3.0.2', package: 'cdk-nag', conclusion: 'success', unacknowledged: 0, acknowledged: 1 },
      { name: 'ThreeTierSeparation', version: '0.1.0', package: 'closed-telework', conclusion: 'not-reported', unacknowledged: 0, acknowledged: 0 },
    ]);
  });

  it('refuses a tier crossing and names its tiers, construct path, template and logical id', () => {
    const v = judgeValidationReport({ report: report({ pluginName: 'ThreeTierSeparation', conclusion: 'failure', violations: [peering] }), registered: PACKS, tierPackRan: true });
    expect(v.passed).toBe(false);
    expect(v.blocking).toEqual([
      {
        pack: 'ThreeTierSeparation', rule: 'TIER-JOIN-PEERING', severity: 'fatal', crossing: true,
        description: peering.description, from: 'LGWAN tier', to: 'Internet tier',
        resources: [{ constructPath: 'example-city/Shortcut/Peering', templatePath: 'a.template.json', logicalId: 'Peering' }],
      },
    ]);
  });

  it('refuses an unacknowledged error of any other pack, as a non-crossing, and ignores its warnings', () => {
    const v = judgeValidationReport({
      report: report({
        pluginName: 'AwsSolutions',
        conclusion: 'failure',
        violations: [
          { ruleName: 'AwsSolutions-S1', description: 'no access logs', severity: 'error' },
          { ruleName: 'AwsSolutions-VPC3', description: 'nacl', severity: 'warning' },
        ],
      }),
      registered: PACKS,
      tierPackRan: true,
    });
    expect(v.passed).toBe(false);
    expect(v.blocking.map((b) => [b.pack, b.rule, b.crossing])).toEqual([['AwsSolutions', 'AwsSolutions-S1', false]]);
  });

  it('a hygiene rule of the tier pack is not a crossing', () => {
    const v = judgeValidationReport({
      report: report({ pluginName: 'ThreeTierSeparation', conclusion: 'failure', violations: [{ ruleName: 'UNTAGGED-VPC', description: 'untagged', severity: 'error', ruleMetadata: { crossing: 'false' } }] }),
      registered: PACKS,
      tierPackRan: true,
    });
    expect(v.blocking.map((b) => b.crossing)).toEqual([false]);
  });

  it('a failed report listing no violation still refuses (strict mode, or a plugin saying only "failure")', () => {
    const v = judgeValidationReport({ report: report({ pluginName: 'CloudFormation Validate', conclusion: 'failure', violations: [] }), registered: PACKS, tierPackRan: true });
    expect(v.passed).toBe(false);
    expect(v.blocking[0]?.pack).toBe('CloudFormation Validate');
    expect(v.packs.map((p) => p.name)).toContain('CloudFormation Validate');
  });

  it('fails closed when the tier pack is not registered on the app, did not run, or no report was written', () => {
    expect(judgeValidationReport({ report: report(), registered: PACKS.slice(0, 1), tierPackRan: false }).problems).toEqual([
      expect.stringContaining('ThreeTierSeparation pack is not registered on the app'),
    ]);
    expect(judgeValidationReport({ report: report(), registered: PACKS, tierPackRan: false }).problems).toEqual([expect.stringContaining('did not run')]);
    const none = judgeValidationReport({ report: undefined, registered: PACKS, tierPackRan: true });
    expect(none.passed).toBe(false);
    expect(none.problems).toEqual([expect.stringContaining('no validation report')]);
  });
});
