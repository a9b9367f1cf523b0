/**
 * The refusal text: every crossing with tiers, resource and construct path, never a way to make it pass;
 * other violations with the acknowledgement id the CDK audits.
 */
import { formatRefusal } from '../../lib/gate/refusal-text';
import type { SynthVerdict } from '../../lib/gate/verdict';

const verdict: SynthVerdict = {
  passed: false,
  packs: [],
  problems: [],
  blocking: [
    {
      pack: 'ThreeTierSeparation', rule: 'TIER-CROSSING', severity: 'fatal', crossing: true, from: 'LGWAN tier', to: 'Internet tier',
      description: 'LGWAN tier reaches Internet tier / 系間の通信経路\nWitness path:\n  1. entry — leaves subnet A\nTier crossings cannot be acknowledged (severity fatal).',
      fix: 'remove the route',
      resources: [{ constructPath: 'example-city/Shortcut/Peering', templatePath: 'assembly-example-city/x.template.json', logicalId: 'Peering' }],
    },
    {
      pack: 'AwsSolutions', rule: 'AwsSolutions-S1', severity: 'error', crossing: false,
      description: 'The S3 Bucket has server access logs disabled.', resources: [{ constructPath: 'example-city/Audit/Bucket/Resource' }],
    },
    { pack: 'cdk-validator-cfnguard', rule: 'ct-s3-pr-1', severity: 'error', crossing: false, description: 'bucket', resources: [] },
  ],
};

const text = formatRefusal(verdict, { validationReport: 'cdk.out/validation-report.json', reportDir: 'reports' });

describe('formatRefusal', () => {
  it('says the synth is refused, in English and Japanese', () => {
    expect(text).toContain('synthesis REFUSED');
    expect(text).toContain('合成を中止しました');
  });

  it('prints the crossing with its rule, tiers, construct path, template, logical id and witness path', () => {
    expect(text).toContain('[TIER-CROSSING]');
    expect(text).toContain('LGWAN tier reaches Internet tier');
    expect(text).toContain('resource: example-city/Shortcut/Peering (assembly-example-city/x.template.json, logical id Peering)');
    expect(text).toContain('1. entry — leaves subnet A');
  });

  it('never invites acknowledging a crossing or declaring it in the policy file, and names sanitised exchange approved by the security officer', () => {
    const crossingPart = text.slice(0, text.indexOf('Other unacknowledged violations'));
    expect(crossingPart).not.toMatch(/Acknowledge with|acknowledgement id|ThreeTierSeparation::TIER-CROSSING/);
    expect(crossingPart).not.toMatch(/declare (it|them|a sanctioned channel)[^.]*policy file/i);
    expect(crossingPart).not.toContain('許可された通信経路として宣言してください');
    expect(crossingPart).toContain('sanitised exchange (無害化)');
    expect(crossingPart).toContain('information security officer (CISO)');
    expect(crossingPart).toContain('最高情報セキュリティ責任者（CISO）が承認した無害化');
  });

  it('gives each other violation the namespaced acknowledgement id the CDK audits', () => {
    expect(text).toContain('[AwsSolutions] AwsSolutions-S1 (error)');
    expect(text).toContain('acknowledgement id: AwsSolutions::AwsSolutions-S1');
    expect(text).toContain('acknowledgement id: cdk-validator-cfnguard::ct-s3-pr-1');
    expect(text).toContain('resource: example-city/Audit/Bucket/Resource');
  });

  it('says where the full reports are', () => {
    expect(text).toContain('cdk.out/validation-report.json');
    expect(text).toContain('reports/ (tier-separation.ja.html');
  });

  it('lists what the gate could not establish', () => {
    const t = formatRefusal({ passed: false, packs: [], blocking: [], problems: ['the ThreeTierSeparation pack is not registered on the app'] });
    expect(t).toContain('1. the ThreeTierSeparation pack is not registered on the app');
  });
});
