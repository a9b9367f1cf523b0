/**
 * Private DCV streaming for one telework tier: an interface endpoint for `com.amazonaws.<region>.highlander`
 * in the tier's endpoint subnets. Its security group admits ONLY the tier's telework client ranges (Client VPN
 * pool, closed-SIM / Direct Connect ranges) on the DCV ports — nothing from the tier's own hosts, nothing from
 * other tiers — and it has no egress rule.
 *
 * Once a directory uses this endpoint, WorkSpaces IP access control groups no longer apply to streaming (the
 * security group is the control), and clients still reach AWS over the internet on 443 for sign-in: both are
 * stated in docs/telework.md.
 */
import { Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { TIER_TAG_KEY, type Tier } from '../tiers/tier';
import { DESKTOP_STREAMING_PORTS } from '../access/desktop-service-ports';

export interface StreamingEndpointProps {
  tier: Tier;
  vpc: ec2.IVpc;
  subnets: ec2.ISubnet[];
  /** Literal CIDRs of the tier's telework clients. */
  clientCidrs: string[];
}

export class StreamingEndpoint extends Construct {
  readonly endpoint: ec2.InterfaceVpcEndpoint;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: StreamingEndpointProps) {
    super(scope, id);
    if (props.clientCidrs.length === 0) {
      throw new Error(`StreamingEndpoint (${props.tier}): no telework client ranges; nothing could stream (give the Client VPN pool or closed-SIM ranges)`);
    }
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `highlander (DCV streaming) endpoint, ${props.tier}: telework clients on DCV ports only`,
    });
    for (const cidr of props.clientCidrs) {
      for (const p of DESKTOP_STREAMING_PORTS) {
        this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), p.protocol === 'tcp' ? ec2.Port.tcp(p.port) : ec2.Port.udp(p.port), `${p.purpose} from ${cidr}`);
      }
    }
    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc: props.vpc,
      service: new ec2.InterfaceVpcEndpointService(`com.amazonaws.${Stack.of(this).region}.highlander`),
      subnets: { subnets: props.subnets },
      securityGroups: [this.securityGroup],
      // The WorkSpaces directory points at this endpoint by id; no private DNS override of a public name is needed.
      privateDnsEnabled: false,
      open: false,
    });
    Tags.of(this).add(TIER_TAG_KEY, props.tier);
  }
}
