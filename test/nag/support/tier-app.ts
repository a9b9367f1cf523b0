/**
 * A small app of three tier VPCs (one per MIC tier, tagged mic:tier), used by the pack and policy-test
 * tests until and besides the project's example app: one stack for the tiers, and hooks to add a second
 * stack, a Stage and a nested stack.
 */
import { App, NestedStack, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { TIER_TAG_KEY, TIERS, type Tier } from '../../../lib/tiers/tier';

export const TIER_CIDRS: Record<Tier, string> = { internet: '10.1.0.0/16', lgwan: '10.2.0.0/16', 'personal-number': '10.3.0.0/16' };

export function tierVpc(scope: Construct, tier: Tier): ec2.Vpc {
  const id = { internet: 'Internet', lgwan: 'Lgwan', 'personal-number': 'PersonalNumber' }[tier];
  const vpc = new ec2.Vpc(scope, `${id}Vpc`, {
    ipAddresses: ec2.IpAddresses.cidr(TIER_CIDRS[tier]),
    maxAzs: 1,
    natGateways: 0,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [{ name: 'Work', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  Tags.of(vpc).add(TIER_TAG_KEY, tier);
  return vpc;
}

export class TierNetworkStack extends Stack {
  public readonly vpcs: Record<Tier, ec2.Vpc>;
  constructor(scope: Construct, id: string) {
    super(scope, id, { env: { account: '111111111111', region: 'ap-northeast-1' } });
    this.vpcs = Object.fromEntries(TIERS.map((t) => [t, tierVpc(this, t)])) as Record<Tier, ec2.Vpc>;
  }
}

export class EmptyNested extends NestedStack {}

export function tierApp(outdir: string): { app: App; network: TierNetworkStack } {
  const app = new App({ outdir });
  const network = new TierNetworkStack(app, 'CityNetwork');
  return { app, network };
}
