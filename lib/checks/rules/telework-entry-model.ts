/** TELEWORK-ENTRY-MODEL: telework desktops in the internet tier in an α / α' model city (a β-model design). */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const teleworkEntryModel: Rule = {
  id: 'TELEWORK-ENTRY-MODEL',
  severity: 'warning',
  acknowledgeable: true,
  title: 'Telework into the internet tier in an α-model city / αモデルでインターネット接続系へのテレワーク',
  citation: 'teleworkModel',
  summary: 'telework desktops in the internet tier while the policy says α / α′',
  check({ model, policy }) {
    if (policy.model === 'beta' || policy.model === 'beta-prime') return [];
    return model.teleworkEntries
      .filter((e) => e.kind !== 'internet-facing-load-balancer' && e.subnets.some((s) => subnetTier(model, s) === 'internet'))
      .map((e) =>
        resourceFinding(this.id, this.severity, e.ref, this.citation, this.title,
          `${e.ref.logicalId} (${e.kind}) is a telework entry in the internet tier, but the policy says the city uses the ${policy.model} model, where telework goes to the LGWAN tier. Fix: move the desktops to the LGWAN tier, or declare model: beta / beta-prime in the policy if the city has adopted it.`),
      );
  },
};
