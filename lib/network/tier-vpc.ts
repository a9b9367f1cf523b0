/**
 * One tier's VPC: isolated subnets per purpose (desktops, directory, endpoints) in every configured AZ,
 * with the CIDRs from the validated subnet plan. No internet path is created here — the internet tier's
 * single inspected egress point is added by `inspected-egress.ts`, nowhere else.
 */
import { Stack, Tags, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { TIER_TAG_KEY, Tier } from '../tiers/tier';
import type { TierSubnetPlan } from '../config';
import { PlannedIpAddresses } from './planned-ip-addresses';

/** The purposes every tier VPC has, in every AZ. */
export const TIER_SUBNET_PURPOSES = ['desktops', 'directory', 'endpoints'] as const;
export type TierSubnetPurpose = (typeof TIER_SUBNET_PURPOSES)[number];

export interface TierVpcProps {
  tier: Tier;
  plan: TierSubnetPlan;
  availabilityZones: string[];
}

export class TierVpc extends Construct {
  public readonly tier: Tier;
  public readonly vpc: ec2.Vpc;
  /** Subnets per purpose, in AZ order. */
  public readonly subnets: Record<TierSubnetPurpose, ec2.ISubnet[]>;

  constructor(scope: Construct, id: string, props: TierVpcProps) {
    super(scope, id);
    this.tier = props.tier;
    const prefixOf = (purpose: TierSubnetPurpose): number => {
      const planned = props.plan.subnets.find((s) => s.purpose === purpose);
      if (planned === undefined) throw new Error(`subnet plan of the ${props.tier} tier has no ${purpose} subnet`);
      return planned.prefix;
    };
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new PlannedIpAddresses(props.plan),
      // Explicit zones; TierNetworkStack answers availabilityZones from the configuration, so no context
      // lookup happens and synth needs no AWS account or credentials.
      availabilityZones: props.availabilityZones,
      natGateways: 0,
      createInternetGateway: false,
      subnetConfiguration: TIER_SUBNET_PURPOSES.map((purpose) => ({
        name: purpose,
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
        cidrMask: prefixOf(purpose),
      })),
      // The default SG is never used; strip its rules so nothing lands in it by accident with open access.
      restrictDefaultSecurityGroup: true,
      enableDnsHostnames: true,
      enableDnsSupport: true,
    });
    // restrictDefaultSecurityGroup is implemented by a CDK-provided custom resource (one Lambda per stack)
    // that revokes the default SG's rules at deployment.
    const provider = Stack.of(this).node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    if (handler !== undefined) {
      Validations.of(handler).acknowledge({
        id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
        reason: bilingualReason({
          en:
            'CDK-provided deployment-time function that only revokes the rules of this VPC\'s default security ' +
          'group through the EC2 API (its role allows ec2:RevokeSecurityGroupIngress/Egress on that one group). ' +
          'Placing it inside a tier VPC would give it an ENI in the tier and need an EC2 API endpoint there ' +
          'for no benefit; outside any VPC it cannot carry traffic between tiers.',
          ja:
            'CDK が提供する、デプロイ時にだけ動く関数です。この VPC の既定のセキュリティグループのルールを EC2 API で取り消すだけです（ロールが許すのは、その一つのグループに対する ec2:RevokeSecurityGroupIngress/Egress のみ）。系の VPC 内に置くと系の中に ENI を持たせ、EC2 API のエンドポイントも必要になるうえ、得るものがありません。どの VPC にも属さない関数は、系と系の間の通信を運ぶことができません。',
        }),
      });
    }
    // Tag at this scope so the VPC, subnets, route tables, NACLs, SGs and endpoints all inherit it.
    Tags.of(this).add(TIER_TAG_KEY, props.tier);
    this.subnets = {
      desktops: this.vpc.selectSubnets({ subnetGroupName: 'desktops' }).subnets,
      directory: this.vpc.selectSubnets({ subnetGroupName: 'directory' }).subnets,
      endpoints: this.vpc.selectSubnets({ subnetGroupName: 'endpoints' }).subnets,
    };
  }
}
