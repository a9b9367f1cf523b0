/**
 * The tier's explicit network ACL, associated with every subnet of the tier VPC (so no subnet falls back
 * to the VPC's allow-all default NACL).
 * - Closed tiers (LGWAN, personal-number): allow only the tier's own ranges — its VPC, its on-prem
 *   segments and its telework client pool — in both directions; the implicit final rule denies the rest.
 * - Internet tier: first deny every other tier's ranges in both directions, then allow its own ranges,
 *   then the rest: all outbound (the internet, through the one inspected egress point) and inbound only
 *   TCP replies on the NAT's translation ports.
 * NACLs are stateless, so each range gets an ingress and an egress entry.
 */
import { Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CLOSED_TIERS, Tier } from '../tiers/tier';

export interface TierNaclProps {
  tier: Tier;
  vpc: ec2.IVpc;
  subnets: ec2.ISubnet[];
  /** The tier's own ranges (literal CIDRs). */
  ownRanges: string[];
  /** Every other tier's ranges (literal CIDRs). Denied first in the internet tier. */
  otherTierRanges: string[];
}

/** First rule number of each block; leaves room for operators to insert entries between them. */
export const DENY_OTHER_TIERS_FROM = 100;
export const ALLOW_OWN_RANGES_FROM = 1000;
export const ALLOW_REST_RULE = 2000;
/** TCP destination ports of replies from the internet (NAT translation ports minus 3389). */
export const INTERNET_REPLY_PORTS: ReadonlyArray<readonly [number, number]> = [
  [1024, 3388],
  [3390, 65535],
];

export class TierNacl extends Construct {
  public readonly acl: ec2.NetworkAcl;

  constructor(scope: Construct, id: string, props: TierNaclProps) {
    super(scope, id);
    this.acl = new ec2.NetworkAcl(this, 'Acl', { vpc: props.vpc, subnetSelection: { subnets: props.subnets } });
    const closed = CLOSED_TIERS.includes(props.tier);
    const directions = [
      ['In', ec2.TrafficDirection.INGRESS],
      ['Out', ec2.TrafficDirection.EGRESS],
    ] as const;

    const allowOwnRanges = (): void => {
      props.ownRanges.forEach((cidr, i) => {
        for (const [suffix, direction] of directions) {
          this.acl.addEntry(`AllowOwnRange${i}${suffix}`, {
            cidr: ec2.AclCidr.ipv4(cidr),
            ruleNumber: ALLOW_OWN_RANGES_FROM + i,
            traffic: ec2.AclTraffic.allTraffic(),
            direction,
            ruleAction: ec2.Action.ALLOW,
          });
        }
      });
    };

    if (closed) {
      allowOwnRanges();
    } else {
      if (props.otherTierRanges.length > ALLOW_OWN_RANGES_FROM - DENY_OTHER_TIERS_FROM) {
        throw new Error(`too many other-tier ranges for one NACL (${props.otherTierRanges.length})`);
      }
      props.otherTierRanges.forEach((cidr, i) => {
        for (const [suffix, direction] of directions) {
          this.acl.addEntry(`DenyOtherTier${i}${suffix}`, {
            cidr: ec2.AclCidr.ipv4(cidr),
            ruleNumber: DENY_OTHER_TIERS_FROM + i,
            traffic: ec2.AclTraffic.allTraffic(),
            direction,
            ruleAction: ec2.Action.DENY,
          });
        }
      });
      allowOwnRanges();
      this.acl.addEntry('AllowRestOut', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: ALLOW_REST_RULE,
        traffic: ec2.AclTraffic.allTraffic(),
        direction: ec2.TrafficDirection.EGRESS,
        ruleAction: ec2.Action.ALLOW,
      });
      // Nothing may START inbound from the internet: from outside the tier's own ranges only TCP replies
      // come back, to the NAT gateway's translation ports (1024-65535). 3389 is carved out so that no entry
      // admits RDP (or SSH) from anywhere (Control Tower CT.EC2.PR.5); a reply that happens to use source
      // port 3389 on the NAT is dropped and the client retries. Non-TCP never passes the egress firewall.
      INTERNET_REPLY_PORTS.forEach(([from, to], i) => {
        this.acl.addEntry(`AllowInternetReplies${i}In`, {
          cidr: ec2.AclCidr.anyIpv4(),
          ruleNumber: ALLOW_REST_RULE + i,
          traffic: ec2.AclTraffic.tcpPortRange(from, to),
          direction: ec2.TrafficDirection.INGRESS,
          ruleAction: ec2.Action.ALLOW,
        });
      });
    }
    Validations.of(this.acl).acknowledge({
      id: 'AwsSolutions::AwsSolutions-VPC3',
      reason: bilingualReason({
        en:
          'MIC three-tier separation requires a network-layer control independent of security groups: this NACL ' +
        'is that second layer (only the tier\'s own ranges pass; the internet tier denies other tiers first). ' +
        'Security groups remain the primary, stateful control; the tier-separation check verifies both.',
        ja:
          '三層分離のため、セキュリティグループとは独立したネットワーク層の制御として、このネットワーク ACL を二層目に置いています（通すのはその系自身のアドレス範囲のみで、インターネット接続系では他の系宛てを先に拒否します）。主たる制御はステートフルなセキュリティグループのままであり、三層分離の検査は両方を検証します。',
      }),
    });
  }
}
