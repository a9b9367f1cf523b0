/** TIER-TAG-CONFLICT: a resource's tier tag contradicts the VPC or link it belongs to. */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

export const tierTagConflict: Rule = {
  id: 'TIER-TAG-CONFLICT',
  severity: 'error',
  acknowledgeable: true,
  title: 'Tier tag contradicts its VPC or link / 系のタグが矛盾',
  citation: 'declaredTiers',
  summary: 'subnet / attachment / VPN / VGW tag contradicts its VPC or gateway (a declaration fact; when the link really joins two tiers TIER-JOIN-LINK is reported as well)',
  check({ model }) {
    return model.tagConflicts.map((c) =>
      resourceFinding(this.id, this.severity, c.ref, this.citation, this.title,
        `${c.ref.logicalId}: ${c.reason}. A resource belongs to the tier of the network it sits in; a contradicting tag means the design and the deployment disagree. Fix: correct the tag (expected ${c.expected}) or move the resource to a VPC of the intended tier.`),
    );
  },
};
