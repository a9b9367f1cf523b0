/**
 * HUB-ATTACHMENT-TIER: something other than an internet-tier VPC attaches to a prefecture hub's Transit
 * Gateway (`mic:hub`). The prefecture's security cloud concentrates the internet tiers' internet access;
 * an LGWAN or personal-number VPC — or an undeclared one, or an on-premises link — on the hub would sit one
 * route away from the internet and from every other municipality, whatever the route tables say today.
 */
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf, templateResource } from './helpers';
import { membershipOf } from '../../model/facts/membership';

export const hubAttachmentTier: Rule = {
  id: 'HUB-ATTACHMENT-TIER',
  severity: 'error',
  acknowledgeable: false,
  title: 'Only internet tiers attach to the prefecture hub / 都道府県ハブに接続できるのはインターネット接続系のみ',
  citation: 'municipalitySeparation',
  summary: 'anything but an internet-tier VPC attached to a prefecture hub\'s Transit Gateway (`mic:hub`)',
  check({ model }) {
    const out: Finding[] = [];
    for (const a of model.tgwAttachments.values()) {
      const hub = membershipOf(model, a.tgw).hub;
      if (hub === undefined) continue;
      const vpc = a.kind === 'vpc' && a.vpc ? model.vpcs.get(a.vpc) : undefined;
      if (vpc?.tier === 'internet') continue;
      const joined = a.kind !== 'vpc'
        ? { kind: 'link' as const, linkKind: a.kind }
        : vpc === undefined ? { kind: 'outside' as const } : { kind: 'vpc' as const, vpc: vpc.ref.logicalId, ...(vpc.tier ? { tier: vpc.tier } : {}) };
      // A VPN or Direct Connect attachment has no resource of its own (its key ends in #tgwAttachment): the reader
      // is shown the connection that makes it, as the finding's resource already is.
      out.push(resourceFindingOf(this.id, this.severity, a.ref, this.citation, { key: 'hub-attachment-tier', attachment: templateResource(a.ref).logicalId, hub, joined }));
    }
    return out;
  },
};
