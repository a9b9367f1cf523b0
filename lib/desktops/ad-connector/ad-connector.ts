/**
 * An AD Connector from a tier VPC to the tier's on-prem Active Directory, created by the ad-connector custom
 * resource (handler.ts): AD Connector has no CloudFormation resource type. Same shape as
 * ../hardened-directory.ts — one self-contained Lambda transpiled at synth time, answering CloudFormation
 * itself, with a customer-managed policy scoped as far as the APIs allow.
 *
 * The service account password never enters the template: the function reads the secret BY ARN at run time,
 * and may read only that secret.
 */
import { CustomResource, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Tier } from '../../tiers/tier';
import { deploymentFunction } from '../custom-resource/deployment-function';
import { adConnectorAssetDir } from './handler-asset';
import { AD_CONNECTOR_TYPE } from '../../model/facts/custom-resources';

export interface AdConnectorProps {
  tier: Tier;
  vpc: ec2.IVpc;
  /** Exactly two subnets in different AZs (the tier's directory subnets). */
  subnets: ec2.ISubnet[];
  domainName: string;
  shortName?: string;
  customerDnsIps: string[];
  size: 'Small' | 'Large';
  /** Secret holding `{"username","password"}` of the on-prem service account. */
  serviceAccountSecretArn: string;
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/** The two subnets the connector uses: the first two in distinct AZs. */
export function twoAzSubnets(subnets: ec2.ISubnet[], what: string): ec2.ISubnet[] {
  const picked: ec2.ISubnet[] = [];
  for (const s of subnets) {
    if (picked.length < 2 && !picked.some((p) => p.availabilityZone === s.availabilityZone)) picked.push(s);
  }
  if (picked.length < 2) {
    throw new Error(`${what}: an AD Connector needs two subnets in different Availability Zones; got ${subnets.length} subnet(s) in ${new Set(subnets.map((s) => s.availabilityZone)).size} AZ(s)`);
  }
  return picked;
}

export class AdConnector extends Construct {
  readonly directoryId: string;
  readonly resource: CustomResource;
  readonly function: lambda.Function;
  readonly subnets: ec2.ISubnet[];

  constructor(scope: Construct, id: string, props: AdConnectorProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.subnets = twoAzSubnets(props.subnets, `AdConnector (${props.tier})`);
    const p = stack.partition;
    const ec2Arn = (resource: string) => `arn:${p}:ec2:${stack.region}:${stack.account}:${resource}`;
    const vpcArn = ec2Arn(`vpc/${props.vpc.vpcId}`);

    const logGroup = new logs.LogGroup(this, 'Logs', { encryptionKey: props.logKey, retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Creates the ${props.tier} AD Connector to the on-prem Active Directory`,
    });
    const policy = new iam.ManagedPolicy(this, 'Policy', { roles: [role], description: `closed-telework: AD Connector of the ${props.tier} tier` });
    policy.addStatements(
      new iam.PolicyStatement({
        sid: 'ReadServiceAccountSecret',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [props.serviceAccountSecretArn],
      }),
      new iam.PolicyStatement({
        sid: 'ConnectAndDescribe',
        // ConnectDirectory and DescribeDirectories have no resource type (Service Authorization Reference).
        actions: ['ds:ConnectDirectory', 'ds:DescribeDirectories'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'DeleteDirectoriesOfThisAccount',
        // The id is known only after ConnectDirectory; the handler deletes only its own marked connector.
        actions: ['ds:DeleteDirectory'],
        resources: [`arn:${p}:ds:${stack.region}:${stack.account}:directory/*`],
      }),
      new iam.PolicyStatement({
        sid: 'ConnectorEnisInTheTwoSubnets',
        // ConnectDirectory's dependent actions: the connector's ENIs only in the two chosen subnets.
        actions: ['ec2:CreateNetworkInterface'],
        resources: [...this.subnets.map((s) => ec2Arn(`subnet/${s.subnetId}`)), ec2Arn('network-interface/*'), ec2Arn('security-group/*')],
      }),
      new iam.PolicyStatement({
        sid: 'ConnectorSecurityGroupInTheTierVpc',
        actions: ['ec2:CreateSecurityGroup'],
        resources: [vpcArn, ec2Arn('security-group/*')],
      }),
      new iam.PolicyStatement({
        sid: 'ConnectorSecurityGroupRulesAndCleanupInTheTierVpc',
        // Rules and deletion (DeleteDirectory's dependent actions) only on groups/ENIs in the tier VPC.
        actions: [
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:DeleteSecurityGroup',
          'ec2:DeleteNetworkInterface',
        ],
        resources: [ec2Arn('security-group/*'), ec2Arn('network-interface/*')],
        conditions: { ArnEquals: { 'ec2:Vpc': vpcArn } },
      }),
      new iam.PolicyStatement({
        sid: 'TagOnlyWhatConnectCreates',
        actions: ['ec2:CreateTags'],
        resources: [ec2Arn('security-group/*'), ec2Arn('network-interface/*')],
        conditions: { StringEquals: { 'ec2:CreateAction': ['CreateSecurityGroup', 'CreateNetworkInterface'] } },
      }),
      new iam.PolicyStatement({
        sid: 'DescribeNetwork',
        // EC2 Describe* calls do not support resource-level permissions.
        actions: ['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:*`],
      }),
    );

    this.function = deploymentFunction(this, {
      description: `Creates the ${props.tier} AD Connector to the on-prem Active Directory (closed-telework)`,
      assetDir: adConnectorAssetDir(),
      role,
      logGroup,
      apis: 'Directory Service / Secrets Manager',
      roleScope: { en: 'one secret, the tier VPC and its two subnets', ja: 'シークレット一つ、系の VPC とその二つのサブネット' },
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.functionArn,
      resourceType: AD_CONNECTOR_TYPE,
      properties: {
        DomainName: props.domainName,
        ...(props.shortName ? { ShortName: props.shortName } : {}),
        Size: props.size,
        VpcId: props.vpc.vpcId,
        SubnetIds: this.subnets.map((s) => s.subnetId),
        CustomerDnsIps: props.customerDnsIps,
        ServiceAccountSecretArn: props.serviceAccountSecretArn,
        OwnerMarker: `closed-telework/${stack.stackName}/${props.tier}`,
      },
    });
    this.resource.node.addDependency(policy);
    this.directoryId = this.resource.getAttString('DirectoryId');

    this.acknowledge(stack, policy, logGroup);
  }

  private acknowledge(stack: Stack, policy: iam.ManagedPolicy, logGroup: logs.LogGroup): void {
    const logStreams = `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(logGroup.node.defaultChild as logs.CfnLogGroup)}.Arn>:*]`;
    Validations.of(policy).acknowledge({
      id: `AwsSolutions::${logStreams}`,
      reason: bilingualReason({
        en:
          'Log stream names are chosen by Lambda at run time; the wildcard is confined to this function\'s own KMS-encrypted log group and grants only CreateLogStream/PutLogEvents.',
        ja:
          'ログストリームの名前は実行時に Lambda が決めます。ワイルドカードはこの関数専用の KMS 暗号化ロググループの中に限られ、許すのは CreateLogStream／PutLogEvents のみです。',
      }),
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: bilingualReason({
        en:
          'ds:ConnectDirectory, ds:DescribeDirectories and the EC2 Describe* calls have no resource type in the Service Authorization Reference, so they need "*". ' +
        'Every mutating EC2 action is scoped to the two chosen subnets, the tier VPC (ec2:Vpc condition) or to resources ConnectDirectory creates (ec2:CreateAction); ' +
        'the secret is readable by ARN only. Compensating: the role is assumable only by this function, invoked only by CloudFormation, every call is in CloudTrail.',
        ja:
          'ds:ConnectDirectory、ds:DescribeDirectories と EC2 の Describe* 系の呼出しはサービス認可リファレンスにリソースタイプがなく、"*" が必要です。EC2 の変更系の操作はすべて、選んだ二つのサブネット、系の VPC（ec2:Vpc 条件）または ConnectDirectory が作成するリソース（ec2:CreateAction 条件）に限定し、シークレットは ARN 指定でのみ読み出せます。代替措置：このロールを引き受けられるのはこの関数だけで、この関数を呼び出すのは CloudFormation だけであり、すべての呼出しが CloudTrail に記録されます。',
      }),
    });
    // The finding names the ARN as cdk-nag renders it: pseudo parameters for an environment-agnostic stack.
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    for (const resource of ['directory/*', 'network-interface/*', 'security-group/*']) {
      const service = resource.startsWith('directory') ? 'ds' : 'ec2';
      Validations.of(policy).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:${service}:${region}:${account}:${resource}]`,
        reason: bilingualReason({
          en:
            `The ${resource.split('/')[0]} ids are created by ConnectDirectory at run time and unknown at synth time. Compensating: ` +
          (service === 'ds'
            ? 'DeleteDirectory only; the handler deletes only the AD Connector carrying this resource\'s owner marker, never a foreign directory.'
            : 'creation is bound to the two tier subnets / the tier VPC, rule changes and deletion carry an ec2:Vpc condition, tagging an ec2:CreateAction condition.'),
          ja:
            `${resource.split('/')[0]} の ID は ConnectDirectory が実行時に作成するため、synth 時には分かりません。代替措置：` +
            (service === 'ds'
              ? 'DeleteDirectory のみを許し、ハンドラーが削除するのはこのリソースの所有者マーカーを持つ AD Connector だけで、他のディレクトリは削除しません。'
              : '作成は系の二つのサブネット／系の VPC に限定し、ルールの変更と削除には ec2:Vpc 条件、タグ付けには ec2:CreateAction 条件を付けています。'),
        }),
      });
    }
  }
}
