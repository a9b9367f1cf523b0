/**
 * The one server-access-log target bucket the audit trail and the pipeline's artifact store share: SSE-S3
 * (the only encryption log delivery accepts), private and TLS-only, delivery by bucket policy under the source
 * bucket's prefix for this account only, and the six acknowledgements with the caller's reasons. (That the
 * example app's and the prefecture's templates stayed byte-identical when both moved to it was checked by
 * synthesising both before and after; the commit that introduced it says so.)
 */
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ACCESS_LOG_BUCKET_ACKNOWLEDGED, logServerAccessTo, serverAccessLogBucket } from '../../lib/audit/server-access-log-bucket';

function build(): { stack: Stack; target: s3.Bucket; template: Template } {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'ap-northeast-1' } });
  const source = new s3.Bucket(stack, 'Source');
  const reasons = Object.fromEntries(ACCESS_LOG_BUCKET_ACKNOWLEDGED.map((id) => [id, { en: `reason for ${id}`, ja: `${id} の理由` }])) as Record<(typeof ACCESS_LOG_BUCKET_ACKNOWLEDGED)[number], { en: string; ja: string }>;
  const target = serverAccessLogBucket(stack, 'AccessLogs', { logFilePrefix: 'source/', lifecycleRules: [{ id: 'expire', expiration: Duration.days(30) }], reasons });
  logServerAccessTo(source, target, 'source/');
  return { stack, target, template: Template.fromStack(stack) };
}

describe('serverAccessLogBucket', () => {
  const { target, template } = build();

  it('is SSE-S3, versioned, private and owner-enforced', () => {
    const [bucket] = Object.values(template.findResources('AWS::S3::Bucket', { Properties: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }, VersioningConfiguration: { Status: 'Enabled' } } }))
      .filter((b) => b.Properties.BucketEncryption !== undefined);
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('lets the logging service write under the source prefix only, for this account only, and only over TLS', () => {
    const [policy] = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    const statements = policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    const delivery = statements.find((s) => s.Sid === 'AllowServerAccessLogDelivery')!;
    expect(delivery.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
    expect(delivery.Action).toBe('s3:PutObject');
    expect(JSON.stringify(delivery.Resource)).toContain('/source/*');
    expect(delivery.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111111111111' } });
    expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'))).toBe(true);
  });

  it('the source bucket logs to it under the prefix', () => {
    const sources = Object.values(template.findResources('AWS::S3::Bucket')).filter((b) => b.Properties?.LoggingConfiguration !== undefined);
    expect(sources).toHaveLength(1);
    expect(sources[0].Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogs/) }, LogFilePrefix: 'source/' });
  });

  it('acknowledges the six checks an access-log target cannot pass, each with the reason given', () => {
    const recorded = target.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => JSON.stringify(m.data));
    expect(recorded).toHaveLength(ACCESS_LOG_BUCKET_ACKNOWLEDGED.length);
    ACCESS_LOG_BUCKET_ACKNOWLEDGED.forEach((id, i) => {
      expect(recorded[i]).toContain(id.split('::')[1]);
      expect(recorded[i]).toContain(`reason for ${id}`);
      expect(recorded[i]).toContain(`${id} の理由`);
    });
  });
});
