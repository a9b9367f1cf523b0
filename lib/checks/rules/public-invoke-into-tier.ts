/**
 * PUBLIC-INVOKE-INTO-TIER: code that runs inside an LGWAN or personal-number subnet (a Lambda function with
 * VpcConfig) that anyone may invoke — a function URL with AuthType NONE, or a resource policy for principal
 * "*" with no condition on the caller. The request needs no route into the tier: the Lambda service carries
 * it, and the code then acts inside the tier. The same shape through an API Gateway VPC link is a path too.
 * A URL on a function outside any VPC, or a function in a VPC with no public surface, is not this finding.
 */
import type { Tier } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const publicInvokeIntoTier: Rule = {
  id: 'PUBLIC-INVOKE-INTO-TIER',
  severity: 'error',
  acknowledgeable: false,
  title: 'Anyone can invoke code inside a closed tier / 閉域の系の中で動くコードを誰でも呼び出せる',
  citation: 'closedTierInternet',
  summary:
    'a Lambda function whose `VpcConfig` puts it in LGWAN / personal-number subnets, with a function URL `AuthType: NONE` or a resource policy for principal `*` with no `SourceArn` / `SourceAccount` / `PrincipalOrgID` (aliases and versions are followed). The internet reaches code inside the tier with no route. Not a finding: a function in a VPC with no public surface, a URL on a function outside any VPC, `AuthType: AWS_IAM`',
  check({ model }) {
    const out = [];
    for (const p of model.services.publicInvokes) {
      const fn = model.services.functions.get(p.function);
      if (!fn) continue;
      const tiers = new Set<Tier>();
      for (const s of fn.subnets) {
        const t = subnetTier(model, s);
        if (t && t !== 'internet') tiers.add(t);
      }
      for (const tier of tiers) {
        out.push(resourceFindingOf(this.id, this.severity, p.ref, this.citation,
          { key: 'public-invoke-into-tier', function: fn.ref.logicalId, grant: p.ref.logicalId, tier, surface: p.surface },
          { from: { kind: 'internet' }, to: { kind: 'tier', tier, resource: fn.ref }, path: [
            { layer: 'entry', resource: p.ref, step: { kind: 'public-invoke', surface: p.surface } },
            { layer: 'exit', resource: fn.ref, step: { kind: 'function-in-subnets', tier, subnets: fn.subnets.map((s) => s.split('::')[1]) } },
          ] }));
      }
    }
    return out;
  },
};
