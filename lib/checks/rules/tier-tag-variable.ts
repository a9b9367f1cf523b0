/**
 * TIER-TAG-VARIABLE: a `mic:tier` tag whose value a deployment decides — a parameter (its AllowedValues, or
 * anything at all when it has none) or an Fn::If. Each deployment may put the network in another tier, so
 * no single verdict covers the template. One possible value from a constrained parameter is not a finding.
 */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

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
      resourceFinding(this.id, this.severity, v.ref, this.citation, this.title,
        v.free
          ? `${v.ref.logicalId}: the mic:tier tag comes from a parameter with no AllowedValues (default ${v.values.join(', ')}); a deployment may pass any tier, and the verdict was computed for the default only. / mic:tier タグが AllowedValues のないパラメータから決まるため、デプロイ時にどの系にもなり得ます。 Fix: write the tier as a literal, or give the parameter AllowedValues with one tier per template, and verify with --parameters for each deployment.`
          : `${v.ref.logicalId}: the mic:tier tag can be ${v.values.join(' or ')} depending on a parameter or condition, so the same template deploys the network into different tiers; the verdict was computed for ${v.values[0]} only. / mic:tier タグがパラメータまたは条件により ${v.values.join('・')} のいずれにもなり得ます。 Fix: one template per tier with a literal tag, or verify each deployment with --parameters.`),
    );
  },
};
