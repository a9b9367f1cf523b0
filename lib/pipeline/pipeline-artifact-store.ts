/**
 * Where the pipeline keeps what it builds, so that the pipeline's own stack passes every pack like the
 * rest of the app: artifacts in a versioned, private, TLS-only bucket encrypted with a rotating customer-
 * managed key (which the target accounts' deploy roles are granted, as CDK Pipelines requires for
 * cross-account deployment), server access logs in a second bucket (the same kind of bucket as the audit
 * trail's: lib/audit/server-access-log-bucket.ts), and every CodeBuild step's logs in one encrypted log group.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { bilingualReason, type BilingualReason } from '../bilingual/reason';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, denyGrantsExceptForAwsServices } from '../encryption/key-policies';
import { logServerAccessTo, serverAccessLogBucket } from '../audit/server-access-log-bucket';

export class PipelineArtifactStore extends Construct {
  public readonly key: kms.Key;
  public readonly bucket: s3.Bucket;
  public readonly accessLogBucket: s3.Bucket;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the closed-telework pipeline artifacts and build logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    denyGrantsExceptForAwsServices(this.key);
    allowCloudWatchLogs(this.key);

    // Artifacts are rebuilt from the source on every run: keep them long enough to investigate a run.
    const lifecycleRules: s3.LifecycleRule[] = [
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      { id: 'expire-artifacts', expiration: Duration.days(90), noncurrentVersionExpiration: Duration.days(30) },
    ];
    this.accessLogBucket = serverAccessLogBucket(this, 'AccessLogs', {
      logFilePrefix: 'artifacts/',
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
      reasons: {
        'cdk-validator-cfnguard::s3_bucket_logging_enabled_check': { en: 'Control Tower CT.S3.PR.2: this is the server-access-log target of the pipeline artifact bucket; it cannot log into itself.', ja: 'Control Tower CT.S3.PR.2：このバケットはパイプラインの成果物バケットのサーバーアクセスログの保存先であり、自身へは記録できません。' },
        'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS': { en: 'S3 server access logging delivers only to SSE-S3 target buckets (AWS documentation); the logs hold request metadata, not artifacts.', ja: 'S3 サーバーアクセスログは SSE-S3 の保存先バケットにしか配信されません（AWS ドキュメント）。ログの内容はリクエストのメタデータであり、成果物ではありません。' },
        'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check': { en: 'Control Tower CT.S3.PR.10: S3 server access logging delivers only to SSE-S3 target buckets; the logs hold request metadata, not artifacts.', ja: 'Control Tower CT.S3.PR.10：S3 サーバーアクセスログは SSE-S3 の保存先バケットにしか配信されません。ログの内容はリクエストのメタデータであり、成果物ではありません。' },
        'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled': { en: 'Pipeline logs stay in the pipeline\'s Japanese region (data residency); the bucket is versioned and private.', ja: 'パイプラインのログは、パイプラインを置く国内リージョン内に保管します（データ所在地）。バケットはバージョニングを有効にした非公開のバケットです。' },
        'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check': { en: 'Control Tower CT.S3.PR.9: S3 server access logging cannot deliver to a bucket with an Object Lock default retention (AWS documentation).', ja: 'Control Tower CT.S3.PR.9：S3 サーバーアクセスログは、オブジェクトロックの既定の保持期間を持つバケットには配信できません（AWS ドキュメント）。' },
        'cdk-validator-cfnguard::s3_event_notifications_enabled_check': { en: 'Control Tower CT.S3.PR.4: nothing consumes per-object events of an append-only access-log bucket.', ja: 'Control Tower CT.S3.PR.4：追記のみのアクセスログ用バケットのオブジェクト単位のイベントを利用するものはありません。' },
      },
    });

    this.bucket = new s3.Bucket(this, 'Artifacts', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logServerAccessTo(this.bucket, this.accessLogBucket, 'artifacts/');
    const artifactReasons: Array<[string, BilingualReason]> = [
      ['NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled', { en: 'Pipeline artifacts stay in the pipeline\'s Japanese region (data residency) and are rebuilt from the source repository on every run; a replica would add a second copy of deployable templates to protect.', ja: 'パイプラインの成果物は国内リージョン内に保管し（データ所在地）、実行のたびにソースリポジトリから作り直します。複製を置くと、守るべきデプロイ可能なテンプレートの写しが一つ増えるだけです。' }],
      ['cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check', { en: 'Control Tower CT.S3.PR.9: artifacts are transient build outputs, rebuilt from the source repository on every run and expired by the lifecycle rule; the evidence of what was deployed is the CloudFormation stack history and CloudTrail in the target accounts.', ja: 'Control Tower CT.S3.PR.9：成果物は一時的なビルド出力であり、実行のたびにソースリポジトリから作り直し、ライフサイクルルールで期限切れにします。何をデプロイしたかの証拠は、デプロイ先アカウントの CloudFormation スタック履歴と CloudTrail です。' }],
      ['cdk-validator-cfnguard::s3_event_notifications_enabled_check', { en: 'Control Tower CT.S3.PR.4: the pipeline itself is the only writer and reader; every run is recorded by CodePipeline and CloudTrail, so per-object notifications would add no assurance.', ja: 'Control Tower CT.S3.PR.4：書き込み・読み出しを行うのはパイプライン自身だけで、すべての実行が CodePipeline と CloudTrail に記録されるため、オブジェクト単位の通知を加えても保証は増えません。' }],
    ];
    for (const [id, reason] of artifactReasons) Validations.of(this.bucket).acknowledge({ id, reason: bilingualReason(reason) });

    this.logGroup = new logs.LogGroup(this, 'BuildLogs', {
      encryptionKey: this.key,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
