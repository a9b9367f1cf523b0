/**
 * TIER-JOIN-TGW: a transit gateway route table whose associations, propagations or static routes span
 * two tiers — one route domain for two tiers, even if a blackhole or filter stops packets today.
 */
import type { Tier } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFinding, tierName } from './helpers';
import { attachmentTier } from '../../model/tier-of';

export const tierJoinTgw: Rule = {
  id: 'TIER-JOIN-TGW',
  severity: 'error',
  acknowledgeable: false,
  title: 'A transit gateway route domain spans two tiers / TGW経路ドメインが系をまたぐ',
  citation: 'defenceInDepth',
  summary: 'a TGW route table with associations/propagations/static routes of two tiers (also the default table)',
  check({ model }) {
    const out: Finding[] = [];
    for (const rt of model.tgwRouteTables.values()) {
      const associated = new Map<Tier, string>();
      for (const a of rt.associations) {
        const t = attachmentTier(model, a.attachment);
        if (t && !associated.has(t)) associated.set(t, a.attachment);
      }
      const reached = new Map<Tier, { attachment: string; how: string; ref: Finding['path'][number]['resource'] }>();
      for (const p of rt.propagations) {
        const t = attachmentTier(model, p.attachment);
        if (t && !reached.has(t)) reached.set(t, { attachment: p.attachment, how: 'propagation', ref: p.ref });
      }
      for (const r of rt.routes) {
        if (r.blackhole || !r.attachment) continue;
        const t = attachmentTier(model, r.attachment);
        if (t && !reached.has(t)) reached.set(t, { attachment: r.attachment, how: `static route ${r.destText}`, ref: r.ref });
      }
      // A table nothing is associated with forwards nothing: it joins no tiers (yet).
      const tiers = new Set<Tier>([...associated.keys(), ...reached.keys()]);
      if (associated.size === 0 || tiers.size < 2) continue;
      const list = [...tiers];
      const detail = [
        ...[...associated.entries()].map(([t, a]) => `${a.split('::').pop()} (${t}) is associated`),
        ...[...reached.entries()].map(([t, x]) => `${x.attachment.split('::').pop()} (${t}) via ${x.how}`),
      ].join('; ');
      out.push(resourceFinding(this.id, this.severity, rt.ref, this.citation, this.title,
        `${rt.isDefault ? 'The default route table of' : 'Route table'} ${rt.isDefault ? rt.tgw.split('::').pop() : rt.ref.logicalId} joins ${list.map(tierName).join(' and ')}: ${detail}. Fix: give each tier its own TGW route table with DefaultRouteTableAssociation/Propagation set to disable, associate and propagate only that tier's attachments, and add blackhole routes for the other tiers' CIDRs.`,
        { from: { kind: 'tier', tier: list[0] }, to: { kind: 'tier', tier: list[1] }, direction: 'both' }));
    }
    return out;
  },
};
