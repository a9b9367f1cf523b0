/**
 * VPC flow logs of ALL traffic (accepted and rejected) into a CloudWatch Logs group encrypted with the
 * tier's own customer-managed KMS key, retained for the configured number of days. One key per tier so a
 * tier's logs can be made readable to that tier's auditors only.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, denyGrantsExceptForAwsServices } from '../encryption/key-policies';
import type { Tier } from '../tiers/tier';

export interface TierFlowLogsProps {
  tier: Tier;
  municipality: string;
  vpc: ec2.IVpc;
  retentionDays: number;
}

export class TierFlowLogs extends Construct {
  public readonly key: kms.Key;
  public readonly logGroup: logs.LogGroup;
  public readonly flowLog: ec2.FlowLog;

  constructor(scope: Construct, id: string, props: TierFlowLogsProps) {
    super(scope, id);
    const logGroupName = `/closed-telework/${props.municipality}/${props.tier}/vpc-flow-logs`;
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${props.tier} tier's VPC flow logs (${props.municipality})`,
      enableKeyRotation: true,
      // Audit evidence outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts with the key on the log group's behalf, for this one log group only; grants
    // only for AWS services (Control Tower CT.KMS.PR.3).
    allowCloudWatchLogs(this.key, logGroupName);
    denyGrantsExceptForAwsServices(this.key);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: this.key,
      retention: props.retentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const account = Stack.of(this).account;
    const role = new iam.Role(this, 'DeliveryRole', {
      // Confused-deputy guard: only flow logs of this account may assume the role.
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': account },
      }),
      description: `Delivers the ${props.tier} tier VPC flow logs to ${logGroupName}`,
    });
    // A customer-managed policy instead of CDK's inline default policy (NIST 800-53 AC-6: reviewable,
    // versioned permissions), scoped to this one log group.
    const deliveryPolicy = new iam.ManagedPolicy(this, 'DeliveryPolicy', {
      description: `Lets VPC flow logs write to ${logGroupName} only`,
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [this.logGroup.logGroupArn],
        }),
      ],
    });
    role.addManagedPolicy(deliveryPolicy);
    this.flowLog = new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(props.vpc),
      // withoutPolicyUpdates: stop CDK adding its own inline policy; the managed policy above suffices.
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.logGroup, role.withoutPolicyUpdates()),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
    this.flowLog.node.addDependency(this.key);
  }
}
