/**
 * REMOTE-ENTRY-INTO-TIER: a managed entry from the internet into the LGWAN or personal-number tier — an EC2
 * Instance Connect Endpoint (SSH / RDP through the AWS API) or a Verified Access endpoint. Neither needs an
 * internet gateway: the packets come through AWS. The personal-number tier allows no remote access at all;
 * the LGWAN tier only over a closed line with screen transfer, which neither is. In the internet tier they
 * are ordinary internet entries and not this finding.
 */
import type { Tier } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const remoteEntryIntoTier: Rule = {
  id: 'REMOTE-ENTRY-INTO-TIER',
  severity: 'error',
  acknowledgeable: false,
  title: 'A managed entry from the internet into a closed tier / インターネットから閉域の系への入口',
  citation: 'closedTierInternet',
  summary: 'an EC2 Instance Connect Endpoint (SSH / RDP through the AWS API), a Verified Access endpoint (by its load balancer, interface or subnets), an API Gateway HTTP API integration through a VPC link (by the link\'s subnets) or an AppStream 2.0 instance with default internet access in the LGWAN or personal-number tier: an entry from the internet that needs no internet gateway and is not a closed path. In the internet tier it is not a finding',
  check({ model }) {
    const out: Finding[] = [];
    for (const e of model.services.remoteEntries) {
      const tiers = new Set(e.subnets.map((s) => subnetTier(model, s)).filter((t): t is Tier => t !== undefined && t !== 'internet'));
      for (const tier of tiers) {
        out.push(resourceFindingOf(this.id, this.severity, e.ref, tier === 'personal-number' ? 'personalNumberNoTelework' : this.citation, { key: 'remote-entry-into-tier', id: e.ref.logicalId, entry: e.kind, tier },
          { from: { kind: 'internet' }, to: { kind: 'tier', tier, resource: e.ref } }));
      }
    }
    return out;
  },
};
