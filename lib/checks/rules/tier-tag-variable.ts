/**
 * TIER-TAG-VARIABLE: a `mic:tier` tag whose value a deployment decides — a parameter (its AllowedValues, or
 * anything at all when it has none) or an Fn::If. Each deployment may put the network in another tier, so
 * no single verdict covers the template. One possible value from a constrained parameter is not a finding.
 */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const tierTagVariable: Rule = {
  id: 'TIER-TAG-VARIABLE',
  severity: 'error',
  acknowledgeable: true,
  title: 'The tier depends on a deploy-time value / 所属する系がデプロイ時の値で変わる',
  citation: 'declaredTiers',
  summary:
    'a `mic:tier` tag whose value a deployment decides: a parameter with several `AllowedValues` or none at all, or `Fn::If` over an undecidable condition. The verdict is computed for the first value only, so the run cannot pass; give the tag a literal, or verify each deployment with its parameter values',
  check({ model }) {
    return model.services.variableTierTags.map((v) =>
      resourceFindingOf(this.id, this.severity, v.ref, this.citation, { key: 'tier-tag-variable', id: v.ref.logicalId, free: !!v.free, values: v.values }),
    );
  },
};
