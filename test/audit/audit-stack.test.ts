/**
 * The audit stack of the example municipality: trail, locked bucket, reachability scopes. One control per test.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { accessScopePlan } from '../../lib/audit/access-scope-plan';
import { buildStage, renderString, resourcesOfType, type Built } from '../desktops/stack-helpers';

let base: Built;
beforeAll(() => {
  base = buildStage();
});

describe('audit trail', () => {
  test('management events (WorkSpaces and Client VPN calls included), all regions, log file validation, KMS', () => {
    base.audit.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'example-city-telework-audit',
      IsLogging: true,
      EnableLogFileValidation: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AuditTrailKey'), 'Arn'] },
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
    const [[, trail]] = resourcesOfType(base.audit, 'AWS::CloudTrail::Trail');
    // No selector that narrows management events (CDK omits the selector when "all management events" is the default).
    for (const selector of trail.Properties.EventSelectors ?? []) {
      expect(selector.IncludeManagementEvents).not.toBe(false);
      expect(selector.ReadWriteType ?? 'All').toBe('All');
    }
  });

  test('the trail bucket: Object Lock with the configured default retention, SSE-KMS, versioned, private, retained', () => {
    const buckets = resourcesOfType(base.audit, 'AWS::S3::Bucket').filter(([, b]) => b.Properties.ObjectLockEnabled === true);
    expect(buckets).toHaveLength(1);
    const [[, bucket]] = buckets;
    expect(bucket.Properties.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: expect.stringMatching(/AccessLogs/) }, LogFilePrefix: 'trail-bucket/' });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  test('buckets are TLS-only and the access-log bucket takes deliveries by policy, not ACL', () => {
    const policies = resourcesOfType(base.audit, 'AWS::S3::BucketPolicy').map(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const statements of policies) {
      expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
    }
    const delivery = policies.flat().find((s) => s.Sid === 'AllowServerAccessLogDelivery');
    expect(delivery.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
    for (const [, b] of resourcesOfType(base.audit, 'AWS::S3::Bucket')) expect(b.Properties.AccessControl).toBeUndefined();
  });

  test('the trail key lets CloudTrail encrypt for this trail only, rotates, and refuses direct grants', () => {
    const [[, key]] = resourcesOfType(base.audit, 'AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const statements = key.Properties.KeyPolicy.Statement as any[];
    const trail = statements.find((s) => s.Sid === 'AllowCloudTrailToEncryptThisTrailOnly');
    expect(renderString(trail.Condition.StringEquals['aws:SourceArn'])).toMatch(/:cloudtrail:ap-northeast-1:111122223333:trail\/example-city-telework-audit$/);
    expect(statements.find((s) => s.Sid === 'DenyGrantsExceptForAwsServices').Effect).toBe('Deny');
  });

  test('COMPLIANCE mode and retention come from configuration', () => {
    const b = buildStage((c) => (c.telework.audit = { objectLockMode: 'COMPLIANCE', trailRetentionDays: 2557 }));
    const [[, bucket]] = resourcesOfType(b.audit, 'AWS::S3::Bucket').filter(([, x]) => x.Properties.ObjectLockEnabled === true);
    expect(bucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'COMPLIANCE', Days: 2557 });
  });
});

describe('Network Access Analyzer scopes', () => {
  test('the plan: every ordered pair of tiers, and each closed tier to internet gateways', () => {
    expect(accessScopePlan().map((s) => s.name)).toEqual([
      'internet-to-lgwan',
      'internet-to-personal-number',
      'lgwan-to-internet',
      'lgwan-to-personal-number',
      'personal-number-to-internet',
      'personal-number-to-lgwan',
      'lgwan-to-internet-gateway',
      'personal-number-to-internet-gateway',
    ]);
  });

  test('one deployed scope per planned scope, tagged for the post-deploy check', () => {
    const scopes = resourcesOfType(base.audit, 'AWS::EC2::NetworkInsightsAccessScope');
    const names = scopes.map(([, s]) => (s.Properties.Tags as any[]).find((t) => t.Key === 'mic:scope').Value).sort();
    expect(names).toEqual(accessScopePlan().map((s) => s.name).sort());
  });

  test('tier → tier scopes match the other VPC and its off-VPC ranges (on-prem, telework clients)', () => {
    const scope = resourcesOfType(base.audit, 'AWS::EC2::NetworkInsightsAccessScope').find(([, s]) =>
      (s.Properties.Tags as any[]).some((t) => t.Key === 'mic:scope' && t.Value === 'internet-to-lgwan'),
    )![1];
    const paths = scope.Properties.MatchPaths as any[];
    expect(paths).toHaveLength(2);
    expect(renderString(paths[0].Source.ResourceStatement.Resources[0])).toMatch(/^<Import:example-city-network-internet:.*Vpc/);
    expect(renderString(paths[0].Destination.ResourceStatement.Resources[0])).toMatch(/^<Import:example-city-network-lgwan:.*Vpc/);
    expect(paths[1].Destination.PacketHeaderStatement.DestinationAddresses.sort()).toEqual(['10.200.0.0/22', '172.16.20.0/22']);
  });

  test('closed tier → internet gateway scopes match by resource type', () => {
    const scope = resourcesOfType(base.audit, 'AWS::EC2::NetworkInsightsAccessScope').find(([, s]) =>
      (s.Properties.Tags as any[]).some((t) => t.Key === 'mic:scope' && t.Value === 'lgwan-to-internet-gateway'),
    )![1];
    expect(scope.Properties.MatchPaths).toEqual([
      { Source: { ResourceStatement: { Resources: [expect.anything()] } }, Destination: { ResourceStatement: { ResourceTypes: ['AWS::EC2::InternetGateway'] } } },
    ]);
  });

  test('closed-SIM client ranges are part of the destination addresses of their tier', () => {
    const b = buildStage((c) => (c.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] }));
    const scope = resourcesOfType(b.audit, 'AWS::EC2::NetworkInsightsAccessScope').find(([, s]) =>
      (s.Properties.Tags as any[]).some((t) => t.Key === 'mic:scope' && t.Value === 'personal-number-to-lgwan'),
    )![1];
    expect(scope.Properties.MatchPaths[1].Destination.PacketHeaderStatement.DestinationAddresses).toContain('100.64.20.0/24');
  });
});
