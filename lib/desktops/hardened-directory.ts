/**
 * Registers a tier's directory with WorkSpaces and keeps it hardened to the baseline, through the
 * directory-settings custom resource (handler.ts). Why a custom resource and not AWS::WorkSpaces::Directory:
 * that type has no input for an existing `d-…` directory (the AWS Managed AD this stack just created, or an AD
 * Connector), and client properties (credential caching) have no CloudFormation property at all.
 *
 * The desired state is derived from the hardening baseline (desired-state.ts), the same data
 * `closed-telework audit` checks later, so what is deployed is what is audited.
 */
import { CustomResource, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TIER_TAG_KEY, type Tier } from '../tiers/tier';
import { directorySettingsFromBaseline } from './directory-settings/desired-state';
import { deploymentFunction } from './custom-resource/deployment-function';
import { directorySettingsAssetDir } from './directory-settings/handler-asset';
import type { HardeningOptions } from './hardening-baseline';
import { WORKSPACES_DIRECTORY_HARDENING_TYPE } from '../model/facts/custom-resources';

export interface HardenedWorkspacesDirectoryProps {
  tier: Tier;
  /** The Directory Service id (a token when the directory is created in the same stack). */
  directoryId: string;
  /** Subnets in at least two AZs where desktops are placed. */
  desktopSubnets: ec2.ISubnet[];
  /** True when this stack created the directory: deregister it on delete so the directory can be deleted. */
  deregisterOnDelete: boolean;
  hardening: HardeningOptions;
  /** The highlander endpoint id, required when `hardening.closedStreaming`. */
  streamingVpcEndpointId?: string;
  /** IP access control groups, required when streaming crosses the internet. */
  ipGroupIds?: string[];
  /** Key for the function's log group. */
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

export class HardenedWorkspacesDirectory extends Construct {
  readonly resource: CustomResource;
  readonly function: lambda.Function;
  /** The security group WorkSpaces creates for the directory's desktops. */
  readonly workspaceSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: HardenedWorkspacesDirectoryProps) {
    super(scope, id);
    if (props.desktopSubnets.length < 2) {
      throw new Error(`HardenedWorkspacesDirectory (${props.tier}): WorkSpaces needs desktop subnets in two Availability Zones; got ${props.desktopSubnets.length}`);
    }
    const stack = Stack.of(this);
    const settings = directorySettingsFromBaseline(props.hardening, {
      DirectoryId: props.directoryId,
      SubnetIds: props.desktopSubnets.map((s) => s.subnetId),
      DeregisterOnDelete: props.deregisterOnDelete,
      Tenancy: 'SHARED',
      Tags: [{ Key: TIER_TAG_KEY, Value: props.tier }],
      StreamingVpcEndpointId: props.streamingVpcEndpointId,
      IpGroupIds: props.ipGroupIds,
    });

    const logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.logKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Registers and hardens the ${props.tier} WorkSpaces directory`,
    });
    const directoryArn = `arn:${stack.partition}:workspaces:${stack.region}:${stack.account}:directoryid/${props.directoryId}`;
    // A customer-managed policy (not inline): reviewable and attachable on its own (NIST IAMNoInlinePolicy).
    const policy = new iam.ManagedPolicy(this, 'Policy', { roles: [role], description: `closed-telework: register and harden the ${props.tier} WorkSpaces directory` });
    policy.addStatements(
      new iam.PolicyStatement({
        sid: 'HardenThisDirectory',
        actions: [
          'workspaces:RegisterWorkspaceDirectory',
          'workspaces:DeregisterWorkspaceDirectory',
          'workspaces:ModifyWorkspaceAccessProperties',
          'workspaces:ModifyWorkspaceCreationProperties',
          'workspaces:ModifySelfservicePermissions',
          'workspaces:ModifyStreamingProperties',
          'workspaces:ModifyClientProperties',
          'workspaces:AssociateIpGroups',
          'workspaces:DisassociateIpGroups',
          'workspaces:CreateTags',
        ],
        // Only this directory and the IP groups given (none with private streaming): a stray IP group found on
        // the directory cannot be removed by this role, so the deployment fails and says so (fail closed).
        resources: [directoryArn, ...(props.ipGroupIds ?? []).map((g) => `arn:${stack.partition}:workspaces:${stack.region}:${stack.account}:workspaceipgroup/${g}`)],
      }),
    );
    policy.addStatements(
      new iam.PolicyStatement({
        sid: 'DescribeWorkSpacesDirectories',
        // Describe calls are not resource-scoped in WorkSpaces' authorization model.
        actions: ['workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeClientProperties'],
        resources: ['*'],
      }),
    );
    policy.addStatements(
      new iam.PolicyStatement({
        sid: 'RegistrationDependencies',
        // RegisterWorkspaceDirectory authorises WorkSpaces on the directory and creates the desktops' ENIs/SG
        // under the caller's identity; these EC2/DS actions do not support resource-level scoping at creation.
        actions: [
          'ds:DescribeDirectories',
          'ds:AuthorizeApplication',
          'ds:UnauthorizeApplication',
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:CreateSecurityGroup',
          'ec2:DescribeSecurityGroups',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:CreateTags',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
        ],
        resources: ['*'],
      }),
    );
    policy.addStatements(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:*`],
      }),
    );
    const logStreams = `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(logGroup.node.defaultChild as logs.CfnLogGroup)}.Arn>:*]`;
    Validations.of(policy).acknowledge({
      id: `AwsSolutions::${logStreams}`,
      reason: bilingualReason({
        en:
          'The function writes log streams whose names Lambda chooses at run time, so the stream part of the ARN cannot be known at synth time; ' +
        'the wildcard is confined to this function\'s own KMS-encrypted log group and grants only CreateLogStream/PutLogEvents.',
        ja:
          'この関数が書き込むログストリームの名前は実行時に Lambda が決めるため、ARN のストリーム部分は synth 時には決まりません。ワイルドカードはこの関数専用の KMS 暗号化ロググループの中に限られ、許すのは CreateLogStream／PutLogEvents のみです。',
      }),
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: bilingualReason({
        en:
          'WorkSpaces Describe* calls and the EC2/Directory Service calls RegisterWorkspaceDirectory makes on the caller\'s behalf do not support ' +
        'resource-level permissions; every mutating WorkSpaces action is scoped to this tier\'s directory ARN. Compensating: the role is assumable ' +
        'only by this one function, invoked only by CloudFormation, and every call is in CloudTrail.',
        ja:
          'WorkSpaces の Describe* 系の呼出しと、RegisterWorkspaceDirectory が呼出し元に代わって行う EC2／Directory Service の呼出しは、リソース単位の権限に対応していません。WorkSpaces の変更系の操作は、すべてこの系のディレクトリの ARN に限定しています。代替措置：このロールを引き受けられるのはこの関数だけで、この関数を呼び出すのは CloudFormation だけであり、すべての呼出しが CloudTrail に記録されます。',
      }),
    });

    this.function = deploymentFunction(this, {
      description: `Registers the ${props.tier} WorkSpaces directory and converges its hardening (closed-telework)`,
      assetDir: directorySettingsAssetDir(),
      role,
      logGroup,
      apis: 'WorkSpaces/Directory Service',
      roleScope: { en: 'scoped to this directory', ja: 'このディレクトリに限定' },
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.functionArn,
      resourceType: WORKSPACES_DIRECTORY_HARDENING_TYPE,
      properties: { Settings: stack.toJsonString(settings) },
    });
    this.resource.node.addDependency(policy);
    this.workspaceSecurityGroupId = this.resource.getAttString('WorkspaceSecurityGroupId');
  }
}
