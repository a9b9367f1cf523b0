/** TGW-DEFAULT-ROUTE-TABLE: a transit gateway with default route-table association or propagation enabled (the default). */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

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
        resourceFindingOf(this.id, this.severity, t.ref, this.citation, { key: 'tgw-default-route-table', tgw: t.ref.logicalId, association: !!t.defaultAssociation, propagation: !!t.defaultPropagation }),
      );
  },
};
