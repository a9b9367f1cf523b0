/**
 * The identity directory of one telework tier, on the tier's own directory subnets (two AZs): each tier gets
 * its own directory, so a credential of one tier never opens another tier's desktops.
 * - `managed-ad`: AWS Managed Microsoft AD; the admin password is generated into Secrets Manager (encrypted
 *   with a customer-managed key) and passed to CloudFormation as a dynamic reference, never in the template.
 * - `existing`: a directory created outside this stack; only its id is used, and it is never deregistered or
 *   deleted by this stack.
 * - `ad-connector`: an AD Connector to the tier's on-prem AD, created by a custom resource on two directory
 *   subnets in two AZs (ad-connector/); the service account is read from Secrets Manager at run time.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as directoryservice from 'aws-cdk-lib/aws-directoryservice';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Tier } from '../tiers/tier';
import { AdConnector } from './ad-connector/ad-connector';

export type TierDirectorySpec =
  | { kind: 'managed-ad'; domainName: string; edition: 'Standard' | 'Enterprise' }
  | { kind: 'existing'; directoryId: string }
  | {
      kind: 'ad-connector';
      domainName: string;
      shortName?: string;
      customerDnsIps: string[];
      size: 'Small' | 'Large';
      serviceAccountSecretArn: string;
    };

export interface TierDirectoryProps {
  tier: Tier;
  vpc: ec2.IVpc;
  /** The tier's directory subnets; exactly two, in different AZs, are used. */
  directorySubnets: ec2.ISubnet[];
  spec: TierDirectorySpec;
  /** Key for the admin password secret (and for the AD Connector function's logs). */
  secretKey: kms.IKey;
  /** Retention of the AD Connector function's logs (default one year). */
  logRetention?: logs.RetentionDays;
}

export class TierDirectory extends Construct {
  readonly directoryId: string;
  /** True when this construct created the directory (so the WorkSpaces registration must be undone on delete). */
  readonly createdHere: boolean;
  readonly adminSecret?: secretsmanager.Secret;
  readonly adConnector?: AdConnector;

  constructor(scope: Construct, id: string, props: TierDirectoryProps) {
    super(scope, id);
    if (props.spec.kind === 'existing') {
      this.directoryId = props.spec.directoryId;
      this.createdHere = false;
      return;
    }
    if (props.spec.kind === 'ad-connector') {
      this.adConnector = new AdConnector(this, 'Connector', {
        tier: props.tier,
        vpc: props.vpc,
        subnets: props.directorySubnets,
        domainName: props.spec.domainName,
        shortName: props.spec.shortName,
        customerDnsIps: props.spec.customerDnsIps,
        size: props.spec.size,
        serviceAccountSecretArn: props.spec.serviceAccountSecretArn,
        logKey: props.secretKey,
        logRetention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      });
      this.directoryId = this.adConnector.directoryId;
      // Created here: the WorkSpaces registration is undone on delete, so the connector can be deleted after it.
      this.createdHere = true;
      return;
    }
    if (props.directorySubnets.length < 2) {
      throw new Error(`TierDirectory (${props.tier}): AWS Managed Microsoft AD needs two subnets in different AZs; got ${props.directorySubnets.length}`);
    }
    this.createdHere = true;
    this.adminSecret = new secretsmanager.Secret(this, 'AdminPassword', {
      description: `Admin password of the ${props.tier} telework directory ${props.spec.domainName}`,
      encryptionKey: props.secretKey,
      generateSecretString: { passwordLength: 32, excludeCharacters: '"\'\\/@` ', requireEachIncludedType: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.adminSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: bilingualReason({
        en:
          'The AWS Managed Microsoft AD "Admin" password cannot be rotated by a Secrets Manager rotation function without a custom rotation Lambda ' +
        'inside the closed tier. Compensating: the secret is encrypted with a customer-managed key, retrieved only through CloudFormation dynamic ' +
        'references, and rotation is a scheduled manual control in docs/telework.md.',
        ja:
          'AWS Managed Microsoft AD の「Admin」パスワードは、閉域の系の中に独自のローテーション用 Lambda を置かない限り、Secrets Manager のローテーションでは更新できません。代替措置：シークレットはカスタマー管理キーで暗号化し、CloudFormation の動的参照でのみ取り出します。パスワードの更新は docs/telework.md に定める定期の手作業による管理策としています。',
      }),
    });
    Validations.of(this.adminSecret).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-SecretsManagerRotationEnabled',
      reason: bilingualReason({
        en:
          'Same as AwsSolutions-SMG4: the AWS Managed Microsoft AD admin password is rotated by the runbook (docs/telework.md, ResetUserPassword then ' +
        'PutSecretValue), not by a rotation Lambda inside the closed tier; the secret is CMK-encrypted and read only via dynamic references.',
        ja:
          'AwsSolutions-SMG4 と同じ理由です。AWS Managed Microsoft AD の管理者パスワードは、閉域の系の中のローテーション用 Lambda ではなく、手順書（docs/telework.md：ResetUserPassword の後に PutSecretValue）に従って更新します。シークレットはカスタマー管理キーで暗号化し、動的参照でのみ読み出します。',
      }),
    });
    const ad = new directoryservice.CfnMicrosoftAD(this, 'Directory', {
      name: props.spec.domainName,
      edition: props.spec.edition,
      password: this.adminSecret.secretValue.unsafeUnwrap(),
      vpcSettings: { vpcId: props.vpc.vpcId, subnetIds: props.directorySubnets.slice(0, 2).map((s) => s.subnetId) },
    });
    // Deleting the directory would orphan every desktop of the tier; keep it unless an operator decides otherwise.
    ad.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.directoryId = ad.ref;
  }
}
