/**
 * Interface VPC endpoints: how a closed tier uses AWS services with no internet path. Endpoints are placed
 * in the tier's `endpoints` subnets and share one security group that admits HTTPS (443) from the tier's
 * own VPC and on-prem ranges only — literal CIDRs, never tokens (cdk-nag EC23 cannot judge a token, and a
 * reviewer cannot either). Telework client pools are deliberately not admitted: clients have no business
 * calling KMS or SSM directly.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { Tier } from '../tiers/tier';

export interface TierInterfaceEndpointsProps {
  tier: Tier;
  vpc: ec2.IVpc;
  subnets: ec2.ISubnet[];
  /** Short service names, e.g. `ssm` → com.amazonaws.<region>.ssm. */
  services: readonly string[];
  /** Ranges allowed to reach the endpoints on 443 (literal CIDRs). */
  allowedRanges: readonly string[];
}

export class TierInterfaceEndpoints extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  /** Endpoints by short service name. */
  public readonly endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
  private readonly props: TierInterfaceEndpointsProps;

  constructor(scope: Construct, id: string, props: TierInterfaceEndpointsProps) {
    super(scope, id);
    this.props = props;
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      // CloudFormation restricts GroupDescription to a small character set (no apostrophes).
      description: `Interface endpoints of the ${props.tier} tier - HTTPS from the tier ranges only`,
      // Endpoints never initiate connections; CDK then writes a single "deny all" placeholder egress rule.
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedRanges) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), `HTTPS from ${props.tier} range ${cidr}`);
    }
    for (const service of props.services) {
      this.addService(service);
    }
  }

  /** Adds one more endpoint with the same placement and security group (e.g. for a later feature). */
  public addService(service: string): ec2.InterfaceVpcEndpoint {
    if (this.endpoints[service] !== undefined) {
      throw new Error(`the ${this.props.tier} tier already has an interface endpoint for "${service}"`);
    }
    const id = service.replace(/[^A-Za-z0-9]/g, '-');
    const endpoint = new ec2.InterfaceVpcEndpoint(this, id, {
      vpc: this.props.vpc,
      service: new ec2.InterfaceVpcEndpointAwsService(service),
      subnets: { subnets: this.props.subnets },
      securityGroups: [this.securityGroup],
      privateDnsEnabled: true,
      // `open: true` would add an ingress rule for the VPC CIDR token; the explicit rules above suffice.
      open: false,
    });
    this.endpoints[service] = endpoint;
    return endpoint;
  }
}
