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
export const LGWAN_SHARED_CIDR = '10.4.0.0/16';

export function tierVpc(scope: Construct, tier: Tier, id: string = { internet: 'Internet', lgwan: 'Lgwan', 'personal-number': 'PersonalNumber' }[tier], cidr: string = TIER_CIDRS[tier]): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, `${id}Vpc`, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 1,
    natGateways: 0,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [{ name: 'Work', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  Tags.of(vpc).add(TIER_TAG_KEY, tier);
  return vpc;
}

/** Routes from every subnet of `from` to `cidr` through a peering connection. */
export function peeringRoutes(scope: Construct, id: string, from: ec2.IVpc, cidr: string, peering: ec2.CfnVPCPeeringConnection): void {
  from.isolatedSubnets.forEach((subnet, i) => {
    new ec2.CfnRoute(scope, `${id}${i}`, { routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: cidr, vpcPeeringConnectionId: peering.ref });
  });
}

export class TierNetworkStack extends Stack {
  public readonly vpcs: Record<Tier, ec2.Vpc>;
  /** A second LGWAN-tier VPC peered with the first: a legitimate same-tier link (and a target for escape hatches). */
  public readonly lgwanShared?: { vpc: ec2.Vpc; peering: ec2.CfnVPCPeeringConnection };
  constructor(scope: Construct, id: string, options: { sameTierPeering?: boolean } = {}) {
    super(scope, id, { env: { account: '111111111111', region: 'ap-northeast-1' } });
    this.vpcs = Object.fromEntries(TIERS.map((t) => [t, tierVpc(this, t)])) as Record<Tier, ec2.Vpc>;
    if (options.sameTierPeering) {
      const vpc = tierVpc(this, 'lgwan', 'LgwanShared', LGWAN_SHARED_CIDR);
      const peering = new ec2.CfnVPCPeeringConnection(this, 'LgwanSharedPeering', { vpcId: this.vpcs.lgwan.vpcId, peerVpcId: vpc.vpcId });
      peeringRoutes(this, 'ToLgwanShared', this.vpcs.lgwan, LGWAN_SHARED_CIDR, peering);
      peeringRoutes(this, 'FromLgwanShared', vpc, TIER_CIDRS.lgwan, peering);
      this.lgwanShared = { vpc, peering };
    }
  }
}

export class EmptyNested extends NestedStack {}

export function tierApp(outdir: string, options: { sameTierPeering?: boolean; context?: Record<string, unknown> } = {}): { app: App; network: TierNetworkStack } {
  const app = new App({ outdir, ...(options.context ? { context: options.context } : {}) });
  const network = new TierNetworkStack(app, 'CityNetwork', options);
  return { app, network };
}
