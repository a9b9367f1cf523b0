/**
 * ACCESS-GRANT-INTO-TIER: a permission that lets principals outside this account into a closed tier with no
 * route in the templates — an endpoint service (PrivateLink) whose load balancers are in the LGWAN or
 * personal-number tier, allowed to "*" or another account; or a network interface in such a tier that
 * another account may attach an instance to. Error when connections need no acceptance (any allowed
 * account connects at once); warning when every connection must be accepted by hand.
 * An endpoint service restricted to this account (`arn:aws:iam::${AWS::AccountId}:root`) is not a finding:
 * its consumers are endpoints in templates, which TIER-JOIN-PRIVATELINK checks.
 */
import type { Tier } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const accessGrantIntoTier: Rule = {
  id: 'ACCESS-GRANT-INTO-TIER',
  severity: 'error',
  severityLoweredWhen: 'warning when `AcceptanceRequired: true`',
  acknowledgeable: false,
  title: 'Another account is allowed into a closed tier / 他のアカウントに閉域の系への接続を許可',
  citation: 'closedTierInternet',
  summary:
    '`AWS::EC2::VPCEndpointServicePermissions` allowing `*` or another account to an endpoint service whose load balancers are in a closed tier (or outside the templates), or `AWS::EC2::NetworkInterfacePermission` giving another account an interface in a closed tier. `AcceptanceRequired` absent counts as off. This account is `${AWS::AccountId}` (Ref / Sub); a literal account id cannot be told apart from it and counts as another account',
  check({ model }) {
    const out = [];
    for (const g of model.services.accessGrants) {
      const subnets = g.kind === 'endpoint-service'
        ? (model.endpointServices.get(g.target)?.loadBalancers ?? []).flatMap((lb) => model.compute.get(lb)?.subnets ?? [])
        : (model.compute.get(g.target)?.subnets ?? []);
      const tiers = new Set<Tier | undefined>(subnets.map((s) => subnetTier(model, s)));
      // Where the target's tier cannot be told (load balancer outside the templates), fail closed.
      if (subnets.length === 0) tiers.add(undefined);
      const targetId = g.target.split('::')[1] ?? g.target;
      for (const tier of tiers) {
        if (tier === 'internet') continue;
        const severity = g.acceptanceRequired ? 'warning' : 'error';
        const outsiders = g.outsiders.map((id) => ({ id, kind: id === '*' ? 'everyone' as const : /^\d{12}$|:iam::\d{12}:/.test(id) ? 'literal-account' as const : 'other' as const }));
        out.push(resourceFindingOf(this.id, severity, g.ref, this.citation,
          { key: 'access-grant-into-tier', grant: g.ref.logicalId, kind: g.kind, target: targetId, ...(tier ? { tier } : {}), outsiders, acceptanceRequired: g.acceptanceRequired },
          { from: { kind: 'resource', resource: g.ref }, to: tier ? { kind: 'tier', tier } : { kind: 'resource', resource: g.ref } }));
      }
    }
    return out;
  },
};
