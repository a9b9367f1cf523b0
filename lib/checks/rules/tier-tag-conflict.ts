/** TIER-TAG-CONFLICT: a resource's tier tag contradicts the VPC or link it belongs to. */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const tierTagConflict: Rule = {
  id: 'TIER-TAG-CONFLICT',
  severity: 'error',
  acknowledgeable: true,
  title: 'Tier tag contradicts its VPC or link / 系のタグが矛盾',
  citation: 'declaredTiers',
  summary: 'subnet / attachment / VPN / VGW tag contradicts its VPC or gateway (a declaration fact; when the link really joins two tiers TIER-JOIN-LINK is reported as well)',
  check({ model }) {
    return model.tagConflicts.map((c) =>
      resourceFindingOf(this.id, this.severity, c.ref, this.citation, { key: 'tier-tag-conflict', id: c.ref.logicalId, reason: c.reason, expected: String(c.expected) }),
    );
  },
};
