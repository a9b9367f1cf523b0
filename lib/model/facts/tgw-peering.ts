/**
 * Transit Gateway peering attachments (`AWS::EC2::TransitGatewayPeeringAttachment`): a route domain of this
 * transit gateway reaches a transit gateway in another Region or account (disaster recovery Tokyo–Osaka,
 * a prefecture's shared network). The far side is almost never in the same set of templates — a peering's
 * accepter side cannot import the attachment across Regions — so the peering is modelled as an exit to the
 * network of the tier its `mic:tier` tag declares: static routes to it deliver there (like a tier's
 * on-premises link), and the route table it is associated with receives from there. A peering tagged with
 * one tier in another tier's route domain is TIER-JOIN-TGW and, where routes connect, TIER-CROSSING; a
 * same-tier peering is clean. Untagged: the tier of the peer transit gateway if that is in the templates,
 * else UNRESOLVED-VALUE (fail closed). Peering attachments carry static routes only (no propagation).
 */
import { isTier } from '../../tiers/tier';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const tgwPeeringExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayPeeringAttachment'],
  phase: 3,
  extract(entry, ctx) {
    const tgw = ctx.refKey(entry, 'TransitGatewayId', ['AWS::EC2::TransitGateway']);
    const peerVals = ctx.resolver.prop(entry, 'PeerTransitGatewayId');
    // A peer outside the templates is the normal case (another Region): not a finding by itself.
    const peer = peerVals.map((v) => (v && typeof v === 'object' && 'key' in v ? (v as { key: string }).key : undefined)).find((k) => k && ctx.model.tgws.has(k));
    let tierTag = ctx.tierTag(entry);
    const peerTag = peer ? ctx.model.tgws.get(peer)?.tierTag : undefined;
    if (tierTag === undefined && isTier(peerTag)) tierTag = peerTag;
    if (isTier(tierTag) && isTier(peerTag) && tierTag !== peerTag) {
      ctx.model.tagConflicts.push({ ref: ctx.ref(entry), tag: tierTag, expected: peerTag, reason: reason('tag-peering-tgw', { tag: tierTag, peer: peerTag }) });
    }
    if (!isTier(tierTag)) {
      ctx.unresolved(entry, 'Tags.mic:tier', reason('tgw-peering-needs-tag'));
    }
    if (!tgw) return;
    ctx.model.tgwAttachments.set(entry.key, ctx.fact(entry, { tgw, kind: 'peering', subnets: [], ...(tierTag !== undefined ? { tierTag } : {}) }));
  },
};
