/**
 * Tiers are declared, never guessed: a VPC's tier is its `mic:tier` tag; subnets, attachments, links and
 * Client VPN endpoints inherit theirs, and a tag that says otherwise is a contradiction (TIER-TAG-CONFLICT).
 * Shared by both readers (templates: index.ts; the live account: lib/snapshot), so they judge tags alike.
 */
import { isTier } from '../../tiers/tier';
import type { NetworkModel } from './types';
import { reason } from '../reason';

export function declareTiers(model: NetworkModel): void {
  for (const v of model.vpcs.values()) if (isTier(v.tierTag)) v.tier = v.tierTag;
  // Subnets inherit their VPC's tier; a subnet tag that says otherwise is a contradiction.
  for (const s of model.subnets.values()) {
    const vpcTier = model.vpcs.get(s.vpc)?.tier;
    if (s.tierTag !== undefined && vpcTier && s.tierTag !== vpcTier) {
      model.tagConflicts.push({ ref: s.ref, tag: s.tierTag, expected: vpcTier, reason: reason('tag-subnet-vpc', { tag: s.tierTag, vpcTier }) });
    }
  }
  for (const a of model.tgwAttachments.values()) {
    const vpcTier = a.vpc ? model.vpcs.get(a.vpc)?.tier : undefined;
    if (a.tierTag !== undefined && vpcTier && a.tierTag !== vpcTier && a.kind === 'vpc') {
      model.tagConflicts.push({ ref: a.ref, tag: a.tierTag, expected: vpcTier, reason: reason('tag-attachment-vpc', { tag: a.tierTag, vpcTier }) });
    }
  }
  for (const l of model.links.values()) {
    if (l.kind === 'vpn' || l.kind === 'dx-association') {
      for (const other of [l.vgw, l.cgw]) {
        const o = other ? model.links.get(other) : undefined;
        if (o && isTier(o.tierTag) && isTier(l.tierTag) && o.tierTag !== l.tierTag) {
          model.tagConflicts.push({ ref: l.ref, tag: l.tierTag, expected: o.tierTag, reason: reason('tag-link-other', { type: l.ref.type, tag: l.tierTag, other: o.ref.logicalId, otherTag: o.tierTag }) });
        }
      }
    }
    if (l.kind === 'vgw') {
      for (const vpc of l.vpcs) {
        const vt = model.vpcs.get(vpc)?.tier;
        if (vt && isTier(l.tierTag) && vt !== l.tierTag) model.tagConflicts.push({ ref: l.ref, tag: l.tierTag, expected: vt, reason: reason('tag-vgw-vpc', { tag: l.tierTag, vpcTier: vt }) });
      }
    }
  }
  for (const c of model.clientVpns.values()) {
    const vt = c.vpc ? model.vpcs.get(c.vpc)?.tier : undefined;
    if (vt && c.tierTag !== undefined && c.tierTag !== vt) model.tagConflicts.push({ ref: c.ref, tag: c.tierTag, expected: vt, reason: reason('tag-client-vpn-vpc', { tag: c.tierTag, vpcTier: vt }) });
  }
}
