/** TELEWORK-ENTRY-PERSONAL-NUMBER: any telework entry point (desktops, directory used by WorkSpaces, Client VPN, streaming endpoint, internet-facing LB) in the personal-number tier. */
import { NO_TELEWORK_TIER } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const teleworkEntryPersonalNumber: Rule = {
  id: 'TELEWORK-ENTRY-PERSONAL-NUMBER',
  severity: 'error',
  acknowledgeable: false,
  title: 'Telework entry point in the personal-number tier / マイナンバー利用事務系へのテレワーク入口',
  citation: 'personalNumberNoTelework',
  summary: 'WorkSpaces (desktop, pool, directory — also registered by this package\'s custom resource — and the AD it uses), AppStream 2.0 fleets / image builders, WorkSpaces Secure Browser portals, Client VPN, `…highlander` streaming endpoint or internet-facing LB in the personal-number tier',
  check({ model }) {
    const out = [];
    for (const e of model.teleworkEntries) {
      const inPn = e.subnets.filter((s) => subnetTier(model, s) === NO_TELEWORK_TIER);
      if (inPn.length === 0 && !(e.vpc && model.vpcs.get(e.vpc)?.tier === NO_TELEWORK_TIER)) continue;
      out.push(resourceFindingOf(this.id, this.severity, e.ref, this.citation, { key: 'telework-entry-personal-number', type: e.ref.type, id: e.ref.logicalId, entry: e.kind, where: inPn.map((s) => s.split('::').pop()).join(', ') || String(e.vpc) },
        { to: { kind: 'tier', tier: NO_TELEWORK_TIER, resource: e.ref }, from: { kind: 'telework-clients' } }));
    }
    for (const c of model.clientVpns.values()) {
      const tiers = new Set([c.vpc ? model.vpcs.get(c.vpc)?.tier : undefined, ...c.associations.map((a) => subnetTier(model, a.subnet))]);
      if (!tiers.has(NO_TELEWORK_TIER)) continue;
      out.push(resourceFindingOf(this.id, this.severity, c.ref, this.citation, { key: 'client-vpn-into-personal-number', endpoint: c.ref.logicalId },
        { to: { kind: 'tier', tier: NO_TELEWORK_TIER, resource: c.ref }, from: { kind: 'telework-clients' } }));
    }
    return out;
  },
};
