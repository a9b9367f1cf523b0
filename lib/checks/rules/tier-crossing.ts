/** TIER-CROSSING: a path between two different tiers (VPCs, on-premises networks or telework clients), either direction. */
import { classTier } from '../../model/reachability/places';
import type { Rule } from '../rule';
import { flowFinding } from './helpers';

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
        flowFinding(this, f, (flow) => ({ key: 'tier-crossing', flow, from: classTier(f.fromClass), to: classTier(f.toClass) })),
      );
  },
};
