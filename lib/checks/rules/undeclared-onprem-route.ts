/**
 * UNDECLARED-ONPREM-ROUTE: a closed tier (LGWAN, personal-number) sends addresses over its on-premises
 * link that the policy does not declare as that tier's — its on-premises networks, or its telework clients
 * arriving over that link (closed SIM / Direct Connect) — by a static route to a wider or other range, or by
 * route propagation, which installs whatever on-premises advertises.
 *
 * Why it matters: the proof treats a tier's link as leading to that tier's declared on-premises networks.
 * Traffic to an undeclared range goes to a network nobody has classified — it may be another tier's
 * office, or a carrier network shared with one. The personal-number tier in particular must talk only to
 * its own declared systems. The internet tier is left out: its link may carry the default route to the
 * prefecture's security cloud by design.
 *
 * Hygiene, not a crossing: acknowledgeable with a reason (e.g. an LGWAN route whose ranges are declared by
 * the LGWAN operator), because the engine cannot see the on-premises side.
 */
import type { Tier } from '../../tiers/tier';
import { describeSet, intersect, isEmpty, parseCidr, setOf, subtract, type IntervalSet } from '../../cidr/address-sets';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { isDerivedPolicy } from '../derived-policy';

const CLOSED_TIERS: readonly Tier[] = ['lgwan', 'personal-number'];

export const undeclaredOnPremRoute: Rule = {
  id: 'UNDECLARED-ONPREM-ROUTE',
  severity: 'error',
  acknowledgeable: true,
  title: 'A closed tier routes undeclared ranges to on-premises / 閉域の系が未宣言の宛先をオンプレミスへ送る',
  citation: 'personalNumberIsolation',
  summary: 'an LGWAN or personal-number route table sends addresses over the tier\'s on-premises link (a route to its virtual private gateway, or VGW route propagation) that the policy does not declare as that tier\'s on-premises networks — they go to a network nobody has classified; the message says when they include another tier\'s declared networks. The internet tier is exempt (its link may carry the default route to the security cloud)',
  check({ model, policy }) {
    const cidrs = (list: readonly { cidrs: string[] }[]) => list.flatMap((n) => n.cidrs.map((c) => parseCidr(c)).filter((c) => c !== undefined));
    // What a tier's link may lead to: its on-premises networks, and its telework clients that arrive over
    // that link (closed SIM, Direct Connect, closed VPN; Client VPN clients enter through AWS instead).
    const declaredByTier = new Map<Tier, IntervalSet>();
    const declared = (tier: Tier): IntervalSet => {
      let set = declaredByTier.get(tier);
      if (!set) {
        set = setOf([...cidrs(policy.onPremNetworks.filter((n) => n.tier === tier)), ...cidrs(policy.teleworkClients.filter((p) => p.tier === tier && p.via !== 'client-vpn'))]);
        declaredByTier.set(tier, set);
      }
      return set;
    };
    const out: Finding[] = [];
    for (const rt of model.routeTables.values()) {
      const tier = model.vpcs.get(rt.vpc)?.tier;
      if (!tier || !CLOSED_TIERS.includes(tier)) continue;
      const own = declared(tier);
      for (const route of rt.routes) {
        if (route.target.kind !== 'vgw') continue;
        const undeclared = subtract(route.dest, own);
        if (isEmpty(undeclared)) continue;
        const others = CLOSED_TIERS.concat(['internet'])
          .filter((t) => t !== tier)
          .filter((t) => !isEmpty(intersect(undeclared, declared(t))));
        out.push(resourceFindingOf(this.id, this.severity, route.ref, tier === 'personal-number' ? 'personalNumberIsolation' : 'lgwanSeparation', {
          key: 'undeclared-onprem-route', route: route.ref.logicalId, tier, propagation: route.prefixLength < 0, dest: route.destText,
          derivedPolicy: isDerivedPolicy(policy), ...(isEmpty(own) ? {} : { own: describeSet(own) }), undeclared: describeSet(undeclared), others,
        }));
      }
    }
    return out;
  },
};
