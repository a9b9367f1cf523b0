/**
 * The customer-managed KMS key that encrypts a tier's WorkSpaces root and user volumes. The key policy lets
 * principals of this account use it ONLY through WorkSpaces (and the EC2 volumes WorkSpaces creates), so the
 * key cannot be used for anything else, and key usage shows in CloudTrail. One key per tier: revoking one
 * tier's key never touches another tier.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TIER_LABELS, type Tier } from '../tiers/tier';
import { denyGrantsExceptForAwsServices } from '../encryption/key-policies';

export class DesktopVolumeKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: { tier: Tier }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      description: `WorkSpaces volume encryption, ${TIER_LABELS[props.tier].en} (${TIER_LABELS[props.tier].ja})`,
      enableKeyRotation: true,
      // Deleting the key makes every desktop volume unreadable: never with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      alias: `alias/closed-telework/${props.tier}/workspaces-volumes`,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowUseThroughWorkSpacesOnly',
        principals: [new iam.AccountRootPrincipal()],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:CallerAccount': stack.account,
            'kms:ViaService': [`workspaces.${stack.region}.amazonaws.com`, `ec2.${stack.region}.amazonaws.com`],
          },
        },
      }),
    );
    // WorkSpaces attaches the volumes through EC2, which needs a grant — only ever for an AWS resource.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowGrantsForWorkSpacesVolumesOnly',
        principals: [new iam.AccountRootPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'kms:CallerAccount': stack.account, 'kms:ViaService': [`workspaces.${stack.region}.amazonaws.com`, `ec2.${stack.region}.amazonaws.com`] },
          Bool: { 'kms:GrantIsForAWSResource': 'true' },
        },
      }),
    );
    denyGrantsExceptForAwsServices(this.key);
  }
}
