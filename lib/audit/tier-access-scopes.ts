/**
 * Network Access Analyzer scopes, deployed with the stacks, that look for paths the design forbids
 * (see access-scope-plan.ts). Analyzer findings start and end only at ENIs, IGWs, TGW attachments,
 * endpoints, peering connections and VGWs, so each tier→tier scope matches two ways:
 *  1. from any resource in tier A's VPC to any resource in tier B's VPC;
 *  2. from tier A's VPC to tier B's off-VPC addresses (on-prem segments, telework client pools), by packet
 *     destination — the only way to see a path leaving through a VGW or TGW towards B's on-prem side.
 * Every scope carries `mic:scope` and `mic:tier` tags, which the post-deploy check selects on.
 */
import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { TIER_TAG_KEY, type Tier } from '../tiers/tier';
import { accessScopePlan, type AccessScopeSpec } from './access-scope-plan';

export const SCOPE_TAG_KEY = 'mic:scope';

export interface TierEndpoints {
  vpcId: string;
  /** Literal CIDRs of the tier that live outside its VPC (on-prem segments, telework client pools). */
  offVpcCidrs: string[];
}

export interface TierAccessScopesProps {
  tiers: Partial<Record<Tier, TierEndpoints>>;
}

export class TierAccessScopes extends Construct {
  readonly scopes: Array<{ spec: AccessScopeSpec; scope: ec2.CfnNetworkInsightsAccessScope }> = [];

  constructor(scope: Construct, id: string, props: TierAccessScopesProps) {
    super(scope, id);
    const present = (Object.keys(props.tiers) as Tier[]).filter((t) => props.tiers[t] !== undefined);
    if (present.length < 2) throw new Error('TierAccessScopes needs at least two tiers to compare');
    for (const spec of accessScopePlan(present)) {
      const from = props.tiers[spec.from]!;
      const source = { resourceStatement: { resources: [from.vpcId] } };
      const matchPaths: ec2.CfnNetworkInsightsAccessScope.AccessScopePathRequestProperty[] = [];
      if (spec.to.kind === 'tier') {
        const to = props.tiers[spec.to.tier]!;
        matchPaths.push({ source, destination: { resourceStatement: { resources: [to.vpcId] } } });
        if (to.offVpcCidrs.length > 0) {
          matchPaths.push({ source, destination: { packetHeaderStatement: { destinationAddresses: to.offVpcCidrs } } });
        }
      } else {
        matchPaths.push({ source, destination: { resourceStatement: { resourceTypes: ['AWS::EC2::InternetGateway'] } } });
      }
      const cfn = new ec2.CfnNetworkInsightsAccessScope(this, spec.name, {
        matchPaths,
        tags: [
          { key: SCOPE_TAG_KEY, value: spec.name },
          { key: TIER_TAG_KEY, value: spec.from },
          { key: 'Name', value: `closed-telework ${spec.name}` },
        ],
      });
      this.scopes.push({ spec, scope: cfn });
    }
    Tags.of(this).add('mic:purpose', 'tier-separation-proof');
  }
}
