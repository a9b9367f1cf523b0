/**
 * Admits telework clients that arrive over the tier's own closed-SIM / Direct Connect link (not Client VPN)
 * at the network layer — and ONLY to the desktop streaming service. The tier's NACL (lib/network) allows the
 * tier's declared ranges; these entries add the link client ranges, restricted to the DCV ports inbound and to
 * the return traffic (ephemeral ports) outbound. The streaming endpoint's security group is the second layer.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { Tier } from '../tiers/tier';
import { DESKTOP_STREAMING_PORTS } from './desktop-service-ports';

/** First NACL rule number used here: after the tier's own-range block (1000+), before the internet tier's allow-rest (2000). */
export const LINK_CLIENT_RULES_FROM = 1500;
const EPHEMERAL = { from: 1024, to: 65535 };

export interface LinkClientAdmissionProps {
  tier: Tier;
  networkAclId: string;
  clientCidrs: string[];
}

export class LinkClientAdmission extends Construct {
  readonly entries: ec2.CfnNetworkAclEntry[] = [];

  constructor(scope: Construct, id: string, props: LinkClientAdmissionProps) {
    super(scope, id);
    const perCidr = DESKTOP_STREAMING_PORTS.length + 2;
    if (props.clientCidrs.length * perCidr > 2000 - LINK_CLIENT_RULES_FROM) {
      throw new Error(`LinkClientAdmission (${props.tier}): ${props.clientCidrs.length} ranges need more NACL rule numbers than the block holds; aggregate them`);
    }
    let rule = LINK_CLIENT_RULES_FROM;
    props.clientCidrs.forEach((cidr, i) => {
      DESKTOP_STREAMING_PORTS.forEach((p, j) => {
        this.entries.push(
          new ec2.CfnNetworkAclEntry(this, `In${i}Port${j}`, {
            networkAclId: props.networkAclId,
            ruleNumber: rule++,
            egress: false,
            protocol: p.protocol === 'tcp' ? 6 : 17,
            ruleAction: 'allow',
            cidrBlock: cidr,
            portRange: { from: p.port, to: p.port },
          }),
        );
      });
      for (const [name, protocol] of [['Tcp', 6], ['Udp', 17]] as const) {
        this.entries.push(
          new ec2.CfnNetworkAclEntry(this, `Out${i}${name}`, {
            networkAclId: props.networkAclId,
            ruleNumber: rule++,
            egress: true,
            protocol,
            ruleAction: 'allow',
            cidrBlock: cidr,
            portRange: EPHEMERAL,
          }),
        );
      }
    });
  }
}
