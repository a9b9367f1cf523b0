/**
 * The account's audit trail for the telework environment: CloudTrail management events (every WorkSpaces
 * and Client VPN API call — directory hardening changes, VPN endpoint changes, authorisation rules — is a
 * management event) in all regions, to an S3 bucket that cannot be rewritten:
 *  - S3 Object Lock with a default retention (GOVERNANCE or COMPLIANCE, from configuration);
 *  - SSE-KMS with a customer-managed, rotated key; TLS-only bucket policy; public access blocked;
 *  - CloudTrail log file validation (digest files prove no file was altered or removed);
 *  - server access logs to a second bucket; a copy of the trail in an encrypted CloudWatch log group for alarms.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, denyGrantsExceptForAwsServices } from './key-policies';

export interface AuditTrailProps {
  municipality: string;
  objectLockMode: 'GOVERNANCE' | 'COMPLIANCE';
  trailRetentionDays: number;
  /** Retention of the CloudWatch copy (days, a CloudWatch Logs value). */
  cloudWatchRetention: logs.RetentionDays;
}

export class AuditTrail extends Construct {
  readonly trail: cloudtrail.Trail;
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;
  readonly accessLogBucket: s3.Bucket;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    if (!Number.isInteger(props.trailRetentionDays) || props.trailRetentionDays < 1) {
      throw new Error(`AuditTrail: trailRetentionDays must be a positive integer (got ${props.trailRetentionDays})`);
    }
    const stack = Stack.of(this);

    this.key = new kms.Key(this, 'Key', {
      description: `CloudTrail of the closed telework environment (${props.municipality})`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    allowCloudWatchLogs(this.key);
    denyGrantsExceptForAwsServices(this.key);
    const trailArn = `arn:${stack.partition}:cloudtrail:${stack.region}:${stack.account}:trail/${props.municipality}-telework-audit`;
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptThisTrailOnly',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceArn': trailArn },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*` },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailDescribeKey',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
      }),
    );

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED, // server access logging does not support SSE-KMS targets
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This bucket IS the server-access-log target of the trail bucket; logging it into itself would loop. It is versioned, TLS-only and private.',
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-S3BucketLoggingEnabled',
      reason: 'Same as AwsSolutions-S1: the access-log target bucket cannot log into itself.',
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: 'S3 server access logging delivers only to buckets encrypted with SSE-S3 (AWS documentation); the logs contain request metadata, not trail content.',
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled',
      reason: 'Access logs of the audit bucket stay in the municipality\'s region by policy (data residency); no cross-region replica.',
    });

    this.bucket = new s3.Bucket(this, 'TrailBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      objectLockEnabled: true,
      objectLockDefaultRetention:
        props.objectLockMode === 'COMPLIANCE'
          ? s3.ObjectLockRetention.compliance(Duration.days(props.trailRetentionDays))
          : s3.ObjectLockRetention.governance(Duration.days(props.trailRetentionDays)),
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'trail-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled',
      reason: 'Audit logs stay in the municipality\'s region (Tokyo/Osaka data residency); integrity comes from Object Lock and CloudTrail digest validation instead of a replica.',
    });

    this.logGroup = new logs.LogGroup(this, 'TrailLogs', {
      encryptionKey: this.key,
      retention: props.cloudWatchRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: `${props.municipality}-telework-audit`,
      bucket: this.bucket,
      encryptionKey: this.key,
      enableFileValidation: true,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.logGroup,
    });
  }
}
