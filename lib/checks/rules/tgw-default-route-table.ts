/** TGW-DEFAULT-ROUTE-TABLE: a transit gateway with default route-table association or propagation enabled (the default). */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

export const tgwDefaultRouteTable: Rule = {
  id: 'TGW-DEFAULT-ROUTE-TABLE',
  severity: 'warning',
  acknowledgeable: true,
  title: 'Transit gateway default route table enabled / TGWの既定ルートテーブルが有効',
  citation: 'tgwSegmentation',
  summary: '`DefaultRouteTableAssociation/Propagation` left enabled (CloudFormation\'s default)',
  check({ model }) {
    return [...model.tgws.values()]
      .filter((t) => t.defaultAssociation || t.defaultPropagation)
      .map((t) =>
        resourceFinding(this.id, this.severity, t.ref, this.citation, this.title,
          `Transit gateway ${t.ref.logicalId} has ${[t.defaultAssociation && 'DefaultRouteTableAssociation', t.defaultPropagation && 'DefaultRouteTablePropagation'].filter(Boolean).join(' and ')} enabled (CloudFormation's default): every new attachment joins one shared route domain automatically. Fix: set both to "disable" and use one route table per tier.`),
      );
  },
};
