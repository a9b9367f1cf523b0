/**
 * The target bucket of S3 server access logging, as every bucket of this package that keeps evidence uses it
 * (the audit trail's locked bucket, the pipeline's artifact bucket): one place for what such a bucket must be
 * and for the six checks that cannot hold for it.
 *  - SSE-S3, because server access logging delivers only to SSE-S3 target buckets (AWS documentation);
 *  - private, TLS-only, versioned, bucket-owner-enforced, retained on stack deletion;
 *  - delivery through a bucket policy, never ACLs (Control Tower CT.S3.PR.5): the logging service may write
 *    only under the source bucket's prefix, and only for this account.
 * The six acknowledgements are the same checks wherever the bucket is used; their reasons are the caller's,
 * because a reviewer reads them in the words of what the logs are about.
 */
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { bilingualReason, type BilingualReason } from '../bilingual/reason';

/** The checks an access-log target bucket cannot pass, in the order they are acknowledged. */
export const ACCESS_LOG_BUCKET_ACKNOWLEDGED = [
  'cdk-validator-cfnguard::s3_bucket_logging_enabled_check',
  'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS',
  'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check',
  'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled',
  'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check',
  'cdk-validator-cfnguard::s3_event_notifications_enabled_check',
] as const;

export type AccessLogBucketAcknowledgement = (typeof ACCESS_LOG_BUCKET_ACKNOWLEDGED)[number];

export interface ServerAccessLogBucketProps {
  /** The prefix the source bucket's logs are written under (e.g. `trail-bucket/`); delivery is allowed there only. */
  readonly logFilePrefix: string;
  readonly lifecycleRules: s3.LifecycleRule[];
  /** Why each of the six checks does not apply, for this bucket's use. */
  readonly reasons: Readonly<Record<AccessLogBucketAcknowledgement, BilingualReason>>;
}

/** The access-log target bucket `<scope>/<id>`, with its delivery policy and its acknowledgements. */
export function serverAccessLogBucket(scope: Construct, id: string, props: ServerAccessLogBucketProps): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED, // server access logging delivers only to SSE-S3 target buckets
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: props.lifecycleRules,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowServerAccessLogDelivery',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${props.logFilePrefix}*`)],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  for (const ackId of ACCESS_LOG_BUCKET_ACKNOWLEDGED) Validations.of(bucket).acknowledge({ id: ackId, reason: bilingualReason(props.reasons[ackId]) });
  return bucket;
}

/**
 * Sends `source`'s server access logs to `target` under `logFilePrefix`. Configured on the CloudFormation
 * resource directly, not with `serverAccessLogsBucket`, which would grant the log delivery group through an
 * ACL on the target bucket unless a global feature flag is set.
 */
export function logServerAccessTo(source: s3.Bucket, target: s3.Bucket, logFilePrefix: string): void {
  (source.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: target.bucketName, logFilePrefix };
}
