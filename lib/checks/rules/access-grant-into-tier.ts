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
import { resourceFinding, tierName } from './helpers';
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
        const who = g.outsiders.map((o) => (o === '*' ? '"*" (every AWS account)' : /^\d{12}$|:iam::\d{12}:/.test(o) ? `${o} (a literal account id: write this account as \${AWS::AccountId} if it is the deploying account)` : o)).join(', ');
        const what = g.kind === 'endpoint-service'
          ? `endpoint service ${targetId}, whose load balancers are in ${tierName(tier)}, allows ${who} to create endpoints${g.acceptanceRequired ? '; each connection must be accepted by hand' : ' and AcceptanceRequired is off, so they connect at once'}`
          : `network interface ${targetId} in ${tierName(tier)} may be used by ${who} (NetworkInterfacePermission)`;
        out.push(resourceFinding(this.id, severity, g.ref, this.citation, g.acceptanceRequired ? `${this.title} (acceptance required)` : this.title,
          `${g.ref.logicalId}: ${what}. A network of another account then reaches into the tier through AWS, without any route these templates show. / ${g.ref.logicalId} により、他の AWS アカウントのネットワークから閉域の系へ接続できます（テンプレート上の経路を経由しません）。 Fix: allow only this account (arn:aws:iam::\${AWS::AccountId}:root) and set AcceptanceRequired: true, or remove the permission.`,
          { from: { kind: 'resource', resource: g.ref }, to: tier ? { kind: 'tier', tier } : { kind: 'resource', resource: g.ref } }));
      }
    }
    return out;
  },
};
