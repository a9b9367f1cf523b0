/** TIER-TAG-CONFLICT: a resource's tier tag contradicts the VPC or link it belongs to. */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

export const tierTagConflict: Rule = {
  id: 'TIER-TAG-CONFLICT',
  severity: 'error',
  title: 'Tier tag contradicts its VPC or link / 系のタグが矛盾',
  citation: 'declaredTiers',
  check({ model }) {
    return model.tagConflicts.map((c) =>
      resourceFinding(this.id, this.severity, c.ref, this.citation, this.title,
        `${c.ref.logicalId}: ${c.reason}. A resource belongs to the tier of the network it sits in; a contradicting tag means the design and the deployment disagree. Fix: correct the tag (expected ${c.expected}) or move the resource to a VPC of the intended tier.`),
    );
  },
};
