/**
 * TIER-JOIN-LINK: a site-to-site VPN connection or Direct Connect gateway association that joins an
 * external link of one tier to a VPC (through a virtual private gateway) or a TGW route domain of another
 * tier — the link itself joins two tiers, even where NACLs / security groups stop packets today.
 *
 * A link's tiers are its own mic:tier tag (for a DX association: its Direct Connect gateway's, else the
 * gateway it lands on) and, for a VPN, its customer gateway's tag: both declare the on-premises side.
 * The far side is the truth of the topology, not a tag: the tiers of the VPCs the virtual private gateway
 * is attached to, or of the other attachments sharing a TGW route table with the link's attachment.
 * On a TGW, a link whose own tag differs from its route domain is already TIER-JOIN-TGW (the attachment
 * takes the link's tag), so only a customer gateway of another tier is reported here.
 */
import { isTier, type Tier } from '../../tiers/tier';
import type { LinkFact, NetworkModel } from '../../model/facts/types';
import type { Finding, Hop } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { attachmentTier } from '../../model/tier-of';

export const tierJoinLink: Rule = {
  id: 'TIER-JOIN-LINK',
  severity: 'error',
  acknowledgeable: false,
  title: 'A VPN / Direct Connect link joins two tiers / 外部回線が系をまたぐ',
  citation: 'defenceInDepth',
  summary: 'a VPN connection or Direct Connect gateway association whose on-premises side (its tag, or its customer gateway\'s) is one tier, landing on a virtual private gateway attached to a VPC of another tier — or, through a TGW, a customer gateway of another tier than its route domain (a link\'s own tag differing from its TGW route domain is TIER-JOIN-TGW)',
  check({ model }) {
    const out: Finding[] = [];
    for (const l of model.links.values()) {
      if (l.kind !== 'vpn' && l.kind !== 'dx-association') continue;
      const sides = linkTiers(model, l);
      if (sides.size === 0) continue;
      const linkKind = l.kind;
      const cgw = l.cgw ? model.links.get(l.cgw) : undefined;
      const linkHop: Hop = { layer: 'vpn', resource: l.ref, step: { kind: 'link-from-on-prem', link: l.kind === 'vpn' ? 'vpn-connection' : 'dx-association', tiers: [...sides], ...(cgw ? { customerGateway: cgw.ref.logicalId } : {}) } };
      const vgw = l.vgw ? model.links.get(l.vgw) : undefined;
      if (vgw) {
        for (const vpcKey of vgw.vpcs) {
          const vpc = model.vpcs.get(vpcKey);
          const far = vpc?.tier;
          const near = [...sides].find((t) => t !== far);
          if (!vpc || !far || !near) continue;
          out.push(resourceFindingOf(this.id, this.severity, l.ref, this.citation,
            { key: 'tier-join-link-vgw', linkKind, link: l.ref.logicalId, near, declaredBy: l.tierTag === near ? { kind: 'own-tag' } : { kind: 'cgw', ...(cgw ? { cgw: cgw.ref.logicalId } : {}) }, vgw: vgw.ref.logicalId, vpc: vpc.ref.logicalId, far },
            { from: { kind: 'on-prem', tier: near }, to: { kind: 'tier', tier: far, resource: vpc.ref }, direction: 'both', path: [
              linkHop,
              { layer: 'vpn', resource: vgw.ref, step: { kind: 'vgw-attached', ...(isTier(vgw.tierTag) ? { taggedTier: vgw.tierTag } : {}), vpc: vpc.ref.logicalId } },
              { layer: 'exit', resource: vpc.ref, step: { kind: 'vpc-of-tier', tier: far } },
            ] }));
        }
      }
      const att = model.tgwAttachments.get(`${l.key}#tgwAttachment`);
      if (att) {
        // The attachment's own tag is judged by TIER-JOIN-TGW; here only what the tag does not say.
        const own = attachmentTier(model, att.key);
        const hidden = [...sides].filter((t) => t !== own);
        for (const rt of model.tgwRouteTables.values()) {
          const members = [...rt.associations.map((a) => a.attachment), ...rt.propagations.map((p) => p.attachment), ...rt.routes.filter((r) => !r.blackhole && r.attachment).map((r) => r.attachment!)];
          if (!members.includes(att.key)) continue;
          const other = members.filter((m) => m !== att.key).map((m) => ({ m, t: attachmentTier(model, m) })).find((x) => x.t && hidden.some((h) => h !== x.t));
          if (!other) continue;
          const near = hidden.find((h) => h !== other.t)!;
          const far = other.t!;
          const otherAtt = model.tgwAttachments.get(other.m)!;
          out.push(resourceFindingOf(this.id, this.severity, l.ref, this.citation,
            {
              key: 'tier-join-link-tgw', linkKind, link: l.ref.logicalId, ...(own ? { own } : {}), ...(cgw ? { cgw: cgw.ref.logicalId } : {}), near,
              table: rt.isDefault ? { isDefault: true, tgw: rt.tgw.split('::').pop()! } : { isDefault: false, id: rt.ref.logicalId },
              other: otherAtt.ref.logicalId.split('#')[0], far,
            },
            { from: { kind: 'on-prem', tier: near }, to: { kind: 'tier', tier: far }, direction: 'both', path: [
              linkHop,
              { layer: 'tgw', resource: att.ref, step: { kind: 'tgw-link-attachment', attachment: att.kind } },
              { layer: 'tgw', resource: rt.ref, step: { kind: 'tgw-table-shared', attachment: otherAtt.ref.logicalId.split('#')[0], tier: far } },
              { layer: 'exit', resource: otherAtt.ref, step: { kind: 'attachment-of-tier', tier: far } },
            ] }));
        }
      }
    }
    return out;
  },
};

/** The tiers an external link declares for its on-premises side: its own tag and its customer gateway's. */
function linkTiers(model: NetworkModel, l: LinkFact): Set<Tier> {
  const out = new Set<Tier>();
  if (isTier(l.tierTag)) out.add(l.tierTag);
  const cgw = l.cgw ? model.links.get(l.cgw) : undefined;
  if (cgw && isTier(cgw.tierTag)) out.add(cgw.tierTag);
  return out;
}
