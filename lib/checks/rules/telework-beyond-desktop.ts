/**
 * TELEWORK-BEYOND-DESKTOP: telework clients reach a subnet of their tier other than the desktop service,
 * or the tier's on-premises network (screen transfer only: the desktop is the one thing they may reach).
 */
import type { Rule } from '../rule';
import { flowFinding } from './helpers';
import { classTier } from '../../model/reachability/places';

export const teleworkBeyondDesktop: Rule = {
  id: 'TELEWORK-BEYOND-DESKTOP',
  severity: 'error',
  acknowledgeable: false,
  title: 'Telework clients reach more than the desktop service / テレワーク端末が仮想デスクトップ以外に到達',
  citation: 'teleworkScreenTransfer',
  summary: 'telework clients reach a subnet of their tier other than the desktop subnets, or that tier\'s on-premises network',
  check({ reachability }) {
    return reachability.flows
      .filter(
        (f) =>
          f.status === 'open' &&
          f.from.kind === 'telework' &&
          classTier(f.fromClass) === classTier(f.toClass) &&
          ((f.to.kind === 'subnet' && !reachability.desktopSubnets.has(f.to.subnet!)) || f.to.kind === 'on-prem'),
      )
      .map((f) =>
        flowFinding(this, f, (flow) => ({ key: 'telework-beyond-desktop', flow, tier: classTier(f.toClass) })),
      );
  },
};
