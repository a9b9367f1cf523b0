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
import { bilingualReason } from '../bilingual/reason';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, denyGrantsExceptForAwsServices } from '../encryption/key-policies';
import { logServerAccessTo, serverAccessLogBucket } from './server-access-log-bucket';

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

    // Lifecycle: incomplete uploads are cleaned up; superseded versions expire once the lock period is over.
    const lifecycleRules: s3.LifecycleRule[] = [
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      { id: 'expire-superseded-versions', noncurrentVersionExpiration: Duration.days(props.trailRetentionDays) },
    ];

    // Its server access logs go to a second bucket (delivery policy, no ACLs: lib/audit/server-access-log-bucket.ts).
    this.accessLogBucket = serverAccessLogBucket(this, 'AccessLogs', {
      logFilePrefix: 'trail-bucket/',
      lifecycleRules,
      reasons: {
        'cdk-validator-cfnguard::s3_bucket_logging_enabled_check': { en: 'Control Tower CT.S3.PR.2: this is the server-access-log target of the locked trail bucket and cannot log into itself without an endless loop of log objects.', ja: 'Control Tower CT.S3.PR.2：このバケットは保全された証跡バケットのサーバーアクセスログの保存先です。自身にログを書き込むとログオブジェクトが際限なく生じるため、自身へは記録できません。' },
        'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS': { en: 'S3 server access logging delivers only to target buckets encrypted with SSE-S3 (AWS documentation), so SSE-KMS is impossible here; the logs hold request metadata about the trail bucket, not trail content.', ja: 'S3 サーバーアクセスログは SSE-S3 で暗号化した保存先バケットにしか配信されないため（AWS ドキュメント）、ここで SSE-KMS は使えません。ログの内容は証跡バケットへのリクエストのメタデータであり、証跡そのものではありません。' },
        'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check': { en: 'Control Tower CT.S3.PR.10, same as NIST S3DefaultEncryptionKMS: S3 server access log delivery requires an SSE-S3 target bucket; the logs hold request metadata about the trail bucket, not trail content.', ja: 'Control Tower CT.S3.PR.10。NIST S3DefaultEncryptionKMS と同じ理由です：S3 サーバーアクセスログの配信先は SSE-S3 のバケットでなければならず、ログの内容は証跡バケットへのリクエストのメタデータであり、証跡そのものではありません。' },
        'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled': { en: 'Access logs of the audit bucket stay in the municipality\'s region by policy (Tokyo/Osaka data residency), so no cross-region replica; the bucket is versioned and private, and the evidence itself is in the locked trail bucket.', ja: '監査用バケットのアクセスログは、方針として団体のリージョン内に保管するため（東京／大阪のデータ所在地）、他リージョンへの複製は置きません。バケットはバージョニングを有効にした非公開のバケットであり、証拠そのものは保全された証跡バケットにあります。' },
        'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check': { en: 'Control Tower CT.S3.PR.9: S3 server access logging cannot deliver to a bucket with an Object Lock default retention (AWS documentation); the locked evidence is the trail bucket.', ja: 'Control Tower CT.S3.PR.9：S3 サーバーアクセスログは、オブジェクトロックの既定の保持期間を持つバケットには配信できません（AWS ドキュメント）。保全された証拠は証跡バケットにあります。' },
        'cdk-validator-cfnguard::s3_event_notifications_enabled_check': { en: 'Control Tower CT.S3.PR.4: nothing consumes per-object events of an append-only access-log bucket; its integrity matters less than the trail bucket\'s, which is locked.', ja: 'Control Tower CT.S3.PR.4：追記のみのアクセスログ用バケットのオブジェクト単位のイベントを利用するものはありません。このバケットの完全性は、保全された証跡バケットほど重要ではありません。' },
      },
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
      lifecycleRules,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logServerAccessTo(this.bucket, this.accessLogBucket, 'trail-bucket/');
    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled',
      reason: bilingualReason({
        en:
          'Audit logs stay in the municipality\'s region (Tokyo/Osaka data residency); integrity comes from Object Lock and CloudTrail digest validation instead of a replica.',
        ja:
          '監査ログは団体のリージョン内に保管します（東京／大阪のデータ所在地）。完全性は複製ではなく、オブジェクトロックと CloudTrail のダイジェスト検証により担保します。',
      }),
    });
    Validations.of(this.bucket).acknowledge({
      id: 'cdk-validator-cfnguard::s3_event_notifications_enabled_check',
      reason: bilingualReason({
        en:
          'Control Tower CT.S3.PR.4: the trail bucket is write-once (Object Lock) and CloudTrail digest files prove completeness; tampering attempts are ' +
        'management events in the trail itself and its CloudWatch copy. Per-object notifications would add a notification Lambda to the audit account for no extra assurance.',
        ja:
          'Control Tower CT.S3.PR.4：証跡バケットは追記のみ（オブジェクトロック）で、CloudTrail のダイジェストファイルにより欠落がないことを証明できます。改ざんの試みは、証跡自体とその CloudWatch の写しに管理イベントとして記録されます。オブジェクト単位の通知は、監査用アカウントに通知用 Lambda を増やすだけで、保証は増えません。',
      }),
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
    const logsRole = this.trail.node.tryFindChild('LogsRole');
    if (logsRole) {
      Validations.of(logsRole).acknowledge({
        id: 'NIST.800.53.R5::NIST.800.53.R5-IAMNoInlinePolicy',
        reason: bilingualReason({
          en:
            'The role CloudTrail assumes to deliver into its CloudWatch log group; aws-cdk-lib generates its one-statement policy, scoped to that log group\'s ' +
          'streams. Only cloudtrail.amazonaws.com can assume it.',
          ja:
            'CloudTrail が CloudWatch のロググループへ配信するために引き受けるロールです。一文だけのポリシーは aws-cdk-lib が生成し、対象はそのロググループのストリームに限られます。引き受けられるのは cloudtrail.amazonaws.com だけです。',
        }),
      });
    }
  }
}
