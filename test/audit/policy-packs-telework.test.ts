/**
 * The cdk-nag packs over the telework and audit stacks, run directly (validateScope ignores the namespaced
 * acknowledgements, which the CDK core applies at synth — test/stages checks the full synth is clean). Here:
 * the raw violations in OUR stacks are exactly the acknowledged ones, on the narrowest constructs, and a
 * one-line mutation of a good construct produces a new, unacknowledged violation.
 */
import { App } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { loadEmbeddedConfig } from '../../lib/config';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';

function ours(stage: MunicipalityStage): string[] {
  const found = new Set<string>();
  for (const pack of [new AwsSolutionsChecks(), new NIST80053R5Checks()]) {
    for (const v of pack.validateScope(stage).violations) {
      for (const r of v.violatingResources) {
        if (/\/(Telework-[a-z-]+|Audit)\//.test(r.constructPath ?? '')) found.add(`${v.ruleName} @ ${(r.constructPath ?? '').replace(/\/Resource$/, '')}`);
      }
    }
  }
  return [...found].sort();
}

const ACKNOWLEDGED = [
  'AwsSolutions-IAM5[Resource::*] @ example-city/Telework-lgwan/DirectoryHardening/Policy',
  'AwsSolutions-IAM5[Resource::<DirectoryHardeningLogs2064C152.Arn>:*] @ example-city/Telework-lgwan/DirectoryHardening/Policy',
  'AwsSolutions-SMG4 @ example-city/Telework-lgwan/Directory/AdminPassword',
  'NIST.800.53.R5-IAMNoInlinePolicy @ example-city/Audit/AuditTrail/Trail/LogsRole/DefaultPolicy',
  'NIST.800.53.R5-LambdaConcurrency @ example-city/Telework-lgwan/DirectoryHardening/Function',
  'NIST.800.53.R5-LambdaDLQ @ example-city/Telework-lgwan/DirectoryHardening/Function',
  'NIST.800.53.R5-LambdaInsideVPC @ example-city/Telework-lgwan/DirectoryHardening/Function',
  'NIST.800.53.R5-S3BucketReplicationEnabled @ example-city/Audit/AuditTrail/AccessLogs',
  'NIST.800.53.R5-S3BucketReplicationEnabled @ example-city/Audit/AuditTrail/TrailBucket',
  'NIST.800.53.R5-S3DefaultEncryptionKMS @ example-city/Audit/AuditTrail/AccessLogs',
  'NIST.800.53.R5-SecretsManagerRotationEnabled @ example-city/Telework-lgwan/Directory/AdminPassword',
];

describe('cdk-nag packs over the telework and audit stacks', () => {
  test('the raw violations are exactly the acknowledged ones', () => {
    const stage = new MunicipalityStage(new App(), 'example-city', { config: loadEmbeddedConfig('example-city') });
    expect(ours(stage)).toEqual(ACKNOWLEDGED);
  });

  test('mutation: a volume key without rotation is a new violation', () => {
    const stage = new MunicipalityStage(new App(), 'example-city', { config: loadEmbeddedConfig('example-city') });
    const key = stage.teleworkStacks.lgwan!.volumeKey.key.node.defaultChild as kms.CfnKey;
    key.enableKeyRotation = false;
    const extra = ours(stage).filter((v) => !ACKNOWLEDGED.includes(v));
    expect(extra).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-KMS5 @ example-city\/Telework-lgwan\/VolumeKey\/Key$/)]));
  });
});
