/** TELEWORK-ENTRY-MODEL: telework desktops in the internet tier in an α / α' model city (a β-model design). */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
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
        resourceFindingOf(this.id, this.severity, e.ref, this.citation, { key: 'telework-entry-model', id: e.ref.logicalId, kind: e.kind, model: policy.model }),
      );
  },
};
