/** TIER-CROSSING: a path between two different tiers (VPCs, on-premises networks or telework clients), either direction. */
import { classTier } from '../../model/reachability/places';
import type { Rule } from '../rule';
import { flowFinding, tierName } from './helpers';

export const tierCrossing: Rule = {
  id: 'TIER-CROSSING',
  severity: 'error',
  severityWhenFiltered: 'warning',
  acknowledgeable: false,
  title: 'A path crosses between tiers / 系間の通信経路',
  citation: 'threeTierSeparation',
  summary: 'a path between two different tiers (VPCs, on-prem, telework clients), either direction',
  check({ reachability }) {
    return reachability.flows
      .filter((f) => f.fromClass !== 'internet' && f.toClass !== 'internet' && classTier(f.fromClass) !== classTier(f.toClass))
      .map((f) =>
        flowFinding(
          this, f,
          `${tierName(classTier(f.fromClass))} reaches ${tierName(classTier(f.toClass))} / 系間の通信経路`,
          'The three tiers must not communicate at all (三層分離).',
          'remove the route, TGW association/propagation or peering that joins the tiers (see the hops). Never declare it as a permitted path: data moves between tiers only by sanitised exchange (無害化) through a mechanism the information security officer approved.',
        ),
      );
  },
};
