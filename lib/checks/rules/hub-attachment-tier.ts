/**
 * HUB-ATTACHMENT-TIER: something other than an internet-tier VPC attaches to a prefecture hub's Transit
 * Gateway (`mic:hub`). The prefecture's security cloud concentrates the internet tiers' internet access;
 * an LGWAN or personal-number VPC — or an undeclared one, or an on-premises link — on the hub would sit one
 * route away from the internet and from every other municipality, whatever the route tables say today.
 */
import { TIER_LABELS } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';
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
      const what = a.kind !== 'vpc'
        ? `a ${a.kind.toUpperCase()} attachment (an on-premises link)`
        : vpc === undefined
          ? 'a VPC outside the templates given'
          : vpc.tier === undefined
            ? `VPC ${vpc.ref.logicalId}, which declares no tier (mic:tier)`
            : `VPC ${vpc.ref.logicalId} of the ${TIER_LABELS[vpc.tier].en} (${TIER_LABELS[vpc.tier].ja})`;
      out.push(resourceFinding(this.id, this.severity, a.ref, this.citation, this.title,
        `Attachment ${a.ref.logicalId} joins ${what} to the ${hub} prefecture hub's Transit Gateway. Only internet-tier VPCs may attach to the security cloud. Fix: remove the attachment; a closed tier never attaches to the hub, and an internet tier must carry mic:tier=internet.`));
    }
    return out;
  },
};
