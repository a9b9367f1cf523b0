/** CLOSED-TIER-INTERNET: the internet reaches, or is reached from, the LGWAN or personal-number tier. */
import { CLOSED_TIERS } from '../../tiers/tier';
import { classTier } from '../../model/reachability/places';
import type { Rule } from '../rule';
import { flowFinding, tierName } from './helpers';

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
        return flowFinding(
          this, f,
          `${inbound ? 'The internet reaches' : `${tierName(t)} reaches the internet from`} ${inbound ? tierName(t) : ''} / インターネット接続`.replace(/\s+/g, ' '),
          `The ${t} tier is closed: no path to or from the internet (telework enters only through the closed VPN).`,
          inbound
            ? 'detach the internet gateway from this VPC and remove public subnets/load balancers; telework must enter through the closed VPN.'
            : 'remove the default route to the internet gateway / NAT gateway; use VPC endpoints for AWS services.',
        );
      });
  },
};
