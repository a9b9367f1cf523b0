/** UNTAGGED-LINK: a link to a network outside AWS (VGW, VPN, Direct Connect) whose tier is not declared. */
import { isTier } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const untaggedLink: Rule = {
  id: 'UNTAGGED-LINK',
  severity: 'error',
  acknowledgeable: true,
  title: 'External link has no tier tag / 外部接続に系のタグがない',
  citation: 'declaredTiers',
  summary: 'an external link (VPN connection, customer / virtual private gateway, Direct Connect gateway) without a valid `mic:tier` tag',
  check({ model }) {
    const out = [];
    for (const l of model.links.values()) {
      if (l.kind === 'cgw' && l.tierTag === undefined) continue; // a customer gateway takes its VPN's tier
      const inherited = l.kind === 'vpn' || l.kind === 'dx-association' ? model.links.get(l.vgw ?? '')?.tierTag : undefined;
      if (isTier(l.tierTag) || isTier(inherited)) continue;
      out.push(resourceFindingOf(this.id, this.severity, l.ref, this.citation, { key: 'untagged-link', type: l.ref.type, id: l.ref.logicalId, ...(l.tierTag === undefined ? {} : { invalid: JSON.stringify(l.tierTag) }) }));
    }
    return out;
  },
};
