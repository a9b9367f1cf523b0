/** CLIENT-VPN-WHOLE-VPC: a Client VPN authorization rule that covers a whole VPC CIDR (or everything), not just the desktops. */
import { setOf, subtract } from '../../cidr/address-sets';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const clientVpnWholeVpc: Rule = {
  id: 'CLIENT-VPN-WHOLE-VPC',
  severity: 'error',
  acknowledgeable: true,
  title: 'Client VPN authorises a whole VPC / Client VPNの認可範囲がVPC全体',
  citation: 'clientVpnAuthorization',
  summary: 'an authorization rule covering a whole VPC CIDR',
  check({ model }) {
    const out = [];
    for (const c of model.clientVpns.values()) {
      const vpcs = new Set([c.vpc, ...c.associations.map((a) => model.subnets.get(a.subnet)?.vpc)].filter((v): v is string => !!v));
      for (const auth of c.authorizations) {
        const covers = [...vpcs].some((v) => (model.vpcs.get(v)?.cidrs ?? []).some((vc) => subtract(setOf([vc]), setOf([auth.cidr])).length === 0));
        if (!covers) continue;
        out.push(resourceFindingOf(this.id, this.severity, auth.ref, this.citation, { key: 'client-vpn-whole-vpc', endpoint: c.ref.logicalId, cidr: auth.cidr.text, allGroups: !!auth.allGroups }));
      }
    }
    return out;
  },
};
