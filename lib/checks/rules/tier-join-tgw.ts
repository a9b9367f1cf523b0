/**
 * TIER-JOIN-TGW: a transit gateway route table whose associations, propagations or static routes span
 * two tiers — one route domain for two tiers, even if a blackhole or filter stops packets today.
 */
import type { Tier } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
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
      // `dest`: a static route's destination; none for a propagation.
      const reached = new Map<Tier, { attachment: string; dest?: string; ref: Finding['path'][number]['resource'] }>();
      for (const p of rt.propagations) {
        const t = attachmentTier(model, p.attachment);
        if (t && !reached.has(t)) reached.set(t, { attachment: p.attachment, ref: p.ref });
      }
      for (const r of rt.routes) {
        if (r.blackhole || !r.attachment) continue;
        const t = attachmentTier(model, r.attachment);
        if (t && !reached.has(t)) reached.set(t, { attachment: r.attachment, dest: r.destText, ref: r.ref });
      }
      // A table nothing is associated with forwards nothing: it joins no tiers (yet).
      const tiers = new Set<Tier>([...associated.keys(), ...reached.keys()]);
      if (associated.size === 0 || tiers.size < 2) continue;
      const list = [...tiers];
      out.push(resourceFindingOf(this.id, this.severity, rt.ref, this.citation,
        {
          key: 'tier-join-tgw',
          table: rt.isDefault ? rt.tgw.split('::').pop()! : rt.ref.logicalId,
          isDefault: rt.isDefault,
          tiers: list,
          associated: [...associated.entries()].map(([tier, a]) => ({ attachment: attachmentName(a), tier })),
          reached: [...reached.entries()].map(([tier, x]) => ({ attachment: attachmentName(x.attachment), tier, ...(x.dest !== undefined ? { dest: x.dest } : {}) })),
        },
        { from: { kind: 'tier', tier: list[0] }, to: { kind: 'tier', tier: list[1] }, direction: 'both' }));
    }
    return out;
  },
};

/** An attachment as the reader knows it: its logical id, or for a VPN / Direct Connect attachment (which has no
 * resource of its own; its key ends in #tgwAttachment) the connection that makes it. */
function attachmentName(key: string): string {
  return key.split('::').pop()!.split('#')[0];
}
