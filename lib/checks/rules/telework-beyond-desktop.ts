/** TELEWORK-BEYOND-DESKTOP: telework clients reach a subnet of their tier other than the desktop service (screen transfer only). */
import type { Rule } from '../rule';
import { flowFinding, tierName } from './helpers';
import { classTier } from '../../model/reachability/places';

export const teleworkBeyondDesktop: Rule = {
  id: 'TELEWORK-BEYOND-DESKTOP',
  severity: 'error',
  title: 'Telework clients reach more than the desktop service / テレワーク端末が仮想デスクトップ以外に到達',
  citation: 'teleworkScreenTransfer',
  check({ reachability }) {
    return reachability.flows
      .filter((f) => f.status === 'open' && f.from.kind === 'telework' && f.to.kind === 'subnet' && classTier(f.fromClass) === classTier(f.toClass) && !reachability.desktopSubnets.has(f.to.subnet!))
      .map((f) =>
        flowFinding(
          this.id, f, this.citation,
          `Telework clients reach ${f.to.label} in ${tierName(classTier(f.toClass))}, which is not a desktop subnet`,
          'Telework is screen transfer only: clients may reach the virtual desktops and nothing else in the tier.',
          'narrow the Client VPN authorization rules and routes to the desktop (WorkSpaces) subnets.',
        ),
      );
  },
};
