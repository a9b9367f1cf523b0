/**
 * An optional shared Transit Gateway, used ONLY as isolated per-tier route domains:
 * - DefaultRouteTableAssociation / DefaultRouteTablePropagation = disable (CloudFormation's default,
 *   `enable`, would join every attachment into one route domain, i.e. connect the tiers);
 * - one route table per tier, associated with and propagated from that tier's attachment only;
 * - blackhole routes in each tier's table for every other tier's ranges, so even a static route added
 *   later by hand cannot reach another tier through a less specific entry.
 * The tier VPCs' own route tables send nothing to the TGW; it is a seam for multi-VPC tiers later.
 */
import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { TIER_TAG_KEY, Tier } from '../tiers/tier';

export interface TierRouteDomainInput {
  tier: Tier;
  vpcId: string;
  /** Subnets the attachment places its ENIs in (one per AZ; the tier's endpoints subnets). */
  subnetIds: string[];
  /** Every other tier's ranges (literal CIDRs): blackholed in this tier's table. */
  otherTierRanges: string[];
}

export interface TierTransitGatewayProps {
  municipality: string;
  amazonSideAsn: number;
  domains: TierRouteDomainInput[];
}

export interface TierRouteDomain {
  tier: Tier;
  routeTable: ec2.CfnTransitGatewayRouteTable;
  attachment: ec2.CfnTransitGatewayVpcAttachment;
}

export class TierTransitGateway extends Construct {
  public readonly transitGateway: ec2.CfnTransitGateway;
  public readonly domains: Partial<Record<Tier, TierRouteDomain>> = {};

  constructor(scope: Construct, id: string, props: TierTransitGatewayProps) {
    super(scope, id);
    this.transitGateway = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      description: `${props.municipality}: isolated per-tier route domains (三層分離)`,
      amazonSideAsn: props.amazonSideAsn,
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      autoAcceptSharedAttachments: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
    });

    for (const input of props.domains) {
      const domain = new Construct(this, `Domain-${input.tier}`);
      // Every resource of this route domain belongs to the tier (the TGW itself belongs to none).
      Tags.of(domain).add(TIER_TAG_KEY, input.tier);
      const routeTable = new ec2.CfnTransitGatewayRouteTable(domain, 'RouteTable', {
        transitGatewayId: this.transitGateway.ref,
      });
      const attachment = new ec2.CfnTransitGatewayVpcAttachment(domain, 'Attachment', {
        transitGatewayId: this.transitGateway.ref,
        vpcId: input.vpcId,
        subnetIds: input.subnetIds,
      });
      new ec2.CfnTransitGatewayRouteTableAssociation(domain, 'Association', {
        transitGatewayRouteTableId: routeTable.ref,
        transitGatewayAttachmentId: attachment.ref,
      });
      new ec2.CfnTransitGatewayRouteTablePropagation(domain, 'Propagation', {
        transitGatewayRouteTableId: routeTable.ref,
        transitGatewayAttachmentId: attachment.ref,
      });
      input.otherTierRanges.forEach((cidr, i) => {
        new ec2.CfnTransitGatewayRoute(domain, `Blackhole${i}`, {
          transitGatewayRouteTableId: routeTable.ref,
          destinationCidrBlock: cidr,
          blackhole: true,
        });
      });
      this.domains[input.tier] = { tier: input.tier, routeTable, attachment };
    }
  }
}
