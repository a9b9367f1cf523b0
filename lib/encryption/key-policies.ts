/**
 * Key-policy statements every telework KMS key carries, so keys stay auditable:
 * - grants only for AWS services acting on AWS resources (Control Tower CT.KMS.PR.3): a grant lets a principal
 *   use a key without any policy change showing it, so no human or function may create one directly;
 * - CloudWatch Logs may use the key only for log groups of this account and region (encryption context),
 *   or for exactly one log group when its name is known.
 * Shared by every folder that creates a key (network flow logs, access, desktops, audit).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';

export function denyGrantsExceptForAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }),
  );
}

export function allowCloudWatchLogs(key: kms.Key, logGroupName = '*'): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsEncryption',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:${logGroupName}` },
      },
    }),
  );
}
