/**
 * A tier's own link to its on-prem segments: a virtual private gateway attached to the tier VPC, then either
 * a site-to-site VPN (static routing only) or an association with an existing Direct Connect gateway.
 * Routes: the tier's subnets route ONLY the tier's declared on-prem ranges to the VGW. Route propagation is
 * never enabled, so whatever the on-prem side advertises over BGP cannot add a route into the tier.
 */
import * as directconnect from 'aws-cdk-lib/aws-directconnect';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { OnPremLinkConfig } from '../config';
import type { Tier } from '../tiers/tier';

export interface OnPremLinkProps {
  tier: Tier;
  vpc: ec2.IVpc;
  vpcCidr: string;
  /** Every subnet of the tier that should reach on-prem. */
  subnets: ec2.ISubnet[];
  link: OnPremLinkConfig;
  /** The tier's declared on-prem ranges: the only routes added towards the VGW. */
  onPremCidrs: readonly string[];
}

export class OnPremLink extends Construct {
  public readonly vpnGateway: ec2.CfnVPNGateway;
  public readonly attachment: ec2.CfnVPCGatewayAttachment;
  public readonly vpnConnection?: ec2.CfnVPNConnection;
  public readonly customerGateway?: ec2.CfnCustomerGateway;
  public readonly directConnectAssociation?: directconnect.CfnDirectConnectGatewayAssociation;
  private readonly props: OnPremLinkProps;

  constructor(scope: Construct, id: string, props: OnPremLinkProps) {
    super(scope, id);
    this.props = props;
    this.vpnGateway = new ec2.CfnVPNGateway(this, 'VpnGateway', { type: 'ipsec.1' });
    this.attachment = new ec2.CfnVPCGatewayAttachment(this, 'Attachment', {
      vpcId: props.vpc.vpcId,
      vpnGatewayId: this.vpnGateway.ref,
    });

    if (props.link.kind === 'site-to-site-vpn') {
      this.customerGateway = new ec2.CfnCustomerGateway(this, 'CustomerGateway', {
        type: 'ipsec.1',
        ipAddress: props.link.customerGatewayIp,
        bgpAsn: props.link.customerGatewayAsn,
      });
      this.vpnConnection = new ec2.CfnVPNConnection(this, 'VpnConnection', {
        type: 'ipsec.1',
        customerGatewayId: this.customerGateway.ref,
        vpnGatewayId: this.vpnGateway.ref,
        // Static routes only: the tier decides what it routes, not the far end's BGP announcements.
        staticRoutesOnly: true,
      });
      props.onPremCidrs.forEach((cidr, i) => this.addVpnRoute(`OnPremRoute${i}`, cidr));
    } else {
      this.directConnectAssociation = new directconnect.CfnDirectConnectGatewayAssociation(this, 'DirectConnectAssociation', {
        directConnectGatewayId: props.link.directConnectGatewayId,
        associatedGatewayId: this.vpnGateway.ref,
        // For a VGW association the allowed prefixes filter what AWS ADVERTISES to on-prem and must cover
        // the VPC CIDR (Direct Connect User Guide, "Allowed prefixes interactions"). What on-prem may reach
        // in return is limited by the VPC route tables below, which carry only the tier's on-prem ranges.
        allowedPrefixesToDirectConnectGateway: [props.vpcCidr],
      });
      this.directConnectAssociation.addResourceDependency(this.attachment);
    }

    props.onPremCidrs.forEach((cidr, i) => this.addSubnetRoutes(`OnPrem${i}`, cidr));
  }

  /** Routes `cidr` from every tier subnet to the VGW (used for on-prem ranges, and by the security-cloud egress for 0.0.0.0/0). */
  public addSubnetRoutes(id: string, cidr: string): ec2.CfnRoute[] {
    return this.props.subnets.map((subnet, i) => {
      const route = new ec2.CfnRoute(this, `${id}Subnet${i}`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: cidr,
        gatewayId: this.vpnGateway.ref,
      });
      // A route to a VGW is only valid once the VGW is attached.
      route.addResourceDependency(this.attachment);
      return route;
    });
  }

  /** Tells the VPN which destinations to send into the tunnel (no-op for Direct Connect, where BGP decides). */
  public addVpnRoute(id: string, cidr: string): void {
    if (this.vpnConnection === undefined) return;
    new ec2.CfnVPNConnectionRoute(this, id, {
      vpnConnectionId: this.vpnConnection.ref,
      destinationCidrBlock: cidr,
    });
  }
}
