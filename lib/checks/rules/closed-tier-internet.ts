/** CLOSED-TIER-INTERNET: the internet reaches, or is reached from, the LGWAN or personal-number tier. */
import { CLOSED_TIERS } from '../../tiers/tier';
import { classTier } from '../../model/reachability/places';
import type { Rule } from '../rule';
import { flowFinding } from './helpers';

export const closedTierInternet: Rule = {
  id: 'CLOSED-TIER-INTERNET',
  severity: 'error',
  severityWhenFiltered: 'warning',
  acknowledgeable: false,
  title: 'A closed tier is connected to the internet / 閉域系とインターネットの接続',
  citation: 'closedTierInternet',
  summary: 'the internet reaches, or is reached from, the LGWAN / personal-number tier',
  check({ reachability }) {
    return reachability.flows
      .filter((f) => {
        const other = f.fromClass === 'internet' ? f.toClass : f.toClass === 'internet' ? f.fromClass : undefined;
        const t = other ? classTier(other) : undefined;
        return t !== undefined && CLOSED_TIERS.includes(t);
      })
      .map((f) => {
        const t = classTier(f.fromClass === 'internet' ? f.toClass : f.fromClass);
        const inbound = f.fromClass === 'internet';
        return flowFinding(this, f, (flow) => ({ key: 'closed-tier-internet', flow, tier: t, inbound }));
      });
  },
};
